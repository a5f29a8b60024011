import Foundation
import RedeployDomain
import ScenarioGenerator
import ScenarioIO
import Testing

// scenarios/quang-ninh-2030 and its streamlining variant: the files the generator writes for
// the arguments of scenarios/README.md, on the schools and staff of quang-ninh-norms.

@Suite("Bundled horizons")
struct HorizonBundledTests {
    static let scenarios = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scenarios")

    /// `redeploy generate --province quang-ninh --schools 200 --seed 2025 --legacy-share 0
    /// --no-qualifications --distances 200 --norm-rules --years 2025-2030 --retraining`, with
    /// `--payroll-path` as given.
    static func options(payrollShare: Double) -> GeneratorOptions {
        var o = GeneratorOptions(schools: 200, seed: 2025, province: .quangNinh)
        o.legacyShare = 0; o.qualifications = false; o.distancesWithinKm = 200; o.normRules = true
        o.horizon = HorizonOptions(years: 2025...2030, payrollShare: payrollShare)
        o.retraining = true
        return o
    }

    private func load(_ name: String) throws -> Scenario {
        var warnings: [Diagnostic] = []
        let scenario = try ScenarioLoader.load(Self.scenarios.appendingPathComponent(name).path, warnings: &warnings)
        #expect(warnings.isEmpty, "\(name): \(warnings)")
        return scenario
    }

    @Test("quang-ninh-2030's files are the generator's, byte for byte, on quang-ninh-norms' schools and staff")
    func generatedFiles() throws {
        let files = ScenarioFiles.render(ScenarioGenerator.generate(Self.options(payrollShare: 0)))
        for (folder, names) in [("quang-ninh-2030", ["classes.csv", "staff-years.csv", "retraining.csv"]),
                                ("quang-ninh-norms", ["schools.csv", "staff.csv"])] {
            for name in names {
                let committed = try String(contentsOf: Self.scenarios.appendingPathComponent(folder).appendingPathComponent(name),
                                           encoding: .utf8)
                #expect(files.first { $0.name == name }?.contents == committed, "\(folder)/\(name)")
            }
        }
    }

    @Test("Both load without warnings: six years, 200 schools, 6,557 teachers, four retraining rows; the payroll path of --payroll-path -5%")
    func loadAsDocumented() throws {
        let neutral = try load("quang-ninh-2030")
        let streamlining = try load("quang-ninh-2030-streamlining")
        for scenario in [neutral, streamlining] {
            let horizon = try #require(scenario.horizon)
            #expect(horizon.years == [2025, 2026, 2027, 2028, 2029, 2030])
            #expect(scenario.schools.count == 200)
            #expect(scenario.staff.reduce(0) { $0 + $1.teachers } == 6_557)
            #expect(scenario.normRules?.name == "vn-2026")
            #expect(scenario.retraining.count == 4)
            #expect(scenario.retraining.filter { $0.toLevel == "preschool" }.allSatisfy { $0.delay == 1 && $0.cost == 1.5 })
            #expect(scenario.name.contains("(synthetic)"))
            // Classes: 3,524 today, 3,822 in 2030.
            let classes = horizon.classes(in: 2030)
            #expect(scenario.schools.reduce(0) { $0 + $1.classes } == 3_524)
            #expect(scenario.schools.reduce(0) { $0 + (classes[$1.id] ?? $1.classes) } == 3_822)
            #expect(horizon.staffYears.reduce(0) { $0 + ($1.leaving ?? 0) } == 880)
        }
        #expect(neutral.horizon?.payrollChange == [:])
        #expect(neutral.policy.payrollChange == 0)
        let generated = ScenarioGenerator.generate(Self.options(payrollShare: -0.05))
        #expect(streamlining.horizon?.payrollChange == generated.horizon?.payrollChange)
        #expect(streamlining.horizon?.payrollChange == [2026: -66, 2027: -131, 2028: -197, 2029: -262, 2030: -328])
        #expect(streamlining.horizon?.classes == neutral.horizon?.classes)
        #expect(streamlining.horizon?.staffYears == neutral.horizon?.staffYears)
    }
}
