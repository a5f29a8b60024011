import Foundation
import Workbook

/// The workbooks a scenario reads, each opened once however many of its sheets are named, and
/// where each sheet's diagnostics belong.
///
/// A sheet is read into a `CSVTable` whose `file` is `data.xlsx#Staff`, so that every reader
/// of the CSV files reports about it unchanged; `place` then turns such a diagnostic into
/// `data.xlsx:Staff!C17: message` (file `data.xlsx`, sheet `Staff`).
final class ScenarioWorkbooks {
    private var readers: [String: Result<WorkbookReader, WorkbookError>] = [:]
    private var sheets: [String: (file: String, sheet: String)] = [:]

    /// The sheet a file key reads when scenario.yaml names a workbook without `#Sheet`, and the
    /// sheets a whole-workbook scenario reads (docs/WORKBOOK.md).
    static let defaultSheets: [String: String] = [
        "schools": "Schools", "staff": "Staff", "norms": "Norms", "distances": "Distances",
        "roster": "Roster", "retraining": "Retraining", "locks": "Locks", "horizon.classes": "Classes",
        "horizon.staff": "Staff years",
    ]

    /// `data.xlsx#Staff` is the workbook `data.xlsx` and its sheet `Staff`; `data.xlsx` is the
    /// workbook alone; nil for a path that names no workbook (`.xlsx`, any case).
    static func split(_ path: String) -> (workbook: String, sheet: String?)? {
        let lowered = path.lowercased()
        if lowered.hasSuffix(".xlsx") { return (path, nil) }
        guard let range = lowered.range(of: ".xlsx#") else { return nil }
        let cut = path.index(path.startIndex, offsetBy: lowered.distance(from: lowered.startIndex, to: range.upperBound))
        let sheet = String(path[cut...])
        return (String(path[..<path.index(before: cut)]), sheet.isEmpty ? nil : sheet)
    }

    /// A scenario path that is one `.xlsx` workbook rather than a folder or a YAML file.
    static func isWholeWorkbook(_ path: String) -> Bool {
        path.lowercased().hasSuffix(".xlsx")
    }

    func reader(absolute: String, display: String) -> Result<WorkbookReader, WorkbookError> {
        if let known = readers[absolute] { return known }
        let result: Result<WorkbookReader, WorkbookError>
        do {
            result = .success(try WorkbookReader(contentsOf: absolute, file: display))
        } catch {
            result = .failure(error)
        }
        readers[absolute] = result
        return result
    }

    /// Notes that diagnostics about `tableFile` are about `sheet` of `file`.
    func register(_ tableFile: String, file: String, sheet: String) {
        sheets[tableFile] = (file, sheet)
    }

    /// `diagnostic` placed in its sheet, when it is about a sheet's table: a table's line is a
    /// row, so a repeat's "(first on line 7)" is said "(first in row 7)".
    func place(_ diagnostic: Diagnostic) -> Diagnostic {
        guard let (file, sheet) = sheets[diagnostic.file] else { return diagnostic }
        var placed = diagnostic
        placed.file = file
        placed.sheet = sheet
        placed.message = placed.message.replacingOccurrences(of: "(first on line ", with: "(first in row ")
        return placed
    }

    static func diagnostic(_ error: WorkbookError) -> Diagnostic {
        var d = Diagnostic(file: error.file, line: error.cell?.row ?? error.row, column: error.cell?.column, message: error.message)
        d.sheet = error.sheet
        if error.sheet == nil { d.line = nil; d.column = nil }
        return d
    }
}

extension ScenarioReader {
    /// The table of the sheet `ref` names (`data.xlsx#Staff`, or `data.xlsx` for the key's
    /// default sheet); nil (reported) when the workbook or the sheet cannot be read.
    mutating func workbookTable(_ ref: FileRef) -> CSVTable? {
        guard let (absolute, named) = ScenarioWorkbooks.split(ref.absolute),
              let (display, _) = ScenarioWorkbooks.split(ref.display) else { return nil }
        let wanted = named ?? ScenarioWorkbooks.defaultSheets[ref.key] ?? ref.key
        func atKey(_ message: String) {
            log.add(Diagnostic(file: ref.source.display, line: ref.mark?.line, column: ref.mark?.column, key: ref.key,
                               message: message))
        }
        let reader: WorkbookReader
        switch workbooks.reader(absolute: absolute, display: display) {
        case .failure(let error):
            if error.sheet == nil, ["file not found", "is a folder, not a workbook"].contains(error.message) {
                atKey(error.message == "file not found" ? "file not found: \(display)" : "a folder, not a workbook: \(display)")
            } else if !logged(error) {
                log.add(ScenarioWorkbooks.diagnostic(error))
            }
            return nil
        case .success(let opened):
            reader = opened
        }
        guard let sheet = reader.sheetName(matching: wanted) else {
            atKey("\(display) has no sheet named '\(wanted)'" + Suggestion.hint(wanted, in: reader.sheetNames)
                    + "; its sheets are: " + reader.sheetNames.map { "'\($0)'" }.joined(separator: ", "))
            return nil
        }
        let file = display + "#" + sheet
        let read: Result<CSVTable, ScenarioError>
        do {
            read = try SheetTable.read(sheet, of: reader, file: file)
        } catch {
            log.add(ScenarioWorkbooks.diagnostic(error))
            return nil
        }
        workbooks.register(file, file: display, sheet: sheet)
        switch read {
        case .success(let table):
            return table
        case .failure(let error):
            log.add(contentsOf: error.diagnostics)
            return nil
        }
    }

    /// A workbook that cannot be opened is reported once, however many of its sheets are named.
    private func logged(_ error: WorkbookError) -> Bool {
        log.diagnostics.contains(ScenarioWorkbooks.diagnostic(error))
    }
}
