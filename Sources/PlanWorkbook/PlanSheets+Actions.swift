import RedeployDomain

/// The plan's actions: Transfers (and retraining, which also takes a teacher from one school to
/// another), Hires and releases, and all of them together for plan-readable.csv. Each starts
/// with plan.csv's columns and values unchanged, then what a person needs to read them.
extension PlanSheets {
    /// What follows the contract's columns.
    enum ActionDisplay {
        /// Both schools' names and areas, the level, and who signs the move (transfers, and
        /// every action in plan-readable.csv: a hire has no sending school, a release no
        /// receiving one, and neither an authority).
        case movement
        /// The one school's name, area and level (hires and releases).
        case atSchool
    }

    public func transfers() -> SheetTable {
        actionTable(Self.transfersSheet, view.actions.filter { $0.kind == .transfer || $0.kind == .retrain }, .movement)
    }

    public func hiresAndReleases() -> SheetTable {
        actionTable(Self.hiresSheet, view.actions.filter { $0.kind == .hire || $0.kind == .release }, .atSchool)
    }

    /// Every action in plan.csv's order.
    public func allActions() -> SheetTable {
        actionTable(Self.transfersSheet, view.actions, .movement)
    }

    func actionTable(_ name: String, _ actions: [Plan.Action], _ display: ActionDisplay) -> SheetTable {
        let l = labels
        let retraining = view.hasRetraining, horizon = view.years != nil
        var columns: [SheetTable.Column] = contractColumns.map { name in
            switch name {
            case "teachers": return .init(name, .teachers)
            case "km": return .init(name, .decimal)
            case "year": return .init(name, .year)
            default: return .init(name, .text)
            }
        }
        switch display {
        case .movement:
            columns += [.init(l.sendingName, .text), .init(l.sendingArea, .text), .init(l.receivingName, .text),
                        .init(l.receivingArea, .text), .init(l.level, .text), .init(l.authority, .text)]
        case .atSchool:
            columns += [.init(l.schoolName, .text), .init(l.area, .text), .init(l.level, .text)]
        }
        let rows: [[SheetTable.Cell]] = actions.map { a in
            var row: [SheetTable.Cell] = [.text(a.kind.rawValue), .optional(a.from), .optional(a.to), .text(a.subject),
                                          .number(a.teachers), .optional(a.km)]
            if retraining { row.append(.optional(a.toSubject)) }
            if horizon { row.append(a.year.map(SheetTable.Cell.count) ?? .empty) }
            let (from, to) = (view.school(a.from), view.school(a.to))
            switch display {
            case .movement:
                let authority = from.flatMap { f in to.map { Assignment.authority(from: f, to: $0).rawValue } }
                row += [.optional(from?.name), .optional(from?.area), .optional(to?.name), .optional(to?.area),
                        .optional((from ?? to)?.level), .optional(authority)]
            case .atSchool:
                let school = from ?? to
                row += [.optional(school?.name), .optional(school?.area), .optional(school?.level)]
            }
            return row
        }
        return SheetTable(name: name, columns: columns, rows: rows)
    }
}
