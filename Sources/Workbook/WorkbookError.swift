/// Why a workbook could not be read or written: what is wrong, and where, as precisely as known
/// (the file; the sheet; the cell). Shown as `data.xlsx:Staff!C17: message`, `data.xlsx:Staff:
/// message` or `data.xlsx: message`.
public struct WorkbookError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The name of the file as the user gave it.
    public var file: String
    public var sheet: String?
    public var cell: CellReference?
    /// A row when no cell is known (a row element without cells, or numbered past the grid).
    public var row: Int?
    public var message: String

    public init(file: String, sheet: String? = nil, cell: CellReference? = nil, row: Int? = nil, message: String) {
        self.file = file
        self.sheet = sheet
        self.cell = cell
        self.row = row
        self.message = message
    }

    public var description: String {
        var text = file
        if let sheet {
            text += ":" + SheetName.location(sheet, cell)
            if cell == nil, let row { text += "!\(row):\(row)" }
        }
        return text + ": " + message
    }
}
