import Foundation
import Testing

/// The commands on horizons (docs/MODEL.md sections 5 and 6), on the hand-computed fixture
/// Tests/Fixtures/horizon/course-ahead (its scenario.yaml works the figures out) and on small
/// scenarios written here.
@Suite struct HorizonCommandTests {
    static let courseAhead = Paths.repository.appendingPathComponent("Tests/Fixtures/horizon/course-ahead")

    func text(_ url: URL, _ name: String) throws -> String {
        try String(contentsOf: url.appendingPathComponent(name), encoding: .utf8)
    }

    @Test func solveWritesTheYearsAndTheCourse() throws {
        let out = try Paths.temporaryDirectory().appendingPathComponent("out")
        let run = try redeploy(["solve", Self.courseAhead.path, "--out", out.path, "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try text(out, "plan.csv") == """
            action,from_school,to_school,subject,teachers,km,to_subject,year
            retrain,A,B,english,1,,math,2025
            hire,,A,primary,1,,,2026

            """)
        #expect(try text(out, "schools.csv") == """
            school_id,subject,required,before,after,shortage,year
            A,english,0,1,0,0,2025
            A,primary,3,3,3,0,2025
            B,math,0,0,0,0,2025
            A,english,0,1,0,0,2026
            A,primary,3,2,3,0,2026
            B,math,1,0,1,0,2026

            """)
        let summary = try json(out.appendingPathComponent("summary.json"))
        #expect(summary["status"] as? String == "optimal")
        #expect(summary["weighted_shortage_before"] as? Double == 2)
        #expect(summary["weighted_shortage"] as? Double == 0)
        #expect(summary["cost"] as? Double == 5)
        #expect(summary["retrained"] as? Double == 1)
        #expect(summary["payroll_after"] as? Double == 4)
        let years = try #require(summary["years"] as? [[String: Any]])
        #expect(years.map { $0["year"] as? Int } == [2025, 2026])
        #expect(years.map { $0["payroll"] as? Double } == [4, 4], "the teacher in his course is on the payroll")
        #expect(years.map { $0["payroll_cap"] as? Int } == [4, 4])
        #expect(years.map { $0["retrained"] as? Double } == [1, 0])
        #expect(years.map { $0["hires"] as? Double } == [0, 1])
        #expect(years.map { $0["cost"] as? Double } == [3, 2])
    }

    @Test func myopicPaysForNotPlanningAhead() throws {
        let out = try Paths.temporaryDirectory().appendingPathComponent("out")
        let run = try redeploy(["solve", Self.courseAhead.path, "--out", out.path, "--quiet", "--method", "myopic"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try text(out, "plan.csv") == """
            action,from_school,to_school,subject,teachers,km,to_subject,year
            hire,,A,primary,1,,,2026
            hire,,B,math,1,,,2026
            release,A,,english,1,,,2026

            """)
        let summary = try json(out.appendingPathComponent("summary.json"))
        #expect(summary["status"] as? String == "feasible")
        #expect(summary["method"] as? String == "myopic")
        #expect(summary["weighted_shortage"] as? Double == 0)
        #expect(summary["cost"] as? Double == 9)
        #expect(summary["mip_gap"] is NSNull)
    }

    @Test func solveIsDeterministic() throws {
        let folder = try Paths.temporaryDirectory()
        for name in ["a", "b"] {
            let run = try redeploy(["solve", Self.courseAhead.path, "--out", folder.appendingPathComponent(name).path, "--quiet"])
            #expect(run.status == 0)
        }
        for file in ["plan.csv", "schools.csv", "summary.json"] {
            #expect(try text(folder.appendingPathComponent("a"), file) == text(folder.appendingPathComponent("b"), file))
        }
    }

    /// A scenario folder: two primary schools, a horizon given by `horizon`.
    private func scenario(_ horizon: String, staffYears: String = "", retraining: Bool = false) throws -> URL {
        let folder = try Paths.temporaryDirectory()
        var yaml = "name: Horizon\nschools: schools.csv\nstaff: staff.csv\n" + horizon
        if !staffYears.isEmpty { yaml += "  staff: staff-years.csv\n" }
        if retraining { yaml += "retraining: retraining.csv\n" }
        let files = [
            "scenario.yaml": yaml,
            "schools.csv": "id,area,level,classes\nA,X,primary,10\nB,X,primary,8\n",
            "staff.csv": "school_id,subject,teachers,leaving,required\nA,primary,12,1,10\nB,primary,6,0,8\n",
            "staff-years.csv": "school_id,subject,year,leaving,required\n" + staffYears,
            "retraining.csv": "from_level,from_subject,to_level,to_subject,cost\nprimary,primary,primary,english,1\n",
        ]
        for (name, text) in files { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
        return folder
    }

    /// A has 12 teachers (1 leaving now), 9 of whom leave at the start of 2027 and may not be
    /// released before; B has 6. The path cuts the payroll to 18 - 10 = 8 in 2026, below the 9
    /// who must stay: 2026 is named, nothing written, exit 1.
    @Test func aRoadmapThatCannotBeMetIsInfeasible() throws {
        let folder = try scenario("horizon:\n  years: [2025, 2026, 2027]\n  payroll_change: {2026: -10}\n",
                                  staffYears: "A,primary,2027,9,\n")
        let out = folder.appendingPathComponent("out")
        let run = try redeploy(["solve", folder.path, "--out", out.path, "--report", out.path + ".html"])
        #expect(run.status == 1)
        #expect(run.stderr == "redeploy: \(folder.path): infeasible: the payroll cap of 2026 (8) cannot be met: at least 9 "
            + "people stay on the payroll that year (teachers who leave in a later year, fixed posts, courses)\n")
        #expect(run.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: out.path))
        #expect(!FileManager.default.fileExists(atPath: out.path + ".html"))
    }

    /// Bad input in a horizon stops solve before anything is written: file, line and column, exit 2.
    @Test func badHorizonInputWritesNothing() throws {
        let folder = try scenario("horizon:\n  years: [2025, 2027]\n")
        let out = folder.appendingPathComponent("out")
        let run = try redeploy(["solve", folder.path, "--out", out.path])
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix(folder.appendingPathComponent("scenario.yaml").path + ":5:"), "\(run.stderr)")
        #expect(run.stderr.contains("2027"), "\(run.stderr)")
        #expect(run.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func greedyAndExplainPlanOneYearOnly() throws {
        let folder = try scenario("horizon:\n  years: [2025, 2026]\n")
        let out = folder.appendingPathComponent("out")
        for flags in [["--method", "greedy"], ["--explain"]] {
            let run = try redeploy(["solve", folder.path, "--out", out.path] + flags)
            #expect(run.status == 2)
            #expect(run.stderr.contains("plans a single year; this scenario has a horizon: use --method optimal or myopic"))
            #expect(!FileManager.default.fileExists(atPath: out.path))
        }
    }

    /// Retraining without a horizon: one year, plan.csv gains to_subject but no year.
    @Test func retrainingInOneYear() throws {
        let folder = try scenario("", retraining: true)
        let out = folder.appendingPathComponent("out")
        let run = try redeploy(["solve", folder.path, "--out", out.path, "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try text(out, "plan.csv").hasPrefix("action,from_school,to_school,subject,teachers,km,to_subject\n"))
        #expect(try text(out, "schools.csv").hasPrefix("school_id,subject,required,before,after,shortage\n"))
        #expect(try json(out.appendingPathComponent("summary.json"))["years"] == nil)
    }

    @Test func evaluateJudgesAHorizonPlan() throws {
        let folder = try Paths.temporaryDirectory()
        let good = folder.appendingPathComponent("good.csv")
        try Data("action,from_school,to_school,subject,teachers,to_subject,year\nretrain,A,B,english,1,math,2025\nhire,,A,primary,1,,2026\n".utf8)
            .write(to: good)
        let run = try redeploy(["evaluate", Self.courseAhead.path, "--plan", good.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("valid: it keeps every rule of the contract"))
        #expect(run.stdout.contains("2026    0.00       0.00      0.00    2.00       2.00      9.00             4    4"), "\(run.stdout)")
        #expect(run.stdout.contains("C, cost               5.00     5.00    9.00            0.00"), "\(run.stdout)")
        // A year outside the horizon, and a course started too late to be in the plan.
        let bad = folder.appendingPathComponent("bad.csv")
        try Data("action,from_school,to_school,subject,teachers,to_subject,year\nretrain,A,B,english,1,math,2024\nhire,,A,primary,2,,2026\n".utf8)
            .write(to: bad)
        let wrong = try redeploy(["evaluate", Self.courseAhead.path, "--plan", bad.path])
        #expect(wrong.status == 4)
        #expect(wrong.stdout.contains("\(bad.path):2: 2024 is not a year of the horizon 2025-2026"), "\(wrong.stdout)")
        #expect(wrong.stdout.contains("payroll in 2026: 5 people (in a course included) exceed the cap of 4"), "\(wrong.stdout)")
    }

    @Test func compareSetsTheOptimumAgainstTheMyopicPlan() throws {
        let run = try redeploy(["compare", Self.courseAhead.path, "--format", "csv"])
        #expect(run.status == 0, "\(run.stderr)")
        let rows = run.stdout.split(separator: "\n").map(String.init)
        #expect(rows.contains("method,optimal,myopic"))
        #expect(rows.contains("cost,5,9"))
        #expect(rows.contains("cost_2025,3,0"))
        #expect(rows.contains("cost_2026,2,9"))
        #expect(rows.contains("weighted_shortage_2026,0,0"))
    }

    @Test func exportWritesTheLiteralModel() throws {
        let model = try Paths.temporaryDirectory().appendingPathComponent("model.lp")
        let run = try redeploy(["export-model", Self.courseAhead.path, "--stage", "1", "--format", "lp", "--out", model.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("Wrote \(model.path): literal horizon model, stage 1,"))
        #expect(FileManager.default.fileExists(atPath: model.path))
    }

    /// check reads the horizon and prints a line per year after today's summary.
    @Test func checkShowsEachYear() throws {
        let folder = try scenario("horizon:\n  years: [2025, 2026]\n  payroll_change: {2026: -1}\n", retraining: true)
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
