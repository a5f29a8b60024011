import Foundation

/// Writes a workbook from sheets of rows of cells. Small on purpose: text, numbers and
/// booleans; per sheet frozen header rows and column widths; per cell a style (bold, a fill
/// colour, a number format). The same sheets always give the same bytes (fixed order, fixed zip
/// timestamps), and the file opens in Excel and LibreOffice.
///
/// ```swift
/// var sheet = WorkbookWriter.Sheet(name: "Transfers", frozenRows: 1, columnWidths: [12, 30])
/// sheet.rows.append([.text("from_school", style: .header), .text("teachers", style: .header)])
/// sheet.rows.append([.text("S1"), .number(2.5, style: .init(numberFormat: "0.00"))])
/// let bytes = try WorkbookWriter(sheets: [sheet]).data()
/// ```
///
/// A number is stored in full (its shortest text that reads back as the same double); a
/// number format only changes how it is shown. Text is written as shared strings, as Excel
/// does; characters XML cannot hold are escaped as OOXML does (`_x000D_`).
public struct WorkbookWriter: Sendable {
    public struct Sheet: Sendable {
        /// At most 31 characters, none of `[ ] : * ? / \`, unique in the workbook ignoring case.
        public var name: String
        /// Rows from row 1; a row may be shorter than others; `.empty` cells are left out.
        public var rows: [[Cell]]
        /// Rows kept in view when scrolling (1 for a header row); 0 for none.
        public var frozenRows: Int
        /// Widths in characters, from column A; nil keeps the default width.
        public var columnWidths: [Double?]

        public init(name: String, rows: [[Cell]] = [], frozenRows: Int = 0, columnWidths: [Double?] = []) {
            self.name = name
            self.rows = rows
            self.frozenRows = frozenRows
            self.columnWidths = columnWidths
        }
    }

    public enum Value: Sendable, Equatable {
        case text(String)
        case number(Double)
        case bool(Bool)
        case empty
    }

    /// How a cell looks. The default style is Excel's own (Calibri 11, no fill, General).
    public struct Style: Sendable, Hashable {
        public var bold: Bool
        /// A solid fill as `RRGGBB` hex (`FFC7CE`, Excel's light red), or nil.
        public var fill: String?
        /// An Excel number format such as `0.00` or `#,##0`; nil for General.
        public var numberFormat: String?

        public init(bold: Bool = false, fill: String? = nil, numberFormat: String? = nil) {
            self.bold = bold
            self.fill = fill
            self.numberFormat = numberFormat
        }

        public static let plain = Style()
        /// A header cell: bold on light grey.
        public static let header = Style(bold: true, fill: "D9D9D9")
    }

    public struct Cell: Sendable, Equatable {
        public var value: Value
        public var style: Style

        public init(_ value: Value, style: Style = .plain) {
            self.value = value
            self.style = style
        }

        public static func text(_ text: String, style: Style = .plain) -> Cell { Cell(.text(text), style: style) }
        public static func number(_ number: Double, style: Style = .plain) -> Cell { Cell(.number(number), style: style) }
        public static func bool(_ value: Bool, style: Style = .plain) -> Cell { Cell(.bool(value), style: style) }
        public static let empty = Cell(.empty)
    }

    /// Which rows and cells name their place (`<row r="7">`, `<c r="B7">`).
    public enum References: Sendable {
        /// Every row and cell, as Excel writes them.
        case all
        /// Only a row or cell after a gap (an empty row or cell before it); the others are
        /// placed by their order, as ECMA-376 allows (`r` is optional on rows and cells) and
        /// Excel, LibreOffice and openpyxl read. A third less XML, and much less for deflate:
        /// the references, all different, were most of what it could not compress. Some
        /// libraries (older calamine, EPPlus, ClosedXML) want every reference.
        case afterGaps
    }

    public var sheets: [Sheet]
    /// Shared strings (as Excel writes) or inline strings (each text in its cell).
    public var sharedStrings: Bool
    public var references = References.all

    public init(sheets: [Sheet] = [], sharedStrings: Bool = true) {
        self.sheets = sheets
        self.sharedStrings = sharedStrings
    }

    /// The bytes of the `.xlsx` file. Throws for a sheet name Excel refuses, a number that is
    /// not finite, or a sheet past Excel's grid.
    public func data() throws(WorkbookError) -> Data {
        try Self.zip(try parts())
    }

    /// The parts `data()` zips, by path, in order: for tests that damage one part on purpose.
    public func parts() throws(WorkbookError) -> [(String, Data)] {
        var builder = WorkbookParts(self)
        return try builder.parts()
    }

    /// A zip of `parts` in the given order, deflated by zlib at `deflateLevel` (`ZipWriter`), with
    /// fixed timestamps: what `data()` uses, public so that tests and fuzz seeds can make
    /// workbooks part by part (damaged ones too).
    public static func zip(_ parts: [(String, Data)]) throws(WorkbookError) -> Data {
        var zip = ZipWriter(level: deflateLevel)
        for (path, content) in parts { try zip.add(path, content) }
        return try zip.finish()
    }

    /// zlib's level for every part: 3, chosen by measurement (`Benchmarks/README.md`, "Own zip
    /// writer"). Writing the plan workbook of s3500 (3,500 schools, 12.5 MB of XML) took, in CPU
    /// seconds, 0.134 at level 1, 0.133 at 2, 0.136 at 3, 0.152 at 4 and 0.193 at 6
    /// (ZIPFoundation's fixed level before); plan.xlsx was 841, 748, 666, 695 and 518 KiB, and
    /// for quang-ninh 53.8, 48.8, 45.7, 45.1 and 37.4 KB. Levels 1 to 3 are zlib's fast matcher
    /// and cost the same within the noise, so 3 is the smallest of them; level 6 would save
    /// 22% to 28% of the file for 0.057 s more. A planner emails these files: 666 KiB instead of
    /// 518 KiB is a cost, but a small one against any mail limit, while level 1 would be a
    /// quarter larger again for no time saved.
    static let deflateLevel: Int32 = 3

    /// Writes `data()` to `path` (replacing the file). Commands that must write all or nothing
    /// take `data()` and write it with their other outputs instead.
    public func write(to path: String) throws(WorkbookError) {
        let bytes = try data()
        do {
            try bytes.write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw WorkbookError(file: path, message: "cannot be written: \(error.localizedDescription)")
        }
    }
}
