import ArgumentParser
import Foundation
import LinearProgramming
import RedeployDomain
import RedeployPlanner
import ScenarioIO

/// `redeploy compare SCENARIO...`: solves each scenario and prints one table with a column per
/// scenario (and per method with --greedy): W0, W, C, transfers, hires, releases, payroll
/// change, schools still short, the largest remaining shortage and the solve time.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Solve several scenarios and compare them side by side.",
        discussion: """
            One column per scenario, named after its folder (or YAML file); the scenarios' full \
            names are listed above the table. With --greedy, each scenario also gets a column \
            for the greedy plan (solve --method greedy), so the table shows what the optimum \
            gains over a plan made by hand. Table and Markdown round for display; CSV writes \
            numbers in shortest round-trip form, one row per figure.

            Exit status: 0 when every scenario was solved; 2 for invalid input (every problem \
            of every scenario on standard error); 1 for any other failure.
            """)

    enum Format: String, CaseIterable, ExpressibleByArgument {
        case table, csv, markdown
    }

    @Argument(help: "Scenario folders or scenario.yaml files.") var scenarios: [String]
    @Option(help: "Output format: table, csv or markdown.") var format: Format = .table
    @Flag(help: "Add a column for the greedy plan of each scenario.") var greedy = false
    @Option(help: "Seconds per scenario for the optimal method; past it the best plan found is shown with status time_limit.")
    var timeLimit: Double?
    @Option(name: .long, help: LanguageOption.help) var lang: Language?

    func validate() throws {
        guard !scenarios.isEmpty else { throw ValidationError("name at least one scenario") }
        if let limit = timeLimit, !(limit > 0 && limit <= 86_400 * 24) {
            throw ValidationError("--time-limit must be a number of seconds above 0 and at most 24 days")
        }
    }

    func run() throws {
        // Read every scenario first, so that all invalid input is reported at once.
        var loaded: [(path: String, scenario: Scenario)] = []
        var invalid = false
        for path in scenarios {
            do {
                let scenario = try InputErrors.loadScenario(path)
                try SolveCommand.checkPayrollCanBeMet(scenario, path: path)
                loaded.append((path, scenario))
            } catch let code as ExitCode where code.rawValue == 2 {
                invalid = true
            }
        }
        if invalid { throw ExitCode(2) }

        let labels = Self.labels(scenarios)
        var columns: [Column] = []
        for (k, item) in loaded.enumerated() {
            if SolveCommand.needsHorizon(item.scenario) {
                // A horizon: the optimum over all the years, and the plan made one year at a time.
                let instance = HorizonInstance(item.scenario)
                for method in HorizonPlanner.Method.allCases {
                    columns.append(try HorizonSolved.solve(instance, method: method, timeLimit: timeLimit, path: item.path)
                        .column(label: labels[k], name: item.scenario.name))
                }
                continue
            }
            let instance = Instance(item.scenario)
            columns.append(try Solved.optimal(instance, timeLimit: timeLimit).column(label: labels[k], name: item.scenario.name))
            if greedy {
                columns.append(try Solved.greedy(instance).column(label: labels[k], name: item.scenario.name))
            }
        }
        // The first scenario's lang when --lang is not given.
        let table = ComparisonTable(columns: columns, labels: LanguageOption.labels(lang, loaded.first?.scenario))
        switch format {
        case .table: print(table.text(), terminator: "")
        case .csv: print(table.csv(), terminator: "")
        case .markdown: print(table.markdown(), terminator: "")
        }
    }

    /// Column labels: the scenario's folder (or YAML file name), made unique with #2, #3...
    static func labels(_ paths: [String]) -> [String] {
        var seen: [String: Int] = [:]
        return paths.map { path in
            let url = URL(fileURLWithPath: path).standardizedFileURL
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
            var label: String
            if isDirectory.boolValue {
                label = url.lastPathComponent
            } else if url.lastPathComponent == "scenario.yaml" || url.lastPathComponent == "scenario.yml" {
                label = url.deletingLastPathComponent().lastPathComponent
            } else {
                label = url.deletingPathExtension().lastPathComponent
            }
            if label.isEmpty { label = path }
            seen[label, default: 0] += 1
            return seen[label]! > 1 ? "\(label)#\(seen[label]!)" : label
        }
    }

    /// One column of the table.
    struct Column {
        var label: String
        var name: String
        var method: String
        var status: String
        var figures: PlanFigures
        var seconds: Double
        /// A horizon's years; empty for a single year.
        var years: [HorizonPlanChecker.Year] = []
    }
}

/// A plan obtained for a scenario by either method, with its check and time.
struct Solved {
    var method: String
    var status: String
    var plan: Plan
    var check: PlanChecker.Report
    var weightedShortageBefore: Double
    var mipGap: Double?
    var seconds: Double
    var instance: Instance

    var figures: PlanFigures { PlanFigures(instance, check, weightedShortageBefore: weightedShortageBefore) }

    func column(label: String, name: String) -> CompareCommand.Column {
        CompareCommand.Column(label: label, name: name, method: method, status: status, figures: figures, seconds: seconds)
    }

    /// The optimum; solver failures print on standard error and throw `ExitCode(1)`.
    static func optimal(_ instance: Instance, timeLimit: Double?) throws -> Solved {
        let clock = ContinuousClock()
        let start = clock.now
        let result: Planner.Result
        do {
            result = try Planner(options: .init(timeLimit: timeLimit)).solve(instance)
        } catch {
            InputErrors.printToStandardError(["redeploy: \(instance.name): \(error)"])
            throw ExitCode(1)
        }
        guard let check = result.check else {
            if result.status == .timeLimit {
                // Out of time before the solver had a plan: the greedy plan, as solve writes it.
                var fallback = try greedy(instance)
                fallback.method = "greedy (time limit)"
                fallback.status = Planner.Result.Status.timeLimit.rawValue
                fallback.seconds = (clock.now - start).inSeconds
                return fallback
            }
            InputErrors.printToStandardError(["redeploy: \(instance.name): no plan: the solver ended with status \(result.status.rawValue)"])
            throw ExitCode(1)
        }
        return Solved(method: "optimal", status: result.status.rawValue, plan: result.plan, check: check,
                      weightedShortageBefore: result.weightedShortageBefore, mipGap: result.mipGap,
                      seconds: (clock.now - start).inSeconds, instance: instance)
    }

    /// The greedy plan (GreedyPlanner); a failure of its check is an internal error, exit 1.
    static func greedy(_ instance: Instance) throws -> Solved {
        let clock = ContinuousClock()
        let start = clock.now
        let result: GreedyPlanner.Result
        do {
            result = try GreedyPlanner().solve(instance)
        } catch {
            InputErrors.printToStandardError(["redeploy: \(instance.name): \(error)"])
            throw ExitCode(1)
        }
        return Solved(method: "greedy", status: "feasible", plan: result.plan, check: result.check,
                      weightedShortageBefore: result.weightedShortageBefore, mipGap: nil,
                      seconds: (clock.now - start).inSeconds, instance: instance)
    }
}

/// A horizon's plan by either method (docs/MODEL.md section 6), with its check and time.
struct HorizonSolved {
    var result: HorizonPlanner.Result
    var seconds: Double
    var instance: HorizonInstance

    var figures: PlanFigures {
        PlanFigures(instance, result.check, weightedShortageBefore: result.weightedShortageBefore)
    }

    func column(label: String, name: String) -> CompareCommand.Column {
        CompareCommand.Column(label: label, name: name, method: result.method.rawValue, status: result.status.rawValue,
                              figures: figures, seconds: seconds, years: result.check.years)
    }

    /// The plan; failures (a roadmap no plan meets) print on standard error and exit 1.
    static func solve(_ instance: HorizonInstance, method: HorizonPlanner.Method, timeLimit: Double?,
                      path: String) throws -> HorizonSolved {
        let start = ContinuousClock.now
        let result = try SolveCommand.planHorizon(instance, method: method, options: .init(timeLimit: timeLimit), path: path)
        return HorizonSolved(result: result, seconds: (ContinuousClock.now - start).inSeconds, instance: instance)
    }
}

/// The figures of one plan that `compare` and `evaluate` show.
struct PlanFigures {
    var weightedShortageBefore: Double
    var weightedShortage: Double
    var cost: Double
    var transfers: Double
    var hires: Double
    var releases: Double
    var payrollBefore: Int
    var payrollAfter: Double
    /// Schools whose total shortage (sum of u) is above the tolerance of docs/MODEL.md 3.2.
    var schoolsShort: Int
    /// The school with the largest total shortage left (unweighted), if any is short.
    var largestShortage: (school: String, amount: Double)?

    var payrollChange: Double { payrollAfter - Double(payrollBefore) }

    /// A horizon's totals; the schools still short are those short in its last year.
    init(_ instance: HorizonInstance, _ check: HorizonPlanChecker.Report, weightedShortageBefore: Double) {
        self.init(weightedShortageBefore: weightedShortageBefore, weightedShortage: check.weightedShortage,
                  cost: check.cost, transfers: check.transfers, hires: check.hires, releases: check.releases,
                  payrollBefore: check.payrollBefore, payrollAfter: check.payrollAfter,
                  shortages: check.shortages.last ?? [], pairRanges: instance.pairRanges, schoolIDs: instance.schools.map(\.id))
    }

    init(_ instance: Instance, _ check: PlanChecker.Report, weightedShortageBefore: Double) {
        self.init(weightedShortageBefore: weightedShortageBefore, weightedShortage: check.weightedShortage,
                  cost: check.cost, transfers: check.transfers, hires: check.hires, releases: check.releases,
                  payrollBefore: check.payrollBefore, payrollAfter: check.payrollAfter,
                  shortages: check.shortages, pairRanges: instance.pairRanges, schoolIDs: instance.schools.map(\.id))
    }

    /// The totals, and the schools still short from the shortage u of each pair.
    private init(weightedShortageBefore: Double, weightedShortage: Double, cost: Double, transfers: Double,
                 hires: Double, releases: Double, payrollBefore: Int, payrollAfter: Double, shortages: [Double],
                 pairRanges: [Range<Int>], schoolIDs: [String]) {
        self.weightedShortageBefore = weightedShortageBefore
        self.weightedShortage = weightedShortage
        self.cost = cost
        self.transfers = transfers
        self.hires = hires
        self.releases = releases
        self.payrollBefore = payrollBefore
        self.payrollAfter = payrollAfter
        var short = 0
        var largest: (Int, Double)?
        for (s, range) in pairRanges.enumerated() {
            let total = range.reduce(0.0) { $0 + shortages[$1] }
            guard total > 1e-6 else { continue }
            short += 1
            if largest == nil || total > largest!.1 { largest = (s, total) }
        }
        schoolsShort = short
        largestShortage = largest.map { (schoolIDs[$0.0], $0.1) }
    }
}

/// Display rounding for standard output (never in files): 2 decimals, no "-0.00".
enum Display {
    static func number(_ x: Double, decimals: Int = 2) -> String {
        let text = String(format: "%.\(decimals)f", x)
        return text.hasPrefix("-") && Double(text) == 0 ? String(text.dropFirst()) : text
    }

    /// Teachers: whole numbers as such, fractions (sharing) with 2 decimals.
    static func count(_ x: Double) -> String {
        abs(x - x.rounded()) < 1e-9 ? String(Int(x.rounded())) : number(x)
    }

    /// A difference with its sign and 2 decimals: +1.25, -0.50, 0.00.
    static func signedNumber(_ x: Double, decimals: Int = 2) -> String {
        let text = number(x, decimals: decimals)
        return x > 0 && Double(text) != 0 ? "+" + text : text
    }

    /// A change with its sign: +3, -310, 0.
    static func signed(_ x: Double) -> String {
        let text = count(x)
        return x > 1e-9 && !text.hasPrefix("+") ? "+" + text : text
    }
}

/// The comparison as text, CSV or Markdown: a row per figure, a column per plan.
struct ComparisonTable {
    var columns: [CompareCommand.Column]
    /// The language of the row labels (table and Markdown); CSV keeps its keys.
    var labels: Labels = .english

    /// (label for people, key for CSV, display value, CSV value) per figure.
    private var rows: [(label: String, key: String, display: (CompareCommand.Column) -> String, csv: (CompareCommand.Column) -> String)] {
        let n = NumberText.format as (Double) -> String
        let l = labels
        return [
            (l("method"), "method", { $0.method }, { $0.method }),
            (l("status"), "status", { $0.status }, { $0.status }),
            (l("W0, before any plan"), "weighted_shortage_before",
             { Display.number($0.figures.weightedShortageBefore) }, { n($0.figures.weightedShortageBefore) }),
            (l("W, weighted shortage"), "weighted_shortage",
             { Display.number($0.figures.weightedShortage) }, { n($0.figures.weightedShortage) }),
            (l("C, cost"), "cost", { Display.number($0.figures.cost) }, { n($0.figures.cost) }),
            (l("transfers"), "transfers", { Display.count($0.figures.transfers) }, { n($0.figures.transfers) }),
            (l("hires"), "hires", { Display.count($0.figures.hires) }, { n($0.figures.hires) }),
            (l("releases"), "releases", { Display.count($0.figures.releases) }, { n($0.figures.releases) }),
            (l("payroll change"), "payroll_change", { Display.signed($0.figures.payrollChange) }, { n($0.figures.payrollChange) }),
            (l("schools still short"), "schools_short", { String($0.figures.schoolsShort) }, { String($0.figures.schoolsShort) }),
            (l("largest remaining shortage"), "largest_shortage",
             { $0.figures.largestShortage.map { l("{0} at {1}", Display.number($0.amount), $0.school) } ?? l("none") },
             { $0.figures.largestShortage.map { n($0.amount) } ?? "0" }),
            ("", "largest_shortage_school", { _ in "" }, { $0.figures.largestShortage?.school ?? "" }),
            (l("solve time (s)"), "solve_seconds", { Display.number($0.seconds) }, { n($0.seconds) }),
        ] + yearRows
    }

    private typealias Row = (label: String, key: String, display: (CompareCommand.Column) -> String,
                             csv: (CompareCommand.Column) -> String)

    /// For horizons, W, C and payroll/cap of each year (empty cells for a column without it).
    private var yearRows: [Row] {
        let years = Set(columns.flatMap { $0.years.map(\.year) }).sorted()
        var rows: [Row] = []
        for year in years {
            rows.append(Self.yearRow("W \(year)", "weighted_shortage_\(year)", year,
                                     { Display.number($0.weightedShortage) }, { NumberText.format($0.weightedShortage) }))
            rows.append(Self.yearRow("C \(year)", "cost_\(year)", year,
                                     { Display.number($0.cost) }, { NumberText.format($0.cost) }))
            rows.append(Self.yearRow(labels("payroll / cap {0}", year), "payroll_\(year)", year,
                                     { "\(Display.count($0.payroll)) / \($0.payrollCap)" }, { NumberText.format($0.payroll) }))
        }
        return rows
    }

    private static func yearRow(_ label: String, _ key: String, _ year: Int,
                                _ display: @escaping (HorizonPlanChecker.Year) -> String,
                                _ csv: @escaping (HorizonPlanChecker.Year) -> String) -> Row {
        func of(_ column: CompareCommand.Column) -> HorizonPlanChecker.Year? { column.years.first { $0.year == year } }
        return (label, key, { of($0).map(display) ?? "" }, { of($0).map(csv) ?? "" })
    }

    private var displayRows: [(label: String, cells: [String])] {
        rows.filter { !$0.label.isEmpty }.map { row in (row.label, columns.map(row.display)) }
    }

    private var legend: [(label: String, name: String)] {
        var seen = Set<String>()
        return columns.compactMap { column in seen.insert(column.label).inserted ? (column.label, column.name) : nil }
    }

    func text() -> String {
        var out = labels("Scenarios") + "\n"
        let width = legend.map(\.label.count).max() ?? 0
        for item in legend {
            out += "  " + item.label + String(repeating: " ", count: width - item.label.count) + "  " + item.name + "\n"
        }
        out += "\n"
        var table = TextTable([""] + columns.map(\.label), leftColumns: 1)
        for row in displayRows { table.add([row.label] + row.cells) }
        return out + table.text
    }

    func csv() -> String {
        var writer = CSVWriter(header: ["figure"] + columns.map(\.label))
        writer.appendRow(["scenario"] + columns.map(\.name))
        for row in rows { writer.appendRow([row.key] + columns.map(row.csv)) }
        return writer.text
    }

    func markdown() -> String {
        func cell(_ s: String) -> String { s.replacingOccurrences(of: "|", with: "\\|") }
        var out = ""
        for item in legend { out += "- **\(cell(item.label))**: \(cell(item.name))\n" }
        out += "\n| |" + columns.map { " \(cell($0.label)) |" }.joined() + "\n"
        out += "|---|" + columns.map { _ in "---:|" }.joined() + "\n"
        for row in displayRows {
            out += "| \(cell(row.label)) |" + row.cells.map { " \(cell($0)) |" }.joined() + "\n"
        }
        return out
    }
}
