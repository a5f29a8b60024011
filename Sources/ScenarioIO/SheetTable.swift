import Foundation
import Workbook

/// A worksheet turned into the table the CSV readers read (`CSVTable`), so that a scenario sheet
/// is validated by exactly the code that validates its CSV file. Each field keeps its cell: the
/// field's `line` is the cell's row and its `column` the cell's column (1 is A), and a
/// diagnostic about it is shown as `data.xlsx:Staff!C17: message` (see `ScenarioWorkbooks`).
///
/// What a cell becomes, as text a CSV file would hold:
/// - text (shared or inline strings) as it is: a number stored as text is read as that text;
/// - a number in its shortest form that reads back as the same double (`12`, `2.53`,
///   `0.30000000000000004`, `1E-7`): exactly the value Excel stores;
/// - a boolean as `true` or `false`;
/// - a date as `YYYY-MM-DD` (a time of day as `YYYY-MM-DDTHH:MM:SS`): where a date belongs
///   (a roster's birth_date) that is what the CSV reader takes, and where a number belongs it
///   is refused at its cell as any text would be.
/// Refused at their cells: an error value (`#N/A`), and a formula. A formula's cached value is
/// whatever the file's last writer computed, or nothing at all for files written by scripts,
/// and this reader recomputes nothing: a planner should paste values (Paste Special > Values).
///
/// Layout: the header is the first row that holds something, after title rows (a row whose
/// only value is the top-left of a merged range spanning several columns, as a title above a
/// table is written). A header cell merged down over the rows below it makes a two-row header:
/// each column is named by its lowest name in those rows, so a group title merged across
/// columns above their own names is passed over. In the data, a cell inside a merged range
/// holds the range's value (an area merged down over its schools' rows). Rows that hold
/// nothing, trailing or not, are skipped, as blank lines of a CSV file are.
enum SheetTable {
    /// `file` names the table in diagnostics (`data.xlsx#Staff`), `sheet` is the sheet as read.
    static func table(_ sheet: WorkbookSheet, file: String) -> Result<CSVTable, ScenarioError> {
        var log = DiagnosticLog()
        func fail(_ row: Int, _ column: Int?, _ message: String) {
            log.add(file, line: row, column: column, message)
        }
        // Merged ranges by their top-left cell, which holds the range's value.
        var mergedFrom: [CellReference: CellRange] = [:]
        for range in sheet.merges where range.first != range.last { mergedFrom[range.first] = range }
        let titleStarts = Set(sheet.merges.filter { $0.last.column > $0.first.column }.map(\.first))

        // Title rows, then the header band.
        var index = 0
        while index < sheet.rows.count {
            let row = sheet.rows[index]
            let filled = row.cells.filter { !isBlank($0) }
            guard filled.count == 1, titleStarts.contains(filled[0].reference),
                  index + 1 < sheet.rows.count else { break }
            index += 1
        }
        guard index < sheet.rows.count else {
            return .failure(ScenarioError(Diagnostic(file: file, message: "is empty: expected a header row naming the columns")))
        }
        let headerRow = sheet.rows[index]
        var bandEnd = headerRow.number
        for cell in headerRow.cells {
            if let range = mergedFrom[cell.reference], range.last.row > bandEnd { bandEnd = min(range.last.row, headerRow.number + 4) }
        }
        var names: [Int: (text: String, row: Int)] = [:]
        while index < sheet.rows.count, sheet.rows[index].number <= bandEnd {
            for cell in sheet.rows[index].cells {
                guard let text = text(of: cell, file: file, &log), !CSVText.trimmed(text).isEmpty else { continue }
                names[cell.column] = (text, cell.row)
            }
            index += 1
        }
        let width = names.keys.max() ?? 0
        guard width > 0 else {
            fail(headerRow.number, nil, "this header row names no column")
            return .failure(ScenarioError(log.diagnostics))
        }
        let header = (1...width).map { column in
            CSVTable.Field(text: names[column]?.text ?? "", line: names[column]?.row ?? headerRow.number, column: column)
        }
        var seen: [String: Int] = [:]
        for field in header where !field.isBlank {
            let key = CSVTable.normalized(field.text)
            if let first = seen[key] {
                fail(field.line, field.column, "column '\(field.trimmed)' appears twice in the header "
                        + "(also at column \(CellReference.columnName(first)))")
            } else {
                seen[key] = field.column
            }
        }

        // The data rows.
        var rows: [CSVTable.Row] = []
        var fill: [CellReference: String] = [:]   // merged cells' values, by covered cell
        // Only cells of the table are filled, and a million at most: a hostile file may merge
        // every cell of the grid, many times over.
        let lastRow = sheet.rows.last?.number ?? 0
        var fillBudget = 1_000_000
        for row in sheet.rows[index...] {
            var fields = (1...width).map { CSVTable.Field(text: "", line: row.number, column: $0) }
            var any = false
            for cell in row.cells {
                guard let text = text(of: cell, file: file, &log) else { continue }
                if let range = mergedFrom[cell.reference], range.first.column <= width {
                    let rowsCovered = range.first.row...min(range.last.row, lastRow)
                    let columnsCovered = range.first.column...min(range.last.column, width)
                    fillBudget -= rowsCovered.count * columnsCovered.count
                    guard fillBudget >= 0 else {
                        fail(cell.row, cell.column, "merged ranges cover more than a million cells of this sheet; unmerge them")
                        return .failure(ScenarioError(log.diagnostics))
                    }
                    for r in rowsCovered {
                        for c in columnsCovered where r != cell.row || c != cell.column {
                            fill[CellReference(row: r, column: c)!] = text
                        }
                    }
                }
                if cell.column > width {
                    if !CSVText.trimmed(text).isEmpty {
                        fail(cell.row, cell.column, "this cell holds '\(text)' but its column has no name in the header; "
                                + "name the column or clear the cell")
                    }
                    continue
                }
                fields[cell.column - 1].text = text
                if !CSVText.trimmed(text).isEmpty { any = true }
            }
            if !fill.isEmpty {
                for c in 1...width where fields[c - 1].text.isEmpty {
                    if let text = fill[CellReference(row: row.number, column: c)!] {
                        fields[c - 1].text = text
                        if !CSVText.trimmed(text).isEmpty { any = true }
                    }
                }
            }
            if any { rows.append(CSVTable.Row(line: row.number, fields: fields)) }
        }
        guard log.isEmpty else { return .failure(ScenarioError(log.diagnostics)) }
        return .success(CSVTable(file: file, header: header, rows: CSVTable.Rows(made: rows)))
    }

    private static func isBlank(_ cell: SheetCell) -> Bool {
        if cell.formula != nil { return false }
        if case .text(let text)? = cell.value { return CSVText.trimmed(text).isEmpty }
        return cell.value == nil
    }

    /// A cell's value as the text a CSV file would hold (see the type's comment); nil (reported)
    /// for a formula or an error value.
    static func text(of cell: SheetCell, file: String, _ log: inout DiagnosticLog) -> String? {
        if let formula = cell.formula {
            log.add(file, line: cell.row, column: cell.column,
                    "holds a formula (=\(formula.prefix(60))): a scenario cell must hold a value; "
                        + "copy the cells and paste them back as values (Paste Special > Values)")
            return nil
        }
        switch cell.value {
        case nil: return ""
        case .text(let text)?: return text
        case .number(let number)?: return CellNumber.shortest(number)
        case .bool(let value)?: return value ? "true" : "false"
        case .date(let serial)?:
            guard let iso = DateSerial.isoText(serial) else {
                log.add(file, line: cell.row, column: cell.column, "holds a date Excel cannot show (serial \(CellNumber.shortest(serial)))")
                return nil
            }
            return iso
        case .error(let code)?:
            log.add(file, line: cell.row, column: cell.column, "holds the error \(code): type the value instead")
            return nil
        }
    }
}
