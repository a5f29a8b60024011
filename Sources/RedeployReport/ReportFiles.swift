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
    ///
    /// `labels` gives the headings and labels their language (`--lang`, scenario.yaml's `lang`).
    public static func write(html: String?, markdown: String?, instance: Instance, output: PlanOutput,
                             labels: Labels = .english) throws {
        guard html != nil || markdown != nil else { return }
        try write(html: html, markdown: markdown, data: ReportData(instance: instance, output: output), labels: labels)
    }

    public static func write(html: String?, markdown: String?, data: ReportData, labels: Labels = .english) throws {
        if let html { try writeText(HTMLReport.render(data, labels: labels), to: html) }
        if let markdown { try writeText(MarkdownReport.render(data, labels: labels), to: markdown) }
    }

    /// Writes beside the target first, then renames it into place: a reader never sees half a file.
    public static func writeText(_ text: String, to path: String) throws {
        let target = URL(fileURLWithPath: path).standardizedFileURL
        // A path that exists and is not a regular file (`/dev/null`, a pipe, /dev/stdout) is
        // written into: a rename, run as root, would put a regular file in place of the device.
        var info = stat()
        if stat(target.path, &info) == 0, info.st_mode & S_IFMT != S_IFREG, info.st_mode & S_IFMT != S_IFDIR {
            guard let handle = FileHandle(forWritingAtPath: target.path) else {
                throw WriteError(description: "cannot write \(target.path)")
            }
            defer { try? handle.close() }
            do { try handle.write(contentsOf: Data(text.utf8)) } catch {
                throw WriteError(description: "cannot write \(target.path): \(error.localizedDescription)")
            }
            return
        }
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
        /// Things a reader should know (a summary.json that is missing).
        public var warnings: [String]
    }

    /// Rebuilds the report data from `directory`'s plan.csv (required; read by ScenarioIO's
    /// `PlanReader`) and summary.json (for the status and gap; optional), rechecking the plan
    /// against `scenario` with `PlanChecker` for the staff after, the shortage, W and C.
    ///
    /// Refuses, with every reason, a plan that does not belong to `scenario` (see
    /// `mismatches`), so that no report shows one scenario's plan as "optimal" for another.
    public static func load(outputDirectory directory: String, scenario: Scenario) throws(ScenarioError) -> Loaded {
        let solved = try SolvedFolder(directory)
        let instance = Instance(scenario)
        let check = PlanChecker.check(solved.planFile.plan, against: instance)
        let reasons = mismatches(solved, check: check, scenarioName: instance.name,
                                 weightedShortageBefore: Coverage.weightedShortage(instance, staff: instance.pairs.map { Double($0.staying) }))
        try solved.refuse(reasons, scenario: scenario)
        let summary = solved.summary
        let data = ReportData(instance: instance, plan: solved.planFile.plan, check: check,
                              status: summary?["status"] as? String ?? "unknown", weightedShortageBefore: nil,
                              mipGap: (summary?["mip_gap"] as? NSNumber)?.doubleValue,
                              explanation: ExplanationSummary(json: summary?["explanation"]))
        let warnings = summary == nil ? ["\(solved.summaryPath): not found; the status is shown as unknown"] : []
        return Loaded(data: data, warnings: warnings)
    }

    /// What `solve` wrote in an output folder, for one year and a horizon alike: plan.csv (required)
    /// and summary.json (optional).
    struct SolvedFolder {
        var directory: String
        var planFile: PlanFile
        var summaryPath: String
        /// summary.json as a JSON object; nil when there is no such file.
        var summary: [String: Any]?

        init(_ directory: String) throws(ScenarioError) {
            self.directory = directory
            planFile = try PlanReader.read(contentsOf: (directory as NSString).appendingPathComponent("plan.csv"))
            summaryPath = (directory as NSString).appendingPathComponent("summary.json")
            guard let bytes = FileManager.default.contents(atPath: summaryPath) else { return }
            guard let summary = (try? JSONSerialization.jsonObject(with: bytes)) as? [String: Any] else {
                throw ScenarioError(Diagnostic(file: summaryPath, message: "is not a JSON object"))
            }
            self.summary = summary
        }

        /// Throws every reason, under one that names the folder and `scenario`, unless there is none.
        func refuse(_ reasons: [Diagnostic], scenario: Scenario) throws(ScenarioError) {
            guard !reasons.isEmpty else { return }
            let name = scenario.name.isEmpty ? "the scenario given" : "scenario '\(scenario.name)'"
            throw ScenarioError([Diagnostic(file: directory, message: "the plan there does not belong to \(name): "
                + "no report written (solve this scenario, or report the plan with the scenario it was solved for)")]
                + reasons)
        }
    }

    /// Why a plan does not belong to the instance's scenario, one diagnostic per reason; empty
    /// when it does. The rule: the independent checker accepts the plan against this scenario,
    /// and every figure summary.json states that the scenario fixes is the scenario's: its
    /// name, W0 and payroll before, and the W and cost the plan has against it (within 1e-6
    /// relative, as docs/MODEL.md 3.2 compares). `solve` writes only plans this checker accepted,
    /// with these very figures, so any plan it wrote for the scenario (optimal, greedy,
    /// time_limit) passes; a figure summary.json leaves out is not compared.
    ///
    /// One year's plan (`PlanChecker`) and a horizon's (`HorizonPlanChecker`, W and C over the
    /// years) are judged alike; `alsoSummary` gives the reasons about anything else summary.json
    /// states (a horizon's method), listed after its scenario name's.
    static func mismatches(_ solved: SolvedFolder, check: some CheckedPlan, scenarioName: String,
                           weightedShortageBefore: @autoclosure () -> Double,
                           alsoSummary: ([String: Any]) -> [Diagnostic] = { _ in [] }) -> [Diagnostic] {
        let (planFile, summaryFile) = (solved.planFile, solved.summaryPath)
        var reasons: [Diagnostic] = []
        if let summary = solved.summary {
            func differs(_ key: String, from value: Double, _ message: (String) -> String) {
                guard let stated = (summary[key] as? NSNumber)?.doubleValue,
                      abs(stated - value) > 1e-6 * max(1, abs(stated), abs(value)) else { return }
                reasons.append(Diagnostic(file: summaryFile, message: message(Format.figure(stated))))
            }
            if let name = summary["scenario"] as? String, name != scenarioName {
                reasons.append(Diagnostic(file: summaryFile, message: "written for scenario '\(name)', not '\(scenarioName)'"))
            }
            reasons += alsoSummary(summary)
            let w0 = weightedShortageBefore()
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

/// What `ReportFiles.mismatches` compares of a checked plan: one year's or a horizon's.
protocol CheckedPlan {
    var violations: [PlanChecker.Violation] { get }
    var payrollBefore: Int { get }
    var weightedShortage: Double { get }
    var cost: Double { get }
}

extension PlanChecker.Report: CheckedPlan {}
extension HorizonPlanChecker.Report: CheckedPlan {}
