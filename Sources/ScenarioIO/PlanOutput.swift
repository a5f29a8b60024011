import RedeployDomain

/// The output files of `solve` (docs/MODEL.md section 4): plan.csv, schools.csv, summary.json.
/// Numbers are written in shortest round-trip form, and nothing that varies between runs
/// (times, paths) is written, so the same scenario gives the same bytes.
public struct PlanOutput: Sendable {
    public var scenarioName: String
    public var status: String
    public var plan: Plan
    public var report: PlanChecker.Report
    public var weightedShortageBefore: Double
    /// nil where nothing is proven (a greedy plan): written as null.
    public var mipGap: Double?
    /// Extra summary entries after those of docs/MODEL.md section 4, in this order (already JSON values).
    public var extra: [(key: String, json: String)]
    /// How plan.csv and schools.csv are written: plain by default (byte for byte the same as
    /// ever); `.spreadsheet` adds a byte-order mark and guards cells against formula
    /// injection (see `CSVWriter`). summary.json is not affected.
    public var csv: CSVWriter.Options

    public init(scenarioName: String, status: String, plan: Plan, report: PlanChecker.Report,
                weightedShortageBefore: Double, mipGap: Double?, extra: [(key: String, json: String)] = [],
                csv: CSVWriter.Options = .plain) {
        self.scenarioName = scenarioName
        self.status = status
        self.plan = plan
        self.report = report
        self.weightedShortageBefore = weightedShortageBefore
        self.mipGap = mipGap
        self.extra = extra
        self.csv = csv
    }

    public func files(_ instance: Instance) -> [AtomicFiles.File] {
        [AtomicFiles.File(name: "plan.csv", contents: planCSV()),
         AtomicFiles.File(name: "schools.csv", contents: schoolsCSV(instance)),
         AtomicFiles.File(name: "summary.json", contents: summaryJSON())]
    }

    public func planCSV() -> String {
        var csv = CSVWriter(header: ["action", "from_school", "to_school", "subject", "teachers", "km"], options: self.csv)
        for a in plan.actions {
            csv.appendRow([a.kind.rawValue, a.from ?? "", a.to ?? "", a.subject,
                           NumberText.format(a.teachers), NumberText.format(a.km)])
        }
        return csv.text
    }

    public func schoolsCSV(_ instance: Instance) -> String {
        var csv = CSVWriter(header: ["school_id", "subject", "required", "before", "after", "shortage"], options: self.csv)
        for (p, pair) in instance.pairs.enumerated() {
            csv.appendRow([instance.schools[pair.school].id, instance.subjects[pair.subject],
                           NumberText.format(pair.required), String(pair.staying),
                           NumberText.format(report.staffAfter[p]), NumberText.format(report.shortages[p])])
        }
        return csv.text
    }

    public func summaryJSON() -> String {
        let n = NumberText.format as (Double) -> String
        var entries: [(String, String)] = [
            ("scenario", JSONText.string(scenarioName)),
            ("status", JSONText.string(status)),
            ("weighted_shortage_before", n(weightedShortageBefore)),
            ("weighted_shortage", n(report.weightedShortage)),
            ("cost", n(report.cost)),
            ("transfers", n(report.transfers)),
            ("hires", n(report.hires)),
            ("releases", n(report.releases)),
            ("payroll_before", String(report.payrollBefore)),
            ("payroll_after", n(report.payrollAfter)),
            ("mip_gap", JSONText.number(mipGap)),
        ]
        entries += extra.map { ($0.key, $0.json) }
        return "{\n" + entries.map { "  \(JSONText.string($0.0)): \($0.1)" }.joined(separator: ",\n") + "\n}\n"
    }
}

