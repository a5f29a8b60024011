import Foundation
@testable import PlanWorkbook
import RedeployDomain
import ScenarioIO
import Testing
import Workbook

/// The plan workbook read back with the Workbook module's reader: every sheet, header and cell
/// is the table it was made from, numbers to the last bit.
@Suite("Plan workbook")
struct PlanWorkbookTests {
    /// The cells of a sheet as read, row by row from row 1, column by column from A; nil where
    /// a cell holds nothing.
    static func grid(_ sheet: WorkbookSheet) -> [[CellValue?]] {
        let width = sheet.rows.map { $0.cells.map(\.column).max() ?? 0 }.max() ?? 0
        var grid = [[CellValue?]](repeating: Array(repeating: nil, count: width), count: sheet.rows.last?.number ?? 0)
        for row in sheet.rows {
            for cell in row.cells { grid[row.number - 1][cell.column - 1] = cell.value }
        }
        return grid
    }

    /// A cell as plan.csv writes it (shortest round-trip numbers).
    static func contractText(_ cell: SheetTable.Cell) -> String {
        switch cell {
        case .text(let text): return text
        case .number(let value): return NumberText.format(value)
        case .count(let value): return String(value)
        case .empty: return ""
        }
    }

    /// The numbers of `cells`, each within 1e-9 of `expected`.
    static func near(_ cells: ArraySlice<SheetTable.Cell>, _ expected: [Double]) -> Bool {
        guard cells.count == expected.count else { return false }
        return zip(cells, expected).allSatisfy { cell, x in
            if case .number(let v) = cell { return abs(v - x) < 1e-9 }
            return false
        }
    }

    static func expected(_ cell: SheetTable.Cell) -> CellValue? {
        switch cell {
        case .text(let text): return .text(text)
        case .number(let value): return .number(value)
        case .count(let value): return .number(Double(value))
        case .empty: return nil
        }
    }

    /// Reads `data` and checks it holds `tables`, in order, cell for cell.
    static func expectHolds(_ data: Data, _ tables: [SheetTable]) throws {
        let reader = try WorkbookReader(data: data, file: "plan.xlsx")
        #expect(reader.sheetNames == tables.map(\.name))
        for table in tables {
            let grid = Self.grid(try reader.sheet(table.name))
            #expect(grid.first?.map { $0 } == table.columns.map { CellValue.text($0.heading) }, "\(table.name) header")
            #expect(grid.count == table.rows.count + 1, "\(table.name) rows")
            for (r, row) in table.rows.enumerated() where r + 1 < grid.count {
                let read = grid[r + 1] + Array(repeating: nil, count: max(0, row.count - grid[r + 1].count))
                #expect(Array(read.prefix(row.count)) == row.map(Self.expected), "\(table.name) row \(r + 2)")
            }
        }
    }

    @Test func everySheetReadsBackAsItsTable() throws {
        let sheets = Fixture.sheets()
        let tables = sheets.all()
        #expect(tables.map(\.name) == ["Summary", "Transfers", "Hires and releases", "Schools", "By school", "By area"])
        try Self.expectHolds(try PlanWorkbookFile.data(sheets), tables)
    }

    @Test func transfersAndHiresStartWithPlanColumns() throws {
        let sheets = Fixture.sheets()
        let contract = ["action", "from_school", "to_school", "subject", "teachers", "km"]
        #expect(Array(sheets.transfers().columns.map(\.heading).prefix(6)) == contract)
        #expect(Array(sheets.hiresAndReleases().columns.map(\.heading).prefix(6)) == contract)
        // Together they are plan.csv: its rows, none lost, none twice, numbers in full.
        let plan = try CSVTable.parse(Fixture.output().planCSV(), file: "plan.csv")
        let rows = (sheets.transfers().rows + sheets.hiresAndReleases().rows).map { Array($0.prefix(6)).map(Self.contractText) }
        #expect(rows.sorted { $0.lexicographicallyPrecedes($1) }
                    == plan.rows.map { $0.fields.map(\.text) }.sorted { $0.lexicographicallyPrecedes($1) })
        #expect(sheets.transfers().rows[1][5] == .number(4.123456))
    }

    /// Every figure of Summary with a summary.json key is summary.json's, to the last digit
    /// (compared as summary.json's text: the shortest that reads back as the same double).
    @Test func summaryHoldsSummaryJSONFigures() throws {
        let json = Fixture.output().summaryJSON()
        var values: [String: String] = [:]
        for line in json.split(separator: "\n") {
            let parts = line.trimmingCharacters(in: .whitespaces).split(separator: ": ", maxSplits: 1)
            guard parts.count == 2 else { continue }
            values[String(parts[0].dropFirst().dropLast())] = String(parts[1].hasSuffix(",") ? parts[1].dropLast() : parts[1])
        }
        let summary = Fixture.sheets().summary()
        var checked: [String] = []
        for row in summary.rows {
            guard case .text(let key) = row[2] else { continue }
            switch row[1] {
            case .text(let text): #expect(values[key] == "\"\(text)\"", "\(key)")
            case .number(let value): #expect(values[key] == NumberText.format(value), "\(key)")
            case .count(let value): #expect(values[key] == String(value), "\(key)")
            case .empty: #expect(values[key] == "null", "\(key)")
            }
            checked.append(key)
        }
        #expect(checked == ["scenario", "status", "method", "weighted_shortage_before", "weighted_shortage", "cost",
                            "transfers", "hires", "releases", "payroll_before", "payroll_after", "mip_gap"])
        #expect(summary.rows.contains { $0[0] == .text("Method") && $0[1] == .text("greedy") })
        #expect(summary.rows.contains { $0[0] == .text("Hiring allowed") && $0[1] == .text("yes") })
    }

    @Test func byAreaAddsUpToSchoolsAndActions() throws {
        let area = Fixture.sheets().byArea()
        #expect(area.columns.map(\.heading) == ["Area", "Schools", "required", "before", "after", "shortage", "surplus",
                                                "Sent", "Received", "Moved within the area", "Hired", "Released"])
        #expect(area.totalRows == 1)
        // Cẩm Phả sends 3 to Hạ Long and releases 1; within Hạ Long, 2 move; 1 hire there.
        let camPha = area.rows[0]
        #expect(camPha[0] == .text("Cẩm Phả") && camPha[1] == .count(1))
        #expect(Self.near(camPha[2...], [27, 32, 28, 0, 1, 3, 0, 0, 0, 1]))
        let halong = area.rows[1]
        #expect(halong[0] == .text("Hạ Long") && halong[1] == .count(3))
        // required 22 + 17.6 + 13.2; before 18 + 19 + 12; after 22 + 17 + 14; HL-MN02 0.6 short, HL-MN03 0.8 over.
        #expect(Self.near(halong[2...], [52.8, 49, 53, 0.6, 0.8, 0, 3, 2, 1, 0]))
        let total = area.rows[2]
        #expect(total[0] == .text("Total") && total[1] == .count(4))
        #expect(Self.near(total[2...], [79.8, 81, 81, 0.6, 1.8, 0, 0, 5, 1, 1]))
    }

    @Test func sheetNamesAreAcceptedAndUnique() {
        var names = SheetNames()
        #expect(names.unique("Commune Hạ Long: [A]*?") == "Commune Hạ Long   A")
        #expect(names.unique("commune hạ long   a") == "commune hạ long   a (2)")
        #expect(names.unique(String(repeating: "x", count: 40)).count == 31)
    }

    @Test func sameSheetsGiveSameBytes() throws {
        #expect(try PlanWorkbookFile.data(Fixture.sheets()) == PlanWorkbookFile.data(Fixture.sheets()))
    }

    /// Widths count a text's characters (Unicode scalars, whether precomposed or not), a number
    /// as its display, the heading too, within 6...60 plus 2 of margin.
    @Test func columnWidths() {
        #expect(SheetTable.scalarCount("Hạ Long") == 7)
        #expect(SheetTable.scalarCount("Nguye\u{0302}\u{0303}n") == 8)
        #expect(SheetTable.scalarCount("") == 0)
        #expect(SheetTable.scalarCount("😀x") == 2)
        let table = SheetTable(name: "T", columns: [.init("id", .text), .init("Trường", .text), .init("n", .decimal),
                                                    .init("long heading here", .whole)],
                               rows: [[.text("S1"), .text("Trường THCS Cẩm Phả số 12"), .number(1_234_567.5), .count(12)],
                                      [.text("S2"), .text(String(repeating: "ễ", count: 80))],
                                      [.empty, .empty, .number(-3)]])
        #expect(table.widths == [6, 60, 14, 19])
    }
}
