import RedeployDomain
import Testing
@testable import RedeployPlanner

/// The third stage (docs/MODEL.md section 7) on hand-computed rosters: each test says who must
/// move and why, and every choice is also passed through `AssignmentChecker`.
@Suite struct PeopleAssignmentTests {
    /// Schools A and B share area "north" (commune), C is in "south" (province). A sits at
    /// (21.0, 105.0), B at (21.0, 106.0), C at (22.0, 105.0): B and C are each about 104-111 km
    /// from A.
    static func scenario(_ roster: [RosterRow], years: [Int]? = nil) -> Scenario {
        var scenario = Scenario(
            schools: [school("A", area: "north", lat: 21.0, lon: 105.0), school("B", area: "north", lat: 21.0, lon: 106.0),
                      school("C", area: "south", lat: 22.0, lon: 105.0)],
            staff: ["A", "B", "C"].flatMap { s in
                ["math", "lit"].map { subject in
                    StaffRow(schoolID: s, subject: subject,
                             teachers: roster.filter { $0.schoolID == s && $0.subject == subject }.count, required: 1)
                }
            })
        scenario.roster = roster
        if let years { scenario.horizon = Horizon(years: years) }
        return scenario
    }

    static func teacher(_ id: String, at school: String = "A", _ subject: String = "math", points: Double = 0,
                        volunteer: Bool = false, exempt: String = "", mustMove: Bool = false, leaving: Int? = nil,
                        home: (Double, Double)? = nil) -> RosterRow {
        RosterRow(teacherID: id, schoolID: school, subject: subject, points: points, volunteer: volunteer,
                  exemptReason: exempt, mustMove: mustMove, leavingYear: leaving,
                  homeLatitude: home?.0, homeLongitude: home?.1)
    }

    static func transfer(_ from: String, _ to: String, _ n: Double, _ subject: String = "math", year: Int? = nil) -> Plan.Action {
        Plan.Action(kind: .transfer, from: from, to: to, subject: subject, teachers: n, year: year)
    }

    /// Chooses, checks independently, and returns the assignments.
    static func assigned(_ scenario: Scenario, _ plan: Plan,
                         sourceLocation: SourceLocation = #_sourceLocation) throws -> [Assignment] {
        let assignments = try PeopleAssignment.assign(scenario, plan: plan)
        let report = AssignmentChecker.check(assignments, plan: plan, roster: scenario.roster,
                                             instance: HorizonInstance(scenario))
        #expect(report.isValid, "\(report.violations)", sourceLocation: sourceLocation)
        return assignments
    }

    /// One maths teacher goes from A to B. The volunteer (10 points) goes rather than either
    /// non-volunteer (1 and 5 points): 3a comes before 3b.
    @Test func volunteersBeforeNonVolunteers() throws {
        let roster = [Self.teacher("t1", points: 1), Self.teacher("t2", points: 10, volunteer: true),
                      Self.teacher("t3", points: 5)]
        let got = try Self.assigned(Self.scenario(roster), Plan(actions: [Self.transfer("A", "B", 1)]))
        #expect(got.map(\.teacherID) == ["t2"])
        #expect(got.first?.basis == .volunteer && got.first?.reason == "volunteer")
        #expect(got.first?.authority == .commune && got.first?.year == nil)
        // Two go: the volunteer and then the fewest points (t1), never t3.
        let two = try Self.assigned(Self.scenario(roster), Plan(actions: [Self.transfer("A", "B", 2)]))
        #expect(Set(two.map(\.teacherID)) == ["t1", "t2"])
        #expect(two.first { $0.teacherID == "t1" }?.reason == "fewest points")
    }

    /// t1 and t2 have 5 points each, t3 has 2 more. One goes to B: t1, whose home is at B
    /// (0 km after), not t2, who lives at A (111 km from B).
    @Test func tiesInPointsBrokenByHomeDistance() throws {
        let roster = [Self.teacher("t2", points: 5, home: (21.0, 105.0)), Self.teacher("t1", points: 5, home: (21.0, 106.0)),
                      Self.teacher("t3", points: 7)]
        let got = try Self.assigned(Self.scenario(roster), Plan(actions: [Self.transfer("A", "B", 1)]))
        #expect(got.map(\.teacherID) == ["t1"])
        let one = try #require(got.first)
        #expect(abs((one.homeKmAfter ?? -1) - 0) < 1e-9)
        #expect(abs((one.homeKmBefore ?? 0) - Geo.haversineKm(lat1: 21, lon1: 106, lat2: 21, lon2: 105)) < 1e-9)
        // One to B and one to C: each goes to the school nearer home (t1 lives at B, t2 at C),
        // 0 km in all, where the swap would cost about 104 + 111 km.
        var crossed = roster
        crossed[0].homeLatitude = 22.0
        let both = try Self.assigned(Self.scenario(crossed),
                                     Plan(actions: [Self.transfer("A", "B", 1), Self.transfer("A", "C", 1)]))
        #expect(Dictionary(uniqueKeysWithValues: both.map { ($0.teacherID, $0.toSchool ?? "") }) == ["t1": "B", "t2": "C"])
        #expect(both.first { $0.teacherID == "t2" }?.authority == .province)
    }

    /// t1 (1 point) is exempt and t2 (3 points) leaves in the plan: both stay, and t3, with 8
    /// points, moves.
    @Test func exemptKeptWhileColleagueWithMorePointsMoves() throws {
        let roster = [Self.teacher("t1", points: 1, exempt: "illness"), Self.teacher("t2", points: 3, leaving: 2030),
                      Self.teacher("t3", points: 8), Self.teacher("t4", points: 9)]
        let got = try Self.assigned(Self.scenario(roster), Plan(actions: [Self.transfer("A", "B", 1)]))
        #expect(got.map(\.teacherID) == ["t3"])
        #expect(got.first?.reason == "fewest points")
        // Three to move where only two may: refused, naming counts and not people.
        #expect(throws: PeopleAssignment.Failure.self) {
            try PeopleAssignment.assign(Self.scenario(roster), plan: Plan(actions: [Self.transfer("A", "B", 3)]))
        }
    }

    /// A must_move teacher (10 points) takes the one transfer; the volunteer is released (3a
    /// counts only the non-volunteers other than must_move), although the volunteer would
    /// gladly have moved: the must_move teacher may not be released.
    @Test func mustMoveTakesTheTransferAndAVolunteerIsReleased() throws {
        let roster = [Self.teacher("t1", points: 10, mustMove: true), Self.teacher("t2", points: 0, volunteer: true),
                      Self.teacher("t3", points: 0)]
        let plan = Plan(actions: [.release(at: "A", subject: "math", teachers: 1), Self.transfer("A", "B", 1)])
        let got = try Self.assigned(Self.scenario(roster), plan)
        let by = Dictionary(uniqueKeysWithValues: got.map { ($0.teacherID, $0) })
        #expect(Set(by.keys) == ["t1", "t2"])
        #expect(by["t1"]?.action == .transfer && by["t1"]?.reason == "must_move")
        #expect(by["t2"]?.action == .release && by["t2"]?.reason == "released: payroll; volunteer")
        #expect(by["t2"]?.authority == nil && by["t2"]?.toSchool == nil && by["t2"]?.homeKmAfter == nil)
        // With a release only, the must_move teacher cannot leave: refused.
        #expect(throws: PeopleAssignment.Failure.self) {
            try PeopleAssignment.assign(Self.scenario(roster),
                                        plan: Plan(actions: [.release(at: "A", subject: "math", teachers: 1)]))
        }
    }

    /// Two years. 2025: one maths teacher A -> B, one hired at C. 2026: two B -> C and one C -> A.
    /// a1 volunteers and goes to B in 2025; in 2026 B's pool is b1 (50 points) and a1, and both
    /// go (the plan takes two). C's pool in 2026 is c1 (30 points) and the 2025 hire
    /// new:C:math:2025:1 (0 points, not a volunteer): the hire goes. a2 (points 0) never moves
    /// in 2026 from A: A sends nobody that year.
    @Test func teacherFollowedAcrossTwoYears() throws {
        let roster = [Self.teacher("a1", points: 40, volunteer: true), Self.teacher("a2"),
                      Self.teacher("b1", at: "B", points: 50), Self.teacher("c1", at: "C", points: 30)]
        let plan = Plan(actions: [
            Self.transfer("A", "B", 1, year: 2025),
            Plan.Action(kind: .hire, from: nil, to: "C", subject: "math", teachers: 1, year: 2025),
            Self.transfer("B", "C", 2, year: 2026),
            Self.transfer("C", "A", 1, year: 2026),
        ])
        let got = try Self.assigned(Self.scenario(roster, years: [2025, 2026]), plan)
        let summary = got.map { "\($0.year!) \($0.teacherID) \($0.fromSchool)->\($0.toSchool!)" }
        #expect(summary == ["2025 a1 A->B", "2026 b1 B->C", "2026 a1 B->C", "2026 new:C:math:2025:1 C->A"]
                || summary == ["2025 a1 A->B", "2026 a1 B->C", "2026 b1 B->C", "2026 new:C:math:2025:1 C->A"],
                "\(summary)")
        #expect(got.last?.points == 0 && got.last?.volunteer == false && got.last?.homeKmBefore == nil)
        // Taking a1 again from A in 2026 is refused by the checker: a1 is at B by then.
        var wrong = got
        wrong[1].fromSchool = "A"
        let report = AssignmentChecker.check(wrong, plan: plan, roster: roster,
                                             instance: HorizonInstance(Self.scenario(roster, years: [2025, 2026])))
        #expect(!report.isValid)
    }

    /// The checker's counting argument catches a choice that is not optimal: t3 (5 points)
    /// moved while t1 (1 point) stays, and a volunteer passed over.
    @Test func checkerRefusesAWorseChoice() throws {
        let roster = [Self.teacher("t1", points: 1), Self.teacher("t3", points: 5), Self.teacher("v", volunteer: true)]
        let scenario = Self.scenario(roster)
        let plan = Plan(actions: [Self.transfer("A", "B", 2)])
        var got = try Self.assigned(scenario, plan)
        #expect(Set(got.map(\.teacherID)) == ["t1", "v"])
        let index = try #require(got.firstIndex { $0.teacherID == "v" })
        got[index].teacherID = "t3"
        let report = AssignmentChecker.check(got, plan: plan, roster: roster, instance: HorizonInstance(scenario))
        #expect(report.violations.count == 1 && report.violations[0].contains("volunteer 'v' stays"), "\(report.violations)")
        got[index].teacherID = "v"
        got[got.firstIndex { $0.teacherID == "t1" }!].teacherID = "t3"
        let second = AssignmentChecker.check(got, plan: plan, roster: roster, instance: HorizonInstance(scenario))
        #expect(second.violations.count == 1 && second.violations[0].contains("fewer points"), "\(second.violations)")
    }
}
