import Foundation

/// Reads one worksheet part event by event (`XMLEvents`), handing each row to `body` as soon as
/// its end tag is read; only the row being read and the merged ranges are kept.
struct SheetParser {
    let file: String
    let sheet: String
    let sharedStrings: () throws(WorkbookError) -> [String]
    let dateStyles: [Bool]
    let date1904: Bool

    private func error(_ cell: CellReference?, row: Int? = nil, _ message: String) -> WorkbookError {
        WorkbookError(file: file, sheet: sheet, cell: cell, row: row, message: message)
    }

    /// Parses `data`, calling `body` with each row that holds a cell; returns the merged ranges.
    func parse(_ data: Data, part: String, _ body: @escaping (SheetRow) throws(WorkbookError) -> Void) throws(WorkbookError) -> [CellRange] {
        var merges: [CellRange] = []
        var strings: [String]?
        // The row and cell being read.
        var rowNumber = 0, lastRow = 0, lastColumn = 0
        var cells: [SheetCell] = []
        var inSheetData = false, inRow = false
        var cellRef: CellReference?
        var cellType = "n", cellStyle = 0
        var value: String?, formula: String?, inline: String?
        var capture: Capture = .none
        var buffer = ""
        var inlineDepth = 0, phonetic = 0

        func finishCell() throws(WorkbookError) {
            guard let ref = cellRef else { return }
            defer { cellRef = nil }
            let typed: CellValue?
            switch cellType {
            case "s":
                guard let value else { typed = nil; break }
                if strings == nil { strings = try sharedStrings() }
                guard let index = Int(Self.trimmed(value)), index >= 0, index < strings!.count else {
                    throw error(ref, "refers to shared string \(value), which the workbook does not have "
                                + "(\(strings!.count) shared strings): the file is damaged")
                }
                typed = .text(strings![index])
            case "inlineStr":
                typed = inline.map { .text(OOXMLText.unescaped($0)) } ?? value.map { .text(OOXMLText.unescaped($0)) }
            case "str":
                typed = value.map { .text(OOXMLText.unescaped($0)) }
            case "b":
                guard let value else { typed = nil; break }
                switch Self.trimmed(value).lowercased() {
                case "1", "true": typed = .bool(true)
                case "0", "false": typed = .bool(false)
                default: throw error(ref, "is marked as a boolean but holds '\(value)'")
                }
            case "e":
                typed = value.map { .error($0.trimmingCharacters(in: .whitespaces)) }
            case "d":
                guard let value else { typed = nil; break }
                guard let serial = Self.isoSerial(value) else {
                    throw error(ref, "is marked as a date but holds '\(value)'")
                }
                typed = .date(serial)
            case "n":
                // A formula saved without its result may have an empty <v/>: no value.
                guard let text = value.map(Self.trimmed), !text.isEmpty else { typed = nil; break }
                guard let number = Double(text), number.isFinite else {
                    throw error(ref, "is marked as a number but holds '\(text)'")
                }
                let isDate = cellStyle >= 0 && cellStyle < dateStyles.count && dateStyles[cellStyle]
                typed = isDate ? .date(date1904 ? number + DateSerial.offset1904 : number) : .number(number)
            default:
                throw error(ref, "has an unknown cell type '\(cellType)'")
            }
            if typed == nil, formula == nil { return }
            cells.append(SheetCell(reference: ref, value: typed, formula: formula))
        }

        do {
            try XMLEvents.parse(data, start: { name, attributes in
                switch name {
                case "sheetData":
                    inSheetData = true
                case "row" where inSheetData:
                    if let text = attributes["r"] {
                        guard let number = Int(Self.trimmed(text)), number >= 1 else {
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
                    cells = []
                case "c" where inRow:
                    let ref: CellReference
                    if let text = attributes["r"] {
                        guard let parsed = CellReference(text) else {
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
                        ref = parsed
                    } else {
                        guard let next = CellReference(row: rowNumber, column: lastColumn + 1) else {
                            throw error(nil, row: rowNumber, "has a cell beyond Excel's last column, XFD")
                        }
                        ref = next
                    }
                    guard ref.column > lastColumn else {
                        throw error(ref, "comes after column \(CellReference.columnName(lastColumn)) in its row: "
                                    + "cells must be in order")
                    }
                    lastColumn = ref.column
                    cellRef = ref
                    cellType = attributes["t"] ?? "n"
                    cellStyle = attributes["s"].flatMap { Int($0) } ?? 0
                    value = nil
                    formula = nil
                    inline = nil
                    inlineDepth = 0
                    phonetic = 0
                    capture = .none
                case "v" where cellRef != nil:
                    capture = .value
                    buffer = ""
                case "f" where cellRef != nil:
                    capture = .formula
                    buffer = ""
                    // A cell sharing a formula written elsewhere has an empty <f>: still a formula.
                    formula = formula ?? ""
                case "is" where cellRef != nil:
                    inlineDepth += 1
                    inline = inline ?? ""
                case "rPh" where inlineDepth > 0:
                    phonetic += 1
                case "t" where inlineDepth > 0 && phonetic == 0:
                    capture = .inline
                case "mergeCell":
                    if let text = attributes["ref"] {
                        guard let range = CellRange(text) else {
                            throw error(nil, "has a merged range '\(text)' that is not a range of cells")
                        }
                        merges.append(range)
                    }
                default:
                    break
                }
            }, end: { name in
                switch name {
                case "v":
                    if capture == .value { value = buffer }
                    capture = .none
                case "f":
                    if capture == .formula { formula = buffer }
                    capture = .none
                case "t":
                    if capture == .inline { capture = .none }
                case "rPh":
                    if inlineDepth > 0 { phonetic -= 1 }
                case "is":
                    inlineDepth -= 1
                case "c":
                    try finishCell()
                case "row" where inRow:
                    inRow = false
                    lastRow = rowNumber
                    if !cells.isEmpty { try body(SheetRow(number: rowNumber, cells: cells)) }
                    cells = []
                case "sheetData":
                    inSheetData = false
                default:
                    break
                }
            }, text: { text in
                switch capture {
                case .none: break
                case .value, .formula: buffer += text
                case .inline: inline = (inline ?? "") + text
                }
            })
        } catch let error as WorkbookError {
            throw error
        } catch let malformed as XMLEvents.Malformed {
            throw WorkbookError(file: file, sheet: sheet, message: "\(part), line \(malformed.line), \(malformed.message)")
        } catch {
            throw WorkbookError(file: file, sheet: sheet, message: "cannot be read: \(error)")
        }
        return merges
    }

    private enum Capture { case none, value, formula, inline }

    /// `text` without surrounding spaces, calling Foundation only when there are some (a value
    /// of a cell almost never has any, and Foundation's trimming was a tenth of the reading).
    static func trimmed(_ text: String) -> String {
        guard let first = text.utf8.first, let last = text.utf8.last else { return text }
        if first > 0x20, last > 0x20, first < 0x80, last < 0x80 { return text }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
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
