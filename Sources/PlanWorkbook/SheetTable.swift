/// One table of a readable plan: a sheet of the plan workbook, or one of the readable CSVs.
/// Cells keep full precision (numbers are doubles, never rounded here); how a number is shown
/// is the column's `Kind`, so the workbook stores the exact figure under a display format and
/// the CSV writes it rounded for display.
public struct SheetTable: Sendable {
    /// How a column's numbers are shown.
    public enum Kind: Sendable, Equatable {
        /// Text, left-aligned.
        case text
        /// Whole numbers (payroll, counts of schools): `#,##0`.
        case whole
        /// A school year such as 2026: a whole number without a thousands separator.
        case year
        /// Figures that may have fractions (required, staff, shortage, km, W, cost): 2 decimals
        /// in the workbook (`#,##0.00`), at most 2 in a CSV.
        case decimal
        /// Teachers in an action: mostly whole, a fraction with sharing; Excel's General format,
        /// which shows 0.2 for 0.1999999999999993.
        case teachers
    }

    /// Which numbers a column colours.
    public enum Highlight: Sendable, Equatable {
        case none
        /// Red above 0: teachers still short.
        case shortage
        /// Signed surplus (+) or shortage (−): green above 0, red below.
        case balance
    }

    public struct Column: Sendable, Equatable {
        public var heading: String
        public var kind: Kind
        public var highlight: Highlight

        public init(_ heading: String, _ kind: Kind, highlight: Highlight = .none) {
            self.heading = heading
            self.kind = kind
            self.highlight = highlight
        }
    }

    public enum Cell: Sendable, Equatable {
        case text(String)
        case number(Double)
        /// A whole number shown as one in any column (the payroll in the summary's figures).
        case count(Int)
        case empty

        /// A number, or an empty cell for nil.
        public static func optional(_ value: Double?) -> Cell {
            value.map(Cell.number) ?? .empty
        }

        /// A text, or an empty cell for nil or "".
        public static func optional(_ value: String?) -> Cell {
            guard let value, !value.isEmpty else { return .empty }
            return .text(value)
        }
    }

    /// The sheet's name (at most 31 characters, none of `[]:*?/\`: `SheetNames` makes it so).
    public var name: String
    public var columns: [Column]
    public var rows: [[Cell]]
    /// How many rows at the end are totals (shown bold in the workbook).
    public var totalRows: Int

    public init(name: String, columns: [Column], rows: [[Cell]] = [], totalRows: Int = 0) {
        self.name = name
        self.columns = columns
        self.rows = rows
        self.totalRows = totalRows
    }

    /// Display widths in characters, one per column: the longest of the heading and the cells,
    /// within 6...60 (a name of 200 characters does not push the next column off the screen).
    /// Numbers count as their display text.
    public var widths: [Double] {
        // Row by row, once: a column at a time went through every row array once per column.
        var longest = columns.map { $0.heading.count }
        for row in rows {
            for (c, cell) in row.enumerated() where c < longest.count {
                switch cell {
                case .text(let text): longest[c] = max(longest[c], Self.scalarCount(text))
                case .number(let value): longest[c] = max(longest[c], Self.displayLength(value))
                case .count(let value): longest[c] = max(longest[c], Self.displayLength(Double(value)) - 3)
                case .empty: break
                }
            }
        }
        return longest.map { Double(min(60, max(6, $0 + 2))) }
    }

    /// The characters of a text as its Unicode scalars, counted from its UTF-8 bytes (every
    /// byte but a continuation byte starts one): `unicodeScalars.count` walks the scalars one
    /// index at a time, and a plan of 3,500 schools has a hundred thousand names to measure.
    static func scalarCount(_ text: String) -> Int {
        text.utf8.withContiguousStorageIfAvailable { bytes in
            var count = 0
            for byte in bytes where byte & 0xC0 != 0x80 { count += 1 }
            return count
        } ?? text.unicodeScalars.count
    }

    /// About as many characters as a number shows with 2 decimals and thousands separators,
    /// without formatting it (a plan of 3,500 schools has half a million numbers).
    static func displayLength(_ value: Double) -> Int {
        let magnitude = abs(value)
        guard magnitude >= 10 else { return 5 }
        guard magnitude < 1e15 else { return 24 }
        let digits = Int(magnitude.rounded(.down)).description.utf8.count
        return digits + (digits - 1) / 3 + 3 + (value < 0 ? 1 : 0)
    }
}
