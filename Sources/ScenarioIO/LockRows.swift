import RedeployDomain

extension RowReader {
    /// locks.csv (docs/MODEL.md section 8): from_school, to_school, subject (each empty for
    /// any), year (with a horizon: a year of it or empty; without one: empty), min (default
    /// 0), max (empty for none, else >= min). `subjects`: the subject codes the scenario knows;
    /// `years`: the horizon's years, nil without a horizon.
    mutating func locks(_ table: CSVTable, schoolIDs: Set<String>?, subjects: Set<String>?,
                        years: [Int]?, hasHorizon: Bool) -> [TransferLock]? {
        guard columns(table, ["from_school", "to_school", "subject"]) else { return nil }
        let from = table.index(of: "from_school"), to = table.index(of: "to_school"), subject = table.index(of: "subject"),
            year = table.index(of: "year"), min = table.index(of: "min"), max = table.index(of: "max")
        var rows: [TransferLock] = []
        let before = log.count
        for row in table.rows {
            let start = log.count
            let sender = lockSchool(row, from, "from_school", table, schoolIDs: schoolIDs)
            let receiver = lockSchool(row, to, "to_school", table, schoolIDs: schoolIDs)
            let code = lockSubject(row, subject, table, subjects: subjects)
            let when = lockYear(row, year, table, years: years, hasHorizon: hasHorizon)
            var least = 0.0
            if let field = row[min], !field.isBlank {
                least = decimal(field, "min", table, 0...Double(ScenarioLimits.teachers)) ?? 0
            }
            var most: Double? = nil
            if let field = row[max], !field.isBlank {
                most = decimal(field, "max", table, 0...Double(ScenarioLimits.teachers))
                if let most, most < least {
                    log.add(table.file, line: field.line, column: field.column,
                            "max must be >= min (\(NumberText.format(least))), got \(field.trimmed)")
                }
            }
            guard log.count == start else { continue }
            rows.append(TransferLock(fromSchool: sender, toSchool: receiver, subject: code, year: when,
                                     min: least, max: most, source: "\(table.file):\(row.line)"))
        }
        return log.count == before ? rows : nil
    }

    /// A school cell of locks.csv: empty (any school) or an id of schools.csv.
    private mutating func lockSchool(_ row: CSVTable.Row, _ index: Int?, _ column: String, _ table: CSVTable,
                                     schoolIDs: Set<String>?) -> String? {
        guard let field = row[index], !field.isBlank else { return nil }
        let id = field.trimmed
        if let schoolIDs, !schoolIDs.contains(id) {
            log.add(table.file, line: field.line, column: field.column,
                    "\(column) '\(id)' is not a school of schools.csv" + idHint(id, in: schoolIDs))
        }
        return id
    }

    /// A subject cell of locks.csv: empty (any subject) or a subject the scenario knows.
    private mutating func lockSubject(_ row: CSVTable.Row, _ index: Int?, _ table: CSVTable,
                                      subjects: Set<String>?) -> String? {
        guard let field = row[index], !field.isBlank else { return nil }
        let code = field.trimmed
        if let subjects, !subjects.contains(code) {
            log.add(table.file, line: field.line, column: field.column,
                    "subject '\(code)' is taught or required nowhere in the scenario"
                        + Suggestion.hint(code, in: subjects.sorted()))
        }
        return code
    }

    /// A year cell of locks.csv: empty, or with a horizon a year of it.
    private mutating func lockYear(_ row: CSVTable.Row, _ index: Int?, _ table: CSVTable, years: [Int]?,
                                   hasHorizon: Bool) -> Int? {
        guard let field = row[index], !field.isBlank else { return nil }
        guard hasHorizon else {
            log.add(table.file, line: field.line, column: field.column,
                    "year must be empty: the scenario has no horizon (a lock then bounds its one year)")
            return nil
        }
        guard let year = integer(field, "year", table, ScenarioLimits.years) else { return nil }
        if let years, !years.contains(year) {
            log.add(table.file, line: field.line, column: field.column,
                    "year \(year) is not a year of the horizon (\(HorizonSettings.span(years)))")
            return nil
        }
        return year
    }
}
