import RedeployDomain

/// The named teachers of a roster (docs/MODEL.md section 7): assignments.csv with the schools'
/// names, the count of decisions per authority, and one sheet per authority's decision list
/// (each commune's, the province's, and the releases the province signs), as the reports list
/// them. A decision list shows no points, homes or distances: it is what an authority signs.
extension PlanSheets {
    /// assignments.csv's columns and values unchanged (they are its names, not labels), then
    /// both schools' names.
    public func assignments(_ assignments: [Assignment]) -> SheetTable {
        let l = labels, horizon = view.years != nil
        var columns: [SheetTable.Column] = [.init("teacher_id", .text)]
        if horizon { columns.append(.init("year", .year)) }
        columns += ["action", "from_school", "to_school", "subject", "to_subject"].map { .init($0, .text) }
        columns += [.init("points", .decimal), .init("volunteer", .text), .init("home_km_before", .decimal),
                    .init("home_km_after", .decimal), .init("authority", .text), .init("reason", .text),
                    .init(l.sendingName, .text), .init(l.receivingName, .text)]
        let rows: [[SheetTable.Cell]] = assignments.map { a in
            var row: [SheetTable.Cell] = [.text(a.teacherID)]
            if horizon { row.append(a.year.map(SheetTable.Cell.count) ?? .empty) }
            row += [.text(a.action.rawValue), .text(a.fromSchool), .optional(a.toSchool), .text(a.subject),
                    .optional(a.toSubject), .number(a.points), .text(a.volunteer ? "true" : "false"),
                    .optional(a.homeKmBefore), .optional(a.homeKmAfter), .optional(a.authority?.rawValue),
                    .text(a.reason), .optional(view.school(a.fromSchool)?.name), .optional(view.school(a.toSchool)?.name)]
            return row
        }
        return SheetTable(name: l.assignmentsSheet, columns: columns, rows: rows)
    }

    /// Decisions (the counts per authority), then each list's own sheet.
    public func decisionLists(_ assignments: [Assignment]) -> [SheetTable] {
        let l = labels
        let lists = AuthorityLists(assignments, view: view)
        let named = lists.communes.map { (l.communeSheetPrefix + $0.unit, $0.rows) }
            + [(l.provinceSheet, lists.province), (l.releasesSheet, lists.releases)]
        func counts(_ rows: [Assignment]) -> [SheetTable.Cell] {
            let c = [Plan.Kind.transfer, .retrain, .release].map { kind in rows.filter { $0.action == kind }.count }
            return (c + [rows.count]).map(SheetTable.Cell.count)
        }
        let summary = SheetTable(
            name: l.decisionsSheet,
            columns: [.init(l.authority, .text), .init(l.transfers, .whole), .init(l.retrained, .whole),
                      .init(l.releases, .whole), .init(l.decisionCount, .whole)],
            rows: named.map { [.text($0.0)] + counts($0.1) } + [[.text(l.total)] + counts(assignments)], totalRows: 1)
        return [summary] + named.map { decisionList($0.0, $0.1) }
    }

    private func decisionList(_ name: String, _ rows: [Assignment]) -> SheetTable {
        let l = labels, horizon = view.years != nil
        var columns: [SheetTable.Column] = [.init(l.teacher, .text)]
        if horizon { columns.append(.init(l.year, .year)) }
        columns += [.init(l.action, .text), .init(l.fromSchool, .text), .init(l.toSchool, .text), .init(l.subject, .text)]
        if view.hasRetraining { columns.append(.init(l.toSubject, .text)) }
        columns.append(.init(l.reason, .text))
        let cells: [[SheetTable.Cell]] = rows.map { a in
            var row: [SheetTable.Cell] = [.text(a.teacherID)]
            if horizon { row.append(a.year.map(SheetTable.Cell.count) ?? .empty) }
            row += [.text(a.action.rawValue), .text(named(a.fromSchool)), .optional(a.toSchool.map(named)), .text(a.subject)]
            if view.hasRetraining { row.append(.optional(a.toSubject)) }
            row.append(.text(a.reason))
            return row
        }
        return SheetTable(name: name, columns: columns, rows: cells)
    }

    /// "Name (id)", or the id alone for a school without a name.
    private func named(_ id: String) -> String {
        guard let name = view.school(id)?.name, !name.isEmpty else { return id }
        return "\(name) (\(id))"
    }
}

/// The assignments split by who signs them (Decree 93/2026 art. 11): per commune the moves
/// within it (`authority` commune, grouped by the sending school's `School.authorityUnit`), the
/// province the others, and the releases apart (assignments.csv gives them no authority; the
/// province signs them, as the payroll is its). Communes in name order (`DisplayOrder`); rows by year, sending
/// school, receiving school, action, subject, new subject and teacher, whatever the input order.
struct AuthorityLists {
    var communes: [(unit: String, rows: [Assignment])]
    var province: [Assignment] = []
    var releases: [Assignment] = []

    init(_ assignments: [Assignment], view: PlanView) {
        var byUnit: [String: [Assignment]] = [:]
        for a in assignments.sorted(by: Self.precedes) {
            if a.action == .release {
                releases.append(a)
            } else if a.authority == .commune {
                byUnit[view.school(a.fromSchool)?.authorityUnit ?? "", default: []].append(a)
            } else {
                province.append(a)
            }
        }
        communes = DisplayOrder.sorted(byUnit.keys).map { ($0, byUnit[$0]!) }
    }

    static func precedes(_ a: Assignment, _ b: Assignment) -> Bool {
        let rank: [Plan.Kind: Int] = [.transfer: 0, .retrain: 1, .release: 2, .hire: 3]
        let first = (a.year ?? Int.min, a.fromSchool, a.toSchool ?? "", rank[a.action] ?? 9)
        let second = (b.year ?? Int.min, b.fromSchool, b.toSchool ?? "", rank[b.action] ?? 9)
        if first != second { return first < second }
        return (a.subject, a.toSubject ?? "", a.teacherID) < (b.subject, b.toSubject ?? "", b.teacherID)
    }
}
