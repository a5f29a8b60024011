import Foundation
import ScenarioIO

/// The Markdown summary of a horizon, to paste into a written report: the same tables as the
/// HTML page (`HorizonTables`), without the charts and maps. Names are escaped for Markdown
/// tables; totals are in bold. The same data gives the same bytes.
enum HorizonMarkdown {
    static func render(_ data: HorizonReportData, _ l: Labels = .english) -> String {
        let m = Format.markdown
        var out: [String] = []
        out.append("# Horizon report: \(m(data.name.isEmpty ? "redeployment over the years" : data.name))")
        out.append("")
        let years = data.instance.hasHorizon ? " (\(data.yearCount) year\(data.yearCount == 1 ? "" : "s"))" : ""
        out.append("Teacher redeployment over \(data.span)\(years). Optimum: **\(m(data.optimum.status))**"
            + "\(HTMLReport.gapText(data.optimum.mipGap)); myopic: **\(m(data.myopic.status))**. "
            + m(HTMLReport.policyText(data.instance.transfers)))
        out.append("")
        out.append("The optimum is planned over all the years at once; the myopic plan one year at a time, each year at its best "
            + "from what the years before left, blind to the years after.")
        for side in data.sides where !side.violations.isEmpty {
            let count = side.violations.count
            out.append("")
            out.append("**Warning: the \(side.key) plan breaks \(count) rule\(count == 1 ? "" : "s") of the scenario**, "
                + "e.g. \(m(side.violations[0])).")
        }
        out.append("")
        for table in HorizonTables.all(data) {
            out += render(table)
        }
        if let decisions = data.decisions { out += DecisionListsRender.markdown(decisions) }
        return out.joined(separator: "\n")
    }

    static func render(_ t: HorizonTable) -> [String] {
        let m = Format.markdown
        func line(_ cells: [String]) -> String { "| " + cells.joined(separator: " | ") + " |" }
        var out = ["## \(m(t.title))", ""]
        if !t.note.isEmpty { out += [m(t.note), ""] }
        out.append(line(t.header.map(m)))
        out.append("|" + t.header.indices.map { $0 < t.textColumns ? "---|" : "---:|" }.joined())
        for row in t.rows { out.append(line(row.map(m))) }
        for row in t.totals { out.append(line(row.map { $0.isEmpty ? "" : "**\(m($0))**" })) }
        out.append("")
        return out
    }
}
