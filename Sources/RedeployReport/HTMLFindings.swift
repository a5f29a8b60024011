import Foundation
import RedeployDomain
import ScenarioIO

/// The report's sections that say what the plan does not do: the schools it leaves worse off,
/// what still limits it, and what `solve --explain` found would help.
enum HTMLFindings {
    static func e(_ s: String) -> String { Format.html(s) }

    // MARK: Worse off

    static func worseOff(_ data: ReportData, _ l: Labels, _ page: inout HTMLPage) {
        let schools = data.worseOff
        page.line("<section id=\"worse-off\">")
        page.line("<h2>" + l("Schools that end worse off") + "</h2>")
        guard !schools.isEmpty else {
            page.line("<p>" + l("No school ends shorter than it started.") + "</p>")
            page.line("</section>")
            return
        }
        let loss = schools.reduce(0) { $0 + $1.loss }, weighted = schools.reduce(0) { $0 + $1.weightedLoss }
        page.line("<p class=\"flag\">" + l("<b>{0} schools</b> are shorter after the plan than before: {1} FTE in all, {2} of weighted shortage.",
                                           schools.count, Format.fte(loss), Format.fixed(weighted)) + "</p>")
        page.line("<p>" + e(WorseOffText.why(l)) + "</p>")
        let (short, why, went) = (l("Short before → after (FTE)"), l("Why"), l("Where its teachers went"))
        page.line("<div class=\"scroll\"><table class=\"worse-off narrow-cards\"><thead><tr><th class=\"text\">" + l("School") + "</th><th>"
            + short + "</th><th class=\"text\">" + why + "</th><th class=\"text\">" + went + "</th></tr></thead><tbody>")
        for w in schools {
            let school = data.instance.schools[w.school]
            let priority = w.priority == 1 ? "" : " · " + l("priority {0}", Format.figure(w.priority))
            page.line("<tr><td class=\"text name\">\(e(data.schoolName(w.school)))<div class=\"meta\">\(e(school.area)) · \(e(school.level))\(priority)</div></td>"
                + "<td data-label=\"\(short)\">\(Format.fixed(w.shortageBefore)) → \(Format.fixed(w.shortageAfter))</td>"
                + "<td class=\"text\" data-label=\"\(why)\">\(e(WorseOffText.reason(w.reason, l)))</td>"
                + "<td class=\"text\" data-label=\"\(went)\">\(WorseOffText.destinations(w, data, l, escape: e).joined(separator: "<br>"))</td></tr>")
        }
        page.line("</tbody></table></div>")
        page.line("</section>")
    }

    // MARK: Limits

    static func limits(_ data: ReportData, _ l: Labels, _ page: inout HTMLPage) {
        let limits = data.limits
        page.line("<section id=\"limits\">")
        page.line("<h2>" + l("What still limits the plan") + "</h2>")
        page.line("<ul class=\"overview\">")
        for line in limits.overview(l) { page.line("<li>\(e(line))</li>") }
        page.line("</ul>")
        if !limits.ranked.isEmpty {
            page.line("<p>" + l("What keeps spare teachers from the shortage that remains, by kind of limit and level, "
                + "the largest weighted shortage first (spare: more than their own school needs, after the plan). "
                + "Hiring cannot fill it either: {0}.", e(limits.hiringReason.text(subject: "", l))) + "</p>")
            let columns = [l("Level"), l("Weighted shortage"), l("Short (FTE)"), l("Schools"), l("Most short in")]
            page.line("<div class=\"scroll\"><table class=\"limits-groups narrow-cards\"><thead><tr><th class=\"text\">" + l("Limit")
                + "</th><th class=\"text\">\(columns[0])</th><th>\(columns[1])</th><th>\(columns[2])</th><th>\(columns[3])</th>"
                + "<th class=\"text\">\(columns[4])</th></tr></thead><tbody>")
            for kind in limits.rankedByKind {
                for (k, g) in kind.rows.enumerated() {
                    let head = k > 0 ? "" : "<td class=\"text kind\" rowspan=\"\(kind.rows.count)\">\(e(LimitText.kind(kind.kind, data.instance.policy, l)))"
                        + "<div class=\"meta\">" + l("{0} weighted, {1} FTE", Format.fixed(kind.weightedShortage), Format.fte(kind.shortage)) + "</div></td>"
                    let cells = [e(g.level), Format.fixed(g.weightedShortage), Format.fte(g.shortage), String(g.schools), e(LimitText.parts(g, l))]
                    page.line("<tr>\(head)" + zip(columns, cells).enumerated().map { k, item in
                        "<td\(k == 0 || k == 4 ? " class=\"text\"" : "") data-label=\"\(item.0)\">\(item.1)</td>"
                    }.joined() + "</tr>")
                }
            }
            page.line("</tbody></table></div>")
        }
        if !limits.groups.isEmpty {
            page.line("<details class=\"limits-detail\"><summary>" + l("Every area and subject still short ({0})", limits.groups.count) + "</summary>")
            page.line("<p>" + l("Where shortage remains, and what keeps spare teachers from it (spare: more than their own school needs, after the plan):") + "</p>")
            page.line("<div class=\"scroll\"><table class=\"limits\"><thead><tr><th class=\"text\">" + l("Area") + "</th><th class=\"text\">"
                + l("Subject") + "</th><th>" + l("Short before") + "</th><th>" + l("Short after") + "</th><th>" + l("Schools")
                + "</th><th class=\"text\">" + l("Why") + "</th></tr></thead><tbody>")
            for g in limits.groups {
                page.line("<tr><td class=\"text\">\(e(g.area))</td><td class=\"text\">\(e(g.subject))</td><td>\(Format.fte(g.shortageBefore))</td>"
                    + "<td>\(Format.fte(g.shortageAfter))</td><td>\(g.schools)</td><td class=\"text why\">\(e(g.explanation(l)))</td></tr>")
            }
            page.line("</tbody></table></div>")
            page.line("</details>")
        }
        page.line("</section>")
    }

    // MARK: Explanation

    static func explanation(_ data: ReportData, _ l: Labels, _ page: inout HTMLPage) {
        guard let x = data.explanation else { return }
        page.line("<section id=\"explanation\">")
        page.line("<h2>" + l("What would lower the shortage further") + "</h2>")
        page.line("<p class=\"legend\">" + l("From solve --explain: each figure is measured on the model itself, W being the weighted shortage the plan leaves ({0}).",
                                             Format.fixed(data.headline.weightedShortageAfter)) + "</p>")
        page.line("<h3>" + l("One more teacher, kept out of the payroll limit: where W falls most") + "</h3>")
        for sentence in ExplanationText.gainSentences(x, l) { page.line("<p>\(e(sentence))</p>") }
        if x.gainsComplete && !x.gains.isEmpty && !ExplanationText.allAlike(x) {
            page.line("<div class=\"scroll\"><table class=\"gains\"><thead><tr><th class=\"text\">" + l("Area") + "</th><th class=\"text\">"
                + l("Subject") + "</th><th class=\"text\">" + l("Best school") + "</th><th>" + l("W falls by") + "</th></tr></thead><tbody>")
            for g in x.gains.prefix(ExplanationText.shownGains) {
                page.line("<tr><td class=\"text\">\(e(g.area))</td><td class=\"text\">\(e(g.subject))</td><td class=\"text\">\(e(schoolName(g.school, data)))</td>"
                    + "<td>\(Format.fixed(g.gain))</td></tr>")
            }
            page.line("</tbody></table></div>")
            if x.gains.count > ExplanationText.shownGains {
                page.line("<p class=\"note\">" + l("and {0} more (area, subject) pairs in summary.json", x.gains.count - ExplanationText.shownGains) + "</p>")
            }
        }
        page.line("<h3>" + l("What each policy limit costs: W with the limit lifted, the others kept") + "</h3>")
        if x.limits.isEmpty {
            page.line("<p>" + l("No limit to lift: hiring is on, the payroll cannot be used up, no distance, outflow or area limit.") + "</p>")
        } else {
            page.line("<div class=\"scroll\"><table class=\"policy-costs\"><thead><tr><th class=\"text\">" + l("Policy") + "</th><th class=\"text\">"
                + l("Now") + "</th><th class=\"text\">" + l("Lifted to") + "</th><th>" + l("W lifted") + "</th><th>" + l("The limit costs")
                + "</th></tr></thead><tbody>")
            for limit in x.limits {
                page.line("<tr><td class=\"text\">\(e(limit.key))</td><td class=\"text\">\(e(ExplanationText.value(limit.current, l)))</td>"
                    + "<td class=\"text\">\(e(ExplanationText.value(limit.lifted, l)))</td><td>\(e(ExplanationText.lifted(limit, l)))</td>"
                    + "<td>\(limit.shortageCost.map { Format.fixed($0) } ?? "?")</td></tr>")
            }
            page.line("</tbody></table></div>")
        }
        page.line("</section>")
    }

    /// The school's name and id when the scenario knows the id.
    static func schoolName(_ id: String, _ data: ReportData) -> String {
        data.instance.schoolIndex[id].map(data.schoolName) ?? id
    }
}
