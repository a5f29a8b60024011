import ArgumentParser
import Foundation
import PlanWorkbook
import RedeployDomain
import RedeployReport
import ScenarioIO

/// `redeploy report OUTDIR --scenario SCENARIO`: the HTML report and Markdown summary of a
/// plan that `solve` wrote, rebuilt from OUTDIR's plan.csv (rechecked against the scenario)
/// and summary.json (status and gap). A plan of another scenario is refused before anything
/// is written, so that a good report is never replaced by one that calls a plan "optimal"
/// above the rules it breaks.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write an HTML report and a Markdown summary of a solved plan.",
        discussion: """
            Reads OUTDIR/plan.csv and OUTDIR/summary.json as `solve` wrote them, rechecks the plan \
            against the scenario, and writes OUTDIR/report.html (one self-contained page: charts, \
            map, tables; opens offline and prints) and OUTDIR/report.md, or the paths given.

            A plan that was not made for the scenario is refused, with every reason on standard \
            error: one that breaks a rule of the scenario, or whose summary.json names another \
            scenario or states another W0, payroll before, W or cost than the plan has in it.

            For a horizon the reports set the optimum over all the years against the myopic plan: \
            the plan OUTDIR holds (summary.json's method says which) is rechecked, the other one is \
            solved again.

            Exit status: 0 when the reports were written; 2 for invalid input or a plan of \
            another scenario (nothing written); 1 for any other failure.
            """)

    @Argument(help: "The output folder of `redeploy solve` (holding plan.csv and summary.json).")
    var outDir: String
    @Option(name: .long, help: "The scenario the plan was made for (a folder or its scenario.yaml).")
    var scenario: String
    @Option(name: .long, help: "Where to write the HTML report (default: OUTDIR/report.html).")
    var html: String?
    @Option(name: .long, help: "Where to write the Markdown summary (default: OUTDIR/report.md).")
    var markdown: String?
    @Option(name: .long, help: "Also write the plan workbook (.xlsx) here.") var xlsx: String?
    @Option(name: .long, help: LanguageOption.help) var lang: Language?
    @Flag(name: .long, help: "Print nothing on standard output.") var quiet = false

    func run() throws {
        let scenario = try InputErrors.loadScenario(self.scenario)
        try SolveCommand.refuseUnplannedRoster(scenario, path: self.scenario, command: "report")
        if SolveCommand.needsHorizon(scenario) { return try runHorizon(scenario) }
        let loaded: ReportFiles.Loaded
        do {
            loaded = try ReportFiles.load(outputDirectory: outDir, scenario: scenario)
        } catch {
            throw InputErrors.exit(error)
        }
        InputErrors.printToStandardError(loaded.warnings.map { "warning: \($0)" })
        let htmlPath = html ?? (outDir as NSString).appendingPathComponent("report.html")
        let markdownPath = markdown ?? (outDir as NSString).appendingPathComponent("report.md")
        do {
            let d = loaded.data
            let output = PlanOutput(scenarioName: d.instance.name, status: d.headline.status, plan: d.plan, report: d.check,
                                    weightedShortageBefore: d.headline.weightedShortageBefore, mipGap: d.headline.mipGap)
            let readable = try ReadablePlan(PlanView(instance: d.instance, output: output), spreadsheet: false, xlsx: xlsx,
                                            labels: .of(LanguageOption.labels(lang, scenario)))
            defer { readable.discard() }
            try ReportFiles.write(html: htmlPath, markdown: markdownPath, data: loaded.data,
                                  labels: LanguageOption.labels(lang, scenario))
            try readable.commit()
        } catch {
            InputErrors.printToStandardError(["redeploy: \(error)"])
            throw ExitCode(1)
        }
        if !quiet { print("Wrote \(htmlPath) and \(markdownPath)" + (xlsx.map { " and \($0)" } ?? "")) }
    }
}
