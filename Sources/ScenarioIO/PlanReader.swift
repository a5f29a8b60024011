import Foundation
import RedeployDomain

/// A plan read from a plan.csv (docs/MODEL.md section 4), each action with the line it came from,
/// so that a violation the checker finds in action k can be reported as `file:line: message`.
public struct PlanFile: Sendable, Equatable {
    /// The name used in messages (the path as the user gave it).
    public var file: String
    public var plan: Plan
    /// lines[k] is the line of plan.csv that holds plan.actions[k].
    public var lines: [Int]
    /// Whether the file has a km column (km of the actions is nil when it has none).
    public var hasKmColumn: Bool
    /// For a plan workbook, its sheets: `lines` then encode sheet and row (`PlanWorkbookReader`).
    public var sheetNames: [String]?

    public init(file: String, plan: Plan, lines: [Int], hasKmColumn: Bool) {
        self.file = file
        self.plan = plan
        self.lines = lines
        self.hasKmColumn = hasKmColumn
    }

    /// The line of action k, if k is an action of the file.
    public func line(ofAction k: Int?) -> Int? {
        guard let k, lines.indices.contains(k) else { return nil }
        return lines[k]
    }
}

/// Reads plan.csv. Only what makes the file unreadable is an error here (each at its line and
/// column, as `ScenarioError`, exit status 2): no header, missing columns, an unknown action,
/// a blank subject, teachers that are not a finite number >= 0, a km that is not a number.
/// Everything else, unknown school ids included, is for `PlanChecker` to judge against the
/// scenario: a plan that reads well but breaks the contract is a valid file with violations.
///
/// Columns are found by name in any order (case and surrounding spaces ignored); extra
/// columns are ignored; `km`, `year` and `to_subject` (docs/MODEL.md sections 5 and 6) are optional (a plan made by hand need not give it: the cost is
/// always computed from the scenario's distances). A header with no rows is the empty plan.
public enum PlanReader {
    public static let requiredColumns = ["action", "from_school", "to_school", "subject", "teachers"]

    /// Reads the file at `path`; `file` names it in diagnostics (default: `path`).
    public static func read(contentsOf path: String, file: String? = nil) throws(ScenarioError) -> PlanFile {
        if ScenarioWorkbooks.isWholeWorkbook(path) { return try PlanWorkbookReader.read(contentsOf: path, file: file ?? path) }
        return try read(CSVTable.read(contentsOf: path, file: file ?? path))
    }

    public static func parse(_ text: String, file: String) throws(ScenarioError) -> PlanFile {
        try read(CSVTable.parse(text, file: file))
    }

    public static func read(_ table: CSVTable) throws(ScenarioError) -> PlanFile {
        var log = DiagnosticLog()
        let missing = table.missingColumns(requiredColumns)
        guard missing.isEmpty else { throw ScenarioError(missing) }
        let action = table.index(of: "action"), from = table.index(of: "from_school"), to = table.index(of: "to_school"),
            subject = table.index(of: "subject"), teachers = table.index(of: "teachers"), km = table.index(of: "km"),
            year = table.index(of: "year"), toSubject = table.index(of: "to_subject")
        var actions: [Plan.Action] = []
        var lines: [Int] = []
        for row in table.rows {
            let kind = row[action].flatMap { PlanCells.action($0, table, &log, expected: "transfer, hire, release or retrain") }
            var subjectCode: String?
            if let field = row[subject] {
                if field.isBlank {
                    log.add(table.file, line: field.line, column: field.column, "subject is empty")
                } else {
                    subjectCode = field.trimmed
                }
            }
            var amount: Double?
            if let field = row[teachers] { amount = teacherCount(field, table.file, &log) }
            var distance: Double?
            var distanceOK = true
            if let field = row[km], !field.isBlank {
                distance = CSVNumber.decimal(field.trimmed)
                if distance == nil || distance! < 0 {
                    distanceOK = false
                    log.add(table.file, line: field.line, column: field.column,
                            "km must be empty or a number >= 0, got '\(field.trimmed)'")
                }
            }
            let (schoolYear, yearOK) = PlanCells.year(row[year], table, &log)
            guard let kind, let subjectCode, let amount, distanceOK, yearOK else { continue }
            func school(_ index: Int?) -> String? {
                guard let value = row[index]?.trimmed, !value.isEmpty else { return nil }
                return value
            }
            actions.append(Plan.Action(kind: kind, from: school(from), to: school(to), subject: subjectCode,
                                       teachers: amount, km: distance, year: schoolYear, toSubject: school(toSubject)))
            lines.append(row.line)
        }
        guard log.isEmpty else { throw ScenarioError(log.diagnostics) }
        return PlanFile(file: table.file, plan: Plan(actions: actions), lines: lines, hasKmColumn: km != nil)
    }

    /// teachers: a finite number >= 0 (fractions are read; whether they are allowed is the
    /// policy's question, answered by the checker).
    private static func teacherCount(_ field: CSVTable.Field, _ file: String, _ log: inout DiagnosticLog) -> Double? {
        let text = field.trimmed
        guard let value = CSVNumber.decimal(text) else {
            var message = text.isEmpty ? "teachers is empty: expected a number" : "teachers must be a number, got '\(text)'"
            if CSVNumber.decimal(text.replacingOccurrences(of: ",", with: ".")) != nil {
                message += "; write the decimal separator as a dot: \(text.replacingOccurrences(of: ",", with: "."))"
            }
            log.add(file, line: field.line, column: field.column, message)
            return nil
        }
        guard value >= 0 else {
            log.add(file, line: field.line, column: field.column,
                    "teachers must be 0 or more, got \(text); a move the other way is a transfer from the other school")
            return nil
        }
        guard value <= Double(ScenarioLimits.teachers) else {
            log.add(file, line: field.line, column: field.column,
                    "teachers must be at most \(ScenarioLimits.teachers), got \(text)")
            return nil
        }
        return value
    }
}
