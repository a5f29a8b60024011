import Foundation

/// The parts of a workbook other than worksheets: the small ones (relationships, the list of
/// sheets, which cell styles are dates) each read by one `XMLEvents` pass, and the shared
/// strings by the reader `XMLReading` names.
enum PartParsers {
    struct Relationship {
        var id: String
        var type: String
        var target: String
    }

    /// A `.rels` part: each relationship's id, type (its last path segment, such as
    /// `worksheet`) and target path, resolved against `folder` (the folder of the part it
    /// belongs to); external targets are left out.
    static func relationships(_ data: Data, folder: String) throws -> [Relationship] {
        var result: [Relationship] = []
        try XMLEvents.parse(data, start: { name, attributes in
            guard name == "Relationship", let id = attributes["Id"], let target = attributes["Target"],
                  attributes["TargetMode"]?.lowercased() != "external" else { return }
            let type = attributes["Type"].map { String($0.split(separator: "/").last ?? "") } ?? ""
            result.append(Relationship(id: id, type: type, target: resolve(target, in: folder)))
        })
        return result
    }

    /// A target path joined to a folder: `worksheets/sheet1.xml` in `xl` is
    /// `xl/worksheets/sheet1.xml`; `/xl/styles.xml` is absolute; `..` steps up.
    static func resolve(_ target: String, in folder: String) -> String {
        let decoded = target.removingPercentEncoding ?? target
        var parts: [Substring] = decoded.hasPrefix("/") ? [] : folder.split(separator: "/")
        for part in decoded.split(separator: "/") {
            if part == "." || part.isEmpty { continue }
            if part == ".." { if !parts.isEmpty { parts.removeLast() }; continue }
            parts.append(part)
        }
        return parts.joined(separator: "/")
    }

    struct SheetEntry {
        var name: String
        var relationship: String
    }

    /// workbook.xml: the sheets in tab order, and whether dates count from 1904.
    static func workbook(_ data: Data) throws -> (sheets: [SheetEntry], date1904: Bool) {
        var sheets: [SheetEntry] = []
        var date1904 = false
        try XMLEvents.parse(data, start: { name, attributes in
            switch name {
            case "sheet":
                if let sheetName = attributes["name"], let id = attributes["id"] {
                    sheets.append(SheetEntry(name: sheetName, relationship: id))
                }
            case "workbookPr":
                let flag = attributes["date1904"]?.lowercased()
                date1904 = flag == "1" || flag == "true"
            default:
                break
            }
        })
        return (sheets, date1904)
    }

    /// sharedStrings.xml: the text of each `si` (`SharedStringsHandler`), read by `reading`.
    static func sharedStrings(_ data: Data, limit: Int, reading: XMLReading) throws -> [String] {
        var handler = SharedStringsHandler(limit: limit)
        try reading.parse(data, into: &handler)
        return handler.strings
    }

    struct TooMany: Error {}

    /// styles.xml: for each cell format (`cellXfs/xf`, by index), whether its number format
    /// shows a date or time.
    static func dateStyles(_ data: Data) throws -> [Bool] {
        var customDate: [Int: Bool] = [:]
        var formats: [Int] = []
        var inCellXfs = false
        try XMLEvents.parse(data, start: { name, attributes in
            switch name {
            case "numFmt":
                if let id = attributes["numFmtId"].flatMap(Int.init), let code = attributes["formatCode"] {
                    customDate[id] = NumberFormats.isDate(code)
                }
            case "cellXfs": inCellXfs = true
            case "xf" where inCellXfs:
                formats.append(attributes["numFmtId"].flatMap(Int.init) ?? 0)
            default: break
            }
        }, end: { name in
            if name == "cellXfs" { inCellXfs = false }
        })
        return formats.map { customDate[$0] ?? NumberFormats.builtinDateIDs.contains($0) }
    }
}

/// Number formats, as far as telling a date from a number needs.
enum NumberFormats {
    /// Built-in formats that show dates or times (ECMA-376 18.8.30, and the East Asian ids
    /// Excel maps to local date formats).
    static let builtinDateIDs: Set<Int> = Set(14...22).union(27...36).union(45...47).union(50...58)

    /// A format code shows a date or time when, outside quoted text, escapes and `[...]`
    /// sections (colours, conditions; `[h]` elapsed hours count), it has y, m, d, h or s.
    static func isDate(_ code: String) -> Bool {
        var quoted = false, bracket = false, escaped = false
        var section = ""
        for c in code {
            if escaped { escaped = false; continue }
            if quoted { if c == "\"" { quoted = false }; continue }
            if bracket {
                if c == "]" {
                    bracket = false
                    let inner = section.lowercased()
                    if !inner.isEmpty, inner.allSatisfy({ "hms".contains($0) }) { return true }
                }
                section.append(c)
                continue
            }
            switch c {
            case "\"": quoted = true
            case "\\", "_", "*": escaped = true
            case "[": bracket = true; section = ""
            case ";": return false  // only the first section (positive numbers) decides
            default:
                if "yYmMdDhHsS".contains(c) { return true }
                if c == "e" || c == "E" { return false }  // scientific: 0.00E+00
            }
        }
        return false
    }
}

/// Text as OOXML stores it: characters XML cannot hold are written `_xHHHH_` (`_x000D_` for a
/// carriage return), and `_x005F_` escapes an underscore that would otherwise start one.
enum OOXMLText {
    static func unescaped(_ text: String) -> String {
        // Most text has no `_x` (though many have an underscore: `natural_science`): a scan of
        // the bytes in place, not of an array of scalars.
        guard text.utf8.withContiguousStorageIfAvailable(Self.mayHoldEscape) ?? Self.mayHoldEscape(Array(text.utf8))
        else { return text }
        var scalars = String.UnicodeScalarView()
        let source = Array(text.unicodeScalars)
        var i = 0
        while i < source.count {
            if source[i] == "_", i + 6 < source.count, source[i + 1] == "x", source[i + 6] == "_",
               let value = UInt32(String(String.UnicodeScalarView(source[(i + 2)..<(i + 6)])), radix: 16),
               let scalar = Unicode.Scalar(value) {
                scalars.append(scalar)
                i += 7
            } else {
                scalars.append(source[i])
                i += 1
            }
        }
        return String(scalars)
    }

    /// Whether the bytes hold `_x`, with which every escape starts.
    private static func mayHoldEscape(_ bytes: some RandomAccessCollection<UInt8>) -> Bool {
        var previous: UInt8 = 0
        for byte in bytes {
            if previous == UInt8(ascii: "_"), byte == UInt8(ascii: "x") { return true }
            previous = byte
        }
        return false
    }

    /// The escape the writer needs: control characters XML 1.0 cannot hold, and an underscore
    /// that would read as the start of an escape.
    static func escaped(_ text: String) -> String {
        var needs = false
        for scalar in text.unicodeScalars where scalar.value < 0x20 && scalar != "\t" && scalar != "\n" || scalar == "_" {
            needs = true
            break
        }
        guard needs else { return text }
        var out = ""
        let source = Array(text.unicodeScalars)
        for (i, scalar) in source.enumerated() {
            if scalar.value < 0x20, scalar != "\t", scalar != "\n" {
                out += "_x" + hex4(scalar.value) + "_"
            } else if scalar == "_", i + 6 < source.count, source[i + 1] == "x", source[i + 6] == "_",
                      UInt32(String(String.UnicodeScalarView(source[(i + 2)..<(i + 6)])), radix: 16) != nil {
                out += "_x005F_"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func hex4(_ value: UInt32) -> String {
        let s = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: 4 - s.count) + s
    }
}
