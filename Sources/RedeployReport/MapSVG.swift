import Foundation
import RedeployDomain

/// The map: schools placed by lat/lon (equirectangular, longitudes scaled by the cosine of
/// the middle latitude, north up), filled by the shortage left after the plan; transfers as
/// curved arrows coloured by subject (curved so that A→B and B→A do not overlap); hires as
/// a small green +, releases as a small purple −. Each arrow and dot has a `<title>` tooltip.
enum MapSVG {
    static let width = 960.0
    static let maxHeight = 720.0
    static let pad = 34.0

    struct Projection {
        let minLon: Double, maxLat: Double, k: Double, scale: Double, offsetX: Double, offsetY: Double
        func point(lat: Double, lon: Double) -> (x: Double, y: Double) {
            (offsetX + (lon - minLon) * k * scale, offsetY + (maxLat - lat) * scale)
        }
    }

    /// Where a map's schools go: the one-year map and a horizon's maps by year fit theirs alike.
    struct Frame {
        /// The schools with coordinates, in the order of `schools`.
        let located: [Int]
        let projection: Projection
        let height: Double
        let width: Double

        /// The schools with coordinates fitted, north up, into a frame `width` wide and at most
        /// `maxHeight` high (but at least `minHeight`), `pad` from its edges and centred in it;
        /// nil when no school has coordinates.
        init?(_ schools: [School], width: Double, maxHeight: Double, minHeight: Double, pad: Double) {
            located = schools.indices.filter { schools[$0].latitude != nil && schools[$0].longitude != nil }
            guard !located.isEmpty else { return nil }
            let lats = located.map { schools[$0].latitude! }, lons = located.map { schools[$0].longitude! }
            let (minLat, maxLat, minLon, maxLon) = (lats.min()!, lats.max()!, lons.min()!, lons.max()!)
            let k = max(0.05, cos((minLat + maxLat) / 2 * Double.pi / 180))
            let spanX = max((maxLon - minLon) * k, 0.01), spanY = max(maxLat - minLat, 0.01)
            var scale = (width - 2 * pad) / spanX
            var height = spanY * scale + 2 * pad
            if height > maxHeight {
                scale = (maxHeight - 2 * pad) / spanY
                height = maxHeight
            }
            height = max(height, minHeight)
            projection = Projection(minLon: minLon, maxLat: maxLat, k: k, scale: scale,
                                    offsetX: (width - spanX * scale) / 2, offsetY: (height - spanY * scale) / 2)
            self.height = height
            self.width = width
        }

        func point(_ school: School) -> (x: Double, y: Double) {
            projection.point(lat: school.latitude!, lon: school.longitude!)
        }
    }

    /// The path of an arrow from p1 to p2, bent to the left of its direction by a fifth of its
    /// length, at most `maxBend` (so that A→B and B→A do not overlap), and trimmed by `trim1` at
    /// its start and `trim2` at its end (each at most a third of it); a straight line when the
    /// points nearly meet.
    static func curve(_ p1: (x: Double, y: Double), _ p2: (x: Double, y: Double), trim1: Double, trim2: Double,
                      maxBend: Double) -> String {
        let c = Format.coordinate
        let (dx, dy) = (p2.x - p1.x, p2.y - p1.y)
        let length = (dx * dx + dy * dy).squareRoot()
        guard length >= 1 else { return "M\(c(p1.x)),\(c(p1.y)) L\(c(p2.x)),\(c(p2.y))" }
        let bend = min(0.2 * length, maxBend)
        let control = (x: (p1.x + p2.x) / 2 - dy / length * bend, y: (p1.y + p2.y) / 2 + dx / length * bend)
        func toward(_ from: (x: Double, y: Double), by distance: Double) -> (x: Double, y: Double) {
            let (ux, uy) = (control.x - from.x, control.y - from.y)
            let n = max((ux * ux + uy * uy).squareRoot(), 1e-9)
            return (from.x + ux / n * distance, from.y + uy / n * distance)
        }
        let start = toward(p1, by: min(trim1, length / 3)), end = toward(p2, by: min(trim2, length / 3))
        return "M\(c(start.x)),\(c(start.y)) Q\(c(control.x)),\(c(control.y)) \(c(end.x)),\(c(end.y))"
    }

    /// Where each area's name goes, in the order of `areas`: the middle of its schools on the map
    /// (`position`, by school index); an area with none there is left out.
    static func areaCentres(_ areas: [String], _ schools: [School],
                            _ position: [Int: (x: Double, y: Double)]) -> [(area: String, x: Double, y: Double)] {
        var byArea: [String: [Int]] = [:]
        for s in position.keys.sorted() { byArea[schools[s].area, default: []].append(s) }
        return areas.compactMap { area in
            guard let members = byArea[area] else { return nil }
            let x = members.reduce(0) { $0 + position[$1]!.x } / Double(members.count)
            let y = members.reduce(0) { $0 + position[$1]!.y } / Double(members.count)
            return (area, x, y)
        }
    }

    /// The legend's line of subject swatches, for the subjects transferred; empty when there is none.
    static func subjectLegend(_ subjects: [String], among moved: [String]) -> String {
        guard !subjects.isEmpty else { return "" }
        return "<div>Transfers by subject: " + subjects.map {
            "<span class=\"item\"><span class=\"swatch\" style=\"background:\(Palette.subject($0, among: moved))\"></span>\(Format.html($0))</span>"
        }.joined(separator: " ") + "</div>"
    }

    /// The legend's key to hires and releases.
    static let staffingLegend = "<span class=\"item\"><b style=\"color:\(Palette.hire)\">+</b> hires</span> "
        + "<span class=\"item\"><b style=\"color:\(Palette.release)\">−</b> releases</span>"

    static func section(_ data: ReportData, _ page: inout HTMLPage) {
        page.line("<section id=\"map\">")
        page.line("<h2>Map of schools and transfers</h2>")
        guard let svg = svg(data) else {
            page.line("<p>No school has coordinates (lat, lon in schools.csv): there is no map to draw.</p>")
            page.line("</section>")
            return
        }
        page.line("<figure class=\"figure\">")
        page.line(svg.text)
        var legend = "<div class=\"map-legend\">"
        let transferred = Set(data.plan.actions.filter { $0.kind == .transfer }.map(\.subject))
        legend += subjectLegend(data.movedSubjects.filter(transferred.contains), among: data.movedSubjects)
        legend += "<div>Schools (size: classes): <span class=\"item\"><span class=\"swatch\" style=\"background:\(noShortage)\"></span>no shortage after the plan</span>"
            + "<span class=\"item\"><span class=\"swatch\" style=\"background:\(Palette.heat(0.45))\"></span><span class=\"swatch\" style=\"background:\(Palette.heat(1))\"></span>shortage left (darker: more)</span>"
            + staffingLegend + "</div>"
        if svg.unplacedSchools > 0 || svg.undrawnTransfers > 0 {
            legend += "<div>Not on the map: \(svg.unplacedSchools) school\(svg.unplacedSchools == 1 ? "" : "s") without coordinates"
                + (svg.undrawnTransfers > 0 ? ", and the \(svg.undrawnTransfers) transfer\(svg.undrawnTransfers == 1 ? "" : "s") to or from them" : "") + ".</div>"
        }
        legend += "</div>"
        page.line(legend)
        page.line("</figure>")
        page.line("</section>")
    }

    static let noShortage = "#cfe9d6"

    struct Drawing {
        var text: String
        var arrows: Int
        var unplacedSchools: Int
        var undrawnTransfers: Int
    }

    static func svg(_ data: ReportData) -> Drawing? {
        let instance = data.instance
        let schools = instance.schools
        guard let frame = Frame(schools, width: width, maxHeight: maxHeight, minHeight: 260, pad: pad) else { return nil }
        let (located, height, scale) = (frame.located, frame.height, frame.projection.scale)
        var position = [Int: (x: Double, y: Double)]()
        var radius = [Int: Double]()
        for s in located {
            position[s] = frame.point(schools[s])
            radius[s] = 2.5 + min(4.5, Double(schools[s].classes).squareRoot() / 2.5)
        }
        let c = Format.coordinate
        let e = Format.html
        var svg = "<svg class=\"map\" id=\"map-svg\" viewBox=\"0 0 \(c(width)) \(c(height))\" width=\"\(c(width))\" height=\"\(c(height))\" role=\"img\" aria-label=\"Map of schools and transfers\">\n"
        svg += "<defs>\n"
        for (k, subject) in data.movedSubjects.enumerated() {
            svg += "<marker id=\"arrow-\(k)\" viewBox=\"0 0 10 10\" refX=\"8.5\" refY=\"5\" markerUnits=\"userSpaceOnUse\" markerWidth=\"9\" markerHeight=\"9\" orient=\"auto\">"
                + "<path d=\"M0,0 L10,5 L0,10 z\" fill=\"\(Palette.subject(subject, in: data))\"/></marker>\n"
        }
        svg += "</defs>\n"
        svg += "<rect x=\"0\" y=\"0\" width=\"\(c(width))\" height=\"\(c(height))\" fill=\"#f7f9fb\" stroke=\"#d5dbe1\"/>\n"

        // Area names at the middle of their schools.
        svg += "<g class=\"areas\">"
        for (area, x, y) in areaCentres(data.areas, schools, position) {
            svg += "<text class=\"area-label\" x=\"\(c(x))\" y=\"\(c(y - 12))\" font-size=\"13\" text-anchor=\"middle\" fill=\"#6b7580\" stroke=\"#f7f9fb\" stroke-width=\"3\" paint-order=\"stroke\" font-weight=\"600\">\(e(area))</text>"
        }
        svg += "</g>\n"

        // Schools.
        let maxShort = data.schoolSummaries.reduce(0.0) { max($0, $1.shortageAfter) }
        svg += "<g class=\"schools\">\n"
        for s in located {
            let p = position[s]!, summary = data.schoolSummaries[s], school = schools[s]
            let fill = summary.shortageAfter > 1e-6 ? Palette.heat(0.3 + 0.7 * summary.shortageAfter / max(maxShort, 1e-9)) : noShortage
            let title = "\(data.schoolName(s)) — \(school.level), \(school.area), \(school.classes) classes; short \(Format.fte(summary.shortageBefore)) → \(Format.fte(summary.shortageAfter)) FTE"
            svg += "<circle class=\"school\" cx=\"\(c(p.x))\" cy=\"\(c(p.y))\" r=\"\(c(radius[s]!))\" fill=\"\(fill)\" stroke=\"#4b5560\" stroke-width=\"0.7\"><title>\(e(title))</title></circle>\n"
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
            let marker = data.movedSubjects.firstIndex(of: action.subject) ?? 0
            let d = curve(p1, p2, trim1: radius[i]!, trim2: radius[j]! + 1.5, maxBend: 60)
            let kmText = action.km.map { ", \(Format.fixed($0, 1)) km" } ?? ""
            let title = "\(Format.count(action.teachers)) \(action.subject): \(data.schoolName(i)) → \(data.schoolName(j))\(kmText)"
            svg += "<path class=\"transfer\" data-action=\"\(index + 1)\" d=\"\(d)\" stroke=\"\(Palette.subject(action.subject, in: data))\" stroke-width=\"\(Format.fixed(1.3 + min(3, 0.5 * action.teachers), 1))\" stroke-opacity=\"0.85\" marker-end=\"url(#arrow-\(marker))\"><title>\(e(title))</title></path>\n"
            arrows += 1
        }
        svg += "</g>\n"

        // Hires and releases.
        svg += "<g class=\"staffing\" stroke-linecap=\"round\">\n"
        for s in located {
            let p = position[s]!, r = radius[s]!, summary = data.schoolSummaries[s]
            if summary.hired > 0 {
                let (x, y) = (p.x + r + 4, p.y - r - 2)
                svg += "<path class=\"hire\" d=\"M\(c(x - 3)),\(c(y)) h6 M\(c(x)),\(c(y - 3)) v6\" stroke=\"\(Palette.hire)\" stroke-width=\"2\"><title>\(e("\(data.schoolName(s)): hires \(Format.count(summary.hired))"))</title></path>\n"
            }
            if summary.released > 0 {
                let (x, y) = (p.x + r + 4, p.y + r + 3)
                svg += "<path class=\"release\" d=\"M\(c(x - 3)),\(c(y)) h6\" stroke=\"\(Palette.release)\" stroke-width=\"2.4\"><title>\(e("\(data.schoolName(s)): releases \(Format.count(summary.released))"))</title></path>\n"
            }
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
}
