import Foundation
import ScenarioIO

/// A short Markdown summary to paste into a written report: the headline figures, the schools
/// left worse off, teachers per class by level, the moves by subject, what still limits the plan
/// and what `solve --explain` found. Names are escaped for Markdown tables. The same data gives
/// the same bytes. Headings and labels come from `Labels` (English by default).
public enum MarkdownReport {
    /// At most this many rows of remaining shortage (the largest) and of schools worse off; the
    /// HTML report has them all.
    public static let limitRows = 15

    public static func render(_ data: ReportData, labels l: Labels = .english) -> String {
        let h = data.headline
        let m = Format.markdown
        var out: [String] = []
        out.append(l("# Plan report: {0}", m(h.scenarioName.isEmpty ? l("redeployment plan") : h.scenarioName)))
        out.append("")
        var status = l("Status: **{0}**", m(h.status))
        if let gap = h.mipGap, gap > 0 { status += l(" (gap {0})", Format.percent(gap, 2)) }
        status += ". \(HTMLReport.policyText(data.instance, l))"
        out.append(status)
        if !h.violations.isEmpty {
            out.append("")
            out.append((h.violations.count == 1 ? l("**Warning: this plan breaks 1 rule of the scenario**, e.g. {0}.", m(h.violations[0]))
                : l("**Warning: this plan breaks {0} rules of the scenario**, e.g. {1}.", h.violations.count, m(h.violations[0]))))
        }
        out.append("")
        out.append("| " + l("Figure") + " | " + l("Before") + " | " + l("After") + " |")
        out.append("|---|---:|---:|")
        out.append("| " + l("Weighted shortage") + " | \(Format.fixed(h.weightedShortageBefore)) | \(Format.fixed(h.weightedShortageAfter)) |")
        out.append("| " + l("Teachers short (FTE)") + " | \(Format.fte(h.shortageBefore)) | \(Format.fte(h.shortageAfter)) |")
        out.append("| " + l("Whole teachers short") + " | \(h.wholeTeachersShortBefore) | \(h.wholeTeachersShortAfter) |")
        out.append("| " + l("Schools short by 1+ teacher") + " | " + l("{0} of {1}", h.schoolsShortWholeBefore, h.schools)
            + " | " + l("{0} of {1}", h.schoolsShortWholeAfter, h.schools) + " |")
        out.append("| " + l("Schools short") + " | " + l("{0} of {1}", h.schoolsShortBefore, h.schools)
            + " | " + l("{0} of {1}", h.schoolsShortAfter, h.schools) + " |")
        out.append("| " + l("Payroll (teachers)") + " | \(h.payrollBefore) | \(Format.count(h.payrollAfter)) |")
        out.append("")
        out.append(l("Short: a school's shortage summed over its subjects; by 1+ teacher: 1 FTE or more. The other schools short "
            + "are short by a fraction of a teacher. Whole teachers: each school's shortage rounded down, added up."))
        out.append("")
        out.append("| " + l("Moves") + " | " + l("Teachers") + " |")
        out.append("|---|---:|")
        out.append("| " + l("Transfers") + " | \(Format.count(h.transfers)) |")
        out.append("| " + l("Hires") + " | \(Format.count(h.hires)) |")
        out.append("| " + l("Releases") + " | \(Format.count(h.releases)) |")
        out.append("")
        out.append((h.teacherKm > 0 ? l("Cost: {0}; {1} teacher-km travelled.", Format.fixed(h.cost), Format.fixed(h.teacherKm, 0))
            : l("Cost: {0}.", Format.fixed(h.cost))) + " " + l("The payroll allows at most {0} teachers after the plan.", h.payrollCap))
        out.append("")
        out += MarkdownFindings.worseOff(data, l, rows: limitRows)

        out.append(l("## Teachers per class"))
        out.append("")
        out.append("| " + [l("Level"), l("Schools"), l("Classes"), l("Before"), l("After"), l("Norm")].joined(separator: " | ") + " |")
        out.append("|---|---:|---:|---:|---:|---:|")
        for row in data.ratios where row.area == nil && row.classes > 0 {
            out.append("| \(m(row.level)) | \(row.schools) | \(row.classes) | \(Charts.fmt(row.before)) | \(Charts.fmt(row.after)) | \(Charts.fmt(row.norm)) |")
        }
        out.append("")

        var bySubject: [String: (transfers: Double, hires: Double, releases: Double)] = [:]
        for a in data.plan.actions {
            var entry = bySubject[a.subject] ?? (0, 0, 0)
            switch a.kind {
            case .transfer: entry.transfers += a.teachers
            case .hire: entry.hires += a.teachers
            case .release: entry.releases += a.teachers
            case .retrain: break  // a horizon's rows: tabled by the horizon report
            }
            bySubject[a.subject] = entry
        }
        if !bySubject.isEmpty {
            out.append(l("## Moves by subject"))
            out.append("")
            out.append("| " + [l("Subject"), l("Transfers"), l("Hires"), l("Releases")].joined(separator: " | ") + " |")
            out.append("|---|---:|---:|---:|")
            let order = data.instance.subjects.filter { bySubject[$0] != nil } + bySubject.keys.filter { data.instance.subjectIndex[$0] == nil }.sorted()
            for subject in order {
                let e = bySubject[subject]!
                out.append("| \(m(subject)) | \(Format.count(e.transfers)) | \(Format.count(e.hires)) | \(Format.count(e.releases)) |")
            }
            out.append("")
        }
        out += MarkdownFindings.limits(data, l, rows: limitRows)
        out += MarkdownFindings.explanation(data, l)
        return out.joined(separator: "\n")
    }
}
