/// Excel workbooks (Office Open XML, `.xlsx`): a zip of XML parts, read and written as sheets of
/// cells. This module knows cells, sheets and styles, nothing of schools.
///
/// - Reading: `WorkbookReader` opens a workbook (its zip directory walked by `ZipDirectory`,
///   each part inflated by zlib, `Inflater`; `XMLScanner` for the XML of sheets and shared
///   strings, Foundation's `XMLParser` for the small parts, event by event: no tree of a
///   sheet is ever built) and gives each
///   sheet as rows of typed cells (`WorkbookSheet`, `SheetCell`, `CellValue`). Every failure is a
///   `WorkbookError` naming the file and, where known, `Sheet!Cell`.
/// - Writing: `WorkbookWriter` takes sheets of rows of cells (text, numbers, booleans, a few
///   styles) and makes the bytes of a workbook Excel and LibreOffice open, the same bytes for
///   the same sheets.
public enum Workbook {
    /// The last row a sheet may have (Excel's limit, 2^20).
    public static let maxRows = 1_048_576
    /// The last column a sheet may have (XFD, 2^14).
    public static let maxColumns = 16_384
}
