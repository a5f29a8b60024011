import Foundation
import Testing

/// Locks (docs/MODEL.md section 8) on the command line: the bundled second round of quang-ninh
/// keeps its decided moves and refuses the refused one; a plan that breaks a lock breaks the
/// contract in `evaluate`; locks that cannot all hold are named, exit 1, nothing written.
@Suite struct LockCommandTests {
    static let locked = Paths.scenarios.appendingPathComponent("quang-ninh-locked").path
    static let open = Paths.scenarios.appendingPathComponent("quang-ninh").path

    func solve(_ scenario: String) throws -> (Run, URL) {
        let out = try Paths.temporaryDirectory().appendingPathComponent("out")
        return (try redeploy(["solve", scenario, "--out", out.path, "--quiet"]), out)
    }

    @Test func theSecondRoundKeepsItsDecidedMoves() throws {
        let (run, out) = try solve(Self.locked)
        #expect(run.status == 0, "\(run.stderr)")
        let plan = try String(contentsOf: out.appendingPathComponent("plan.csv"), encoding: .utf8)
        let lines = plan.split(separator: "\n").map(String.init)
        // Decided: at least 1 CP-MN01 -> BC-MN03, exactly 2 CP-TH02 -> BC-TH02; refused: CP-TH02 -> TY-TH04.
        #expect(lines.contains("transfer,CP-MN01,BC-MN03,preschool,1,16.4"))
        #expect(lines.contains("transfer,CP-TH02,BC-TH02,primary,2,26.3"))
        #expect(!lines.contains { $0.hasPrefix("transfer,CP-TH02,TY-TH04,") })
        // CP-MN06 sends at most 3, HL-MN09 receives at most 1.
        let sent = lines.filter { $0.hasPrefix("transfer,CP-MN06,") }.compactMap { Double($0.split(separator: ",")[4]) }
        #expect(sent.reduce(0, +) <= 3)
        let received = lines.filter { $0.hasPrefix("transfer,") && $0.split(separator: ",")[2] == "HL-MN09" }
        #expect(received.compactMap { Double($0.split(separator: ",")[4]) }.reduce(0, +) <= 1)
        // The locks cost no shortage here (hires fill in), only cost: W 108.115 as unlocked,
        // C 1333.12 against 1315.916.
        let summary = try json(out.appendingPathComponent("summary.json"))
        #expect(summary["status"] as? String == "optimal")
        #expect(same(summary["weighted_shortage"] as? Double ?? -1, 108.115))
        #expect(same(summary["cost"] as? Double ?? -1, 1333.12))
    }

    @Test func aPlanThatBreaksALockBreaksTheContract() throws {
        let (first, out) = try solve(Self.open)
        #expect(first.status == 0, "\(first.stderr)")
        let run = try redeploy(["evaluate", Self.locked, "--plan", out.appendingPathComponent("plan.csv").path])
        #expect(run.status == 4, "\(run.stderr)")
        #expect(run.stdout.contains("locks.csv:4: 1 teacher transferred where it allows at most 0"), "\(run.stdout)")
        #expect(run.stdout.contains("locks.csv:5: 6 teachers transferred where it allows at most 3"))
        #expect(run.stdout.contains("locks.csv:6: 7 teachers transferred where it allows at most 1"))
    }

    @Test func locksThatCannotAllHoldAreNamedAndNothingIsWritten() throws {
        let folder = try Paths.temporaryDirectory()
        try Data("extends: \(Self.open)/scenario.yaml\nlocks: locks.csv\n".utf8)
            .write(to: folder.appendingPathComponent("scenario.yaml"))
        try Data("from_school,to_school,subject,year,min,max\nCP-TH02,BC-TH02,primary,,2,\nCP-TH03,,,,0,0\nCP-TH02,,,,0,1\n".utf8)
            .write(to: folder.appendingPathComponent("locks.csv"))
        let (run, out) = try solve(folder.path)
        #expect(run.status == 1)
        #expect(run.stderr.contains("infeasible: the locks cannot all hold: "), "\(run.stderr)")
        #expect(run.stderr.contains("locks.csv:2, ") && run.stderr.contains("locks.csv:4"))
        #expect(!run.stderr.contains("locks.csv:3"), "row 3 is innocent")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func theGreedyPlanRefusesLocks() throws {
        let out = try Paths.temporaryDirectory().appendingPathComponent("out")
        let run = try redeploy(["solve", Self.locked, "--out", out.path, "--method", "greedy"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("the greedy plan does not follow locks.csv"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }
}
