import RedeployTestSupport
import Foundation
@testable import ScenarioIO
import Workbook

/// Workbook scenarios for tests: the base scenario of `TempScenario` as a workbook, changed
/// cell by cell or part by part.
enum WorkbookFixtures {
    /// The base scenario (TempScenario's) in workbook form.
    static func base() throws -> WorkbookWriter {
        let scenario = TempScenario()
        var writer = try ScenarioWorkbookExport.workbook(scenario.root)
        writer.sheets.removeAll { $0.name == "Policy" }
        writer.sheets.append(WorkbookWriter.Sheet(name: "Policy", rows: [
            [.text("key"), .text("value")], [.text("name"), .text("Test")], [.text("policy.payroll_change"), .number(0)],
        ]))
        return writer
    }

    /// `writer` with the cell at `ref` of `sheet` set to `cell`.
    static func with(_ writer: WorkbookWriter, _ sheet: String, _ ref: String, _ cell: WorkbookWriter.Cell) -> WorkbookWriter {
        var changed = writer
        let at = CellReference(ref)!
        let k = changed.sheets.firstIndex { $0.name == sheet }!
        while changed.sheets[k].rows.count < at.row { changed.sheets[k].rows.append([]) }
        while changed.sheets[k].rows[at.row - 1].count < at.column { changed.sheets[k].rows[at.row - 1].append(.empty) }
        changed.sheets[k].rows[at.row - 1][at.column - 1] = cell
        return changed
    }

    /// The bytes of `writer` with the XML of sheet `sheet` passed through `edit`.
    static func edited(_ writer: WorkbookWriter, sheet: String, _ edit: (String) -> String) throws -> Data {
        let index = writer.sheets.firstIndex { $0.name == sheet }! + 1
        let parts = try writer.parts().map { path, data in
            path == "xl/worksheets/sheet\(index).xml" ? (path, Data(edit(String(decoding: data, as: UTF8.self)).utf8)) : (path, data)
        }
        return try WorkbookWriter.zip(parts)
    }

    /// Writes `data` as `name` in a fresh folder; returns its path.
    static func file(_ data: Data, name: String = "data.xlsx") throws -> String {
        let folder = try TestFolders.fresh("workbook")
        let url = folder.appendingPathComponent(name)
        try data.write(to: url)
        return url.path
    }

    /// Twenty-odd damaged scenario workbooks, each with the sheet (and cell, where there is one)
    /// its first message must name. Shared by the loader's test and the command's (exit 2,
    /// nothing written).
    static func malformed() throws -> [(name: String, data: Data, expected: String)] {
        let base = try base()
        func cell(_ sheet: String, _ ref: String, _ value: WorkbookWriter.Cell) throws -> Data {
            try with(base, sheet, ref, value).data()
        }
        let good = try base.data()
        var cases: [(String, Data, String)] = [
            ("decimal comma", try cell("Staff", "C2", .text("2,5")), "data.xlsx:Staff!C2: teachers must be"),
            ("formula", try edited(base, sheet: "Staff") {
                $0.replacingOccurrences(of: "<c r=\"C2\"><v>12</v></c>", with: "<c r=\"C2\"><f>C3+5</f><v>12</v></c>")
            }, "data.xlsx:Staff!C2: holds a formula (=C3+5)"),
            ("date where a number belongs", try cell("Staff", "C3", .number(5, style: .init(numberFormat: "yyyy-mm-dd"))),
             "data.xlsx:Staff!C3: teachers must be a whole number, got '1900-01-05'"),
            ("error value", try edited(base, sheet: "Staff") {
                $0.replacingOccurrences(of: "<c r=\"E2\"><v>11</v></c>", with: "<c r=\"E2\" t=\"e\"><v>#N/A</v></c>")
            }, "data.xlsx:Staff!E2: holds the error #N/A"),
            ("negative", try cell("Staff", "C3", .number(-1)), "data.xlsx:Staff!C3: teachers must be 0 or more"),
            ("unknown school", try cell("Staff", "A3", .text("S9")), "data.xlsx:Staff!A3:"),
            ("duplicate school", try cell("Schools", "A3", .text("S1")), "data.xlsx:Schools!A3: duplicate school id 'S1' (first in row 2)"),
            ("missing column", try cell("Staff", "C1", .text("teacher")), "data.xlsx:Staff!A1: the header has no column 'teachers'"),
            ("duplicate header", try cell("Staff", "D1", .text("subject")), "data.xlsx:Staff!D1: column 'subject' appears twice"),
            ("value without a header", try cell("Staff", "G3", .text("note")), "data.xlsx:Staff!G3: this cell holds 'note'"),
            ("payroll not a number", try cell("Policy", "B3", .text("abc")), "data.xlsx:Policy!B3: policy.payroll_change: must be a whole number"),
            ("mistyped key", try cell("Policy", "A3", .text("policy.payrol_change")),
             "data.xlsx:Policy!A3: policy.payrol_change: unknown key (did you mean 'payroll_change'?)"),
            ("classes as text", try cell("Schools", "E2", .text("ten")), "data.xlsx:Schools!E2: classes must be a whole number"),
            ("row past the grid", try edited(base, sheet: "Staff") {
                $0.replacingOccurrences(of: "</sheetData>", with: "<row r=\"1048577\"><c r=\"A1048577\"><v>1</v></c></row></sheetData>")
            }, "data.xlsx:Staff: row 1048577 is beyond Excel's last row, 1048576"),
            ("column past XFD", try edited(base, sheet: "Staff") {
                $0.replacingOccurrences(of: "<c r=\"E2\"><v>11</v></c>", with: "<c r=\"E2\"><v>11</v></c><c r=\"XFE2\"><v>1</v></c>")
            }, "data.xlsx:Staff!2:2: cell 'XFE2' is beyond Excel's last column"),
            ("cells out of order", try edited(base, sheet: "Staff") {
                $0.replacingOccurrences(of: "<c r=\"E2\"><v>11</v></c>", with: "<c r=\"E2\"><v>11</v></c><c r=\"B2\"><v>1</v></c>")
            }, "data.xlsx:Staff!B2: comes after column E"),
            ("shared string out of range", try edited(base, sheet: "Staff") {
                $0.replacingOccurrences(of: "<c r=\"A2\" t=\"s\"><v>", with: "<c r=\"A2\" t=\"s\"><v>9999")
            }, "data.xlsx:Staff!A2: refers to shared string"),
            ("bad boolean", try edited(base, sheet: "Staff") {
                $0.replacingOccurrences(of: "<c r=\"E2\"><v>11</v></c>", with: "<c r=\"E2\" t=\"b\"><v>2</v></c>")
            }, "data.xlsx:Staff!E2: is marked as a boolean"),
            ("not well-formed XML", try edited(base, sheet: "Staff") { $0.replacingOccurrences(of: "</sheetData>", with: "</sheetDat>") },
             "data.xlsx:Staff: xl/worksheets/sheet2.xml, line"),
            ("document type declaration", try edited(base, sheet: "Staff") {
                $0.replacingOccurrences(of: "<worksheet ", with: "<!DOCTYPE w [<!ENTITY a \"aaaa\">]><worksheet ")
            }, "data.xlsx:Staff: xl/worksheets/sheet2.xml, line 2, holds a document type declaration"),
            ("sheet missing", try { () throws -> Data in
                var writer = base
                writer.sheets.removeAll { $0.name == "Staff" }
                return try writer.data()
            }(), "data.xlsx: has no sheet named 'Staff'"),
            ("truncated zip", good.prefix(good.count / 2), "data.xlsx: is not an Excel workbook (.xlsx)"),
            ("not a zip", Data("school_id,subject\n".utf8), "data.xlsx: is not an Excel workbook (.xlsx)"),
            ("old .xls", Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]), "data.xlsx: is an old Excel 97-2003 file (.xls)"),
        ]
        // A part whose deflated bytes are damaged: the checksum or the inflation fails.
        var damaged = good
        if let range = damaged.range(of: Data("xl/worksheets/sheet2.xml".utf8)) {
            let start = range.upperBound + 10
            for k in start..<min(start + 40, damaged.count) { damaged[k] ^= 0x5A }
            cases.append(("damaged part", damaged, "data.xlsx: "))
        }
        return cases
    }
}
