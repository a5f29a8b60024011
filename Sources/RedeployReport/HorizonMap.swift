import Foundation
import ScenarioIO
import RedeployDomain

/// The small maps of a horizon, one per year and plan, all on one projection and one shortage
/// scale so that years and plans compare at a glance. They draw what the one-year map draws
/// (`MapSVG`: schools by lat/lon filled by the shortage left, transfers as curved arrows coloured
/// by subject, + for hires and − for releases), and retraining apart from transfers: a dashed
/// dark arrow with an open head to the school where the retrained teachers will teach, and a
/// dashed ring around that school (a ring alone when they stay at their own school).
struct HorizonMap {
    static let width = 520.0
    static let maxHeight = 420.0
    static let pad = 20.0
    static let courseColour = "#252a30"

    let data: HorizonReportData
    let height: Double
    let position: [Int: (x: Double, y: Double)]
    let radius: [Int: Double]
    /// The most shortage (FTE) any school has left in any year of either plan: the darkest fill.
    let maxShortage: Double
    let unplacedSchools: Int

    /// Nil when no school has coordinates: there is nothing to place.
    init?(_ data: HorizonReportData) {
        let schools = data.instance.schools
        // The one-year map's projection, fitted to a smaller frame.
        guard let frame = MapSVG.Frame(schools, width: Self.width, maxHeight: Self.maxHeight, minHeight: 160, pad: Self.pad) else { return nil }
        self.data = data
        let located = frame.located
        height = frame.height
        var position: [Int: (x: Double, y: Double)] = [:], radius: [Int: Double] = [:]
        for s in located {
            position[s] = frame.point(schools[s])
            radius[s] = 2 + min(3.5, Double(schools[s].classes).squareRoot() / 3)
        }
        self.position = position
        self.radius = radius
        unplacedSchools = schools.count - located.count
        maxShortage = data.sides.flatMap { $0.moves.flatMap(\.shortage) }.max() ?? 0
    }

    func colour(_ subject: String) -> String {
        Palette.subject(subject, among: data.movedSubjects)
    }

    /// The map of `side` in year `y`; `drawn` counts what it drew and what it could not.
    func svg(_ side: HorizonReportData.Side, year y: Int) -> (text: String, undrawn: Int) {
        let c = Format.coordinate
        let e = Format.html
        let moves = side.moves[y]
        let id = "\(side.key)-\(HTMLReport.anchor(data.yearLabel(y)))"
        let width = Self.width
        var svg = "<svg class=\"map year-map\" id=\"map-\(id)\" data-year=\"\(e(data.yearLabel(y)))\" viewBox=\"0 0 \(c(width)) \(c(height))\" "
            + "width=\"\(c(width))\" height=\"\(c(height))\" role=\"img\" aria-label=\"\(e(side.key == "optimum" ? data.labels("Map of the optimum plan in {0}", data.yearLabel(y)) : data.labels("Map of the myopic plan in {0}", data.yearLabel(y))))\">\n"
        // Markers: ids unique in the page, since every map is in the same document.
        let subjects = data.movedSubjects.filter { subject in moves.transfers.contains { $0.subject == subject } }
        svg += "<defs>\n"
        for subject in subjects {
            let k = data.movedSubjects.firstIndex(of: subject)!
            svg += "<marker id=\"\(id)-arrow-\(k)\" viewBox=\"0 0 10 10\" refX=\"8.5\" refY=\"5\" markerUnits=\"userSpaceOnUse\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\">"
                + "<path d=\"M0,0 L10,5 L0,10 z\" fill=\"\(colour(subject))\"/></marker>\n"
        }
        if !moves.courses.isEmpty {
            svg += "<marker id=\"\(id)-course\" viewBox=\"0 0 10 10\" refX=\"8.5\" refY=\"5\" markerUnits=\"userSpaceOnUse\" markerWidth=\"9\" markerHeight=\"9\" orient=\"auto\">"
                + "<path d=\"M1,1 L9,5 L1,9\" fill=\"none\" stroke=\"\(Self.courseColour)\" stroke-width=\"1.6\"/></marker>\n"
        }
        svg += "</defs>\n"
        svg += "<rect x=\"0\" y=\"0\" width=\"\(c(width))\" height=\"\(c(height))\" fill=\"#f7f9fb\" stroke=\"#d5dbe1\"/>\n"
        svg += "<text x=\"10\" y=\"22\" font-size=\"17\" font-weight=\"700\" fill=\"#1b1f24\">\(e(data.yearLabel(y)))</text>\n"
        svg += areaLabels()
        svg += schoolDots(side, moves, y)
        var undrawn = 0
        svg += "<g class=\"transfers\" fill=\"none\" stroke-linecap=\"round\">\n"
        for move in moves.transfers {
            guard let p1 = position[move.from], let p2 = position[move.to] else { undrawn += 1; continue }
            let k = data.movedSubjects.firstIndex(of: move.subject) ?? 0
            let kmText = move.km.map { ", \(Format.fixed($0, 1)) km" } ?? ""
            let title = "\(data.yearLabel(y)): \(Format.count(move.teachers)) \(move.subject): \(data.schoolName(move.from)) → \(data.schoolName(move.to))\(kmText)"
            svg += "<path class=\"transfer\" data-action=\"\(move.action + 1)\" d=\"\(curve(p1, p2, radius[move.from]!, radius[move.to]!))\" "
                + "stroke=\"\(colour(move.subject))\" stroke-width=\"\(Format.fixed(1.1 + min(2.4, 0.45 * move.teachers), 1))\" "
                + "stroke-opacity=\"0.85\" marker-end=\"url(#\(id)-arrow-\(k))\"><title>\(e(title))</title></path>\n"
        }
        svg += "</g>\n"
        svg += "<g class=\"courses\" fill=\"none\" stroke-linecap=\"round\">\n"
        for course in moves.courses {
            guard let p1 = position[course.from], let p2 = position[course.to] else { undrawn += 1; continue }
            let l = data.labels
            let length = course.delay.map { $0 == 0 ? l(", teaching at once") : $0 == 1 ? l(", a course of 1 year") : l(", a course of {0} years", $0) } ?? ""
            let title = "\(data.yearLabel(y)): " + l("{0} {1} retrained to teach {2}", Format.count(course.teachers), course.subject, course.toSubject) + ": "
                + (course.from == course.to ? data.schoolName(course.from) : "\(data.schoolName(course.from)) → \(data.schoolName(course.to))")
                + length
            let r = radius[course.to]! + 3.5
            svg += "<g class=\"retrain\" data-action=\"\(course.action + 1)\"><title>\(e(title))</title>"
            if course.from != course.to {
                svg += "<path d=\"\(curve(p1, p2, radius[course.from]!, r))\" stroke=\"\(Self.courseColour)\" stroke-width=\"2\" "
                    + "stroke-dasharray=\"4 3\" marker-end=\"url(#\(id)-course)\"/>"
            }
            svg += "<circle cx=\"\(c(p2.x))\" cy=\"\(c(p2.y))\" r=\"\(c(r))\" stroke=\"\(Self.courseColour)\" stroke-width=\"1.5\" stroke-dasharray=\"2.5 2\"/>"
            svg += "</g>\n"
        }
        svg += "</g>\n"
        svg += staffing(moves)
        svg += "</svg>"
        return (svg, undrawn)
    }

    func areaLabels() -> String {
        let c = Format.coordinate
        var svg = "<g class=\"areas\">"
        for (area, x, y) in MapSVG.areaCentres(data.areas, data.instance.schools, position) {
            svg += "<text x=\"\(c(x))\" y=\"\(c(y - 9))\" font-size=\"10.5\" text-anchor=\"middle\" fill=\"#7b8590\" stroke=\"#f7f9fb\" "
                + "stroke-width=\"3\" paint-order=\"stroke\" font-weight=\"600\">\(Format.html(area))</text>"
        }
        return svg + "</g>\n"
    }

    func schoolDots(_ side: HorizonReportData.Side, _ moves: HorizonYearMoves, _ y: Int) -> String {
        let c = Format.coordinate
        let schools = data.instance.schools
        var svg = "<g class=\"schools\">\n"
        for s in position.keys.sorted() {
            let p = position[s]!, short = moves.shortage[s]
            let fill = short > 1e-6 ? Palette.heat(0.3 + 0.7 * short / max(maxShortage, 1e-9)) : MapSVG.noShortage
            let title = "\(data.schoolName(s)) — \(schools[s].level), \(schools[s].area); \(data.yearLabel(y)): " + data.labels("short {0} FTE", Format.fte(short))
            svg += "<circle class=\"school\" cx=\"\(c(p.x))\" cy=\"\(c(p.y))\" r=\"\(c(radius[s]!))\" fill=\"\(fill)\" stroke=\"#4b5560\" "
                + "stroke-width=\"0.6\"><title>\(Format.html(title))</title></circle>\n"
        }
        return svg + "</g>\n"
    }

    func staffing(_ moves: HorizonYearMoves) -> String {
        let c = Format.coordinate
        var svg = "<g class=\"staffing\" stroke-linecap=\"round\">\n"
        for s in position.keys.sorted() {
            let p = position[s]!, r = radius[s]!
            if moves.hired[s] > 0 {
                let (x, y) = (p.x + r + 3, p.y - r - 1.5)
                svg += "<path class=\"hire\" d=\"M\(c(x - 2.5)),\(c(y)) h5 M\(c(x)),\(c(y - 2.5)) v5\" stroke=\"\(Palette.hire)\" stroke-width=\"1.8\">"
                    + "<title>\(Format.html("\(data.schoolName(s)): hires \(Format.count(moves.hired[s]))"))</title></path>\n"
            }
            if moves.released[s] > 0 {
                let (x, y) = (p.x + r + 3, p.y + r + 2.5)
                svg += "<path class=\"release\" d=\"M\(c(x - 2.5)),\(c(y)) h5\" stroke=\"\(Palette.release)\" stroke-width=\"2.2\">"
                    + "<title>\(Format.html("\(data.schoolName(s)): releases \(Format.count(moves.released[s]))"))</title></path>\n"
            }
        }
        return svg + "</g>\n"
    }

    /// The one-year map's curved arrow (`MapSVG.curve`) from p1 to p2, trimmed by the radii at
    /// both ends, bent less on the smaller map.
    func curve(_ p1: (x: Double, y: Double), _ p2: (x: Double, y: Double), _ r1: Double, _ r2: Double) -> String {
        MapSVG.curve(p1, p2, trim1: r1, trim2: r2 + 1.2, maxBend: 40)
    }

    /// The legend under the maps, as HTML.
    func legend() -> String {
        let l = data.labels
        let transferred = Set(data.sides.flatMap { $0.moves.flatMap { $0.transfers.map(\.subject) } })
        let subjects = data.movedSubjects.filter(transferred.contains)
        var legend = "<div class=\"map-legend\">" + MapSVG.subjectLegend(subjects, among: data.movedSubjects, l)
        legend += "<div><span class=\"item long\"><svg class=\"key\" width=\"34\" height=\"12\" viewBox=\"0 0 34 12\" aria-hidden=\"true\">"
            + "<path d=\"M1,6 H22\" stroke=\"\(Self.courseColour)\" stroke-width=\"2\" stroke-dasharray=\"4 3\" fill=\"none\"/>"
            + "<circle cx=\"28\" cy=\"6\" r=\"4.5\" fill=\"none\" stroke=\"\(Self.courseColour)\" stroke-width=\"1.5\" stroke-dasharray=\"2.5 2\"/></svg>"
            + " " + l("retraining: dashed to the school where they will teach, ringed there") + "</span>"
            + MapSVG.staffingLegend(l) + "</div>"
        legend += "<div>" + l("Schools (size: classes):") + " <span class=\"item\"><span class=\"swatch\" style=\"background:\(MapSVG.noShortage)\"></span>"
            + l("no shortage that year") + "</span>"
            + "<span class=\"item long\"><span class=\"swatch\" style=\"background:\(Palette.heat(0.45))\"></span><span class=\"swatch\" style=\"background:\(Palette.heat(1))\"></span>"
            + l("shortage left that year (darker: more; darkest {0} FTE, one scale for every map)", Format.fte(maxShortage)) + "</span></div>"
        if unplacedSchools > 0 {
            legend += "<div>" + (unplacedSchools == 1 ? l("Not on the maps: 1 school without coordinates, and the moves to or from them.")
                : l("Not on the maps: {0} schools without coordinates, and the moves to or from them.", unplacedSchools)) + "</div>"
        }
        return legend + "</div>"
    }
}
