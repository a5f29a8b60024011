import RedeployDomain

/// roster.csv (docs/MODEL.md section 7): one row per teacher. Every column but the ids holds
/// personal data, so no message here repeats a cell of points, exempt, leaving_year,
/// birth_date, sex, home_lat or home_lon: the position of the cell says which one it is, and
/// the teacher is named by line (and by teacher_id where two rows are compared). Columns the
/// contract does not name (a name, say) are never read.
extension RowReader {
    /// The teachers, one per row of the table in order, or nil when any row is invalid.
    /// `schoolIDs` nil (schools.csv unreadable) and `subjects` nil (staff.csv unreadable) leave
    /// those cells unchecked; `years` are the horizon's, nil without one.
    mutating func roster(_ table: CSVTable, schoolIDs: Set<String>?, subjects: Set<String>?,
                         years: [Int]?, retirement: RetirementRule? = nil) -> [RosterRow]? {
        guard columns(table, ["teacher_id", "school_id", "subject"]) else { return nil }
        let id = table.index(of: "teacher_id"), school = table.index(of: "school_id"),
            subject = table.index(of: "subject"), points = table.index(of: "points"),
            volunteer = table.index(of: "volunteer"), exempt = table.index(of: "exempt"),
            mustMove = table.index(of: "must_move"), leavingYear = table.index(of: "leaving_year"),
            birthDate = table.index(of: "birth_date"), sex = table.index(of: "sex"),
            homeLat = table.index(of: "home_lat"), homeLon = table.index(of: "home_lon")
        let knownSubjects = subjects.map { $0.sorted() }
        var rows: [RosterRow] = []
        rows.reserveCapacity(table.rows.count)
        var firstLine: [String: Int] = [:]
        firstLine.reserveCapacity(table.rows.count)
        let before = log.count
        for row in table.rows {
            let teacherID = text(row, id, "teacher_id", table)
            if let teacherID, let field = row[id] {
                noteRepeat(teacherID, of: row, at: field, seen: &firstLine, table) {
                    "duplicate teacher id '\(teacherID)' (first on line \($0))"
                }
            }
            var schoolID = text(row, school, "school_id", table)
            if let id = schoolID, let schoolIDs, !schoolIDs.contains(id), let field = row[school] {
                log.add(table.file, line: field.line, column: field.column,
                        "unknown school id '\(id)': not in schools.csv" + idHint(id, in: schoolIDs))
                schoolID = nil
            }
            var code = text(row, subject, "subject", table)
            if let c = code, let knownSubjects, !knownSubjects.contains(c), let field = row[subject] {
                log.add(table.file, line: field.line, column: field.column,
                        "unknown subject '\(c)': no row of staff.csv has it" + Suggestion.hint(c, in: knownSubjects))
                code = nil
            }
            var score: Double? = 0
            if let field = row[points], !field.isBlank { score = rosterPoints(field, table) }
            let asks = flag(row, volunteer, "volunteer", table)
            let moves = flag(row, mustMove, "must_move", table)
            var reason: String? = ""
            if let field = row[exempt], !field.isBlank {
                reason = field.trimmed.count <= ScenarioLimits.textLength ? field.trimmed : nil
                if reason == nil {
                    log.add(table.file, line: field.line, column: field.column,
                            "exempt is \(field.trimmed.count) characters long: at most \(ScenarioLimits.textLength)")
                }
            }
            var leaves: Int?
            var leavesOK = true
            if let field = row[leavingYear], !field.isBlank {
                leaves = leavingYearCell(field, table, years: years)
                leavesOK = leaves != nil
            }
            let born = birth(row, birthDate: birthDate, sex: sex, table)
            let home = homeCells(row, lat: homeLat, lon: homeLon, table)
            // Flags that contradict each other, reported at must_move, the cell most often set by
            // a rule applied to everyone.
            if moves == true, let field = row[mustMove] {
                if let reason, !reason.isEmpty {
                    log.add(table.file, line: field.line, column: field.column,
                            "must_move is true for an exempt teacher: an exempt teacher is never moved; clear one of them")
                } else if leaves != nil {
                    log.add(table.file, line: field.line, column: field.column,
                            "must_move is true for a teacher with a leaving_year: a teacher who leaves is not moved; clear one of them")
                }
            }
            guard let teacherID, let schoolID, let code, let score, let asks, let moves, let reason, leavesOK,
                  let born, let home else { continue }
            if leaves == nil, let retirement, let date = born.date, let kind = born.sex, let first = years?.first {
                // The statutory age (docs/RETIREMENT.md); one reached before the plan begins means
                // leaving at its start. A leaving_year given wins: it knows what the law cannot.
                leaves = max(first, retirement.leavingSchoolYear(sex: kind, birthDate: date))
                if moves, let last = years?.last, leaves! <= last, let field = row[mustMove] {
                    log.add(table.file, line: field.line, column: field.column,
                            "must_move is true for a teacher who reaches the retirement age within the horizon "
                                + "(retirement: \(retirement.name)): a teacher who leaves is not moved; clear must_move")
                }
            }
            rows.append(RosterRow(teacherID: teacherID, schoolID: schoolID, subject: code, points: score,
                                  volunteer: asks, exemptReason: reason, mustMove: moves, leavingYear: leaves,
                                  birthDate: born.date, sex: born.sex,
                                  homeLatitude: home.lat, homeLongitude: home.lon))
        }
        return log.count == before ? rows : nil
    }

    /// points: a number from 0 to `ScenarioLimits.points`.
    private mutating func rosterPoints(_ field: CSVTable.Field, _ table: CSVTable) -> Double? {
        guard let value = CSVNumber.decimal(field.trimmed), value >= 0, value <= ScenarioLimits.points else {
            log.add(table.file, line: field.line, column: field.column,
                    "points must be a number from 0 to \(Int(ScenarioLimits.points)) (a dot for decimals), or empty for 0")
            return nil
        }
        return value
    }

    /// A true/false cell; empty means false. nil (reported) otherwise.
    private mutating func flag(_ row: CSVTable.Row, _ index: Int?, _ column: String, _ table: CSVTable) -> Bool? {
        guard let field = row[index], !field.isBlank else { return false }
        switch field.trimmed.lowercased() {
        case "true": return true
        case "false": return false
        default:
            log.add(table.file, line: field.line, column: field.column, "\(column) must be true or false, or empty for false")
            return nil
        }
    }

    /// leaving_year: a year; with a horizon, not before its first year (a teacher who left
    /// before the plan is no teacher of it).
    private mutating func leavingYearCell(_ field: CSVTable.Field, _ table: CSVTable, years: [Int]?) -> Int? {
        let range = ScenarioLimits.years
        guard let year = CSVNumber.integer(field.trimmed), range.contains(year) else {
            log.add(table.file, line: field.line, column: field.column,
                    "leaving_year must be a year from \(range.lowerBound) to \(range.upperBound), or empty")
            return nil
        }
        if let years, let first = years.first, year < first {
            log.add(table.file, line: field.line, column: field.column,
                    "leaving_year is before the horizon (\(HorizonSettings.span(years))): a teacher who has left is "
                        + "no row of the roster; remove the row or correct the year")
            return nil
        }
        return year
    }

    /// birth_date (YYYY-MM-DD) and sex, both or neither; (nil, nil) when neither. nil when bad.
    private mutating func birth(_ row: CSVTable.Row, birthDate: Int?, sex: Int?,
                                _ table: CSVTable) -> (date: CalendarDate?, sex: TeacherSex?)? {
        let dateField = row[birthDate].flatMap { $0.isBlank ? nil : $0 }
        let sexField = row[sex].flatMap { $0.isBlank ? nil : $0 }
        var date: CalendarDate?, kind: TeacherSex?
        var ok = true
        if let field = dateField {
            date = CalendarDate(iso: field.trimmed)
            if let d = date, !ScenarioLimits.years.contains(d.year) { date = nil }
            if date == nil {
                log.add(table.file, line: field.line, column: field.column,
                        "birth_date is not a date: write it YYYY-MM-DD, such as 1975-09-30, a real day from year "
                            + "\(ScenarioLimits.years.lowerBound) to \(ScenarioLimits.years.upperBound)")
                ok = false
            }
        }
        if let field = sexField {
            kind = TeacherSex(rawValue: field.trimmed.lowercased())
            if kind == nil {
                log.add(table.file, line: field.line, column: field.column, "sex must be male or female")
                ok = false
            }
        }
        switch (dateField, sexField) {
        case (let d?, nil):
            let at = row[sex] ?? d
            log.add(table.file, line: at.line, column: at.column, "birth_date is given without sex: give both or neither")
            ok = false
        case (nil, let s?):
            let at = row[birthDate] ?? s
            log.add(table.file, line: at.line, column: at.column, "sex is given without birth_date: give both or neither")
            ok = false
        default:
            break
        }
        return ok ? (date, kind) : nil
    }

    /// home_lat and home_lon, both or neither, in degrees; (nil, nil) when neither. nil when bad.
    private mutating func homeCells(_ row: CSVTable.Row, lat: Int?, lon: Int?,
                                    _ table: CSVTable) -> (lat: Double?, lon: Double?)? {
        let latField = row[lat].flatMap { $0.isBlank ? nil : $0 }
        let lonField = row[lon].flatMap { $0.isBlank ? nil : $0 }
        switch (latField, lonField) {
        case (let la?, let lo?):
            let latitude = CSVNumber.decimal(la.trimmed).flatMap { (-90...90).contains($0) ? $0 : nil }
            let longitude = CSVNumber.decimal(lo.trimmed).flatMap { (-180...180).contains($0) ? $0 : nil }
            if latitude == nil {
                log.add(table.file, line: la.line, column: la.column, "home_lat must be a latitude from -90 to 90 (a dot for decimals)")
            }
            if longitude == nil {
                log.add(table.file, line: lo.line, column: lo.column, "home_lon must be a longitude from -180 to 180 (a dot for decimals)")
            }
            guard let latitude, let longitude else { return nil }
            return (latitude, longitude)
        case (let la?, nil):
            let at = row[lon] ?? la
            log.add(table.file, line: at.line, column: at.column, "home_lat is given without home_lon: give both or neither")
            return nil
        case (nil, let lo?):
            let at = row[lat] ?? lo
            log.add(table.file, line: at.line, column: at.column, "home_lon is given without home_lat: give both or neither")
            return nil
        case (nil, nil):
            return (nil, nil)
        }
    }
}
