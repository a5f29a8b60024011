import Foundation
import RedeployDomain
import ScenarioIO

/// The one-year report's map: each area's schools inside a pale outline (their convex hull,
/// widened), schools filled by the shortage left after the plan, transfers as curved arrows
/// coloured by the receiving school's level (a handful of colours, not one per subject), hires
/// as a small green +, releases as a small purple −, and the area names on top of everything.
///
/// Three drop-down filters (subject, level, area) hide the other arrows and fade the other
/// schools. They are CSS only (`:has()` on the chosen `<option>`), so the page keeps no script;
/// a browser without `:has()` shows the whole map. Under 600 px wide the names, dots and arrows
/// are drawn larger, so that the map reads at phone width. Each school and arrow carries a
/// `<title>` over a wider transparent hit area.
enum PlanMap {
    static let width = MapSVG.width
    static let maxHeight = MapSVG.maxHeight
    static let pad = MapSVG.pad

    /// Arrow colours by level, in `ReportData.levels` order; away from the reds of shortage and
    /// the green and purple of hires and releases.
    static let levelColours = ["#e08214", "#2166ac", "#c51b7d", "#01665e", "#8c510a", "#4d4d4d"]

    static func levelColour(_ k: Int) -> String { levelColours[k % levelColours.count] }

    /// The filter values: subjects, levels and areas as short codes, so that the CSS selectors
    /// never hold a name from the scenario.
    struct Filters {
        var subjects: [String]
        var subjectCode: [String: String]
        var levelCode: [String: String]
        var areaCode: [String: String]

        init(_ data: ReportData) {
            var used = Set(data.plan.actions.filter { $0.kind != .retrain }.map(\.subject))
            for (p, pair) in data.instance.pairs.enumerated() where data.check.shortages[p] > 1e-6 {
                used.insert(data.instance.subjects[pair.subject])
            }
            subjects = data.instance.subjects.filter(used.contains)
            subjectCode = Dictionary(uniqueKeysWithValues: subjects.enumerated().map { ($1, "s\($0)") })
            levelCode = Dictionary(uniqueKeysWithValues: data.levels.enumerated().map { ($1, "l\($0)") })
            areaCode = Dictionary(uniqueKeysWithValues: data.areas.enumerated().map { ($1, "a\($0)") })
        }
    }

    static func section(_ data: ReportData, _ l: Labels, _ page: inout HTMLPage) {
        page.line("<section id=\"map\">")
        page.line("<h2>" + l("Map of schools and transfers") + "</h2>")
        let filters = Filters(data)
        guard let svg = svg(data, filters, l) else {
            page.line("<p>" + l("No school has coordinates (lat, lon in schools.csv): there is no map to draw.") + "</p>")
            page.line("</section>")
            return
        }
        page.line(controls(data, filters, l))
        page.line("<figure class=\"figure\">")
        page.line(svg.text)
        var legend = "<div class=\"map-legend\">"
        let levels = Set(data.plan.actions.compactMap { a in a.kind == .transfer ? a.to.flatMap { data.instance.schoolIndex[$0] } : nil }
            .map { data.instance.schools[$0].level })
        if !levels.isEmpty {
            legend += "<div>" + l("Transfers, coloured by the level of the school they go to:") + " " + data.levels.enumerated()
                .filter { levels.contains($0.element) }.map {
                    "<span class=\"item\"><span class=\"swatch\" style=\"background:\(levelColour($0.offset))\"></span>\(Format.html($0.element))</span>"
                }.joined(separator: " ") + "</div>"
        }
        legend += "<div>" + l("Schools (size: classes):") + " <span class=\"item\"><span class=\"swatch\" style=\"background:\(MapSVG.noShortage)\"></span>"
            + l("no shortage after the plan") + "</span>"
            + "<span class=\"item\"><span class=\"swatch\" style=\"background:\(Palette.heat(0.45))\"></span><span class=\"swatch\" style=\"background:\(Palette.heat(1))\"></span>"
            + l("shortage left (darker: more)") + "</span>"
            + MapSVG.staffingLegend(l)
            + "<span class=\"item\"><span class=\"swatch area\"></span>" + l("areas, drawn around their schools") + "</span></div>"
        if svg.unplacedSchools > 0 || svg.undrawnTransfers > 0 {
            legend += "<div>" + (svg.unplacedSchools == 1 ? l("Not on the map: 1 school without coordinates")
                : l("Not on the map: {0} schools without coordinates", svg.unplacedSchools))
                + (svg.undrawnTransfers == 0 ? "" : svg.undrawnTransfers == 1 ? l(", and the 1 transfer to or from them")
                    : l(", and the {0} transfers to or from them", svg.undrawnTransfers)) + ".</div>"
        }
        legend += "</div>"
        page.line(legend)
        page.line("</figure>")
        page.line("</section>")
    }

    /// The three drop-downs above the map.
    static func controls(_ data: ReportData, _ filters: Filters, _ l: Labels) -> String {
        func select(_ id: String, _ label: String, _ all: String, _ options: [(code: String, name: String)]) -> String {
            "<label>\(label) <select id=\"map-\(id)\"><option value=\"\" selected>\(all)</option>"
                + options.map { "<option value=\"\($0.code)\">\(Format.html($0.name))</option>" }.joined() + "</select></label>"
        }
        return "<div class=\"map-filter\">"
            + select("subject", l("Subject"), l("all subjects"), filters.subjects.map { (filters.subjectCode[$0]!, $0) })
            + select("level", l("Level"), l("all levels"), data.levels.map { (filters.levelCode[$0]!, $0) })
            + select("area", l("Area"), l("all areas"), data.areas.map { (filters.areaCode[$0]!, $0) })
            + "<span class=\"hint\">" + l("A subject shows its transfers and the schools that move it or are still short of it; "
                + "a level or an area, the transfers that touch it.") + "</span></div>"
    }

    /// The CSS of the filters: per option, the arrows without it hidden, the schools without it faded.
    static func filterStyle(_ data: ReportData) -> String {
        let filters = Filters(data)
        var rules = ""
        for (select, codes) in [("subject", filters.subjects.map { filters.subjectCode[$0]! }),
                                ("level", data.levels.map { filters.levelCode[$0]! }),
                                ("area", data.areas.map { filters.areaCode[$0]! })] {
            let attribute = "data-" + select.prefix(1)
            for code in codes {
                let chosen = "#map:has(#map-\(select) option[value=\"\(code)\"]:checked)"
                rules += "\(chosen) .move:not([\(attribute)~=\"\(code)\"]) { display: none; }\n"
                rules += "\(chosen) .site:not([\(attribute)~=\"\(code)\"]) { opacity: .18; }\n"
                if select == "area" { rules += "\(chosen) .area-shape:not([data-a=\"\(code)\"]) { opacity: .35; }\n" }
            }
        }
        return rules
    }

    struct Drawing {
        var text: String
        var arrows: Int
        var unplacedSchools: Int
        var undrawnTransfers: Int
    }

    static func svg(_ data: ReportData, _ filters: Filters, _ l: Labels) -> Drawing? {
        let instance = data.instance
        let schools = instance.schools
        guard let frame = MapSVG.Frame(schools, width: width, maxHeight: maxHeight, minHeight: 260, pad: pad) else { return nil }
        let (located, height, scale) = (frame.located, frame.height, frame.projection.scale)
        var position = [Int: (x: Double, y: Double)]()
        var radius = [Int: Double]()
        for s in located {
            position[s] = frame.point(schools[s])
            radius[s] = 2.5 + min(4.5, Double(schools[s].classes).squareRoot() / 2.5)
        }
        let c = Format.coordinate
        let e = Format.html
        let levelIndex = Dictionary(uniqueKeysWithValues: data.levels.enumerated().map { ($1, $0) })
        var svg = "<svg class=\"map\" id=\"map-svg\" viewBox=\"0 0 \(c(width)) \(c(height))\" width=\"\(c(width))\" height=\"\(c(height))\" role=\"img\" aria-label=\""
            + l("Map of schools and transfers") + "\">\n"
        svg += "<defs>\n"
        for k in data.levels.indices {
            svg += "<marker id=\"arrow-\(k)\" viewBox=\"0 0 10 10\" refX=\"8\" refY=\"5\" markerUnits=\"strokeWidth\" markerWidth=\"4.5\" markerHeight=\"4.5\" orient=\"auto\">"
                + "<path d=\"M0,0 L10,5 L0,10 z\" fill=\"\(levelColour(k))\"/></marker>\n"
        }
        svg += "</defs>\n"
        svg += "<rect x=\"0\" y=\"0\" width=\"\(c(width))\" height=\"\(c(height))\" fill=\"#f7f9fb\" stroke=\"#d5dbe1\"/>\n"

        // Areas: the hull of their schools, widened by a round stroke; an outline under a fill.
        svg += "<g class=\"areas\" stroke-linejoin=\"round\" stroke-linecap=\"round\">\n"
        for (k, area) in data.areas.enumerated() {
            let members = located.filter { schools[$0].area == area }.map { position[$0]! }
            guard !members.isEmpty else { continue }
            let d = hullPath(members)
            let tint = areaTints[k % areaTints.count]
            svg += "<g class=\"area-shape\" data-a=\"\(filters.areaCode[area]!)\"><path d=\"\(d)\" fill=\"#aab6c3\" stroke=\"#aab6c3\" stroke-width=\"26\"/>"
                + "<path d=\"\(d)\" fill=\"\(tint)\" stroke=\"\(tint)\" stroke-width=\"23\"/></g>\n"
        }
        svg += "</g>\n"

        // Schools, each with what the filters ask of it.
        var touched = [Set<String>](repeating: [], count: schools.count)
        for action in data.plan.actions where action.kind != .retrain {
            for id in [action.from, action.to].compactMap({ $0 }) {
                if let s = instance.schoolIndex[id] { touched[s].insert(action.subject) }
            }
        }
        for (p, pair) in instance.pairs.enumerated() where data.check.shortages[p] > 1e-6 {
            touched[pair.school].insert(instance.subjects[pair.subject])
        }
        let maxShort = data.schoolSummaries.reduce(0.0) { max($0, $1.shortageAfter) }
        svg += "<g class=\"schools\">\n"
        for s in located {
            let p = position[s]!, r = radius[s]!, summary = data.schoolSummaries[s], school = schools[s]
            let fill = summary.shortageAfter > 1e-6 ? Palette.heat(0.3 + 0.7 * summary.shortageAfter / max(maxShort, 1e-9)) : MapSVG.noShortage
            let title = l("{0} — {1}, {2}, {3} classes; short {4} → {5} FTE", data.schoolName(s), school.level, school.area,
                          school.classes, Format.fte(summary.shortageBefore), Format.fte(summary.shortageAfter))
            let subjects = filters.subjects.filter(touched[s].contains).map { filters.subjectCode[$0]! }.joined(separator: " ")
            svg += "<g class=\"site\" data-s=\"\(subjects)\" data-l=\"\(filters.levelCode[school.level]!)\" data-a=\"\(filters.areaCode[school.area]!)\"><title>\(e(title))</title>"
            svg += "<circle class=\"hit\" cx=\"\(c(p.x))\" cy=\"\(c(p.y))\" r=\"\(c(r + 5))\" fill=\"transparent\"/>"
            svg += "<circle class=\"school\" cx=\"\(c(p.x))\" cy=\"\(c(p.y))\" r=\"\(c(r))\" fill=\"\(fill)\" stroke=\"#4b5560\" stroke-width=\"0.7\"/>"
            if summary.hired > 0 {
                let (x, y) = (p.x + r + 4, p.y - r - 2)
                svg += "<path class=\"hire\" d=\"M\(c(x - 3)),\(c(y)) h6 M\(c(x)),\(c(y - 3)) v6\" stroke=\"\(Palette.hire)\" stroke-width=\"2\" stroke-linecap=\"round\"/>"
            }
            if summary.released > 0 {
                let (x, y) = (p.x + r + 4, p.y + r + 3)
                svg += "<path class=\"release\" d=\"M\(c(x - 3)),\(c(y)) h6\" stroke=\"\(Palette.release)\" stroke-width=\"2.4\" stroke-linecap=\"round\"/>"
            }
            svg += "</g>\n"
        }
        svg += "</g>\n"

        // Transfers.
        var arrows = 0, undrawn = 0
        svg += "<g class=\"transfers\" fill=\"none\" stroke-linecap=\"round\">\n"
        for (index, action) in data.plan.actions.enumerated() where action.kind == .transfer {
            guard let i = action.from.flatMap({ instance.schoolIndex[$0] }), let j = action.to.flatMap({ instance.schoolIndex[$0] }),
                  let p1 = position[i], let p2 = position[j] else {
                undrawn += 1
                continue
            }
            let level = levelIndex[schools[j].level] ?? 0
            let d = MapSVG.curve(p1, p2, trim1: radius[i]!, trim2: radius[j]! + 1.5, maxBend: 60)
            let kmText = action.km.map { ", \(Format.fixed($0, 1)) km" } ?? ""
            let title = "\(Format.count(action.teachers)) \(action.subject): \(data.schoolName(i)) → \(data.schoolName(j))\(kmText)"
            let levels = Set([schools[i].level, schools[j].level]).compactMap { filters.levelCode[$0] }.sorted().joined(separator: " ")
            let areas = Set([schools[i].area, schools[j].area]).compactMap { filters.areaCode[$0] }.sorted().joined(separator: " ")
            svg += "<g class=\"move\" data-s=\"\(filters.subjectCode[action.subject] ?? "")\" data-l=\"\(levels)\" data-a=\"\(areas)\"><title>\(e(title))</title>"
            svg += "<path class=\"hit\" d=\"\(d)\" stroke=\"transparent\" stroke-width=\"9\"/>"
            svg += "<path class=\"transfer\" data-action=\"\(index + 1)\" d=\"\(d)\" stroke=\"\(levelColour(level))\" stroke-width=\"\(Format.fixed(1.4 + min(1.6, 0.4 * action.teachers), 1))\" stroke-opacity=\"0.8\" marker-end=\"url(#arrow-\(level))\"/></g>\n"
            arrows += 1
        }
        svg += "</g>\n"

        // Area names last, on top of everything, each moved off the names already placed.
        svg += "<g class=\"area-labels\" text-anchor=\"middle\" font-weight=\"700\" fill=\"#2f3a45\" stroke=\"#ffffff\" stroke-width=\"4\" stroke-linejoin=\"round\" paint-order=\"stroke\">"
        for label in placeLabels(MapSVG.areaCentres(data.areas, schools, position), height: height) {
            svg += "<text class=\"area-label\" x=\"\(c(label.x))\" y=\"\(c(label.y))\" font-size=\"15\">\(e(label.area))</text>"
        }
        svg += "</g>\n"

        // Scale bar: a round number of km near a fifth of the width.
        let kmPerPixel = Geo.earthRadiusKm * Double.pi / 180 / scale
        let km = Charts.niceStep(width / 5 * kmPerPixel)
        let bar = km / kmPerPixel
        let (bx, by) = (16.0, height - 16)
        svg += "<g class=\"scale\"><path d=\"M\(c(bx)),\(c(by - 5)) v5 h\(c(bar)) v-5\" fill=\"none\" stroke=\"#1b1f24\" stroke-width=\"1.2\"/>"
        svg += "<text x=\"\(c(bx + bar + 6))\" y=\"\(c(by))\" font-size=\"11\" fill=\"#1b1f24\">\(Format.count(km)) km</text></g>\n"
        svg += "</svg>"
        return Drawing(text: svg, arrows: arrows, unplacedSchools: schools.count - located.count, undrawnTransfers: undrawn)
    }

    /// Pale fills that tell neighbouring areas apart.
    static let areaTints = ["#e6edf5", "#edf3e6", "#f5efe4", "#efe8f4"]

    /// The convex hull of `points` as a closed path (Andrew's monotone chain); one point or a
    /// line of points gives a path the round stroke widens into a disc or a capsule.
    static func hullPath(_ points: [(x: Double, y: Double)]) -> String {
        let c = Format.coordinate
        let sorted = points.sorted { $0.x != $1.x ? $0.x < $1.x : $0.y < $1.y }
        func cross(_ o: (x: Double, y: Double), _ a: (x: Double, y: Double), _ b: (x: Double, y: Double)) -> Double {
            (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x)
        }
        var lower: [(x: Double, y: Double)] = [], upper: [(x: Double, y: Double)] = []
        for p in sorted {
            while lower.count >= 2 && cross(lower[lower.count - 2], lower[lower.count - 1], p) <= 0 { lower.removeLast() }
            lower.append(p)
        }
        for p in sorted.reversed() {
            while upper.count >= 2 && cross(upper[upper.count - 2], upper[upper.count - 1], p) <= 0 { upper.removeLast() }
            upper.append(p)
        }
        var hull = Array(lower.dropLast()) + Array(upper.dropLast())
        if hull.isEmpty { hull = [sorted[0]] }
        if hull.count == 1 { return "M\(c(hull[0].x)),\(c(hull[0].y)) h0.1 Z" }
        return "M" + hull.map { "\(c($0.x)),\(c($0.y))" }.joined(separator: " L") + " Z"
    }

    /// Area names at their centres, 8 units above, each moved up or down by whole lines until it
    /// no longer overlaps a name placed before it; sized for the phone font (30 units), the
    /// larger of the two, so that neither size overlaps. The order of `centres` is kept.
    static func placeLabels(_ centres: [(area: String, x: Double, y: Double)], height: Double)
        -> [(area: String, x: Double, y: Double)] {
        let line = 30.0
        var boxes: [(x0: Double, x1: Double, y0: Double, y1: Double)] = []
        return centres.map { centre in
            // Bold text is about 0.65 of its size wide per character, and the halo adds a little.
            let half = Double(centre.area.count) * line * 0.34 + 4
            let x = min(max(centre.x, half + 2), width - half - 2)
            var chosen = centre.y - 8
            for step in [0.0, -1, 1, -2, 2, -3, 3] {
                let y = centre.y - 8 + step * line
                guard y - line > 0, y < height else { continue }
                let box = (x0: x - half, x1: x + half, y0: y - line * 0.8, y1: y + line * 0.2)
                if !boxes.contains(where: { $0.x0 < box.x1 && box.x0 < $0.x1 && $0.y0 < box.y1 && box.y0 < $0.y1 }) {
                    chosen = y
                    break
                }
            }
            boxes.append((x - half, x + half, chosen - line * 0.8, chosen + line * 0.2))
            return (centre.area, x, chosen)
        }
    }
}
