import ArgumentParser
import Foundation
import RedeployDomain
import RedeployPlanner
import ScenarioIO

/// `evaluate` for a horizon or a scenario with retraining: the plan checked by
/// `HorizonPlanChecker`, then set beside the optimum over all the years and the myopic plan,
/// in total and year by year.
extension EvaluateCommand {
    func evaluateHorizon(_ scenario: Scenario, _ planFile: PlanFile, people: AssignmentsFile? = nil) throws {
        if greedy {
            InputErrors.printToStandardError(["redeploy: --greedy plans a single year; this scenario has "
                + "\(scenario.horizon != nil ? "a horizon" : "retraining rows") (the myopic plan is shown instead)"])
            throw ExitCode(2)
        }
        let instance = HorizonInstance(scenario)
        let check = HorizonPlanChecker.check(planFile.plan, against: instance)
        let optimum = try HorizonSolved.solve(instance, method: .optimal, timeLimit: timeLimit, path: self.scenario)
        let myopic = try HorizonSolved.solve(instance, method: .myopic, timeLimit: timeLimit, path: self.scenario)
        let labels = LanguageOption.labels(lang, scenario)
        let report = HorizonEvaluationReport(instance: instance, file: planFile, check: check, optimum: optimum, myopic: myopic,
                                             labels: labels)
        print(report.text(), terminator: "")
        // With --assignments, the people chosen for this plan (EvaluateCommand+Assignments.swift).
        let peopleValid = people.map {
            Self.evaluatePeople(scenario, instance, plan: planFile.plan, file: $0, top: top, labels: labels)
        } ?? true
        if !check.isValid || !peopleValid { throw ExitCode(4) }
    }
}

/// The text `evaluate` prints for a horizon.
struct HorizonEvaluationReport {
    var instance: HorizonInstance
    var file: PlanFile
    var check: HorizonPlanChecker.Report
    var optimum: HorizonSolved
    var myopic: HorizonSolved
    var labels: Labels = .english

    func text() -> String {
        let l = labels
        var out = EvaluationReport.heading(instance.name, file: file, valid: check.isValid, violations: check.violations.count, l)
        let violations = EvaluationReport.violationLines(check.violations, file: file)
        if !violations.isEmpty { out += violations.joined(separator: "\n") + "\n" }
        out += "\n"
        let plan = PlanFigures(instance, check, weightedShortageBefore: optimum.result.weightedShortageBefore)
        let best = optimum.figures, steps = myopic.figures
        let name = optimum.result.status == .optimal ? l("optimum") : l("best found ({0})", optimum.result.status.rawValue)
        var table = TextTable(["", l("plan"), name, l("myopic"), l("plan - optimum")], leftColumns: 1)
        func row(_ label: String, _ value: (PlanFigures) -> Double, _ show: (Double) -> String, _ sign: (Double) -> String) {
            table.add([label, show(value(plan)), show(value(best)), show(value(steps)), sign(value(plan) - value(best))])
        }
        row(l("W, weighted shortage"), \.weightedShortage, { Display.number($0) }, { Display.signedNumber($0) })
        row(l("C, cost"), \.cost, { Display.number($0) }, { Display.signedNumber($0) })
        row(l("transfers"), \.transfers, Display.count, Display.signed)
        row(l("hires"), \.hires, Display.count, Display.signed)
        row(l("releases"), \.releases, Display.count, Display.signed)
        table.add([l("retrained"), Display.count(check.retrained), Display.count(optimum.result.check.retrained),
                   Display.count(myopic.result.check.retrained), Display.signed(check.retrained - optimum.result.check.retrained)])
        row(l("payroll after"), \.payrollAfter, Display.count, Display.signed)
        out += l("W0, before any plan: {0}", Display.number(plan.weightedShortageBefore)) + "\n"
        out += table.text + "\n"
        guard instance.hasHorizon else { return out }
        out += l("Year by year (W without the year weight)") + "\n"
        var years = TextTable([l("year"), l("W plan"), "W \(name)", l("W myopic"), l("C plan"), "C \(name)", l("C myopic"),
                               l("payroll plan"), l("cap")], leftColumns: 1)
        for (y, year) in check.years.enumerated() {
            let (a, b) = (optimum.result.check.years[y], myopic.result.check.years[y])
            years.add([String(year.year), Display.number(year.weightedShortage), Display.number(a.weightedShortage),
                       Display.number(b.weightedShortage), Display.number(year.cost), Display.number(a.cost), Display.number(b.cost),
                       Display.count(year.payroll), String(year.payrollCap)])
        }
        out += years.text + "\n"
        return out
    }
}
