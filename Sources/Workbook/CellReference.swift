/// A cell's place in a sheet, as Excel writes it: `C17` is column 3, row 17 (both from 1).
/// Only references within Excel's grid (rows up to 1,048,576, columns up to XFD) exist.
public struct CellReference: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let row: Int
    public let column: Int

    /// nil when the row or column lies outside Excel's grid.
    public init?(row: Int, column: Int) {
        guard (1...Workbook.maxRows).contains(row), (1...Workbook.maxColumns).contains(column) else { return nil }
        self.row = row
        self.column = column
    }

    /// Reads `C17` (letters in either case, then digits; `$` signs of absolute references are
    /// allowed and dropped). nil for anything else or outside the grid.
    public init?(_ text: some StringProtocol) {
        self.init(utf8: text.utf8)
    }

    /// The same from UTF-8 bytes: a worksheet's, read in place without making a string.
    public init?<Bytes: Sequence<UInt8>>(utf8 bytes: Bytes) {
        var column = 0, row = 0
        var letters = 0, digits = 0
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "$"):
                guard digits == 0 else { return nil }
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"):
                guard digits == 0, letters < 3 else { return nil }
                column = column * 26 + Int((byte | 0x20) - UInt8(ascii: "a")) + 1
                letters += 1
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard letters > 0, digits < 7, !(digits == 0 && byte == UInt8(ascii: "0")) else { return nil }
                row = row * 10 + Int(byte - UInt8(ascii: "0"))
                digits += 1
            default:
                return nil
            }
        }
        guard letters > 0, digits > 0 else { return nil }
        self.init(row: row, column: column)
    }

    /// The letters of a column: 1 is A, 27 is AA, 16,384 is XFD.
    public static func columnName(_ column: Int) -> String {
        var n = column
        var letters: [UInt8] = []
        while n > 0 {
            let k = (n - 1) % 26
            letters.append(UInt8(ascii: "A") + UInt8(k))
            n = (n - 1) / 26
        }
        return String(decoding: letters.reversed(), as: UTF8.self)
    }

    /// The column of a column's letters (`XFD` is 16,384); nil for anything else or beyond XFD.
    public static func column(named letters: some StringProtocol) -> Int? {
        CellReference(letters + "1")?.column
    }

    public var description: String { Self.columnName(column) + String(row) }

    public static func < (a: CellReference, b: CellReference) -> Bool {
        (a.row, a.column) < (b.row, b.column)
    }
}

/// A rectangle of cells such as `A1:C2` (a merged range); a single reference is a 1 x 1 range.
public struct CellRange: Hashable, Sendable, CustomStringConvertible {
    public let first: CellReference
    public let last: CellReference

    public init(first: CellReference, last: CellReference) {
        self.first = CellReference(row: min(first.row, last.row), column: min(first.column, last.column))!
        self.last = CellReference(row: max(first.row, last.row), column: max(first.column, last.column))!
    }

    /// Reads `A1:C2` or `B4`; nil for anything else.
    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 1 || parts.count == 2,
              let first = CellReference(parts[0]), let last = CellReference(parts[parts.count - 1]) else { return nil }
        self.init(first: first, last: last)
    }

    public func contains(_ cell: CellReference) -> Bool {
        (first.row...last.row).contains(cell.row) && (first.column...last.column).contains(cell.column)
    }

    public var description: String { first == last ? first.description : "\(first):\(last)" }
}

/// How messages name a sheet: as Excel writes it in a formula, in single quotes when it holds
/// anything but letters, digits and `_` (`'Hires and releases'!B3`), a quote doubled inside.
public enum SheetName {
    public static func quoted(_ name: String) -> String {
        let plain = !name.isEmpty && name.unicodeScalars.allSatisfy {
            $0 == "_" || $0.properties.isAlphabetic || ("0"..."9").contains($0)
        } && !("0"..."9").contains(name.unicodeScalars.first!)
        return plain ? name : "'" + name.replacingOccurrences(of: "'", with: "''") + "'"
    }

    /// `Sheet!C17`, or `Sheet` alone without a cell.
    public static func location(_ sheet: String, _ cell: CellReference?) -> String {
        quoted(sheet) + (cell.map { "!\($0)" } ?? "")
    }
}
