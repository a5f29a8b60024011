import Foundation
import Testing

/// `solve --explain` on the hand-computed case of `ExplanationTests` (RedeployPlannerTests):
///
///     school  area   priority  teachers  required      hiring false, transfer_scope area
///     N1      North  3         1         3
///     S2      South  1         2         1
///     S3      South  2         1         2
///
/// W = 6 (S2 -> S3). One more teacher at N1 lowers W by 3 and nowhere else by anything.
/// Lifting hiring or transfer_scope each gives W = 3: each limit costs 3.
@Suite struct ExplainCommandTests {
    static func scenario() throws -> URL {
        let root = try Paths.temporaryDirectory()
        let files = [
            "scenario.yaml": "name: three schools\nschools: schools.csv\nstaff: staff.csv\npolicy:\n  hiring: false\n  transfer_scope: area\n",
            "schools.csv": "id,area,level,classes,priority\nN1,North,primary,3,3\nS2,South,primary,1,1\nS3,South,primary,2,2\n",
            "staff.csv": "school_id,subject,teachers,required\nN1,math,1,3\nS2,math,2,1\nS3,math,1,2\n",
        ]
        for (name, text) in files {
            try text.write(to: root.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return root
    }

    @Test func tablesAndSummaryHoldTheHandComputedFigures() throws {
        let root = try Self.scenario()
        let out = root.appendingPathComponent("out")
        let run = try redeploy(["solve", root.path, "--out", out.path, "--explain"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("""
            area   subject  best school  W falls by
            North  math     N1                 3.00
            """))
        #expect(run.stdout.contains("""
            policy          now    lifted to  W lifted  limit costs
            hiring          false  true           3.00         3.00
            transfer_scope  area   any            3.00         3.00
            """), "\(run.stdout)")

        let summary = try json(out.appendingPathComponent("summary.json"))
        #expect(summary["weighted_shortage"] as? Double == 6)
        let explanation = try #require(summary["explanation"] as? [String: Any])
        #expect(explanation["gain_method"] as? String == "network")
        let gains = try #require(explanation["teacher_gains"] as? [[String: Any]])
        #expect(gains.count == 1)
        #expect(gains.first?["school"] as? String == "N1" && gains.first?["gain"] as? Double == 3)
        let limits = try #require(explanation["limits"] as? [[String: Any]])
        #expect(limits.map { $0["key"] as? String } == ["hiring", "transfer_scope"])
        #expect(limits.map { $0["weighted_shortage"] as? Double } == [3, 3])
        #expect(limits.map { $0["shortage_cost"] as? Double } == [3, 3])
        #expect(limits.map { $0["status"] as? String } == ["optimal", "optimal"])
    }

    /// Without --explain, summary.json is as before: no "explanation" key.
    @Test func summaryHasNoExplanationUnlessAsked() throws {
        let root = try Self.scenario()
        let out = root.appendingPathComponent("out")
        let run = try redeploy(["solve", root.path, "--out", out.path, "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try json(out.appendingPathComponent("summary.json"))["explanation"] == nil)
    }

    /// The figures are measured from the optimum: with the greedy method it is a usage error,
    /// which is invalid input (exit 2, nothing written).
    @Test func greedyWithExplainIsAUsageError() throws {
        let root = try Self.scenario()
        let out = root.appendingPathComponent("out")
        let run = try redeploy(["solve", root.path, "--out", out.path, "--method", "greedy", "--explain"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("--explain needs the optimal method"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }
}
