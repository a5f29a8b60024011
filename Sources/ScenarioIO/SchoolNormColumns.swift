import RedeployDomain

/// The columns of schools.csv that norm rules read (`NormEngine`): pupils, region, sessions,
/// type and infant_groups. Each is optional, and an empty cell takes the value most schools
/// have, so that a schools.csv written before these columns loads to the same schools.
struct SchoolNormColumns {
    let pupils: Int?
    let region: Int?
    let sessions: Int?
    let type: Int?
    let infantGroups: Int?

    init(_ table: CSVTable) {
        pupils = table.index(of: "pupils")
        region = table.index(of: "region")
        sessions = table.index(of: "sessions")
        type = table.index(of: "type")
        infantGroups = table.index(of: "infant_groups")
    }
}

/// A school's values in `SchoolNormColumns`, holding the defaults of `School` until a cell
/// gives another.
struct SchoolNormValues {
    var pupils: Int?
    var region = 3
    var sessions = 2
    var type = SchoolType.regular
    var infantGroups = 0
}

/// How a school type is written in schools.csv and in norm rules files: its raw value.
enum SchoolTypeText {
    static let all = SchoolType.allCases.map(\.rawValue)

    /// "'x' is not a school type (did you mean 'y'?); expected regular, boarding, ...": one
    /// wording for a cell and for a rules file, with the nearest type when there is one.
    static func unknown(_ text: String) -> String {
        "'\(text)' is not a school type" + Suggestion.hint(text, in: all)
            + "; expected " + all.joined(separator: ", ")
    }
}

extension RowReader {
    /// The cells of `columns` in `row`, each blank cell at its default; nil (every bad cell
    /// reported) when one is invalid. `classes` is the row's classes when valid, which bounds
    /// infant_groups.
    mutating func normValues(_ row: CSVTable.Row, _ columns: SchoolNormColumns, classes: Int?,
                             _ table: CSVTable) -> SchoolNormValues? {
        var values = SchoolNormValues()
        var ok = true
        if let field = given(row, columns.pupils) {
            values.pupils = integer(field, "pupils", table, 0...ScenarioLimits.pupils)
            ok = ok && values.pupils != nil
        }
        if let field = given(row, columns.region) {
            let region = option(field, "region", [1, 2, 3], table)
            if let region { values.region = region } else { ok = false }
        }
        if let field = given(row, columns.sessions) {
            let sessions = option(field, "sessions", [1, 2], table)
            if let sessions { values.sessions = sessions } else { ok = false }
        }
        if let field = given(row, columns.type) {
            if let type = SchoolType(rawValue: field.trimmed) {
                values.type = type
            } else {
                log.add(table.file, line: field.line, column: field.column, "type " + SchoolTypeText.unknown(field.trimmed))
                ok = false
            }
        }
        if let field = given(row, columns.infantGroups) {
            let groups = infantGroups(field, classes: classes, table)
            if let groups { values.infantGroups = groups } else { ok = false }
        }
        return ok ? values : nil
    }

    /// The cell of `column` in `row` when it holds something; nil for a blank cell or a column
    /// the file does not have, which both mean "the default".
    private func given(_ row: CSVTable.Row, _ column: Int?) -> CSVTable.Field? {
        row[column].flatMap { $0.isBlank ? nil : $0 }
    }

    /// A whole number that must be one of a few codes (region 1-3, sessions 1-2): one message
    /// listing them, whatever the cell holds instead.
    private mutating func option(_ field: CSVTable.Field, _ column: String, _ allowed: [Int],
                                 _ table: CSVTable) -> Int? {
        if let number = CSVNumber.integer(field.trimmed), allowed.contains(number) { return number }
        let names = allowed.map(String.init)
        let list = names.dropLast().joined(separator: ", ") + " or " + names.last!
        log.add(table.file, line: field.line, column: field.column, "\(column) must be \(list), got '\(field.trimmed)'")
        return nil
    }

    /// infant_groups: a whole number from 0 to the school's classes, since infant groups are
    /// some of its classes.
    private mutating func infantGroups(_ field: CSVTable.Field, classes: Int?, _ table: CSVTable) -> Int? {
        guard let groups = integer(field, "infant_groups", table, 0...ScenarioLimits.classes) else { return nil }
        if let classes, groups > classes {
            log.add(table.file, line: field.line, column: field.column,
                    "infant_groups (\(groups)) is more than classes (\(classes))")
            return nil
        }
        return groups
    }
}

extension RowReader {
    /// Sizes `school` by the scenario's norm rules as the model will (`NormEngine.derive`), so
    /// that a school the rules cannot size is refused here, at the cell to change, rather than
    /// left without a norm unseen. A level the rules do not know is no error: such a school (a
    /// college, say) gets no norm figures, as with per-class tables; it is warned about.
    mutating func checkNorms(_ school: School, _ row: CSVTable.Row, _ columns: SchoolNormColumns,
                             levelColumn: Int?, _ table: CSVTable) {
        guard let rules = normRules else { return }
        do {
            _ = try NormEngine.derive(school, rules: rules)
        } catch {
            // The cell to change; the level cell when the file has no such column (the default).
            let cell = { (column: Int?) in row[column] ?? row[levelColumn] }
            switch error {
            case .noLevel(let level):
                warnings.append(Self.diagnostic(row[levelColumn], row, table,
                                                "level '\(level)' has no norms in \(rules.name): required is 0 unless staff.csv gives it"))
            case .noPerClassRule(let level, let type, _):
                // No figure for the type at all: change the type; one for other sessions: the sessions.
                let perClass = rules.levels[level]?.perClass ?? []
                let forType = perClass.filter { $0.types.isEmpty || $0.types.contains(type) }
                let column = forType.isEmpty ? columns.type : columns.sessions
                log.add(Self.diagnostic(cell(column), row, table, "\(error) (\(rules.name) has figures for "
                                            + (forType.isEmpty ? Self.typesHint(perClass) : Self.sessionsHint(forType)) + ")"))
            case .noRegion(let level, _):
                log.add(Self.diagnostic(cell(columns.region), row, table, "\(error) (\(rules.name) has one for "
                                            + Self.regionsHint(rules.levels[level]?.pupilExtras) + "; leave pupils empty for no pupil extras)"))
            }
        }
    }

    private static func diagnostic(_ field: CSVTable.Field?, _ row: CSVTable.Row, _ table: CSVTable,
                                   _ message: String) -> Diagnostic {
        Diagnostic(file: table.file, line: field?.line ?? row.line, column: field?.column ?? 1, message: message)
    }

    /// "types boarding, regular": the types per-class rules name, each once, in order.
    private static func typesHint(_ rules: [PerClassRule]) -> String {
        var seen: [String] = []
        for type in rules.flatMap(\.types).map(\.rawValue) where !seen.contains(type) { seen.append(type) }
        return "types " + seen.joined(separator: ", ")
    }

    /// "1 session(s) a day": the sessions of the rules that match the school's type.
    private static func sessionsHint(_ rules: [PerClassRule]) -> String {
        Set(rules.compactMap(\.sessions)).sorted().map(String.init).joined(separator: " and ") + " session(s) a day"
    }

    /// "regions 1, 3": those with both a class size and pupils per extra teacher.
    private static func regionsHint(_ extras: PupilExtras?) -> String {
        let regions = (1...3).filter { (extras?.classSize[$0] ?? 0) > 0 && (extras?.pupilsPerTeacher[$0] ?? 0) > 0 }
        let list = regions.map(String.init).joined(separator: ", ")
        return regions.isEmpty ? "no region" : (regions.count == 1 ? "region " : "regions ") + list
    }
}
