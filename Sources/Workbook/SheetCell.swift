import Foundation

/// What a cell holds, as read from a sheet.
public enum CellValue: Sendable, Equatable {
    /// Text: a shared string, an inline string, or the text result of a formula.
    case text(String)
    /// A number in a cell whose format is not a date's.
    case number(Double)
    /// A number in a cell formatted as a date or time: Excel's serial day count, already
    /// corrected for the 1904 date system (see `DateSerial`).
    case date(Double)
    case bool(Bool)
    /// An error such as `#N/A` or `#DIV/0!`.
    case error(String)
}

/// One cell of a sheet that holds something: a value, a formula, or both. Cells that hold
/// nothing (only a style) are not reported.
public struct SheetCell: Sendable, Equatable {
    public var reference: CellReference
    /// The value, or the value a formula had when the file was last saved (its cached result);
    /// nil for a formula saved without a result (files written by scripts often are).
    public var value: CellValue?
    /// The formula's text without `=`, when the cell holds a formula. A reader of plain data
    /// should refuse such a cell: the cached value may be stale, or missing.
    public var formula: String?

    public init(reference: CellReference, value: CellValue?, formula: String? = nil) {
        self.reference = reference
        self.value = value
        self.formula = formula
    }

    public var column: Int { reference.column }
    public var row: Int { reference.row }
}

/// One row of a sheet: its number and its cells that hold something, left to right.
public struct SheetRow: Sendable, Equatable {
    public var number: Int
    public var cells: [SheetCell]

    public init(number: Int, cells: [SheetCell]) {
        self.number = number
        self.cells = cells
    }

    /// The cell in `column`, if it holds something.
    public subscript(column: Int) -> SheetCell? {
        // Rows are short: a linear search beats building an index.
        cells.first { $0.column == column }
    }
}

/// A sheet as read: its rows that hold something (empty rows, trailing or not, are absent), in
/// order, and its merged ranges.
public struct WorkbookSheet: Sendable, Equatable {
    public var name: String
    public var rows: [SheetRow]
    /// The sheet's merged ranges (`mergeCells`): Excel keeps the value in the top-left cell only.
    public var merges: [CellRange]

    public init(name: String, rows: [SheetRow], merges: [CellRange] = []) {
        self.name = name
        self.rows = rows
        self.merges = merges
    }
}

/// Excel's dates: a number of days from 1899-12-30 (with 1900 wrongly taken as a leap year, so
/// serials before 61 are off by one day), or from 1904-01-01 in workbooks saved with the 1904
/// date system. The reader gives every date in the 1900 system.
public enum DateSerial {
    /// Days between the two systems' day 0.
    public static let offset1904 = 1462.0

    /// `YYYY-MM-DD` for a whole day, `YYYY-MM-DDTHH:MM:SS` when the serial has a time of day;
    /// nil for serials outside years 1900-9999 or not finite.
    public static func isoText(_ serial: Double) -> String? {
        guard serial.isFinite, serial >= 1, serial < 2_958_466 else { return nil }
        var days = serial.rounded(.down)
        var seconds = ((serial - days) * 86_400).rounded()
        if seconds >= 86_400 { days += 1; seconds = 0 }
        // Serial 60 is Excel's 1900-02-29, a day that never was; before it the count is one ahead.
        if days == 60 { return seconds == 0 ? "1900-02-29" : nil }
        // From 1899-12-30, 25,569 days before 1970-01-01; a day later before the phantom day.
        let fromEpoch = Int(days) - 25_569 + (days < 60 ? 1 : 0)
        let (y, m, d) = civil(fromEpoch)
        var text = pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2)
        if seconds > 0 {
            let s = Int(seconds)
            text += "T" + pad(s / 3600, 2) + ":" + pad(s / 60 % 60, 2) + ":" + pad(s % 60, 2)
        }
        return text
    }

    /// Year, month, day of a count of days from 1970-01-01 (Howard Hinnant's algorithm).
    static func civil(_ daysFromEpoch: Int) -> (Int, Int, Int) {
        let z = daysFromEpoch + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// The serial of a day (1900 system); for the writer and tests.
    public static func serial(year: Int, month: Int, day: Int) -> Double {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let fromEpoch = era * 146_097 + doe - 719_468
        let serial = Double(fromEpoch + 25_569)
        return serial < 61 ? serial - 1 : serial
    }

    private static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }
}
