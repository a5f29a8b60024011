import Foundation

/// Writes RFC 4180 CSV: comma-separated, CRLF-free (LF line ends), fields quoted only when
/// they hold a comma, a quote, a line break or leading/trailing spaces.
///
/// Two options make a file safer to open in a spreadsheet; both are off by default, and then
/// the output is exactly what it always was (the output files of `solve` depend on it):
///
/// - `byteOrderMark`: the text starts with U+FEFF (bytes EF BB BF). Excel reads a CSV without
///   it in the local ANSI code page and garbles Vietnamese names; with it, as UTF-8.
///   `CSVTable` accepts the mark, so such a file still reads back.
/// - `guardFormulas` (against CSV/formula injection): a cell that is text, not a number, and
///   starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets a single quote `'`
///   in front, so a spreadsheet shows it as text instead of evaluating it (`=HYPERLINK(...)`
///   would otherwise run). A cell that reads as a number (`CSVNumber.decimal`: `-0.5`,
///   `-3`, `+2`, `1e-3`) is never changed, so negative numbers stay numbers. The quote is
///   part of the cell afterwards: a guarded file is for people, not for reading back.
public struct CSVWriter: Sendable {
    public struct Options: Sendable, Equatable {
        /// Start the text with a UTF-8 byte-order mark.
        public var byteOrderMark: Bool
        /// Prefix `'` to text cells starting with `=`, `+`, `-`, `@`, tab or CR (never to a number).
        public var guardFormulas: Bool

        public init(byteOrderMark: Bool = false, guardFormulas: Bool = false) {
            self.byteOrderMark = byteOrderMark
            self.guardFormulas = guardFormulas
        }

        /// Both off: plain RFC 4180, byte for byte as before the options existed.
        public static let plain = Options()
        /// Both on: for files meant to be opened in a spreadsheet.
        public static let spreadsheet = Options(byteOrderMark: true, guardFormulas: true)
    }

    public private(set) var text = ""
    public let options: Options

    public init(header: [String], options: Options = Options()) {
        self.options = options
        if options.byteOrderMark { text = "\u{FEFF}" }
        appendRow(header)
    }

    public mutating func appendRow(_ fields: [String]) {
        let guarded = options.guardFormulas
        text += fields.map { Self.quoted(guarded ? Self.formulaSafe($0) : $0) }.joined(separator: ",")
        text += "\n"
    }

    public static func quoted(_ field: String) -> String {
        let needsQuotes = field.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
            || field.first == " " || field.last == " "
        guard needsQuotes else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// The characters that make a spreadsheet read a cell as a formula (OWASP's list).
    static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    /// The cell with `'` in front when it is text starting with a formula character; a number
    /// (`CSVNumber.decimal` reads it) or any other text unchanged.
    public static func formulaSafe(_ field: String) -> String {
        guard let first = field.unicodeScalars.first, formulaStarts.contains(first) else { return field }
        if CSVNumber.decimal(field) != nil, field == field.trimmingCharacters(in: .whitespaces) { return field }
        return "'" + field
    }
}

/// Numbers as the output files write them (docs/MODEL.md section 4): the shortest text that reads
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
