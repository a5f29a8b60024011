import Foundation
import ScenarioIO

/// Colours of the report. Subjects get distinct colours in the order `ReportData.movedSubjects`
/// lists them (cycling past the palette's end); reds are kept for shortage.
enum Palette {
    static let before = "#a7b1bc"
    static let after = "#1f6fb2"
    static let norm = "#c0392b"
    static let hire = "#1a9850"
    static let release = "#6a3d9a"

    static let subjects = [
        "#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22",
        "#393b79", "#637939", "#8c6d31", "#7b4173", "#3182bd", "#e6550d", "#31a354", "#756bb1",
        "#636363", "#fdae6b", "#74c476", "#9e9ac8", "#6baed6", "#c49c94",
    ]

    static func subject(_ subject: String, in data: ReportData) -> String {
        self.subject(subject, among: data.movedSubjects)
    }

    /// The colour of `subject` by its place among the subjects a plan moves; grey when it moves none.
    static func subject(_ subject: String, among moved: [String]) -> String {
        guard let k = moved.firstIndex(of: subject) else { return "#888888" }
        return subjects[k % subjects.count]
    }

    /// White to dark red for t in 0...1 (ColorBrewer Reds, interpolated).
    static func heat(_ t: Double) -> String {
        let stops: [(Double, Double, Double)] = [(255, 245, 240), (252, 187, 161), (251, 106, 74), (203, 24, 29), (103, 0, 13)]
        let x = max(0, min(1, t)) * Double(stops.count - 1)
        let k = min(stops.count - 2, Int(x))
        let f = x - Double(k)
        let (a, b) = (stops[k], stops[k + 1])
        func mix(_ u: Double, _ v: Double) -> Int { Int((u + (v - u) * f).rounded()) }
        return String(format: "#%02x%02x%02x", mix(a.0, b.0), mix(a.1, b.1), mix(a.2, b.2))
    }
}

/// Hand-written SVG charts.
enum Charts {
    /// Horizontal bars of teachers per class, before (grey) and after (blue), with the norm as
    /// a red tick, one row per area (the level's total first, in bold).
    static func ratioChart(level: String, rows: [ReportData.Ratio], _ l: Labels = .english) -> String {
        let label = 170.0, plot = 600.0, right = 170.0
        let top = 28.0, rowHeight = 30.0
        let width = label + plot + right
        let height = top + rowHeight * Double(rows.count) + 8
        let values = rows.flatMap { [$0.before, $0.after, $0.norm].compactMap { $0 } }
        let maxValue = niceCeiling(max(values.max() ?? 1, 0.1) * 1.05)
        let step = niceStep(maxValue / 5)
        func x(_ v: Double) -> Double { label + plot * v / maxValue }
        let c = Format.coordinate

        var svg = "<svg class=\"chart ratio-chart\" viewBox=\"0 0 \(c(width)) \(c(height))\" width=\"\(c(width))\" height=\"\(c(height))\" role=\"img\" aria-label=\"" + l("Teachers per class, {0}", Format.html(level)) + "\">\n"
        // Grid and axis labels.
        var v = 0.0
        while v <= maxValue + 1e-9 {
            svg += "<line x1=\"\(c(x(v)))\" y1=\"\(c(top - 6))\" x2=\"\(c(x(v)))\" y2=\"\(c(height - 6))\" stroke=\"#e3e7eb\"/>"
            svg += "<text x=\"\(c(x(v)))\" y=\"\(c(top - 12))\" font-size=\"11\" text-anchor=\"middle\" fill=\"#5b6570\">\(Format.fixed(v, step < 0.1 ? 2 : 1))</text>\n"
            v += step
        }
        for (k, row) in rows.enumerated() {
            let y = top + rowHeight * Double(k)
            let name = row.area ?? l("All areas")
            let weight = row.area == nil ? " font-weight=\"700\"" : ""
            let title = l("{0}: {1} classes, {2} schools; teachers per class {3} before, {4} after, norm {5}",
                          name, row.classes, row.schools, fmt(row.before), fmt(row.after), fmt(row.norm))
            svg += "<g class=\"bar-row\"><title>\(Format.html(title))</title>"
            svg += "<text x=\"\(c(label - 8))\" y=\"\(c(y + 18))\" font-size=\"12\" text-anchor=\"end\"\(weight)>\(Format.html(name))</text>"
            if let b = row.before {
                svg += "<rect class=\"bar before\" x=\"\(c(label))\" y=\"\(c(y + 5))\" width=\"\(c(max(0, x(b) - label)))\" height=\"9\" fill=\"\(Palette.before)\"/>"
            }
            if let a = row.after {
                svg += "<rect class=\"bar after\" x=\"\(c(label))\" y=\"\(c(y + 15))\" width=\"\(c(max(0, x(a) - label)))\" height=\"9\" fill=\"\(Palette.after)\"/>"
            }
            if let n = row.norm {
                svg += "<line class=\"norm\" x1=\"\(c(x(n)))\" y1=\"\(c(y + 2))\" x2=\"\(c(x(n)))\" y2=\"\(c(y + 27))\" stroke=\"\(Palette.norm)\" stroke-width=\"2.5\"/>"
            }
            svg += "<text x=\"\(c(label + plot + 8))\" y=\"\(c(y + 18))\" font-size=\"11.5\" fill=\"#1b1f24\"\(weight)>\(fmt(row.before)) → \(fmt(row.after)) <tspan fill=\"\(Palette.norm)\">/ \(fmt(row.norm))</tspan></text>"
            svg += "</g>\n"
        }
        svg += "</svg>"
        return svg
    }

    static func fmt(_ x: Double?) -> String { x.map { Format.fixed($0, 2) } ?? "–" }

    /// 1, 2, 2.5 or 5 times a power of ten, at least x.
    static func niceCeiling(_ x: Double) -> Double {
        let step = niceStep(x / 5)
        return (x / step).rounded(.up) * step
    }

    static func niceStep(_ x: Double) -> Double {
        guard x > 0 else { return 1 }
        let power = pow(10, (log10(x)).rounded(.down))
        for m in [1.0, 2, 2.5, 5, 10] where m * power >= x { return m * power }
        return 10 * power
    }
}
