import RedeployTestSupport
import Foundation
import RedeployDomain
import ScenarioIO
import Testing
@testable import RedeployPlanner

/// The rules of `builtin:vn-2026`, one test per rule, each figure computed by hand from the
/// article's words (docs/NORMS.md). The rules are the shipped preset, read as a scenario reads
/// them, so the tests check the data as well as `NormEngine`.
@Suite struct NormRuleTests {
    /// The vn-2026 rules, loaded through a one-school scenario that names them.
    static let rules: NormRules = {
        let folder = try! NormScenario.write([
            "scenario.yaml": "name: rules\nschools: schools.csv\nstaff: staff.csv\nnorms: builtin:vn-2026\n",
            "schools.csv": "id,area,level,classes\nA,X,primary,1\n",
            "staff.csv": "school_id,subject,teachers\nA,primary,1\n",
        ])
        return try! ScenarioLoader.load(folder.path).normRules!
    }()

    static func derive(_ level: String, classes: Int, type: SchoolType = .regular, sessions: Int = 2, region: Int = 3,
                       pupils: Int? = nil, infantGroups: Int = 0) throws -> NormDerivation {
        try NormEngine.derive(School(id: "S", area: "X", level: level, classes: classes, pupils: pupils, region: region,
                                     sessions: sessions, type: type, infantGroups: infantGroups), rules: rules)
    }

    static func need(_ d: NormDerivation, _ subject: String) -> Double {
        d.needs.first { $0.subject == subject }?.required ?? 0
    }

    static func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-9 * max(1, abs(b)) }

    // MARK: 1. The maximum per class

    /// 3 infant groups x 2.5 + 7 kindergarten classes x 2.2 = 7.5 + 15.4 = 22.9, all of it the
    /// class teachers' (no subject timetable), no fixed post.
    @Test func circular19Article5PreschoolGroupsAndClasses() throws {
        let d = try Self.derive("preschool", classes: 10, infantGroups: 3)
        #expect(Self.close(d.maximum, 22.9))
        #expect(d.fixedPosts == 0)
        #expect(d.needs.count == 1 && Self.close(Self.need(d, "preschool"), 22.9))
    }

    /// Two sessions a day: 20 classes x 1.5 = 30; one session: 20 x 1.2 = 24. The Young Pioneer
    /// leader adds 1 outside either.
    @Test func circular20Article7PrimaryOneAndTwoSessions() throws {
        let two = try Self.derive("primary", classes: 20, sessions: 2)
        let one = try Self.derive("primary", classes: 20, sessions: 1)
        #expect(Self.close(two.maximum, 30) && Self.close(two.total, 31))
        #expect(Self.close(one.maximum, 24) && Self.close(one.total, 25))
    }

    /// Lower secondary 10 classes: regular 1.9 -> 19; boarding, semi-boarding and disability
    /// 2.2 -> 22. Upper secondary 10 classes: regular 2.25 -> 22.5, provincial boarding 2.4 -> 24,
    /// specialised 3.1 -> 31.
    @Test(arguments: [
        ("lower_secondary", SchoolType.regular, 19.0), ("lower_secondary", .boarding, 22), ("lower_secondary", .semiBoarding, 22),
        ("lower_secondary", .disability, 22), ("upper_secondary", .regular, 22.5), ("upper_secondary", .provincialBoarding, 24),
        ("upper_secondary", .specialised, 31),
    ])
    func circular20Articles12And17SchoolTypes(_ level: String, _ type: SchoolType, _ maximum: Double) throws {
        let d = try Self.derive(level, classes: 10, type: type)
        #expect(Self.close(d.maximum, maximum), "\(level) \(type): \(d.maximum)")
    }

    /// A combination no article names is refused, not guessed.
    @Test func aBoardingPrimarySchoolHasNoNorm() {
        #expect(throws: NormEngine.NormError.self) { try Self.derive("primary", classes: 5, type: .boarding) }
    }

    // MARK: 2. Pupils above the regional class size (art. 3 cl. 2 with art. 7, 12, 17)

    /// Primary, 10 classes (15 teachers by class): region 1, 290 pupils - 10 x 25 = 40 above,
    /// one teacher per 12 whole: +3; region 2, 330 - 300 = 30, per 15: +2; region 3, 389 - 350
    /// = 39, per 17: +2 (2 x 17 = 34 <= 39 < 51).
    @Test(arguments: [(1, 290, 3.0), (2, 330, 2), (3, 389, 2), (3, 350, 0), (3, 200, 0)])
    func circular20Article7PupilExtrasByRegion(_ region: Int, _ pupils: Int, _ extra: Double) throws {
        let d = try Self.derive("primary", classes: 10, region: region, pupils: pupils)
        #expect(Self.close(d.maximum, 15 + extra), "region \(region), \(pupils) pupils: \(d.maximum)")
    }

    /// Lower secondary, 10 classes (19): region 1, 390 - 350 = 40, per 17: +2; region 2, 450 -
    /// 400 = 50, per 20: +2; region 3, 500 - 450 = 50, per 22: +2. Upper secondary, 12 classes
    /// (27): region 3, 560 - 540 = 20 < 22: +0; region 1, 12 x 35 = 420, 460 pupils: 40 / 17: +2.
    @Test(arguments: [("lower_secondary", 10, 1, 390, 21.0), ("lower_secondary", 10, 2, 450, 21),
                      ("lower_secondary", 10, 3, 500, 21), ("upper_secondary", 12, 3, 560, 27),
                      ("upper_secondary", 12, 1, 460, 29)])
    func circular20Articles12And17PupilExtrasByRegion(_ level: String, _ classes: Int, _ region: Int, _ pupils: Int,
                                                        _ maximum: Double) throws {
        let d = try Self.derive(level, classes: classes, region: region, pupils: pupils)
        #expect(Self.close(d.maximum, maximum), "\(level) region \(region): \(d.maximum)")
    }

    /// Boarding and specialised schools size classes by their own charters (art. 3 cl. 2 d): no
    /// extras however many pupils.
    @Test func circular20Article3BoardingAndSpecialisedGetNoPupilExtras() throws {
        #expect(Self.close(try Self.derive("lower_secondary", classes: 10, type: .boarding, pupils: 900).maximum, 22))
        #expect(Self.close(try Self.derive("upper_secondary", classes: 10, type: .specialised, pupils: 900).maximum, 31))
    }

    // MARK: 3. Fixed posts

    /// One Young Pioneer leader per primary and lower-secondary school, boarding ones included,
    /// whatever the size; none in upper secondary or preschool.
    @Test func circular20Articles7And12YoungPioneerLeader() throws {
        for (level, type, classes) in [("primary", SchoolType.regular, 5), ("primary", .regular, 40),
                                       ("lower_secondary", .regular, 8), ("lower_secondary", .boarding, 12)] {
            let d = try Self.derive(level, classes: classes, type: type)
            #expect(d.posts == ["young_pioneer_leader": 1], "\(level) \(type)")
            #expect(Self.close(Self.need(d, "young_pioneer_leader"), 1))
        }
        #expect(try Self.derive("upper_secondary", classes: 12).posts.isEmpty)
        #expect(try Self.derive("preschool", classes: 6).posts.isEmpty)
    }

    // MARK: 4. The split into subjects (Circular 32/2018 periods, Circular 05/2025 loads)

    /// Lower secondary, regular. Periods a week of the subjects of their own: maths 4, literature
    /// 4, English 3, natural science 4, history & geography 3, civic 1, technology 1.242857,
    /// informatics 1, PE 2, music 1, fine arts 1: 25.242857. Experiential (3), local content (1)
    /// and the homeroom reduction (4) are carried by any subject's teachers, so they scale every
    /// subject alike, and the maximum splits as the subjects' own periods: maths = 1.9 C x 4 /
    /// 25.242857. A small school (4 classes: 7.6) and a large one (30: 57).
    @Test(arguments: [4, 30])
    func circular32PeriodsSplitTheMaximumOfArticle12(_ classes: Int) throws {
        let d = try Self.derive("lower_secondary", classes: classes)
        let own = 4 + 4 + 3 + 4 + 3 + 1 + 1.242857 + 1 + 2 + 1 + 1.0
        let maximum = 1.9 * Double(classes)
        #expect(Self.close(Self.need(d, "math"), maximum * 4 / own))
        #expect(Self.close(Self.need(d, "technology"), maximum * 1.242857 / own))
        #expect(Self.need(d, "experiential") == 0 && Self.need(d, "local_content") == 0, "no subject of their own")
        let curriculum = d.needs.filter { d.posts[$0.subject] == nil }.reduce(0) { $0 + $1.required }
        #expect(Self.close(curriculum, maximum))
    }

    /// Lower secondary, 12 classes: the timetable asks 12 x (25.242857 + 3 + 1 + 4) / 19 =
    /// 20.99549 teachers, less than the maximum 22.8; what remains is distributed in proportion,
    /// x 22.8 / 20.99549 = 1.0859, so maths gets 12 x 4 / 19 x (1 + 8 / 25.242857) x 1.0859 =
    /// 22.8 x 4 / 25.242857 = 3.6129.
    @Test func whatRemainsUnderTheMaximumFollowsTheTimetable() throws {
        let d = try Self.derive("lower_secondary", classes: 12)
        let asked = 12 * (25.242857 + 8) / 19
        #expect(abs(asked - 20.99549) < 1e-5)
        #expect(Self.close(Self.need(d, "math"), 22.8 * 4 / 25.242857))
        #expect(abs(Self.need(d, "math") - 3.6129) < 1e-4)
        #expect(d.lines.contains { $0.value.map { Self.close($0, 22.8 / asked) } ?? false })
    }

    /// One-session primary, 10 classes: the timetable asks per class class teacher 20 + homeroom
    /// 4, English 2.4, informatics & technology 1.2, PE 2, music 1, fine arts 1 = 31.6 periods /
    /// 23 = 1.374 teachers, above the 1.2 maximum: every subject is cut by the same factor, the
    /// class teacher to 12 x 24 / 31.6 = 9.1139, English to 12 x 2.4 / 31.6 = 0.9114, and the
    /// needs sum to 12, not 13.74.
    @Test func aSchoolWhoseTimetableAloneExceedsItsMaximumIsCut() throws {
        let d = try Self.derive("primary", classes: 10, sessions: 1)
        #expect(Self.close(Self.need(d, "primary"), 12 * 24 / 31.6))
        #expect(Self.close(Self.need(d, "english"), 12 * 2.4 / 31.6))
        let curriculum = d.needs.filter { d.posts[$0.subject] == nil }.reduce(0) { $0 + $1.required }
        #expect(Self.close(curriculum, 12))
        #expect(d.needs.allSatisfy { $0.required <= d.maximum + 1e-9 })
    }

    /// Circular 05/2025 art. 7 cl. 3: a semi-boarding lower-secondary teacher teaches 17 periods,
    /// not 19, so the timetable asks more; the maximum (2.2 x 10 = 22) still bounds the total.
    @Test func circular05Article7LoadsByType() throws {
        let regular = try Self.derive("lower_secondary", classes: 10, type: .regular)
        let semi = try Self.derive("lower_secondary", classes: 10, type: .semiBoarding)
        #expect(regular.lines.contains { $0.value == 19 && $0.source.contains("Circular 05/2025") })
        #expect(semi.lines.contains { $0.value == 17 && $0.source.contains("Circular 05/2025") })
        #expect(Self.close(semi.maximum, 22))
    }

    /// Every step names its source, and each source cites a circular or the school's own row.
    @Test func everyFigureHasASource() throws {
        let d = try Self.derive("lower_secondary", classes: 9, region: 2, pupils: 400)
        for line in d.lines where line.value != nil && !line.text.hasPrefix("total") && !line.text.contains(": ") {
            #expect(!line.source.isEmpty, "\(line.text)")
        }
        #expect(d.lines.contains { $0.source.contains("Circular 20/2023/TT-BGDĐT art. 12") })
        #expect(d.lines.contains { $0.source.contains("Circular 32/2018") })
    }
}

/// Scenario folders written for a test.
enum NormScenario {
    static func write(_ files: [String: String]) throws -> URL {
        let folder = try TestFolders.fresh("norm")
        for (name, text) in files {
            try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return folder
    }
}

/// A Young Pioneer leader holds his post: no plan releases him to pay for a hire.
@Suite struct FixedPostTests {
    /// Two primary schools of one class, each with its Young Pioneer leader (the fixed post of
    /// vn-2026: need 1, held). A has no other teacher; B (priority 2) has 1 class teacher for a
    /// requirement of 2 (staff.csv gives these, and 0 for the other subjects); no leavers,
    /// payroll_change 0, so a hire needs a release. Releasing A's leader (A short 1 x 1) to hire
    /// at B (B short 0) would lower W from 2 to 1: the hold forbids it, and W stays 2 with an
    /// empty plan.
    @Test func theLeaderIsNotReleasedToPayForAHire() throws {
        let result = try solve(leaderSubject: "young_pioneer_leader")
        #expect(result.plan.actions.isEmpty, "\(result.plan.actions)")
        #expect(same(result.check!.weightedShortage, 2))
        #expect(result.check!.cost == 0)
    }

    /// The same schools with the post written as an ordinary subject (required 1 in staff.csv,
    /// and the fixed post's need set to 0): the optimum releases A's leader and hires at B,
    /// W = 1, C = 5 + 1: what the hold prevents.
    @Test func withoutTheFixedPostTheLeaderWouldGo() throws {
        let result = try solve(leaderSubject: "pioneer_leader")
        #expect(same(result.check!.weightedShortage, 1))
        #expect(same(result.check!.cost, 6))
        #expect(result.plan.actions.contains(.release(at: "A", subject: "pioneer_leader", teachers: 1)))
    }

    /// A required cell of staff.csv wins over the norm: with A's leader required 0, the post is
    /// not asked for, so he is not held; releasing him pays for the hire at B: W 2 -> 0,
    /// C = release 5 + hire 1 = 6.
    @Test func aRequiredOfZeroInStaffCsvLetsThePostGo() throws {
        let result = try solve(leaderSubject: "young_pioneer_leader", leaderRequiredAtA: "0")
        #expect(same(result.check!.weightedShortage, 0))
        #expect(same(result.check!.cost, 6))
        #expect(result.plan.actions.contains(.release(at: "A", subject: "young_pioneer_leader", teachers: 1)))
    }

    private func solve(leaderSubject: String, leaderRequiredAtA: String? = nil) throws -> Planner.Result {
        var zero = ["english", "informatics_technology", "physical_education", "music", "fine_arts"]
        if leaderSubject != "young_pioneer_leader" { zero.append("young_pioneer_leader") }
        var staff = "school_id,subject,teachers,required\n"
        staff += "A,primary,0,0\nB,primary,1,2\n"
        let leaderRequired = leaderSubject == "young_pioneer_leader" ? "" : "1"
        staff += "A,\(leaderSubject),1,\(leaderRequiredAtA ?? leaderRequired)\nB,\(leaderSubject),1,\(leaderRequired)\n"
        for school in ["A", "B"] { for subject in zero { staff += "\(school),\(subject),0,0\n" } }
        let folder = try NormScenario.write([
            "scenario.yaml": "name: leader\nschools: schools.csv\nstaff: staff.csv\nnorms: builtin:vn-2026\n"
                + "costs: {move: 1, per_km: 0, hire: 1, release: 5}\n",
            "schools.csv": "id,area,level,classes,priority\nA,X,primary,1,1\nB,X,primary,1,2\n",
            "staff.csv": staff,
        ])
        let scenario = try ScenarioLoader.load(folder.path)
        let result = try Planner().solve(Instance(scenario))
        #expect(result.status == .optimal)
        #expect(result.check?.isValid == true)
        return result
    }
}

/// The fast path and the literal model agree when norms come from rules and fixed-post holders
/// are held: the first 40 generated scenarios of `AgreementTests` under vn-2026, with 0 to 2
/// Young Pioneer leaders per school (their need is 1, so a second one is movable).
@Suite struct HeldAgreementTests {
    @Test(arguments: 1...40)
    func fastPathMatchesDirectFormulationWithHeldTeachers(seed: Int) throws {
        var scenario = randomScenario(seed: UInt64(seed))
        scenario.normRules = NormRuleTests.rules
        for (k, school) in scenario.schools.enumerated() where school.level != "upper_secondary" {
            scenario.staff.append(StaffRow(schoolID: school.id, subject: "young_pioneer_leader", teachers: (seed + k) % 3))
        }
        let instance = Instance(scenario)
        #expect(instance.pairs.contains { $0.held > 0 }, "the sample holds someone")
        let direct = try DirectModel.solve(instance, timeLimit: 60)
        let fast = try Planner().solve(instance)
        try #require(direct.status == .optimal, "direct model: \(direct.status)")
        let check = try #require(fast.check)
        #expect(fast.status == .optimal)
        #expect(check.isValid, "\(check.violations)")
        #expect(same(check.weightedShortage, direct.weightedShortage),
                "W: fast \(check.weightedShortage) direct \(direct.weightedShortage)")
        #expect(same(check.cost, direct.cost), "C: fast \(check.cost) direct \(direct.cost)")
    }
}
