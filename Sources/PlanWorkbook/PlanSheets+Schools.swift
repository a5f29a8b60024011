import RedeployDomain

/// The schools: schools.csv with names (Schools), what each school sends and receives (By
/// school), and the areas' totals (By area).
extension PlanSheets {
    /// schools.csv's rows in its order, with the school's name, area and level, and the three
    /// columns of a provincial staffing report after the plan: định mức (the norm: required),
    /// có mặt (present: after) and thừa/thiếu (after − required: + surplus, − shortage).
    public func schools() -> SheetTable {
        let l = labels, v = view
        var columns: [SheetTable.Column] = [.init(l.schoolID, .text), .init(l.schoolName, .text), .init(l.area, .text),
                                            .init(l.level, .text), .init(l.subject, .text)]
        if v.years != nil { columns.append(.init(l.year, .year)) }
        columns += [.init(l.required, .decimal), .init(l.before, .decimal), .init(l.after, .decimal),
                    .init(l.shortage, .decimal, highlight: .shortage), .init(l.norm, .decimal),
                    .init(l.present, .decimal), .init(l.balance, .decimal, highlight: .balance)]
        var rows: [[SheetTable.Cell]] = []
        rows.reserveCapacity(v.figures.count * v.pairs.count)
        for (y, figures) in v.figures.enumerated() {
            for (p, pair) in v.pairs.enumerated() {
                let school = v.schools[pair.school], f = figures[p]
                var row: [SheetTable.Cell] = [.text(school.id), .text(school.name), .text(school.area),
                                              .text(school.level), .text(v.subjects[pair.subject])]
                if let year = v.year(at: y) { row.append(.count(year)) }
                row += [.number(f.required), .number(f.before), .number(f.after), .number(f.shortage),
                        .number(f.required), .number(f.after), .number(f.after - f.required)]
                rows.append(row)
            }
        }
        return SheetTable(name: l.schoolsSheet, columns: columns, rows: rows)
    }

    /// Per school, year and subject where anything happens: teachers sent, received, hired,
    /// released, retrained away (out of this subject) and in (into it), and the net change.
    /// A school that only sends is listed under its own name, like one that receives.
    public func bySchool() -> SheetTable {
        let l = labels, v = view
        var columns: [SheetTable.Column] = [.init(l.schoolID, .text), .init(l.schoolName, .text), .init(l.area, .text),
                                            .init(l.level, .text)]
        if v.years != nil { columns.append(.init(l.year, .year)) }
        columns += [.init(l.subject, .text), .init(l.sent, .teachers), .init(l.received, .teachers),
                    .init(l.hired, .teachers), .init(l.released, .teachers), .init(l.retrainedAway, .teachers),
                    .init(l.retrainedIn, .teachers), .init(l.netChange, .teachers, highlight: .balance)]
        let movements = SchoolMovements(v)
        let rows: [[SheetTable.Cell]] = movements.keys.map { key in
            let m = movements.totals[key]!
            let school = v.schools[key.school]
            var row: [SheetTable.Cell] = [.text(school.id), .text(school.name), .text(school.area), .text(school.level)]
            if let year = key.year { row.append(.count(year)) }
            row += [.text(key.subject)] + m.figures.map(SheetTable.Cell.number) + [.number(m.net)]
            return row
        }
        return SheetTable(name: l.bySchoolSheet, columns: columns, rows: rows)
    }

    /// Per area (and year): schools, required, before, after, shortage and surplus (each
    /// pair's, summed), transfers out of the area, into it and within it, hires and releases;
    /// then a total per year. Areas in name order (`DisplayOrder`).
    public func byArea() -> SheetTable {
        let l = labels, v = view
        var columns: [SheetTable.Column] = [.init(l.area, .text)]
        if v.years != nil { columns.append(.init(l.year, .year)) }
        columns += [.init(l.schools, .whole), .init(l.required, .decimal), .init(l.before, .decimal),
                    .init(l.after, .decimal), .init(l.shortage, .decimal, highlight: .shortage),
                    .init(l.surplus, .decimal), .init(l.sent, .teachers), .init(l.received, .teachers),
                    .init(l.withinArea, .teachers), .init(l.hired, .teachers), .init(l.released, .teachers)]
        let areas = DisplayOrder.sorted(Set(v.schools.map(\.area)))
        let areaIndex = Dictionary(uniqueKeysWithValues: areas.enumerated().map { ($1, $0) })
        let schoolArea = v.schools.map { areaIndex[$0.area]! }
        var schoolCount = [Int](repeating: 0, count: areas.count)
        for a in schoolArea { schoolCount[a] += 1 }
        let yearIndex = Dictionary(uniqueKeysWithValues: (v.years ?? []).enumerated().map { ($1, $0) })
        var sums = [[AreaSums]](repeating: [AreaSums](repeating: AreaSums(), count: areas.count + 1), count: v.figures.count)
        for (y, figures) in v.figures.enumerated() {
            for (p, pair) in v.pairs.enumerated() {
                for a in [schoolArea[pair.school], areas.count] { sums[y][a].add(figures[p]) }
            }
        }
        for action in v.actions {
            let y = action.year.flatMap { yearIndex[$0] } ?? 0
            guard y < sums.count else { continue }
            let from = action.from.flatMap { v.schoolIndex[$0] }.map { schoolArea[$0] }
            let to = action.to.flatMap { v.schoolIndex[$0] }.map { schoolArea[$0] }
            for a in Set([from, to].compactMap { $0 } + [areas.count]) { sums[y][a].add(action, from: from, to: to, area: a) }
        }
        var rows: [[SheetTable.Cell]] = []
        var totals: [[SheetTable.Cell]] = []
        for y in v.figures.indices {
            for a in 0...areas.count {
                var row: [SheetTable.Cell] = [.text(a < areas.count ? areas[a] : l.total)]
                if let year = v.year(at: y) { row.append(.count(year)) }
                row += [.count(a < areas.count ? schoolCount[a] : v.schools.count)] + sums[y][a].cells
                if a < areas.count { rows.append(row) } else { totals.append(row) }
            }
        }
        return SheetTable(name: l.byAreaSheet, columns: columns, rows: rows + totals, totalRows: totals.count)
    }
}

/// One area's sums in one year (the last index stands for the whole province).
struct AreaSums {
    var required = 0.0, before = 0.0, after = 0.0, shortage = 0.0, surplus = 0.0
    var sent = 0.0, received = 0.0, within = 0.0, hired = 0.0, released = 0.0

    mutating func add(_ f: PlanView.PairYear) {
        required += f.required
        before += f.before
        after += f.after
        shortage += f.shortage
        surplus += max(0, f.after - f.required)
    }

    /// A transfer or retraining counts as sent and received across areas and within one area;
    /// for the province's total (whose `area` is neither end's) every move is within it.
    mutating func add(_ action: Plan.Action, from: Int?, to: Int?, area: Int) {
        switch action.kind {
        case .hire: hired += action.teachers
        case .release: released += action.teachers
        case .transfer, .retrain:
            if from == to || (from != area && to != area) {
                within += action.teachers
            } else if from == area {
                sent += action.teachers
            } else {
                received += action.teachers
            }
        }
    }

    var cells: [SheetTable.Cell] {
        [required, before, after, shortage, surplus, sent, received, within, hired, released].map(SheetTable.Cell.number)
    }
}
