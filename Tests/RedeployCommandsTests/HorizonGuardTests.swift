import Foundation
import Testing

/// Until the planner models a horizon and retraining (docs/MODEL.md sections 5 and 6), solve,
/// evaluate and compare refuse a scenario that has them (exit 1, one line on standard error,
/// nothing written) instead of solving it as if it had neither; check reads it and shows
/// its years.
@Suite struct HorizonGuardTests {
    static let yaml = """
        name: Horizon
        schools: schools.csv
        staff: staff.csv

        """
    static let horizon = "horizon:\n  years: [2025, 2026]\n  payroll_change: {2026: -1}\n"
    static let retraining = "retraining: retraining.csv\n"

    /// A scenario folder whose scenario.yaml adds `keys` to a valid one-year scenario.
    private func scenario(_ keys: String) throws -> URL {
        let folder = try Paths.temporaryDirectory()
        let files = [
            "scenario.yaml": Self.yaml + keys,
            "schools.csv": "id,area,level,classes\nA,X,primary,10\nB,X,primary,8\n",
            "staff.csv": "school_id,subject,teachers,leaving,required\nA,primary,12,1,10\nB,primary,6,0,8\n",
            "retraining.csv": "from_level,from_subject,to_level,to_subject,cost\nprimary,primary,primary,english,1\n",
        ]
        for (name, text) in files {
            try Data(text.utf8).write(to: folder.appendingPathComponent(name))
        }
        return folder
    }

    private func refusal(_ path: String, _ what: String) -> String {
        "redeploy: \(path): this scenario has \(what); redeploy reads and checks them, but cannot solve them yet\n"
    }

    @Test(arguments: [
        (horizon, "a multi-year horizon"),
        (retraining, "retraining rows"),
        (retraining + horizon, "a multi-year horizon and retraining rows"),
    ])
    func solveRefusesAndWritesNothing(_ keys: String, _ what: String) throws {
        let folder = try scenario(keys)
        let out = folder.appendingPathComponent("out")
        let run = try redeploy(["solve", folder.path, "--out", out.path, "--report", out.path + ".html"])
        #expect(run.status == 1)
        #expect(run.stderr == refusal(folder.path, what))
        #expect(run.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: out.path))
        #expect(!FileManager.default.fileExists(atPath: out.path + ".html"))
    }

    /// export-model and report would describe a one-year model or plan of a scenario that has
    /// more: they refuse as solve does.
    @Test func exportAndReportRefuseToo() throws {
        let folder = try scenario(Self.horizon)
        let model = folder.appendingPathComponent("model.lp")
        let export = try redeploy(["export-model", folder.path, "--stage", "1", "--format", "lp", "--out", model.path])
        #expect(export.status == 1)
        #expect(export.stderr == refusal(folder.path, "a multi-year horizon"))
        #expect(!FileManager.default.fileExists(atPath: model.path))
        let report = try redeploy(["report", folder.appendingPathComponent("out").path, "--scenario", folder.path])
        #expect(report.status == 1)
        #expect(report.stderr == refusal(folder.path, "a multi-year horizon"))
    }

    @Test func greedySolveRefusesToo() throws {
        let folder = try scenario(Self.horizon)
        let out = folder.appendingPathComponent("out")
        let run = try redeploy(["solve", folder.path, "--out", out.path, "--method", "greedy"])
        #expect(run.status == 1)
        #expect(run.stderr == refusal(folder.path, "a multi-year horizon"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func evaluateRefuses() throws {
        let folder = try scenario(Self.horizon)
        let plan = folder.appendingPathComponent("plan.csv")
        try Data("action,from_school,to_school,subject,teachers\n".utf8).write(to: plan)
        let run = try redeploy(["evaluate", folder.path, "--plan", plan.path])
        #expect(run.status == 1)
        #expect(run.stderr == refusal(folder.path, "a multi-year horizon"))
        #expect(run.stdout.isEmpty)
    }

    @Test func compareRefusesBeforeSolvingAnyScenario() throws {
        let folder = try scenario(Self.retraining)
        let plain = try scenario("")
        let run = try redeploy(["compare", plain.path, folder.path])
        #expect(run.status == 1)
        #expect(run.stderr == refusal(folder.path, "retraining rows"))
        #expect(run.stdout.isEmpty)
    }

    /// The same files without either key solve as before.
    @Test func aScenarioWithNeitherStillSolves() throws {
        let folder = try scenario("")
        let out = folder.appendingPathComponent("out")
        let run = try redeploy(["solve", folder.path, "--out", out.path, "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("plan.csv").path))
    }

    /// check reads the horizon and prints a line per year after today's summary.
    @Test func checkShowsEachYear() throws {
        let folder = try scenario(Self.retraining + Self.horizon)
        let run = try redeploy(["check", folder.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.isEmpty)
        let tail = run.stdout.components(separatedBy: "\nBy year").last ?? ""
        #expect(tail == """
            , if nothing is done (staying = teachers now - leavers so far; payroll cap = teachers now + payroll_change)
            year  classes  required  leaving  staying  payroll_change  payroll cap  weight  weighted
            2025       18     18.00        1       17               0           18    1.00      2.00
            2026       18     18.00        0       17              -1           17    1.00      2.00
            Weighted shortage over the horizon if nothing is done (sum of weight x weighted): 4

            """)
    }
}
