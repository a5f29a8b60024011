import Foundation
import Testing
@testable import ScenarioIO
import RedeployDomain
import Workbook

@Suite struct WorkbookScenarioTests {
    /// The base scenario loads the same from its workbook as from its CSV files.
    @Test func aWorkbookIsTheSameScenarioAsItsFiles() throws {
        let fromFiles = try ScenarioLoader.load(TempScenario().root)
        let path = try WorkbookFixtures.file(try WorkbookFixtures.base().data())
        let fromWorkbook = try ScenarioLoader.load(path)
        #expect(fromWorkbook == fromFiles)
    }

    /// scenario.yaml may name sheets in place of CSV files, with or without `#Sheet`.
    @Test func yamlNamesSheets() throws {
        let path = try WorkbookFixtures.file(try WorkbookFixtures.base().data())
        let folder = (path as NSString).deletingLastPathComponent
        try "name: Test\nschools: data.xlsx\nstaff: data.xlsx#Staff\n".write(toFile: folder + "/scenario.yaml", atomically: true, encoding: .utf8)
        #expect(try ScenarioLoader.load(folder) == ScenarioLoader.load(TempScenario().root))
        try "name: Test\nschools: data.xlsx#Schools\nstaff: data.xlsx#Staf\n".write(toFile: folder + "/scenario.yaml", atomically: true, encoding: .utf8)
        let error = try #require(throws: ScenarioError.self) { try ScenarioLoader.load(folder) }
        #expect(error.description.hasSuffix("scenario.yaml:3:8: staff: \(folder)/data.xlsx has no sheet named 'Staf' (did you mean 'Staff'?); its sheets are: 'Schools', 'Staff', 'Policy'"),
                "\(error)")
    }

    /// The issue's example, exactly: a decimal comma in a teachers cell.
    @Test func messagesNameFileSheetAndCell() throws {
        let writer = WorkbookFixtures.with(try WorkbookFixtures.base(), "Staff", "C3", .text("2,5"))
        let path = try WorkbookFixtures.file(try writer.data())
        let error = try #require(throws: ScenarioError.self) { try ScenarioLoader.load(path) }
        #expect(error.diagnostics.map(\.description) == ["\(path):Staff!C3: teachers must be a whole number, got '2,5'"])
    }

    /// Numbers as text, shared strings, merged titles and areas, trailing empty rows.
    @Test func readsSheetsAsExcelUsersWriteThem() throws {
        var writer = try WorkbookFixtures.base()
        let k = writer.sheets.firstIndex { $0.name == "Schools" }!
        // A title merged across the columns above the header, and an empty styled row below.
        writer.sheets[k].rows.insert([.text("Danh sách trường")], at: 0)
        writer.sheets[k].rows.append([.empty, .empty, .empty, .empty, .empty, .empty, .empty, .empty])
        writer.sheets[k].rows.append([WorkbookWriter.Cell(.empty, style: .init(fill: "FFC7CE"))])
        // The area of S2 left empty: the merged C3:C4 gives it S1's.
        writer = WorkbookFixtures.with(writer, "Schools", "C4", .empty)
        // The classes of S1 as text, as a number pasted from elsewhere often is.
        writer = WorkbookFixtures.with(writer, "Schools", "E3", .text("10"))
        let data = try WorkbookFixtures.edited(writer, sheet: "Schools") {
            $0.replacingOccurrences(of: "</sheetData>", with: "</sheetData><mergeCells count=\"2\"><mergeCell ref=\"A1:H1\"/><mergeCell ref=\"C3:C4\"/></mergeCells>")
        }
        let path = try WorkbookFixtures.file(data)
        let scenario = try ScenarioLoader.load(path)
        #expect(scenario.schools.map(\.area) == ["X", "X"])
        #expect(scenario.schools.map(\.classes) == [10, 8])
    }

    /// Twenty-odd damaged workbooks, each refused with its sheet (and cell) named.
    @Test func malformedWorkbooksAreRefusedAtTheirCells() throws {
        let cases = try WorkbookFixtures.malformed()
        #expect(cases.count >= 20)
        for (name, data, expected) in cases {
            let path = try WorkbookFixtures.file(data)
            let folder = (path as NSString).deletingLastPathComponent + "/"
            do {
                _ = try ScenarioLoader.load(path)
                Issue.record("\(name): loaded")
            } catch {
                let text = error.description.replacingOccurrences(of: folder, with: "")
                #expect(text.contains(expected), "\(name): \(text)")
            }
        }
    }

    /// A plan workbook reads back into the plan its CSV holds, messages at their cells.
    @Test func planWorkbooksReadBack() throws {
        let csv = "action,from_school,to_school,subject,teachers,km\ntransfer,S1,S2,primary,1,12.5\nhire,,S2,primary,0.5,\n"
        let plan = try PlanReader.parse(csv, file: "plan.csv")
        let table = try CSVTable.parse(csv, file: "plan.csv")
        let transfers = ScenarioWorkbookExport.sheet("Transfers", table)
        var hires = transfers
        hires.name = "Hires and releases"
        hires.rows = [transfers.rows[0], transfers.rows[2]]
        var moved = transfers
        moved.rows = [transfers.rows[0], transfers.rows[1]]
        let path = try WorkbookFixtures.file(try WorkbookWriter(sheets: [moved, hires]).data(), name: "plan.xlsx")
        let read = try PlanReader.read(contentsOf: path, file: "plan.xlsx")
        #expect(read.plan == plan.plan)
        #expect(read.place(ofLine: read.lines[0]) == "Transfers!A2")
        #expect(read.place(ofLine: read.lines[1]) == "'Hires and releases'!A2")

        moved.rows[1][4] = .text("two")
        let bad = try WorkbookFixtures.file(try WorkbookWriter(sheets: [moved, hires]).data(), name: "plan.xlsx")
        let error = try #require(throws: ScenarioError.self) { try PlanReader.read(contentsOf: bad, file: "plan.xlsx") }
        #expect(error.description == "plan.xlsx:Transfers!E2: teachers must be a number, got 'two'")
    }
}

/// The damaged workbooks of `WorkbookFixtures.malformed()` are kept in
/// Tests/Fixtures/workbook/malformed (one .xlsx per case, and expected.tsv: file, then what the
/// first message must hold), so that the command tests can run `redeploy` on them. The writer
/// is deterministic: this test proves the files are the ones the table makes, and rewrites
/// them when REGENERATE_WORKBOOK_FIXTURES=1.
@Suite struct MalformedWorkbookFixtureTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/workbook/malformed")

    @Test func fixturesAreTheTable() throws {
        let cases = try WorkbookFixtures.malformed()
        let regenerate = ProcessInfo.processInfo.environment["REGENERATE_WORKBOOK_FIXTURES"] == "1"
        var tsv = ""
        for (k, (name, data, expected)) in cases.enumerated() {
            let file = String(format: "%02d-", k + 1) + name.replacingOccurrences(of: " ", with: "-") + ".xlsx"
            tsv += file + "\t" + expected + "\n"
            let url = Self.folder.appendingPathComponent(file)
            if regenerate {
                try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
                try data.write(to: url)
            } else {
                #expect(try Data(contentsOf: url) == data, "\(file) differs from the table: regenerate it")
            }
        }
        let tsvURL = Self.folder.appendingPathComponent("expected.tsv")
        if regenerate { try tsv.write(to: tsvURL, atomically: true, encoding: .utf8) }
        #expect(try String(contentsOf: tsvURL, encoding: .utf8) == tsv)
    }
}
