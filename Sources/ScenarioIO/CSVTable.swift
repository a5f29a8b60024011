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
/// afterwards. So this is a small byte-level tokenizer (delimiters are ASCII, so scanning
/// UTF-8 bytes is exact), tested in `CSVTableTests`.
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
        public var trimmed: String { text.trimmingCharacters(in: .whitespaces) }
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

    /// The name used in diagnostics (the path as the user would recognise it).
    public let file: String
    public let header: [Field]
    public let rows: [Row]

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
        name.trimmingCharacters(in: .whitespaces).lowercased()
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
    public static func parse(_ data: Data, file: String) throws(ScenarioError) -> CSVTable {
        let bytes = [UInt8](data)
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            throw ScenarioError(Diagnostic(file: file, message: "is UTF-16 text; save it as CSV UTF-8"))
        }
        var start = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
        if let bad = firstInvalidUTF8(bytes, from: start) {
            let (line, column) = position(of: bad, in: bytes, from: start)
            throw ScenarioError(Diagnostic(file: file, line: line, column: column,
                                           message: "is not valid UTF-8 text here; save the file as CSV UTF-8"))
        }
        var log = DiagnosticLog()
        var records = tokenize(bytes, from: start, file: file, log: &log)
        guard !records.isEmpty else {
            log.add(file, "is empty: expected a header row naming the columns")
            throw ScenarioError(log.diagnostics)
        }
        let header = records.removeFirst()
        var seen: [String: Field] = [:]
        for field in header.fields where !field.isBlank {
            let key = normalized(field.text)
            if let first = seen[key] {
                log.add(file, line: field.line, column: field.column,
                        "column '\(field.trimmed)' appears twice in the header (also at column \(first.column))")
            } else {
                seen[key] = field
            }
        }
        for row in records where row.fields.count != header.fields.count {
            var message = "this row has \(row.fields.count) fields but the header has \(header.fields.count)"
            if row.fields.count > header.fields.count {
                message += "; a value holding a comma must be in double quotes"
            }
            log.add(file, line: row.line, column: 1, message)
        }
        guard log.isEmpty else { throw ScenarioError(log.diagnostics) }
        return CSVTable(file: file, header: header.fields, rows: records)
    }

    private static let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","),
                       cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")

    /// Splits the bytes into records of fields, skipping blank lines.
    private static func tokenize(_ bytes: [UInt8], from start: Int, file: String, log: inout DiagnosticLog) -> [Row] {
        var rows: [Row] = []
        var fields: [Field] = []
        var i = start
        let n = bytes.count
        var line = 1, column = 1
        var rowLine = 1

        @inline(__always) func step() {
            // A column is a Unicode scalar: count lead bytes, not continuation bytes.
            if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        /// At CR or LF: consumes one line end (CRLF, LF or CR).
        @inline(__always) func newline(into buffer: inout [UInt8], keep: Bool) {
            if bytes[i] == cr {
                if keep { buffer.append(cr) }
                i += 1
                if i < n, bytes[i] == lf {
                    if keep { buffer.append(lf) }
                    i += 1
                }
            } else {
                if keep { buffer.append(lf) }
                i += 1
            }
            line += 1
            column = 1
        }
        func endRow() {
            let blank = fields.count == 1 && !fields[0].quoted && fields[0].text.isEmpty
            if !blank { rows.append(Row(line: rowLine, fields: fields)) }
            fields = []
        }

        var none: [UInt8] = []
        while true {
            if fields.isEmpty { rowLine = line }
            let fieldLine = line, fieldColumn = column
            var buffer: [UInt8] = []
            var quoted = false
            if i < n, bytes[i] == quote {
                quoted = true
                step()
                var closed = false
                while i < n {
                    let b = bytes[i]
                    if b == quote {
                        if i + 1 < n, bytes[i + 1] == quote {
                            buffer.append(quote)
                            step()
                            step()
                        } else {
                            step()
                            closed = true
                            break
                        }
                    } else if b == cr || b == lf {
                        newline(into: &buffer, keep: true)
                    } else {
                        buffer.append(b)
                        step()
                    }
                }
                if !closed {
                    log.add(file, line: fieldLine, column: fieldColumn,
                            "this quoted field is never closed: a '\"' is missing")
                } else if i < n, bytes[i] != comma, bytes[i] != cr, bytes[i] != lf {
                    log.add(file, line: line, column: column,
                            "text after the closing quote; inside quotes write a quote as \"\"")
                    while i < n, bytes[i] != comma, bytes[i] != cr, bytes[i] != lf {
                        buffer.append(bytes[i])
                        step()
                    }
                }
            } else {
                while i < n, bytes[i] != comma, bytes[i] != cr, bytes[i] != lf {
                    buffer.append(bytes[i])
                    step()
                }
            }
            fields.append(Field(text: String(decoding: buffer, as: UTF8.self), line: fieldLine,
                                column: fieldColumn, quoted: quoted))
            if i >= n {
                endRow()
                break
            }
            if bytes[i] == comma {
                step()
            } else {
                newline(into: &none, keep: false)
                endRow()
                if i >= n { break }
            }
        }
        return rows
    }

    /// The byte offset of the first byte that does not start a valid UTF-8 sequence, if any.
    static func firstInvalidUTF8(_ bytes: [UInt8], from start: Int) -> Int? {
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
        let s = text.trimmingCharacters(in: .whitespaces)
        var digits = Substring(s)
        if let first = digits.first, first == "+" || first == "-" { digits = digits.dropFirst() }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(s.hasPrefix("+") ? String(s.dropFirst()) : s)
    }

    /// A finite decimal number with a dot: `2.53`, `-0.5`, `.5`, `1e3`. Not `inf`, `nan`,
    /// hexadecimal or `2,53`. nil otherwise.
    public static func decimal(_ text: String) -> Double? {
        let s = text.trimmingCharacters(in: .whitespaces)
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
