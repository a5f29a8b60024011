import Foundation
import Testing
@testable import ScenarioIO

@Suite("CSVTable: RFC 4180 with positions")
struct CSVTableTests {
    @Test func readsHeaderAndFieldsWithPositions() throws {
        let table = try CSVTable.parse("id,name\nT1,Lê Lợi\nT2,Bình\n", file: "s.csv")
        #expect(table.columnNames == ["id", "name"])
        #expect(table.rows.count == 2)
        #expect(table.rows[0].line == 2)
        #expect(table.rows[1].fields[1] == .init(text: "Bình", line: 3, column: 4))
    }

    @Test func stripsByteOrderMarkAndCountsColumnsWithoutIt() throws {
        let data = Data([0xEF, 0xBB, 0xBF]) + Data("id,area\nA,B\n".utf8)
        let table = try CSVTable.parse(data, file: "s.csv")
        #expect(table.index(of: "id") == 0)
        #expect(table.header[0] == .init(text: "id", line: 1, column: 1))
        #expect(table.header[1].column == 4)
    }

    @Test func acceptsCRLFAndMixedLineEnds() throws {
        let table = try CSVTable.parse("a,b\r\n1,2\r\n3,4\n5,6\r7,8", file: "s.csv")
        #expect(table.rows.map { $0.fields.map(\.text) } == [["1", "2"], ["3", "4"], ["5", "6"], ["7", "8"]])
        #expect(table.rows.map(\.line) == [2, 3, 4, 5])
        #expect(table.rows[0].fields[1].text == "2")  // no stray CR
    }

    @Test func quotedCommasQuotesAndLineBreaks() throws {
        let text = "id,name,area\nT1,\"Trường THCS Trần Phú, Hạ Long\",\"say \"\"hi\"\"\"\nT2,\"two\r\nlines\",X\nT3,Z,Y\n"
        let table = try CSVTable.parse(text, file: "s.csv")
        #expect(table.rows[0].fields[1].text == "Trường THCS Trần Phú, Hạ Long")
        #expect(table.rows[0].fields[1].quoted)
        #expect(table.rows[0].fields[2].text == "say \"hi\"")
        // Column of the third field: after `T1,` (3) + the quoted name with its quotes (31) + `,`.
        #expect(table.rows[0].fields[2].column == 36)
        #expect(table.rows[1].fields[1].text == "two\r\nlines")
        #expect(table.rows[1].line == 3)
        // The field after a quoted line break is on line 4, column 8 (`lines",` is 7 characters).
        #expect(table.rows[1].fields[2] == .init(text: "X", line: 4, column: 8))
        #expect(table.rows[2].line == 5)
    }

    @Test func columnsCountUnicodeScalarsOfVietnamese() throws {
        // "Hạ Long" is 7 scalars when precomposed (NFC).
        let table = try CSVTable.parse("a,b,c\nHạ Long,x,y\n", file: "s.csv")
        #expect(table.rows[0].fields[1].column == 9)
        #expect(table.rows[0].fields[2].column == 11)
    }

    @Test func headerLookupIgnoresCaseSpacesAndOrder() throws {
        let table = try CSVTable.parse(" Teachers ,SCHOOL_ID,extra\n3,T1,z\n", file: "s.csv")
        #expect(table.index(of: "school_id") == 1)
        #expect(table.index(of: "teachers") == 0)
        #expect(table.index(of: "required") == nil)
        #expect(table.rows[0][table.index(of: "teachers")]?.text == "3")
        #expect(table.rows[0][nil] == nil)
    }

    @Test func blankLinesAreSkipped() throws {
        let table = try CSVTable.parse("a,b\n\n1,2\n\n\n3,4\n\n", file: "s.csv")
        #expect(table.rows.map(\.line) == [3, 6])
    }

    @Test func numbers() {
        #expect(CSVNumber.integer("12") == 12)
        #expect(CSVNumber.integer(" -3 ") == -3)
        #expect(CSVNumber.integer("+4") == 4)
        #expect(CSVNumber.integer("1e3") == nil)
        #expect(CSVNumber.integer("2.5") == nil)
        #expect(CSVNumber.integer("12.0") == nil)
        #expect(CSVNumber.integer("") == nil)
        #expect(CSVNumber.decimal("2.53") == 2.53)
        #expect(CSVNumber.decimal(".5") == 0.5)
        #expect(CSVNumber.decimal("1e3") == 1000)
        #expect(CSVNumber.decimal("-1.5E-2") == -0.015)
        #expect(CSVNumber.decimal("1e400") == nil)
        #expect(CSVNumber.decimal("inf") == nil)
        #expect(CSVNumber.decimal("nan") == nil)
        #expect(CSVNumber.decimal("0x10") == nil)
        #expect(CSVNumber.decimal("2,5") == nil)
        #expect(CSVNumber.decimal("1e") == nil)
        #expect(CSVNumber.decimal(".") == nil)
    }

    // MARK: Refused, with positions

    @Test func unclosedQuoteIsReportedAtTheOpeningQuote() {
        #expect(throws: ScenarioError.self) { try CSVTable.parse("a,b\n1,\"open\n2,3\n", file: "s.csv") }
        let error = parseError("a,b\n1,\"open\n2,3\n")
        expectOne(error, file: "s.csv", line: 2, column: 3, "this quoted field is never closed: a '\"' is missing")
    }

    @Test func textAfterClosingQuote() {
        let error = parseError("a,b\n1,\"x\"y\n")
        expectOne(error, file: "s.csv", line: 2, column: 6,
                  "text after the closing quote; inside quotes write a quote as \"\"")
    }

    @Test func rowWithMoreFieldsThanTheHeader() {
        let error = parseError("id,name,area\nT1,Trường A, Hạ Long,X\n")
        expectOne(error, file: "s.csv", line: 2, column: 1,
                  "this row has 4 fields but the header has 3; a value holding a comma must be in double quotes")
    }

    @Test func rowWithFewerFieldsThanTheHeader() {
        let error = parseError("id,name,area\nT1,A\n")
        expectOne(error, file: "s.csv", line: 2, column: 1, "this row has 2 fields but the header has 3")
    }

    @Test func duplicateHeaderColumn() {
        let error = parseError("id,name,ID\nA,B,C\n")
        expectOne(error, file: "s.csv", line: 1, column: 9, "column 'ID' appears twice in the header (also at column 1)")
    }

    @Test func invalidUTF8IsReportedWithItsPosition() {
        var data = Data("id,name\nT1,Tr".utf8)
        data.append(0xFF)  // a Windows-1258 byte, say
        data.append(contentsOf: Array("ng\n".utf8))
        do {
            _ = try CSVTable.parse(data, file: "s.csv")
            Issue.record("expected an error")
        } catch {
            expectOne(error.diagnostics, file: "s.csv", line: 2, column: 6,
                      "is not valid UTF-8 text here; save the file as CSV UTF-8")
        }
    }

    @Test func utf16IsRefused() {
        let data = Data([0xFF, 0xFE]) + "id".data(using: .utf16LittleEndian)!
        do {
            _ = try CSVTable.parse(data, file: "s.csv")
            Issue.record("expected an error")
        } catch {
            expectOne(error.diagnostics, file: "s.csv", line: nil, column: nil, "is UTF-16 text; save it as CSV UTF-8")
        }
    }

    @Test func emptyFile() {
        expectOne(parseError(""), file: "s.csv", line: nil, column: nil,
                  "is empty: expected a header row naming the columns")
        // A byte-order mark and blank lines only is still empty.
        do {
            _ = try CSVTable.parse(Data([0xEF, 0xBB, 0xBF, 0x0A, 0x0A]), file: "s.csv")
            Issue.record("expected an error")
        } catch {
            #expect(error.diagnostics.map(\.message) == ["is empty: expected a header row naming the columns"])
        }
    }

    @Test func missingColumnsSuggestTheNearest() throws {
        let table = try CSVTable.parse("school_id,subject,teacher\nT1,math,3\n", file: "staff.csv")
        expectOne(table.missingColumns(["school_id", "teachers"]), file: "staff.csv", line: 1, column: 1,
                  "the header has no column 'teachers' (did you mean 'teacher'?); its columns are: school_id, subject, teacher")
    }

    @Test func semicolonSeparatedFilesAreNamed() throws {
        let table = try CSVTable.parse("id;name;area\nA;B;C\n", file: "schools.csv")
        #expect(table.missingColumns(["id"]).first?.message
                == "the header has no column 'id'; the file looks separated by ';': save it as comma-separated CSV (UTF-8)")
    }

    @Test func readReportsAMissingFile() {
        do {
            _ = try CSVTable.read(contentsOf: "/nonexistent/plan.csv", file: "plan.csv")
            Issue.record("expected an error")
        } catch {
            expectOne(error.diagnostics, file: "plan.csv", line: nil, column: nil, "file not found")
        }
    }

    private func parseError(_ text: String) -> [Diagnostic] {
        do {
            _ = try CSVTable.parse(text, file: "s.csv")
            Issue.record("expected an error")
            return []
        } catch {
            return error.diagnostics
        }
    }
}

@Suite("Diagnostic text")
struct DiagnosticTests {
    @Test func descriptions() {
        #expect(Diagnostic(file: "a/staff.csv", line: 4, column: 12, message: "teachers must be 0 or more, got -1").description
                == "a/staff.csv:4:12: teachers must be 0 or more, got -1")
        #expect(Diagnostic(file: "a/scenario.yaml", key: "schools", message: "missing").description
                == "a/scenario.yaml: schools: missing")
        #expect(Diagnostic(file: "a/scenario.yaml", line: 3, column: 18, key: "policy.max_out_share", message: "bad").description
                == "a/scenario.yaml:3:18: policy.max_out_share: bad")
        #expect(Diagnostic(file: "a/schools.csv", message: "file not found").description == "a/schools.csv: file not found")
        let error = ScenarioError([Diagnostic(file: "x", message: "one"), Diagnostic(file: "y", line: 2, column: 1, message: "two")])
        #expect(error.description == "x: one\ny:2:1: two")
    }

    @Test func suggestions() {
        #expect(Suggestion.nearest("polcy", in: ScenarioKeys.top) == "policy")
        #expect(Suggestion.nearest("transfer-scope", in: ScenarioKeys.policy) == "transfer_scope")
        #expect(Suggestion.nearest("payroll", in: ScenarioKeys.policy) == nil)
        #expect(Suggestion.nearest("zzz", in: ScenarioKeys.costs) == nil)
    }
}
