import Foundation
import Testing

/// `redeploy report OUTDIR --scenario S` on a horizon: the plan OUTDIR holds is re-checked, the
/// other plan (optimum or myopic, as summary.json's method says) solved again, and the reports
/// are those `solve --report` writes; a plan that does not belong to S is refused (exit 2,
/// nothing written), as for one year.
@Suite struct HorizonReportCommandTests {
    static let courseAhead = HorizonCommandTests.courseAhead

    /// course-ahead solved by `method` into a new folder, with the reports `solve` writes beside.
    static func solved(method: String) throws -> URL {
        let out = try Paths.temporaryDirectory().appendingPathComponent("out")
        let run = try redeploy(["solve", courseAhead.path, "--out", out.path, "--method", method, "--quiet",
                                "--report", out.appendingPathComponent("solve.html").path,
                                "--markdown", out.appendingPathComponent("solve.md").path])
        try #require(run.status == 0, "\(run.stderr)")
        return out
    }

    func bytes(_ url: URL, _ name: String) throws -> Data {
        try Data(contentsOf: url.appendingPathComponent(name))
    }

    @Test func reportOnASolvedHorizonWritesWhatSolveWrote() throws {
        var pages: [Data] = []
        for method in ["optimal", "myopic"] {
            let out = try Self.solved(method: method)
            let run = try redeploy(["report", out.path, "--scenario", Self.courseAhead.path])
            #expect(run.status == 0, "\(method): \(run.stderr)")
            #expect(run.stdout == "Wrote \(out.path)/report.html and \(out.path)/report.md\n")
            #expect(try bytes(out, "report.html") == bytes(out, "solve.html"), "\(method)")
            #expect(try bytes(out, "report.md") == bytes(out, "solve.md"), "\(method)")
            pages.append(try bytes(out, "report.html"))
            let markdown = try String(contentsOf: out.appendingPathComponent("report.md"), encoding: .utf8)
            #expect(markdown.contains("| 2025 | 0.00 | 0.00 | 0.00 | 0.00 | 3.00 | 0.00 | −3.00 |"))
            #expect(markdown.contains("| 2026 | 2.00 | 0.00 | 0.00 | 0.00 | 2.00 | 9.00 | +7.00 |"))
        }
        // Either folder gives the same report: the optimum against the myopic plan.
        #expect(pages[0] == pages[1])
    }

    @Test func aTamperedPlanIsRefusedAndNothingIsWritten() throws {
        let out = try Self.solved(method: "optimal")
        let plan = out.appendingPathComponent("plan.csv")
        let text = try String(contentsOf: plan, encoding: .utf8)
        try #require(text.contains("hire,,A,primary,1,,,2026\n"))
        // Two hires where the leaver's post allows one: over the 2026 payroll cap, and dearer.
        try text.replacingOccurrences(of: "hire,,A,primary,1,,,2026\n", with: "hire,,A,primary,2,,,2026\n")
            .write(to: plan, atomically: true, encoding: .utf8)
        let files = try Set(FileManager.default.contentsOfDirectory(atPath: out.path))
        let elsewhere = try Paths.temporaryDirectory()
        for extra in [[], ["--html", elsewhere.appendingPathComponent("r.html").path,
                           "--markdown", elsewhere.appendingPathComponent("r.md").path]] {
            let run = try redeploy(["report", out.path, "--scenario", Self.courseAhead.path] + extra)
            #expect(run.status == 2)
            #expect(run.stdout == "")
            #expect(run.stderr == """
                \(out.path): the plan there does not belong to scenario 'Course ahead: retraining a year early against hiring late': no report written (solve this scenario, or report the plan with the scenario it was solved for)
                \(out.path)/summary.json: cost is 5, but the plan costs 7 in this scenario
                \(out.path)/plan.csv: breaks a rule of this scenario: payroll in 2026: 5 people (in a course included) exceed the cap of 4

                """)
        }
        #expect(try Set(FileManager.default.contentsOfDirectory(atPath: out.path)) == files)
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path).isEmpty)
    }

    @Test func aPlanWithoutItsYearsIsRefused() throws {
        let out = try Self.solved(method: "optimal")
        let plan = out.appendingPathComponent("plan.csv")
        try """
            action,from_school,to_school,subject,teachers,km
            hire,,A,primary,1,

            """.write(to: plan, atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(at: out.appendingPathComponent("summary.json"))
        let run = try redeploy(["report", out.path, "--scenario", Self.courseAhead.path])
        #expect(run.status == 2)
        #expect(run.stderr.contains("\(out.path)/plan.csv:2: breaks a rule of this scenario: the year is missing"))
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("report.html").path))
    }
}
