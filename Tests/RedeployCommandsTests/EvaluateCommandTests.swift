import Foundation
import Testing

@Suite struct EvaluateCommandTests {
    static let e1 = Paths.examples.appendingPathComponent("e1-transfer-and-hire")

    /// Solves a scenario into a fresh folder and returns the plan.csv's lines.
    func solvedPlan(_ scenario: URL, method: String = "optimal") throws -> (folder: URL, lines: [String]) {
        let out = try Paths.temporaryDirectory()
        let run = try redeploy(["solve", scenario.path, "--out", out.path, "--quiet", "--method", method])
        try #require(run.status == 0, "\(run.stderr)")
        let text = try String(contentsOf: out.appendingPathComponent("plan.csv"), encoding: .utf8)
        return (out, text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
    }

    /// Writes plan lines (header first) to a file and returns its path.
    func write(_ lines: [String]) throws -> String {
        let path = try Paths.temporaryDirectory().appendingPathComponent("plan.csv").path
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func solvesOwnPlanHasZeroGap() throws {
        let (out, _) = try solvedPlan(Self.e1)
        let run = try redeploy(["evaluate", Self.e1.path, "--plan", out.appendingPathComponent("plan.csv").path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("plan.csv, 4 actions: valid: it keeps every rule of the contract"))
        #expect(run.stdout.contains("Weighted shortage W: plan 0.11, optimum 0.11, gap 0.00 (before any plan W0 = 3.41)"))
        #expect(run.stdout.contains("Cost C: plan 9.27, optimum 9.27, gap 0.00\n"))
        #expect(run.stdout.contains("Payroll: 16 before, 16 after the plan (change 0; at most 16 allowed by payroll_change)"))
        #expect(run.stdout.contains("Nothing: the optimum leaves the same staff at every school and subject."))
    }

    @Test func aBundledScenarioToo() throws {
        let scenario = Paths.scenarios.appendingPathComponent("quang-ninh")
        let (out, _) = try solvedPlan(scenario)
        let run = try redeploy(["evaluate", scenario.path, "--plan", out.appendingPathComponent("plan.csv").path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Weighted shortage W: plan 108.11, optimum 108.11, gap 0.00"))
        #expect(run.stdout.contains(", gap 0.00\n"))
    }

    @Test func moreTeachersThanTheSchoolHasNamesTheLine() throws {
        // Line 3 is T1 -> T4 math; T1 has 5 math teachers and line 2 already sends one.
        var (_, lines) = try solvedPlan(Self.e1)
        #expect(lines[2] == "transfer,T1,T4,math,1,70.68563983535776")
        lines[2] = "transfer,T1,T4,math,5,70.68563983535776"
        let plan = try write(lines)
        let run = try redeploy(["evaluate", Self.e1.path, "--plan", plan])
        #expect(run.status == 4)
        #expect(run.stdout.contains("breaks the contract: 1 violation\n"))
        #expect(run.stdout.contains("\(plan):3: no pass-through: school 'T1' sends 6 math teachers but has only 5 staying (teachers 5 - leaving 0) (lines 2, 3)\n"),
                "\(run.stdout)")
        // The report is still printed, with the figures of the plan as written.
        #expect(run.stdout.contains("Weighted shortage W: plan "))
        #expect(run.stdout.contains("What the optimum does differently"))
        #expect(run.stdout.contains("T1      Trường THCS Trần Phú  math"), "\(run.stdout)")
    }

    @Test func aTransferAcrossLevelsIsForbiddenBySameLevel() throws {
        let scenario = Paths.scenarios.appendingPathComponent("quang-ninh")
        var (_, lines) = try solvedPlan(scenario)
        if lines.last == "" { lines.removeLast() }
        lines.append("transfer,HL-THCS01,HL-TH01,english,1,")
        let plan = try write(lines)
        let run = try redeploy(["evaluate", scenario.path, "--plan", plan])
        #expect(run.status == 4)
        #expect(run.stdout.contains("\(plan):\(lines.count): the policy forbids transfers from 'HL-THCS01' to 'HL-TH01' (same_level: levels lower_secondary and primary differ)\n"),
                "\(run.stdout)")
    }

    @Test func unknownSchoolsFractionsAndPayrollAreViolationsNotBadInput() throws {
        let plan = try write([
            "action,from_school,to_school,subject,teachers,km",
            "transfer,T1,T3,math,1,",
            "hire,,XX,english,1,",
            "transfer,T2,T4,english,0.5,",
            "hire,,T3,english,1,",
            "hire,,T4,math,1,",
        ])
        let run = try redeploy(["evaluate", Self.e1.path, "--plan", plan])
        #expect(run.status == 4, "\(run.stderr)")
        #expect(run.stderr.isEmpty)
        let expected = [
            "\(plan):3: unknown receiving school 'XX'",
            "\(plan):4: 0.5 teachers: fractional teachers need policy sharing: true (whole teachers only)",
            // One leaver: one hire fits; the second (line 6) raises the payroll. The hire at
            // the unknown school counts nowhere.
            "\(plan):6: payroll raised: hires - releases = 2 exceeds leavers + payroll_change = 1 (lines 5, 6)",
        ]
        let printed = run.stdout.split(separator: "\n").map(String.init).filter { $0.hasPrefix(plan + ":") }
        #expect(printed == expected)
    }

    @Test func aValidPlanWithAGapSaysWhereTheOptimumDiffers() throws {
        // Without the English transfer T2 -> T3 (line 4), T3 keeps 0.26 of English short at
        // priority 1.5: W = 0.11 + 0.39 = 0.50; C falls by 1 + 0.02 x 71.105 km = 2.42.
        var (_, lines) = try solvedPlan(Self.e1)
        #expect(lines[3].hasPrefix("transfer,T2,T3,english,1,"))
        lines.remove(at: 3)
        let plan = try write(lines)
        let run = try redeploy(["evaluate", Self.e1.path, "--plan", plan])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("valid: it keeps every rule of the contract"))
        #expect(run.stdout.contains("Weighted shortage W: plan 0.50, optimum 0.11, gap +0.39 ("), "\(run.stdout)")
        #expect(run.stdout.contains("Cost C: plan 6.84, optimum 9.27, gap -2.42 ("))
        let rows = run.stdout.split(separator: "\n").map(String.init)
        // The two (school, subject) pairs whose staff differ, largest first, then T3 by weighted shortage.
        let pairRows = rows.filter { $0.hasPrefix("T2 ") || $0.hasPrefix("T3 ") }
        #expect(pairRows.count == 3, "\(rows)")
        #expect(pairRows[0].hasPrefix("T2      Trường THCS Lê Lợi     english") && pairRows[0].hasSuffix("-1"))
        #expect(pairRows[1].hasPrefix("T3      Trường THCS Bình Liêu  english") && pairRows[1].hasSuffix("+1"))
        #expect(pairRows[2].hasPrefix("T3      Trường THCS Bình Liêu") && pairRows[2].hasSuffix("-0.39"))
    }

    @Test func unreadablePlanExitsTwoWithThePosition() throws {
        let plan = try write(["action,from_school,to_school,subject,teachers,km", "transfer,T1,T3,math,1,", "hire,,T3,english,one,"])
        let run = try redeploy(["evaluate", Self.e1.path, "--plan", plan])
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr == "\(plan):3:18: teachers must be a number, got 'one'\n")
        let missing = try redeploy(["evaluate", Self.e1.path, "--plan", plan + ".none"])
        #expect(missing.status == 2)
        #expect(missing.stderr == "\(plan).none: file not found\n")
    }

    @Test func unreadableScenarioAndPlanAreBothReported() throws {
        let scenario = try Paths.temporaryDirectory()
        try "schools: schools.csv\nstaff: staff.csv\n".write(to: scenario.appendingPathComponent("scenario.yaml"), atomically: true, encoding: .utf8)
        try "id,area,level,classes\nA,X,primary,four\n".write(to: scenario.appendingPathComponent("schools.csv"), atomically: true, encoding: .utf8)
        try "school_id,subject,teachers\nA,math,1\n".write(to: scenario.appendingPathComponent("staff.csv"), atomically: true, encoding: .utf8)
        let plan = try write(["action,from_school,to_school,subject", "hire,,A,math"])
        let run = try redeploy(["evaluate", scenario.path, "--plan", plan])
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("schools.csv:2:13:"), "\(run.stderr)")
        #expect(run.stderr.contains("\(plan):1:1: the header has no column 'teachers'"))
    }

    @Test func greedyPlansAreValidAndShownBeside() throws {
        let scenario = Paths.scenarios.appendingPathComponent("soc-trang")
        let (out, _) = try solvedPlan(scenario, method: "greedy")
        let summary = try json(out.appendingPathComponent("summary.json"))
        #expect(summary["status"] as? String == "feasible")
        #expect(summary["method"] as? String == "greedy")
        #expect(summary["mip_gap"] is NSNull)
        let greedyW = try #require(summary["weighted_shortage"] as? Double)
        let run = try redeploy(["evaluate", scenario.path, "--plan", out.appendingPathComponent("plan.csv").path, "--greedy"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("valid: it keeps every rule of the contract"))
        // The greedy plan evaluated is the greedy column: W of both is the summary's.
        let w = String(format: "%.2f", greedyW)
        let row = try #require(run.stdout.split(separator: "\n").first { $0.hasPrefix("W, weighted shortage") })
        let cells = row.split(separator: " ").map(String.init)
        #expect(cells[3] == w && cells[5] == w, "\(row)")
        #expect(Double(cells[4])! < greedyW)
        #expect(run.stdout.contains("Weighted shortage W: plan \(w), optimum \(cells[4]), gap +"))
    }
}
