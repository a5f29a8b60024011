import Foundation
import Testing
import RedeployDomain
@testable import ScenarioIO

/// The spreadsheet options of `CSVWriter` and `PlanOutput`: a byte-order mark, and text cells
/// guarded against formula injection while numbers stay numbers. Off by default, and then
/// the output is exactly as before.
@Suite("CSV safety: byte-order mark and formula injection")
struct CSVSafetyTests {
    @Test func defaultWriterIsPlainRFC4180() {
        var csv = CSVWriter(header: ["a", "b", "c"])
        csv.appendRow(["=1+2", "-0.5", "x,y"])
        csv.appendRow(["@home", "Trường A", " padded "])
        #expect(csv.text == "a,b,c\n=1+2,-0.5,\"x,y\"\n@home,Trường A,\" padded \"\n")
        #expect(CSVWriter.Options() == .plain)
    }

    @Test func byteOrderMarkStartsTheTextAndReadsBack() throws {
        var csv = CSVWriter(header: ["id", "name"], options: .init(byteOrderMark: true))
        csv.appendRow(["S1", "Trường Mầm non Hoa Sen"])
        let bytes = Array(csv.text.utf8)
        #expect(bytes.prefix(3) == [0xEF, 0xBB, 0xBF])
        #expect(csv.text.dropFirst() == "id,name\nS1,Trường Mầm non Hoa Sen\n")
        let table = try CSVTable.parse(Data(bytes), file: "bom.csv")
        #expect(table.columnNames == ["id", "name"])
        #expect(table.header[0].column == 1)
        #expect(table.rows[0].fields[1].text == "Trường Mầm non Hoa Sen")
    }

    @Test(arguments: [
        ("=SUM(A1:A9)", "'=SUM(A1:A9)"),
        ("=HYPERLINK(\"http://example.com\",\"x\")", "\"'=HYPERLINK(\"\"http://example.com\"\",\"\"x\"\")\""),
        ("+cmd", "'+cmd"),
        ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
        ("@SUM(1,2)", "\"'@SUM(1,2)\""),
        ("\tx", "'\tx"),
        ("\rx", "\"'\rx\""),
        ("-", "'-"),
        ("--5", "'--5"),
        ("-1 ", "\"'-1 \""),
    ])
    func formulaTextIsGuarded(_ field: String, _ written: String) {
        var csv = CSVWriter(header: ["v"], options: .init(guardFormulas: true))
        csv.appendRow([field])
        #expect(csv.text == "v\n\(written)\n")
    }

    @Test(arguments: ["-0.5", "-3", "+2", "-1e-3", "-.5", "0", "12.5", "1E6"])
    func numbersAreNeverGuarded(_ number: String) {
        #expect(CSVWriter.formulaSafe(number) == number)
        var csv = CSVWriter(header: ["v"], options: .spreadsheet)
        csv.appendRow([number])
        #expect(csv.text == "\u{FEFF}v\n\(number)\n")
    }

    @Test(arguments: ["Trường A", "a=b", "", "x-1", "'quoted", " =padded"])
    func otherTextIsUnchanged(_ text: String) {
        #expect(CSVWriter.formulaSafe(text) == text)
    }

    // MARK: PlanOutput

    static func output(_ csv: CSVWriter.Options = .plain) -> (PlanOutput, Instance) {
        let scenario = Scenario(
            name: "Formula test",
            schools: [School(id: "=EVIL()", name: "Trường A", area: "X", level: "primary", classes: 10),
                      School(id: "S2", name: "Trường B", area: "X", level: "primary", classes: 8)],
            staff: [StaffRow(schoolID: "=EVIL()", subject: "-math", teachers: 12, leaving: 0, required: 10.5),
                    StaffRow(schoolID: "S2", subject: "-math", teachers: 7, leaving: 0, required: 8.8)])
        let instance = Instance(scenario)
        let plan = Plan(actions: [.transfer(from: "=EVIL()", to: "S2", subject: "-math", teachers: 1, km: 2.5)])
        let report = PlanChecker.check(plan, against: instance)
        return (PlanOutput(scenarioName: scenario.name, status: "optimal", plan: plan, report: report,
                           weightedShortageBefore: 1.8, mipGap: 0, csv: csv), instance)
    }

    @Test func planOutputIsPlainByDefault() {
        let (output, instance) = Self.output()
        #expect(output.planCSV() == "action,from_school,to_school,subject,teachers,km\ntransfer,=EVIL(),S2,-math,1,2.5\n")
        #expect(output.schoolsCSV(instance)
            == "school_id,subject,required,before,after,shortage\n=EVIL(),-math,10.5,12,11,0\nS2,-math,8.8,7,8,0.8000000000000007\n")
    }

    @Test func planOutputSpreadsheetOptionsGuardTextAndKeepNumbers() throws {
        let (output, instance) = Self.output(.spreadsheet)
        let plan = output.planCSV()
        #expect(plan == "\u{FEFF}action,from_school,to_school,subject,teachers,km\ntransfer,'=EVIL(),S2,'-math,1,2.5\n")
        let schools = output.schoolsCSV(instance)
        #expect(schools.hasPrefix("\u{FEFF}school_id,"))
        #expect(schools.contains("\n'=EVIL(),'-math,10.5,12,11,0\n"))
        // summary.json is JSON, not CSV: neither option touches it.
        #expect(output.summaryJSON() == Self.output().0.summaryJSON())
        #expect(!output.summaryJSON().hasPrefix("\u{FEFF}"))
        // The files still parse; the guard quote is part of the cell.
        let table = try CSVTable.parse(Data(plan.utf8), file: "plan.csv")
        #expect(table.rows[0].fields[1].text == "'=EVIL()")
        #expect(table.rows[0].fields[4].text == "1")
    }

    @Test func onlyTheChosenOptionApplies() {
        let (bomOnly, _) = Self.output(.init(byteOrderMark: true))
        #expect(bomOnly.planCSV() == "\u{FEFF}action,from_school,to_school,subject,teachers,km\ntransfer,=EVIL(),S2,-math,1,2.5\n")
        let (guardOnly, _) = Self.output(.init(guardFormulas: true))
        #expect(guardOnly.planCSV() == "action,from_school,to_school,subject,teachers,km\ntransfer,'=EVIL(),S2,'-math,1,2.5\n")
    }
}
