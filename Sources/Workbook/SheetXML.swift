import Foundation

/// The XML of one worksheet's cells, written as bytes into one buffer: column letters made once
/// per column, each column's last style remembered, numbers written without an intermediate
/// string when whole. Building each cell as interpolated strings (a `CellReference` and a style
/// lookup per cell) was five sixths of writing a plan workbook.
///
/// With `WorkbookWriter.References.afterGaps`, a row or cell carries its reference (`r="7"`,
/// `r="B7"`) only after a gap: a row right after the last row written, and a cell right after
/// the last cell of its row (or in column A), are placed by their order.
struct SheetXML {
    private var bytes: [UInt8] = []
    /// The letters of each column met so far (`A`, `B`, ..., `AA`), by column index from 0.
    private var letters: [[UInt8]] = []
    /// The current row's number, its decimal digits (made only when a cell needs them), and
    /// where its `<row>` starts in `bytes`.
    private var rowNumber = 0
    private var row: [UInt8] = []
    private var rowStart = 0, rowHasCell = false
    /// The number of the last row written (0 before the first) and the column index of the
    /// current row's last cell (-1 before its first).
    private var lastRow = 0, lastColumn = -1
    /// ` s="3"` by style index, made once per style (empty for style 0).
    private var styleAttributes: [[UInt8]] = []
    private let everyReference: Bool
    /// Each column's last style and its index: a column's cells mostly share one.
    private var styles: [(style: WorkbookWriter.Style, index: Int)?] = []

    init(head: String, references: WorkbookWriter.References) {
        everyReference = references == .all
        bytes.reserveCapacity(1 << 16)
        bytes.append(contentsOf: head.utf8)
    }

    mutating func startRow(_ number: Int) {
        rowNumber = number
        row.removeAll(keepingCapacity: true)
        rowStart = bytes.count
        rowHasCell = false
        lastColumn = -1
        if number == lastRow + 1, !everyReference {
            append("<row>")
        } else {
            append("<row r=\"")
            rowDigits()
            bytes.append(contentsOf: row)
            append("\">")
        }
    }

    /// Closes the row, or takes it back when it has no cell (Excel needs no empty rows).
    mutating func endRow() {
        if rowHasCell {
            append("</row>")
            lastRow = rowNumber
        } else {
            bytes.removeSubrange(rowStart...)
        }
    }

    /// The row's number in decimal, in `row`, made once.
    private mutating func rowDigits() {
        guard row.isEmpty else { return }
        let start = bytes.count
        decimal(Int64(rowNumber))
        row.append(contentsOf: bytes[start...])
        bytes.removeSubrange(start...)
    }

    func cachedStyle(_ style: WorkbookWriter.Style, column: Int) -> Int? {
        guard column < styles.count, let cached = styles[column], cached.style == style else { return nil }
        return cached.index
    }

    mutating func cache(_ index: Int, _ style: WorkbookWriter.Style, column: Int) -> Int {
        while styles.count <= column { styles.append(nil) }
        styles[column] = (style, index)
        return index
    }

    mutating func emptyCell(column: Int, style: Int) {
        open(column, style)
        append("/>")
    }

    mutating func numberCell(column: Int, style: Int, _ number: Double) {
        open(column, style)
        append("><v>")
        if number == number.rounded(), abs(number) < 1e15, number != 0 || number.sign == .plus {
            decimal(Int64(number))
        } else {
            bytes.append(contentsOf: CellNumber.shortest(number).utf8)
        }
        append("</v></c>")
    }

    mutating func boolCell(column: Int, style: Int, _ value: Bool) {
        open(column, style)
        append(value ? " t=\"b\"><v>1</v></c>" : " t=\"b\"><v>0</v></c>")
    }

    mutating func sharedStringCell(column: Int, style: Int, _ index: Int) {
        open(column, style)
        append(" t=\"s\"><v>")
        decimal(Int64(index))
        append("</v></c>")
    }

    mutating func inlineStringCell(column: Int, style: Int, _ element: String) {
        open(column, style)
        append(" t=\"inlineStr\"><is>")
        bytes.append(contentsOf: element.utf8)
        append("</is></c>")
    }

    mutating func finish(tail: String) -> Data {
        bytes.append(contentsOf: tail.utf8)
        return Data(bytes)
    }

    /// `<c`, then ` r="B7"` after a gap in the row, and ` s="3"` for a style other than 0.
    private mutating func open(_ column: Int, _ style: Int) {
        rowHasCell = true
        append("<c")
        if column != lastColumn + 1 || everyReference {
            while letters.count <= column { letters.append(Array(CellReference.columnName(letters.count + 1).utf8)) }
            rowDigits()
            append(" r=\"")
            bytes.append(contentsOf: letters[column])
            bytes.append(contentsOf: row)
            bytes.append(UInt8(ascii: "\""))
        }
        lastColumn = column
        if style != 0 {
            while styleAttributes.count <= style { styleAttributes.append(Array(" s=\"\(styleAttributes.count)\"".utf8)) }
            bytes.append(contentsOf: styleAttributes[style])
        }
    }

    private mutating func append(_ text: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// A whole number in decimal, as `String(Int64)` writes it.
    private mutating func decimal(_ value: Int64) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                      UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[19 - count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            bytes.append(contentsOf: buffer[(20 - count)...])
        }
    }
}
