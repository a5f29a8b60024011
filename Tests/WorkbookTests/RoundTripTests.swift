import Foundation
import Testing
@testable import Workbook

@Suite struct RoundTripTests {
    /// The cells of a sheet read back, as (reference, value) pairs.
    static func cells(_ sheet: WorkbookSheet) -> [String: CellValue] {
        var result: [String: CellValue] = [:]
        for row in sheet.rows { for cell in row.cells { result[cell.reference.description] = cell.value } }
        return result
    }

    static func sample(shared: Bool) -> WorkbookWriter {
        var staff = WorkbookWriter.Sheet(name: "Staff", frozenRows: 1, columnWidths: [12, nil, 30])
        staff.rows = [
            [.text("school_id", style: .header), .text("subject", style: .header), .text("teachers", style: .header)],
            [.text("S1"), .text("ngữ_văn"), .number(12)],
            [.text("Trường THCS Hạ Long"), .text("  spaced  "), .number(2.53, style: .init(numberFormat: "0.00"))],
            [.text("a & b < c > \"d\""), .text("line\nbreak\rcarriage\ttab"), .number(0.1 + 0.2)],
            [.bool(true), .empty, .number(-1e-7, style: .init(fill: "FFC7CE"))],
            [],
            [.empty, .text("_x0041_ literal"), .number(123_456_789.123_456_78, style: .init(bold: true, fill: "#c6efce"))],
        ]
        let other = WorkbookWriter.Sheet(name: "Hires and releases", rows: [[.text("action")], [.text("hire")]])
        return WorkbookWriter(sheets: [staff, other], sharedStrings: shared)
    }

    @Test(arguments: [true, false])
    func writtenCellsReadBack(shared: Bool) throws {
        let data = try Self.sample(shared: shared).data()
        let reader = try WorkbookReader(data: data, file: "t.xlsx")
        #expect(reader.sheetNames == ["Staff", "Hires and releases"])
        let sheet = try reader.sheet("Staff")
        let cells = Self.cells(sheet)
        #expect(cells["A1"] == .text("school_id"))
        #expect(cells["B2"] == .text("ngữ_văn"))
        #expect(cells["C2"] == .number(12))
        #expect(cells["A3"] == .text("Trường THCS Hạ Long"))
        #expect(cells["B3"] == .text("  spaced  "))
        #expect(cells["C3"] == .number(2.53))
        #expect(cells["A4"] == .text("a & b < c > \"d\""))
        #expect(cells["B4"] == .text("line\nbreak\rcarriage\ttab"))
        #expect(cells["C4"] == .number(0.1 + 0.2))
        #expect(cells["A5"] == .bool(true))
        #expect(cells["B5"] == nil)
        #expect(cells["C5"] == .number(-1e-7))
        #expect(cells["B7"] == .text("_x0041_ literal"))
        #expect(cells["C7"] == .number(123_456_789.123_456_78))
        #expect(sheet.rows.map(\.number) == [1, 2, 3, 4, 5, 7])
        #expect(Self.cells(try reader.sheet("hires AND releases"))["A2"] == .text("hire"))
    }

    @Test func sameSheetsSameBytes() throws {
        let a = try Self.sample(shared: true).data()
        let b = try Self.sample(shared: true).data()
        #expect(a == b)
    }

    @Test func refusesSheetsExcelWouldRefuse() {
        for name in ["", "a/b", String(repeating: "x", count: 32), "'quoted'"] {
            #expect(throws: WorkbookError.self) { try WorkbookWriter(sheets: [.init(name: name)]).data() }
        }
        #expect(throws: WorkbookError.self) {
            try WorkbookWriter(sheets: [.init(name: "A"), .init(name: "a")]).data()
        }
        #expect(throws: WorkbookError.self) {
            try WorkbookWriter(sheets: [.init(name: "A", rows: [[.number(.infinity)]])]).data()
        }
    }

    @Test func streamsRowsInOrder() throws {
        var sheet = WorkbookWriter.Sheet(name: "Big")
        for k in 1...2_000 { sheet.rows.append([.number(Double(k)), .text("row \(k)")]) }
        let reader = try WorkbookReader(data: WorkbookWriter(sheets: [sheet]).data(), file: "big.xlsx")
        var seen = 0
        try reader.forEachRow(of: "Big") { (row: SheetRow) throws(WorkbookError) in
            seen += 1
            if row.number != seen || row[1]?.value != .number(Double(seen)) {
                throw WorkbookError(file: "big.xlsx", message: "row \(row.number) out of place")
            }
        }
        #expect(seen == 2_000)
    }
}
