import Foundation
import RedeployDomain
import ScenarioGenerator
import ScenarioIO
import Testing

/// The rules preset as ScenarioIO reads it for a scenario that says `norms: builtin:vn-2026`.
func vn2026() throws -> NormRules {
    try #require(NormPresets.rules("vn-2026"), "ScenarioIO reads no rules preset vn-2026")
}

func withRules(_ o: GeneratorOptions) -> GeneratorOptions {
    var o = o
    o.normRules = true
    return o
}

func file(_ scenario: Scenario, _ name: String) -> String? {
    ScenarioFiles.render(scenario).first { $0.name == name }?.contents
}

@Suite("Norm rules on")
struct NormRulesOnTests {
    /// Seeds, sizes, generic areas and both provinces; one with stress (schools without classes).
    static let variants: [GeneratorOptions] = [
        options(40, 3, seed: 1), options(300, 9, seed: 2), options(1_000, 20, seed: 3),
        options(2_500, 36, seed: 11) { $0.stress = true },
        GeneratorOptions(schools: 200, seed: 2025, province: .quangNinh),
        GeneratorOptions(schools: 600, seed: 4, province: .quangNinh),
        GeneratorOptions(schools: 150, seed: 2025, province: .socTrang),
        GeneratorOptions(schools: 500, seed: 8, province: .socTrang),
    ].map(withRules)

    @Test("Every school derives under vn-2026; the subjects' needs sum to the maximum and none exceeds it; every type and both session counts appear")
    func everySchoolDerives() throws {
        let rules = try vn2026()
        var types: Set<SchoolType> = []
        var primarySessions: Set<Int> = []
        var schools = 0
        for o in Self.variants {
            let scenario = ScenarioGenerator.generate(o)
            for school in scenario.schools {
                schools += 1
                let d: NormDerivation
                do {
                    d = try NormEngine.derive(school, rules: rules)
                } catch {
                    Issue.record("seed \(o.seed), \(school.id): \(error)")
                    continue
                }
                types.insert(school.type)
                if school.level == "primary" { primarySessions.insert(school.sessions) }
                let curriculum = d.needs.filter { d.posts[$0.subject] == nil }
                let sum = curriculum.reduce(0) { $0 + $1.required }
                #expect(abs(sum - d.maximum) <= 1e-9, "seed \(o.seed), \(school.id): needs \(sum), maximum \(d.maximum)")
                for need in curriculum {
                    #expect(need.required <= d.maximum + 1e-9, "seed \(o.seed), \(school.id): \(need.subject) \(need.required) > \(d.maximum)")
                }
                #expect((d.maximum > 0) == (school.classes > 0), "seed \(o.seed), \(school.id)")
            }
        }
        #expect(schools > 5_000)
        #expect(types == Set(SchoolType.allCases), "types seen: \(types)")
        #expect(primarySessions == [1, 2])
    }

    @Test("Attributes are plausible: region by area kind, pupils near the class size, types where they belong")
    func plausible() throws {
        for o in Self.variants {
            let scenario = ScenarioGenerator.generate(o)
            let kind = Dictionary(uniqueKeysWithValues: ScenarioGenerator.areas(o).map { ($0.name, $0.kind) })
            var specialised = 0, provincialBoarding = 0
            for s in scenario.schools {
                let k = kind[s.area]!
                #expect(s.region == (k.isDisadvantaged ? 1 : k == .rural ? 2 : 3), "\(s.id)")
                let size: Int
                switch s.level {
                case "preschool": size = 25
                case "primary": size = [25, 30, 35][s.region - 1]
                default: size = [35, 40, 45][s.region - 1]
                }
                let pupils = try #require(s.pupils)
                let target = Double(s.classes * size)
                #expect(Double(pupils) >= (target * 0.85).rounded(.down) && Double(pupils) <= (target * 1.12).rounded(.up), "\(s.id)")
                #expect(s.level == "primary" || s.sessions == 2, "\(s.id)")
                if s.sessions == 1 { #expect(k.isDisadvantaged && s.type == .regular, "\(s.id)") }
                if s.level == "preschool", s.classes > 0 {
                    let share = Double(s.infantGroups) / Double(s.classes)
                    #expect(share >= 0.2 - 0.5 / Double(s.classes) && share <= 0.35 + 0.5 / Double(s.classes), "\(s.id)")
                } else {
                    #expect(s.infantGroups == 0 || s.level == "preschool", "\(s.id)")
                }
                switch s.type {
                case .regular: break
                case .boarding: #expect(s.level == "lower_secondary" && (k == .mountain || k == .remote), "\(s.id)")
                case .semiBoarding:
                    #expect((s.level == "lower_secondary" && (k == .mountain || k == .remote))
                        || (s.level == "primary" && k == .mountain), "\(s.id)")
                case .disability: #expect(s.level == "primary" || s.level == "lower_secondary", "\(s.id)")
                case .specialised:
                    specialised += 1
                    #expect(s.level == "upper_secondary" && k == .urban, "\(s.id)")
                case .provincialBoarding:
                    provincialBoarding += 1
                    #expect(s.level == "upper_secondary" && k == .mountain, "\(s.id)")
                }
            }
            let upper = scenario.schools.contains { $0.level == "upper_secondary" }
            #expect(specialised == (upper ? 1 : 0), "seed \(o.seed)")
            let mountainUpper = scenario.schools.contains { $0.level == "upper_secondary" && kind[$0.area] == .mountain }
            #expect(provincialBoarding == (mountainUpper ? 1 : 0), "seed \(o.seed)")
        }
    }

    @Test("Files: the new columns, norms: builtin:vn-2026, required empty, a Young Pioneer leader at each primary and lower-secondary school")
    func files() throws {
        let scenario = ScenarioGenerator.generate(withRules(GeneratorOptions(schools: 200, seed: 2025, province: .quangNinh)))
        let schoolsCSV = try #require(file(scenario, "schools.csv"))
        #expect(schoolsCSV.hasPrefix("id,name,area,level,classes,lat,lon,priority,pupils,region,sessions,type,infant_groups\n"))
        let yaml = try #require(file(scenario, "scenario.yaml"))
        #expect(yaml.contains("\nnorms: builtin:vn-2026\n"))
        #expect(file(scenario, "norms.csv") == nil)
        #expect(scenario.norms == nil)
        #expect(scenario.normRules == (try vn2026()))
        #expect(scenario.staff.allSatisfy { $0.required == nil })
        let leaders = scenario.staff.filter { $0.subject == "young_pioneer_leader" }
        let withPost = scenario.schools.filter { $0.level == "primary" || $0.level == "lower_secondary" }.map(\.id)
        #expect(leaders.map(\.schoolID).sorted() == withPost.sorted())
        #expect(leaders.allSatisfy { $0.teachers == 1 && $0.leaving == 0 })
        // Without coordinates the columns still follow priority.
        let bare = ScenarioGenerator.generate(withRules(options(30, 2) { $0.coordinates = false }))
        #expect(file(bare, "schools.csv")!.hasPrefix("id,name,area,level,classes,priority,pupils,region,sessions,type,infant_groups\n"))
        // The stress subject nobody teaches keeps its stated need.
        let stress = ScenarioGenerator.generate(withRules(options(400, 10) { $0.stress = true }))
        #expect(stress.staff.filter { $0.required != nil }.allSatisfy { $0.subject == ScenarioGenerator.untaughtSubject })
    }

    @Test("The option draws on a stream of its own: schools, positions and distances as without it; the same bytes twice")
    func ownStream() {
        for o in [options(300, 9, seed: 42) { $0.distancesWithinKm = 15 }, GeneratorOptions(schools: 150, seed: 2025, province: .socTrang)] {
            let off = ScenarioGenerator.generate(o)
            let on = ScenarioGenerator.generate(withRules(o))
            #expect(on.schools.map { [$0.id, $0.name, $0.area, $0.level, "\($0.classes)", "\($0.latitude!)", "\($0.longitude!)", "\($0.priority)"] }
                == off.schools.map { [$0.id, $0.name, $0.area, $0.level, "\($0.classes)", "\($0.latitude!)", "\($0.longitude!)", "\($0.priority)"] })
            #expect(on.distances == off.distances)
            #expect(on.policy == off.policy)
            #expect(ScenarioFiles.render(on) == ScenarioFiles.render(ScenarioGenerator.generate(withRules(o))))
        }
        // The tables option has no say once rules are asked for.
        let both = ScenarioGenerator.generate(withRules(options(80, 3) { $0.useNorms = true }))
        #expect(both == ScenarioGenerator.generate(withRules(options(80, 3))))
    }

    /// Teachers over the maximum the rules allow, by type, against regular schools of the same
    /// level in the same kinds of area (disadvantaged areas are short whatever the type): a
    /// boarding or specialised school is staffed to its own norm, not a regular school's.
    @Test("Staff follow each school's own norm: every type near the share of its maximum that regular schools nearby have")
    func staffedByType() throws {
        let rules = try vn2026()
        struct Group: Hashable { var type: SchoolType; var level: String; var disadvantaged: Bool }
        var teachers: [Group: Double] = [:], maximum: [Group: Double] = [:]
        for o in Self.variants {
            let scenario = ScenarioGenerator.generate(o)
            let kind = Dictionary(uniqueKeysWithValues: ScenarioGenerator.areas(o).map { ($0.name, $0.kind) })
            var byID: [String: Int] = [:]
            for row in scenario.staff where row.subject != "young_pioneer_leader" { byID[row.schoolID, default: 0] += row.teachers }
            for s in scenario.schools where s.classes > 0 {
                let group = Group(type: s.type, level: s.level, disadvantaged: kind[s.area]!.isDisadvantaged)
                teachers[group, default: 0] += Double(byID[s.id] ?? 0)
                maximum[group, default: 0] += try NormEngine.derive(s, rules: rules).maximum
            }
        }
        for (group, t) in teachers where group.type != .regular {
            var regular = group
            regular.type = .regular
            let share = t / maximum[group]!
            let regularShare = try #require(teachers[regular]) / maximum[regular]!
            #expect((0.85...1.15).contains(share / regularShare),
                    "\(group): \(share) of the maximum against \(regularShare) at regular schools")
        }
    }

    @Test("generate -> write -> ScenarioLoader.load gives the generated scenario back, rules and all", arguments: 0..<3)
    func roundTrip(_ index: Int) throws {
        let o = [Self.variants[1], Self.variants[3], Self.variants[6]][index]
        let folder = temporaryFolder("rules\(index)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let generated = ScenarioGenerator.generate(o)
        try ScenarioFolder.write(generated, to: folder)
        var warnings: [Diagnostic] = []
        let loaded = try ScenarioLoader.load(folder.path, warnings: &warnings)
        #expect(loaded.schools == generated.schools)
        #expect(loaded.staff == generated.staff)
        #expect(loaded.normRules == generated.normRules)
        #expect(loaded == generated)
        if !o.stress { #expect(warnings.isEmpty, "\(warnings)") }
    }
}
