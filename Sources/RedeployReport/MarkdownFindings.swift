import Foundation
import ScenarioIO

/// The Markdown summary's sections on what the plan does not do: the schools it leaves worse
/// off, what still limits it (grouped, then the largest remaining shortages), and what `solve
/// --explain` found. Each returns its lines, ending with an empty one.
enum MarkdownFindings {
    static let m = Format.markdown

    static func worseOff(_ data: ReportData, _ l: Labels, rows: Int) -> [String] {
        let schools = data.worseOff
        guard !schools.isEmpty else { return [] }
        var out = [l("## Schools that end worse off"), ""]
        let loss = schools.reduce(0) { $0 + $1.loss }, weighted = schools.reduce(0) { $0 + $1.weightedLoss }
        out.append(l("**{0} schools** are shorter after the plan than before: {1} FTE in all, {2} of weighted shortage.",
                     schools.count, Format.fte(loss), Format.fixed(weighted)) + " " + m(WorseOffText.why(l)))
        out.append("")
        out.append("| " + [l("School"), l("Area"), l("Level"), l("Short before"), l("Short after"), l("Why"), l("Where its teachers went")]
            .joined(separator: " | ") + " |")
        out.append("|---|---|---|---:|---:|---|---|")
        for w in schools.prefix(rows) {
            let school = data.instance.schools[w.school]
            out.append("| \(m(data.schoolName(w.school))) | \(m(school.area)) | \(m(school.level)) | \(Format.fixed(w.shortageBefore)) | "
                + "\(Format.fixed(w.shortageAfter)) | \(m(WorseOffText.reason(w.reason, l))) | "
                + "\(WorseOffText.destinations(w, data, l, escape: m).joined(separator: "; ")) |")
        }
        if schools.count > rows {
            out.append("")
            out.append(l("{0} more schools, with a smaller loss, are listed in the HTML report.", schools.count - rows))
        }
        out.append("")
        return out
    }

    static func limits(_ data: ReportData, _ l: Labels, rows: Int) -> [String] {
        var out = [l("## What still limits the plan"), ""]
        for line in data.limits.overview(l) { out.append("- \(m(line))") }
        let limits = data.limits
        if !limits.ranked.isEmpty {
            out.append("")
            out.append(l("By kind of limit and level, the largest weighted shortage first. Hiring cannot fill it either: {0}.",
                         m(limits.hiringReason.text(subject: "", l))))
            out.append("")
            out.append("| " + [l("Limit"), l("Level"), l("Weighted shortage"), l("Short (FTE)"), l("Schools"), l("Most short in")]
                .joined(separator: " | ") + " |")
            out.append("|---|---|---:|---:|---:|---|")
            for g in limits.ranked {
                out.append("| \(m(LimitText.kind(g.kind, data.instance.policy, l))) | \(m(g.level)) | \(Format.fixed(g.weightedShortage)) | "
                    + "\(Format.fte(g.shortage)) | \(g.schools) | \(m(LimitText.parts(g, l))) |")
            }
        }
        let groups = limits.groups
        if !groups.isEmpty {
            out.append("")
            out.append(l("The largest remaining shortages by area and subject:"))
            out.append("")
            out.append("| " + [l("Area"), l("Subject"), l("Short before"), l("Short after"), l("Why")].joined(separator: " | ") + " |")
            out.append("|---|---|---:|---:|---|")
            for g in groups.prefix(rows) {
                out.append("| \(m(g.area)) | \(m(g.subject)) | \(Format.fte(g.shortageBefore)) | \(Format.fte(g.shortageAfter)) | \(m(g.explanation(l))) |")
            }
            if groups.count > rows {
                let rest = groups.dropFirst(rows).reduce(0) { $0 + $1.shortageAfter }
                out.append("")
                out.append(l("{0} more area-subjects, {1} FTE in all, are listed in the HTML report.", groups.count - rows, Format.fte(rest)))
            }
        }
        out.append("")
        return out
    }

    static func explanation(_ data: ReportData, _ l: Labels) -> [String] {
        guard let x = data.explanation else { return [] }
        var out = [l("## What would lower the shortage further"), ""]
        out.append(l("From solve --explain: each figure is measured on the model itself, W being the weighted shortage the plan leaves ({0}).",
                     Format.fixed(data.headline.weightedShortageAfter)))
        out.append("")
        out.append(l("### One more teacher, kept out of the payroll limit: where W falls most"))
        out.append("")
        out.append(ExplanationText.gainSentences(x, l).map(m).joined(separator: " "))
        if x.gainsComplete && !x.gains.isEmpty && !ExplanationText.allAlike(x) {
            out.append("")
            out.append("| " + [l("Area"), l("Subject"), l("Best school"), l("W falls by")].joined(separator: " | ") + " |")
            out.append("|---|---|---|---:|")
            for g in x.gains.prefix(ExplanationText.shownGains) {
                out.append("| \(m(g.area)) | \(m(g.subject)) | \(m(HTMLFindings.schoolName(g.school, data))) | \(Format.fixed(g.gain)) |")
            }
            if x.gains.count > ExplanationText.shownGains {
                out.append("")
                out.append(l("and {0} more (area, subject) pairs in summary.json", x.gains.count - ExplanationText.shownGains))
            }
        }
        out.append("")
        out.append(l("### What each policy limit costs: W with the limit lifted, the others kept"))
        out.append("")
        if x.limits.isEmpty {
            out.append(l("No limit to lift: hiring is on, the payroll cannot be used up, no distance, outflow or area limit."))
        } else {
            out.append("| " + [l("Policy"), l("Now"), l("Lifted to"), l("W lifted"), l("The limit costs")].joined(separator: " | ") + " |")
            out.append("|---|---|---|---:|---:|")
            for limit in x.limits {
                out.append("| \(m(limit.key)) | \(m(ExplanationText.value(limit.current, l))) | \(m(ExplanationText.value(limit.lifted, l))) | "
                    + "\(m(ExplanationText.lifted(limit, l))) | \(limit.shortageCost.map { Format.fixed($0) } ?? "?") |")
            }
        }
        out.append("")
        return out
    }
}
