import Foundation
import RedeployDomain
import ScenarioIO

/// Rebuilding a horizon plan from what `solve` wrote, for `redeploy report`: plan.csv (with its
/// `year` and `to_subject` columns) re-checked against the scenario by `HorizonPlanChecker`, and
/// summary.json for the status, the gap and which plan the folder holds. As for one year
/// (`ReportFiles.load`), a plan that does not belong to the scenario is refused with every
/// reason, so that no report shows one scenario's plan as another's.
extension HorizonReportFiles {
    public struct Loaded: Sendable {
        public var instance: HorizonInstance
        public var output: HorizonPlanOutput
        /// summary.json's `method`: "optimal" or "myopic" (the other plan is still to be solved).
        public var method: String
        /// Things a reader should know (a summary.json that is missing).
        public var warnings: [String]
    }

    /// The methods a horizon plan is made by.
    public static let methods = ["optimal", "myopic"]

    public static func load(outputDirectory directory: String, scenario: Scenario) throws(ScenarioError) -> Loaded {
        let solved = try ReportFiles.SolvedFolder(directory)
        let instance = HorizonInstance(scenario)
        let check = HorizonPlanChecker.check(solved.planFile.plan, against: instance)
        let before = HorizonPlanChecker.check(Plan(), against: instance)
        try solved.refuse(mismatches(solved, check: check, before: before, instance: instance), scenario: scenario)
        let summary = solved.summary
        let method = summary?["method"] as? String ?? "optimal"
        let output = HorizonPlanOutput(scenarioName: scenario.name, status: summary?["status"] as? String ?? "unknown",
                                       plan: solved.planFile.plan, report: check, before: before,
                                       mipGap: (summary?["mip_gap"] as? NSNumber)?.doubleValue)
        let warnings = summary == nil
            ? ["\(solved.summaryPath): not found; the plan is taken as the optimum and its status shown as unknown"] : []
        return Loaded(instance: instance, output: output, method: method, warnings: warnings)
    }

    /// Why a horizon plan does not belong to the instance's scenario, one diagnostic per reason;
    /// empty when it does. The one-year rule (`ReportFiles.mismatches`) over the years: the
    /// checker accepts the plan, and every figure summary.json states that the scenario fixes is
    /// the scenario's (name, W0 and payroll before, the plan's W and cost, within 1e-6 relative);
    /// and its `method` is one a horizon is planned by, so the other plan can be solved.
    static func mismatches(_ solved: ReportFiles.SolvedFolder, check: HorizonPlanChecker.Report,
                           before: HorizonPlanChecker.Report, instance: HorizonInstance) -> [Diagnostic] {
        ReportFiles.mismatches(solved, check: check, scenarioName: instance.name,
                               weightedShortageBefore: before.weightedShortage) { summary in
            guard let method = summary["method"] as? String, !methods.contains(method) else { return [] }
            return [Diagnostic(file: solved.summaryPath, message: "method is '\(method)', but a horizon is planned "
                + methods.map { "'\($0)'" }.joined(separator: " or "))]
        }
    }
}
