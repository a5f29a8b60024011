import Foundation
import RedeployDomain
import ScenarioGenerator
import ScenarioIO
import Testing

/// `GeneratorOptions.roster` (`redeploy generate --roster`): roster.csv agrees with the staff
/// it goes with, loads without a diagnostic, and changes no other file.
@Suite struct RosterGeneratorTests {
    static let variants: [(String, GeneratorOptions)] = [
        ("generic", options(40, 4, seed: 11) { $0.roster = true }),
        ("legacy, no coordinates", options(30, 3, seed: 5) { $0.roster = true; $0.coordinates = false; $0.legacyShare = 0.5 }),
        ("norm rules", options(40, 4, seed: 3) { $0.roster = true; $0.normRules = true }),
        ("horizon", options(40, 4, seed: 9) {
            $0.roster = true; $0.normRules = true; $0.leavingRate = 0.08
            $0.horizon = HorizonOptions(years: 2025...2029)
        }),
        ("horizon, explicit", options(30, 3, seed: 2) {
            $0.roster = true; $0.leavingRate = 0.1; $0.horizon = HorizonOptions(years: 2026...2028)
        }),
        ("quang-ninh", {
            var o = GeneratorOptions(schools: 60, seed: 2025, province: .quangNinh)
            o.roster = true; o.legacyShare = 0; o.qualifications = false
            return o
        }()),
    ]

    @Test("Generated rosters load through ScenarioLoader, counts agreeing", arguments: 0..<variants.count)
    func loads(_ index: Int) throws {
        let (label, o) = Self.variants[index]
        let generated = ScenarioGenerator.generate(o)
        #expect(!generated.roster.isEmpty, "\(label)")
        let folder = temporaryFolder("roster\(index)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try ScenarioFolder.write(generated, to: folder)
        var warnings: [Diagnostic] = []
        let loaded = try ScenarioLoader.load(folder.path, warnings: &warnings)
        #expect(warnings.isEmpty, "\(label): \(warnings)")
        #expect(loaded.roster == generated.roster, "\(label)")
        #expect(loaded.staff == generated.staff, "\(label)")
        // The loader fills a staff-years row's empty leaving with the roster's count (0 there)
        // where the roster has teachers of the pair.
        var filled = generated.horizon
        let listed = Set(generated.roster.map { $0.schoolID + "/" + $0.subject })
        if filled != nil {
            for k in filled!.staffYears.indices where filled!.staffYears[k].leaving == nil
                && listed.contains(filled!.staffYears[k].schoolID + "/" + filled!.staffYears[k].subject) {
                filled!.staffYears[k].leaving = 0
            }
        }
        #expect(loaded.horizon == filled, "\(label)")
        let yaml = try String(contentsOf: folder.appendingPathComponent("scenario.yaml"), encoding: .utf8)
        #expect(yaml.contains("\nroster: roster.csv\n"))
    }

    @Test("Each pair's teachers and each year's leavers are staff.csv's and staff-years.csv's", arguments: 0..<variants.count)
    func counts(_ index: Int) {
        let (label, o) = Self.variants[index]
        let s = ScenarioGenerator.generate(o)
        struct Key: Hashable { var school, subject: String; var year: Int? }
        var teachers: [Key: Int] = [:], leavers: [Key: Int] = [:]
        for r in s.roster {
            teachers[Key(school: r.schoolID, subject: r.subject), default: 0] += 1
            if let y = r.leavingYear { leavers[Key(school: r.schoolID, subject: r.subject, year: y), default: 0] += 1 }
        }
        let first = s.horizon?.years.first ?? 2025
        var expected: [Key: Int] = [:]
        for row in s.staff {
            #expect(teachers[Key(school: row.schoolID, subject: row.subject)] ?? 0 == row.teachers, "\(label)")
            if row.leaving > 0 { expected[Key(school: row.schoolID, subject: row.subject, year: first)] = row.leaving }
        }
        for row in s.horizon?.staffYears ?? [] where (row.leaving ?? 0) > 0 {
            expected[Key(school: row.schoolID, subject: row.subject, year: row.year)] = row.leaving
        }
        #expect(leavers == expected, "\(label)")
        #expect(s.roster.count == s.staff.reduce(0) { $0 + $1.teachers })
    }

    @Test("Ids unique, no name, flags that never conflict, plausible people", arguments: 0..<variants.count)
    func rows(_ index: Int) {
        let (label, o) = Self.variants[index]
        let s = ScenarioGenerator.generate(o)
        #expect(Set(s.roster.map(\.teacherID)).count == s.roster.count, "\(label)")
        let prefix = o.province == .quangNinh ? "QN-" : "GV-"
        #expect(s.roster.allSatisfy { $0.teacherID.hasPrefix(prefix) && $0.teacherID.count == 9 }, "\(label)")
        let located = Dictionary(uniqueKeysWithValues: s.schools.map { ($0.id, $0) })
        let year = s.horizon?.years.first ?? 2025
        for r in s.roster {
            #expect(!(r.isExempt && r.mustMove), "\(label) \(r.teacherID)")
            #expect(!(r.mustMove && r.leavingYear != nil), "\(label) \(r.teacherID)")
            #expect(!(r.isExempt && r.volunteer))
            #expect(r.exemptReason.isEmpty || ["age", "illness", "disability"].contains(r.exemptReason))
            #expect((0...100).contains(r.points) && r.points == r.points.rounded())
            #expect(r.birthDate != nil && r.sex != nil)
            if let born = r.birthDate { #expect((year - 61)...(year - 22) ~= born.year, "\(label) \(born)") }
            let school = located[r.schoolID]!
            if let lat = school.latitude, let lon = school.longitude {
                #expect(r.homeLatitude != nil && r.homeLongitude != nil)
                if let hLat = r.homeLatitude, let hLon = r.homeLongitude {
                    #expect(abs(hLat - lat) < 0.03 && abs(hLon - lon) < 0.03)
                }
            } else {
                #expect(r.homeLatitude == nil && r.homeLongitude == nil)
            }
        }
        let csv = ScenarioFiles.rosterCSV(s.roster)
        let header = csv.split(separator: "\n").first.map(String.init) ?? ""
        #expect(header == "teacher_id,school_id,subject,points,volunteer,exempt,must_move,leaving_year,home_lat,home_lon,birth_date,sex")
        #expect(!header.contains("name"))
    }

    @Test("Shares of volunteers, exempt and must_move teachers on a large roster")
    func shares() {
        let s = ScenarioGenerator.generate(options(300, 8, seed: 21) { $0.roster = true })
        let n = Double(s.roster.count)
        #expect(n > 5000)
        let volunteers = Double(s.roster.filter(\.volunteer).count) / n
        let exempt = Double(s.roster.filter(\.isExempt).count) / n
        let mustMove = Double(s.roster.filter(\.mustMove).count) / n
        #expect((0.08...0.12).contains(volunteers), "\(volunteers)")
        #expect((0.02...0.04).contains(exempt), "\(exempt)")
        #expect((0.012...0.028).contains(mustMove), "\(mustMove)")
        #expect(Set(s.roster.map(\.exemptReason)).isSuperset(of: ["age", "illness", "disability"]))
        #expect(s.roster.contains { $0.sex == .male } && s.roster.contains { $0.sex == .female })
    }

    @Test("The same options give the same bytes; without a roster every file is as before")
    func deterministic() throws {
        for (label, o) in Self.variants {
            let a = ScenarioFiles.render(ScenarioGenerator.generate(o))
            let b = ScenarioFiles.render(ScenarioGenerator.generate(o))
            #expect(a == b, "\(label)")
            var without = o
            without.roster = false
            let plain = ScenarioFiles.render(ScenarioGenerator.generate(without))
            #expect(!plain.contains { $0.name == "roster.csv" })
            let others = a.filter { $0.name != "roster.csv" && $0.name != "scenario.yaml" }
            #expect(others == plain.filter { $0.name != "scenario.yaml" }, "\(label)")
            let yaml = try #require(a.first { $0.name == "scenario.yaml" }).contents
            let plainYAML = try #require(plain.first { $0.name == "scenario.yaml" }).contents
            #expect(yaml.replacingOccurrences(of: "roster: roster.csv\n", with: "") == plainYAML, "\(label)")
        }
    }

    @Test("The bundled quang-ninh-roster is quang-ninh's staff with a roster")
    func bundled() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("scenarios")
        var warnings: [Diagnostic] = []
        let s = try ScenarioLoader.load(root.appendingPathComponent("quang-ninh-roster").path, warnings: &warnings)
        #expect(warnings.isEmpty)
        let base = try ScenarioLoader.load(root.appendingPathComponent("quang-ninh").path)
        #expect(s.staff == base.staff)
        #expect(s.schools == base.schools)
        #expect(s.roster.count == base.staff.reduce(0) { $0 + $1.teachers })
        var o = GeneratorOptions(schools: 200, seed: 2025, province: .quangNinh)
        o.legacyShare = 0; o.qualifications = false; o.distancesWithinKm = 200; o.roster = true
        let regenerated = ScenarioFiles.render(ScenarioGenerator.generate(o))
        let csv = try String(contentsOf: root.appendingPathComponent("quang-ninh-roster/roster.csv"), encoding: .utf8)
        #expect(regenerated.first { $0.name == "roster.csv" }?.contents == csv)
    }
}
