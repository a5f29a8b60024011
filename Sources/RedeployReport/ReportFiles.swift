import Foundation
import RedeployDomain
import ScenarioIO

/// Writing reports, and rebuilding their data from what `solve` wrote.
public enum ReportFiles {
    public struct WriteError: Error, CustomStringConvertible {
        public var description: String
    }

    /// Writes the HTML report to `html` and the Markdown summary to `markdown` (either may be
    /// nil: not written). For `solve --report PATH --markdown PATH`:
    ///
    ///     try ReportFiles.write(html: report, markdown: markdown, instance: instance, output: output)
    public static func write(html: String?, markdown: String?, instance: Instance, output: PlanOutput) throws {
        guard html != nil || markdown != nil else { return }
        try write(html: html, markdown: markdown, data: ReportData(instance: instance, output: output))
    }

    public static func write(html: String?, markdown: String?, data: ReportData) throws {
        if let html { try writeText(HTMLReport.render(data), to: html) }
        if let markdown { try writeText(MarkdownReport.render(data), to: markdown) }
    }

    /// Writes beside the target first, then renames it into place: a reader never sees half a file.
    public static func writeText(_ text: String, to path: String) throws {
        let target = URL(fileURLWithPath: path).standardizedFileURL
        let folder = target.deletingLastPathComponent()
        let staging = folder.appendingPathComponent(".\(target.lastPathComponent).partial-\(getpid())")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: staging)
        } catch {
            try? FileManager.default.removeItem(at: staging)
            throw WriteError(description: "cannot write \(target.path): \(error.localizedDescription)")
        }
        guard rename(staging.path, target.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: staging)
            throw WriteError(description: "cannot write \(target.path): \(reason)")
        }
    }

    /// What `report` needs from an output folder of `solve`.
    public struct Loaded: Sendable {
        public var data: ReportData
        /// Things a reader should know (a plan that breaks rules, a summary that disagrees).
        public var warnings: [String]
    }

    /// Rebuilds the report data from `directory`'s plan.csv (required; read by ScenarioIO's
    /// `PlanReader`) and summary.json (for the status and gap; optional), rechecking the plan against `scenario` with
    /// `PlanChecker` for the staff after, the shortage, W and C.
    public static func load(outputDirectory directory: String, scenario: Scenario) throws(ScenarioError) -> Loaded {
        let planPath = (directory as NSString).appendingPathComponent("plan.csv")
        let plan = try PlanReader.read(contentsOf: planPath).plan
        let instance = Instance(scenario)
        let check = PlanChecker.check(plan, against: instance)
        var warnings: [String] = []
        let summaryPath = (directory as NSString).appendingPathComponent("summary.json")
        var status = "unknown"
        var gap: Double? = nil
        if let bytes = FileManager.default.contents(atPath: summaryPath) {
            guard let summary = (try? JSONSerialization.jsonObject(with: bytes)) as? [String: Any] else {
                throw ScenarioError(Diagnostic(file: summaryPath, message: "is not a JSON object"))
            }
            if let s = summary["status"] as? String { status = s }
            gap = (summary["mip_gap"] as? NSNumber)?.doubleValue
            if let name = summary["scenario"] as? String, name != scenario.name {
                warnings.append("\(summaryPath): written for scenario '\(name)', not '\(scenario.name)'")
            }
            if let w = (summary["weighted_shortage"] as? NSNumber)?.doubleValue,
               abs(w - check.weightedShortage) > 1e-6 * max(1, abs(w)) {
                warnings.append("\(summaryPath): weighted_shortage \(NumberText.format(w)) differs from the rechecked "
                    + "\(NumberText.format(check.weightedShortage)): is this the scenario the plan was made for?")
            }
        } else {
            warnings.append("\(summaryPath): not found; the status is shown as unknown")
        }
        if !check.isValid {
            warnings.append("\(planPath): the plan breaks \(check.violations.count) rule(s) of the scenario, e.g. \(check.violations[0])")
        }
        let data = ReportData(instance: instance, plan: plan, check: check, status: status,
                              weightedShortageBefore: nil, mipGap: gap)
        return Loaded(data: data, warnings: warnings)
    }
}
