import RedeployDomain

/// The files of docs/MODEL.md sections 5 and 6: retraining.csv, and a horizon's classes.csv
/// and staff-years.csv. Each returns its rows only when every row is valid, one per row of the
/// table in order, so that a later check can find a row's line by its position.
extension RowReader {
    /// retraining.csv. `levels` are those of schools.csv (nil when it could not be read: levels
    /// are then not checked), since a row for a level no school has licenses nothing and is most
    /// often a misspelt level.
    mutating func retraining(_ table: CSVTable, levels: Set<String>?) -> [RetrainingRow]? {
        guard columns(table, ["from_level", "from_subject", "to_level", "to_subject", "cost"]) else { return nil }
        let fromLevel = table.index(of: "from_level"), fromSubject = table.index(of: "from_subject"),
            toLevel = table.index(of: "to_level"), toSubject = table.index(of: "to_subject"),
            cost = table.index(of: "cost"), delay = table.index(of: "delay")
        let knownLevels = levels.map { $0.sorted() }
        var rows: [RetrainingRow] = []
        var firstLine: [[String]: Int] = [:]
        let before = log.count
        for row in table.rows {
            let from = level(row, fromLevel, "from_level", table, known: knownLevels)
            let fromCode = text(row, fromSubject, "from_subject", table)
            let to = level(row, toLevel, "to_level", table, known: knownLevels)
            let toCode = text(row, toSubject, "to_subject", table)
            let price = row[cost].flatMap { decimal($0, "cost", table, 0...ScenarioLimits.cost) }
            var years: Int? = 0
            if let field = row[delay], !field.isBlank {
                years = integer(field, "delay", table, 0...ScenarioLimits.delay)
            }
            guard let from, let fromCode, let to, let toCode, let price, let years else { continue }
            let key = [from, fromCode, to, toCode]
            if let first = firstLine[key], let field = row[fromLevel] {
                log.add(table.file, line: field.line, column: field.column,
                        "from_level '\(from)', from_subject '\(fromCode)', to_level '\(to)' and to_subject '\(toCode)' "
                            + "appear twice (first on line \(first))")
                continue
            }
            firstLine[key] = row.line
            rows.append(RetrainingRow(fromLevel: from, fromSubject: fromCode, toLevel: to, toSubject: toCode,
                                      cost: price, delay: years))
        }
        return log.count == before ? rows : nil
    }

    /// A level cell of retraining.csv: a level some school of schools.csv has.
    private mutating func level(_ row: CSVTable.Row, _ index: Int?, _ column: String, _ table: CSVTable,
                                known: [String]?) -> String? {
        guard let value = text(row, index, column, table), let field = row[index] else { return nil }
        if let known, !known.contains(value) {
            log.add(table.file, line: field.line, column: field.column,
                    "\(column) '\(value)' is the level of no school in schools.csv" + Suggestion.hint(value, in: known)
                        + "; levels there: " + known.joined(separator: ", "))
            return nil
        }
        return value
    }

    /// classes.csv of a horizon: a school's classes from a year on. `years` nil (the horizon's
    /// years are invalid) leaves years unchecked.
    mutating func classes(_ table: CSVTable, schoolIDs: Set<String>?, years: [Int]?) -> [ClassesRow]? {
        guard columns(table, ["school_id", "year", "classes"]) else { return nil }
        let school = table.index(of: "school_id"), year = table.index(of: "year"), classes = table.index(of: "classes")
        var rows: [ClassesRow] = []
        var firstLine: [YearKey: Int] = [:]
        let before = log.count
        for row in table.rows {
            let schoolID = knownSchool(row, school, table, schoolIDs: schoolIDs)
            let when = horizonYear(row, year, table, years: years)
            let count = row[classes].flatMap { integer($0, "classes", table, 0...ScenarioLimits.classes) }
            guard let schoolID, let when, let count else { continue }
            if let first = firstLine[YearKey(school: schoolID, subject: "", year: when)], let field = row[school] {
                log.add(table.file, line: field.line, column: field.column,
                        "school '\(schoolID)' and year \(when) appear twice (first on line \(first))")
                continue
            }
            firstLine[YearKey(school: schoolID, subject: "", year: when)] = row.line
            rows.append(ClassesRow(schoolID: schoolID, year: when, classes: count))
        }
        return log.count == before ? rows : nil
    }

    /// staff-years.csv of a horizon: leavers and requirements of a (school, subject) in a year,
    /// either cell empty. A file with neither column would change nothing: it is refused, as a
    /// misspelt header most likely.
    mutating func staffYears(_ table: CSVTable, schoolIDs: Set<String>?, years: [Int]?) -> [StaffYearRow]? {
        guard columns(table, ["school_id", "subject", "year"]) else { return nil }
        let leaving = table.index(of: "leaving"), required = table.index(of: "required")
        guard leaving != nil || required != nil else {
            let present = table.columnNames.filter { !$0.isEmpty }
            let near = ["leaving", "required"].lazy.compactMap { Suggestion.nearest($0, in: present) }.first
            log.add(table.file, line: table.header.first?.line ?? 1, column: 1,
                    "the header has no column 'leaving' nor 'required': give at least one"
                        + (near.map { " (did you mean '\($0)'?)" } ?? "") + "; its columns are: "
                        + present.joined(separator: ", "))
            return nil
        }
        let school = table.index(of: "school_id"), subject = table.index(of: "subject"), year = table.index(of: "year")
        var rows: [StaffYearRow] = []
        var firstLine: [YearKey: Int] = [:]
        let before = log.count
        for row in table.rows {
            let schoolID = knownSchool(row, school, table, schoolIDs: schoolIDs)
            let code = text(row, subject, "subject", table)
            let when = horizonYear(row, year, table, years: years)
            var leavers: Int?, need: Double?
            var ok = true
            if let field = row[leaving], !field.isBlank {
                leavers = integer(field, "leaving", table, 0...ScenarioLimits.teachers)
                ok = leavers != nil
            }
            if let field = row[required], !field.isBlank {
                need = decimal(field, "required", table, 0...ScenarioLimits.required)
                ok = ok && need != nil
            }
            guard let schoolID, let code, let when, ok else { continue }
            let key = YearKey(school: schoolID, subject: code, year: when)
            if let first = firstLine[key], let field = row[school] {
                log.add(table.file, line: field.line, column: field.column,
                        "school '\(schoolID)', subject '\(code)' and year \(when) appear twice (first on line \(first))")
                continue
            }
            firstLine[key] = row.line
            rows.append(StaffYearRow(schoolID: schoolID, subject: code, year: when, leaving: leavers, required: need))
        }
        return log.count == before ? rows : nil
    }

    /// A school_id cell naming a school of schools.csv, as staff.csv's must.
    private mutating func knownSchool(_ row: CSVTable.Row, _ index: Int?, _ table: CSVTable,
                                      schoolIDs: Set<String>?) -> String? {
        guard let id = text(row, index, "school_id", table), let field = row[index] else { return nil }
        if let schoolIDs, !schoolIDs.contains(id) {
            log.add(table.file, line: field.line, column: field.column,
                    "unknown school id '\(id)': not in schools.csv" + idHint(id, in: schoolIDs))
            return nil
        }
        return id
    }

    /// A year cell: a year of the horizon.
    private mutating func horizonYear(_ row: CSVTable.Row, _ index: Int?, _ table: CSVTable, years: [Int]?) -> Int? {
        guard let field = row[index],
              let year = integer(field, "year", table, ScenarioLimits.years.lowerBound...ScenarioLimits.years.upperBound)
        else { return nil }
        if let years, !years.contains(year) {
            log.add(table.file, line: field.line, column: field.column,
                    "year \(year) is not a year of the horizon (\(HorizonSettings.span(years)))")
            return nil
        }
        return year
    }
}

/// A (school, subject, year) of a horizon's files; subject "" for classes.csv.
struct YearKey: Hashable {
    var school: String
    var subject: String
    var year: Int
}
