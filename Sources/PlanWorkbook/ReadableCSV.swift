import ScenarioIO

/// `solve --spreadsheet`: three CSVs for a person with a spreadsheet, written beside the
/// contract's files (which stay as they are):
///
/// - plan-readable.csv: every action of plan.csv, its columns and order, then the schools'
///   names, areas and level and the authority that signs a move;
/// - schools-readable.csv: schools.csv's rows with names, areas and levels, and the norm
///   (định mức), present (có mặt) and surplus/shortage (thừa/thiếu) after the plan;
/// - by-school.csv: what each school sends, receives, hires, releases and retrains, per subject
///   (and year), so that a school that only sends is listed under its own name.
///
/// For Excel: a UTF-8 byte-order mark (Vietnamese names stay intact), CRLF line ends, text
/// cells guarded against formulas (`CSVWriter.formulaSafe`), and numbers rounded for display
/// (`DisplayNumber`: 3, 2.53, 0.2). They are for reading, not for reading back: the contract's
/// files keep the exact figures.
public enum ReadableCSV {
    public static let planFile = "plan-readable.csv"
    public static let schoolsFile = "schools-readable.csv"
    public static let bySchoolFile = "by-school.csv"
    /// The three, for a message.
    public static let names = [planFile, schoolsFile, bySchoolFile].joined(separator: ", ")

    public static func files(_ sheets: PlanSheets) -> [AtomicFiles.File] {
        [AtomicFiles.File(name: planFile, contents: text(sheets.allActions())),
         AtomicFiles.File(name: schoolsFile, contents: text(sheets.schools())),
         AtomicFiles.File(name: bySchoolFile, contents: text(sheets.bySchool()))]
    }

    /// The table as CSV: byte-order mark, header, rows, each line ended by CRLF.
    public static func text(_ table: SheetTable) -> String {
        var out = "\u{FEFF}"
        line(table.columns.map(\.heading), into: &out)
        for row in table.rows {
            line(row.map(cellText), into: &out)
        }
        return out
    }

    private static func line(_ fields: [String], into out: inout String) {
        for (k, field) in fields.enumerated() {
            if k > 0 { out += "," }
            out += plain(field) ? field : CSVWriter.quoted(CSVWriter.formulaSafe(field))
        }
        out += "\r\n"
    }

    /// Whether `field` goes into the file as it is: `CSVWriter` would neither quote nor guard
    /// it. Looks at bytes only, so that most cells (ids, names, numbers) skip the checks by
    /// character, which are slow on Vietnamese text; the others go through `CSVWriter`.
    static func plain(_ field: String) -> Bool {
        let bytes = field.utf8
        guard let first = bytes.first, let last = bytes.last else { return true }
        if first == UInt8(ascii: " ") || last == UInt8(ascii: " ") { return false }
        if formulaStarts.contains(first) { return false }
        return !bytes.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 }
    }

    /// `CSVWriter.formulaStarts` as bytes: `=`, `+`, `-`, `@`, tab, carriage return.
    private static let formulaStarts: Set<UInt8> = [61, 43, 45, 64, 9, 13]

    static func cellText(_ cell: SheetTable.Cell) -> String {
        switch cell {
        case .text(let text): return text
        case .number(let value): return DisplayNumber.text(value)
        case .count(let value): return String(value)
        case .empty: return ""
        }
    }
}
