import Foundation
import RedeployDomain
import Workbook

/// Reads a plan workbook (`solve --xlsx`, edited in Excel or LibreOffice) back into the plan
/// `PlanReader` makes of plan.csv: the sheets Transfers and "Hires and releases", each with
/// plan.csv's columns by name (action, from_school, to_school, subject, teachers, and the
/// optional km, year and to_subject); other columns (names, areas, authority) are for people
/// and are not read. Each sheet is validated by `PlanReader` as plan.csv is, cell for cell, and
/// every message names the sheet and cell (`plan.xlsx:Transfers!E7: teachers must be a number`).
///
/// An action's line in the `PlanFile` is its row, with the sheet in the bits above
/// `PlanFile.sheetBlock` (Transfers 0, "Hires and releases" 1), so that violations sort sheet
/// by sheet and `PlanFile.place(ofLine:)` names `Transfers!A7`.
public enum PlanWorkbookReader {
    public static let sheets = ["Transfers", "Hires and releases"]

    public static func read(contentsOf path: String, file: String) throws(ScenarioError) -> PlanFile {
        let reader: WorkbookReader
        do {
            reader = try WorkbookReader(contentsOf: path, file: file)
        } catch {
            throw ScenarioError(ScenarioWorkbooks.diagnostic(error))
        }
        let places = ScenarioWorkbooks()
        var log = DiagnosticLog()
        var actions: [Plan.Action] = []
        var lines: [Int] = []
        var names: [String] = []
        var hasKm = false
        for (k, wanted) in sheets.enumerated() {
            guard let name = reader.sheetName(matching: wanted) else {
                log.add(file, "has no sheet named '\(wanted)'" + Suggestion.hint(wanted, in: reader.sheetNames)
                        + "; a plan workbook has sheets Transfers and Hires and releases; its sheets are: "
                        + reader.sheetNames.map { "'\($0)'" }.joined(separator: ", "))
                names.append(wanted)
                continue
            }
            names.append(name)
            let tableFile = file + "#" + name
            places.register(tableFile, file: file, sheet: name)
            do {
                let sheet = try reader.sheet(name)
                let table = try SheetTable.table(sheet, file: tableFile).get()
                let part = try PlanReader.read(table)
                actions += part.plan.actions
                lines += part.lines.map { k * PlanFile.sheetBlock + $0 }
                hasKm = hasKm || part.hasKmColumn
            } catch let error as WorkbookError {
                log.add(ScenarioWorkbooks.diagnostic(error))
            } catch let error as ScenarioError {
                log.add(contentsOf: error.diagnostics.map(places.place))
            } catch {
                log.add(file, "cannot be read: \(error)")
            }
        }
        guard log.isEmpty else { throw ScenarioError(log.diagnostics) }
        var planFile = PlanFile(file: file, plan: Plan(actions: actions), lines: lines, hasKmColumn: hasKm)
        planFile.sheetNames = names
        return planFile
    }
}

extension PlanFile {
    /// Lines of a plan workbook: row + sheet index x this (a sheet has at most 2^20 rows).
    public static let sheetBlock = 1 << 21

    /// Where a line is, after `file:`: the line itself for plan.csv, `Transfers!A7` (the row's
    /// first cell) for a plan workbook.
    public func place(ofLine line: Int) -> String {
        guard let sheetNames else { return String(line) }
        let sheet = line / Self.sheetBlock, row = line % Self.sheetBlock
        guard sheetNames.indices.contains(sheet) else { return String(line) }
        return SheetName.location(sheetNames[sheet], CellReference(row: row, column: 1))
    }
}
