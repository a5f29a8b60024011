import ArgumentParser
import Foundation
import RedeployDomain
import ScenarioIO

/// `redeploy norms SCENARIO`: for each school, how its staffing norm is derived, step by step,
/// each step with its source article (`NormEngine`), so that a planner can check every figure
/// against the circular. Under a per-class table (`builtin:vn-2023`) each subject is one line,
/// classes x per_class; a `required` figure of staff.csv wins and says so.
struct NormsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "norms", abstract: "Show how each school's staffing norm is derived, with its sources.")

    @Argument(help: "A scenario folder or its scenario.yaml.") var scenario: String
    @Option(help: "Only this school (its id).") var school: String?
    @Option(help: "Output format: table, csv or json.") var format: SummaryFormat = .table

    func run() throws {
        let loaded = try InputErrors.loadScenario(scenario)
        var schools = loaded.schools.sorted { $0.id < $1.id }
        if let id = school {
            guard let one = schools.first(where: { $0.id == id }) else {
                InputErrors.printToStandardError(["redeploy: --school: no school '\(id)' in \(scenario)"])
                throw ExitCode(2)
            }
            schools = [one]
        }
        let derivations = schools.map { NormDerivations.derive($0, loaded) }
        print(NormDerivations.render(derivations, format), terminator: "")
    }
}

/// Derivations for every kind of norm a scenario can name, and their three renderings.
enum NormDerivations {
    /// The rules' derivation, with staff.csv's `required` cells taking precedence (as in the
    /// model); under a table, one line per subject.
    static func derive(_ school: School, _ scenario: Scenario) -> NormDerivation {
        let given = scenario.staff.filter { $0.schoolID == school.id && $0.required != nil }
        var derivation: NormDerivation
        if let rules = scenario.normRules {
            do {
                derivation = try NormEngine.derive(school, rules: rules)
            } catch {
                derivation = NormDerivation(school: school.id, lines: [.init(text: "\(error)", value: nil, source: rules.name)],
                                            maximum: 0, fixedPosts: 0, needs: [], posts: [:])
            }
        } else if let norms = scenario.norms {
            derivation = tableDerivation(school, norms)
        } else {
            derivation = NormDerivation(school: school.id, lines: [
                .init(text: "school \(school.id): \(school.level), \(school.classes) classes; the scenario names no norms",
                      value: nil, source: "scenario.yaml"),
            ], maximum: 0, fixedPosts: 0, needs: [], posts: [:])
        }
        guard !given.isEmpty else { return derivation }
        var used = Dictionary(derivation.needs.map { ($0.subject, $0.required) }, uniquingKeysWith: +)
        for row in given.sorted(by: { $0.subject < $1.subject }) {
            used[row.subject] = row.required
            derivation.lines.append(.init(text: "\(row.subject): staff.csv gives required \(NormEngine.number(row.required!)), "
                                            + "which the plan uses instead", value: row.required, source: "staff.csv"))
        }
        derivation.needs = used.sorted { $0.key < $1.key }.map { .init(subject: $0.key, required: $0.value) }
        derivation.lines.append(.init(text: "total the plan uses", value: derivation.needs.reduce(0) { $0 + $1.required }, source: ""))
        return derivation
    }

    private static func tableDerivation(_ school: School, _ norms: [NormRow]) -> NormDerivation {
        var lines: [NormDerivation.Line] = [
            .init(text: "school \(school.id): \(school.level), \(school.classes) classes", value: nil, source: "schools.csv"),
        ]
        var needs: [NormDerivation.Need] = []
        for row in norms.filter({ $0.level == school.level && $0.perClass > 0 }).sorted(by: { $0.subject < $1.subject }) {
            let need = Double(school.classes) * row.perClass
            lines.append(.init(text: "\(row.subject): \(school.classes) classes x \(NormEngine.number(row.perClass)) per class",
                               value: need, source: "norms table"))
            needs.append(.init(subject: row.subject, required: need))
        }
        let total = needs.reduce(0) { $0 + $1.required }
        lines.append(.init(text: "total", value: total, source: ""))
        return NormDerivation(school: school.id, lines: lines, maximum: total, fixedPosts: 0, needs: needs, posts: [:])
    }

    static func render(_ derivations: [NormDerivation], _ format: SummaryFormat) -> String {
        switch format {
        case .table: return table(derivations)
        case .csv: return csv(derivations)
        case .json: return json(derivations)
        }
    }

    private static func table(_ derivations: [NormDerivation]) -> String {
        var out = ""
        for d in derivations {
            var table = TextTable(["figure", "step", "source"], leftColumns: 3)
            for line in d.lines { table.add([line.value.map(NormEngine.number) ?? "", line.text, line.source]) }
            out += table.text + "\n"
        }
        return out
    }

    private static func csv(_ derivations: [NormDerivation]) -> String {
        var out = "school_id,step,figure,text,source\n"
        for d in derivations {
            for (k, line) in d.lines.enumerated() {
                out += [d.school, String(k + 1), line.value.map(NumberText.format) ?? "", line.text, line.source]
                    .map(CSVWriter.quoted).joined(separator: ",") + "\n"
            }
        }
        return out
    }

    private static func json(_ derivations: [NormDerivation]) -> String {
        let items = derivations.map { d -> String in
            let needs = d.needs.map { "\(JSONText.string($0.subject)): \(NumberText.format($0.required))" }
            let lines = d.lines.map {
                "{\"text\": \(JSONText.string($0.text)), \"figure\": \(JSONText.number($0.value)), \"source\": \(JSONText.string($0.source))}"
            }
            return """
                  {
                    "school": \(JSONText.string(d.school)),
                    "maximum": \(NumberText.format(d.maximum)),
                    "fixed_posts": \(NumberText.format(d.fixedPosts)),
                    "total": \(NumberText.format(d.needs.reduce(0) { $0 + $1.required })),
                    "needs": {\(needs.joined(separator: ", "))},
                    "steps": [
                      \(lines.joined(separator: ",\n      "))
                    ]
                  }
                """
        }
        return "[\n" + items.joined(separator: ",\n") + "\n]\n"
    }
}
