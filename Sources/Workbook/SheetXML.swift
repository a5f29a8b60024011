import Foundation

/// The XML of one worksheet's cells, written as bytes into one buffer: column letters made once
/// per column, each column's last style remembered, numbers written without an intermediate
/// string when whole. Building each cell as interpolated strings (a `CellReference` and a style
/// lookup per cell) was five sixths of writing a plan workbook.
///
/// With `WorkbookWriter.References.afterGaps`, a row or cell carries its reference (`r="7"`,
/// `r="B7"`) only after a gap: a row right after the last row written, and a cell right after
/// the last cell of its row (or in column A), are placed by their order.
struct SheetXML: ~Copyable {
    private var bytes = ByteBuffer()
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
        bytes.append(head)
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
            bytes.append(row)
            append("\">")
        }
    }

    /// Closes the row, or takes it back when it has no cell (Excel needs no empty rows).
    mutating func endRow() {
        if rowHasCell {
            append("</row>")
            lastRow = rowNumber
        } else {
            bytes.truncate(to: rowStart)
        }
    }

    /// The row's number in decimal, in `row`, made once.
    private mutating func rowDigits() {
        guard row.isEmpty else { return }
        row.append(contentsOf: String(rowNumber).utf8)
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
            bytes.append(CellNumber.shortest(number))
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
        bytes.append(element)
        append("</is></c>")
    }

    mutating func finish(tail: String) -> Data {
        bytes.append(tail)
        return bytes.data()
    }

    /// `<c`, then ` r="B7"` after a gap in the row, and ` s="3"` for a style other than 0.
    private mutating func open(_ column: Int, _ style: Int) {
        rowHasCell = true
        append("<c")
        if column != lastColumn + 1 || everyReference {
            while letters.count <= column { letters.append(Array(CellReference.columnName(letters.count + 1).utf8)) }
            rowDigits()
            append(" r=\"")
            bytes.append(letters[column])
            bytes.append(row)
            append("\"")
        }
        lastColumn = column
        if style != 0 {
            while styleAttributes.count <= style { styleAttributes.append(Array(" s=\"\(styleAttributes.count)\"".utf8)) }
            bytes.append(styleAttributes[style])
        }
    }

    private mutating func append(_ text: StaticString) {
        bytes.append(text.utf8Start, text.utf8CodeUnitCount)
    }

    /// A whole number in decimal, as `String(Int64)` writes it.
    private mutating func decimal(_ value: Int64) {
        if value < 0 { append("-") }
        bytes.decimal(value.magnitude)
    }
}

/// Bytes appended into one allocation of `malloc`'s, grown by `realloc` and handed to `Data`
/// without a copy. An array's append checks that its storage is unique and copies through
/// generic code on every call: with a dozen appends a cell, that was a fifth of writing a
/// sheet. The allocation belongs to an `Owner`, so it is freed whatever happens to the writer
/// (a sheet refused half way through included). Not copyable: two copies would write into one
/// allocation.
struct ByteBuffer: ~Copyable {
    private final class Owner {
        var pointer: UnsafeMutableRawPointer?
        init(_ pointer: UnsafeMutableRawPointer) { self.pointer = pointer }
        deinit { free(pointer) }
    }

    private var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int
    private let owner: Owner

    init(capacity: Int = 1 << 16) {
        self.capacity = capacity
        guard let memory = malloc(capacity) else { fatalError("out of memory") }
        base = memory.assumingMemoryBound(to: UInt8.self)
        owner = Owner(memory)
    }

    mutating func append(_ source: UnsafePointer<UInt8>, _ n: Int) {
        if count + n > capacity { grow(count + n) }
        (base + count).update(from: source, count: n)
        count += n
    }

    mutating func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { if let start = $0.baseAddress { append(start, $0.count) } }
    }

    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { if let start = $0.baseAddress { append(start, $0.count) } }
    }

    /// `value` in decimal, its digits written from the last.
    mutating func decimal(_ value: UInt64) {
        var digits = 1, rest = value / 10
        while rest > 0 {
            digits += 1
            rest /= 10
        }
        if count + digits > capacity { grow(count + digits) }
        var v = value, at = base + count + digits
        repeat {
            at -= 1
            at.pointee = UInt8(ascii: "0") + UInt8(v % 10)
            v /= 10
        } while v > 0
        count += digits
    }

    /// Drops the bytes from `count` on.
    mutating func truncate(to count: Int) {
        self.count = min(count, self.count)
    }

    /// The bytes, handed over: the buffer is left empty, with a new allocation.
    mutating func data() -> Data {
        let data = Data(bytesNoCopy: base, count: count, deallocator: .free)
        owner.pointer = nil
        self = ByteBuffer(capacity: 16)
        return data
    }

    private mutating func grow(_ needed: Int) {
        var size = capacity * 2
        while size < needed { size *= 2 }
        guard let memory = realloc(base, size) else { fatalError("out of memory") }
        base = memory.assumingMemoryBound(to: UInt8.self)
        owner.pointer = memory
        capacity = size
    }
}
