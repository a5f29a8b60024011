import Foundation
import RedeployDomain

/// A choice of people read from an assignments.csv (docs/MODEL.md section 7), each assignment
/// with the line it came from, so that a rule it breaks can be reported as `file:line: message`.
public struct AssignmentsFile: Sendable, Equatable {
    /// The name used in messages (the path as the user gave it).
    public var file: String
    /// The assignments in file order. Only who, when and which action are read: `points`,
    /// `volunteer` and the home distances are the roster's business (0, false and nil here),
    /// `basis` is `.fewestPoints` and `authority` nil.
    public var assignments: [Assignment]
    /// lines[k] is the line of the file that holds assignments[k].
    public var lines: [Int]

    public init(file: String, assignments: [Assignment], lines: [Int]) {
        self.file = file
        self.assignments = assignments
        self.lines = lines
    }
}

/// Reads an assignments.csv as `solve` writes it (`AssignmentsOutput`) or as a planner edits
/// it. Only what makes the file unreadable is an error here (each at its line and column, as
/// `ScenarioError`, exit status 2): no header, a missing column, an unknown action, a blank
/// teacher_id, from_school or subject, a year that is not a whole number. Whether the people
/// may be chosen is for `AssignmentChecker` to judge against the roster and the plan.
///
/// Columns are found by name in any order (case and surrounding spaces ignored); extra columns
/// (points, volunteer, home km, authority, reason, a name) are ignored, so nothing personal is
/// read from the file: the roster is the source of points, volunteers and homes. `year` and
/// `to_subject` are optional; a blank to_school is a release's.
public enum AssignmentsReader {
    public static let requiredColumns = ["teacher_id", "action", "from_school", "to_school", "subject"]

    /// Reads the file at `path`; `file` names it in diagnostics (default: `path`).
    public static func read(contentsOf path: String, file: String? = nil) throws(ScenarioError) -> AssignmentsFile {
        try read(CSVTable.read(contentsOf: path, file: file ?? path))
    }

    public static func parse(_ text: String, file: String) throws(ScenarioError) -> AssignmentsFile {
        try read(CSVTable.parse(text, file: file))
    }

    public static func read(_ table: CSVTable) throws(ScenarioError) -> AssignmentsFile {
        var log = DiagnosticLog()
        let missing = table.missingColumns(requiredColumns)
        guard missing.isEmpty else { throw ScenarioError(missing) }
        let teacher = table.index(of: "teacher_id"), action = table.index(of: "action"),
            from = table.index(of: "from_school"), to = table.index(of: "to_school"), subject = table.index(of: "subject"),
            year = table.index(of: "year"), toSubject = table.index(of: "to_subject")
        var assignments: [Assignment] = []
        var lines: [Int] = []
        for row in table.rows {
            func required(_ index: Int?, _ name: String) -> String? {
                guard let field = row[index] else { return nil }
                guard !field.isBlank else {
                    log.add(table.file, line: field.line, column: field.column, "\(name) is empty")
                    return nil
                }
                return field.trimmed
            }
            func optional(_ index: Int?) -> String? {
                guard let value = row[index]?.trimmed, !value.isEmpty else { return nil }
                return value
            }
            let id = required(teacher, "teacher_id")
            let kind = row[action].flatMap { PlanCells.action($0, table, &log, expected: "transfer, release or retrain") }
            let fromSchool = required(from, "from_school")
            let subjectCode = required(subject, "subject")
            let (schoolYear, yearOK) = PlanCells.year(row[year], table, &log)
            guard let id, let kind, let fromSchool, let subjectCode, yearOK else { continue }
            assignments.append(Assignment(
                teacherID: id, year: schoolYear, action: kind, fromSchool: fromSchool,
                toSchool: kind == .release ? nil : optional(to), subject: subjectCode,
                toSubject: kind == .retrain ? optional(toSubject) : nil, points: 0, volunteer: false,
                homeKmBefore: nil, homeKmAfter: nil, authority: nil, basis: .fewestPoints))
            lines.append(row.line)
        }
        guard log.isEmpty else { throw ScenarioError(log.diagnostics) }
        return AssignmentsFile(file: table.file, assignments: assignments, lines: lines)
    }
}
