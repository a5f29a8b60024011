import RedeployDomain

/// The sheets of the plan workbook, built from a `PlanView` with one `WorkbookLabels`: Summary,
/// Years (a horizon), Transfers, Hires and releases, Schools, By school, By area, and with named
/// teachers Assignments, Decisions and one sheet per authority's decision list. The readable
/// CSVs are three of these tables (`ReadableCSV`).
public struct PlanSheets: Sendable {
    public let view: PlanView
    public let labels: WorkbookLabels

    public init(_ view: PlanView, labels: WorkbookLabels = .english) {
        self.view = view
        self.labels = labels
    }

    /// The sheets `evaluate --plan plan.xlsx` reads the plan from (ScenarioIO's
    /// `PlanWorkbookReader`): fixed names, never translated.
    public static let transfersSheet = "Transfers"
    public static let hiresSheet = "Hires and releases"

    /// plan.csv's columns, which head Transfers and Hires and releases unchanged so that
    /// `evaluate --plan plan.xlsx` reads the plan back from them: section 4's six, then
    /// `to_subject` (with retraining) and `year` (with a horizon), as plan.csv has them.
    public var contractColumns: [String] {
        var names = ["action", "from_school", "to_school", "subject", "teachers", "km"]
        if view.hasRetraining { names.append("to_subject") }
        if view.years != nil { names.append("year") }
        return names
    }

    /// Every sheet, in the workbook's order, with names Excel accepts.
    public func all() -> [SheetTable] {
        var sheets = [summary()]
        if view.years != nil { sheets.append(years()) }
        sheets += [transfers(), hiresAndReleases(), schools(), bySchool(), byArea()]
        if let assignments = view.assignments {
            sheets.append(self.assignments(assignments))
            sheets += decisionLists(assignments)
        }
        var names = SheetNames()
        return sheets.map { sheet in
            var sheet = sheet
            sheet.name = names.unique(sheet.name)
            return sheet
        }
    }

    // MARK: Summary and years

    /// Figure, value and the summary.json key it comes from (empty for the policy, which is the scenario's).
    public func summary() -> SheetTable {
        let l = labels, v = view
        var rows: [[SheetTable.Cell]] = []
        func add(_ label: String, _ value: SheetTable.Cell, _ key: String = "") {
            rows.append([.text(label), value, .optional(key)])
        }
        add(l.scenario, .text(v.scenarioName), "scenario")
        add(l.status, .text(v.status), "status")
        if let method = v.method { add(l.method, .text(method), "method") }
        add(l.weightedShortageBefore, .number(v.weightedShortageBefore), "weighted_shortage_before")
        add(l.weightedShortage, .number(v.weightedShortage), "weighted_shortage")
        add(l.cost, .number(v.cost), "cost")
        add(l.transfers, .number(v.transfers), "transfers")
        add(l.hires, .number(v.hires), "hires")
        add(l.releases, .number(v.releases), "releases")
        if let retrained = v.retrained { add(l.retrained, .number(retrained), "retrained") }
        add(l.payrollBefore, .count(v.payrollBefore), "payroll_before")
        add(l.payrollAfter, .number(v.payrollAfter), "payroll_after")
        add(l.mipGap, .optional(v.mipGap), "mip_gap")
        let p = v.policy
        if v.years == nil { add(l.payrollChange, .count(p.payrollChange)) }
        add(l.hiring, yesNo(p.hiring))
        add(l.sameLevel, yesNo(p.sameLevel))
        add(l.transferScope, .text(p.transferScope.rawValue))
        add(l.maxDistanceKm, p.maxDistanceKm.map(SheetTable.Cell.number) ?? .text(l.noLimit))
        add(l.maxOutShare, p.maxOutShare.map(SheetTable.Cell.number) ?? .text(l.noLimit))
        add(l.sharing, yesNo(p.sharing))
        add(l.costMove, .number(v.costs.move))
        add(l.costPerKm, .number(v.costs.perKm))
        add(l.costHire, .number(v.costs.hire))
        add(l.costRelease, .number(v.costs.release))
        return SheetTable(name: l.summarySheet, columns: [.init(l.figure, .text), .init(l.value, .decimal),
                                                          .init(l.key, .text)], rows: rows)
    }

    private func yesNo(_ flag: Bool) -> SheetTable.Cell {
        .text(flag ? labels.yes : labels.no)
    }

    /// summary.json's `years`, one row each.
    public func years() -> SheetTable {
        let l = labels
        let columns: [SheetTable.Column] = [
            .init(l.year, .year), .init(l.weightedShortageBefore, .decimal), .init(l.weightedShortage, .decimal),
            .init(l.payroll, .decimal), .init(l.payrollCap, .whole), .init(l.transfers, .teachers),
            .init(l.hires, .teachers), .init(l.releases, .teachers), .init(l.retrained, .teachers), .init(l.cost, .decimal),
        ]
        let rows: [[SheetTable.Cell]] = view.yearTotals.map { y in
            [.count(y.year), .number(y.weightedShortageBefore), .number(y.weightedShortage), .number(y.payroll),
             .count(y.payrollCap), .number(y.transfers), .number(y.hires), .number(y.releases), .number(y.retrained),
             .number(y.cost)]
        }
        return SheetTable(name: l.yearsSheet, columns: columns, rows: rows)
    }
}
