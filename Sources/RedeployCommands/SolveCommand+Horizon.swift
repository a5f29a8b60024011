import ArgumentParser
import Foundation
import PlanWorkbook
import RedeployDomain
import RedeployPlanner
import RedeployReport
import ScenarioIO

/// `solve` for a scenario with a horizon or retraining rows (docs/MODEL.md sections 5 and 6):
/// the horizon planner, the files of `HorizonPlanOutput`, and a table of the years.
extension SolveCommand {
    /// A horizon, retraining rows or a roster: the horizon planner (one year is a horizon of one).
    static func needsHorizon(_ scenario: Scenario) -> Bool {
        scenario.horizon != nil || !scenario.retraining.isEmpty || !scenario.roster.isEmpty
    }

    func runHorizon(_ scenario: Scenario, deadline: Deadline, start: ContinuousClock.Instant) throws {
        if method == .greedy || explain {
            InputErrors.printToStandardError([
                "redeploy: \(method == .greedy ? "--method greedy" : "--explain") plans a single year; "
                    + "this scenario has \(scenario.horizon != nil ? "a horizon" : scenario.retraining.isEmpty ? "a roster" : "retraining rows"): "
                    + "use --method optimal or myopic",
            ])
            throw ExitCode(2)
        }
        let instance = HorizonInstance(scenario)
        Interruption.protect(writingInto: out)
        let progress = SolveProgress.standardError(animated: !verbose && !quiet)
        defer { progress.finish() }
        let log: (@Sendable (String) -> Void)? = verbose
            ? { @Sendable line in InputErrors.printToStandardError([line]) } : progress.solverLog
        let options = Planner.Options(timeLimit: deadline.remaining, log: log, stage: { progress.stage("solving, " + $0) })
        let chosen: HorizonPlanner.Method = method == .myopic ? .myopic : .optimal
        let result = try Self.planHorizon(instance, method: chosen, options: options, path: self.scenario)
        let output = Self.horizonOutput(scenario, instance, result)
        let assignments = try Self.namedTeachers(scenario, instance, result.plan, path: self.scenario)
        // The report sets the optimum against the myopic plan: the other one is solved too.
        var reports: (optimum: HorizonPlanOutput, myopic: HorizonPlanOutput)?
        if report != nil || markdown != nil {
            progress.stage("solving the other plan for the report")
            let other = try Self.planHorizon(instance, method: chosen == .optimal ? .myopic : .optimal,
                                             options: Planner.Options(log: log), path: self.scenario)
            let otherOutput = Self.horizonOutput(scenario, instance, other)
            reports = chosen == .optimal ? (output, otherOutput) : (otherOutput, output)
        }
        progress.stage("writing")
        do {
            try Interruption.committing {
                var files = output.files(instance)
                if let assignments {
                    files.append(AtomicFiles.File(name: "assignments.csv",
                                                  contents: AssignmentsOutput.csv(assignments, hasHorizon: instance.hasHorizon)))
                }
                let readable = try ReadablePlan(PlanView(instance: instance, output: output, assignments: assignments),
                                                spreadsheet: spreadsheet, xlsx: xlsx, labels: .of(LanguageOption.labels(lang, scenario)))
                defer { readable.discard() }
                try AtomicFiles.write(files + readable.csvFiles, into: out)
                if let reports {
                    try HorizonReportFiles.write(html: report, markdown: markdown, instance: instance,
                                                 optimum: reports.optimum, myopic: reports.myopic, assignments: assignments,
                                                 labels: LanguageOption.labels(lang, scenario))
                }
                try readable.commit()
            }
        } catch {
            InputErrors.printToStandardError(["redeploy: \(error)"])
            throw ExitCode(1)
        }
        progress.finish()
        if !quiet {
            var lines = Self.horizonSummaryLines(output, instance, seconds: (ContinuousClock.now - start).inSeconds, out: out)
            if spreadsheet { lines = lines.replacingOccurrences(of: "summary.json to", with: "summary.json, \(ReadableCSV.names) to") }
            if let xlsx { lines += "\nWrote the plan workbook to \(xlsx)" }
            if let assignments {
                lines = lines.replacingOccurrences(of: "summary.json", with: "summary.json, assignments.csv")
                let moved = Set(assignments.map(\.teacherID)).count
                lines += "\nNamed teachers: \(assignments.count) assignments of \(moved) teachers (assignments.csv)"
            }
            print(lines)
        }
    }

    /// Stage 3 (docs/MODEL.md section 7): the people who take the plan's moves, re-checked
    /// independently; nil without a roster. Messages name no one.
    static func namedTeachers(_ scenario: Scenario, _ instance: HorizonInstance, _ plan: Plan,
                              path: String) throws -> [Assignment]? {
        guard !scenario.roster.isEmpty else { return nil }
        do {
            let assignments = try PeopleAssignment.assign(instance, roster: scenario.roster, plan: plan)
            let check = AssignmentChecker.check(assignments, plan: plan, roster: scenario.roster, instance: instance)
            guard check.isValid else {
                InputErrors.printToStandardError(["redeploy: internal error: the named teachers break the rules:"]
                                                 + check.violations)
                throw ExitCode(1)
            }
            return assignments
        } catch let failure as PeopleAssignment.Failure {
            InputErrors.printToStandardError(["redeploy: \(path): no named teachers for the plan: \(failure)"])
            throw ExitCode(1)
        }
    }

    /// The plan, or exit 1 with the reason (a roadmap no plan meets names its first failing year).
    static func planHorizon(_ instance: HorizonInstance, method: HorizonPlanner.Method, options: Planner.Options,
                            path: String) throws -> HorizonPlanner.Result {
        do {
            return try HorizonPlanner(options: options).solve(instance, method: method)
        } catch {
            InputErrors.printToStandardError(["redeploy: \(path): \(error)"])
            throw ExitCode(1)
        }
    }

    static func horizonOutput(_ scenario: Scenario, _ instance: HorizonInstance,
                              _ result: HorizonPlanner.Result) -> HorizonPlanOutput {
        HorizonPlanOutput(
            scenarioName: scenario.name, status: result.status.rawValue, plan: result.plan, report: result.check,
            before: result.before, mipGap: result.mipGap,
            extra: [("method", JSONText.string(result.stages == ["releases-only"] ? "releases only (time limit)" : result.method.rawValue)),
                    ("schools", String(instance.schools.count)),
                    ("pairs", String(instance.pairs.count)),
                    ("solve_stages", JSONText.array(result.stages.map(JSONText.string)))])
    }

    static func horizonSummaryLines(_ o: HorizonPlanOutput, _ instance: HorizonInstance, seconds: Double,
                                    out: String) -> String {
        let r = o.report
        let method = o.extra.first { $0.key == "method" }?.json == JSONText.string("myopic") ? " (myopic: one year at a time)" : ""
        var lines = [
            "\(o.scenarioName.isEmpty ? "Scenario" : o.scenarioName): \(o.status)\(method)",
            "  weighted shortage  \(Display.number(o.before.weightedShortage)) -> \(Display.number(r.weightedShortage))"
                + (instance.hasHorizon ? " (all years)" : ""),
            "  transfers          \(Display.count(r.transfers))",
            "  hires              \(Display.count(r.hires))",
            "  releases           \(Display.count(r.releases))",
            "  retrained          \(Display.count(r.retrained))",
            "  payroll            \(r.payrollBefore) -> \(Display.count(r.payrollAfter))",
            "  cost               \(Display.number(r.cost))",
        ]
        if let gap = o.mipGap, gap > 0 { lines.append("  gap                \(Display.number(gap * 100))%") }
        if instance.hasHorizon {
            var table = TextTable(["year", "W0", "W", "payroll", "cap", "transfers", "hires", "releases", "retrained", "cost"],
                                  leftColumns: 1)
            for (year, nothing) in zip(r.years, o.before.years) {
                table.add([String(year.year), Display.number(nothing.weightedShortage), Display.number(year.weightedShortage),
                           Display.count(year.payroll), String(year.payrollCap), Display.count(year.transfers),
                           Display.count(year.hires), Display.count(year.releases), Display.count(year.retrained),
                           Display.number(year.cost)])
            }
            lines.append("")
            lines += table.text.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }
                .filter { $0.trimmingCharacters(in: .whitespaces) != "" }
        }
        lines.append("  solve time         \(String(format: "%.2f", seconds)) s")
        lines.append("Wrote plan.csv, schools.csv, summary.json to \(out)")
        return lines.joined(separator: "\n")
    }
}
