import Foundation
import RedeployDomain
import ScenarioIO

/// A solved plan as a person reads it, one year or a horizon in one shape: the schools with
/// their names, the figures of every (school, subject) pair in every year, the actions, the
/// totals, the policy and, with a roster, the named teachers. The readable CSVs and the plan
/// workbook are both built from it, so that they always agree with each other and with the
/// contract's files (every figure is taken from the same checked report, never recomputed).
public struct PlanView: Sendable {
    /// One (school, subject) pair's figures in one year, as schools.csv writes them.
    public struct PairYear: Sendable, Equatable {
        public var required: Double
        public var before: Double
        public var after: Double
        public var shortage: Double
    }

    /// One year's totals (summary.json's `years`); a single year has none.
    public struct YearTotals: Sendable, Equatable {
        public var year: Int
        public var weightedShortageBefore: Double
        public var weightedShortage: Double
        public var payroll: Double
        public var payrollCap: Int
        public var transfers: Double
        public var hires: Double
        public var releases: Double
        public var retrained: Double
        public var cost: Double
    }

    public var scenarioName: String
    public var status: String
    /// summary.json's `method` when it has one ("greedy", "myopic", ...).
    public var method: String?
    public var mipGap: Double?
    /// Sorted by id, as the instance holds them.
    public var schools: [School]
    public var schoolIndex: [String: Int]
    public var subjects: [String]
    /// (school, subject) indices into `schools` and `subjects`, in the order of schools.csv.
    public var pairs: [(school: Int, subject: Int)]
    /// The named years of a horizon; nil for one year (and for retraining without a horizon).
    public var years: [Int]?
    /// figures[y][p]: one entry per year (one for a single year), per pair.
    public var figures: [[PairYear]]
    public var actions: [Plan.Action]
    public var hasRetraining: Bool
    public var weightedShortageBefore: Double
    public var weightedShortage: Double
    public var cost: Double
    public var transfers: Double
    public var hires: Double
    public var releases: Double
    /// nil where the plan cannot retrain (a single year without retraining rows).
    public var retrained: Double?
    public var payrollBefore: Int
    public var payrollAfter: Double
    public var yearTotals: [YearTotals]
    public var policy: Policy
    public var costs: Costs
    /// The people of stage 3 (docs/MODEL.md section 7); nil without a roster.
    public var assignments: [Assignment]?

    /// A plan of one year, as `solve` writes it.
    public init(instance: Instance, output: PlanOutput) {
        scenarioName = output.scenarioName
        status = output.status
        method = Self.method(output.extra)
        mipGap = output.mipGap
        schools = instance.schools
        schoolIndex = instance.schoolIndex
        subjects = instance.subjects
        pairs = instance.pairs.map { ($0.school, $0.subject) }
        years = nil
        let report = output.report
        figures = [instance.pairs.enumerated().map { p, pair in
            PairYear(required: pair.required, before: Double(pair.staying), after: report.staffAfter[p],
                     shortage: report.shortages[p])
        }]
        actions = output.plan.actions
        hasRetraining = false
        weightedShortageBefore = output.weightedShortageBefore
        weightedShortage = report.weightedShortage
        cost = report.cost
        transfers = report.transfers
        hires = report.hires
        releases = report.releases
        retrained = nil
        payrollBefore = report.payrollBefore
        payrollAfter = report.payrollAfter
        yearTotals = []
        policy = instance.policy
        costs = instance.costs
        assignments = nil
    }

    /// A plan of a horizon or with retraining, and its named teachers when the scenario has a roster.
    public init(instance: HorizonInstance, output: HorizonPlanOutput, assignments: [Assignment]? = nil) {
        scenarioName = output.scenarioName
        status = output.status
        method = Self.method(output.extra)
        mipGap = output.mipGap
        schools = instance.schools
        schoolIndex = instance.transfers.schoolIndex
        subjects = instance.subjects
        pairs = instance.pairs.map { ($0.school, $0.subject) }
        years = instance.hasHorizon ? instance.years : nil
        let (report, before) = (output.report, output.before)
        figures = instance.years.indices.map { y in
            instance.pairs.enumerated().map { p, pair in
                PairYear(required: pair.required[y], before: before.staff[y][p], after: report.staff[y][p],
                         shortage: report.shortages[y][p])
            }
        }
        actions = output.plan.actions
        hasRetraining = instance.hasRetrainingRows
        weightedShortageBefore = before.weightedShortage
        weightedShortage = report.weightedShortage
        cost = report.cost
        transfers = report.transfers
        hires = report.hires
        releases = report.releases
        retrained = report.retrained
        payrollBefore = report.payrollBefore
        payrollAfter = report.payrollAfter
        yearTotals = instance.hasHorizon ? zip(report.years, before.years).map { year, nothing in
            YearTotals(year: year.year, weightedShortageBefore: nothing.weightedShortage,
                       weightedShortage: year.weightedShortage, payroll: year.payroll, payrollCap: year.payrollCap,
                       transfers: year.transfers, hires: year.hires, releases: year.releases,
                       retrained: year.retrained, cost: year.cost)
        } : []
        policy = instance.policy
        costs = instance.costs
        self.assignments = assignments
    }

    /// The school of an id in the plan; nil for an id the scenario does not have.
    public func school(_ id: String?) -> School? {
        id.flatMap { schoolIndex[$0] }.map { schools[$0] }
    }

    /// The year label of a figures index: the named year, or nil for a single year.
    public func year(at y: Int) -> Int? {
        years?[y]
    }

    /// summary.json's `method`, decoded from its JSON text.
    private static func method(_ extra: [(key: String, json: String)]) -> String? {
        guard let json = extra.first(where: { $0.key == "method" })?.json else { return nil }
        return (try? JSONSerialization.jsonObject(with: Data(json.utf8), options: .fragmentsAllowed)) as? String
    }
}
