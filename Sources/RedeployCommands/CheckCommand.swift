import ArgumentParser
import RedeployDomain
import ScenarioIO

extension SummaryFormat: ExpressibleByArgument {}

/// `redeploy check SCENARIO`: reads and validates a scenario, then shows where the surplus and
/// the shortage are before any move: by area and subject, by level, teachers per class against
/// the norm, the weighted shortage W0 (docs/MODEL.md 3.1) and the payroll headroom.
/// Invalid input: every problem on standard error, exit status 2. Warnings (such as a subject
/// code written once, near another code) go to standard error and into the output too, since
/// check is where a planner looks for them; they leave the exit status 0.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Validate a scenario and summarise surplus and shortage.")

    @Argument(help: "A scenario folder or its scenario.yaml.") var scenario: String

    @Option(help: "Output format: table, csv or json.") var format: SummaryFormat = .table
    @Option(help: ArgumentHelp("summary (by area, subject and level) or school: per school the norm (định mức), the teachers present (có mặt) and the difference (thừa/thiếu), as a provincial staffing report has them.",
                               valueName: "summary|school"))
    var by: View = .summary
    @Option(name: .long, help: LanguageOption.help) var lang: Language?

    enum View: String, CaseIterable, ExpressibleByArgument { case summary, school }

    func run() throws {
        let (loaded, warnings) = try InputErrors.loadScenarioAndWarnings(scenario)
        let instance = Instance(loaded)
        let labels = LanguageOption.labels(lang, loaded)
        switch by {
        case .summary:
            print(ScenarioSummary(instance, scenario: loaded, warnings: warnings)
                      .render(format, roster: RosterFigures(loaded), labels: labels), terminator: "")
        case .school: print(SchoolStaffing(instance).render(format, labels: labels), terminator: "")
        }
    }
}
