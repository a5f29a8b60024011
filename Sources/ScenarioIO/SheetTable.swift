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
    /// The table of sheet `sheet` of `reader`, read row by row: a sheet without merged ranges
    /// (nearly every scenario sheet) is made into its table as its rows are parsed (`Stream`),
    /// never held whole; a sheet with merged ranges, whose title rows, header and filled cells
    /// are known only once its ranges are (they come after the cells), is read whole first.
    /// Both ways give the same table and the same diagnostics.
    static func read(_ sheet: String, of reader: WorkbookReader, file: String) throws(WorkbookError)
        -> Result<CSVTable, ScenarioError> {
        final class Sink {
            var stream: Stream?
            var rows: [SheetRow] = []
        }
        let sink = Sink()
        let merges = try reader.forEachRow(of: sheet, begin: { mayHaveMerges in
            if !mayHaveMerges { sink.stream = Stream(file: file) }
        }) { row in
            if sink.stream != nil { sink.stream!.add(row) } else { sink.rows.append(row) }
        }
        if let stream = sink.stream {
            // The reader vouched for no merged range before the rows; one found would change the table.
            assert(merges.isEmpty, "a sheet streamed as having no merged ranges has some")
            return stream.table()
        }
        return table(WorkbookSheet(name: sheet, rows: sink.rows, merges: merges), file: file)
    }

    /// `file` names the table in diagnostics (`data.xlsx#Staff`), `sheet` is the sheet as read.
    static func table(_ sheet: WorkbookSheet, file: String) -> Result<CSVTable, ScenarioError> {
        var log = DiagnosticLog()
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
        guard index < sheet.rows.count else { return .failure(empty(file)) }
        let headerRow = sheet.rows[index]
        var bandEnd = headerRow.number
        for cell in headerRow.cells {
            if let range = mergedFrom[cell.reference], range.last.row > bandEnd { bandEnd = min(range.last.row, headerRow.number + 4) }
        }
        let bandStart = index
        while index < sheet.rows.count, sheet.rows[index].number <= bandEnd { index += 1 }
        guard let header = header(sheet.rows[bandStart..<index], at: headerRow.number, file: file, &log) else {
            return .failure(ScenarioError(log.diagnostics))
        }

        // The data rows.
        var data = DataRows(file: file, width: header.count, mergedFrom: mergedFrom, lastRow: sheet.rows.last?.number ?? 0)
        for row in sheet.rows[index...] {
            guard data.add(row, &log) else { return .failure(ScenarioError(log.diagnostics)) }
        }
        return data.table(header: header, log)
    }

    /// A sheet without merged ranges made into its table row by row, as `table(_:file:)` makes
    /// it of the whole sheet: with no range there is no title row, the header is the first row
    /// alone and no cell is filled, so each row is final when it comes.
    struct Stream {
        let file: String
        private var log = DiagnosticLog()
        private var header: [CSVTable.Field]?
        private var data: DataRows?
        /// The header named no column (reported): the rows after it are not read.
        private var stopped = false

        init(file: String) {
            self.file = file
        }

        mutating func add(_ row: SheetRow) {
            if stopped { return }
            if data != nil {
                // Without merged ranges nothing is filled, so no row can stop the table.
                _ = data!.add(row, &log)
                return
            }
            guard let header = SheetTable.header(CollectionOfOne(row), at: row.number, file: file, &log) else {
                stopped = true
                return
            }
            self.header = header
            data = DataRows(file: file, width: header.count, mergedFrom: [:], lastRow: 0)
        }

        func table() -> Result<CSVTable, ScenarioError> {
            if stopped { return .failure(ScenarioError(log.diagnostics)) }
            guard let header, let data else { return .failure(SheetTable.empty(file)) }
            return data.table(header: header, log)
        }
    }

    static func empty(_ file: String) -> ScenarioError {
        ScenarioError(Diagnostic(file: file, message: "is empty: expected a header row naming the columns"))
    }

    /// The header of the rows of the header band (the header row, and the rows its merged cells
    /// reach down over): each column named by its lowest name. nil (reported) when no column is named.
    static func header(_ band: some Sequence<SheetRow>, at headerRow: Int, file: String, _ log: inout DiagnosticLog)
        -> [CSVTable.Field]? {
        var names: [Int: (text: String, row: Int)] = [:]
        for row in band {
            for cell in row.cells {
                guard let text = text(of: cell, file: file, &log), !CSVText.trimmed(text).isEmpty else { continue }
                names[cell.column] = (text, cell.row)
            }
        }
        let width = names.keys.max() ?? 0
        guard width > 0 else {
            log.add(file, line: headerRow, column: nil, "this header row names no column")
            return nil
        }
        let header = (1...width).map { column in
            CSVTable.Field(text: names[column]?.text ?? "", line: names[column]?.row ?? headerRow, column: column)
        }
        var seen: [String: Int] = [:]
        for field in header where !field.isBlank {
            let key = CSVTable.normalized(field.text)
            if let first = seen[key] {
                log.add(file, line: field.line, column: field.column, "column '\(field.trimmed)' appears twice in the header "
                        + "(also at column \(CellReference.columnName(first)))")
            } else {
                seen[key] = field.column
            }
        }
        return header
    }

    /// The rows after the header band, made into the table's rows one at a time.
    struct DataRows {
        let file: String
        let width: Int
        let mergedFrom: [CellReference: CellRange]
        /// The sheet's last row, below which no merged range fills anything.
        let lastRow: Int
        private var rows: [CSVTable.Row] = []
        private var fill: [CellReference: String] = [:]   // merged cells' values, by covered cell
        // Only cells of the table are filled, and a million at most: a hostile file may merge
        // every cell of the grid, many times over.
        private var fillBudget = 1_000_000

        init(file: String, width: Int, mergedFrom: [CellReference: CellRange], lastRow: Int) {
            self.file = file
            self.width = width
            self.mergedFrom = mergedFrom
            self.lastRow = lastRow
        }

        /// Adds `row`; false (reported) when merged ranges cover too many cells: stop there.
        mutating func add(_ row: SheetRow, _ log: inout DiagnosticLog) -> Bool {
            var fields = (1...width).map { CSVTable.Field(text: "", line: row.number, column: $0) }
            var any = false
            for cell in row.cells {
                guard let text = text(of: cell, file: file, &log) else { continue }
                if !mergedFrom.isEmpty, let range = mergedFrom[cell.reference], range.first.column <= width {
                    let rowsCovered = range.first.row...min(range.last.row, lastRow)
                    let columnsCovered = range.first.column...min(range.last.column, width)
                    fillBudget -= rowsCovered.count * columnsCovered.count
                    guard fillBudget >= 0 else {
                        log.add(file, line: cell.row, column: cell.column,
                                "merged ranges cover more than a million cells of this sheet; unmerge them")
                        return false
                    }
                    for r in rowsCovered {
                        for c in columnsCovered where r != cell.row || c != cell.column {
                            fill[CellReference(row: r, column: c)!] = text
                        }
                    }
                }
                if cell.column > width {
                    if !CSVText.isBlank(text) {
                        log.add(file, line: cell.row, column: cell.column, "this cell holds '\(text)' but its column has no name "
                                + "in the header; name the column or clear the cell")
                    }
                    continue
                }
                fields[cell.column - 1].text = text
                if !CSVText.isBlank(text) { any = true }
            }
            if !fill.isEmpty {
                for c in 1...width where fields[c - 1].text.isEmpty {
                    if let text = fill[CellReference(row: row.number, column: c)!] {
                        fields[c - 1].text = text
                        if !CSVText.isBlank(text) { any = true }
                    }
                }
            }
            if any { rows.append(CSVTable.Row(line: row.number, fields: fields)) }
            return true
        }

        func table(header: [CSVTable.Field], _ log: DiagnosticLog) -> Result<CSVTable, ScenarioError> {
            guard log.isEmpty else { return .failure(ScenarioError(log.diagnostics)) }
            return .success(CSVTable(file: file, header: header, rows: CSVTable.Rows(made: rows)))
        }
    }


    private static func isBlank(_ cell: SheetCell) -> Bool {
        if cell.formula != nil { return false }
        if case .text(let text)? = cell.value { return CSVText.isBlank(text) }
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
