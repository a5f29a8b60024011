import Foundation

/// A short Markdown summary to paste into a written report: the headline figures, teachers
/// per class by level, the moves by subject, and what still limits the plan. Names are
/// escaped for Markdown tables. The same data gives the same bytes.
public enum MarkdownReport {
    /// At most this many rows of remaining shortage (the largest); the HTML report has them all.
    public static let limitRows = 15

    public static func render(_ data: ReportData) -> String {
        let h = data.headline
        let m = Format.markdown
        var out: [String] = []
        out.append("# Plan report: \(m(h.scenarioName.isEmpty ? "redeployment plan" : h.scenarioName))")
        out.append("")
        var status = "Status: **\(m(h.status))**"
        if let gap = h.mipGap, gap > 0 { status += " (gap \(Format.percent(gap, 2)))" }
        status += ". \(HTMLReport.policyText(data.instance))"
        out.append(status)
        if !h.violations.isEmpty {
            out.append("")
            out.append("**Warning: this plan breaks \(h.violations.count) rule\(h.violations.count == 1 ? "" : "s") of the scenario**, e.g. \(m(h.violations[0])).")
        }
        out.append("")
        out.append("| Figure | Before | After |")
        out.append("|---|---:|---:|")
        out.append("| Weighted shortage | \(Format.fixed(h.weightedShortageBefore)) | \(Format.fixed(h.weightedShortageAfter)) |")
        out.append("| Teachers short (FTE) | \(Format.fte(h.shortageBefore)) | \(Format.fte(h.shortageAfter)) |")
        out.append("| Schools short | \(h.schoolsShortBefore) of \(h.schools) | \(h.schoolsShortAfter) of \(h.schools) |")
        out.append("| Payroll (teachers) | \(h.payrollBefore) | \(Format.count(h.payrollAfter)) |")
        out.append("")
        out.append("| Moves | Teachers |")
        out.append("|---|---:|")
        out.append("| Transfers | \(Format.count(h.transfers)) |")
        out.append("| Hires | \(Format.count(h.hires)) |")
        out.append("| Releases | \(Format.count(h.releases)) |")
        out.append("")
        out.append("Cost: \(Format.fixed(h.cost))\(h.teacherKm > 0 ? "; \(Format.fixed(h.teacherKm, 0)) teacher-km travelled" : ""). "
            + "The payroll allows at most \(h.payrollCap) teachers after the plan.")
        out.append("")

        out.append("## Teachers per class")
        out.append("")
        out.append("| Level | Schools | Classes | Before | After | Norm |")
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
            out.append("## Moves by subject")
            out.append("")
            out.append("| Subject | Transfers | Hires | Releases |")
            out.append("|---|---:|---:|---:|")
            let order = data.instance.subjects.filter { bySubject[$0] != nil } + bySubject.keys.filter { data.instance.subjectIndex[$0] == nil }.sorted()
            for subject in order {
                let e = bySubject[subject]!
                out.append("| \(m(subject)) | \(Format.count(e.transfers)) | \(Format.count(e.hires)) | \(Format.count(e.releases)) |")
            }
            out.append("")
        }

        out.append("## What still limits the plan")
        out.append("")
        for line in data.limits.overview { out.append("- \(m(line))") }
        let groups = data.limits.groups
        if !groups.isEmpty {
            out.append("")
            out.append("| Area | Subject | Short before | Short after | Why |")
            out.append("|---|---|---:|---:|---|")
            for g in groups.prefix(limitRows) {
                out.append("| \(m(g.area)) | \(m(g.subject)) | \(Format.fte(g.shortageBefore)) | \(Format.fte(g.shortageAfter)) | \(m(g.explanation)) |")
            }
            if groups.count > limitRows {
                let rest = groups.dropFirst(limitRows).reduce(0) { $0 + $1.shortageAfter }
                out.append("")
                out.append("\(groups.count - limitRows) more area-subjects, \(Format.fte(rest)) FTE in all, are listed in the HTML report.")
            }
        }
        out.append("")
        return out.joined(separator: "\n")
    }
}
