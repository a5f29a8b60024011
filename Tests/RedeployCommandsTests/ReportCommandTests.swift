import Foundation
import Testing

/// `redeploy report OUTDIR --scenario S` refuses a plan that does not belong to S (issue 13):
/// exit 2, every reason on standard error, and no report file written or replaced.
@Suite struct ReportCommandTests {
    /// Two primary schools; S1 has 2 teachers more than it needs, S2 2 fewer: the plan moves 2.
    static let schoolsA = "id,name,area,level,classes\nS1,Trường A,X,primary,10\nS2,Trường B,X,primary,8\n"
    static let staffA = "school_id,subject,teachers,leaving,required\nS1,primary,12,0,10\nS2,primary,7,0,9\n"

    static func scenario(name: String, schools: String = schoolsA, staff: String = staffA) throws -> URL {
        let dir = try Paths.temporaryDirectory()
        let files = ["scenario.yaml": "name: \(name)\nschools: schools.csv\nstaff: staff.csv\n",
                     "schools.csv": schools, "staff.csv": staff]
        for (file, text) in files {
            try text.write(to: dir.appendingPathComponent(file), atomically: true, encoding: .utf8)
        }
        return dir
    }

    /// Scenario A solved, with its report and Markdown summary written by solve.
    static func solvedA(method: String = "optimal") throws -> (scenario: URL, out: URL) {
        let a = try scenario(name: "A")
        let out = try Paths.temporaryDirectory()
        let run = try redeploy(["solve", a.path, "--out", out.path, "--method", method, "--quiet",
                                "--report", out.appendingPathComponent("report.html").path,
                                "--markdown", out.appendingPathComponent("report.md").path])
        try #require(run.status == 0, "\(run.stderr)")
        #expect(try String(contentsOf: out.appendingPathComponent("plan.csv"), encoding: .utf8)
            == "action,from_school,to_school,subject,teachers,km\ntransfer,S1,S2,primary,2,\n")
        return (a, out)
    }

    /// The files of `folder` and their bytes.
    static func contents(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            files[name] = try Data(contentsOf: folder.appendingPathComponent(name))
        }
        return files
    }

    @Test func aPlanOfTheSameScenarioIsReported() throws {
        for method in ["optimal", "greedy"] {
            let (a, out) = try Self.solvedA(method: method)
            let run = try redeploy(["report", out.path, "--scenario", a.path])
            #expect(run.status == 0, "\(method): \(run.stderr)")
            #expect(run.stderr == "")
            #expect(run.stdout == "Wrote \(out.path)/report.html and \(out.path)/report.md\n")
        }
    }

    @Test func aPlanOfAnotherProvinceIsRefusedAndNothingIsWritten() throws {
        let (_, out) = try Self.solvedA()
        let before = try Self.contents(out)
        let b = try Self.scenario(name: "B", schools: "id,name,area,level,classes\nT1,Trường C,Y,primary,10\nT2,Trường D,Y,primary,8\n",
                                  staff: "school_id,subject,teachers,leaving,required\nT1,primary,5,0,5\nT2,primary,5,0,6\n")
        let elsewhere = try Paths.temporaryDirectory()
        for extra in [[], ["--html", elsewhere.appendingPathComponent("r.html").path,
                           "--markdown", elsewhere.appendingPathComponent("r.md").path]] {
            let run = try redeploy(["report", out.path, "--scenario", b.path] + extra)
            #expect(run.status == 2)
            #expect(run.stdout == "")
            #expect(run.stderr == """
                \(out.path): the plan there does not belong to scenario 'B': no report written (solve this scenario, or report the plan with the scenario it was solved for)
                \(out.path)/summary.json: written for scenario 'A', not 'B'
                \(out.path)/summary.json: weighted_shortage_before is 2, but this scenario's W0 is 1
                \(out.path)/summary.json: payroll_before is 19, but this scenario has 10 teachers
                \(out.path)/summary.json: weighted_shortage is 0, but the plan leaves 1 in this scenario
                \(out.path)/summary.json: cost is 2, but the plan costs 0 in this scenario
                \(out.path)/plan.csv:2: breaks 2 rules of this scenario, the first: unknown sending school 'S1'

                """)
        }
        #expect(try Self.contents(out) == before)
        #expect(try Self.contents(elsewhere).isEmpty)
    }

    @Test func aValidPlanWhoseFiguresAreNotTheScenariosIsRefused() throws {
        // The same schools and name, but S2 now needs 10: the plan still keeps every rule,
        // yet summary.json's W0 and W are not this scenario's.
        let (_, out) = try Self.solvedA()
        try FileManager.default.removeItem(at: out.appendingPathComponent("report.md"))
        let before = try Self.contents(out)
        let changed = try Self.scenario(name: "A", staff: "school_id,subject,teachers,leaving,required\nS1,primary,12,0,10\nS2,primary,7,0,10\n")
        let run = try redeploy(["report", out.path, "--scenario", changed.path])
        #expect(run.status == 2)
        #expect(run.stderr == """
            \(out.path): the plan there does not belong to scenario 'A': no report written (solve this scenario, or report the plan with the scenario it was solved for)
            \(out.path)/summary.json: weighted_shortage_before is 2, but this scenario's W0 is 3
            \(out.path)/summary.json: weighted_shortage is 0, but the plan leaves 1 in this scenario

            """)
        #expect(try Self.contents(out) == before)  // report.md not created either
    }

    @Test func aBundledPlanThatBreaksAVariantsPayrollCutIsRefused() throws {
        let out = try Paths.temporaryDirectory()
        let base = Paths.scenarios.appendingPathComponent("quang-ninh").path
        let solve = try redeploy(["solve", base, "--out", out.path, "--quiet"])
        try #require(solve.status == 0, "\(solve.stderr)")
        let run = try redeploy(["report", out.path, "--scenario", Paths.scenarios.appendingPathComponent("quang-ninh-streamlining").path])
        #expect(run.status == 2)
        #expect(run.stderr.contains("\(out.path)/summary.json: written for scenario 'Quảng Ninh (synthetic), 2025/26: budget-neutral', "
            + "not 'Quảng Ninh (synthetic), 2025/26: streamlining, payroll cut by 5% (310 of 6201)'\n"))
        #expect(run.stderr.hasSuffix("\(out.path)/plan.csv: breaks a rule of this scenario: payroll raised: hires - releases = 166 "
            + "exceeds leavers + payroll_change = -144 (the payroll cut needs at least 144 releases)\n"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("report.html").path))
        #expect(try redeploy(["report", out.path, "--scenario", base, "--quiet"]).status == 0)
    }
}
