import Foundation
import RedeployDomain
import ScenarioIO

/// The report's sections of figures: teachers per class against the norm, the shortage heat
/// tables, and the moves by receiving school.
enum HTMLTables {
    static func e(_ s: String) -> String { Format.html(s) }

    // MARK: Teachers per class

    static func ratios(_ data: ReportData, _ l: Labels, _ page: inout HTMLPage) {
        page.line("<section id=\"ratios\">")
        page.line("<h2>" + l("Teachers per class, before and after, against the norm") + "</h2>")
        page.line("<p class=\"legend\"><span class=\"swatch\" style=\"background:\(Palette.before)\"></span> " + l("before") + " "
            + "<span class=\"swatch\" style=\"background:\(Palette.after)\"></span> " + l("after") + " "
            + "<span class=\"swatch tick\" style=\"background:\(Palette.norm)\"></span> " + l("norm (required FTE per class)") + "</p>")
        for level in data.levels {
            let rows = data.ratios.filter { $0.level == level && $0.classes > 0 }
            guard !rows.isEmpty else { continue }
            page.line("<figure class=\"figure\">")
            page.line("<figcaption>\(e(level))</figcaption>")
            page.line(Charts.ratioChart(level: level, rows: rows, l))
            page.line("</figure>")
        }
        page.line("</section>")
    }

    // MARK: Shortage heat tables

    static func shortage(_ data: ReportData, _ l: Labels, _ page: inout HTMLPage) {
        page.line("<section id=\"shortage\">")
        page.line("<h2>" + l("Shortage by area and subject (FTE)") + "</h2>")
        let maxCell = data.shortageCells.reduce(0.0) { max($0, $1.before, $1.after) }
        page.line("<p class=\"legend\">" + l("Colour: teachers short in that area and subject, on the same scale before and after "
            + "(square-root scale, darkest = {0} FTE). Empty: no shortage.", Format.fte(maxCell)) + "</p>")
        for (id, title, value) in [("heat-before", l("Before the plan"), \ReportData.ShortageCell.before),
                                   ("heat-after", l("After the plan"), \ReportData.ShortageCell.after)] {
            page.line("<figure class=\"figure\">")
            page.line("<figcaption>\(title)</figcaption>")
            page.line("<div class=\"scroll\"><table class=\"heat\" id=\"\(id)\">")
            page.line("<thead><tr><th class=\"text\">" + l("Subject") + "</th>" + data.areas.map { "<th>\(e($0))</th>" }.joined()
                + "<th>" + l("Total") + "</th></tr></thead>")
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
            page.line("<tfoot><tr><th class=\"text\">" + l("Total") + "</th>"
                + columnTotals.map { "<td class=\"total\">\($0 > 1e-6 ? Format.fte($0) : "")</td>" }.joined()
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

    static func transfers(_ data: ReportData, _ l: Labels, _ page: inout HTMLPage) {
        let instance = data.instance
        page.line("<section id=\"transfers\">")
        page.line("<h2>" + l("Transfers and hires by receiving school") + "</h2>")
        if data.arrivalGroups.isEmpty {
            page.line("<p>" + l("The plan moves and hires no one.") + "</p>")
        }
        for group in data.arrivalGroups {
            let school = instance.schools[group.school]
            let summary = data.schoolSummaries[group.school]
            let received = group.arrivals.filter { $0.kind == .transfer }.reduce(0) { $0 + $1.teachers }
            let hired = group.arrivals.filter { $0.kind == .hire }.reduce(0) { $0 + $1.teachers }
            var counts: [String] = []
            if received > 0 { counts.append(l("receives {0}", Format.count(received))) }
            if hired > 0 { counts.append(l("hires {0}", Format.count(hired))) }
            if summary.sent > 0 { counts.append(l("sends {0}", Format.count(summary.sent))) }
            if summary.released > 0 { counts.append(l("releases {0}", Format.count(summary.released))) }
            page.line("<div class=\"group\" id=\"to-\(e(HTMLReport.anchor(school.id)))\">")
            page.line("<h3>\(e(data.schoolName(group.school)))</h3>")
            page.line("<p class=\"meta\">\(e(school.area)) · \(e(school.level)) · " + l("{0} classes", school.classes)
                + " · \(counts.joined(separator: ", ")) · "
                + l("short {0} → {1} FTE", Format.fte(summary.shortageBefore), Format.fte(summary.shortageAfter)) + "</p>")
            page.line("<div class=\"scroll\"><table class=\"moves\"><thead><tr><th class=\"text\">" + l("Subject") + "</th><th class=\"text\">" + l("From")
                + "</th><th>" + l("Teachers") + "</th><th>km</th><th class=\"text\">" + l("Covers (shortage here before → after)")
                + "</th></tr></thead><tbody>")
            for arrival in group.arrivals {
                let from = arrival.kind == .hire ? "<i>" + l("new hire") + "</i>" : arrival.from.map { e(data.schoolName($0)) } ?? ""
                let covers = arrival.covers.map { c -> String in
                    if c.shortageBefore <= 1e-6 { return "\(e(c.subject)): " + l("no gap before") }
                    return "\(e(c.subject)): \(Format.fte(c.shortageBefore)) → \(Format.fte(c.shortageAfter))"
                }.joined(separator: "; ")
                page.line("<tr class=\"\(arrival.kind.rawValue)\"><td class=\"text\"><span class=\"dot\" style=\"background:\(Palette.subject(arrival.subject, in: data))\"></span>\(e(arrival.subject))</td>"
                    + "<td class=\"text\">\(from)</td><td>\(Format.count(arrival.teachers))</td><td>\(arrival.km.map { Format.fixed($0, 1) } ?? "")</td>"
                    + "<td class=\"text\">\(covers)</td></tr>")
            }
            page.line("</tbody></table></div>")
            page.line("</div>")
        }
        if !data.releases.isEmpty {
            page.line("<h3 id=\"releases\">" + l("Releases (posts cut)") + "</h3>")
            page.line("<div class=\"scroll\"><table class=\"moves\"><thead><tr><th class=\"text\">" + l("School") + "</th><th class=\"text\">" + l("Subject")
                + "</th><th>" + l("Teachers") + "</th><th>" + l("Spare before") + "</th></tr></thead><tbody>")
            for r in data.releases {
                page.line("<tr class=\"release\"><td class=\"text\">\(e(data.schoolName(r.school)))</td><td class=\"text\">\(e(r.subject))</td>"
                    + "<td>\(Format.count(r.teachers))</td><td>\(Format.fte(r.surplusBefore))</td></tr>")
            }
            page.line("</tbody></table></div>")
        }
        page.line("</section>")
    }
}

extension HTMLReport {
    /// An id fragment: letters, digits, - and _ kept, anything else as -.
    static func anchor(_ s: String) -> String {
        String(s.unicodeScalars.map { c -> Character in
            (c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "-" || c == "_") ? Character(c) : "-"
        })
    }
}
