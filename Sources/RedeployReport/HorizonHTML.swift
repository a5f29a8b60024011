import Foundation
import ScenarioIO
import RedeployDomain

/// The HTML report of a horizon: one self-contained page like the one-year `HTMLReport` (its
/// styles, escaping and chart helpers; no scripts, no external assets, prints on A4), setting
/// the optimum over all the years against the myopic plan. The same data gives the same bytes.
///
/// Sections (ids), in this order: `headline`; `timeline` (payroll against its cap, cost, and
/// weighted shortage by level, year by year); `gains` (W and C year by year and in total, with
/// what planning ahead gains); `maps` (one small map per year of the optimum; the myopic plan's
/// in a `<details>`); `years` (each plan's figures year by year, W by level); `retraining`
/// (retraining, when a plan retrains anyone); `decisions` (the decision lists by authority, when
/// the plan names its teachers: `DecisionListsRender`).
enum HorizonHTML {
    static func render(_ data: HorizonReportData) -> String {
        var page = HTMLPage()
        let e = Format.html
        let l = data.labels
        page.begin(title: data.title, kind: l("horizon report"),
                   style: HTMLReport.style + style + (data.decisions == nil ? "" : DecisionListsRender.style), language: l.htmlLanguage)
        let years = data.yearCount == 1 ? l("one year") : l("{0} years", data.yearCount)
        page.line("<p class=\"sub\">" + l("Teacher redeployment over {0}{1} · optimum <b>{2}</b>{3} · myopic <b>{4}</b> · {5} schools · {6} subjects",
                                             e(data.span), data.instance.hasHorizon ? " (\(years))" : "", e(data.optimum.status),
                                             HTMLReport.gapText(data.optimum.mipGap, l), e(data.myopic.status), data.instance.schools.count,
                                             data.instance.subjects.count) + "</p>")
        page.line("<p class=\"policy\">\(e(HTMLReport.policyText(data.instance.transfers, l)))</p>")
        page.line("<p class=\"policy\">" + l("The optimum is planned over all the years at once; the myopic plan one year at a time, each year "
            + "at its best from what the years before left, blind to the years after. Both are checked independently.") + "</p>")
        page.line("<nav><a href=\"#headline\">" + l("Headline") + "</a> · <a href=\"#timeline\">" + l("Timeline") + "</a> · <a href=\"#gains\">"
            + l("What planning ahead gains") + "</a> · <a href=\"#maps\">" + l("Maps by year") + "</a> · <a href=\"#years\">" + l("Year by year") + "</a>"
            + (HorizonTables.retraining(data) == nil ? "" : " · <a href=\"#retraining\">" + l("Retraining") + "</a>")
            + (data.decisions == nil ? "" : " · <a href=\"#decisions\">\(DecisionListsRender.title(l))</a>") + "</nav>")
        page.line("</header>")
        violations(data, &page)
        headline(data, &page)
        timeline(data, &page)
        page.line("<section id=\"gains\">")
        page.line("<h2>" + l("What planning over the whole horizon gains") + "</h2>")
        table(HorizonTables.totals(data), &page)
        table(HorizonTables.gains(data), &page)
        page.line("</section>")
        maps(data, &page)
        page.line("<section id=\"years\">")
        page.line("<h2>" + l("Year by year") + "</h2>")
        table(HorizonTables.year(data.optimum, data), &page)
        table(HorizonTables.year(data.myopic, data), &page)
        table(HorizonTables.byLevel(data), &page)
        page.line("</section>")
        if let courses = HorizonTables.retraining(data) {
            page.line("<section id=\"retraining\">")
            page.line("<h2>" + l("Retraining") + "</h2>")
            table(courses, &page, heading: false)
            page.line("</section>")
        }
        if let decisions = data.decisions { DecisionListsRender.html(decisions, &page) }
        page.line("<footer>" + l("Made by redeploy from the scenario and the two plans, each checked year by year by an independent "
            + "checker. W0: the weighted shortage if nothing is done (teachers minus leavers, year after year). FTE: full-time "
            + "teachers. Figures are rounded for reading; the CSV and JSON outputs keep them exact.") + "</footer>")
        page.line("</body>")
        page.line("</html>")
        return page.text
    }

    static func violations(_ data: HorizonReportData, _ page: inout HTMLPage) {
        for side in data.sides where !side.violations.isEmpty {
            let count = side.violations.count, l = data.labels
            page.line("<div class=\"violations\" id=\"violations-\(side.key)\"><b>" + breaks(side, l) + ":</b><ul>")
            for v in side.violations.prefix(50) { page.line("<li>\(Format.html(v))</li>") }
            if count > 50 { page.line("<li>" + l("… and {0} more", count - 50) + "</li>") }
            page.line("</ul></div>")
        }
    }

    /// "The optimum plan breaks 2 rules of the scenario", for the page and the Markdown summary.
    static func breaks(_ side: HorizonReportData.Side, _ l: Labels) -> String {
        let plan = side.key == "optimum" ? l("The optimum plan") : l("The myopic plan")
        return side.violations.count == 1 ? l("{0} breaks 1 rule of the scenario", plan)
            : l("{0} breaks {1} rules of the scenario", plan, side.violations.count)
    }

    // MARK: Headline

    static func headline(_ data: HorizonReportData, _ page: inout HTMLPage) {
        let (o, m) = (data.optimum.report, data.myopic.report)
        let l = data.labels
        page.line("<section id=\"headline\">")
        page.line("<h2>" + l("Headline") + "</h2>")
        page.line("<div class=\"cards\">")
        func card(_ id: String, _ label: String, _ value: String, _ note: String) {
            page.line("<div class=\"card\" id=\"card-\(id)\"><div class=\"label\">\(Format.html(label))</div><div class=\"value\">\(value)</div>"
                + "<div class=\"note\">\(note)</div></div>")
        }
        func versus(_ optimum: Double, _ myopic: Double, _ show: (Double) -> String, more: String, less: String) -> String {
            let difference = myopic - optimum
            let same = show(abs(difference)) == show(0)
            return l("myopic: {0}", show(myopic)) + (same ? l(" (the same)") : difference > 0 ? " (\(show(difference)) \(more))" : " (\(show(-difference)) \(less))")
        }
        let w = HorizonTables.w
        card("weighted", data.weighted ? l("Weighted shortage, all years (weighted)") : l("Weighted shortage, all years"),
             "\(w(data.before.weightedShortage)) → \(w(o.weightedShortage))",
             versus(o.weightedShortage, m.weightedShortage, w, more: l("more short"), less: l("less short")))
        card("cost", l("Cost, all years"), w(o.cost), versus(o.cost, m.cost, w, more: l("more"), less: l("less")))
        card("transfers", l("Transfers"), Format.count(o.transfers), versus(o.transfers, m.transfers, Format.count, more: l("more"), less: l("fewer")))
        card("hires", l("Hires · releases"), "\(Format.count(o.hires)) · \(Format.count(o.releases))",
             l("myopic: {0}", "\(Format.count(m.hires)) · \(Format.count(m.releases))"))
        card("retrained", l("Retrained"), Format.count(o.retrained), versus(o.retrained, m.retrained, Format.count, more: l("more"), less: l("fewer")))
        let cap = data.instance.payrollCap.last.map(String.init) ?? ""
        card("payroll", l("Payroll"), "\(o.payrollBefore) → \(Format.count(o.payrollAfter))",
             l("at most {0} allowed in {1}", cap, Format.html(data.yearLabel(data.yearCount - 1))))
        page.line("</div>")
        page.line("</section>")
    }

    // MARK: Timeline

    static func timeline(_ data: HorizonReportData, _ page: inout HTMLPage) {
        let years = (0..<data.yearCount).map(data.yearLabel)
        let (o, m) = (data.optimum.years, data.myopic.years)
        let l = data.labels
        page.line("<section id=\"timeline\">")
        page.line("<h2>" + l("Timeline") + "</h2>")
        page.line(TimelineChart.legend([(.optimum, l("optimum (planned over all the years)")), (.myopic, l("myopic (one year at a time)")),
                                        (.nothing, l("if nothing is done")), (.cap, l("payroll cap"))]))
        page.line("<div class=\"pair-charts\">")
        page.line("<figure class=\"figure\" id=\"chart-payroll\">")
        page.line("<figcaption>" + l("Payroll against its cap (people, teachers in a course included)") + "</figcaption>")
        page.line(TimelineChart(label: l("Payroll against its cap, year by year"), years: years, series: [
            .init(name: l("Cap"), values: data.instance.payrollCap.map(Double.init), style: .cap),
            .init(name: l("Optimum"), values: o.map(\.payroll), style: .optimum),
            .init(name: l("Myopic"), values: m.map(\.payroll), style: .myopic),
        ], fromZero: false, className: "payroll-chart").svg())
        page.line("</figure>")
        page.line("<figure class=\"figure\" id=\"chart-cost\">")
        page.line("<figcaption>" + l("Cost of each year's actions") + "</figcaption>")
        page.line(TimelineChart(label: l("Cost, year by year"), years: years, series: [
            .init(name: l("Optimum"), values: o.map(\.cost), style: .optimum),
            .init(name: l("Myopic"), values: m.map(\.cost), style: .myopic),
        ], className: "cost-chart").svg())
        page.line("</figure>")
        page.line("</div>")
        page.line("<h3>" + l("Weighted shortage by school level (priority × FTE short, without the year's weight)") + "</h3>")
        page.line("<div class=\"panels\">")
        var panels: [(String, [Double], [Double], [Double])] = [
            (l("All levels"), data.before.years.map(\.weightedShortage), o.map(\.weightedShortage), m.map(\.weightedShortage)),
        ]
        if data.levels.count > 1 {
            for (k, level) in data.levels.enumerated() {
                panels.append((level, data.beforeByLevel[k], data.optimum.byLevel[k], data.myopic.byLevel[k]))
            }
        }
        for (k, panel) in panels.enumerated() {
            page.line("<figure class=\"figure\" id=\"chart-level-\(k)\">")
            page.line("<figcaption>\(Format.html(panel.0))</figcaption>")
            page.line(TimelineChart(label: l("Weighted shortage, {0}, year by year", panel.0), years: years, series: [
                .init(name: l("If nothing is done"), values: panel.1, style: .nothing),
                .init(name: l("Optimum"), values: panel.2, style: .optimum),
                .init(name: l("Myopic"), values: panel.3, style: .myopic),
            ], width: 360, height: 200, className: "level-chart").svg())
            page.line("</figure>")
        }
        page.line("</div>")
        page.line("</section>")
    }

    // MARK: Maps

    static func maps(_ data: HorizonReportData, _ page: inout HTMLPage) {
        let l = data.labels
        page.line("<section id=\"maps\">")
        page.line("<h2>" + l("Transfers and retraining, year by year") + "</h2>")
        guard let map = HorizonMap(data) else {
            page.line("<p>" + l("No school has coordinates (lat, lon in schools.csv): there are no maps to draw. "
                + "The tables below give each year's actions, and Retraining lists every course.") + "</p>")
            for side in data.sides { yearList(side, data, &page) }
            page.line("</section>")
            return
        }
        page.line("<p class=\"legend\">" + l("One map per year of the optimum, every map on the same scale; the myopic plan's maps follow, folded.") + "</p>")
        yearMaps(data.optimum, data, map, &page)
        page.line(map.legend())
        page.line("<details class=\"myopic-maps\">")
        page.line("<summary>" + l("The myopic plan's maps, year by year") + "</summary>")
        yearMaps(data.myopic, data, map, &page)
        page.line("</details>")
        page.line("</section>")
    }

    static func yearMaps(_ side: HorizonReportData.Side, _ data: HorizonReportData, _ map: HorizonMap, _ page: inout HTMLPage) {
        page.line("<div class=\"year-maps\" id=\"maps-\(side.key)\">")
        for y in 0..<data.yearCount {
            let drawing = map.svg(side, year: y)
            page.line("<figure class=\"figure year-panel\">")
            page.line(drawing.text)
            var caption = yearCaption(side, y, data)
            if drawing.undrawn > 0 { caption += " · " + data.labels("{0} not drawn (no coordinates)", drawing.undrawn) }
            page.line("<figcaption>\(caption)</figcaption>")
            page.line("</figure>")
        }
        page.line("</div>")
    }

    /// Without a map: each year's actions as one line.
    static func yearList(_ side: HorizonReportData.Side, _ data: HorizonReportData, _ page: inout HTMLPage) {
        page.line("<h3>\(data.labels(side.label))</h3>")
        page.line("<ul class=\"year-list\" id=\"years-list-\(side.key)\">")
        for y in 0..<data.yearCount {
            page.line("<li class=\"year-panel\">\(yearCaption(side, y, data))</li>")
        }
        page.line("</ul>")
    }

    /// "2025 (optimum): 3 transfers · 1 retrained · … · short 2.0 FTE left".
    static func yearCaption(_ side: HorizonReportData.Side, _ y: Int, _ data: HorizonReportData) -> String {
        let year = side.years[y], l = data.labels
        var parts: [String] = []
        func add(_ x: Double, _ one: String, _ many: String) { if x > 0 { parts.append(x == 1 ? one : many) } }
        add(year.transfers, l("1 transfer"), l("{0} transfers", Format.count(year.transfers)))
        add(year.retrained, l("1 retrained"), l("{0} retrained", Format.count(year.retrained)))
        add(year.hires, l("1 hire"), l("{0} hires", Format.count(year.hires)))
        add(year.releases, l("1 release"), l("{0} releases", Format.count(year.releases)))
        if parts.isEmpty { parts.append(l("no action")) }
        let short = side.moves[y].shortage.reduce(0, +)
        return "<b>\(Format.html(data.yearLabel(y)))</b> (\(side.key == "optimum" ? l("optimum") : l("myopic"))): " + parts.joined(separator: " · ")
            + " · W \(HorizonTables.w(year.weightedShortage)) · " + l("{0} FTE short", Format.fte(short))
    }

    // MARK: Tables

    /// The table under its title (an h3), or under the section's own h2 when `heading` is false.
    static func table(_ t: HorizonTable, _ page: inout HTMLPage, heading: Bool = true) {
        let e = Format.html
        func cells(_ row: [String], tag: String) -> String {
            row.enumerated().map { k, text in
                "<\(tag)\(k < t.textColumns ? " class=\"text\"" : "")>\(e(text))</\(tag)>"
            }.joined()
        }
        if heading { page.line("<h3 id=\"\(t.id)\">\(e(t.title))</h3>") }
        if !t.note.isEmpty { page.line("<p class=\"note\">\(e(t.note))</p>") }
        page.line("<div class=\"scroll\"><table class=\"years\" id=\"table-\(t.id)\">")
        page.line("<thead><tr>\(cells(t.header, tag: "th"))</tr></thead>")
        page.line("<tbody>")
        for row in t.rows { page.line("<tr>\(cells(row, tag: "td"))</tr>") }
        page.line("</tbody>")
        if !t.totals.isEmpty {
            page.line("<tfoot>" + t.totals.map { "<tr class=\"total\">\(cells($0, tag: "td"))</tr>" }.joined() + "</tfoot>")
        }
        page.line("</table></div>")
    }

    // MARK: Style

    /// What the horizon page adds to the one-year report's styles.
    static let style = """
        #headline .cards { grid-template-columns: repeat(auto-fill, minmax(min(300px, 100%), 1fr)); }
        .pair-charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(420px, 100%), 1fr)); gap: 4px 28px; }
        .panels { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(300px, 100%), 1fr)); gap: 4px 20px; }
        .year-maps { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(440px, 100%), 1fr)); gap: 14px 20px; }
        .year-panel figcaption { font-weight: 400; font-size: .85em; margin-top: 3px; }
        .year-panel figcaption b { color: var(--ink); }
        svg.key { display: inline-block; vertical-align: middle; margin: 0 2px 0 10px; }
        .timeline-legend .item { white-space: nowrap; margin-right: 6px; }
        .map-legend span.item.long { white-space: normal; }
        table.years td, table.years th { font-variant-numeric: tabular-nums; }
        table.years tr.total td { font-weight: 700; background: #f8f9fa; }
        .note { font-size: .85em; margin: 0 0 4px; }
        details.myopic-maps { margin-top: 14px; }
        details.myopic-maps summary { cursor: pointer; font-weight: 600; margin-bottom: 8px; }
        .year-list { font-size: .9em; }
        @media print {
          .pair-charts, .panels { grid-template-columns: 1fr 1fr; }
          .year-maps { grid-template-columns: 1fr 1fr; }
          #maps, #years { break-before: page; }
          .year-panel { break-inside: avoid; }
        }

        """
}
