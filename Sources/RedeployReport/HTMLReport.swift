import Foundation
import RedeployDomain

/// One self-contained HTML page: no scripts, no external assets (charts and map are inline
/// SVG drawn here, fonts are the system's), UTF-8, with print styles. Every text that comes
/// from the scenario (names, areas, subjects) is escaped. The same data gives the same bytes.
///
/// Sections (ids), in this order: `headline`; `map` (schools from lat/lon, transfers as arrows
/// coloured by subject); `ratios` (teachers per class against the norm, one bar chart per
/// level); `shortage` (area x subject heat tables, before and after); `limits` (what still
/// limits the plan); `transfers` (grouped by receiving school, then releases).
public enum HTMLReport {
    public static func render(_ data: ReportData) -> String {
        var page = HTMLPage()
        let h = data.headline
        let title = h.scenarioName.isEmpty ? "Redeployment plan" : h.scenarioName
        page.begin(title: title, kind: "plan report", style: style)
        page.line("<p class=\"sub\">Teacher redeployment plan · status <b>\(e(h.status))</b>\(gapText(h.mipGap)) · \(h.schools) schools · \(data.instance.subjects.count) subjects</p>")
        page.line("<p class=\"policy\">\(e(policyText(data.instance)))</p>")
        page.line("<nav><a href=\"#headline\">Headline</a> · <a href=\"#map\">Map</a> · <a href=\"#ratios\">Teachers per class</a> · <a href=\"#shortage\">Shortage</a> · <a href=\"#limits\">What still limits the plan</a> · <a href=\"#transfers\">Transfers</a></nav>")
        page.line("</header>")
        if !h.violations.isEmpty {
            page.line("<div class=\"violations\" id=\"violations\"><b>This plan breaks \(h.violations.count) rule\(h.violations.count == 1 ? "" : "s") of the scenario:</b><ul>")
            for v in h.violations.prefix(50) { page.line("<li>\(e(v))</li>") }
            if h.violations.count > 50 { page.line("<li>… and \(h.violations.count - 50) more</li>") }
            page.line("</ul></div>")
        }
        headline(data, &page)
        MapSVG.section(data, &page)
        ratios(data, &page)
        shortage(data, &page)
        limits(data, &page)
        transfers(data, &page)
        page.line("<footer>Made by redeploy from the scenario, plan.csv and an independent check of the plan. "
            + "FTE: full-time teachers. Before: the staff if nothing is done (teachers minus leavers). Figures are rounded for reading; "
            + "the CSV and JSON outputs keep them exact.</footer>")
        page.line("</body>")
        page.line("</html>")
        return page.text
    }

    static func e(_ s: String) -> String { Format.html(s) }

    static func gapText(_ gap: Double?) -> String {
        guard let gap, gap > 0 else { return "" }
        return " (gap \(Format.percent(gap, 2)))"
    }

    static func policyText(_ instance: Instance) -> String {
        let p = instance.policy
        var parts: [String] = []
        parts.append(p.payrollChange == 0 ? "budget-neutral" : "payroll change \(p.payrollChange)")
        parts.append(p.hiring ? "hiring allowed" : "no hiring")
        parts.append(p.sameLevel ? "moves within a level" : "moves across levels")
        parts.append(p.transferScope == .area ? "moves within an area" : "moves across areas")
        if let km = p.maxDistanceKm { parts.append("at most \(Format.count(km)) km") }
        if let share = p.maxOutShare { parts.append("at most \(Format.percent(share)) of a school's teachers leave") }
        parts.append(p.sharing ? "teachers may be shared between schools" : "whole teachers")
        if !p.qualifications.isEmpty { parts.append("\(p.qualifications.count) extra qualifications") }
        return "Policy: " + parts.joined(separator: ", ") + "."
    }

    // MARK: Headline

    static func headline(_ data: ReportData, _ page: inout HTMLPage) {
        let h = data.headline
        page.line("<section id=\"headline\">")
        page.line("<h2>Headline</h2>")
        page.line("<div class=\"cards\">")
        func card(_ id: String, _ label: String, _ value: String, _ note: String) {
            page.line("<div class=\"card\" id=\"card-\(id)\"><div class=\"label\">\(e(label))</div><div class=\"value\">\(value)</div><div class=\"note\">\(note)</div></div>")
        }
        let change = Format.change(h.weightedShortageBefore, h.weightedShortageAfter).map { " (\($0))" } ?? ""
        card("weighted", "Weighted shortage", "\(Format.fixed(h.weightedShortageBefore)) → \(Format.fixed(h.weightedShortageAfter))",
             "priority-weighted FTE\(change)")
        card("shortage", "Teachers short (FTE)", "\(Format.fte(h.shortageBefore)) → \(Format.fte(h.shortageAfter))",
             "of \(Format.fte(h.required)) FTE required")
        card("schools", "Schools short", "\(h.schoolsShortBefore) → \(h.schoolsShortAfter)", "of \(h.schools) schools")
        card("transfers", "Transfers", Format.count(h.transfers),
             h.teacherKm > 0 ? "teachers moved, \(Format.fixed(h.teacherKm, 0)) teacher-km" : "teachers moved")
        card("hires", "Hires · releases", "\(Format.count(h.hires)) · \(Format.count(h.releases))", "new teachers · posts cut")
        card("payroll", "Payroll", "\(h.payrollBefore) → \(Format.count(h.payrollAfter))", "at most \(h.payrollCap) allowed")
        card("cost", "Cost", Format.fixed(h.cost), "moves, distance, hires and releases as the scenario prices them")
        page.line("</div>")
        page.line("</section>")
    }

    // MARK: Teachers per class

    static func ratios(_ data: ReportData, _ page: inout HTMLPage) {
        page.line("<section id=\"ratios\">")
        page.line("<h2>Teachers per class, before and after, against the norm</h2>")
        page.line("<p class=\"legend\"><span class=\"swatch\" style=\"background:\(Palette.before)\"></span> before "
            + "<span class=\"swatch\" style=\"background:\(Palette.after)\"></span> after "
            + "<span class=\"swatch tick\" style=\"background:\(Palette.norm)\"></span> norm (required FTE per class)</p>")
        for level in data.levels {
            let rows = data.ratios.filter { $0.level == level && $0.classes > 0 }
            guard !rows.isEmpty else { continue }
            page.line("<figure class=\"figure\">")
            page.line("<figcaption>\(e(level))</figcaption>")
            page.line(Charts.ratioChart(level: level, rows: rows))
            page.line("</figure>")
        }
        page.line("</section>")
    }

    // MARK: Shortage heat tables

    static func shortage(_ data: ReportData, _ page: inout HTMLPage) {
        page.line("<section id=\"shortage\">")
        page.line("<h2>Shortage by area and subject (FTE)</h2>")
        let maxCell = data.shortageCells.reduce(0.0) { max($0, $1.before, $1.after) }
        page.line("<p class=\"legend\">Colour: teachers short in that area and subject, on the same scale before and after "
            + "(square-root scale, darkest = \(Format.fte(maxCell)) FTE). Empty: no shortage.</p>")
        for (id, title, value) in [("heat-before", "Before the plan", \ReportData.ShortageCell.before),
                                   ("heat-after", "After the plan", \ReportData.ShortageCell.after)] {
            page.line("<figure class=\"figure\">")
            page.line("<figcaption>\(title)</figcaption>")
            page.line("<div class=\"scroll\"><table class=\"heat\" id=\"\(id)\">")
            page.line("<thead><tr><th class=\"text\">Subject</th>" + data.areas.map { "<th>\(e($0))</th>" }.joined() + "<th>Total</th></tr></thead>")
            page.line("<tbody>")
            var columnTotals = [Double](repeating: 0, count: data.areas.count)
            for subject in data.shortageSubjects {
                var row = "<tr><th class=\"text\">\(e(subject))</th>"
                var total = 0.0
                for (k, area) in data.areas.enumerated() {
                    let cell = data.shortageCells.first { $0.area == area && $0.subject == subject }
                    let x = cell?[keyPath: value] ?? 0
                    total += x
                    columnTotals[k] += x
                    row += heatCell(x, max: maxCell, title: "\(subject), \(area)")
                }
                row += "<td class=\"total\">\(total > 1e-6 ? Format.fte(total) : "")</td></tr>"
                page.line(row)
            }
            page.line("</tbody>")
            let all = columnTotals.reduce(0, +)
            page.line("<tfoot><tr><th class=\"text\">Total</th>" + columnTotals.map { "<td class=\"total\">\($0 > 1e-6 ? Format.fte($0) : "")</td>" }.joined()
                + "<td class=\"total\">\(Format.fte(all))</td></tr></tfoot>")
            page.line("</table></div>")
            page.line("</figure>")
        }
        page.line("</section>")
    }

    static func heatCell(_ x: Double, max: Double, title: String) -> String {
        guard x > 1e-6 else { return "<td class=\"h0\"></td>" }
        // Square-root scale: a few large cells would otherwise wash out all the others.
        let t = max > 0 ? min(1, (x / max).squareRoot()) : 0
        let colour = Palette.heat(t)
        let ink = t > 0.6 ? "#fff" : "#1b1f24"
        let shown = x < 0.05 ? "&lt;0.1" : Format.fte(x)
        return "<td style=\"background:\(colour);color:\(ink)\" title=\"\(e(title)): \(Format.fixed(x, 2)) FTE\">\(shown)</td>"
    }

    // MARK: Transfers by receiving school

    static func transfers(_ data: ReportData, _ page: inout HTMLPage) {
        let instance = data.instance
        page.line("<section id=\"transfers\">")
        page.line("<h2>Transfers and hires by receiving school</h2>")
        if data.arrivalGroups.isEmpty {
            page.line("<p>The plan moves and hires no one.</p>")
        }
        for group in data.arrivalGroups {
            let school = instance.schools[group.school]
            let summary = data.schoolSummaries[group.school]
            let received = group.arrivals.filter { $0.kind == .transfer }.reduce(0) { $0 + $1.teachers }
            let hired = group.arrivals.filter { $0.kind == .hire }.reduce(0) { $0 + $1.teachers }
            var counts: [String] = []
            if received > 0 { counts.append("receives \(Format.count(received))") }
            if hired > 0 { counts.append("hires \(Format.count(hired))") }
            if summary.sent > 0 { counts.append("sends \(Format.count(summary.sent))") }
            if summary.released > 0 { counts.append("releases \(Format.count(summary.released))") }
            page.line("<div class=\"group\" id=\"to-\(e(anchor(school.id)))\">")
            page.line("<h3>\(e(data.schoolName(group.school)))</h3>")
            page.line("<p class=\"meta\">\(e(school.area)) · \(e(school.level)) · \(school.classes) classes · \(counts.joined(separator: ", ")) · "
                + "short \(Format.fte(summary.shortageBefore)) → \(Format.fte(summary.shortageAfter)) FTE</p>")
            page.line("<table class=\"moves\"><thead><tr><th class=\"text\">Subject</th><th class=\"text\">From</th><th>Teachers</th><th>km</th><th class=\"text\">Covers (shortage here before → after)</th></tr></thead><tbody>")
            for arrival in group.arrivals {
                let from = arrival.kind == .hire ? "<i>new hire</i>" : arrival.from.map { e(data.schoolName($0)) } ?? ""
                let covers = arrival.covers.map { c -> String in
                    if c.shortageBefore <= 1e-6 { return "\(e(c.subject)): no gap before" }
                    return "\(e(c.subject)): \(Format.fte(c.shortageBefore)) → \(Format.fte(c.shortageAfter))"
                }.joined(separator: "; ")
                page.line("<tr class=\"\(arrival.kind.rawValue)\"><td class=\"text\"><span class=\"dot\" style=\"background:\(Palette.subject(arrival.subject, in: data))\"></span>\(e(arrival.subject))</td>"
                    + "<td class=\"text\">\(from)</td><td>\(Format.count(arrival.teachers))</td><td>\(arrival.km.map { Format.fixed($0, 1) } ?? "")</td>"
                    + "<td class=\"text\">\(covers)</td></tr>")
            }
            page.line("</tbody></table>")
            page.line("</div>")
        }
        if !data.releases.isEmpty {
            page.line("<h3 id=\"releases\">Releases (posts cut)</h3>")
            page.line("<table class=\"moves\"><thead><tr><th class=\"text\">School</th><th class=\"text\">Subject</th><th>Teachers</th><th>Spare before</th></tr></thead><tbody>")
            for r in data.releases {
                page.line("<tr class=\"release\"><td class=\"text\">\(e(data.schoolName(r.school)))</td><td class=\"text\">\(e(r.subject))</td>"
                    + "<td>\(Format.count(r.teachers))</td><td>\(Format.fte(r.surplusBefore))</td></tr>")
            }
            page.line("</tbody></table>")
        }
        page.line("</section>")
    }

    /// An id fragment: letters, digits, - and _ kept, anything else as -.
    static func anchor(_ s: String) -> String {
        String(s.unicodeScalars.map { c -> Character in
            (c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "-" || c == "_") ? Character(c) : "-"
        })
    }

    // MARK: Limits

    static func limits(_ data: ReportData, _ page: inout HTMLPage) {
        let limits = data.limits
        page.line("<section id=\"limits\">")
        page.line("<h2>What still limits the plan</h2>")
        page.line("<ul class=\"overview\">")
        for line in limits.overview { page.line("<li>\(e(line))</li>") }
        page.line("</ul>")
        if !limits.groups.isEmpty {
            page.line("<p>Where shortage remains, and what keeps spare teachers from it (spare: more than their own school needs, after the plan):</p>")
            page.line("<div class=\"scroll\"><table class=\"limits\"><thead><tr><th class=\"text\">Area</th><th class=\"text\">Subject</th><th>Short before</th><th>Short after</th><th>Schools</th><th class=\"text\">Why</th></tr></thead><tbody>")
            for g in limits.groups {
                page.line("<tr><td class=\"text\">\(e(g.area))</td><td class=\"text\">\(e(g.subject))</td><td>\(Format.fte(g.shortageBefore))</td>"
                    + "<td>\(Format.fte(g.shortageAfter))</td><td>\(g.schools)</td><td class=\"text why\">\(e(g.explanation))</td></tr>")
            }
            page.line("</tbody></table></div>")
        }
        page.line("</section>")
    }

    // MARK: Style

    static let style = """

        :root { --ink: #1b1f24; --muted: #5b6570; --line: #d5dbe1; }
        * { box-sizing: border-box; }
        body { font-family: "Noto Sans", "DejaVu Sans", "Segoe UI", "Helvetica Neue", Arial, sans-serif; color: var(--ink);
               margin: 0 auto; max-width: 1120px; padding: 24px; line-height: 1.45; font-size: 15px; background: #fff; }
        h1 { font-size: 1.7em; margin: 0 0 .2em; }
        h2 { font-size: 1.3em; margin: 0 0 .5em; border-bottom: 2px solid var(--ink); padding-bottom: .15em; }
        h3 { font-size: 1.05em; margin: 1em 0 .2em; }
        .sub, .policy, .meta, .note, .legend, footer, figcaption { color: var(--muted); }
        .policy { font-size: .9em; margin-top: 0; }
        nav { font-size: .9em; margin: .6em 0 0; }
        nav a { color: #1f5f99; }
        section { margin-top: 32px; }
        .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(200px, 1fr)); gap: 12px; }
        .card { border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px; }
        .card .label { font-size: .85em; color: var(--muted); }
        .card .value { font-size: 1.45em; font-weight: 700; white-space: nowrap; }
        .card .note { font-size: .8em; }
        figure { margin: 0 0 18px; }
        figcaption { font-weight: 600; margin-bottom: 4px; }
        svg { display: block; max-width: 100%; height: auto; }
        svg.map { width: 100%; }
        svg text { font-family: inherit; }
        .swatch { display: inline-block; width: 14px; height: 10px; margin: 0 4px 0 12px; vertical-align: middle; border-radius: 2px; }
        .swatch.tick { width: 3px; height: 14px; }
        .dot { display: inline-block; width: 9px; height: 9px; border-radius: 50%; margin-right: 6px; }
        .scroll { overflow-x: auto; }
        table { border-collapse: collapse; font-size: .82em; margin: 4px 0 8px; }
        th, td { border: 1px solid var(--line); padding: 3px 7px; text-align: right; vertical-align: top; }
        th { background: #f3f5f7; font-weight: 600; }
        .text { text-align: left; }
        .heat td { min-width: 3.2em; font-variant-numeric: tabular-nums; }
        .heat .total { font-weight: 600; background: #f8f9fa; }
        .moves { width: 100%; }
        .moves td:nth-child(5) { color: var(--muted); }
        tr.hire td:first-child { font-style: italic; }
        .group { break-inside: avoid; }
        .limits .why { max-width: 520px; }
        .overview li { margin-bottom: .35em; }
        .violations { border: 2px solid #b2182b; background: #fdf0f0; padding: 8px 14px; margin-top: 16px; border-radius: 6px; }
        .map-legend { font-size: .85em; color: var(--muted); }
        .map-legend span.item { white-space: nowrap; margin-right: 10px; }
        footer { margin-top: 40px; font-size: .8em; border-top: 1px solid var(--line); padding-top: 8px; }
        @media print {
          @page { size: A4; margin: 12mm; }
          body { max-width: none; padding: 0; font-size: 10pt; }
          nav { display: none; }
          * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
          .figure, .card, tr { break-inside: avoid; }
          h2, h3 { break-after: avoid; }
          #ratios, #limits, #transfers { break-before: page; }
          .scroll { overflow: visible; }
          a { color: inherit; text-decoration: none; }
        }

        """
}

/// The page being written, line by line.
struct HTMLPage {
    private(set) var text = ""
    mutating func line(_ s: String) {
        text += s
        text += "\n"
    }

    /// The page's head and the start of its header, up to the `<h1>` title, for the one-year and
    /// the horizon report alike: `title` (escaped here), then " — " and `kind` in the window's title.
    mutating func begin(title: String, kind: String, style: String) {
        line("<!DOCTYPE html>")
        line("<html lang=\"en\">")
        line("<head>")
        line("<meta charset=\"utf-8\">")
        line("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        line("<meta name=\"generator\" content=\"redeploy\">")
        line("<title>\(Format.html(title)) — \(kind)</title>")
        line("<style>\(style)</style>")
        line("</head>")
        line("<body>")
        line("<header>")
        line("<h1>\(Format.html(title))</h1>")
    }
}
