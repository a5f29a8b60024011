import Foundation
import RedeployDomain
import ScenarioIO

/// The reports of a horizon: the optimum over all the years set against the myopic plan, year
/// by year.
public enum HorizonReportFiles {
    public static func write(html: String?, markdown: String?, instance: HorizonInstance,
                             optimum: HorizonPlanOutput, myopic: HorizonPlanOutput) throws {
        let text = markdownText(instance, optimum: optimum, myopic: myopic)
        if let markdown { try ReportFiles.writeText(text, to: markdown) }
        if let html {
            let escaped = text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            try ReportFiles.writeText("<!doctype html><meta charset=\"utf-8\"><pre>\(escaped)</pre>\n", to: html)
        }
    }

    static func markdownText(_ instance: HorizonInstance, optimum: HorizonPlanOutput, myopic: HorizonPlanOutput) -> String {
        var out = "# \(optimum.scenarioName)\n\n| Year | W optimum | W myopic | Payroll | Cap |\n|---:|---:|---:|---:|---:|\n"
        for (a, b) in zip(optimum.report.years, myopic.report.years) {
            out += "| \(a.year) | \(Charts.fmt(a.weightedShortage)) | \(Charts.fmt(b.weightedShortage)) | \(Charts.fmt(a.payroll)) | \(a.payrollCap) |\n"
        }
        return out
    }
}
