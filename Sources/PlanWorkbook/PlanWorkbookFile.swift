import Foundation
import Workbook

/// The plan workbook (`solve --xlsx`, `report --xlsx`): every table of `PlanSheets` as a sheet,
/// its header row bold on grey and frozen, columns as wide as their content, numbers stored in
/// full (the contract's round-trip precision) under a display format, shortage filled red and
/// surplus green, totals bold. The layout is described in docs/WORKBOOK.md.
public enum PlanWorkbookFile {
    /// Excel's light red and light green (its "Bad" and "Good" cell styles).
    static let shortageFill = "FFC7CE"
    static let surplusFill = "C6EFCE"

    /// The bytes of the workbook. Rows and cells name their place only after a gap
    /// (`WorkbookWriter.References.afterGaps`): s3500's workbook is 0.53 MB instead of 1.9 MB,
    /// and written in half the time, most of it deflate's.
    public static func data(_ sheets: PlanSheets) throws(WorkbookError) -> Data {
        var writer = WorkbookWriter(sheets: sheets.all().map(sheet))
        writer.references = .afterGaps
        return try writer.data()
    }

    static func sheet(_ table: SheetTable) -> WorkbookWriter.Sheet {
        let styles = table.columns.map(ColumnStyles.init)
        var rows: [[WorkbookWriter.Cell]] = []
        rows.reserveCapacity(table.rows.count + 1)
        rows.append(table.columns.map { .text($0.heading, style: .header) })
        let firstTotal = table.rows.count - table.totalRows
        // Each column's styles read in place, not copied out of the array once per cell (the
        // copies and their releases were a third of turning a table into cells).
        styles.withUnsafeBufferPointer { styles in
            for (r, row) in table.rows.enumerated() {
                let bold = r >= firstTotal
                var cells: [WorkbookWriter.Cell] = []
                cells.reserveCapacity(row.count)
                // The buffer's subscript is unchecked in release builds: a row wider than the
                // table's columns is a bug in the sheet's builder, stopped here, not read past.
                precondition(row.count <= styles.count, "row \(r) of sheet \(table.name) is wider than its columns")
                for (c, cell) in row.enumerated() { cells.append(styles[c].cell(cell, bold: bold)) }
                rows.append(cells)
            }
        }
        return WorkbookWriter.Sheet(name: table.name, rows: rows, frozenRows: 1, columnWidths: table.widths)
    }

    /// The styles a column's cells take, made once per column rather than once per cell.
    struct ColumnStyles {
        let highlight: SheetTable.Highlight
        let plain: WorkbookWriter.Style
        let count: WorkbookWriter.Style

        init(_ column: SheetTable.Column) {
            highlight = column.highlight
            plain = WorkbookWriter.Style(numberFormat: Self.format(column.kind))
            count = WorkbookWriter.Style(numberFormat: column.kind == .year || column.kind == .text ? "0" : "#,##0")
        }

        static func format(_ kind: SheetTable.Kind) -> String? {
            switch kind {
            case .text, .teachers: return nil
            case .whole: return "#,##0"
            case .year: return "0"
            case .decimal: return "#,##0.00"
            }
        }

        func cell(_ cell: SheetTable.Cell, bold: Bool) -> WorkbookWriter.Cell {
            switch cell {
            case .empty: return .empty
            case .text(let text): return .text(text, style: bold ? WorkbookWriter.Style(bold: true) : .plain)
            case .count(let value): return .number(Double(value), style: styled(count, value: Double(value), bold: bold))
            case .number(let value): return .number(value, style: styled(plain, value: value, bold: bold))
            }
        }

        /// Shortage above 0 red; a balance below 0 red, above 0 green; totals bold. A shortage
        /// within the checker's tolerance (1e-6) is no shortage.
        private func styled(_ base: WorkbookWriter.Style, value: Double, bold: Bool) -> WorkbookWriter.Style {
            var style = base
            style.bold = bold
            switch highlight {
            case .none: break
            case .shortage: if value > 1e-6 { style.fill = PlanWorkbookFile.shortageFill }
            case .balance:
                if value < -1e-6 { style.fill = PlanWorkbookFile.shortageFill }
                if value > 1e-6 { style.fill = PlanWorkbookFile.surplusFill }
            }
            return style
        }
    }
}
