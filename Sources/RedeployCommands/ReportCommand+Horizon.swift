import ArgumentParser
import Foundation
import PlanWorkbook
import RedeployDomain
import RedeployPlanner
import RedeployReport
import ScenarioIO

/// `report` for a horizon (or a year with retraining): the reports set the optimum over all the
/// years against the myopic plan, so the plan OUTDIR holds is re-checked and the other one is
/// solved again, as `solve --report` does: the same two plans give the same bytes as that solve
/// (where a scenario has several optima of equal W and C, the one solved again may differ).
extension ReportCommand {
    func runHorizon(_ scenario: Scenario) throws {
        let loaded: HorizonReportFiles.Loaded
        do {
            loaded = try HorizonReportFiles.load(outputDirectory: outDir, scenario: scenario)
        } catch {
            throw InputErrors.exit(error)
        }
        InputErrors.printToStandardError(loaded.warnings.map { "warning: \($0)" })
        let instance = loaded.instance
        let held: HorizonPlanner.Method = loaded.method == "myopic" ? .myopic : .optimal
        let other = try SolveCommand.planHorizon(instance, method: held == .optimal ? .myopic : .optimal,
                                                 options: Planner.Options(), path: self.scenario)
        let otherOutput = SolveCommand.horizonOutput(scenario, instance, other)
        let (optimum, myopic) = held == .optimal ? (loaded.output, otherOutput) : (otherOutput, loaded.output)
        let htmlPath = html ?? (outDir as NSString).appendingPathComponent("report.html")
        let markdownPath = markdown ?? (outDir as NSString).appendingPathComponent("report.md")
        do {
            let readable = try ReadablePlan(PlanView(instance: instance, output: loaded.output), spreadsheet: false, xlsx: xlsx,
                                            labels: .of(LanguageOption.labels(lang, scenario)))
            defer { readable.discard() }
            try HorizonReportFiles.write(html: htmlPath, markdown: markdownPath, instance: instance,
                                         optimum: optimum, myopic: myopic, labels: LanguageOption.labels(lang, scenario))
            try readable.commit()
        } catch {
            InputErrors.printToStandardError(["redeploy: \(error)"])
            throw ExitCode(1)
        }
        if !quiet { print("Wrote \(htmlPath) and \(markdownPath)" + (xlsx.map { " and \($0)" } ?? "")) }
    }
}
