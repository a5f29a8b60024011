import RedeployDomain

/// The output files of `solve` for a horizon or a scenario with retraining (docs/MODEL.md
/// sections 5 and 6): plan.csv gains `to_subject` (with retraining) and `year` (with a
/// horizon), schools.csv one row per school, subject and year, and summary.json, beside the
/// totals of section 4, `retrained` and the `years` list. Numbers in shortest round-trip form;
/// nothing that varies between runs.
public struct HorizonPlanOutput: Sendable {
    public var scenarioName: String
    public var status: String
    public var plan: Plan
    public var report: HorizonPlanChecker.Report
    /// The check of the plan that does nothing: W0, year by year.
    public var before: HorizonPlanChecker.Report
    public var mipGap: Double?
    /// Extra summary entries after the contract's, in this order (already JSON values).
    public var extra: [(key: String, json: String)]
    public var csv: CSVWriter.Options

    public init(scenarioName: String, status: String, plan: Plan, report: HorizonPlanChecker.Report,
                before: HorizonPlanChecker.Report, mipGap: Double?, extra: [(key: String, json: String)] = [],
                csv: CSVWriter.Options = .plain) {
        self.scenarioName = scenarioName
        self.status = status
        self.plan = plan
        self.report = report
        self.before = before
        self.mipGap = mipGap
        self.extra = extra
        self.csv = csv
    }

    public func files(_ instance: HorizonInstance) -> [AtomicFiles.File] {
        [AtomicFiles.File(name: "plan.csv", contents: planCSV(instance)),
         AtomicFiles.File(name: "schools.csv", contents: schoolsCSV(instance)),
         AtomicFiles.File(name: "summary.json", contents: summaryJSON(instance))]
    }

    /// Section 4's columns in their order, then `to_subject` and `year` where the scenario has them.
    public func planCSV(_ instance: HorizonInstance) -> String {
        let retraining = instance.hasRetrainingRows
        var header = ["action", "from_school", "to_school", "subject", "teachers", "km"]
        if retraining { header.append("to_subject") }
        if instance.hasHorizon { header.append("year") }
        var csv = CSVWriter(header: header, options: self.csv)
        for a in plan.actions {
            var row = [a.kind.rawValue, a.from ?? "", a.to ?? "", a.subject, NumberText.format(a.teachers), NumberText.format(a.km)]
            if retraining { row.append(a.toSubject ?? "") }
            if instance.hasHorizon { row.append(a.year.map(String.init) ?? "") }
            csv.appendRow(row)
        }
        return csv.text
    }

    /// One row per school and subject (and year, year by year): required, before (the staff if
    /// nothing is done), after (n) and shortage (u).
    public func schoolsCSV(_ instance: HorizonInstance) -> String {
        var header = ["school_id", "subject", "required", "before", "after", "shortage"]
        if instance.hasHorizon { header.append("year") }
        var csv = CSVWriter(header: header, options: self.csv)
        for y in instance.years.indices {
            for (p, pair) in instance.pairs.enumerated() {
                var row = [instance.schools[pair.school].id, instance.subjects[pair.subject],
                           NumberText.format(pair.required[y]), NumberText.format(before.staff[y][p]),
                           NumberText.format(report.staff[y][p]), NumberText.format(report.shortages[y][p])]
                if instance.hasHorizon { row.append(String(instance.years[y])) }
                csv.appendRow(row)
            }
        }
        return csv.text
    }

    public func summaryJSON(_ instance: HorizonInstance) -> String {
        let n = NumberText.format as (Double) -> String
        var entries: [(String, String)] = [
            ("scenario", JSONText.string(scenarioName)),
            ("status", JSONText.string(status)),
            ("weighted_shortage_before", n(before.weightedShortage)),
            ("weighted_shortage", n(report.weightedShortage)),
            ("cost", n(report.cost)),
            ("transfers", n(report.transfers)),
            ("hires", n(report.hires)),
            ("releases", n(report.releases)),
            ("retrained", n(report.retrained)),
            ("payroll_before", String(report.payrollBefore)),
            ("payroll_after", n(report.payrollAfter)),
            ("mip_gap", JSONText.number(mipGap)),
        ]
        if instance.hasHorizon { entries.append(("years", yearsJSON())) }
        entries += extra.map { ($0.key, $0.json) }
        return "{\n" + entries.map { "  \(JSONText.string($0.0)): \($0.1)" }.joined(separator: ",\n") + "\n}\n"
    }

    /// summary.json's `years`: section 6's keys, then the cost of the year's actions and the
    /// year's weighted shortage if nothing is done, for the tables and charts of the reports.
    func yearsJSON() -> String {
        let n = NumberText.format as (Double) -> String
        let items = zip(report.years, before.years).map { year, nothing in
            let fields = [("year", String(year.year)), ("weighted_shortage", n(year.weightedShortage)),
                          ("payroll", n(year.payroll)), ("payroll_cap", String(year.payrollCap)),
                          ("transfers", n(year.transfers)), ("hires", n(year.hires)), ("releases", n(year.releases)),
                          ("retrained", n(year.retrained)), ("cost", n(year.cost)),
                          ("weighted_shortage_before", n(nothing.weightedShortage))]
            return "    {" + fields.map { "\(JSONText.string($0.0)): \($0.1)" }.joined(separator: ", ") + "}"
        }
        return "[\n" + items.joined(separator: ",\n") + "\n  ]"
    }
}
