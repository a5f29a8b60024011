import Foundation
import RedeployDomain
import ScenarioIO

/// One self-contained HTML page: no scripts, no external assets (charts and map are inline
/// SVG drawn here, fonts are the system's; the map's filters are CSS), UTF-8, with print styles.
/// Every text that comes from the scenario (names, areas, subjects) is escaped. The same data
/// gives the same bytes. Headings and labels come from `Labels` (English by default).
///
/// Sections (ids), in this order: `headline`; `map` (schools from lat/lon inside their areas'
/// outlines, transfers as arrows coloured by level, filters by subject, level and area);
/// `worse-off` (schools shorter after the plan, and why); `ratios` (teachers per class against
/// the norm, one bar chart per level); `shortage` (area x subject heat tables, before and after);
/// `limits` (what still limits the plan, grouped and ranked); `explanation` (what `solve
/// --explain` found, when it ran); `transfers` (grouped by receiving school, then releases).
public enum HTMLReport {
    public static func render(_ data: ReportData, labels l: Labels = .english) -> String {
        var page = HTMLPage()
        let h = data.headline
        let title = h.scenarioName.isEmpty ? l("Redeployment plan") : h.scenarioName
        page.begin(title: title, kind: l("plan report"), style: style + PlanMap.filterStyle(data), language: l.htmlLanguage)
        page.line("<p class=\"sub\">" + l("Teacher redeployment plan · status <b>{0}</b>{1} · {2} schools · {3} subjects",
                                             e(h.status), gapText(h.mipGap, l), h.schools, data.instance.subjects.count) + "</p>")
        page.line("<p class=\"policy\">\(e(policyText(data.instance, l)))</p>")
        var links = [("headline", l("Headline")), ("map", l("Map")), ("worse-off", l("Worse off")),
                     ("ratios", l("Teachers per class")), ("shortage", l("Shortage")), ("limits", l("What still limits the plan"))]
        if data.explanation != nil { links.append(("explanation", l("What would help"))) }
        links.append(("transfers", l("Transfers")))
        page.line("<nav>" + links.map { "<a href=\"#\($0.0)\">\($0.1)</a>" }.joined(separator: " · ") + "</nav>")
        page.line("</header>")
        if !h.violations.isEmpty {
            page.line("<div class=\"violations\" id=\"violations\"><b>"
                + (h.violations.count == 1 ? l("This plan breaks 1 rule of the scenario:") : l("This plan breaks {0} rules of the scenario:", h.violations.count))
                + "</b><ul>")
            for v in h.violations.prefix(50) { page.line("<li>\(e(v))</li>") }
            if h.violations.count > 50 { page.line("<li>" + l("… and {0} more", h.violations.count - 50) + "</li>") }
            page.line("</ul></div>")
        }
        headline(data, l, &page)
        PlanMap.section(data, l, &page)
        HTMLFindings.worseOff(data, l, &page)
        HTMLTables.ratios(data, l, &page)
        HTMLTables.shortage(data, l, &page)
        HTMLFindings.limits(data, l, &page)
        HTMLFindings.explanation(data, l, &page)
        HTMLTables.transfers(data, l, &page)
        page.line("<footer>" + l("Made by redeploy from the scenario, plan.csv and an independent check of the plan. "
            + "FTE: full-time teachers. Before: the staff if nothing is done (teachers minus leavers). Figures are rounded for reading; "
            + "the CSV and JSON outputs keep them exact.") + "</footer>")
        page.line("</body>")
        page.line("</html>")
        return page.text
    }

    static func e(_ s: String) -> String { Format.html(s) }

    static func gapText(_ gap: Double?, _ l: Labels = .english) -> String {
        guard let gap, gap > 0 else { return "" }
        return l(" (gap {0})", Format.percent(gap, 2))
    }

    static func policyText(_ instance: Instance, _ l: Labels = .english) -> String {
        let p = instance.policy
        var parts: [String] = []
        parts.append(p.payrollChange == 0 ? l("budget-neutral") : l("payroll change {0}", p.payrollChange))
        parts.append(p.hiring ? l("hiring allowed") : l("no hiring"))
        parts.append(p.sameLevel ? l("moves within a level") : l("moves across levels"))
        parts.append(p.transferScope == .area ? l("moves within an area") : l("moves across areas"))
        if let km = p.maxDistanceKm { parts.append(l("at most {0} km", Format.count(km))) }
        if let share = p.maxOutShare { parts.append(l("at most {0} of a school's teachers leave", Format.percent(share))) }
        parts.append(p.sharing ? l("teachers may be shared between schools") : l("whole teachers"))
        if !p.qualifications.isEmpty { parts.append(l("{0} extra qualifications", p.qualifications.count)) }
        return l("Policy: {0}.", parts.joined(separator: ", "))
    }

    // MARK: Headline

    static func headline(_ data: ReportData, _ l: Labels, _ page: inout HTMLPage) {
        let h = data.headline
        page.line("<section id=\"headline\">")
        page.line("<h2>" + l("Headline") + "</h2>")
        page.line("<div class=\"cards\">")
        func card(_ id: String, _ label: String, _ value: String, _ note: String) {
            page.line("<div class=\"card\" id=\"card-\(id)\"><div class=\"label\">\(e(label))</div><div class=\"value\">\(value)</div><div class=\"note\">\(note)</div></div>")
        }
        let change = Format.change(h.weightedShortageBefore, h.weightedShortageAfter).map { " (\($0))" } ?? ""
        card("weighted", l("Weighted shortage"), "\(Format.fixed(h.weightedShortageBefore)) → \(Format.fixed(h.weightedShortageAfter))",
             l("priority-weighted FTE") + change)
        card("shortage", l("Teachers short (FTE)"), "\(Format.fte(h.shortageBefore)) → \(Format.fte(h.shortageAfter))",
             l("of {0} FTE required; whole teachers {1} → {2}", Format.fte(h.required), h.wholeTeachersShortBefore, h.wholeTeachersShortAfter))
        card("schools", l("Schools short by 1+ teacher"), "\(h.schoolsShortWholeBefore) → \(h.schoolsShortWholeAfter)",
             l("{0} → {1} short at all, of {2} schools", h.schoolsShortBefore, h.schoolsShortAfter, h.schools))
        let worse = data.worseOff
        card("worse", l("Schools worse off"), String(worse.count),
             worse.isEmpty ? l("no school ends shorter than it started") : l("shorter after the plan: <a href=\"#worse-off\">which, and why</a>"))
        card("transfers", l("Transfers"), Format.count(h.transfers),
             h.teacherKm > 0 ? l("teachers moved, {0} teacher-km", Format.fixed(h.teacherKm, 0)) : l("teachers moved"))
        card("hires", l("Hires · releases"), "\(Format.count(h.hires)) · \(Format.count(h.releases))", l("new teachers · posts cut"))
        card("payroll", l("Payroll"), "\(h.payrollBefore) → \(Format.count(h.payrollAfter))", l("at most {0} allowed", h.payrollCap))
        card("cost", l("Cost"), Format.fixed(h.cost), l("moves, distance, hires and releases as the scenario prices them"))
        page.line("</div>")
        page.line("<p class=\"define\" id=\"short-defined\">" + l("<b>Short</b>: a school's shortage, summed over its subjects, "
            + "after what qualified teachers can cover. <b>Short by 1+ teacher</b>: 1 FTE or more, a gap a whole teacher would fill; "
            + "the other schools short are short by a fraction of a teacher, which whole teachers cannot fill unless they are shared "
            + "between schools (sharing: true). <b>Whole teachers</b>: each school's shortage rounded down, added up.") + "</p>")
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
        .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(220px, 1fr)); gap: 12px; }
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
        .swatch.area { background: #e6edf5; border: 1px solid #aab6c3; }
        .map-filter { display: flex; flex-wrap: wrap; gap: 6px 16px; align-items: center; font-size: .9em; margin: 0 0 8px; }
        .map-filter select { font: inherit; padding: 3px 4px; max-width: 100%; }
        .map-filter .hint { flex-basis: 100%; color: var(--muted); font-size: .85em; }
        svg.map circle.school { transform-box: fill-box; transform-origin: center; }
        svg.map .move:hover .transfer { stroke-opacity: 1; stroke-width: 3.5; }
        .define { font-size: .85em; color: var(--muted); margin: 10px 0 0; }
        .flag { border-left: 4px solid #b2182b; padding-left: 10px; }
        .worse-off .meta, .worse-off td:nth-child(4) { font-size: .92em; color: var(--muted); }
        .worse-off td:nth-child(4) { min-width: 240px; }
        .limits-groups td.kind { max-width: 300px; background: #fafbfc; }
        details.limits-detail summary { cursor: pointer; color: #1f5f99; margin: 6px 0; }
        @media (max-width: 600px) {
          body { padding: 14px; }
          svg.map .area-label { font-size: 30px; stroke-width: 7px; }
          svg.map circle.school { transform: scale(1.7); }
          svg.map .transfer { stroke-width: 3.2px; }
          svg.map .scale text { font-size: 26px; }
          .map-filter label { flex: 1 1 100%; display: flex; justify-content: space-between; gap: 8px; }
          .map-filter select { flex: 0 1 60%; }
          table.narrow-cards, .narrow-cards tbody, .narrow-cards tr, .narrow-cards td { display: block; width: auto; max-width: none; min-width: 0; }
          .narrow-cards thead { display: none; }
          .narrow-cards tr { border-top: 1px solid var(--line); padding: 6px 0; }
          .narrow-cards td { border: none; text-align: left; padding: 1px 2px; background: none; }
          .narrow-cards td.name, .narrow-cards td.kind { font-weight: 600; }
          .narrow-cards td[data-label]::before { content: attr(data-label) ": "; color: var(--muted); }
        }
        footer { margin-top: 40px; font-size: .8em; border-top: 1px solid var(--line); padding-top: 8px; }
        @media print {
          @page { size: A4; margin: 12mm; }
          body { max-width: none; padding: 0; font-size: 10pt; }
          nav, .map-filter { display: none; }
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
    mutating func begin(title: String, kind: String, style: String, language: String = "en") {
        line("<!DOCTYPE html>")
        line("<html lang=\"\(language)\">")
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
