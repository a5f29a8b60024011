import Foundation

/// The reader of one worksheet part: a state machine fed element by element (`PartHandler`),
/// handing each row to `body` as soon as its end tag is read; only the row being read and the
/// merged ranges are kept.
struct SheetHandler: PartHandler {
    let context: SheetParser
    let body: (SheetRow) throws(WorkbookError) -> Void
    private(set) var merges: [CellRange] = []
    private var strings: [String]?
    // The row and cell being read.
    private var rowNumber = 0, lastRow = 0, lastColumn = 0
    private var cells: [SheetCell] = []
    private var inSheetData = false, inRow = false
    private var cellRef: CellReference?
    private var cellType = CellType.n, cellStyle = 0
    private var value: String?, formula: String?, inline: String?
    private var capture: Capture = .none
    private var buffer = ""
    private var inlineDepth = 0, phonetic = 0

    private enum Capture { case none, value, formula, inline }

    /// A cell's `t`, read once with its tag rather than compared at the cell's end with seven
    /// strings in turn (`n`, the most common, last); from the bytes for a quick cell.
    private enum CellType {
        case n, s, inlineStr, str, b, e, d
        case unknown(String)

        /// The type a `t` of one of the known names gives; nil for any other bytes.
        init?(_ bytes: UnsafeBufferPointer<UInt8>) {
            func named(_ name: StaticString) -> Bool {
                bytes.count == name.utf8CodeUnitCount && memcmp(bytes.baseAddress!, name.utf8Start, bytes.count) == 0
            }
            if bytes.count == 1 {
                switch bytes[0] {
                case UInt8(ascii: "n"): self = .n
                case UInt8(ascii: "s"): self = .s
                case UInt8(ascii: "b"): self = .b
                case UInt8(ascii: "e"): self = .e
                case UInt8(ascii: "d"): self = .d
                default: return nil
                }
            } else if named("inlineStr") {
                self = .inlineStr
            } else if named("str") {
                self = .str
            } else {
                return nil
            }
        }

        /// The type a `t` attribute gives (none: `n`), by the byte reading above.
        init(_ text: String?) {
            guard var text else {
                self = .n
                return
            }
            self = text.withUTF8 { CellType($0) } ?? .unknown(text)
        }
    }

    init(context: SheetParser, body: @escaping (SheetRow) throws(WorkbookError) -> Void) {
        self.context = context
        self.body = body
    }

    var wantsText: Bool { capture != .none }

    private func error(_ cell: CellReference?, row: Int? = nil, _ message: String) -> WorkbookError {
        WorkbookError(file: context.file, sheet: context.sheet, cell: cell, row: row, message: message)
    }

    mutating func start(_ element: PartElement, _ attributes: PartAttributes) throws {
        switch element {
        case .sheetData:
            inSheetData = true
        case .row where inSheetData:
            try startRow(attributes.r)
        case .c where inRow:
            try startCell(attributes)
        case .v where cellRef != nil:
            capture = .value
            buffer = ""
        case .f where cellRef != nil:
            capture = .formula
            buffer = ""
            // A cell sharing a formula written elsewhere has an empty <f>: still a formula.
            formula = formula ?? ""
        case .is where cellRef != nil:
            inlineDepth += 1
            inline = inline ?? ""
        case .rPh where inlineDepth > 0:
            phonetic += 1
        case .t where inlineDepth > 0 && phonetic == 0:
            capture = .inline
        case .mergeCell:
            if let text = attributes.ref {
                guard let range = CellRange(text) else {
                    throw error(nil, "has a merged range '\(text)' that is not a range of cells")
                }
                merges.append(range)
            }
        default:
            break
        }
    }

    mutating func end(_ element: PartElement) throws {
        switch element {
        case .v:
            if capture == .value { value = buffer }
            capture = .none
        case .f:
            if capture == .formula { formula = buffer }
            capture = .none
        case .t:
            if capture == .inline { capture = .none }
        case .rPh:
            if inlineDepth > 0 { phonetic -= 1 }
        case .is:
            inlineDepth -= 1
        case .c:
            try finishCell()
        case .row where inRow:
            inRow = false
            lastRow = rowNumber
            if !cells.isEmpty { try body(SheetRow(number: rowNumber, cells: cells)) }
            // A reader that does not keep the row leaves the buffer to the next one.
            cells.removeAll(keepingCapacity: true)
        case .sheetData:
            inSheetData = false
        default:
            break
        }
    }

    mutating func text(_ text: String) {
        switch capture {
        case .none: break
        // Nearly always one piece: taken as it is, not copied onto an empty string.
        case .value, .formula: if buffer.isEmpty { buffer = text } else { buffer += text }
        case .inline: if let kept = inline, !kept.isEmpty { inline = kept + text } else { inline = text }
        }
    }

    private mutating func startRow(_ r: String?) throws(WorkbookError) {
        if let text = r {
            guard let number = Int(SheetParser.trimmed(text)), number >= 1 else {
                throw error(nil, "has a row numbered '\(text)'")
            }
            guard number <= Workbook.maxRows else {
                throw error(nil, "row \(number) is beyond Excel's last row, \(Workbook.maxRows)")
            }
            rowNumber = number
        } else {
            rowNumber = lastRow + 1
            guard rowNumber <= Workbook.maxRows else {
                throw error(nil, "has more than Excel's \(Workbook.maxRows) rows")
            }
        }
        guard rowNumber > lastRow else {
            throw error(nil, row: rowNumber, "row \(rowNumber) comes after row \(lastRow): rows must be in order")
        }
        inRow = true
        lastColumn = 0
        cells.removeAll(keepingCapacity: true)
    }

    private mutating func startCell(_ attributes: PartAttributes) throws(WorkbookError) {
        try startCell(at: reference(attributes.r), type: CellType(attributes.t),
                      style: attributes.s.flatMap { Int($0) } ?? 0)
    }

    /// The cell a tag's `r` names (checked against the row), or the one after the last.
    private func reference(_ r: String?) throws(WorkbookError) -> CellReference {
        guard let text = r else {
            guard let next = CellReference(row: rowNumber, column: lastColumn + 1) else {
                throw error(nil, row: rowNumber, "has a cell beyond Excel's last column, XFD")
            }
            return next
        }
        guard let parsed = SheetParser.reference(text) else {
            if let column = CellReference.column(named: text.prefix(while: \.isLetter)), column > 0 {
                throw error(nil, row: rowNumber, "cell '\(text)' is beyond Excel's last row, \(Workbook.maxRows)")
            }
            let letters = text.prefix(while: \.isLetter)
            if letters.count > 2, CellReference.column(named: letters) == nil, letters.allSatisfy(\.isASCII) {
                throw error(nil, row: rowNumber, "cell '\(text)' is beyond Excel's last column, XFD")
            }
            throw error(nil, row: rowNumber, "has a cell named '\(text)', which is no cell reference")
        }
        guard parsed.row == rowNumber else {
            throw error(parsed, "is written inside row \(rowNumber): the file is damaged")
        }
        return parsed
    }

    private mutating func startCell(at ref: CellReference, type: CellType, style: Int) throws(WorkbookError) {
        guard ref.column > lastColumn else {
            throw error(ref, "comes after column \(CellReference.columnName(lastColumn)) in its row: "
                        + "cells must be in order")
        }
        lastColumn = ref.column
        cellRef = ref
        cellType = type
        cellStyle = style
        value = nil
        formula = nil
        inline = nil
        inlineDepth = 0
        phonetic = 0
        capture = .none
    }

    /// A cell read whole by the scanner: what its events do (`QuickCell.replay`), with no
    /// string made of its reference, type or style when they are plain.
    mutating func cell(_ quick: QuickCell) throws {
        // Outside a row a cell is passed over, which its events do with more care.
        guard inRow else { return try quick.replay(into: &self) }
        var ref: CellReference?
        if let r = quick.r, let read = CellReference(utf8: quick.run(r)), read.row == rowNumber { ref = read }
        try startCell(at: ref ?? reference(quick.r.map(quick.string)),
                      type: quick.t.map { CellType(quick.run($0)) ?? CellType(quick.string($0)) } ?? .n,
                      style: quick.s.map { SheetParser.wholeStyle(quick.run($0)) ?? Int(quick.string($0)) ?? 0 } ?? 0)
        switch quick.content {
        case .none: break
        case .value(let text): value = quick.string(text)
        case .inline(let text): inline = quick.string(text)
        }
        try finishCell()
    }

    private mutating func finishCell() throws(WorkbookError) {
        guard let ref = cellRef else { return }
        defer { cellRef = nil }
        let typed: CellValue?
        switch cellType {
        case .s:
            guard let value else { typed = nil; break }
            if strings == nil { strings = try context.sharedStrings() }
            guard let index = Int(SheetParser.trimmed(value)), index >= 0, index < strings!.count else {
                throw error(ref, "refers to shared string \(value), which the workbook does not have "
                            + "(\(strings!.count) shared strings): the file is damaged")
            }
            typed = .text(strings![index])
        case .inlineStr:
            typed = inline.map { .text(OOXMLText.unescaped($0)) } ?? value.map { .text(OOXMLText.unescaped($0)) }
        case .str:
            typed = value.map { .text(OOXMLText.unescaped($0)) }
        case .b:
            guard let value else { typed = nil; break }
            switch SheetParser.trimmed(value).lowercased() {
            case "1", "true": typed = .bool(true)
            case "0", "false": typed = .bool(false)
            default: throw error(ref, "is marked as a boolean but holds '\(value)'")
            }
        case .e:
            typed = value.map { .error($0.trimmingCharacters(in: .whitespaces)) }
        case .d:
            guard let value else { typed = nil; break }
            guard let serial = SheetParser.isoSerial(value) else {
                throw error(ref, "is marked as a date but holds '\(value)'")
            }
            typed = .date(serial)
        case .n:
            // A formula saved without its result may have an empty <v/>: no value.
            guard let text = value.map(SheetParser.trimmed), !text.isEmpty else { typed = nil; break }
            guard let number = SheetParser.number(text), number.isFinite else {
                throw error(ref, "is marked as a number but holds '\(text)'")
            }
            let styles = context.dateStyles
            let isDate = cellStyle >= 0 && cellStyle < styles.count && styles[cellStyle]
            typed = isDate ? .date(context.date1904 ? number + DateSerial.offset1904 : number) : .number(number)
        case .unknown(let type):
            throw error(ref, "has an unknown cell type '\(type)'")
        }
        if typed == nil, formula == nil { return }
        cells.append(SheetCell(reference: ref, value: typed, formula: formula))
    }
}
