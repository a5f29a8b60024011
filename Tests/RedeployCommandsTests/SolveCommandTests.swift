import Foundation
import RedeployTestSupport
import Testing

@Suite struct SolveCommandTests {
    /// Every conformance example of docs/MODEL.md reproduces its expected W0, W and C.
    @Test(arguments: ConformanceExamples.names)
    func conformanceExample(_ name: String) throws {
        let folder = Paths.examples.appendingPathComponent(name)
        try #require(FileManager.default.fileExists(atPath: folder.path), "missing fixture: \(folder.path)")
        let out = try Paths.temporaryDirectory()
        let run = try redeploy(["solve", folder.path, "--out", out.path, "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.isEmpty)
        let expected = try json(folder.appendingPathComponent("expected.json"))
        let summary = try json(out.appendingPathComponent("summary.json"))
        #expect(summary["status"] as? String == "optimal")
        for (key, field) in [("W0", "weighted_shortage_before"), ("W", "weighted_shortage"), ("C", "cost")] {
            let want = try #require(expected[key] as? Double)
            let got = try #require(summary[field] as? Double)
            #expect(same(want, got), "\(name) \(key): expected \(want), got \(got)")
        }
    }

    @Test func sameScenarioGivesByteIdenticalOutputs() throws {
        let scenario = Paths.scenarios.appendingPathComponent("quang-ninh-integrated").path
        let (a, b) = (try Paths.temporaryDirectory(), try Paths.temporaryDirectory())
        #expect(try redeploy(["solve", scenario, "--out", a.path, "--quiet"]).status == 0)
        #expect(try redeploy(["solve", scenario, "--out", b.path, "--quiet"]).status == 0)
        for file in ["plan.csv", "schools.csv", "summary.json"] {
            let x = try Data(contentsOf: a.appendingPathComponent(file))
            let y = try Data(contentsOf: b.appendingPathComponent(file))
            #expect(x == y, "\(file) differs between two runs")
            #expect(!x.isEmpty)
        }
    }

    @Test func planAndTablesFollowTheContract() throws {
        let out = try Paths.temporaryDirectory()
        let folder = Paths.examples.appendingPathComponent("e1-transfer-and-hire")
        let run = try redeploy(["solve", folder.path, "--out", out.path])
        #expect(run.status == 0)
        #expect(run.stdout.contains("weighted shortage  3.41 -> 0.11"))
        #expect(run.stdout.contains("payroll            16 -> 16"))
        #expect(run.stdout.contains("leaving            1\n"), "16 - 1 leaving + 1 hire = 16")
        let plan = try String(contentsOf: out.appendingPathComponent("plan.csv"), encoding: .utf8)
        let lines = plan.split(separator: "\n")
        #expect(lines.first == "action,from_school,to_school,subject,teachers,km")
        // Three whole-teacher transfers and one hire (e1: the hire replaces T1's leaver at T3).
        #expect(lines.filter { $0.hasPrefix("transfer,") }.count == 3)
        #expect(lines.contains("hire,,T3,english,1,"))
        let schools = try String(contentsOf: out.appendingPathComponent("schools.csv"), encoding: .utf8)
        #expect(schools.hasPrefix("school_id,subject,required,before,after,shortage\n"))
        #expect(schools.contains("T1,math,2.53,5,3,0\n"))
        let summary = try json(out.appendingPathComponent("summary.json"))
        #expect(summary["payroll_before"] as? Int == 16)
        #expect(summary["payroll_after"] as? Int == 16)
        #expect(summary["transfers"] as? Int == 3 && summary["hires"] as? Int == 1 && summary["releases"] as? Int == 0)
        #expect(summary["mip_gap"] as? Int == 0)
    }

    @Test func invalidInputExitsTwoAndWritesNothing() throws {
        let scenario = try Paths.temporaryDirectory()
        try "name: bad\nschools: schools.csv\nstaff: staff.csv\n".write(
            to: scenario.appendingPathComponent("scenario.yaml"), atomically: true, encoding: .utf8)
        try "id,area,level,classes\nA,X,primary,4\n".write(
            to: scenario.appendingPathComponent("schools.csv"), atomically: true, encoding: .utf8)
        try "school_id,subject,teachers,required\nA,math,two,1\n".write(
            to: scenario.appendingPathComponent("staff.csv"), atomically: true, encoding: .utf8)
        let out = scenario.appendingPathComponent("out")
        let run = try redeploy(["solve", scenario.path, "--out", out.path])
        #expect(run.status == 2)
        #expect(run.stderr.contains("staff.csv:2:8:"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func aPayrollCutBelowZeroIsInvalidInput() throws {
        let scenario = try Paths.temporaryDirectory()
        try "schools: schools.csv\nstaff: staff.csv\npolicy:\n  payroll_change: -5\n".write(
            to: scenario.appendingPathComponent("scenario.yaml"), atomically: true, encoding: .utf8)
        try "id,area,level,classes\nA,X,primary,4\n".write(
            to: scenario.appendingPathComponent("schools.csv"), atomically: true, encoding: .utf8)
        try "school_id,subject,teachers,required\nA,math,2,1\n".write(
            to: scenario.appendingPathComponent("staff.csv"), atomically: true, encoding: .utf8)
        let out = scenario.appendingPathComponent("out")
        let run = try redeploy(["solve", scenario.path, "--out", out.path])
        #expect(run.status == 2)
        #expect(run.stderr.contains("scenario.yaml: policy.payroll_change: -5 would take the payroll below zero"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }
}

extension SolveCommandTests {
    /// A time limit too short for any solver plan still writes a valid plan: the greedy one.
    @Test func timeLimitWithoutASolverPlanWritesTheGreedyPlan() throws {
        let out = try Paths.temporaryDirectory()
        let scenario = try Paths.temporaryDirectory()
        let generated = try redeploy(["generate", "--schools", "300", "--areas", "6", "--seed", "3",
                                      "--max-out-share", "0.1", "--out", scenario.appendingPathComponent("s").path])
        try #require(generated.status == 0, "\(generated.stderr)")
        let run = try redeploy(["solve", scenario.appendingPathComponent("s").path, "--out", out.path,
                                "--time-limit", "0.001", "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        let text = try String(contentsOf: out.appendingPathComponent("summary.json"), encoding: .utf8)
        #expect(text.contains("\"status\": \"time_limit\""))
        #expect(text.contains("\"mip_gap\": null"), "\(text)")
        #expect(text.contains("\"method\": \"greedy (time limit)\""), "\(text)")
    }
}

extension SolveCommandTests {
    /// A pure network too large to solve in 1 s (in a debug build): the network simplex is
    /// abandoned at the limit, the greedy plan is written, and a solve that stayed silent on
    /// standard error for 10 s would have said what it was doing (here: nothing, it is quick).
    @Test func timeLimitStopsTheNetworkSimplex() throws {
        let work = try Paths.temporaryDirectory()
        let scenario = work.appendingPathComponent("s")
        let generated = try redeploy(["generate", "--schools", "2000", "--areas", "30", "--seed", "5",
                                      "--max-distance-km", "20", "--no-qualifications", "--out", scenario.path])
        try #require(generated.status == 0, "\(generated.stderr)")
        let out = work.appendingPathComponent("out")
        let run = try redeploy(["solve", scenario.path, "--out", out.path, "--time-limit", "1"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains(": time_limit\n"), "\(run.stdout)")
        let text = try String(contentsOf: out.appendingPathComponent("summary.json"), encoding: .utf8)
        #expect(text.contains("\"status\": \"time_limit\""))
        #expect(text.contains("\"method\": \"greedy (time limit)\""), "\(text)")
    }
}

extension SolveCommandTests {
    /// SIGINT or SIGTERM in the middle of a solve: exit 130, a message, no output files.
    @Test(arguments: [SIGINT, SIGTERM])
    func interruptedSolveLeavesNoOutput(_ signalNumber: Int32) throws {
        let work = try Paths.temporaryDirectory()
        let scenario = work.appendingPathComponent("s")
        let generated = try redeploy(["generate", "--schools", "600", "--areas", "13", "--seed", "2",
                                      "--max-out-share", "0.2", "--out", scenario.path])
        try #require(generated.status == 0, "\(generated.stderr)")
        let out = work.appendingPathComponent("out")
        let process = Process()
        process.executableURL = Paths.executable
        process.arguments = ["solve", scenario.path, "--out", out.path, "--quiet"]
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: 1.5)
        try #require(process.isRunning, "the solve ended before it could be interrupted")
        kill(process.processIdentifier, signalNumber)
        process.waitUntilExit()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 130)
        #expect(message.contains("interrupted"), "\(message)")
        let left = (try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? []
        #expect(left.isEmpty, "left behind: \(left)")
        let staging = try FileManager.default.contentsOfDirectory(atPath: work.path).filter { $0.contains("partial") }
        #expect(staging.isEmpty)
    }
}

extension SolveCommandTests {
    /// Two solves at once (separate processes, GLPK and LEMON in each) write the same bytes
    /// as one alone.
    @Test func parallelSolvesDoNotInterfere() throws {
        let scenario = Paths.scenarios.appendingPathComponent("quang-ninh-30km").path
        let alone = try Paths.temporaryDirectory()
        #expect(try redeploy(["solve", scenario, "--out", alone.path, "--quiet"]).status == 0)
        let outs = [try Paths.temporaryDirectory(), try Paths.temporaryDirectory()]
        let processes = outs.map { out -> Process in
            let p = Process()
            p.executableURL = Paths.executable
            p.arguments = ["solve", scenario, "--out", out.path, "--quiet"]
            return p
        }
        for p in processes { try p.run() }
        for p in processes { p.waitUntilExit() }
        #expect(processes.allSatisfy { $0.terminationStatus == 0 })
        for file in ["plan.csv", "schools.csv", "summary.json"] {
            let a = try Data(contentsOf: outs[0].appendingPathComponent(file))
            let b = try Data(contentsOf: outs[1].appendingPathComponent(file))
            let single = try Data(contentsOf: alone.appendingPathComponent(file))
            #expect(a == b && a == single && !a.isEmpty, "\(file) differs between parallel and single runs")
        }
    }
}
