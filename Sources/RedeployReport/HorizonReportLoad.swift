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
        let planPath = (directory as NSString).appendingPathComponent("plan.csv")
        let planFile = try PlanReader.read(contentsOf: planPath)
        let summaryPath = (directory as NSString).appendingPathComponent("summary.json")
        let summary = try readSummary(summaryPath)
        let instance = HorizonInstance(scenario)
        let check = HorizonPlanChecker.check(planFile.plan, against: instance)
        let before = HorizonPlanChecker.check(Plan(), against: instance)
        let reasons = HorizonMismatches(planFile: planFile, check: check, before: before, summary: summary,
                                        summaryFile: summaryPath, instance: instance).reasons
        guard reasons.isEmpty else {
            let name = scenario.name.isEmpty ? "the scenario given" : "scenario '\(scenario.name)'"
            throw ScenarioError([Diagnostic(file: directory, message: "the plan there does not belong to \(name): "
                + "no report written (solve this scenario, or report the plan with the scenario it was solved for)")]
                + reasons)
        }
        let method = summary?["method"] as? String ?? "optimal"
        let output = HorizonPlanOutput(scenarioName: scenario.name, status: summary?["status"] as? String ?? "unknown",
                                       plan: planFile.plan, report: check, before: before,
                                       mipGap: (summary?["mip_gap"] as? NSNumber)?.doubleValue)
        let warnings = summary == nil
            ? ["\(summaryPath): not found; the plan is taken as the optimum and its status shown as unknown"] : []
        return Loaded(instance: instance, output: output, method: method, warnings: warnings)
    }

    /// summary.json as a JSON object; nil when there is no such file.
    private static func readSummary(_ path: String) throws(ScenarioError) -> [String: Any]? {
        guard let bytes = FileManager.default.contents(atPath: path) else { return nil }
        guard let summary = (try? JSONSerialization.jsonObject(with: bytes)) as? [String: Any] else {
            throw ScenarioError(Diagnostic(file: path, message: "is not a JSON object"))
        }
        return summary
    }
}

/// Why a horizon plan does not belong to the instance's scenario, one diagnostic per reason;
/// empty when it does. The rule of the one-year `ReportFiles.mismatches`, over the years: the
/// checker accepts the plan, and every figure summary.json states that the scenario fixes is
/// the scenario's (name, W0 and payroll before, the plan's W and cost, within 1e-6 relative);
/// and its `method` is one a horizon is planned by, so the other plan can be solved.
struct HorizonMismatches {
    var planFile: PlanFile
    var check: HorizonPlanChecker.Report
    var before: HorizonPlanChecker.Report
    var summary: [String: Any]?
    var summaryFile: String
    var instance: HorizonInstance

    var reasons: [Diagnostic] {
        var reasons: [Diagnostic] = []
        if let summary {
            func differs(_ key: String, from value: Double, _ message: (String) -> String) {
                guard let stated = (summary[key] as? NSNumber)?.doubleValue,
                      abs(stated - value) > 1e-6 * max(1, abs(stated), abs(value)) else { return }
                reasons.append(Diagnostic(file: summaryFile, message: message(Format.figure(stated))))
            }
            if let name = summary["scenario"] as? String, name != instance.name {
                reasons.append(Diagnostic(file: summaryFile, message: "written for scenario '\(name)', not '\(instance.name)'"))
            }
            if let method = summary["method"] as? String, !HorizonReportFiles.methods.contains(method) {
                reasons.append(Diagnostic(file: summaryFile, message: "method is '\(method)', but a horizon is planned "
                    + HorizonReportFiles.methods.map { "'\($0)'" }.joined(separator: " or ")))
            }
            let w0 = before.weightedShortage
            differs("weighted_shortage_before", from: w0) {
                "weighted_shortage_before is \($0), but this scenario's W0 is \(Format.figure(w0))"
            }
            differs("payroll_before", from: Double(check.payrollBefore)) {
                "payroll_before is \($0), but this scenario has \(check.payrollBefore) teachers"
            }
            differs("weighted_shortage", from: check.weightedShortage) {
                "weighted_shortage is \($0), but the plan leaves \(Format.figure(check.weightedShortage)) in this scenario"
            }
            differs("cost", from: check.cost) {
                "cost is \($0), but the plan costs \(Format.figure(check.cost)) in this scenario"
            }
        }
        if let first = check.violations.first {
            let count = check.violations.count
            let line = planFile.line(ofAction: first.primaryAction)
            reasons.append(Diagnostic(file: planFile.file, line: line, message: (count == 1
                    ? "breaks a rule of this scenario: " : "breaks \(count) rules of this scenario, the first: ")
                + (line == nil ? first.description : first.message)))
        }
        return reasons
    }
}
