import RedeployDomain

extension ScenarioLimits {
    /// points of a roster row.
    public static let points = 1_000_000.0
}

/// The checks of a roster that join it to other files (docs/MODEL.md section 7). With a
/// roster, t(j,a) and l(j,a) are counted from it: where staff.csv (or a horizon's
/// staff-years.csv) gives them, they must be the roster's counts, and where it leaves
/// `leaving` empty the roster's count is taken (`fillLeavers`).
extension ScenarioReader {
    /// The roster's teachers of each (school, subject), with the lines of their rows, in file order.
    struct RosterCounts {
        var lines: [NormKey: [Int]] = [:]
        /// Keys in the order of their first row.
        var order: [NormKey] = []
        /// Without a horizon, year 0 holds every teacher with a leaving_year; with one, the
        /// teachers leaving at the start of each year of the horizon (later years stay throughout).
        var leavers: [NormKey: [Int: Int]] = [:]

        init(_ roster: [RosterRow], table: CSVTable, years: [Int]?) {
            for (row, line) in zip(roster, table.rows) {
                let key = NormKey(level: row.schoolID, subject: row.subject)
                if lines[key] == nil { order.append(key) }
                lines[key, default: []].append(line.line)
                guard let leaving = row.leavingYear else { continue }
                if let years {
                    if years.contains(leaving) { leavers[key, default: [:]][leaving, default: 0] += 1 }
                } else {
                    leavers[key, default: [:]][0, default: 0] += 1
                }
            }
        }

        func teachers(_ key: NormKey) -> Int { lines[key]?.count ?? 0 }
        func leaving(_ key: NormKey, in year: Int) -> Int { leavers[key]?[year] ?? 0 }
    }

    /// "lines 2, 5 and 9" (at most five, then "and N more"); "no line" for none.
    static func lineList(_ lines: [Int]) -> String {
        guard !lines.isEmpty else { return "no line" }
        let shown = lines.prefix(5).map(String.init)
        let rest = lines.count - shown.count
        if lines.count == 1 { return "line \(shown[0])" }
        if rest > 0 { return "lines " + shown.joined(separator: ", ") + " and \(rest) more" }
        return "lines " + shown.dropLast().joined(separator: ", ") + " and " + shown.last!
    }

    /// staff.csv (and staff-years.csv) against the roster: every pair's teachers, and leavers
    /// where given; a roster pair staff.csv does not list is refused at the roster's first row
    /// of it, since its requirement has to come from somewhere. Each list holds one row per
    /// row of its table, in order.
    mutating func checkRosterCounts(_ counts: RosterCounts, rosterTable: CSVTable, staff: [StaffRow],
                                    staffTable: CSVTable, years: [Int]?, staffYears: [StaffYearRow]?,
                                    staffYearsTable: CSVTable?) {
        let roster = rosterTable.file
        let teachersColumn = staffTable.index(of: "teachers"), leavingColumn = staffTable.index(of: "leaving")
        let first = years?.first ?? 0
        var yearsGiven: Set<YearKey> = []  // (pair, year) whose leavers staff-years gives
        if let staffYears {
            for row in staffYears where row.leaving != nil {
                yearsGiven.insert(YearKey(school: row.schoolID, subject: row.subject, year: row.year))
            }
        }
        var listed: Set<NormKey> = []
        for (row, line) in zip(staff, staffTable.rows) {
            let key = NormKey(level: row.schoolID, subject: row.subject)
            listed.insert(key)
            let lines = counts.lines[key] ?? []
            let pair = "school '\(row.schoolID)', subject '\(row.subject)'"
            if row.teachers != lines.count, let field = line[teachersColumn] {
                log.add(staffTable.file, line: field.line, column: field.column,
                        "teachers is \(row.teachers) but \(roster) lists \(lines.count) for \(pair) (\(Self.lineList(lines)))")
            }
            guard let field = line[leavingColumn], !field.isBlank,
                  !yearsGiven.contains(YearKey(school: row.schoolID, subject: row.subject, year: first)) else { continue }
            let leaving = counts.leaving(key, in: first)
            if row.leaving != leaving {
                let which = years == nil ? "with a leaving_year" : "with leaving_year \(first)"
                log.add(staffTable.file, line: field.line, column: field.column,
                        "leaving is \(row.leaving) but \(roster) lists \(leaving) \(which) for \(pair)")
            }
        }
        if let staffYears, let staffYearsTable {
            let column = staffYearsTable.index(of: "leaving")
            for (row, line) in zip(staffYears, staffYearsTable.rows) {
                guard let given = row.leaving, let field = line[column] else { continue }
                let key = NormKey(level: row.schoolID, subject: row.subject)
                let leaving = counts.leaving(key, in: row.year)
                if given != leaving {
                    log.add(staffYearsTable.file, line: field.line, column: field.column,
                            "leaving is \(given) but \(roster) lists \(leaving) with leaving_year \(row.year) "
                                + "for school '\(row.schoolID)', subject '\(row.subject)'")
                }
            }
        }
        let schoolColumn = rosterTable.index(of: "school_id")
        var rowOfLine: [Int: CSVTable.Row] = [:]
        let missing = counts.order.filter { !listed.contains($0) }
        if !missing.isEmpty {
            let wanted = Set(missing.compactMap { counts.lines[$0]?.first })
            for row in rosterTable.rows where wanted.contains(row.line) { rowOfLine[row.line] = row }
        }
        for key in missing {
            let lines = counts.lines[key] ?? []
            guard let firstLine = lines.first, let row = rowOfLine[firstLine] else { continue }
            let field = row[schoolColumn]
            log.add(roster, line: field?.line ?? row.line, column: field?.column ?? 1,
                    "school '\(key.level)', subject '\(key.subject)' has \(lines.count) "
                        + "\(lines.count == 1 ? "teacher" : "teachers") here (\(Self.lineList(lines))) and no row in "
                        + "\(staffTable.file): add one with teachers \(lines.count)")
        }
    }

    /// A roster lists whole people: it cannot go with `policy.sharing: true`. Reported at the
    /// `roster` value of scenario.yaml.
    mutating func checkRosterSharing(_ ref: FileRef, policy: Policy) {
        guard policy.sharing else { return }
        log.add(ref.source.display, line: ref.mark?.line, column: ref.mark?.column, key: ref.key,
                "a roster lists whole teachers and cannot be used with policy.sharing: true; "
                    + "remove one of them")
    }

    /// Leavers that staff.csv (or staff-years.csv) leaves empty, counted from the roster: in
    /// staff.csv's `leaving` (the first year's with a horizon), and, with a horizon, for each
    /// later year in a staff-years row (the pair's row of that year if it has one, else a new
    /// row). Called only on valid input, where every given figure equals the roster's.
    static func fillLeavers(_ counts: RosterCounts, staff: inout [StaffRow], staffTable: CSVTable,
                            horizon: inout Horizon?) {
        let leavingColumn = staffTable.index(of: "leaving")
        let first = horizon?.years.first ?? 0
        for (k, line) in zip(staff.indices, staffTable.rows) where line[leavingColumn]?.isBlank ?? true {
            let key = NormKey(level: staff[k].schoolID, subject: staff[k].subject)
            staff[k].leaving = counts.leaving(key, in: first)
        }
        guard var filled = horizon else { return }
        var at: [YearKey: Int] = [:]
        for (k, row) in filled.staffYears.enumerated() {
            at[YearKey(school: row.schoolID, subject: row.subject, year: row.year)] = k
        }
        for key in counts.order {
            for year in filled.years.dropFirst() {
                let leaving = counts.leaving(key, in: year)
                let yearKey = YearKey(school: key.level, subject: key.subject, year: year)
                if let k = at[yearKey] {
                    if filled.staffYears[k].leaving == nil { filled.staffYears[k].leaving = leaving }
                } else if leaving > 0 {
                    filled.staffYears.append(StaffYearRow(schoolID: key.level, subject: key.subject, year: year,
                                                          leaving: leaving, required: nil))
                }
            }
        }
        horizon = filled
    }
}
