import Foundation
import PlanWorkbook
import RedeployDomain
import ScenarioIO
import Testing

/// The readable CSVs of `solve --spreadsheet`, on the hand-made plan of `Fixture`.
@Suite("Readable CSVs")
struct ReadableCSVTests {
    /// The file's lines without the byte-order mark, split at CRLF; each a list of cells
    /// (read back with ScenarioIO's CSV reader, so quoting is undone as a spreadsheet would).
    static func rows(_ text: String) throws -> [[String]] {
        let table = try CSVTable.parse(text, file: "readable.csv")
        return [table.header.map(\.text)] + table.rows.map { $0.fields.map(\.text) }
    }

    @Test func numbersAreRoundedForDisplayOnly() {
        #expect(DisplayNumber.text(0.1999999999999993) == "0.2")
        #expect(DisplayNumber.text(3) == "3")
        #expect(DisplayNumber.text(2.5333333) == "2.53")
        #expect(DisplayNumber.text(2.5) == "2.5")
        #expect(DisplayNumber.text(-0.001) == "0")
        #expect(DisplayNumber.text(-1.996) == "-2")
        #expect(DisplayNumber.text(-0.35) == "-0.35")
        #expect(DisplayNumber.text(1234567) == "1234567")
        #expect(DisplayNumber.text(-0.05) == "-0.05")
        #expect(DisplayNumber.text(12.5) == "12.5")
        #expect(DisplayNumber.text(7.04) == "7.04")
    }

    @Test func filesHaveByteOrderMarkAndCRLF() {
        let files = ReadableCSV.files(Fixture.sheets())
        #expect(files.map(\.name) == ["plan-readable.csv", "schools-readable.csv", "by-school.csv"])
        for file in files {
            #expect(file.contents.hasPrefix("\u{FEFF}"))
            #expect(Array(file.contents.utf8.prefix(3)) == [0xEF, 0xBB, 0xBF])
            let body = file.contents.dropFirst()
            #expect(body.hasSuffix("\r\n"))
            // Every line end is CRLF: no LF without its CR.
            #expect(body.replacingOccurrences(of: "\r\n", with: "").contains("\n") == false)
        }
    }

    @Test func planReadableKeepsPlanColumnsAndAddsNamesAndAuthority() throws {
        let text = ReadableCSV.text(Fixture.sheets().allActions())
        let rows = try Self.rows(text)
        #expect(rows[0] == ["action", "from_school", "to_school", "subject", "teachers", "km", "Sending school",
                            "Sending area", "Receiving school", "Receiving area", "Level", "Authority (signs the move)"])
        #expect(rows.count == 1 + Fixture.plan.actions.count)
        #expect(rows[1] == ["transfer", "CP-MN01", "HL-MN01", "preschool", "3", "30.5", "Trường Mầm non Cẩm Phả", "Cẩm Phả",
                            "Trường Mầm non Hoa Sen Hạ Long", "Hạ Long", "preschool", "province"])
        // km rounded for display; a name that looks like a formula is guarded; same commune: commune.
        #expect(rows[2] == ["transfer", "HL-MN02", "HL-MN01", "preschool", "1", "4.12", "'" + Fixture.formulaName, "Hạ Long",
                            "Trường Mầm non Hoa Sen Hạ Long", "Hạ Long", "preschool", "commune"])
        // Same area, other commune: the province signs.
        #expect(rows[3].last == "province")
        #expect(rows[4] == ["hire", "", "HL-MN03", "preschool", "1", "", "", "", "Trường Mầm non Bãi Cháy", "Hạ Long",
                            "preschool", ""])
        #expect(rows[5] == ["release", "CP-MN01", "", "english", "1", "", "Trường Mầm non Cẩm Phả", "Cẩm Phả", "", "",
                            "preschool", ""])
        // The bytes of Vietnamese text are UTF-8, precomposed as given.
        #expect(text.contains("Trường Mầm non Bãi Cháy"))
    }

    @Test func schoolsReadableFollowsSchoolsCSVWithProvinceColumns() throws {
        let sheets = Fixture.sheets()
        let rows = try Self.rows(ReadableCSV.text(sheets.schools()))
        #expect(rows[0] == ["school_id", "School", "Area", "Level", "subject", "required", "before", "after", "shortage",
                            "Norm (định mức)", "Present after the plan (có mặt)", "Surplus + / shortage − (thừa/thiếu)"])
        // schools.csv's rows, in its order, with the same ids and subjects.
        let contract = try CSVTable.parse(Fixture.output().schoolsCSV(Fixture.instance), file: "schools.csv")
        #expect(rows.count == 1 + contract.rows.count)
        for (row, csv) in zip(rows.dropFirst(), contract.rows) {
            #expect(row[0] == csv.fields[0].text && row[4] == csv.fields[1].text)
        }
        // CP-MN01 english: required 0.6000000000000001 shown 0.6; 2 before, 1 after: +0.4 surplus.
        let english = try #require(rows.first { $0[0] == "CP-MN01" && $0[4] == "english" })
        #expect(Array(english[5...]) == ["0.6", "2", "1", "0", "0.6", "1", "0.4"])
        // HL-MN02: 17.6 required, 19 before, 17 after: 0.6 short.
        let short = try #require(rows.first { $0[0] == "HL-MN02" })
        #expect(Array(short[5...]) == ["17.6", "19", "17", "0.6", "17.6", "17", "-0.6"])
    }

    @Test func bySchoolListsASchoolThatOnlySends() throws {
        let rows = try Self.rows(ReadableCSV.text(Fixture.sheets().bySchool()))
        #expect(rows[0] == ["school_id", "School", "Area", "Level", "subject", "Sent", "Received", "Hired", "Released",
                            "Retrained away", "Retrained in", "Net change"])
        #expect(Array(rows.dropFirst()) == [
            ["CP-MN01", "Trường Mầm non Cẩm Phả", "Cẩm Phả", "preschool", "english", "0", "0", "0", "1", "0", "0", "-1"],
            ["CP-MN01", "Trường Mầm non Cẩm Phả", "Cẩm Phả", "preschool", "preschool", "3", "0", "0", "0", "0", "0", "-3"],
            ["HL-MN01", "Trường Mầm non Hoa Sen Hạ Long", "Hạ Long", "preschool", "preschool", "0", "4", "0", "0", "0", "0", "4"],
            ["HL-MN02", "'" + Fixture.formulaName, "Hạ Long", "preschool", "preschool", "2", "0", "0", "0", "0", "0", "-2"],
            ["HL-MN03", "Trường Mầm non Bãi Cháy", "Hạ Long", "preschool", "preschool", "0", "1", "1", "0", "0", "0", "2"],
        ])
    }

    @Test func sameViewGivesSameBytes() {
        #expect(ReadableCSV.files(Fixture.sheets()) == ReadableCSV.files(Fixture.sheets()))
    }
}
