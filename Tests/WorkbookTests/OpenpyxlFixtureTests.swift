import Foundation
import Testing
@testable import Workbook

/// Reads a workbook written by openpyxl (Tests/Fixtures/workbook/make_openpyxl_fixture.py), an
/// independent writer: inline strings, `t="n"` numbers, a formula without a cached value,
/// dates by custom formats, merged cells and styled empty rows far below the data.
@Suite struct OpenpyxlFixtureTests {
    static let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/workbook/openpyxl.xlsx").path

    @Test func readsTheCellsOpenpyxlWrote() throws {
        let reader = try WorkbookReader(contentsOf: Self.path, file: "openpyxl.xlsx")
        #expect(reader.sheetNames == ["Staff", "Dates", "Hires and releases"])
        let staff = try reader.sheet("Staff")
        let cells = RoundTripTests.cells(staff)
        #expect(cells["A1"] == .text("Danh sách giáo viên — Quảng Ninh"))
        #expect(staff.merges == [CellRange("A1:D1")!])
        #expect(cells["B3"] == .text("toán"))
        #expect(cells["C3"] == .number(12))
        #expect(cells["D3"] == .number(2.53))
        #expect(cells["C4"] == .text("7"))
        #expect(cells["D6"] == .number(1e-7))
        #expect(cells["C6"] == .bool(true))
        #expect(cells["C7"] == .date(45540))
        // The formula cell is there, with its formula and no value.
        let formula = try #require(staff.rows.first { $0.number == 5 }?[3])
        #expect(formula.formula == "C3+1")
        #expect(formula.value == nil)
        // Rows 30 and 40 hold only styles: they are not rows of the sheet.
        #expect(staff.rows.map(\.number) == [1, 2, 3, 4, 5, 6, 7])
    }

    @Test func readsDates() throws {
        let reader = try WorkbookReader(contentsOf: Self.path, file: "openpyxl.xlsx")
        let cells = RoundTripTests.cells(try reader.sheet("Dates"))
        guard case .date(let birth) = cells["A1"], case .date(let moment) = cells["A2"], case .date(let first) = cells["A3"] else {
            Issue.record("dates not read as dates: \(cells)")
            return
        }
        #expect(DateSerial.isoText(birth) == "1975-03-14")
        #expect(DateSerial.isoText(moment) == "2025-08-31T12:30:00")
        #expect(DateSerial.isoText(first) == "1900-01-01")
        #expect(cells["B1"] == .number(45000))  // "0.00" is no date format
    }

    /// openpyxl, as Excel does, writes a number with 15 significant digits: 0.1 + 0.2 is stored
    /// as 0.3 (our writer keeps all 17; the round trip of a plan must hold within the contract's
    /// tolerance either way).
    @Test func readsWhatFifteenDigitsKeep() throws {
        let reader = try WorkbookReader(contentsOf: Self.path, file: "openpyxl.xlsx")
        let cells = RoundTripTests.cells(try reader.sheet("Hires and releases"))
        #expect(cells["B2"] == .number(0.3))
        #expect(try reader.sheet("Hires and releases").merges == [CellRange("C1:D1")!])
    }
}

/// Workbooks made part by part, for what neither writer produces: rich-text and phonetic runs in
/// shared strings, the 1904 date system, prefixed XML, cells without references.
@Suite struct HandMadePartsTests {
    static let ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    static func workbook(sheet: String, strings: String? = nil, styles: String? = nil, date1904: Bool = false) throws -> Data {
        var rels = "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"\(rel)/worksheet\" Target=\"/xl/worksheets/sheet1.xml\"/>"
        if strings != nil { rels += "<Relationship Id=\"rId2\" Type=\"\(rel)/sharedStrings\" Target=\"sharedStrings.xml\"/>" }
        if styles != nil { rels += "<Relationship Id=\"rId3\" Type=\"\(rel)/styles\" Target=\"styles.xml\"/>" }
        rels += "</Relationships>"
        var parts: [(String, Data)] = [
            ("xl/workbook.xml", Data(("<x:workbook xmlns:x=\"\(ns)\" xmlns:r=\"\(rel)\">"
                + (date1904 ? "<x:workbookPr date1904=\"1\"/>" : "")
                + "<x:sheets><x:sheet name=\"Data\" sheetId=\"1\" r:id=\"rId1\"/></x:sheets></x:workbook>").utf8)),
            ("xl/_rels/workbook.xml.rels", Data(rels.utf8)),
            ("xl/worksheets/sheet1.xml", Data(sheet.utf8)),
        ]
        if let strings { parts.append(("xl/sharedStrings.xml", Data(strings.utf8))) }
        if let styles { parts.append(("xl/styles.xml", Data(styles.utf8))) }
        return try WorkbookWriter.zip(parts)
    }

    @Test func richTextPhoneticRunsAndPrefixes() throws {
        let ns = Self.ns
        let strings = "<sst xmlns=\"\(ns)\"><si><r><rPr><b/></rPr><t>Hạ </t></r><r><t>Long</t></r>"
            + "<rPh sb=\"0\" eb=\"1\"><t>ignored</t></rPh></si><si><t>a_x000D_b</t></si></sst>"
        let sheet = "<x:worksheet xmlns:x=\"\(ns)\"><x:sheetData><x:row><x:c xmlns:r=\"urn:r\" r=\"A1\" t=\"s\"><x:v>0</x:v></x:c><x:c t=\"s\"><x:v>1</x:v></x:c>"
            + "<x:c t=\"e\"><x:v>#N/A</x:v></x:c></x:row><x:row><x:c t=\"str\"><x:f>A1&amp;\"!\"</x:f><x:v>Hạ Long!</x:v></x:c>"
            + "<x:c><x:v>44000</x:v></x:c></x:row></x:sheetData></x:worksheet>"
        let reader = try WorkbookReader(data: Self.workbook(sheet: sheet, strings: strings), file: "h.xlsx")
        let sheetRead = try reader.sheet("Data")
        let cells = RoundTripTests.cells(sheetRead)
        #expect(cells["A1"] == .text("Hạ Long"))
        #expect(cells["B1"] == .text("a\rb"))
        #expect(cells["C1"] == .error("#N/A"))
        #expect(cells["A2"] == .text("Hạ Long!"))
        #expect(sheetRead.rows[1].cells[0].formula == "A1&\"!\"")
        #expect(cells["B2"] == .number(44000))
    }

    /// Foundation's parser traps on an element name that is not UTF-8 (found by FuzzWorkbook):
    /// such a part is refused before it is parsed.
    @Test func partsThatAreNotUTF8AreRefused() throws {
        let ns = Self.ns
        var sheet = Data("<worksheet xmlns=\"\(ns)\">\n<sheetData><row><c><is><r".utf8)
        sheet.append(contentsOf: [0xFF, 0xFF])
        sheet.append(contentsOf: Data("><t>S</t></r></is></c></row></sheetData></worksheet>".utf8))
        let parts: [(String, Data)] = [
            ("xl/workbook.xml", Data("<workbook xmlns=\"\(ns)\" xmlns:r=\"\(Self.rel)\"><sheets><sheet name=\"Data\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>".utf8)),
            ("xl/_rels/workbook.xml.rels", Data("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"\(Self.rel)/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>".utf8)),
            ("xl/worksheets/sheet1.xml", sheet),
        ]
        let raw = try WorkbookReader(data: WorkbookWriter.zip(parts), file: "u.xlsx")
        let error = try #require(throws: WorkbookError.self) { try raw.sheet("Data") }
        #expect(error.description == "u.xlsx:Data: xl/worksheets/sheet1.xml, line 2, is not UTF-8 text")
    }

    /// A cell written inside an inline string's text (well-formed XML, found by FuzzWorkbook)
    /// once trapped: it is read without a crash.
    @Test func aCellInsideInlineText() throws {
        let sheet = "<worksheet xmlns=\"\(Self.ns)\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>a"
            + "<c r=\"B1\" t=\"inlineStr\"/>b</t></is></c></row></sheetData></worksheet>"
        let reader = try WorkbookReader(data: Self.workbook(sheet: sheet), file: "n.xlsx")
        do {
            _ = try reader.sheet("Data")
        } catch {
            #expect(error.description.hasPrefix("n.xlsx:Data"), "\(error)")
        }
    }

    @Test func datesOf1904Workbooks() throws {
        let ns = Self.ns
        let styles = "<styleSheet xmlns=\"\(ns)\"><cellXfs count=\"2\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/></cellXfs></styleSheet>"
        let sheet = "<worksheet xmlns=\"\(ns)\"><sheetData><row r=\"1\"><c r=\"A1\" s=\"1\"><v>0</v></c></row></sheetData></worksheet>"
        let reader = try WorkbookReader(data: Self.workbook(sheet: sheet, styles: styles, date1904: true), file: "m.xlsx")
        #expect(reader.date1904)
        guard case .date(let serial) = RoundTripTests.cells(try reader.sheet("Data"))["A1"] else {
            Issue.record("no date")
            return
        }
        #expect(DateSerial.isoText(serial) == "1904-01-01")
    }
}
