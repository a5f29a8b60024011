import RedeployDomain

/// The cells plan.csv and assignments.csv share, read alike: an action, and an optional year.
enum PlanCells {
    /// An action among `Plan.Kind`; nil (reported, with the nearest spelling) otherwise.
    /// `expected` lists the actions the file may hold, for the message.
    static func action(_ field: CSVTable.Field, _ table: CSVTable, _ log: inout DiagnosticLog,
                       expected: String) -> Plan.Kind? {
        let text = field.trimmed
        if let kind = Plan.Kind(rawValue: text.lowercased()) { return kind }
        let shown = text.isEmpty ? "action is empty" : "unknown action '\(text)'"
        log.add(table.file, line: field.line, column: field.column,
                "\(shown): expected \(expected)" + Suggestion.hint(text, in: Plan.Kind.allCases.map(\.rawValue)))
        return nil
    }

    /// The optional `year` cell: nil when empty; `ok` false (reported) when not a whole year.
    static func year(_ field: CSVTable.Field?, _ table: CSVTable, _ log: inout DiagnosticLog) -> (year: Int?, ok: Bool) {
        guard let field, !field.isBlank else { return (nil, true) }
        guard let year = Int(field.trimmed) else {
            log.add(table.file, line: field.line, column: field.column,
                    "year must be a whole year such as 2026, got '\(field.trimmed)'")
            return (nil, false)
        }
        return (year, true)
    }
}
