import Foundation
import RedeployDomain

/// Reads the rows of schools.csv, staff.csv, norms.csv and distances.csv into domain values,
/// reporting each bad cell at its line and column and going on with the next.
struct RowReader {
    var log: DiagnosticLog
    /// The ids of schools.csv, even when some of its rows are bad, so that staff.csv and
    /// distances.csv are still checked against them; nil when no id could be read at all.
    private(set) var schoolIDs: Set<String>?
    /// The levels of schools.csv, read as `schoolIDs` is: retraining.csv rows must name one.
    private(set) var schoolLevels: Set<String>?
    /// Suggestions for unknown ids cost a pass over all ids each: only the first few get one.
    private var idHintsLeft = 20
    /// One string per subject code of staff.csv, shared by all its rows (see `shared`).
    private var subjectCodes: [String: String] = [:]
    /// The scenario's norm rules, when it names some: each school is sized by them as it is
    /// read (`checkNorms`), so that one they cannot size is refused at its row.
    var normRules: NormRules?
    /// Valid but probably unintended input, such as a school of a level the rules do not know.
    var warnings: [Diagnostic] = []

    init(log: DiagnosticLog) {
        self.log = log
    }

    mutating func idHint(_ id: String, in ids: Set<String>) -> String {
        guard idHintsLeft > 0 else { return "" }
        idHintsLeft -= 1
        return Suggestion.idHint(id, in: ids)
    }

    /// `code`, as the first row that had it: a string of more than 15 UTF-8 bytes (such as
    /// "physical_education") is stored on the heap, once per row unless rows share it. A file
    /// has a few dozen subjects; past 1,000 distinct codes, codes are no longer shared.
    private mutating func shared(_ code: String) -> String {
        if let known = subjectCodes[code] { return known }
        if subjectCodes.count < 1_000 { subjectCodes[code] = code }
        return code
    }

    // MARK: Cells

    /// A required text cell, trimmed; nil (reported) when blank.
    mutating func text(_ row: CSVTable.Row, _ index: Int?, _ column: String, _ table: CSVTable) -> String? {
        guard let field = row[index] else { return nil }
        let value = field.trimmed
        if value.isEmpty {
            log.add(table.file, line: field.line, column: field.column, "\(column) is empty")
            return nil
        }
        return lengthChecked(field, value, column, table)
    }

    /// `value` (a field's trimmed text), or nil (reported) when longer than `ScenarioLimits.textLength`.
    private mutating func lengthChecked(_ field: CSVTable.Field, _ value: String, _ column: String,
                                        _ table: CSVTable) -> String? {
        let length = value.count
        guard length > ScenarioLimits.textLength else { return value }
        log.add(table.file, line: field.line, column: field.column,
                "\(column) is \(length) characters long: at most \(ScenarioLimits.textLength)")
        return nil
    }

    /// A whole number in `range`; nil (reported) otherwise.
    mutating func integer(_ field: CSVTable.Field, _ column: String, _ table: CSVTable,
                          _ range: ClosedRange<Int>) -> Int? {
        let value = field.trimmed
        guard let number = CSVNumber.integer(value) else {
            if value.isEmpty {
                log.add(table.file, line: field.line, column: field.column, "\(column) is empty: expected a whole number")
            } else if value.drop(while: { $0 == "-" || $0 == "+" }).allSatisfy({ $0.isASCII && $0.isNumber }) {
                log.add(table.file, line: field.line, column: field.column,
                        "\(column) must be at most \(range.upperBound), got \(value)")
            } else if CSVNumber.decimal(value) != nil {
                log.add(table.file, line: field.line, column: field.column,
                        "\(column) must be a whole number written with digits only, got '\(value)'")
            } else {
                log.add(table.file, line: field.line, column: field.column,
                        "\(column) must be a whole number, got '\(value)'")
            }
            return nil
        }
        guard range.contains(number) else {
            let message = number < range.lowerBound
                ? "\(column) must be \(range.lowerBound) or more, got \(number)"
                : "\(column) must be at most \(range.upperBound), got \(number)"
            log.add(table.file, line: field.line, column: field.column, message)
            return nil
        }
        return number
    }

    /// A finite decimal number in `range` (`open` excludes the lower bound); nil (reported) otherwise.
    mutating func decimal(_ field: CSVTable.Field, _ column: String, _ table: CSVTable,
                                  _ range: ClosedRange<Double>, openBelow: Bool = false) -> Double? {
        let value = field.trimmed
        guard let number = CSVNumber.decimal(value) else {
            var message = value.isEmpty ? "\(column) is empty: expected a number" : "\(column) must be a number, got '\(value)'"
            if CSVNumber.decimal(value.replacingOccurrences(of: ",", with: ".")) != nil {
                message += "; write the decimal separator as a dot: \(value.replacingOccurrences(of: ",", with: "."))"
            }
            log.add(table.file, line: field.line, column: field.column, message)
            return nil
        }
        let tooLow = openBelow ? number <= range.lowerBound : number < range.lowerBound
        if tooLow {
            let bound = NumberText.format(range.lowerBound)
            log.add(table.file, line: field.line, column: field.column,
                    "\(column) must be \(openBelow ? "greater than \(bound)" : "\(bound) or more"), got \(value)")
            return nil
        }
        if number > range.upperBound {
            log.add(table.file, line: field.line, column: field.column,
                    "\(column) must be at most \(NumberText.format(range.upperBound)), got \(value)")
            return nil
        }
        return number
    }

    /// Reports missing required columns; false when any is missing.
    mutating func columns(_ table: CSVTable, _ names: [String]) -> Bool {
        let missing = table.missingColumns(names)
        log.add(contentsOf: missing)
        return missing.isEmpty
    }

    // MARK: Files

    /// Remembers the line where `key` first appears; at a repeat, reports `message(first line)`
    /// at `field`.
    mutating func noteRepeat<Key: Hashable>(_ key: Key, of row: CSVTable.Row, at field: CSVTable.Field,
                                            seen: inout [Key: Int], _ table: CSVTable, _ message: (Int) -> String) {
        if let first = seen[key] {
            log.add(table.file, line: field.line, column: field.column, message(first))
        } else {
            seen[key] = row.line
        }
    }

    mutating func schools(_ table: CSVTable) -> [School]? {
        guard columns(table, ["id", "area", "level", "classes"]) else { return nil }
        if table.rows.isEmpty {
            log.add(table.file, line: table.header.first?.line ?? 1, column: 1,
                    "has no schools: add one row per school under the header")
            return nil
        }
        let id = table.index(of: "id"), name = table.index(of: "name"), area = table.index(of: "area"),
            level = table.index(of: "level"), classes = table.index(of: "classes"), lat = table.index(of: "lat"),
            lon = table.index(of: "lon"), priority = table.index(of: "priority"), commune = table.index(of: "commune")
        let normColumns = SchoolNormColumns(table)
        // Sized for every row at once: growing by doubling would hold the old and the new
        // storage together, which for a large file is the peak of reading it.
        var schools: [School] = []
        schools.reserveCapacity(table.rows.count)
        var firstLine: [String: Int] = [:]
        firstLine.reserveCapacity(table.rows.count)
        let before = log.count
        var ids = Set<String>(minimumCapacity: table.rows.count)
        var levels = Set<String>()
        defer {
            schoolIDs = ids
            schoolLevels = levels
        }
        for row in table.rows {
            let schoolID = text(row, id, "id", table)
            if let schoolID { ids.insert(schoolID) }
            if let schoolID, let field = row[id] {
                noteRepeat(schoolID, of: row, at: field, seen: &firstLine, table) { "duplicate school id '\(schoolID)' (first on line \($0))" }
            }
            let schoolArea = text(row, area, "area", table)
            let schoolLevel = text(row, level, "level", table)
            if let schoolLevel { levels.insert(schoolLevel) }
            let schoolClasses = row[classes].flatMap { integer($0, "classes", table, 0...ScenarioLimits.classes) }
            var latitude: Double?, longitude: Double?
            var coordinatesOK = true
            let latField = row[lat].flatMap { $0.isBlank ? nil : $0 }
            let lonField = row[lon].flatMap { $0.isBlank ? nil : $0 }
            switch (latField, lonField) {
            case (let la?, let lo?):
                latitude = decimal(la, "lat", table, -90...90)
                longitude = decimal(lo, "lon", table, -180...180)
                coordinatesOK = latitude != nil && longitude != nil
            case (let la?, nil):
                let at = row[lon] ?? la
                log.add(table.file, line: at.line, column: at.column, "lat is given without lon: give both or neither")
                coordinatesOK = false
            case (nil, let lo?):
                let at = row[lat] ?? lo
                log.add(table.file, line: at.line, column: at.column, "lon is given without lat: give both or neither")
                coordinatesOK = false
            case (nil, nil):
                break
            }
            var schoolName: String? = ""
            if let field = row[name] { schoolName = lengthChecked(field, field.trimmed, "name", table) }
            // The commune column is optional; with it, a school with an empty cell is in no commune.
            var schoolCommune: String?
            var communeOK = true
            if let field = row[commune] {
                schoolCommune = lengthChecked(field, field.trimmed, "commune", table)
                communeOK = schoolCommune != nil
            }
            var weight: Double? = 1
            if let field = row[priority], !field.isBlank {
                weight = decimal(field, "priority", table, 0...ScenarioLimits.priority, openBelow: true)
            }
            let normCells = normValues(row, normColumns, classes: schoolClasses, table)
            if let schoolID, let schoolName, let schoolArea, let schoolLevel, let schoolClasses, let weight, coordinatesOK,
               let normCells, communeOK {
                let school = School(id: schoolID, name: schoolName, area: schoolArea,
                                    level: schoolLevel, classes: schoolClasses, latitude: latitude,
                                    longitude: longitude, priority: weight, pupils: normCells.pupils,
                                    region: normCells.region, sessions: normCells.sessions,
                                    type: normCells.type, infantGroups: normCells.infantGroups, commune: schoolCommune)
                checkNorms(school, row, normColumns, levelColumn: level, table)
                schools.append(school)
            }
        }
        return log.count == before ? schools : nil
    }

    /// `schoolIDs` nil when schools.csv could not be read: ids are then not checked.
    /// The teachers of a staff.csv row a roster will count (`teachersFromRoster`): an empty
    /// cell, or no `teachers` column, with a roster (docs/MODEL.md section 7).
    static let teachersFromRoster = -1

    /// With `roster`, the `teachers` column and its cells may be empty: the roster counts them
    /// (the row's teachers are then `teachersFromRoster` until the loader fills them).
    mutating func staff(_ table: CSVTable, schoolIDs: Set<String>?, hasNorms: Bool, roster: Bool = false) -> [StaffRow]? {
        guard columns(table, roster ? ["school_id", "subject"] : ["school_id", "subject", "teachers"]) else { return nil }
        let requiredColumn = table.index(of: "required")
        if requiredColumn == nil, !hasNorms {
            log.add(table.file, line: table.header.first?.line ?? 1, column: 1,
                    "the header has no column 'required' and the scenario names no norms: add a required column, or norms: (a CSV file or builtin:vn-2023) to scenario.yaml")
            return nil
        }
        if table.rows.isEmpty, !hasNorms {
            log.add(table.file, line: table.header.first?.line ?? 1, column: 1,
                    "has no rows: add one row per school and subject under the header")
            return nil
        }
        let school = table.index(of: "school_id"), subject = table.index(of: "subject"),
            teachers = table.index(of: "teachers"), leaving = table.index(of: "leaving")
        var rows: [StaffRow] = []
        rows.reserveCapacity(table.rows.count)
        var firstLine: [NormKey: Int] = [:]
        firstLine.reserveCapacity(table.rows.count)
        let before = log.count
        for row in table.rows {
            let schoolID = text(row, school, "school_id", table)
            if let schoolID, let schoolIDs, !schoolIDs.contains(schoolID), let field = row[school] {
                log.add(table.file, line: field.line, column: field.column,
                        "unknown school id '\(schoolID)': not in schools.csv" + idHint(schoolID, in: schoolIDs))
            }
            let code = text(row, subject, "subject", table).map { shared($0) }
            if let schoolID, let code, let field = row[school] {
                noteRepeat(NormKey(level: schoolID, subject: code), of: row, at: field, seen: &firstLine, table) {
                    "school '\(schoolID)' and subject '\(code)' appear twice (first on line \($0))"
                }
            }
            let counted = roster && (row[teachers]?.isBlank ?? true)
            let headcount = counted ? Self.teachersFromRoster
                : row[teachers].flatMap { integer($0, "teachers", table, 0...ScenarioLimits.teachers) }
            var leavers: Int? = 0
            if let field = row[leaving], !field.isBlank {
                leavers = integer(field, "leaving", table, 0...ScenarioLimits.teachers)
                if let l = leavers, let t = headcount, t != Self.teachersFromRoster, l > t {
                    log.add(table.file, line: field.line, column: field.column,
                            "leaving (\(l)) is more than teachers (\(t))")
                    leavers = nil
                }
            }
            var need: Double?
            var needOK = true
            if let field = row[requiredColumn], !field.isBlank {
                need = decimal(field, "required", table, 0...ScenarioLimits.required)
                needOK = need != nil
            } else if !hasNorms, let field = row[requiredColumn] {
                log.add(table.file, line: field.line, column: field.column,
                        "required is empty and the scenario names no norms: give the FTE needed, or norms: in scenario.yaml")
                needOK = false
            }
            if let schoolID, let code, let headcount, let leavers, needOK {
                rows.append(StaffRow(schoolID: schoolID, subject: code, teachers: headcount, leaving: leavers, required: need))
            }
        }
        return log.count == before ? rows : nil
    }

    mutating func norms(_ table: CSVTable) -> [NormRow] {
        guard columns(table, ["level", "subject", "per_class"]) else { return [] }
        let level = table.index(of: "level"), subject = table.index(of: "subject"), perClass = table.index(of: "per_class")
        var rows: [NormRow] = []
        rows.reserveCapacity(table.rows.count)
        var firstLine: [NormKey: Int] = [:]
        firstLine.reserveCapacity(table.rows.count)
        for row in table.rows {
            let lv = text(row, level, "level", table)
            let code = text(row, subject, "subject", table)
            let value = row[perClass].flatMap { decimal($0, "per_class", table, 0...ScenarioLimits.perClass) }
            guard let lv, let code, let value else { continue }
            let key = NormKey(level: lv, subject: code)
            if let first = firstLine[key], let field = row[level] {
                log.add(table.file, line: field.line, column: field.column,
                        "level '\(lv)' and subject '\(code)' appear twice (first on line \(first))")
                continue
            }
            firstLine[key] = row.line
            rows.append(NormRow(level: lv, subject: code, perClass: value))
        }
        return rows
    }

    mutating func distances(_ table: CSVTable, schoolIDs: Set<String>?) -> [DistanceRow] {
        guard columns(table, ["from", "to", "km"]) else { return [] }
        let from = table.index(of: "from"), to = table.index(of: "to"), km = table.index(of: "km")
        var rows: [DistanceRow] = []
        rows.reserveCapacity(table.rows.count)
        var firstLine: [NormKey: Int] = [:]
        firstLine.reserveCapacity(table.rows.count)
        for row in table.rows {
            var ends: [String] = []
            for (index, column) in [(from, "from"), (to, "to")] {
                guard let id = text(row, index, column, table), let field = row[index] else { continue }
                if let schoolIDs, !schoolIDs.contains(id) {
                    log.add(table.file, line: field.line, column: field.column,
                            "unknown school id '\(id)': not in schools.csv" + idHint(id, in: schoolIDs))
                    continue
                }
                ends.append(id)
            }
            let value = row[km].flatMap { decimal($0, "km", table, 0...ScenarioLimits.km) }
            guard ends.count == 2, let value, let field = row[from] else { continue }
            if ends[0] == ends[1] {
                log.add(table.file, line: field.line, column: field.column,
                        "from and to are the same school '\(ends[0])'")
                continue
            }
            let key = NormKey(level: min(ends[0], ends[1]), subject: max(ends[0], ends[1]))
            if let first = firstLine[key] {
                log.add(table.file, line: field.line, column: field.column,
                        "the distance between '\(ends[0])' and '\(ends[1])' is listed twice (first on line \(first)); one row serves both directions")
                continue
            }
            firstLine[key] = row.line
            rows.append(DistanceRow(from: ends[0], to: ends[1], km: value))
        }
        return rows
    }
}
