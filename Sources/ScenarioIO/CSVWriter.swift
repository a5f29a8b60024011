import Foundation

/// Writes RFC 4180 CSV: comma-separated, CRLF-free (LF line ends), fields quoted only when
/// they hold a comma, a quote, a line break or leading/trailing spaces.
public struct CSVWriter: Sendable {
    public private(set) var text = ""

    public init(header: [String]) {
        appendRow(header)
    }

    public mutating func appendRow(_ fields: [String]) {
        text += fields.map(Self.quoted).joined(separator: ",")
        text += "\n"
    }

    public static func quoted(_ field: String) -> String {
        let needsQuotes = field.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
            || field.first == " " || field.last == " "
        guard needsQuotes else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// Numbers as the output files write them (CONTRACT section 4): the shortest text that reads
/// back to the same double, never rounded for display; whole numbers without ".0".
public enum NumberText {
    public static func format(_ value: Double) -> String {
        if value == 0 { return "0" }  // also turns -0 into 0
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    public static func format(_ value: Double?) -> String {
        value.map { format($0) } ?? ""
    }
}
