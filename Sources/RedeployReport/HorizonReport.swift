import Foundation
import RedeployDomain
import ScenarioIO

/// The reports of a horizon (or of a year with retraining): the optimum over all the years set
/// against the myopic plan, year by year. The HTML page (`HorizonHTML`: timeline charts, a map
/// per year, tables) and the Markdown summary (`HorizonMarkdown`: the same tables) are both laid
/// out from one `HorizonReportData`, so they show the same figures.
public enum HorizonReportFiles {
    /// Writes the HTML report to `html` and the Markdown summary to `markdown` (either may be nil:
    /// not written), each beside its target first and then renamed into place. With `assignments`
    /// (a plan with named teachers) both add the decision lists by authority (`DecisionLists`).
    /// `labels` gives the headings and labels their language.
    public static func write(html: String?, markdown: String?, instance: HorizonInstance,
                             optimum: HorizonPlanOutput, myopic: HorizonPlanOutput, assignments: [Assignment]? = nil,
                             labels: Labels = .english) throws {
        guard html != nil || markdown != nil else { return }
        let data = HorizonReportData(instance: instance, optimum: optimum, myopic: myopic, assignments: assignments, labels: labels)
        if let html { try ReportFiles.writeText(HorizonHTML.render(data), to: html) }
        if let markdown { try ReportFiles.writeText(HorizonMarkdown.render(data), to: markdown) }
    }

    /// The HTML page, for tests and callers that keep it in memory.
    public static func html(instance: HorizonInstance, optimum: HorizonPlanOutput, myopic: HorizonPlanOutput,
                            assignments: [Assignment]? = nil, labels: Labels = .english) -> String {
        HorizonHTML.render(HorizonReportData(instance: instance, optimum: optimum, myopic: myopic, assignments: assignments, labels: labels))
    }

    /// The Markdown summary, for tests and callers that keep it in memory.
    public static func markdown(instance: HorizonInstance, optimum: HorizonPlanOutput, myopic: HorizonPlanOutput,
                                assignments: [Assignment]? = nil, labels: Labels = .english) -> String {
        HorizonMarkdown.render(HorizonReportData(instance: instance, optimum: optimum, myopic: myopic, assignments: assignments, labels: labels))
    }
}
