import ArgumentParser
import Foundation
import LinearProgramming
import PlanWorkbook
import RedeployDomain
import RedeployPlanner
import RedeployReport
import ScenarioIO

/// `redeploy solve SCENARIO --out DIR`: the least weighted shortage, then the least cost,
/// written as plan.csv, schools.csv and summary.json (docs/MODEL.md section 4).
struct SolveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "solve",
        abstract: "Write an optimal transfer plan for a scenario.",
        discussion: """
            --method greedy writes the plan a person would make by hand instead, without a \
            solver: the largest weighted shortage first, filled from the nearest surplus first, \
            a hire where no surplus may come, then the releases a payroll cut requires. Its \
            summary.json has "method": "greedy", status "feasible" (nothing is proven) and \
            "mip_gap": null; the optimal method's files are unchanged.

            A scenario with a horizon or retraining rows (docs/MODEL.md sections 5 and 6) is \
            planned over all its years at once; --method myopic plans it one year at a time \
            instead, each year optimal alone from what the earlier years left, the way it is done \
            by hand. plan.csv then has the columns to_subject (with retraining) and year (with a \
            horizon), schools.csv a row per school, subject and year, and summary.json a `years` \
            list. A roadmap whose payroll cap no releases can reach is infeasible: nothing is \
            written, exit 1, and the first year that fails is named.

            --explain also prints, and adds to summary.json as "explanation", where one more \
            teacher would lower the weighted shortage W most (per area and subject, its best \
            school), and what W each policy limit costs: payroll_change (one more post, and no \
            limit), hiring, max_distance_km, max_out_share and transfer_scope, each lifted alone \
            and re-solved within --time-limit. It needs the optimal method.

            Exit status: 0 when a plan was written; 2 for invalid input (nothing written); \
            1 for any other failure.
            """)

    enum Method: String, CaseIterable, ExpressibleByArgument {
        /// myopic: a horizon planned one year at a time (docs/MODEL.md section 6); for a single
        /// year it is the optimum.
        case optimal, greedy, myopic
    }

    @Argument(help: "A scenario folder or its scenario.yaml.") var scenario: String
    @Option(name: .long, help: "Folder for plan.csv, schools.csv and summary.json.") var out: String
    @Option(name: .long, help: "Seconds; past it the best plan found so far is written with status time_limit.")
    var timeLimit: Double?
    @Option(name: .long, help: ArgumentHelp("optimal (lexicographic optimum), greedy (by hand, no solver, one year only) or myopic (a horizon one year at a time).", valueName: "optimal|greedy|myopic"))
    var method: Method = .optimal
    @Option(name: .long, help: "Also write the HTML report (one self-contained file) here.") var report: String?
    @Option(name: .long, help: "Also write a Markdown summary here.") var markdown: String?
    @Flag(name: .long, help: "Also show where one more teacher helps most and what each policy limit costs.")
    var explain = false
    @Flag(name: .long, help: "Also write \(ReadableCSV.names) for a spreadsheet (names, areas, numbers rounded for display).")
    var spreadsheet = false
    @Option(name: .long, help: "Also write the plan workbook (.xlsx) here: summary, transfers, hires and releases, schools, by school, by area.")
    var xlsx: String?
    @Option(name: .long, help: LanguageOption.help) var lang: Language?
    @Flag(name: .long, help: "Print nothing on standard output.") var quiet = false
    @Flag(name: .long, help: "Print GLPK's log on standard error.") var verbose = false

    func validate() throws {
        if let limit = timeLimit, !(limit > 0 && limit <= 86_400 * 24) {
            throw ValidationError("--time-limit must be a number of seconds above 0 and at most 24 days")
        }
        if explain, method == .greedy {
            throw ValidationError("--explain needs the optimal method: its figures are measured from the optimum")
        }
    }

    func run() throws {
        let clock = ContinuousClock()
        let start = clock.now
        // --time-limit bounds the whole command: reading, the solve and the explanation.
        let deadline = Deadline(seconds: timeLimit)
        let scenario = try InputErrors.loadScenario(self.scenario)
        try Self.checkPayrollCanBeMet(scenario, path: self.scenario)
        if Self.needsHorizon(scenario) { return try runHorizon(scenario, deadline: deadline, start: start) }
        let instance = Instance(scenario)
        Interruption.protect(writingInto: out)
        let progress = SolveProgress.standardError(animated: !verbose && !quiet)
        defer { progress.finish() }
        progress.stage(method == .greedy ? "greedy plan" : "solving")
        let log: (@Sendable (String) -> Void)? = verbose
            ? { @Sendable line in InputErrors.printToStandardError([line]) } : progress.solverLog
        // One year: the myopic plan is the optimum, and writes the optimum's files.
        var (output, result) = method == .greedy
            ? (try greedyOutput(scenario, instance), nil)
            : try optimalOutput(scenario, instance, log: log, deadline: deadline, progress: progress)
        var explanation: Explanation?
        if explain {
            progress.stage("explaining")
            explanation = try explained(scenario, output: output, result: result, log: log, deadline: deadline)
            output.extra.append(("explanation", ExplanationOutput.json(explanation!)))
        }
        result = nil  // the stage-1 network it may hold is not needed for writing
        progress.stage("writing")
        do {
            try Interruption.committing {
                let readable = try ReadablePlan(PlanView(instance: instance, output: output), spreadsheet: spreadsheet, xlsx: xlsx,
                                                labels: .of(LanguageOption.labels(lang, scenario)))
                defer { readable.discard() }
                try AtomicFiles.write(output.files(instance) + readable.csvFiles, into: out)
                try ReportFiles.write(html: report, markdown: markdown, instance: instance, output: output,
                                      labels: LanguageOption.labels(lang, scenario))
                try readable.commit()
            }
        } catch {
            InputErrors.printToStandardError(["redeploy: \(error)"])
            throw ExitCode(1)
        }
        progress.finish()
        if !quiet {
            var lines = Self.summaryLines(output, seconds: (clock.now - start).inSeconds, out: out)
            if spreadsheet { lines = lines.replacingOccurrences(of: "summary.json to", with: "summary.json, \(ReadableCSV.names) to") }
            if let xlsx { lines += "\nWrote the plan workbook to \(xlsx)" }
            print(method == .greedy ? lines.replacingOccurrences(of: ": feasible\n", with: ": feasible (greedy, not optimised)\n") : lines)
            if let explanation { print(ExplanationOutput.text(explanation), terminator: "") }
        }
    }

    /// Each lifted limit is one more solve of stage 1, each within --time-limit. The gains
    /// reuse the solve's stage-1 flow when it had one.
    private func explained(_ scenario: Scenario, output: PlanOutput, result: Planner.Result?,
                           log: (@Sendable (String) -> Void)?, deadline: Deadline) throws -> Explanation {
        let explainer = Explainer(options: .init(timeLimit: deadline.remaining, log: log))
        do {
            if let result, result.check != nil { return try explainer.explain(scenario, result: result) }
            return try explainer.explain(scenario, weightedShortage: output.report.weightedShortage)
        } catch {
            InputErrors.printToStandardError(["redeploy: explanation: \(error)"])
            throw ExitCode(1)
        }
    }

    /// The plan, and the planner's result when the plan is the planner's (not the greedy
    /// fallback).
    private func optimalOutput(_ scenario: Scenario, _ instance: Instance, log: (@Sendable (String) -> Void)?,
                               deadline: Deadline, progress: SolveProgress) throws -> (PlanOutput, Planner.Result?) {
        let result: Planner.Result
        do {
            let options = Planner.Options(timeLimit: deadline.remaining, log: log, keepStageOneFlow: explain,
                                          stage: { progress.stage("solving, " + $0) })
            result = try Planner(options: options).solve(instance)
        } catch {
            InputErrors.printToStandardError(["redeploy: \(error)"])
            throw ExitCode(1)
        }
        guard let report = result.check else {
            if result.status == .timeLimit {
                // Out of time before the solver had any plan: the greedy plan is feasible and
                // is the best known; nothing about it is proven.
                var fallback = try greedyOutput(scenario, instance)
                fallback.status = Planner.Result.Status.timeLimit.rawValue
                fallback.extra = [("method", JSONText.string("greedy (time limit)"))] + fallback.extra.dropFirst()
                return (fallback, nil)
            }
            InputErrors.printToStandardError(["redeploy: no plan: the solver ended with status \(result.status.rawValue)"])
            throw ExitCode(1)
        }
        return (PlanOutput(
            scenarioName: scenario.name, status: result.status.rawValue, plan: result.plan, report: report,
            weightedShortageBefore: result.weightedShortageBefore, mipGap: result.mipGap,
            extra: [("schools", String(instance.schools.count)), ("pairs", String(instance.pairs.count)),
                    ("model_columns", String(result.columns)), ("model_rows", String(result.rows)),
                    ("solve_stages", JSONText.array(result.stages.map(JSONText.string)))]), result)
    }

    /// A greedy plan proves nothing: status feasible, "mip_gap": null.
    private func greedyOutput(_ scenario: Scenario, _ instance: Instance) throws -> PlanOutput {
        let result: GreedyPlanner.Result
        do {
            result = try GreedyPlanner().solve(instance)
        } catch {
            InputErrors.printToStandardError(["redeploy: \(error)"])
            throw ExitCode(1)
        }
        return PlanOutput(
            scenarioName: scenario.name, status: "feasible", plan: result.plan, report: result.check,
            weightedShortageBefore: result.weightedShortageBefore, mipGap: nil,
            extra: [("method", JSONText.string("greedy")), ("schools", String(instance.schools.count)),
                    ("pairs", String(instance.pairs.count))])
    }

    /// A roster (docs/MODEL.md section 7) is planned by `solve` (its exempt and must_move
    /// teachers in the model, the people in assignments.csv), and `evaluate`, `compare` and
    /// `export-model` use the same model; `report OUTDIR` does not yet rebuild the people from a
    /// folder, and refuses it rather than seem to: exit 1, nothing written.
    static func refuseUnplannedRoster(_ scenario: Scenario, path: String, command: String) throws {
        guard !scenario.roster.isEmpty else { return }
        InputErrors.printToStandardError([
            "redeploy: \(path): this scenario has a roster of named teachers; \(command) does not handle one yet "
                + "(solve plans it and writes assignments.csv)",
        ])
        throw ExitCode(1)
    }

    /// A payroll that must fall below zero cannot be met by any plan: that is bad input.
    /// Teachers who hold a fixed post the norms give their school are never released either
    /// (norm rules only), so the payroll cannot fall below them.
    static func checkPayrollCanBeMet(_ scenario: Scenario, path: String) throws {
        let headcount = scenario.staff.reduce(0) { $0 + $1.teachers }
        let held = scenario.normRules == nil ? 0 : Instance(scenario).pairs.reduce(0) { $0 + $1.held }
        guard scenario.policy.payrollChange < -(headcount - held) else { return }
        let floor = held == 0 ? "below zero"
            : "below the \(held) teachers who hold fixed posts the norms give their schools"
        InputErrors.printToStandardError([
            "\(yamlFile(path)): policy.payroll_change: \(scenario.policy.payrollChange) would take "
                + "the payroll \(floor) (the scenario has \(headcount) teachers)",
        ])
        throw ExitCode(2)
    }

    /// The scenario.yaml a path names (a folder holding one, or the file itself).
    static func yamlFile(_ path: String) -> String {
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        return exists && isDirectory.boolValue ? (path as NSString).appendingPathComponent("scenario.yaml") : path
    }

    static func summaryLines(_ o: PlanOutput, seconds: Double, out: String) -> String {
        func f(_ x: Double) -> String { String(format: "%.2f", x) }
        func count(_ x: Double) -> String { x == x.rounded() ? String(Int(x)) : String(format: "%.2f", x) }
        let r = o.report
        // Not a field of the report: what the payroll loses on its own, so that the lines add up
        // (before - leaving + hires - releases = after).
        let leavers = Double(r.payrollBefore) - r.payrollAfter + r.hires - r.releases
        return """
            \(o.scenarioName.isEmpty ? "Scenario" : o.scenarioName): \(o.status)
              weighted shortage  \(f(o.weightedShortageBefore)) -> \(f(r.weightedShortage))
              transfers          \(count(r.transfers))
              hires              \(count(r.hires))
              releases           \(count(r.releases))
              leaving            \(count(leavers))
              payroll            \(r.payrollBefore) -> \(count(r.payrollAfter))
              cost               \(f(r.cost))\((o.mipGap ?? 0) > 0 ? "\n  gap                \(f((o.mipGap ?? 0) * 100))%" : "")
              solve time         \(String(format: "%.2f", seconds)) s
            Wrote plan.csv, schools.csv, summary.json to \(out)
            """
    }
}

