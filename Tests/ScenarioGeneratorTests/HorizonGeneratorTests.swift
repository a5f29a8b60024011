import Foundation
import RedeployDomain
import ScenarioGenerator
import ScenarioIO
import Testing

// A generated horizon (docs/MODEL.md section 6) and retraining rows (section 5): what the
// files say must hold for any seed, and the scenario must load as `redeploy check` loads it.

/// Options of a generation over `years`, with `edit` applied.
private func horizonOptions(_ schools: Int, seed: UInt64, province: ProvincePreset? = nil, areas: Int = 8,
                            years: ClosedRange<Int> = 2025...2030,
                            _ edit: (inout GeneratorOptions) -> Void = { _ in }) -> GeneratorOptions {
    var o = GeneratorOptions(schools: schools, areas: areas, seed: seed, province: province)
    o.horizon = HorizonOptions(years: years)
    edit(&o)
    return o
}

/// The rendered file `name`, nil when the scenario has none.
private func rendered(_ scenario: Scenario, _ name: String) -> String? {
    ScenarioFiles.render(scenario).first { $0.name == name }?.contents
}

@Suite("Generated horizons")
struct HorizonGeneratorTests {
    /// Explicit `required`, a norms table, norm rules, stress (zero-class schools and an
    /// untaught subject), legacy teachers, both provinces, a payroll path.
    static let variants: [GeneratorOptions] = [
        horizonOptions(300, seed: 1),
        horizonOptions(250, seed: 2) { $0.useNorms = true; $0.legacyShare = 0 },
        horizonOptions(200, seed: 2025, province: .quangNinh) { $0.normRules = true; $0.legacyShare = 0 },
        horizonOptions(400, seed: 4, areas: 12) { $0.stress = true; $0.legacyShare = 0.5 },
        horizonOptions(150, seed: 2025, province: .socTrang, years: 2024...2027) {
            $0.horizon?.payrollShare = -0.08; $0.retraining = true
        },
    ]

    @Test("The years are the option's, consecutive, and scenario.yaml lists them")
    func years() throws {
        let scenario = ScenarioGenerator.generate(horizonOptions(60, seed: 3, years: 2026...2031))
        let horizon = try #require(scenario.horizon)
        #expect(horizon.years == [2026, 2027, 2028, 2029, 2030, 2031])
        #expect(zip(horizon.years, horizon.years.dropFirst()).allSatisfy { $1 == $0 + 1 })
        let yaml = try #require(rendered(scenario, "scenario.yaml"))
        #expect(yaml.contains("\nhorizon:\n  years: [2026, 2027, 2028, 2029, 2030, 2031]\n  classes: classes.csv\n  staff: staff-years.csv\n"))
        #expect(horizon.classes.allSatisfy { (2027...2031).contains($0.year) }, "today's year needs no row")
        #expect(horizon.staffYears.allSatisfy { (2027...2031).contains($0.year) }, "staff.csv holds the first year's leavers")
    }

    @Test("The leavers of a pair over all the years never exceed its teachers; held posts lose nobody", arguments: 0..<5)
    func leaversBounded(_ index: Int) throws {
        for rate in [0.03, 0.5, 1.0] {
            var o = Self.variants[index]
            o.leavingRate = rate
            let scenario = ScenarioGenerator.generate(o)
            let horizon = try #require(scenario.horizon)
            var later: [String: Int] = [:]
            for row in horizon.staffYears { later[row.schoolID + "/" + row.subject, default: 0] += row.leaving ?? 0 }
            var total = 0, teachers = 0
            for row in scenario.staff {
                let sum = row.leaving + (later[row.schoolID + "/" + row.subject] ?? 0)
                #expect(sum <= row.teachers, "rate \(rate): \(row.schoolID) \(row.subject) loses \(sum) of \(row.teachers)")
                if row.subject == "young_pioneer_leader" { #expect(sum == 0, "\(row.schoolID): a held post") }
                total += sum
                teachers += row.teachers
            }
            // Each teacher leaves in some year with probability 1 - (1 - rate)^years.
            let expected = Double(teachers) * (1 - pow(1 - rate, Double(horizon.years.count)))
            #expect(abs(Double(total) - expected) <= max(3, 0.1 * expected), "rate \(rate): \(total) leave, about \(expected) expected")
            if rate == 1.0 { #expect(horizon.staffYears.allSatisfy { ($0.leaving ?? 0) == 0 }, "all left in the first year") }
        }
    }

    @Test("Classes never fall in cities and towns and never rise elsewhere; each kind moves by its yearly rate", arguments: 0..<5)
    func classesByKind(_ index: Int) throws {
        let o = Self.variants[index]
        let scenario = ScenarioGenerator.generate(o)
        let horizon = try #require(scenario.horizon)
        let kinds = Dictionary(uniqueKeysWithValues: ScenarioGenerator.areas(o).map { ($0.name, $0.kind) })
        let byYear = horizon.years.map { horizon.classes(in: $0) }
        var first: [AreaKind: Int] = [:], last: [AreaKind: Int] = [:]
        for school in scenario.schools {
            let path = byYear.map { $0[school.id] ?? school.classes }
            #expect(path[0] == school.classes, "\(school.id): the first year is today's")
            let kind = kinds[school.area]!
            let growing = kind == .urban || kind == .town
            for (a, b) in zip(path, path.dropFirst()) {
                #expect(growing ? b >= a : b <= a, "\(school.id) (\(kind)): \(path)")
            }
            first[kind, default: 0] += path[0]
            last[kind, default: 0] += path[path.count - 1]
        }
        // Over many schools rounding evens out: each kind's total stays near its yearly range.
        let span = Double(horizon.years.count - 1)
        let rates: [AreaKind: ClosedRange<Double>] = [
            .urban: 0.01...0.03, .town: 0.02...0.04, .rural: -0.025...(-0.01), .remote: -0.03...(-0.01),
            .mountain: -0.035...(-0.015), .island: -0.02...0,
        ]
        for (kind, today) in first where today >= 200 {
            let ratio = Double(last[kind]!) / Double(today)
            let low = pow(1 + rates[kind]!.lowerBound, span) - 0.02, high = pow(1 + rates[kind]!.upperBound, span) + 0.02
            #expect((low...high).contains(ratio), "\(kind): \(today) -> \(last[kind]!) classes")
        }
        #expect(first.keys.contains { $0 == .urban || $0 == .town })
        #expect(first.keys.contains { $0 != .urban && $0 != .town })
    }

    @Test("classes.csv has a row only where a school's classes change")
    func classesRowsOnlyOnChange() throws {
        let scenario = ScenarioGenerator.generate(Self.variants[0])
        let horizon = try #require(scenario.horizon)
        let today = Dictionary(uniqueKeysWithValues: scenario.schools.map { ($0.id, $0.classes) })
        var previous = today
        for year in horizon.years.dropFirst() {
            for row in horizon.classes where row.year == year {
                #expect(row.classes != previous[row.schoolID], "\(row.schoolID) \(year)")
                previous[row.schoolID] = row.classes
            }
        }
        #expect(!horizon.classes.isEmpty)
        #expect(horizon.classes.count < scenario.schools.count * (horizon.years.count - 1))
    }

    @Test("With explicit required, each later year states classes x per class on that year's classes; with norms, none")
    func requirementsFollowClasses() throws {
        let scenario = ScenarioGenerator.generate(Self.variants[0])
        let horizon = try #require(scenario.horizon)
        let schools = Dictionary(uniqueKeysWithValues: scenario.schools.map { ($0.id, $0) })
        var checked = 0
        for year in horizon.years.dropFirst() {
            let inYear = scenario.inYear(year)
            let classes = Dictionary(uniqueKeysWithValues: inYear.schools.map { ($0.id, $0.classes) })
            for row in inYear.staff {
                guard let required = row.required, let school = schools[row.schoolID],
                      let need = Curriculum.needs(school.level).first(where: { $0.subject == row.subject }) else { continue }
                let expected = (Double(classes[row.schoolID]!) * need.perClass * 100).rounded() / 100
                #expect(required == expected, "\(row.schoolID) \(row.subject) \(year): \(required), not \(expected)")
                checked += 1
            }
        }
        #expect(checked > 1_000)
        #expect(horizon.staffYears.contains { $0.required != nil })
        // A row states a requirement only for a year whose classes differ from today's.
        for row in horizon.staffYears where row.required != nil {
            #expect(horizon.classes(in: row.year)[row.schoolID] != schools[row.schoolID]!.classes)
        }
        for o in [Self.variants[1], Self.variants[2]] {
            let normed = try #require(ScenarioGenerator.generate(o).horizon)
            #expect(normed.staffYears.allSatisfy { $0.required == nil && ($0.leaving ?? 0) > 0 })
        }
        // With norms, the untaught subject of `stress` still states its need: 2 periods a class of 23.
        let stressed = ScenarioGenerator.generate(horizonOptions(400, seed: 4, areas: 12) {
            $0.stress = true; $0.useNorms = true; $0.legacyShare = 0
        })
        var untaught = 0
        for year in try #require(stressed.horizon).years {
            let inYear = stressed.inYear(year)
            let classes = Dictionary(uniqueKeysWithValues: inYear.schools.map { ($0.id, $0.classes) })
            for row in inYear.staff where row.subject == ScenarioGenerator.untaughtSubject {
                #expect(row.required == (Double(classes[row.schoolID]!) * 2 / 23 * 100).rounded() / 100, "\(row.schoolID) \(year)")
                untaught += 1
            }
        }
        #expect(untaught >= 6)
        #expect(stressed.horizon!.staffYears.contains { $0.subject == ScenarioGenerator.untaughtSubject && $0.required != nil })
    }

    @Test("The payroll path: a straight line to the last year's cut, in whole teachers, against today's headcount")
    func payrollPath() throws {
        var o = horizonOptions(200, seed: 2025, province: .quangNinh) { $0.normRules = true; $0.legacyShare = 0 }
        o.qualifications = false
        o.horizon?.payrollShare = -0.05
        let scenario = ScenarioGenerator.generate(o)
        #expect(scenario.staff.reduce(0) { $0 + $1.teachers } == 6_557)
        let horizon = try #require(scenario.horizon)
        // 5% of 6,557 is 327.85: a fifth of it more each year from 2026.
        #expect(horizon.payrollChange == [2026: -66, 2027: -131, 2028: -197, 2029: -262, 2030: -328])
        #expect(horizon.payrollChange(in: 2025, policy: scenario.policy.payrollChange) == 0)
        let yaml = try #require(rendered(scenario, "scenario.yaml"))
        #expect(yaml.hasSuffix("  payroll_change: {2026: -66, 2027: -131, 2028: -197, 2029: -262, 2030: -328}\n"))

        o.horizon = HorizonOptions(years: 2025...2025, payrollShare: -0.05)
        #expect(ScenarioGenerator.generate(o).horizon?.payrollChange == [2025: -328])
        o.horizon = HorizonOptions(years: 2025...2030, payrollShare: 0)
        let neutral = ScenarioGenerator.generate(o)
        #expect(neutral.horizon?.payrollChange == [:])
        #expect(rendered(neutral, "scenario.yaml")?.contains("payroll_change: {") == false)
    }

    @Test("--years and --payroll-path read as documented")
    func arguments() {
        #expect(HorizonOptions.years("2025-2030") == 2025...2030)
        #expect(HorizonOptions.years("2025") == 2025...2025)
        for bad in ["2030-2025", "1899-1905", "2025-2201", "2025-", "-2025", "20x5-2030", "2025-2026-2027", "", "２０２５"] {
            #expect(HorizonOptions.years(bad) == nil, "\(bad)")
        }
        #expect(HorizonOptions.payrollShare("-5%") == -0.05)
        #expect(HorizonOptions.payrollShare("2.5%") == 0.025)
        #expect(HorizonOptions.payrollShare("0") == 0)
        #expect(HorizonOptions.payrollShare("0%") == 0)
        for bad in ["-5", "-101%", "five%", "%", "nan%"] {
            #expect(HorizonOptions.payrollShare(bad) == nil, "\(bad)")
        }
    }

    @Test("Retraining rows: three year-long courses to preschool, a short one to informatics, costed against hiring")
    func retraining() throws {
        var o = GeneratorOptions(schools: 120, areas: 4, seed: 5)
        o.retraining = true
        let scenario = ScenarioGenerator.generate(o)
        #expect(scenario.horizon == nil)
        #expect(rendered(scenario, "retraining.csv") == """
            from_level,from_subject,to_level,to_subject,cost,delay
            lower_secondary,literature,preschool,preschool,1.5,1
            lower_secondary,civic_education,preschool,preschool,1.5,1
            primary,primary,preschool,preschool,1.5,1
            lower_secondary,math,lower_secondary,informatics,0.5,0

            """)
        #expect(rendered(scenario, "scenario.yaml")?.contains("distances: distances.csv\nretraining: retraining.csv\n") == false)
        #expect(rendered(scenario, "scenario.yaml")?.contains("staff: staff.csv\nretraining: retraining.csv\npolicy:") == true)
        o.costs.hire = 3
        #expect(ScenarioGenerator.generate(o).retraining.map(\.cost) == [2.25, 2.25, 2.25, 0.75])
        // A level no school has would be invalid input: a province of two schools (a preschool
        // and a primary school) keeps only the course between them.
        var tiny = GeneratorOptions(schools: 2, areas: 1, seed: 5)
        tiny.retraining = true
        let small = ScenarioGenerator.generate(tiny)
        #expect(small.schools.map(\.level) == ["preschool", "primary"])
        #expect(small.retraining == [RetrainingRow(fromLevel: "primary", fromSubject: "primary", toLevel: "preschool",
                                                   toSubject: "preschool", cost: 1.5, delay: 1)])
    }

    @Test("generate -> write -> ScenarioLoader.load: valid, no warnings, the same horizon and retraining back", arguments: 0..<5)
    func loads(_ index: Int) throws {
        var o = Self.variants[index]
        o.retraining = true
        let generated = ScenarioGenerator.generate(o)
        let folder = temporaryFolder("horizon\(index)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try ScenarioFolder.write(generated, to: folder)
        var warnings: [Diagnostic] = []
        let loaded = try ScenarioLoader.load(folder.path, warnings: &warnings)
        #expect(warnings.isEmpty, "\(warnings)")
        #expect(loaded.horizon == generated.horizon)
        #expect(loaded.retraining == generated.retraining)
        #expect(loaded.retraining.count == 4)
        #expect(loaded == generated)
    }

    @Test("The same options give the same bytes; today's files are those without a horizon")
    func deterministic() throws {
        for o in Self.variants {
            let once = ScenarioFiles.render(ScenarioGenerator.generate(o))
            let twice = ScenarioFiles.render(ScenarioGenerator.generate(o))
            #expect(once == twice)
            var today = o
            today.horizon = nil
            today.retraining = false
            let without = ScenarioFiles.render(ScenarioGenerator.generate(today))
            for file in without where file.name != "scenario.yaml" {
                #expect(once.first { $0.name == file.name } == file, "\(file.name)")
            }
            // scenario.yaml: today's lines, plus `retraining:` and the `horizon:` block.
            let yaml = try #require(once.first { $0.name == "scenario.yaml" }?.contents)
            let todays = yaml.components(separatedBy: "horizon:\n")[0]
                .replacingOccurrences(of: "retraining: retraining.csv\n", with: "")
            #expect(todays == without[0].contents)
        }
        // Digests of the horizon files for one set of options: a change to the draws shows.
        let files = ScenarioFiles.render(ScenarioGenerator.generate(Self.variants[0]))
        let digests = Dictionary(uniqueKeysWithValues: files.map { ($0.name, fnv1a($0.contents)) })
        #expect(digests["classes.csv"] == 0x5031_7DC3_1DF8_42CE)
        #expect(digests["staff-years.csv"] == 0x71B2_0A7E_F19F_A4A0)
    }

    @Test("A shorter horizon is the first years of a longer one")
    func prefix() throws {
        let long = try #require(ScenarioGenerator.generate(Self.variants[3]).horizon)
        var o = Self.variants[3]
        o.horizon = HorizonOptions(years: 2025...2027)
        let short = try #require(ScenarioGenerator.generate(o).horizon)
        #expect(short.years == [2025, 2026, 2027])
        #expect(short.classes == long.classes.filter { $0.year <= 2027 })
        #expect(short.staffYears == long.staffYears.filter { $0.year <= 2027 })
        #expect(!short.staffYears.isEmpty && !short.classes.isEmpty)
    }
}
