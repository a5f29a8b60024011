import Foundation

/// Reads one worksheet part event by event (`SheetHandler`, fed by the reader `reading` names),
/// handing each row to `body` as soon as its end tag is read.
struct SheetParser {
    let file: String
    let sheet: String
    let sharedStrings: () throws(WorkbookError) -> [String]
    let dateStyles: [Bool]
    let date1904: Bool

    /// Which XML reader parses the part.
    let reading: XMLReading

    /// Parses `data`, calling `body` with each row that holds a cell; returns the merged ranges.
    func parse(_ data: Data, part: String, _ body: @escaping (SheetRow) throws(WorkbookError) -> Void) throws(WorkbookError) -> [CellRange] {
        var handler = SheetHandler(context: self, body: body)
        do {
            try reading.parse(data, into: &handler)
        } catch let error as WorkbookError {
            throw error
        } catch let malformed as XMLEvents.Malformed {
            throw WorkbookError(file: file, sheet: sheet, message: "\(part), line \(malformed.line), \(malformed.message)")
        } catch {
            throw WorkbookError(file: file, sheet: sheet, message: "cannot be read: \(error)")
        }
        return handler.merges
    }

    /// `text` without surrounding spaces, calling Foundation only when there are some (a value
    /// of a cell almost never has any, and Foundation's trimming was a tenth of the reading).
    static func trimmed(_ text: String) -> String {
        let plain = text.utf8.withContiguousStorageIfAvailable { bytes in
            guard let first = bytes.first, let last = bytes.last else { return true }
            return first > 0x20 && last > 0x20 && first < 0x80 && last < 0x80
        }
        if plain ?? false { return text }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `CellReference(text)`, read from the string's UTF-8 storage in place where it has one:
    /// the generic reading through the string's UTF-8 view was 1.3% of checking a 3,500-school
    /// workbook, more than the rest of a cell's start tag.
    static func reference(_ text: String) -> CellReference? {
        if let stored = text.utf8.withContiguousStorageIfAvailable({ CellReference(utf8: $0) }) { return stored }
        return CellReference(text)
    }

    /// `Double(text)`, made from the digits when the text is a whole number of at most 15
    /// digits (`-` allowed), which a double holds exactly: most numbers of a scenario are
    /// counts, and the C library's `strtod` took longer than the rest of their reading.
    static func number(_ text: String) -> Double? {
        if let whole = text.utf8.withContiguousStorageIfAvailable(wholeNumber) ?? nil { return whole }
        return Double(text)
    }

    /// The value of `bytes` when they are a whole number of at most 15 digits; nil otherwise.
    static func wholeNumber(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        let negative = bytes.first == UInt8(ascii: "-")
        let start = negative ? 1 : 0
        guard bytes.count > start, bytes.count - start <= 15 else { return nil }
        var value = 0
        for k in start..<bytes.count {
            let digit = bytes[k] &- 0x30
            guard digit < 10 else { return nil }
            value = value * 10 + Int(digit)
        }
        return negative ? -Double(value) : Double(value)
    }

    /// A style index of one to nine digits, as `Int` reads it; nil for anything else.
    static func wholeStyle(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard (1...9).contains(bytes.count), bytes[0] != UInt8(ascii: "-") else { return nil }
        return wholeNumber(bytes).map { Int($0) }
    }

    /// The serial of an ISO 8601 date (`2024-03-05`, optionally with `T12:30:00`), for cells of type `d`.
    static func isoSerial(_ text: String) -> Double? {
        let trimmed = Self.trimmed(text)
        let parts = trimmed.split(separator: "T", maxSplits: 1)
        let date = parts.first.map { $0.split(separator: "-") } ?? []
        guard date.count == 3, let y = Int(date[0]), let m = Int(date[1]), let d = Int(date[2]),
              (1900...9999).contains(y), (1...12).contains(m), (1...31).contains(d) else { return nil }
        var serial = DateSerial.serial(year: y, month: m, day: d)
        if parts.count == 2 {
            let time = parts[1].prefix(8).split(separator: ":").compactMap { Double($0) }
            guard time.count >= 2 else { return nil }
            serial += (time[0] * 3600 + time[1] * 60 + (time.count > 2 ? time[2] : 0)) / 86_400
        }
        return serial
    }
}
