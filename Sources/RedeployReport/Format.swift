import Foundation

/// Display text for reports: numbers rounded for reading (the output files keep full
/// precision; docs/MODEL.md section 4), and HTML escaping for everything that comes from a user.
enum Format {
    /// `x` with `digits` decimals, "-0.00" shown as "0.00".
    static func fixed(_ x: Double, _ digits: Int = 2) -> String {
        let text = String(format: "%.\(digits)f", x)
        if text.hasPrefix("-"), text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) { return String(text.dropFirst()) }
        return text
    }

    /// A count of teachers: whole without decimals, else 2 decimals.
    static func count(_ x: Double) -> String {
        abs(x - x.rounded()) < 1e-9 ? String(Int64(x.rounded())) : fixed(x, 2)
    }

    /// A figure set beside another to show that they differ: 9 significant digits, enough for
    /// a difference of 1e-6 relative, without a round-off tail such as 540.4099999999999.
    static func figure(_ x: Double) -> String {
        x == 0 ? "0" : String(format: "%.9g", x)
    }

    /// Full-time equivalents, one decimal.
    static func fte(_ x: Double) -> String { fixed(x, 1) }

    static func percent(_ x: Double, _ digits: Int = 0) -> String { fixed(x * 100, digits) + "%" }

    /// Change from `before` to `after` as a share of `before` ("−80%"), or nil when before is 0.
    static func change(_ before: Double, _ after: Double) -> String? {
        guard abs(before) > 1e-12 else { return nil }
        let share = (after - before) / before
        return (share > 0 ? "+" : share < 0 ? "−" : "") + fixed(abs(share) * 100, 0) + "%"
    }

    /// Text for HTML content and attribute values: & < > " ' as entities.
    static func html(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                // Control characters other than tab and line ends have no business in a report.
                if c.value < 0x20 && c != "\t" && c != "\n" && c != "\r" { out += " " } else { out.unicodeScalars.append(c) }
            }
        }
        return out
    }

    /// Text for a Markdown table cell or line: characters with meaning in Markdown or HTML escaped.
    static func markdown(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "|", "\\", "*", "`", "[", "]", "<", ">": out += "\\" + String(c)
            case "\n", "\r": out += " "
            default: out.append(c)
            }
        }
        return out
    }

    /// An SVG coordinate: 1 decimal, no "-0.0".
    static func coordinate(_ x: Double) -> String { fixed(x, 1) }
}
