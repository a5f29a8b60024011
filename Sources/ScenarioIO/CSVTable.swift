import Foundation

/// A CSV file read as RFC 4180 text, every field with the line and column where it starts,
/// so that a reader can say `file:line:column: message` about any cell.
///
/// Accepted: UTF-8 with or without a byte-order mark; CRLF, LF or lone CR line ends (mixed
/// too); fields quoted with `"` holding commas, line breaks and doubled quotes `""`; a
/// header row naming the columns in any order (looked up by name, ignoring case and
/// surrounding spaces); blank lines anywhere (skipped). Refused, each with its position:
/// text that is not UTF-8 (or is UTF-16), a quoted field never closed, text after a closing
/// quote, a row whose number of fields differs from the header's, two header columns of the
/// same name, and a file with no header at all. A quote inside an unquoted field
/// (`ab"c`) is kept as a character: that reading is unambiguous, and spreadsheets write it.
///
/// Why not a library: yaslab/CSV.swift 2.5.2 and swiftcsv/SwiftCSV 0.10.0 were both read
/// for this. Neither reports where a row or field starts: CSV.swift's `CSVReader` yields
/// `[String]` rows from a private scalar iterator and keeps no line count, and it silently
/// accepts an unclosed quote and text after a closing quote (its own source marks that
/// branch `// ERROR?`); SwiftCSV's parser hands `[String]` rows to a callback, drops
/// leading spaces of fields, and its `CSVParseError` carries only a message. Because a
/// quoted field may span lines, a line number cannot be rebuilt from the row index
/// afterwards. So this is a small byte-level tokenizer (`CSVScanner`; delimiters are ASCII,
/// so scanning UTF-8 bytes is exact), tested in `CSVTableTests`.
///
/// Memory: a table holds the file's bytes once, its header, and two integers per row (where
/// the row starts and its line), not the fields of every row: `rows` makes a row's fields
/// when it is read. Parsing checks the whole file first, so a table that parsed has no
/// structural error left to find while its rows are read. docs/RELIABILITY.md has the figures
/// for a 100 MB staff.csv.
public struct CSVTable: Sendable {
    /// One cell: its text (unquoted, `""` undone, nothing trimmed) and where it starts
    /// (the opening quote of a quoted field). Columns count Unicode scalars from 1, as YAML
    /// marks do; the byte-order mark is not counted.
    public struct Field: Sendable, Equatable {
        public var text: String
        public var line: Int
        public var column: Int
        public var quoted: Bool

        public init(text: String, line: Int, column: Int, quoted: Bool = false) {
            self.text = text
            self.line = line
            self.column = column
            self.quoted = quoted
        }

        /// The text without surrounding spaces and tabs.
        public var trimmed: String { CSVText.trimmed(text) }
        public var isBlank: Bool { trimmed.isEmpty }
    }

    public struct Row: Sendable, Equatable {
        /// The line the row starts on.
        public var line: Int
        public var fields: [Field]

        /// The field at a column index from `CSVTable.index(of:)`; nil for nil or past the end.
        public subscript(_ index: Int?) -> Field? {
            guard let index, index < fields.count else { return nil }
            return fields[index]
        }
    }

    /// The rows after the header, blank lines skipped, in file order. The collection holds
    /// the file's bytes (once) and where each row starts; reading a row makes its fields then,
    /// so a reader that goes through the rows one at a time never has every field of a large
    /// file in memory at once. Reading a row again makes its fields again.
    public struct Rows: RandomAccessCollection, Sendable {
        /// Where a row starts: its first byte (column 1) and its line.
        struct Start: Sendable {
            var offset: Int
            var line: Int
        }

        private let data: Data
        private let starts: [Start]
        /// The header's number of fields, which every row has.
        private let columns: Int
        /// Rows made whole instead of read from CSV bytes: a worksheet's (`SheetTable`).
        private let made: [Row]?

        init(data: Data, starts: [Start], columns: Int) {
            self.data = data
            self.starts = starts
            self.columns = columns
            self.made = nil
        }

        init(made rows: [Row]) {
            self.data = Data()
            self.starts = []
            self.columns = 0
            self.made = rows
        }

        public var startIndex: Int { 0 }
        public var endIndex: Int { made?.count ?? starts.count }

        public subscript(position: Int) -> Row {
            if let made { return made[position] }
            let start = starts[position]
            let fields = data.withUnsafeBytes { raw in
                raw.withMemoryRebound(to: UInt8.self) { bytes in
                    var scanner = CSVScanner(bytes, offset: start.offset, line: start.line)
                    return scanner.row(capacity: columns)
                }
            }
            return Row(line: start.line, fields: fields)
        }
    }

    /// The name used in diagnostics (the path as the user would recognise it).
    public let file: String
    public let header: [Field]
    public let rows: Rows

    /// The index of the header column named `name` (case and surrounding spaces ignored).
    public func index(of name: String) -> Int? {
        let wanted = Self.normalized(name)
        return header.firstIndex { Self.normalized($0.text) == wanted }
    }

    /// The header's names, trimmed, as written.
    public var columnNames: [String] { header.map(\.trimmed) }

    /// One diagnostic for each of `names` that the header lacks, positioned on the header
    /// line, suggesting the nearest present column where it looks like a typo.
    public func missingColumns(_ names: [String]) -> [Diagnostic] {
        names.filter { index(of: $0) == nil }.map { name in
            let present = columnNames.filter { !$0.isEmpty }
            var message = "the header has no column '\(name)'"
            if let near = Suggestion.nearest(name, in: present) {
                message += " (did you mean '\(near)'?)"
            }
            if present.count == 1, present[0].contains(";") {
                message += "; the file looks separated by ';': save it as comma-separated CSV (UTF-8)"
            } else {
                message += "; its columns are: " + present.joined(separator: ", ")
            }
            return Diagnostic(file: file, line: header.first?.line ?? 1, column: 1, message: message)
        }
    }

    static func normalized(_ name: String) -> String {
        CSVText.trimmed(name).lowercased()
    }

    // MARK: Reading

    /// Reads and parses the file at `path`; `file` names it in diagnostics (default: `path`).
    public static func read(contentsOf path: String, file: String? = nil) throws(ScenarioError) -> CSVTable {
        let name = file ?? path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ScenarioError(Diagnostic(file: name, message: "file not found"))
        }
        guard !isDirectory.boolValue else {
            throw ScenarioError(Diagnostic(file: name, message: "is a folder, not a CSV file"))
        }
        guard FileKind.isRegularFile(path) else {
            throw ScenarioError(Diagnostic(file: name, message: "is not a regular file"))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ScenarioError(Diagnostic(file: name, message: "cannot be read (permissions?)"))
        }
        return try parse(data, file: name)
    }

    public static func parse(_ text: String, file: String) throws(ScenarioError) -> CSVTable {
        try parse(Data(text.utf8), file: file)
    }

    /// Parses CSV bytes. Throws every structural problem found, each with its position.
    ///
    /// The table keeps `data` itself (no copy) and, per row, only where the row starts: a row's
    /// fields are made when the row is read from `rows`.
    public static func parse(_ data: Data, file: String) throws(ScenarioError) -> CSVTable {
        let scanned = data.withUnsafeBytes { raw in
            raw.withMemoryRebound(to: UInt8.self) { bytes in scan(bytes, file: file) }
        }
        switch scanned {
        case .failure(let error):
            throw error
        case .success(let (header, starts)):
            return CSVTable(file: file, header: header, rows: Rows(data: data, starts: starts, columns: header.count))
        }
    }

    /// Checks the structure of the whole file without keeping its fields: the header's fields,
    /// and where each row after it starts.
    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>, file: String)
        -> Result<([Field], [Rows.Start]), ScenarioError> {
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            return .failure(ScenarioError(Diagnostic(file: file, message: "is UTF-16 text; save it as CSV UTF-8")))
        }
        var start = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
        if let bad = firstInvalidUTF8(bytes, from: start) {
            let (line, column) = position(of: bad, in: bytes, from: start)
            return .failure(ScenarioError(Diagnostic(file: file, line: line, column: column,
                                                     message: "is not valid UTF-8 text here; save the file as CSV UTF-8")))
        }
        var log = DiagnosticLog()
        var scanner = CSVScanner(bytes, offset: start, line: 1)
        var header: [Field]?
        var candidate: [Field] = []         // the fields of a row that may become the header
        var starts: [Rows.Start] = []
        var miscounted: [(line: Int, count: Int)] = []
        var rowStart = Rows.Start(offset: start, line: 1)
        var count = 0, blank = false
        while true {
            if count == 0 { rowStart = Rows.Start(offset: scanner.offset, line: scanner.line) }
            let token = scanner.next()
            if !token.closed {
                log.add(file, line: token.line, column: token.column,
                        "this quoted field is never closed: a '\"' is missing")
            } else if !token.trailing.isEmpty {
                log.add(file, line: token.trailingLine, column: token.trailingColumn,
                        "text after the closing quote; inside quotes write a quote as \"\"")
            }
            if count == 0 { blank = token.isBlank }
            count += 1
            if header == nil { candidate.append(scanner.field(token)) }
            if token.end == .comma { continue }
            // A row ends here; a blank line (one empty unquoted field) is skipped.
            if count > 1 || !blank {
                if let header {
                    starts.append(rowStart)
                    if count != header.count { miscounted.append((rowStart.line, count)) }
                } else {
                    header = candidate
                }
            }
            candidate = []
            count = 0
            if token.end == .file || scanner.atEnd { break }
        }
        guard let header else {
            log.add(file, "is empty: expected a header row naming the columns")
            return .failure(ScenarioError(log.diagnostics))
        }
        var seen: [String: Field] = [:]
        for field in header where !field.isBlank {
            let key = normalized(field.text)
            if let first = seen[key] {
                log.add(file, line: field.line, column: field.column,
                        "column '\(field.trimmed)' appears twice in the header (also at column \(first.column))")
            } else {
                seen[key] = field
            }
        }
        for (line, count) in miscounted {
            var message = "this row has \(count) fields but the header has \(header.count)"
            if count > header.count {
                message += "; a value holding a comma must be in double quotes"
            }
            log.add(file, line: line, column: 1, message)
        }
        guard log.isEmpty else { return .failure(ScenarioError(log.diagnostics)) }
        return .success((header, starts))
    }

    /// The byte offset of the first byte that does not start a valid UTF-8 sequence, if any.
    static func firstInvalidUTF8(_ bytes: [UInt8], from start: Int) -> Int? {
        bytes.withUnsafeBufferPointer { firstInvalidUTF8($0, from: start) }
    }

    static func firstInvalidUTF8(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var i = start
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let length: Int
            var low: UInt8 = 0x80, high: UInt8 = 0xBF
            switch b {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: return i
            }
            guard i + length <= n else { return i }
            for k in 1..<length {
                let c = bytes[i + k]
                let (lo, hi) = k == 1 ? (low, high) : (UInt8(0x80), UInt8(0xBF))
                if c < lo || c > hi { return i }
            }
            i += length
        }
        return nil
    }

    /// Line and column (in scalars, counting the bad byte as one) of a byte offset.
    static func position(of offset: Int, in bytes: [UInt8], from start: Int) -> (Int, Int) {
        bytes.withUnsafeBufferPointer { position(of: offset, in: $0, from: start) }
    }

    static func position(of offset: Int, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (Int, Int) {
        let lf = CSVScanner.lf, cr = CSVScanner.cr
        var line = 1, column = 1
        var i = start
        while i < offset {
            let b = bytes[i]
            if b == lf || (b == cr && (i + 1 >= bytes.count || bytes[i + 1] != lf)) {
                line += 1
                column = 1
            } else if b != cr, b & 0xC0 != 0x80 {
                column += 1
            }
            i += 1
        }
        return (line, column)
    }
}

/// Numbers in CSV cells and their limits, shared by the scenario and plan readers.
public enum CSVNumber {
    /// A whole number written with digits only (an optional sign; spaces around ignored):
    /// `12`, `-3`. Not `12.0`, `1e3` or `1,000`. nil when not of that form or out of Int range.
    public static func integer(_ text: String) -> Int? {
        let s = CSVText.trimmed(text)
        var digits = Substring(s)
        if let first = digits.first, first == "+" || first == "-" { digits = digits.dropFirst() }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(s.hasPrefix("+") ? String(s.dropFirst()) : s)
    }

    /// A finite decimal number with a dot: `2.53`, `-0.5`, `.5`, `1e3`. Not `inf`, `nan`,
    /// hexadecimal or `2,53`. nil otherwise.
    public static func decimal(_ text: String) -> Double? {
        let s = CSVText.trimmed(text)
        var sawDigit = false, sawDot = false, sawExponent = false, exponentDigits = false
        var previous: Character = " "
        for (k, c) in s.enumerated() {
            switch c {
            case "0"..."9":
                if sawExponent { exponentDigits = true } else { sawDigit = true }
            case "+", "-":
                guard k == 0 || previous == "e" || previous == "E" else { return nil }
            case ".":
                guard !sawDot, !sawExponent else { return nil }
                sawDot = true
            case "e", "E":
                guard sawDigit, !sawExponent else { return nil }
                sawExponent = true
            default:
                return nil
            }
            previous = c
        }
        guard sawDigit, !sawExponent || exponentDigits, let value = Double(s), value.isFinite else { return nil }
        return value
    }
}

/// Trimming of cells, which a reader does for nearly every cell of a file.
enum CSVText {
    /// `text.trimmingCharacters(in: .whitespaces)` (spaces, tabs and the other Unicode spaces
    /// around the text), without calling Foundation when there is nothing to trim: a text
    /// whose first and last bytes are ASCII other than space and tab is returned as it is.
    /// Foundation's trimming makes a new string through NSString every time, and was about
    /// half the time of reading a large staff.csv.
    @inline(__always)
    static func trimmed(_ text: String) -> String {
        let utf8 = text.utf8
        guard let first = utf8.first, let last = utf8.last else { return text }
        if isKept(first), isKept(last) { return text }
        return text.trimmingCharacters(in: .whitespaces)
    }

    /// `trimmed(text).isEmpty`, settled by the first byte when it is kept (nearly always),
    /// without looking for the last.
    @inline(__always)
    static func isBlank(_ text: String) -> Bool {
        guard let first = text.utf8.first else { return true }
        return isKept(first) ? false : trimmed(text).isEmpty
    }

    /// An ASCII byte that `CharacterSet.whitespaces` does not hold: every ASCII byte but space
    /// and tab (the set's other members are all beyond ASCII).
    @inline(__always)
    private static func isKept(_ byte: UInt8) -> Bool {
        byte < 0x80 && byte != 0x20 && byte != 0x09
    }
}
