import RedeployTestSupport
import Foundation
import RedeployDomain
import ScenarioGenerator
import ScenarioIO
import Testing

/// Aggregates of a generated scenario, by the kind of the school's area.
struct Shape {
    let scenario: Scenario
    let kindOfArea: [String: AreaKind]
    let schoolByID: [String: School]

    init(_ options: GeneratorOptions) {
        scenario = ScenarioGenerator.generate(options)
        kindOfArea = Dictionary(uniqueKeysWithValues: ScenarioGenerator.areas(options).map { ($0.name, $0.kind) })
        schoolByID = Dictionary(uniqueKeysWithValues: scenario.schools.map { ($0.id, $0) })
    }

    var teachers: Int { scenario.staff.reduce(0) { $0 + $1.teachers } }
    var leaving: Int { scenario.staff.reduce(0) { $0 + $1.leaving } }

    func levelShare(_ level: String) -> Double {
        Double(scenario.schools.filter { $0.level == level }.count) / Double(scenario.schools.count)
    }

    func teachersPerClass(_ level: String) -> Double {
        let ids = Set(scenario.schools.filter { $0.level == level }.map(\.id))
        let classes = scenario.schools.filter { $0.level == level }.reduce(0) { $0 + $1.classes }
        let t = scenario.staff.filter { ids.contains($0.schoolID) }.reduce(0) { $0 + $1.teachers }
        return Double(t) / Double(classes)
    }

    /// Teachers over required, summed over the schools whose area is of a kind in `kinds`.
    func staffing(_ kinds: Set<AreaKind>, level: String? = nil) -> Double {
        var t = 0, r = 0.0
        for row in scenario.staff {
            let school = schoolByID[row.schoolID]!
            guard kinds.contains(kindOfArea[school.area]!), level == nil || school.level == level else { continue }
            t += row.teachers
            r += row.required ?? 0
        }
        return Double(t) / r
    }
}

func options(_ schools: Int, _ areas: Int, seed: UInt64 = 7, _ edit: (inout GeneratorOptions) -> Void = { _ in }) -> GeneratorOptions {
    var o = GeneratorOptions(schools: schools, areas: areas, seed: seed)
    edit(&o)
    return o
}

func temporaryFolder(_ label: String) -> URL {
    TestFolders.unused("redeploy-gen-\(label)")
}

func filesBytes(_ folder: URL) throws -> [String: Data] {
    var out: [String: Data] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
        out[name] = try Data(contentsOf: folder.appendingPathComponent(name))
    }
    return out
}

@Suite("Determinism")
struct DeterminismTests {
    @Test("The same arguments give the same bytes on disk; another seed gives others")
    func sameArgumentsSameBytes() throws {
        let o = options(300, 9, seed: 42) { $0.distancesWithinKm = 15; $0.stress = true }
        let (a, b, c) = (temporaryFolder("a"), temporaryFolder("b"), temporaryFolder("c"))
        defer { for f in [a, b, c] { try? FileManager.default.removeItem(at: f) } }
        try ScenarioFolder.write(ScenarioGenerator.generate(o), to: a)
        try ScenarioFolder.write(ScenarioGenerator.generate(o), to: b)
        var other = o
        other.seed = 43
        try ScenarioFolder.write(ScenarioGenerator.generate(other), to: c)
        let (ba, bb, bc) = (try filesBytes(a), try filesBytes(b), try filesBytes(c))
        #expect(Set(ba.keys) == ["scenario.yaml", "schools.csv", "staff.csv", "distances.csv"])
        #expect(ba == bb)
        #expect(ba["staff.csv"] != bc["staff.csv"])
        #expect(ba["schools.csv"] != bc["schools.csv"])
    }

    @Test("Norms mode renders the same bytes twice too")
    func normsModeDeterministic() {
        let o = options(120, 4, seed: 3) { $0.useNorms = true }
        #expect(ScenarioFiles.render(ScenarioGenerator.generate(o)) == ScenarioFiles.render(ScenarioGenerator.generate(o)))
    }

    @Test("The PRNG is SplitMix64: the published outputs from state 0 (the first is skipped)")
    func splitMixReference() {
        var zero = SplitMix64(seed: 0, stream: 0)
        #expect(zero.next() == 0x6E78_9E6A_A1B9_65F4)
        #expect(zero.next() == 0x06C4_5D18_8009_454F)
        var a = SplitMix64(seed: 9, stream: 3), b = SplitMix64(seed: 9, stream: 3), c = SplitMix64(seed: 9, stream: 4)
        let xs = (0..<5).map { _ in a.next() }
        #expect(xs == (0..<5).map { _ in b.next() })
        #expect(xs != (0..<5).map { _ in c.next() })
    }
}

@Suite("Shape")
struct ShapeTests {
    static let province = Shape(options(600, 13))

    @Test("Level mix: about 35% preschool, 33% primary, 24% lower and 7% upper secondary")
    func levelMix() {
        let s = Self.province
        #expect(s.scenario.schools.count == 600)
        #expect((0.31...0.39).contains(s.levelShare("preschool")))
        #expect((0.30...0.38).contains(s.levelShare("primary")))
        #expect((0.21...0.28).contains(s.levelShare("lower_secondary")))
        #expect((0.05...0.10).contains(s.levelShare("upper_secondary")))
        #expect(Set(s.scenario.schools.map(\.area)).count == 13)
    }

    @Test("600 schools in 13 areas hold about 16,000 teachers; 3,500 in 40 about 95,000")
    func totals() {
        let t600 = Self.province.teachers
        #expect((14_500...17_500).contains(t600), "600 schools: \(t600) teachers")
        let t3500 = Shape(options(3_500, 40, seed: 11)).teachers
        #expect((87_000...103_000).contains(t3500), "3,500 schools: \(t3500) teachers")
    }

    @Test("Teachers per class by level near the national actuals")
    func teachersPerClass() {
        let s = Self.province
        #expect((1.7...2.2).contains(s.teachersPerClass("preschool")))
        #expect((1.3...1.5).contains(s.teachersPerClass("primary")))
        #expect((1.65...1.9).contains(s.teachersPerClass("lower_secondary")))
        #expect((1.85...2.2).contains(s.teachersPerClass("upper_secondary")))
    }

    @Test("Between 2% and 4% of teachers leave")
    func leavingRate() {
        for shape in [Self.province, Shape(options(150, 5, seed: 99))] {
            let rate = Double(shape.leaving) / Double(shape.teachers)
            #expect((0.02...0.04).contains(rate), "leaving rate \(rate)")
            #expect(shape.scenario.staff.allSatisfy { $0.leaving >= 0 && $0.leaving <= $0.teachers })
        }
    }

    @Test("Urban areas in surplus, disadvantaged areas short, on aggregate")
    func surplusAndShortage() {
        let s = Self.province
        let urban = s.staffing([.urban]), remote = s.staffing([.mountain, .island, .remote])
        #expect(urban > 1.02, "urban \(urban)")
        #expect(remote < 0.93, "disadvantaged \(remote)")
    }

    @Test("Priority above 1 exactly in disadvantaged areas")
    func priorities() {
        let s = Self.province
        #expect(s.kindOfArea.values.contains { $0.isDisadvantaged })
        for school in s.scenario.schools {
            #expect((school.priority > 1) == s.kindOfArea[school.area]!.isDisadvantaged, "\(school.id)")
        }
    }

    @Test("Schools cluster by area: closer within an area than between areas, on average")
    func clustered() {
        let schools = Self.province.scenario.schools
        var within = (0.0, 0), between = (0.0, 0)
        for i in schools.indices {
            for j in (i + 1)..<schools.count {
                let (a, b) = (schools[i], schools[j])
                let km = Geo.haversineKm(lat1: a.latitude!, lon1: a.longitude!, lat2: b.latitude!, lon2: b.longitude!)
                if a.area == b.area { within.0 += km; within.1 += 1 } else { between.0 += km; between.1 += 1 }
            }
        }
        let (w, b) = (within.0 / Double(within.1), between.0 / Double(between.1))
        #expect(w * 3 < b, "within \(w) km, between \(b) km")
    }

    @Test("Requirements follow the periods rule and are fractional; ids unique; one row per pair")
    func requirements() {
        let s = Self.province.scenario
        #expect(Set(s.schools.map(\.id)).count == s.schools.count)
        #expect(Set(s.staff.map { "\($0.schoolID)|\($0.subject)" }).count == s.staff.count)
        let fractional = s.staff.filter { r in r.required.map { $0 != $0.rounded() } ?? false }
        #expect(fractional.count > s.staff.count / 2)
        // From the preset vn-2023-full: maths at a 12-class lower secondary school needs
        // 12 x 0.277228 = 3.33; the level needs 1.75 teachers a class in all.
        let perClass = Curriculum.needs("lower_secondary").first { $0.subject == "math" }!.perClass
        #expect(abs(perClass * 12 - 3.33) < 0.01)
        let total = Curriculum.needs("lower_secondary").reduce(0) { $0 + $1.perClass }
        #expect(abs(total - 1.75) < 0.005)
        #expect(Curriculum.needs("preschool").map(\.perClass) == [2.2])
        #expect(Curriculum.needs("primary").first?.subject == "primary")
    }

    @Test("Legacy teachers: only in lower secondary, required 0, and the same headcount as without them")
    func legacy() {
        let with = ScenarioGenerator.generate(options(200, 6) { $0.legacyShare = 0.5 })
        let without = ScenarioGenerator.generate(options(200, 6) { $0.legacyShare = 0 })
        let level = Dictionary(uniqueKeysWithValues: with.schools.map { ($0.id, $0.level) })
        let legacySubjects: Set = ["physics", "chemistry", "biology", "history", "geography"]
        let legacyRows = with.staff.filter { legacySubjects.contains($0.subject) && level[$0.schoolID] == "lower_secondary" }
        #expect(!legacyRows.isEmpty)
        #expect(legacyRows.allSatisfy { $0.required == 0 && $0.teachers > 0 })
        func sum(_ s: Scenario, _ subjects: Set<String>) -> (Int, Int) {
            s.staff.filter { subjects.contains($0.subject) && level[$0.schoolID] == "lower_secondary" }
                .reduce((0, 0)) { ($0.0 + $1.teachers, $0.1 + $1.leaving) }
        }
        let ns: Set = ["natural_science", "physics", "chemistry", "biology"]
        let hg: Set = ["history_geography", "history", "geography"]
        #expect(sum(with, ns) == sum(without, ns))
        #expect(sum(with, hg) == sum(without, hg))
        #expect(with.schools == without.schools)
        #expect(with.policy.qualifications.count == 5)
    }

    @Test("Norms mode: norms table, no stated requirement, same staff")
    func normsMode() {
        let explicit = ScenarioGenerator.generate(options(100, 4))
        let normed = ScenarioGenerator.generate(options(100, 4) { $0.useNorms = true })
        #expect(explicit.norms == nil)
        let norms = normed.norms!
        #expect(norms.contains { $0.level == "preschool" && $0.subject == "preschool" && $0.perClass == 2.2 })
        #expect(normed.staff.allSatisfy { $0.required == nil })
        #expect(normed.staff.map(\.teachers) == explicit.staff.map(\.teachers))
        let classes = Dictionary(uniqueKeysWithValues: explicit.schools.map { ($0.id, ($0.level, $0.classes)) })
        for row in explicit.staff where row.required! > 0 {
            let (level, n) = classes[row.schoolID]!
            let perClass = norms.first { $0.level == level && $0.subject == row.subject }!.perClass
            #expect(abs(Double(n) * perClass - row.required!) <= 0.005 + 1e-9)
        }
    }

    @Test("Stress: zero-class schools, a subject nobody teaches, fractional needs")
    func stress() {
        let s = ScenarioGenerator.generate(options(400, 10) { $0.stress = true })
        let zero = s.schools.filter { $0.classes == 0 }
        #expect(!zero.isEmpty)
        let zeroIDs = Set(zero.map(\.id))
        #expect(s.staff.filter { zeroIDs.contains($0.schoolID) }.allSatisfy { $0.required == 0 })
        #expect(s.staff.contains { zeroIDs.contains($0.schoolID) && $0.teachers > 0 })
        let untaught = s.staff.filter { $0.subject == ScenarioGenerator.untaughtSubject }
        #expect(!untaught.isEmpty)
        #expect(untaught.allSatisfy { $0.teachers == 0 && ($0.required ?? 0) > 0 })
        #expect(s.staff.contains { $0.required == 2.53 || ($0.required.map { $0 * 100 != ($0 * 10).rounded() * 10 } ?? false) })
    }

    @Test("Policy and cost options reach the scenario; no coordinates when asked")
    func policyOptions() {
        let s = ScenarioGenerator.generate(options(50, 3) {
            $0.policy = Policy(payrollChange: -12, transferScope: .area, maxDistanceKm: 30, maxOutShare: 0.2, sharing: true)
            $0.qualifications = false
            $0.coordinates = false
        })
        #expect(s.policy == Policy(payrollChange: -12, transferScope: .area, maxDistanceKm: 30, maxOutShare: 0.2, sharing: true))
        #expect(s.schools.allSatisfy { $0.latitude == nil && $0.longitude == nil })
        let text = ScenarioFiles.render(s).first { $0.name == "schools.csv" }!.contents
        #expect(text.hasPrefix("id,name,area,level,classes,priority\n"))
    }

    @Test("Distances: same-level pairs within the limit, each pair once")
    func distances() {
        let s = ScenarioGenerator.generate(options(200, 6) { $0.distancesWithinKm = 20; $0.coordinates = false })
        #expect(!s.distances.isEmpty)
        let level = Dictionary(uniqueKeysWithValues: s.schools.map { ($0.id, $0.level) })
        #expect(s.distances.allSatisfy { $0.km <= 20 && $0.km >= 0 && level[$0.from] == level[$0.to] && $0.from != $0.to })
        #expect(Set(s.distances.map { [$0.from, $0.to].sorted().joined(separator: "|") }).count == s.distances.count)
    }

    @Test("Sóc Trăng: preschools at about 1.7 teachers per class; Quảng Ninh: its 13 areas")
    func provinces() {
        let st = Shape(GeneratorOptions(schools: 150, seed: 2025, province: .socTrang))
        let perClass = st.teachersPerClass("preschool")
        #expect((1.55...1.85).contains(perClass), "Sóc Trăng preschool \(perClass)")
        let qn = ScenarioGenerator.generate(GeneratorOptions(schools: 200, seed: 2025, province: .quangNinh))
        #expect(Set(qn.schools.map(\.area)) == ["Hạ Long", "Cẩm Phả", "Uông Bí", "Móng Cái", "Đông Triều", "Quảng Yên",
                                                 "Vân Đồn", "Tiên Yên", "Bình Liêu", "Ba Chẽ", "Đầm Hà", "Hải Hà", "Cô Tô"])
        #expect(qn.schools.contains { $0.name == "Trường THCS Hạ Long số 1" })
    }

    @Test("3,500 schools generate and render fast")
    func speed() {
        let start = Date()
        let s = ScenarioGenerator.generate(options(3_500, 40, seed: 5))
        let files = ScenarioFiles.render(s)
        let seconds = Date().timeIntervalSince(start)
        print("generate+render 3,500 schools: \(seconds) s, \(s.staff.reduce(0) { $0 + $1.teachers }) teachers, \(files[2].contents.utf8.count) bytes of staff.csv")
        #expect(seconds < 5)
    }
}

@Suite("Files")
struct FileTests {
    @Test("YAML: strings double-quoted and escaped, numbers as floats, defaults written out")
    func yaml() {
        #expect(ScenarioFiles.yamlString("Quảng Ninh \"x\" \\ y") == "\"Quảng Ninh \\\"x\\\" \\\\ y\"")
        #expect(ScenarioFiles.yamlNumber(1) == "1.0")
        #expect(ScenarioFiles.yamlNumber(0.02) == "0.02")
        let s = Scenario(name: "T", schools: [], staff: [], policy: Policy(maxDistanceKm: 30), costs: Costs())
        let text = ScenarioFiles.yaml(s)
        #expect(text == """
            name: "T"
            schools: schools.csv
            staff: staff.csv
            policy:
              payroll_change: 0
              hiring: true
              same_level: true
              transfer_scope: any
              max_distance_km: 30.0
              max_out_share: null
              sharing: false
              qualifications: []
            costs:
              move: 1.0
              per_km: 0.0
              hire: 1.0
              release: 5.0

            """)
    }

    @Test("CSV: names with commas quoted, optional numbers empty")
    func csv() {
        let schools = [School(id: "A", name: "Trường Mầm non Hoa Sen, Hạ Long", area: "Hạ Long", level: "preschool",
                              classes: 3, latitude: 20.5, longitude: 107.25, priority: 1.5)]
        #expect(ScenarioFiles.schoolsCSV(schools)
            == "id,name,area,level,classes,lat,lon,priority\nA,\"Trường Mầm non Hoa Sen, Hạ Long\",Hạ Long,preschool,3,20.5,107.25,1.5\n")
        #expect(ScenarioFiles.staffCSV([StaffRow(schoolID: "A", subject: "preschool", teachers: 6, leaving: 1)])
            == "school_id,subject,teachers,leaving,required\nA,preschool,6,1,\n")
    }

    @Test("The folder writer refuses a non-empty folder unless forced, and leaves no staging behind")
    func folderWriter() throws {
        let fm = FileManager.default
        let root = temporaryFolder("w")
        defer { try? fm.removeItem(at: root) }
        let target = root.appendingPathComponent("out")
        let scenario = ScenarioGenerator.generate(options(20, 2) { $0.useNorms = true })
        try ScenarioFolder.write(scenario, to: target)
        #expect(try fm.contentsOfDirectory(atPath: root.path) == ["out"])
        #expect(Set(try fm.contentsOfDirectory(atPath: target.path)) == ["scenario.yaml", "schools.csv", "staff.csv", "norms.csv"])
        #expect(throws: ScenarioFolder.WriteError.notEmpty(target.standardizedFileURL.path)) {
            try ScenarioFolder.write(scenario, to: target)
        }
        try Data("keep".utf8).write(to: target.appendingPathComponent("notes.txt"))
        let explicit = ScenarioGenerator.generate(options(20, 2))
        try ScenarioFolder.write(explicit, to: target, force: true)
        #expect(Set(try fm.contentsOfDirectory(atPath: target.path)) == ["scenario.yaml", "schools.csv", "staff.csv", "notes.txt"])
        #expect(try String(contentsOf: target.appendingPathComponent("staff.csv"), encoding: .utf8)
            == ScenarioFiles.staffCSV(explicit.staff))
        #expect(try fm.contentsOfDirectory(atPath: root.path) == ["out"])
        // An empty existing folder is fine without --force.
        let empty = root.appendingPathComponent("empty")
        try fm.createDirectory(at: empty, withIntermediateDirectories: true)
        try ScenarioFolder.write(explicit, to: empty)
        #expect(fm.fileExists(atPath: empty.appendingPathComponent("scenario.yaml").path))
        // A file in the way is refused.
        let file = root.appendingPathComponent("file")
        try Data().write(to: file)
        #expect(throws: ScenarioFolder.WriteError.self) { try ScenarioFolder.write(explicit, to: file, force: true) }
    }
}

@Suite("Round trip through the scenario reader")
struct RoundTripTests {
    static let variants: [(String, GeneratorOptions)] = [
        ("explicit", options(120, 5, seed: 21)),
        ("norms, distances, no coordinates", options(120, 5, seed: 22) {
            $0.useNorms = true; $0.distancesWithinKm = 25; $0.coordinates = false
        }),
        ("stress and policy", options(150, 6, seed: 23) {
            $0.stress = true
            $0.policy = Policy(payrollChange: -40, hiring: false, sameLevel: false, transferScope: .area,
                               maxDistanceKm: 30, maxOutShare: 0.15, sharing: true)
            $0.costs = Costs(move: 1.5, perKm: 0.125, hire: 3, release: 7.25)
            $0.name = "Tỉnh \"thử\": a \\ b"
        }),
        ("Quảng Ninh, legacy", GeneratorOptions(schools: 60, seed: 9, province: .quangNinh)),
    ]

    @Test("generate -> write -> ScenarioLoader.load gives the generated scenario back", arguments: 0..<4)
    func roundTrip(_ index: Int) throws {
        let (label, o) = Self.variants[index]
        let folder = temporaryFolder("rt\(index)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let generated = ScenarioGenerator.generate(o)
        try ScenarioFolder.write(generated, to: folder)
        let loaded = try ScenarioLoader.load(folder.path)
        #expect(loaded == generated, "\(label)")
        #expect(loaded.staff == generated.staff)
        #expect(loaded.schools == generated.schools)
        #expect(loaded.policy == generated.policy)
    }

    @Test("Every bundled scenario loads, with its areas and sizes")
    func bundled() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("scenarios")
        let names = try FileManager.default.contentsOfDirectory(atPath: root.path)
            .filter { FileManager.default.fileExists(atPath: root.appendingPathComponent($0).appendingPathComponent("scenario.yaml").path) }
            .sorted()
        #expect(names == ["quang-ninh", "quang-ninh-2030", "quang-ninh-2030-streamlining", "quang-ninh-30km",
                          "quang-ninh-integrated", "quang-ninh-locked", "quang-ninh-norms", "quang-ninh-roster", "quang-ninh-shared", "quang-ninh-streamlining",
                          "quang-ninh-within-areas", "soc-trang", "soc-trang-norms"])
        var base: Scenario?
        for name in names {
            var warnings: [Diagnostic] = []
            let s = try ScenarioLoader.load(root.appendingPathComponent(name).path, warnings: &warnings)
            #expect(warnings.isEmpty, "\(name): \(warnings)")
            if name.hasPrefix("quang-ninh") {
                #expect(Set(s.schools.map(\.area)).count == 13, "\(name)")
                #expect((150...250).contains(s.schools.count), "\(name)")
            } else {
                #expect((100...200).contains(s.schools.count), "\(name)")
            }
            if name == "quang-ninh" { base = s }
        }
        let qn = try #require(base)
        let headcount = qn.staff.reduce(0) { $0 + $1.teachers }
        let load = { (name: String) in try ScenarioLoader.load(root.appendingPathComponent(name).path) }
        #expect(qn.policy.payrollChange == 0)
        #expect(try load("quang-ninh-streamlining").policy.payrollChange == -Int((Double(headcount) * 0.05).rounded()))
        #expect(try load("quang-ninh-within-areas").policy.transferScope == .area)
        #expect(try load("quang-ninh-30km").policy.maxDistanceKm == 30)
        #expect(try load("quang-ninh-shared").policy.sharing)
        #expect(try load("quang-ninh-locked").locks.count == 5)
        let integrated = try load("quang-ninh-integrated")
        #expect(integrated.policy.qualifications == Curriculum.integratedQualifications)
        #expect(integrated.staff.reduce(0) { $0 + $1.teachers } == headcount)
        #expect(integrated.staff.contains { $0.subject == "physics" } && integrated.staff.contains { $0.subject == "history" })
        // Sóc Trăng: preschools short, about 1.7 teachers a class against 2.2.
        let st = try load("soc-trang")
        let preschools = Set(st.schools.filter { $0.level == "preschool" }.map(\.id))
        let classes = st.schools.filter { $0.level == "preschool" }.reduce(0) { $0 + $1.classes }
        let teachers = st.staff.filter { preschools.contains($0.schoolID) }.reduce(0) { $0 + $1.teachers }
        #expect((1.6...1.8).contains(Double(teachers) / Double(classes)))
        // The norms variants: the same schools, sized by vn-2026 (the generator's --norm-rules).
        for (name, baseName) in [("quang-ninh-norms", "quang-ninh"), ("soc-trang-norms", "soc-trang")] {
            let ruled = try load(name), plain = try load(baseName)
            #expect(ruled.normRules?.name == "vn-2026", "\(name)")
            #expect(ruled.schools.map(\.id) == plain.schools.map(\.id), "\(name)")
            #expect(Set(ruled.schools.map(\.type)).count >= 3, "\(name): schools of several types")
            #expect(ruled.staff.allSatisfy { $0.required == nil }, "\(name): the norms decide")
        }
    }
}
