import Foundation
@testable import ScenarioIO
import Testing
import Workbook

/// `SheetTable.read` makes a sheet without merged ranges into its table row by row
/// (`SheetTable.Stream`); it must give what `SheetTable.table` gives for the whole sheet: the
/// same header, rows and fields, or the same diagnostics in the same order.
@Suite struct SheetTableStreamTests {
    static func outcome(_ result: Result<CSVTable, ScenarioError>) -> String {
        switch result {
        case .success(let table): return "\(table.file)\n\(table.header)\n\(Array(table.rows))"
        case .failure(let error): return "failure\n\(error.diagnostics)"
        }
    }

    /// Both ways for every sheet of `data`; returns how many sheets were streamed.
    @discardableResult
    static func agree(_ data: Data, _ label: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Int {
        guard let reader = try? WorkbookReader(data: data, file: "t.xlsx") else { return 0 }
        var streamed = 0
        for name in reader.sheetNames {
            let file = "t.xlsx#" + name
            let whole: String, read: String
            do { whole = outcome(SheetTable.table(try reader.sheet(name), file: file)) } catch { whole = "refused \(error)" }
            do { read = outcome(try SheetTable.read(name, of: reader, file: file)) } catch { read = "refused \(error)" }
            #expect(read == whole, "\(label), sheet \(name)", sourceLocation: sourceLocation)
            var mayHaveMerges = true
            _ = try? reader.forEachRow(of: name, begin: { mayHaveMerges = $0 }) { _ in }
            if !mayHaveMerges { streamed += 1 }
        }
        return streamed
    }

    /// A workbook of one sheet, T, whose worksheet XML is `rows` (then `after`, for merged ranges).
    static func sheet(_ rows: String, after: String = "") throws -> Data {
        let writer = WorkbookWriter(sheets: [WorkbookWriter.Sheet(name: "T", rows: [[.text("x")]])], sharedStrings: false)
        return try WorkbookFixtures.edited(writer, sheet: "T") { _ in
            "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>\(rows)</sheetData>\(after)</worksheet>"
        }
    }

    static func text(_ ref: String, _ text: String) -> String {
        "<c r=\"\(ref)\" t=\"inlineStr\"><is><t>\(text)</t></is></c>"
    }

    @Test func theBaseScenarioAndTheDamagedWorkbooks() throws {
        #expect(try Self.agree(WorkbookFixtures.base().data(), "base") >= 3)
        var streamed = 0
        for (name, data, _) in try WorkbookFixtures.malformed() { streamed += try Self.agree(data, name) }
        #expect(streamed > 40)
    }

    static let edges: [(rows: String, after: String, streamed: Bool)] = [
        ("", "", true),
        ("<row r=\"3\"/>", "", true),
        ("<row r=\"1\">\(text("A1", " "))</row><row r=\"2\"><c r=\"A2\"><f>1+1</f><v>2</v></c></row>", "", true),
        ("<row r=\"1\">\(text("A1", "a"))\(text("B1", "b"))\(text("C1", " A "))</row>"
            + "<row r=\"2\"><c r=\"A2\"><f>1+1</f><v>2</v></c><c r=\"B2\" t=\"e\"><v>#N/A</v></c>\(text("E2", "x"))</row>"
            + "<row r=\"4\"><c r=\"A4\"><v>1</v></c>\(text("B4", " "))\(text("F4", " "))</row>"
            + "<row r=\"5\">\(text("A5", "  "))</row><row r=\"6\"><c r=\"A6\" s=\"0\"/></row>", "", true),
        ("<row r=\"2\">\(text("B2", "id"))<c r=\"D2\"><v>5</v></c></row>"
            + "<row r=\"3\"><c r=\"B3\" t=\"b\"><v>1</v></c><c r=\"D3\"><v>2.5</v></c><c r=\"E3\"><v>1E-7</v></c></row>", "", true),
        ("<row r=\"1\"><c r=\"A1\"><f>\"x\"</f><v>x</v></c>\(text("B1", "b"))</row><row r=\"2\">\(text("B2", "1"))</row>", "", true),
        ("<row r=\"1\">\(text("A1", "Title"))</row><row r=\"2\">\(text("A2", "area"))\(text("B2", "id"))</row>"
            + "<row r=\"3\">\(text("A3", "North"))\(text("B3", "s1"))</row><row r=\"4\">\(text("B4", "s2"))</row>",
         "<mergeCells><mergeCell ref=\"A1:B1\"/><mergeCell ref=\"A3:A4\"/></mergeCells>", false),
        ("<row r=\"1\">\(text("A1", "a"))</row><row r=\"2\">\(text("A2", "mergeCell"))</row>", "", false),
    ]

    @Test(arguments: edges.indices)
    func edgesReadAlike(_ k: Int) throws {
        let edge = Self.edges[k]
        #expect(try Self.agree(Self.sheet(edge.rows, after: edge.after), edge.rows) == (edge.streamed ? 1 : 0))
    }

    /// A damaged part refuses the sheet, whatever rows were made into the table before it.
    @Test func aPartDamagedAfterItsRowsIsRefusedWhole() throws {
        let data = try Self.sheet("<row r=\"1\">\(Self.text("A1", "a"))</row><row r=\"2\">\(Self.text("A2", "1"))</row><row r=\"3\"><c r=\"A3\"><v>&nbsp;</v></c></row>")
        let reader = try WorkbookReader(data: data, file: "t.xlsx")
        #expect(throws: WorkbookError.self) { try SheetTable.read("T", of: reader, file: "t.xlsx#T") }
    }
}
