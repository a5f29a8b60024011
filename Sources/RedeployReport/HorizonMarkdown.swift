import Foundation
import ScenarioIO

/// The Markdown summary of a horizon, to paste into a written report: the same tables as the
/// HTML page (`HorizonTables`), without the charts and maps. Names are escaped for Markdown
/// tables; totals are in bold. The same data gives the same bytes.
enum HorizonMarkdown {
    static func render(_ data: HorizonReportData) -> String {
        let m = Format.markdown
        let l = data.labels
        var out: [String] = []
        out.append(l("# Horizon report: {0}", m(data.name.isEmpty ? l("redeployment over the years") : data.name)))
        out.append("")
        let years = data.instance.hasHorizon ? " (" + (data.yearCount == 1 ? l("1 year") : l("{0} years", data.yearCount)) + ")" : ""
        out.append(l("Teacher redeployment over {0}{1}. Optimum: **{2}**{3}; myopic: **{4}**. ", data.span, years, m(data.optimum.status),
                     HTMLReport.gapText(data.optimum.mipGap, l), m(data.myopic.status))
            + m(HTMLReport.policyText(data.instance.transfers, l)))
        out.append("")
        out.append(l("The optimum is planned over all the years at once; the myopic plan one year at a time, each year at its best "
            + "from what the years before left, blind to the years after."))
        for side in data.sides where !side.violations.isEmpty {
            out.append("")
            let (count, first) = (side.violations.count, m(side.violations[0]))
            switch (side.key == "optimum", count == 1) {
            case (true, true): out.append(l("**Warning: the optimum plan breaks 1 rule of the scenario**, e.g. {0}.", first))
            case (true, false): out.append(l("**Warning: the optimum plan breaks {0} rules of the scenario**, e.g. {1}.", count, first))
            case (false, true): out.append(l("**Warning: the myopic plan breaks 1 rule of the scenario**, e.g. {0}.", first))
            case (false, false): out.append(l("**Warning: the myopic plan breaks {0} rules of the scenario**, e.g. {1}.", count, first))
            }
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
