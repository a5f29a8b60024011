import RedeployDomain

/// The checks of a horizon that join several files (docs/MODEL.md section 6): no pair loses
/// more teachers over the years than it has, and no year's payroll must fall below zero. Each
/// leaves no plan at all, so each is invalid input, reported where the figure to change is.
extension ScenarioReader {
    /// A pair's leavers over all the years: staff-years' where given, and staff.csv's in the
    /// first year unless staff-years gives that year's. They leave from today's teachers, so
    /// their sum is at most the teachers of staff.csv (0 for a pair it does not list). Both
    /// lists hold one row per row of their table, in order.
    mutating func checkLeavers(years: [Int], staff: [StaffRow], staffTable: CSVTable,
                               staffYears: [StaffYearRow], staffYearsTable: CSVTable) {
        guard let first = years.first else { return }
        var listed: [NormKey: (row: StaffRow, line: Int)] = [:]
        for (row, line) in zip(staff, staffTable.rows) {
            listed[NormKey(level: row.schoolID, subject: row.subject)] = (row, line.line)
        }
        var given: [NormKey: [Int]] = [:]  // indices in staffYears of the rows that give leavers
        for (k, row) in staffYears.enumerated() where row.leaving != nil {
            given[NormKey(level: row.schoolID, subject: row.subject), default: []].append(k)
        }
        let leavingColumn = staffYearsTable.index(of: "leaving")
        // In file order of the last row involved, which is where each is reported.
        for (pair, indices) in given.sorted(by: { $0.value.last! < $1.value.last! }) {
            let own = listed[pair]
            var parts = indices.map { k in
                (year: staffYears[k].year, leaving: staffYears[k].leaving!, source: "on line \(staffYearsTable.rows[k].line)")
            }
            if let own, own.row.leaving > 0, !indices.contains(where: { staffYears[$0].year == first }) {
                parts.append((first, own.row.leaving, "on \(staffTable.file) line \(own.line)"))
            }
            let total = parts.reduce(0) { $0 + $1.leaving }
            let teachers = own?.row.teachers ?? 0
            guard total > teachers else { continue }
            let last = staffYearsTable.rows[indices.last!]
            let field = last[leavingColumn]
            let listing = parts.sorted { $0.year < $1.year }.map { "\($0.leaving) in \($0.year) \($0.source)" }
            let has = own.map { "the \(teachers) it has (\(staffTable.file) line \($0.line))" }
                ?? "the 0 it has (\(staffTable.file) has no row for it)"
            log.add(staffYearsTable.file, line: field?.line ?? last.line, column: field?.column ?? 1,
                    "school '\(pair.level)', subject '\(pair.subject)': \(total) \(total == 1 ? "teacher leaves" : "teachers leave") over the horizon ("
                        + listing.joined(separator: ", ") + "), more than " + has)
        }
    }

    /// No year's payroll may have to fall below zero: today's headcount + pc(y) >= 0 for every
    /// year, pc(y) resolved as `Horizon.payrollChange(in:policy:)` does. Reported once per
    /// figure, at it, naming the years it governs that fail.
    mutating func checkPayrollPath(_ settings: HorizonSettings, merged: ConfigMap, policy: Policy, headcount: Int) {
        guard let years = settings.years else { return }
        let horizon = Horizon(years: years, payrollChange: settings.payrollChange)
        // The listed year whose figure applies, nil for policy.payroll_change; with the failing years.
        var failing: [(source: Int?, years: [Int])] = []
        for year in years where headcount + horizon.payrollChange(in: year, policy: policy.payrollChange) < 0 {
            let source = settings.payrollChange.keys.filter { $0 <= year }.max()
            if let last = failing.last, last.source == source {
                failing[failing.count - 1].years.append(year)
            } else {
                failing.append((source, [year]))
            }
        }
        for (source, failed) in failing {
            let entry: ConfigMap.Entry?
            let key: String, value: Int
            if let source {
                (entry, key, value) = (settings.payrollEntries[source], "horizon.payroll_change.\(source)",
                                       settings.payrollChange[source]!)
            } else {
                guard case .map(let inner)? = merged["policy"]?.value else { continue }
                (entry, key, value) = (inner["payroll_change"], "policy.payroll_change", policy.payrollChange)
            }
            guard let entry else { continue }
            var mark = entry.keyMark
            if case .leaf(let node, _) = entry.value, let at = node.mark { mark = at }
            log.add(entry.source.display, line: mark?.line, column: mark?.column, key: key,
                    "\(value) would take the payroll below zero \(failed.count == 1 ? "in" : "from") \(HorizonSettings.span(failed)) "
                        + "(the scenario has \(headcount) teachers)")
        }
    }
}
