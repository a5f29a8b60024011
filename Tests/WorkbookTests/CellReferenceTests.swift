import Testing
@testable import Workbook

@Suite struct CellReferenceTests {
    @Test func readsAndWritesReferences() throws {
        let c17 = try #require(CellReference("C17"))
        #expect(c17.row == 17 && c17.column == 3)
        #expect(c17.description == "C17")
        #expect(CellReference("$AB$100")?.description == "AB100")
        #expect(CellReference("xfd1048576")?.description == "XFD1048576")
        #expect(CellReference(row: 1, column: 27)?.description == "AA1")
        #expect(CellReference.columnName(702) == "ZZ")
        #expect(CellReference.columnName(703) == "AAA")
        #expect(CellReference.column(named: "XFD") == 16_384)
    }

    @Test(arguments: ["", "17", "C", "C0", "C017", "XFE1", "A1048577", "AAAA1", "C-1", "C1.5", "1C", "C 17"])
    func refusesWhatIsNoCellOfTheGrid(_ text: String) {
        #expect(CellReference(text) == nil)
    }

    @Test func everyColumnNameReadsBack() {
        for column in 1...Workbook.maxColumns {
            #expect(CellReference.column(named: CellReference.columnName(column)) == column)
        }
    }

    @Test func rangesAndSheetNames() throws {
        let range = try #require(CellRange("C1:A2"))
        #expect(range.description == "A1:C2")
        #expect(range.contains(CellReference("B2")!))
        #expect(!range.contains(CellReference("D1")!))
        #expect(SheetName.location("Staff", CellReference("C17")) == "Staff!C17")
        #expect(SheetName.location("Hires and releases", CellReference("B3")) == "'Hires and releases'!B3")
        #expect(SheetName.quoted("Trường's") == "'Trường''s'")
        #expect(SheetName.quoted("Trường") == "Trường")
    }

    @Test func errorsNameFileSheetAndCell() {
        let error = WorkbookError(file: "data.xlsx", sheet: "Staff", cell: CellReference("C17"), message: "bad")
        #expect(error.description == "data.xlsx:Staff!C17: bad")
        #expect(WorkbookError(file: "data.xlsx", sheet: "Staff", row: 17, message: "x").description
            == "data.xlsx:Staff!17:17: x")
        #expect(WorkbookError(file: "data.xlsx", message: "x").description == "data.xlsx: x")
    }

    @Test func dateSerials() {
        #expect(DateSerial.isoText(1) == "1900-01-01")
        #expect(DateSerial.isoText(59) == "1900-02-28")
        #expect(DateSerial.isoText(60) == "1900-02-29")
        #expect(DateSerial.isoText(61) == "1900-03-01")
        #expect(DateSerial.isoText(45540) == "2024-09-05")
        #expect(DateSerial.isoText(45900.5) == "2025-08-31T12:00:00")
        #expect(DateSerial.serial(year: 2024, month: 9, day: 5) == 45540)
        #expect(DateSerial.serial(year: 1900, month: 1, day: 1) == 1)
        #expect(DateSerial.isoText(0) == nil)
        #expect(DateSerial.isoText(.nan) == nil)
    }

    @Test func numberFormatsThatAreDates() {
        for code in ["yyyy-mm-dd", "d/m/yy", "[$-409]mmmm d, yyyy", "h:mm", "[h]:mm:ss", "dd\\.mm\\.yyyy"] {
            #expect(NumberFormats.isDate(code), "\(code)")
        }
        for code in ["0.00", "#,##0", "General", "0.00E+00", "\"days\" 0", "[Red]0.0", "0%"] {
            #expect(!NumberFormats.isDate(code), "\(code)")
        }
    }

    @Test func shortestNumberText() {
        #expect(CellNumber.shortest(12) == "12")
        #expect(CellNumber.shortest(-0.0) == "0")
        #expect(CellNumber.shortest(2.53) == "2.53")
        #expect(CellNumber.shortest(0.1 + 0.2) == "0.30000000000000004")
        #expect(CellNumber.shortest(1e-7) == "1E-7")
        #expect(CellNumber.shortest(1e20) == "1E+20")
        #expect(CellNumber.shortest(123_456_789_012_345) == "123456789012345")
    }
}
