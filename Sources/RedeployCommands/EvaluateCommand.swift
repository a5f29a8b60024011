import ArgumentParser
import Foundation
import RedeployDomain
import RedeployPlanner
import ScenarioIO

/// `redeploy evaluate SCENARIO --plan PLAN.csv`: checks a plan made by hand or by another tool
/// against the contract (docs/MODEL.md section 2), with the independent checker `solve` uses on its
/// own plans, then sets its figures beside the optimum's and shows where the optimum does
/// differently.
struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Check a plan against the contract (docs/MODEL.md) and measure its gap to the optimum.",
        discussion: """
            PLAN.csv has the columns of the plan.csv that solve writes (docs/MODEL.md section 4): \
            action (transfer, hire or release), from_school, to_school, subject, teachers, and \
            optionally km (the cost always uses the scenario's distances). Every violation of \
            the contract is printed as PLAN.csv:LINE: message (unknown school or subject, \
            pass-through, payroll raised, a transfer the policy forbids, fractional teachers \
            without sharing, hires the policy forbids, max_out_share exceeded); a violation of \
            a sum names the line from which the sum stays above its limit and the other lines \
            adding to it. Then W, C and the payroll after the plan, the optimum's, the gap \
            (plan - optimum), and the schools and subjects where the two plans differ most. \
            The figures of a plan that breaks the contract count every action that names a \
            known school and subject.

            Exit status: 0 when the plan keeps the contract; 4 when it breaks it (the report is \
            still printed); 2 for unreadable input (scenario or plan; each problem on standard \
            error as file:line:column: message); 1 for any other failure.

            With a roster of named teachers (docs/MODEL.md section 7), --assignments FILE also \
            checks a choice of people in the assignments.csv format (teacher_id, year when the \
            scenario has a horizon, action, from_school, to_school, subject, to_subject; other \
            columns are ignored: points, volunteers and homes come from the roster) against the \
            roster and the plan, each violation as FILE:LINE: message (exit 4), and sets its \
            stage-3 objective (3a non-volunteers chosen, must_move not counted; 3b their \
            points; 3c home km) beside stage 3's optimum for the same plan, by school, subject \
            and year where they differ.
            """)

    @Argument(help: "A scenario folder or its scenario.yaml.") var scenario: String
    @Option(help: "The plan to evaluate, in the plan.csv format.") var plan: String
    @Option(help: "With a roster: a choice of people for the plan, in the assignments.csv format.")
    var assignments: String?
    @Flag(help: "Also show the figures of the greedy plan (solve --method greedy).") var greedy = false
    @Option(help: "Seconds for the optimum; past it the best plan found is used (status time_limit).")
    var timeLimit: Double?
    @Option(help: "How many differences to list.") var top = 10
    @Option(name: .long, help: LanguageOption.help) var lang: Language?

    func validate() throws {
        if let limit = timeLimit, !(limit > 0 && limit <= 86_400 * 24) {
            throw ValidationError("--time-limit must be a number of seconds above 0 and at most 24 days")
        }
        guard top >= 0 else { throw ValidationError("--top must be 0 or more") }
    }

    func run() throws {
        // Unreadable input first, both files, so that every problem is reported at once.
        var loaded: Scenario?
        do {
            let scenario = try InputErrors.loadScenario(self.scenario)
            try SolveCommand.checkPayrollCanBeMet(scenario, path: self.scenario)
            loaded = scenario
        } catch let code as ExitCode where code.rawValue == 2 {}
        let planFile: PlanFile
        do {
            planFile = try PlanReader.read(contentsOf: plan)
        } catch {
            let code = InputErrors.exit(error)
            _ = readAssignments()
            throw code
        }
        let people = readAssignments()
        guard let scenario = loaded else { throw ExitCode(2) }
        if case .failure(let code)? = people { throw code }
        if assignments != nil, scenario.roster.isEmpty {
            InputErrors.printToStandardError(["redeploy: \(self.scenario): --assignments needs a roster of named "
                + "teachers (roster: in scenario.yaml, docs/MODEL.md section 7)"])
            throw ExitCode(2)
        }
        if SolveCommand.needsHorizon(scenario) {
            return try evaluateHorizon(scenario, planFile, people: try people?.get())
        }

        let instance = Instance(scenario)
        let check = PlanChecker.check(planFile.plan, against: instance)
        let optimum = try Solved.optimal(instance, timeLimit: timeLimit)
        let greedyPlan = greedy ? try Solved.greedy(instance) : nil
        let report = EvaluationReport(instance: instance, file: planFile, check: check, optimum: optimum,
                                      greedy: greedyPlan, top: top, labels: LanguageOption.labels(lang, scenario))
        print(report.text(), terminator: "")
        if !check.isValid { throw ExitCode(4) }
    }
}

/// The text `evaluate` prints.
struct EvaluationReport {
    var instance: Instance
    var file: PlanFile
    var check: PlanChecker.Report
    var optimum: Solved
    var greedy: Solved?
    var top: Int
    /// The language of the headings and labels; messages about the contract stay as the checker says them.
    var labels: Labels = .english

    var figures: PlanFigures { PlanFigures(instance, check, weightedShortageBefore: optimum.weightedShortageBefore) }

    /// Each violation as `PLAN.csv:LINE: message` (or `PLAN.csv: message` for the whole plan),
    /// those with a line in line order first.
    var violationLines: [String] { Self.violationLines(check.violations, file: file) }

    static func violationLines(_ violations: [PlanChecker.Violation], file: PlanFile) -> [String] {
        located(violations.map { v in
            var message = v.message
            let others = v.contributing.compactMap { file.line(ofAction: $0) }
            if others.count > 1 || (others.count == 1 && v.breaking == nil) {
                let shown = others.prefix(8).map(file.place(ofLine:)).joined(separator: ", ")
                let word = file.sheetNames == nil ? "lines " : ""
                message += " (\(word)\(shown)\(others.count > 8 ? " and \(others.count - 8) more" : ""))"
            }
            return (file.line(ofAction: v.primaryAction), message)
        }, file: file.file, place: file.place(ofLine:))
    }

    /// Messages as `FILE:LINE: message` (`FILE:Sheet!A7: message` for a plan workbook, as
    /// `place` says), in line order, then those without a line as `FILE: message`, each group
    /// keeping the order given.
    static func located(_ messages: [(line: Int?, message: String)], file: String,
                        place: (Int) -> String = { String($0) }) -> [String] {
        let located = messages.enumerated().map { k, item in
            (line: item.line, order: k,
             text: item.line.map { "\(file):\(place($0)): \(item.message)" } ?? "\(file): \(item.message)")
        }
        return located.sorted { a, b in
            switch (a.line, b.line) {
            case let (x?, y?): return (x, a.order) < (y, b.order)
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return a.order < b.order
            }
        }.map(\.text)
    }

    /// Transfers whose km column disagrees with the scenario's distance (the cost uses the scenario's).
    var kmNotes: [String] {
        var notes: [String] = []
        for (k, action) in file.plan.actions.enumerated() where action.kind == .transfer {
            guard let given = action.km, let from = action.from, let to = action.to,
                  let i = instance.schoolIndex[from], let j = instance.schoolIndex[to] else { continue }
            let known = instance.km(i, j)
            if let known, abs(known - given) <= 1e-6 * max(1, abs(known)) { continue }
            let scenarioKm = known.map { "the scenario's \(NumberText.format($0)) km" } ?? "an unknown distance in the scenario (0 in the cost)"
            notes.append("\(file.file):\(file.place(ofLine: file.lines[k])): note: km \(NumberText.format(given)) differs from \(scenarioKm); the cost uses the scenario's")
        }
        return notes
    }

    func text() -> String {
        let l = labels
        var out = ""
        out += Self.heading(instance.name, file: file, valid: check.isValid, violations: check.violations.count, l)
        let violations = violationLines
        if !violations.isEmpty { out += violations.joined(separator: "\n") + "\n" }
        let notes = kmNotes
        if !notes.isEmpty { out += notes.prefix(20).joined(separator: "\n") + "\n" }
        if notes.count > 20 { out += "(\(notes.count - 20) more km notes)\n" }
        out += "\n"

        let plan = figures, best = optimum.figures
        let optimumName = optimum.status == "optimal" ? l("optimum") : l("best found ({0})", optimum.status)
        out += l("Weighted shortage W: plan {0}, {1} {2}, gap {3} (before any plan W0 = {4})", Display.number(plan.weightedShortage),
                 optimumName, Display.number(best.weightedShortage), gap(plan.weightedShortage, best.weightedShortage),
                 Display.number(plan.weightedShortageBefore)) + "\n"
        out += l("Cost C: plan {0}, {1} {2}, gap {3}", Display.number(plan.cost), optimumName, Display.number(best.cost),
                 gap(plan.cost, best.cost)) + "\n"
        let cap = Double(plan.payrollBefore + instance.policy.payrollChange)
        out += l("Payroll: {0} before, {1} after the plan (change {2}; at most {3} allowed by payroll_change)", plan.payrollBefore,
                 Display.count(plan.payrollAfter), Display.signed(plan.payrollChange), Display.count(cap)) + "\n"
        out += "\n"

        var columns = [(l("plan"), plan), (optimumName, best)]
        if let greedy { columns.append((l("greedy"), greedy.figures)) }
        var table = TextTable([""] + columns.map(\.0) + [l("plan - optimum")], leftColumns: 1)
        func row(_ label: String, _ value: (PlanFigures) -> Double, _ show: (Double) -> String,
                 _ difference: (Double) -> String = Display.signed) {
            table.add([label] + columns.map { show(value($0.1)) } + [difference(value(plan) - value(best))])
        }
        row(l("W, weighted shortage"), \.weightedShortage, { Display.number($0) }, { Display.signedNumber($0) })
        row(l("C, cost"), \.cost, { Display.number($0) }, { Display.signedNumber($0) })
        row(l("transfers"), \.transfers, Display.count)
        row(l("hires"), \.hires, Display.count)
        row(l("releases"), \.releases, Display.count)
        row(l("payroll change"), \.payrollChange, Display.signed)
        row(l("schools still short"), { Double($0.schoolsShort) }, Display.count)
        table.add([l("largest remaining shortage")] + columns.map { column in
            column.1.largestShortage.map { l("{0} at {1}", Display.number($0.amount), $0.school) } ?? l("none")
        })
        out += table.text + "\n"
        out += differences()
        return out
    }

    /// "Scenario: name" and "Plan: file, n actions: verdict", with the violations at their lines
    /// (a one-year plan's and a horizon's alike).
    static func heading(_ name: String, file: PlanFile, valid: Bool, violations: Int, _ l: Labels) -> String {
        var out = l("Scenario: {0}", name.isEmpty ? l("Scenario") : name) + "\n"
        let count = file.plan.actions.count
        let verdict = valid ? l("valid: it keeps every rule of the contract")
            : violations == 1 ? l("breaks the contract: 1 violation") : l("breaks the contract: {0} violations", violations)
        out += (count == 1 ? l("Plan: {0}, 1 action: {1}", file.file, verdict) : l("Plan: {0}, {1} actions: {2}", file.file, count, verdict)) + "\n"
        return out
    }

    /// "+1.25 (+3.1%)", or "0.00" when equal within docs/MODEL.md 3.2.
    func gap(_ value: Double, _ optimum: Double) -> String {
        let difference = value - optimum
        if abs(difference) <= 1e-6 * max(1, abs(value), abs(optimum)) { return "0.00" }
        var text = Display.signedNumber(difference)
        if abs(optimum) > 1e-9 { text += " (\(Display.signedNumber(100 * difference / optimum, decimals: 1))%)" }
        return text
    }

    /// Where the optimum's staff after the plan (n) and shortages differ most from the plan's.
    func differences() -> String {
        let l = labels
        var out = l("What the optimum does differently") + "\n"
        let pairs = instance.pairs
        let n = check.staffAfter, m = optimum.check.staffAfter
        let changed = pairs.indices.filter { abs(m[$0] - n[$0]) > 1e-6 }
        let ordered = changed.sorted { a, b in
            let (x, y) = (abs(m[a] - n[a]), abs(m[b] - n[b]))
            return x != y ? x > y : a < b
        }
        if ordered.isEmpty {
            out += l("Nothing: the optimum leaves the same staff at every school and subject.") + "\n"
            return out
        }
        out += l("Staff after the plan (n) by school and subject, largest differences first ({0} of {1}):",
                 min(top, ordered.count), ordered.count) + "\n"
        var table = TextTable([l("school"), l("name"), l("subject"), l("required"), l("plan"), l("optimum"), l("optimum - plan")], leftColumns: 3)
        for p in ordered.prefix(top) {
            let school = instance.schools[pairs[p].school]
            table.add([school.id, school.name, instance.subjects[pairs[p].subject], Display.number(pairs[p].required),
                       Display.count(n[p]), Display.count(m[p]), Display.signed(m[p] - n[p])])
        }
        out += table.text + "\n"

        // Schools by weighted shortage.
        let u = check.shortages, v = optimum.check.shortages
        var rows: [(school: Int, plan: Double, best: Double)] = []
        for (s, range) in instance.pairRanges.enumerated() {
            let p = instance.schools[s].priority
            let (a, b) = (p * range.reduce(0.0) { $0 + u[$1] }, p * range.reduce(0.0) { $0 + v[$1] })
            if abs(a - b) > 1e-6 { rows.append((s, a, b)) }
        }
        rows.sort { x, y in
            let (dx, dy) = (abs(x.plan - x.best), abs(y.plan - y.best))
            return dx != dy ? dx > dy : x.school < y.school
        }
        if rows.isEmpty {
            out += l("The weighted shortage of every school is the same in both plans.") + "\n"
            return out
        }
        out += l("Schools where the weighted shortage differs most ({0} of {1}):", min(top, rows.count), rows.count) + "\n"
        table = TextTable([l("school"), l("name"), l("priority"), l("plan"), l("optimum"), l("optimum - plan")], leftColumns: 2)
        for row in rows.prefix(top) {
            let school = instance.schools[row.school]
            table.add([school.id, school.name, NumberText.format(school.priority), Display.number(row.plan),
                       Display.number(row.best), Display.signedNumber(row.best - row.plan)])
        }
        out += table.text
        return out
    }
}
