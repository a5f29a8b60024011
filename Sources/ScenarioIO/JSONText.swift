import Foundation

/// Minimal JSON text for documents written by hand in a fixed key order (JSONEncoder would
/// reorder keys or reformat numbers, and the outputs must be byte-identical run to run).
public enum JSONText {
    public static func string(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    public static func number(_ value: Double?) -> String {
        value.map { NumberText.format($0) } ?? "null"
    }
}

extension JSONText {
    public static func array(_ items: [String]) -> String {
        "[" + items.joined(separator: ", ") + "]"
    }
}
