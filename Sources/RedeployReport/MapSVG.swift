import Foundation
import ScenarioIO
import RedeployDomain

/// What the one-year map (`PlanMap`) and a horizon's maps by year (`HorizonMap`) share: schools
/// placed by lat/lon (equirectangular, longitudes scaled by the cosine of the middle latitude,
/// north up), curved arrows (so that A→B and B→A do not overlap), area names at the middle of
/// their schools, and the legend's pieces.
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
    static func subjectLegend(_ subjects: [String], among moved: [String], _ l: Labels = .english) -> String {
        guard !subjects.isEmpty else { return "" }
        return "<div>" + l("Transfers by subject:") + " " + subjects.map {
            "<span class=\"item\"><span class=\"swatch\" style=\"background:\(Palette.subject($0, among: moved))\"></span>\(Format.html($0))</span>"
        }.joined(separator: " ") + "</div>"
    }

    /// The legend's key to hires and releases.
    static func staffingLegend(_ l: Labels = .english) -> String {
        "<span class=\"item\"><b style=\"color:\(Palette.hire)\">+</b> " + l("hires") + "</span> "
            + "<span class=\"item\"><b style=\"color:\(Palette.release)\">−</b> " + l("releases") + "</span>"
    }

    static let noShortage = "#cfe9d6"
}
