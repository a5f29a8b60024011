import Foundation
import ScenarioIO
import Testing
import Workbook

/// Issue 17 at the command line: scenarios and plans as workbooks.
@Suite struct WorkbookCommandTests {
    /// The bundled scenarios (scenarios/README.md); a new one is added here with its workbook form checked.
    static let bundled = ["quang-ninh", "quang-ninh-2030", "quang-ninh-2030-streamlining", "quang-ninh-30km",
                          "quang-ninh-integrated", "quang-ninh-locked", "quang-ninh-norms", "quang-ninh-roster",
                          "quang-ninh-shared", "quang-ninh-streamlining", "quang-ninh-within-areas", "soc-trang",
                          "soc-trang-norms"]

    @Test func everyBundledScenarioIsListed() throws {
        let folders = try FileManager.default.contentsOfDirectory(atPath: Paths.scenarios.path)
            .filter { FileManager.default.fileExists(atPath: Paths.scenarios.appendingPathComponent($0 + "/scenario.yaml").path) }
        #expect(Set(folders) == Set(Self.bundled))
    }

    /// Show 1: each bundled scenario solved from its workbook form writes the same bytes as from its CSV files.
    @Test(arguments: bundled)
    func workbookFormSolvesToTheSameBytes(_ name: String) throws {
        let scenario = Paths.scenarios.appendingPathComponent(name).path
        let folder = try Paths.temporaryDirectory()
        let workbook = folder.appendingPathComponent("\(name).xlsx")
        try ScenarioWorkbookExport.workbook(scenario).data().write(to: workbook)
        let fromCSV = try redeploy(["solve", scenario, "--out", folder.appendingPathComponent("csv").path, "--quiet"])
        let fromWorkbook = try redeploy(["solve", workbook.path, "--out", folder.appendingPathComponent("xlsx").path, "--quiet"])
        try #require(fromCSV.status == 0, "\(fromCSV.stderr)")
        try #require(fromWorkbook.status == 0, "\(fromWorkbook.stderr)")
        let written = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("csv").path).sorted()
        #expect(written.contains("plan.csv") && written.contains("summary.json"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("xlsx").path).sorted() == written)
        for file in written where file.hasSuffix(".csv") || file.hasSuffix(".json") {
            let a = try Data(contentsOf: folder.appendingPathComponent("csv/" + file))
            let b = try Data(contentsOf: folder.appendingPathComponent("xlsx/" + file))
            #expect(a == b, "\(name): \(file) differs")
        }
    }

    /// plan.csv as a plan workbook: Transfers (transfers and retraining) and Hires and releases,
    /// plan.csv's columns first, as `solve --xlsx` writes them (docs/WORKBOOK.md).
    static func planWorkbook(_ planCSV: URL, change: ((inout [WorkbookWriter.Sheet]) -> Void)? = nil) throws -> Data {
        let text = try String(contentsOf: planCSV, encoding: .utf8)
        let lines = text.split(whereSeparator: \.isNewline).map(String.init)
        let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        func row(_ fields: [String]) -> [WorkbookWriter.Cell] {
            fields.map { field in
                if let value = Double(field), !field.isEmpty, field != "nan" { return .number(value) }
                return .text(field)
            }
        }
        var transfers = WorkbookWriter.Sheet(name: "Transfers", rows: [header.map { .text($0, style: .header) }], frozenRows: 1)
        var hires = WorkbookWriter.Sheet(name: "Hires and releases", rows: [header.map { .text($0, style: .header) }], frozenRows: 1)
        for line in lines.dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            if fields[0] == "transfer" || fields[0] == "retrain" { transfers.rows.append(row(fields)) } else { hires.rows.append(row(fields)) }
        }
        var sheets = [transfers, hires]
        change?(&sheets)
        return try WorkbookWriter(sheets: sheets).data()
    }

    /// Show 3: solve, write the plan as a workbook, evaluate it: unchanged, the gap is 0; one
    /// transfer changed, evaluate names its row and reports the gap.
    @Test func evaluateReadsAnEditedPlanWorkbook() throws {
        let scenario = Paths.scenarios.appendingPathComponent("quang-ninh").path
        let folder = try Paths.temporaryDirectory()
        let out = folder.appendingPathComponent("out")
        let solved = try redeploy(["solve", scenario, "--out", out.path, "--quiet"])
        try #require(solved.status == 0, "\(solved.stderr)")
        let planCSV = out.appendingPathComponent("plan.csv")

        let same = folder.appendingPathComponent("plan.xlsx")
        try Self.planWorkbook(planCSV).write(to: same)
        let unchanged = try redeploy(["evaluate", scenario, "--plan", same.path])
        #expect(unchanged.status == 0, "\(unchanged.stderr)")
        #expect(unchanged.stdout.contains("Plan: \(same.path), "))
        #expect(unchanged.stdout.contains("valid: it keeps every rule of the contract"))
        #expect(unchanged.stdout.contains(", gap 0.00 (before any plan"), "\(unchanged.stdout)")
        #expect(unchanged.stdout.contains("Cost C: plan ") && unchanged.stdout.contains(", gap 0.00\n"), "\(unchanged.stdout)")

        // The first transfer moves 500 teachers more than planned: more than its school has.
        let changed = folder.appendingPathComponent("changed.xlsx")
        try Self.planWorkbook(planCSV) { sheets in
            let column = sheets[0].rows[0].firstIndex { $0.value == .text("teachers") }!
            if case .number(let n) = sheets[0].rows[1][column].value { sheets[0].rows[1][column] = .number(n + 500) }
        }.write(to: changed)
        let edited = try redeploy(["evaluate", scenario, "--plan", changed.path])
        #expect(edited.status == 4, "\(edited.stdout)\(edited.stderr)")
        #expect(edited.stdout.contains("\(changed.path):Transfers!A2: "), "\(edited.stdout)")
        let gapLine = edited.stdout.split(separator: "\n").first { $0.hasPrefix("Weighted shortage W: plan") } ?? ""
        #expect(!gapLine.contains("gap 0.00 "), "\(gapLine)")

        // A valid change: one teacher fewer on the first transfer; W rises, no violation.
        let fewer = folder.appendingPathComponent("fewer.xlsx")
        try Self.planWorkbook(planCSV) { sheets in
            let column = sheets[0].rows[0].firstIndex { $0.value == .text("teachers") }!
            if case .number(let n) = sheets[0].rows[1][column].value { sheets[0].rows[1][column] = .number(n - 1) }
        }.write(to: fewer)
        let worse = try redeploy(["evaluate", scenario, "--plan", fewer.path])
        #expect(worse.status == 0, "\(worse.stdout)\(worse.stderr)")
        let worseGap = worse.stdout.split(separator: "\n").first { $0.hasPrefix("Weighted shortage W: plan") } ?? ""
        #expect(worseGap.contains("gap +"), "\(worseGap)")
    }

    /// Show 3 end to end: `solve --xlsx` writes the plan workbook, openpyxl (an independent editor,
    /// Tests/Fixtures/workbook/edit_plan.py) changes one transfer, `evaluate` reads both back.
    /// Skipped where python3 with openpyxl is missing.
    @Test func openpyxlEditedPlan() throws {
        let check = Process()
        check.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        check.arguments = ["python3", "-c", "import openpyxl"]
        check.standardError = FileHandle.nullDevice
        do { try check.run() } catch { return }
        check.waitUntilExit()
        guard check.terminationStatus == 0 else { return }
        let scenario = Paths.scenarios.appendingPathComponent("quang-ninh").path
        let folder = try Paths.temporaryDirectory()
        let out = folder.appendingPathComponent("out")
        let plan = folder.appendingPathComponent("plan.xlsx")
        let solved = try redeploy(["solve", scenario, "--out", out.path, "--xlsx", plan.path, "--quiet"])
        try #require(solved.status == 0, "\(solved.stderr)")
        let script = Paths.repository.appendingPathComponent("Tests/Fixtures/workbook/edit_plan.py").path
        let edit = Process()
        edit.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        edit.arguments = ["python3", script, plan.path, folder.appendingPathComponent("edited.xlsx").path]
        try edit.run()
        edit.waitUntilExit()
        try #require(edit.terminationStatus == 0)
        let unchanged = try redeploy(["evaluate", scenario, "--plan", plan.path])
        #expect(unchanged.status == 0, "\(unchanged.stdout)\(unchanged.stderr)")
        #expect(unchanged.stdout.contains(", gap 0.00 (before any plan"), "\(unchanged.stdout)")
        #expect(unchanged.stdout.contains("Cost C: plan ") && unchanged.stdout.contains(", gap 0.00\n"), "\(unchanged.stdout)")
        let edited = try redeploy(["evaluate", scenario, "--plan", folder.appendingPathComponent("edited.xlsx").path])
        #expect(edited.status == 4, "\(edited.stdout)")
        #expect(edited.stdout.contains("edited.xlsx:Transfers!A2: "), "\(edited.stdout)")
    }

    /// Show 5: each damaged workbook (Tests/Fixtures/workbook/malformed) is refused by solve
    /// with its sheet (and cell) named, exit 2, and nothing written.
    @Test func malformedWorkbooksExitTwoAndWriteNothing() throws {
        let fixtures = Paths.repository.appendingPathComponent("Tests/Fixtures/workbook/malformed")
        let table = try String(contentsOf: fixtures.appendingPathComponent("expected.tsv"), encoding: .utf8)
        let cases = table.split(separator: "\n").map { $0.split(separator: "\t", maxSplits: 1).map(String.init) }
        #expect(cases.count >= 20)
        for item in cases {
            let folder = try Paths.temporaryDirectory()
            let data = folder.appendingPathComponent("data.xlsx")
            try FileManager.default.copyItem(at: fixtures.appendingPathComponent(item[0]), to: data)
            let out = folder.appendingPathComponent("out")
            let run = try redeploy(["solve", data.path, "--out", out.path, "--quiet"])
            #expect(run.status == 2, "\(item[0]): \(run.stderr)")
            let expected = item[1].replacingOccurrences(of: "data.xlsx", with: data.path)
            #expect(run.stderr.contains(expected), "\(item[0]): \(run.stderr)")
            #expect(!FileManager.default.fileExists(atPath: out.path), "\(item[0]): wrote \(out.path)")
        }
    }
}
