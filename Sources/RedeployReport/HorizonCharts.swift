import Foundation

/// A line chart over the years, hand-written SVG like the one-year `Charts`: one line per
/// series, a marker per year with a `<title>` giving the figure. The styles keep the series
/// apart without colour too (greyscale prints): the optimum is a thick solid line with filled
/// dots, the myopic plan a dashed line with hollow squares, the do-nothing plan a dotted grey
/// line, and a payroll cap a wide pale band under them.
struct TimelineChart {
    enum Style: CaseIterable {
        case cap, nothing, optimum, myopic

        var colour: String {
            switch self {
            case .cap: return "#f3b3aa"
            case .nothing: return "#8a949e"
            case .optimum: return Palette.after
            case .myopic: return "#d95f02"
            }
        }

        /// The line's SVG attributes.
        var stroke: String {
            switch self {
            case .cap: return "stroke=\"\(colour)\" stroke-width=\"8\" stroke-linecap=\"round\" stroke-linejoin=\"round\""
            case .nothing: return "stroke=\"\(colour)\" stroke-width=\"1.6\" stroke-dasharray=\"2 3\""
            case .optimum: return "stroke=\"\(colour)\" stroke-width=\"3\" stroke-linejoin=\"round\""
            case .myopic: return "stroke=\"\(colour)\" stroke-width=\"2\" stroke-dasharray=\"6 4\" stroke-linejoin=\"round\""
            }
        }

        var className: String {
            switch self {
            case .cap: return "cap"
            case .nothing: return "nothing"
            case .optimum: return "optimum"
            case .myopic: return "myopic"
            }
        }

        /// The marker at (x, y), or "" for none.
        func marker(_ x: Double, _ y: Double) -> String {
            let c = Format.coordinate
            switch self {
            case .cap: return ""
            case .nothing: return "<circle cx=\"\(c(x))\" cy=\"\(c(y))\" r=\"2.2\" fill=\"\(colour)\"/>"
            case .optimum: return "<circle cx=\"\(c(x))\" cy=\"\(c(y))\" r=\"3.8\" fill=\"\(colour)\"/>"
            case .myopic:
                return "<rect x=\"\(c(x - 3.2))\" y=\"\(c(y - 3.2))\" width=\"6.4\" height=\"6.4\" fill=\"#fff\" stroke=\"\(colour)\" stroke-width=\"1.6\"/>"
            }
        }

        /// A short sample of the line and its marker, for legends in the HTML text.
        var key: String {
            let marker = self.marker(15, 6)
            return "<svg class=\"key\" width=\"30\" height=\"12\" viewBox=\"0 0 30 12\" aria-hidden=\"true\">"
                + "<path d=\"M\(self == .cap ? 5 : 1),6 H\(self == .cap ? 25 : 29)\" fill=\"none\" \(stroke)/>\(marker)</svg>"
        }
    }

    struct Series {
        var name: String
        var values: [Double]
        var style: Style
    }

    var label: String
    var years: [String]
    var series: [Series]
    var width = 520.0
    var height = 230.0
    /// Whether the value axis starts at zero (amounts); else it fits the figures (a payroll).
    var fromZero = true
    /// Extra CSS classes of the svg element.
    var className = ""

    private static let left = 56.0, right = 14.0, top = 14.0, bottom = 28.0

    func svg() -> String {
        let c = Format.coordinate
        let e = Format.html
        let values = series.flatMap(\.values).filter(\.isFinite)
        let (low, high, step) = axis(values)
        let plotWidth = width - Self.left - Self.right, plotHeight = height - Self.top - Self.bottom
        let inset = years.count > 1 ? 18.0 : 0
        func x(_ k: Int) -> Double {
            years.count > 1 ? Self.left + inset + (plotWidth - 2 * inset) * Double(k) / Double(years.count - 1)
                : Self.left + plotWidth / 2
        }
        func y(_ v: Double) -> Double { Self.top + plotHeight * (1 - (v - low) / (high - low)) }

        var svg = "<svg class=\"chart timeline\(className.isEmpty ? "" : " " + className)\" viewBox=\"0 0 \(c(width)) \(c(height))\" "
            + "width=\"\(c(width))\" height=\"\(c(height))\" role=\"img\" aria-label=\"\(e(label))\">\n"
        var v = low
        while v <= high + step * 1e-6 {
            svg += "<line x1=\"\(c(Self.left))\" y1=\"\(c(y(v)))\" x2=\"\(c(width - Self.right))\" y2=\"\(c(y(v)))\" stroke=\"#e3e7eb\"/>"
            svg += "<text x=\"\(c(Self.left - 6))\" y=\"\(c(y(v) + 4))\" font-size=\"11\" text-anchor=\"end\" fill=\"#5b6570\">\(tick(v, step))</text>\n"
            v += step
        }
        svg += "<line x1=\"\(c(Self.left))\" y1=\"\(c(Self.top + plotHeight))\" x2=\"\(c(width - Self.right))\" y2=\"\(c(Self.top + plotHeight))\" stroke=\"#8a949e\"/>\n"
        let every = max(1, Int((Double(years.count) * 38 / max(plotWidth, 1)).rounded(.up)))
        for (k, year) in years.enumerated() where k % every == 0 || k == years.count - 1 {
            svg += "<text x=\"\(c(x(k)))\" y=\"\(c(height - 9))\" font-size=\"11\" text-anchor=\"middle\" fill=\"#5b6570\">\(e(year))</text>\n"
        }
        // The cap first, under the plans; the myopic line last, its dashes over the optimum's line.
        for style in Style.allCases {
            for line in series where line.style == style {
                let points = line.values.enumerated().filter { $0.element.isFinite }.map { (x: x($0.offset), y: y($0.element)) }
                guard !points.isEmpty else { continue }
                var d = points.enumerated().map { "\($0.offset == 0 ? "M" : "L")\(c($0.element.x)),\(c($0.element.y))" }.joined(separator: " ")
                if points.count == 1 { d += " h0.01" }
                if style == .cap, points.count == 1 { d = "M\(c(points[0].x - 14)),\(c(points[0].y)) H\(c(points[0].x + 14))" }
                svg += "<g class=\"series \(style.className)\"><title>\(e(line.name))</title>"
                svg += "<path d=\"\(d)\" fill=\"none\" \(style.stroke)/>"
                for (k, value) in line.values.enumerated() where value.isFinite {
                    let marker = style.marker(x(k), y(value))
                    let title = "\(line.name), \(years[k]): \(Format.count(value))"
                    if marker.isEmpty {
                        svg += "<circle cx=\"\(c(x(k)))\" cy=\"\(c(y(value)))\" r=\"4\" fill=\"transparent\"><title>\(e(title))</title></circle>"
                    } else {
                        svg += "<g class=\"point\"><title>\(e(title))</title>\(marker)</g>"
                    }
                }
                svg += "</g>\n"
            }
        }
        svg += "</svg>"
        return svg
    }

    /// The value axis: from zero or around the figures, in nice steps.
    func axis(_ values: [Double]) -> (low: Double, high: Double, step: Double) {
        let (lo, hi) = (values.min() ?? 0, values.max() ?? 0)
        if fromZero || hi <= 0 {
            let top = max(hi, 0) > 0 ? Charts.niceCeiling(hi * 1.05) : 1
            return (0, top, Charts.niceStep(top / 5))
        }
        let pad = max((hi - lo) * 0.15, max(1, hi * 0.005))
        let step = Charts.niceStep((hi - lo + 2 * pad) / 4)
        let low = max(0, ((lo - pad) / step).rounded(.down) * step)
        let high = ((hi + pad) / step).rounded(.up) * step
        return (low, high, step)
    }

    /// A tick label: as many decimals as the step needs.
    func tick(_ v: Double, _ step: Double) -> String {
        if step >= 1 && step == step.rounded() { return Format.fixed(v, 0) }
        return Format.fixed(v, step >= 0.1 ? 1 : 2)
    }

    /// The legend of the styles used, as HTML.
    static func legend(_ entries: [(Style, String)]) -> String {
        "<p class=\"legend timeline-legend\">" + entries.map { style, text in
            "<span class=\"item\">\(style.key) \(Format.html(text))</span>"
        }.joined(separator: " ") + "</p>"
    }
}
