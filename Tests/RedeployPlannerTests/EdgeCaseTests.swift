import RedeployDomain
import RedeployPlanner
import Testing

/// Valid edge cases (the reliability issue: "-0, a school with zero classes and zero
/// teachers, every school in its own area, a scenario with one school, a subject nobody
/// teaches") are solved, not rejected, and to the optimum worked out by hand in each comment.
///
/// Costs are the defaults of docs/MODEL.md section 1 unless a test says otherwise: move 1,
/// per_km 0, hire 1, release 5. Constraint 3 is `hires - releases <= leavers + payroll_change`;
/// a release followed by a hire (cost 6) can trade a teacher of one pair for one of another
/// pair, which every hand computation below takes into account.
@Suite struct EdgeCaseTests {
    fileprivate static func row(_ school: String, _ subject: String, teachers: Int, leaving: Int = 0,
                                required: Double) -> StaffRow {
        StaffRow(schoolID: school, subject: subject, teachers: teachers, leaving: leaving, required: required)
    }

    /// Staff after the plan n and shortage u of one pair.
    fileprivate static func pair(_ scenario: Scenario, _ result: Planner.Result, _ school: String, _ subject: String,
                                 sourceLocation: SourceLocation = #_sourceLocation) throws -> (after: Double, shortage: Double) {
        let instance = Instance(scenario)
        let s = try #require(instance.schoolIndex[school], sourceLocation: sourceLocation)
        let a = try #require(instance.subjectIndex[subject], sourceLocation: sourceLocation)
        let p = try #require(instance.pairIndex(school: s, subject: a), sourceLocation: sourceLocation)
        let check = try #require(result.check, sourceLocation: sourceLocation)
        return (check.staffAfter[p], check.shortages[p])
    }

    /// True when no action of the plan names the school.
    fileprivate static func untouched(_ school: String, _ plan: Plan) -> Bool {
        plan.actions.allSatisfy { $0.from != school && $0.to != school }
    }
}

// MARK: (1) A single school

extension EdgeCaseTests {
    /// One school, priority 2: math t 4, leaving 2, r 3.5 (staying 2, short 1.5);
    /// english t 2, r 1 (1 spare). W0 = 2 x 1.5 = 3.
    /// payroll_change 0: hires - releases <= 2 leavers. Math needs ceil(3.5) = 4, so 2 hires:
    /// W = 0, C = 2 x hire 1 = 2. Payroll 6 -> 2 + 2 (math) + 2 (english) = 6.
    @Test func singleSchoolHiresWithinPayroll() throws {
        let s = Scenario(schools: [school("A", priority: 2)],
                         staff: [Self.row("A", "math", teachers: 4, leaving: 2, required: 3.5),
                                 Self.row("A", "english", teachers: 2, required: 1)])
        let (w0, w, c, result) = try solved(s)
        #expect(same(w0, 3) && same(w, 0) && same(c, 2), "W0 \(w0) W \(w) C \(c)")
        #expect(result.plan.actions == [.hire(at: "A", subject: "math", teachers: 2)])
        #expect(result.check?.payrollBefore == 6)
        #expect(result.check?.payrollAfter == 6)
        #expect(result.check?.transfers == 0 && result.check?.releases == 0)
    }

    /// One school, priority 2: math t 4, leaving 1, r 3.5 (staying 3, short 0.5); english
    /// t 3, r 1 (2 spare). W0 = 2 x 0.5 = 1. payroll_change -2: hires - releases <= 1 - 2 = -1.
    /// W = 0 needs math n >= 4: one hire, so at least 2 releases; the 2 spare english teachers
    /// cost no shortage. C = 2 x 5 + 1 = 11 (one release alone: W 1, C 5; W comes first).
    /// Payroll 7 -> math 4 + english 1 = 5 (= 7 - 2).
    @Test func singleSchoolPayrollCutReleasesTheSpareToFundAHire() throws {
        let s = Scenario(schools: [school("A", priority: 2)],
                         staff: [Self.row("A", "math", teachers: 4, leaving: 1, required: 3.5),
                                 Self.row("A", "english", teachers: 3, required: 1)],
                         policy: Policy(payrollChange: -2))
        let (w0, w, c, result) = try solved(s)
        #expect(same(w0, 1) && same(w, 0) && same(c, 11), "W0 \(w0) W \(w) C \(c)")
        #expect(result.plan.actions == [.hire(at: "A", subject: "math", teachers: 1),
                                        .release(at: "A", subject: "english", teachers: 2)])
        #expect(result.check?.payrollBefore == 7)
        #expect(result.check?.payrollAfter == 5)
        #expect(try Self.pair(s, result, "A", "math") == (4, 0))
        #expect(try Self.pair(s, result, "A", "english") == (1, 0))
    }

    /// One school: english t 2, r 2; math t 1, r 0.5. No spare, no hiring, payroll_change -1:
    /// one release. Releasing english costs 1 of shortage, math only 0.5: W0 = 0, W = 0.5,
    /// C = 5. Payroll 3 -> 2.
    @Test func singleSchoolCutDeeperThanTheSurplusReleasesWhereItHurtsLeast() throws {
        let s = Scenario(schools: [school("A")],
                         staff: [Self.row("A", "english", teachers: 2, required: 2),
                                 Self.row("A", "math", teachers: 1, required: 0.5)],
                         policy: Policy(payrollChange: -1, hiring: false))
        let (w0, w, c, result) = try solved(s)
        #expect(same(w0, 0) && same(w, 0.5) && same(c, 5), "W0 \(w0) W \(w) C \(c)")
        #expect(result.plan.actions == [.release(at: "A", subject: "math", teachers: 1)])
        #expect(result.check?.payrollAfter == 2)
    }

    /// One school, latin t 2, leaving 1, r 0; payroll_change -2 = -(all teachers): hires -
    /// releases <= 1 - 2 = -1, so the one staying teacher is released: payroll 2 -> 0.
    /// W0 = W = 0, C = 5 (hiring allowed, but nothing is required).
    @Test func singleSchoolCutToAnEmptyPayroll() throws {
        let s = Scenario(schools: [school("A")],
                         staff: [Self.row("A", "latin", teachers: 2, leaving: 1, required: 0)],
                         policy: Policy(payrollChange: -2))
        let (w0, w, c, result) = try solved(s)
        #expect(same(w0, 0) && same(w, 0) && same(c, 5), "W0 \(w0) W \(w) C \(c)")
        #expect(result.plan.actions == [.release(at: "A", subject: "latin", teachers: 1)])
        #expect(result.check?.payrollBefore == 2)
        #expect(result.check?.payrollAfter == 0)
    }

    /// The degenerate scenario: one school with zero classes and zero teachers, nothing
    /// required, room to hire 5. W0 = W = 0, C = 0, no action, payroll 0 -> 0.
    @Test(arguments: [0, 5])
    func singleEmptySchoolSolvesToAnEmptyPlan(_ payrollChange: Int) throws {
        let s = Scenario(schools: [school("Z", classes: 0)],
                         staff: [Self.row("Z", "english", teachers: 0, required: 0)],
                         policy: Policy(payrollChange: payrollChange))
        let (w0, w, c, result) = try solved(s)
        #expect(w0 == 0 && w == 0 && c == 0)
        #expect(result.plan.actions.isEmpty)
        #expect(result.check?.payrollBefore == 0 && result.check?.payrollAfter == 0)
    }
}

// MARK: (2) A school with zero classes and zero teachers among others

extension EdgeCaseTests {
    enum EmptySchool: String, CaseIterable, Sendable {
        /// The scenario without Z.
        case absent
        /// Z with a staff row english t 0, r 0.
        case staffRow
        /// Z with no staff row at all: no pair.
        case noRow
        /// Z with no staff row, norms primary english 1 per class: r = 0 classes x 1 = 0.
        case fromNorms
    }

    /// A english t 3, leaving 1, r 1 (staying 2, 1 spare); B english r 1; C (priority 3)
    /// english r 1. Leavers 1, payroll_change 0: at most 1 hire. Distances A-B 10 km,
    /// A-C 30 km, per_km 0.1, hire 3. W0 = 1 + 3 x 1 = 4.
    /// W = 0 needs 2 teachers: the spare one and one hire.
    ///   A->B (1 + 0.1 x 10 = 2) + hire C (3) = 5;  A->C (1 + 3 = 4) + hire B (3) = 7;
    ///   release A's spare (5) + 2 hires (6) = 11.  So C = 5, payroll 3 -> 1 + 1 + 1 = 3.
    /// Z (0 classes, 0 teachers, 1 km from A and B) changes none of it: it neither sends
    /// (no teacher) nor receives (nothing required).
    @Test(arguments: EmptySchool.allCases)
    func emptySchoolNeitherSendsNorReceives(_ variant: EmptySchool) throws {
        var schools = [school("A"), school("B"), school("C", priority: 3)]
        var staff = [Self.row("A", "english", teachers: 3, leaving: 1, required: 1),
                     Self.row("B", "english", teachers: 0, required: 1),
                     Self.row("C", "english", teachers: 0, required: 1)]
        var distances = [DistanceRow(from: "A", to: "B", km: 10), DistanceRow(from: "A", to: "C", km: 30)]
        var norms: [NormRow]? = nil
        if variant != .absent {
            schools.insert(school("Z", classes: 0), at: 0)
            distances += [DistanceRow(from: "Z", to: "A", km: 1), DistanceRow(from: "Z", to: "B", km: 1)]
        }
        switch variant {
        case .staffRow: staff.append(Self.row("Z", "english", teachers: 0, required: 0))
        case .fromNorms: norms = [NormRow(level: "primary", subject: "english", perClass: 1)]
        case .absent, .noRow: break
        }
        let s = Scenario(schools: schools, staff: staff, norms: norms, distances: distances,
                         costs: Costs(perKm: 0.1, hire: 3))
        let (w0, w, c, result) = try solved(s)
        #expect(same(w0, 4) && same(w, 0) && same(c, 5), "W0 \(w0) W \(w) C \(c)")
        #expect(result.plan.actions == [.transfer(from: "A", to: "B", subject: "english", teachers: 1, km: 10),
                                        .hire(at: "C", subject: "english", teachers: 1)])
        #expect(result.check?.payrollBefore == 3 && result.check?.payrollAfter == 3)
        #expect(Self.untouched("Z", result.plan))
        let instance = Instance(s)
        let zPairs = instance.schoolIndex["Z"].map { instance.pairRanges[$0].count }
        switch variant {
        case .absent: #expect(zPairs == nil)
        case .noRow: #expect(zPairs == 0)
        case .staffRow, .fromNorms:
            #expect(zPairs == 1)
            #expect(try Self.pair(s, result, "Z", "english") == (0, 0))
        }
    }
}

// MARK: (3) Every school in its own area

extension EdgeCaseTests {
    /// Four schools, four areas, all primary. english: A t 3, r 1 (2 spare); B r 1;
    /// C (priority 2) r 2; D (priority 1.5) t 1, leaving 1, r 1. Leavers 1, payroll_change 0:
    /// hires - releases <= 1. Distances A-B 5, A-C 10, A-D 20 km, per_km 0.1.
    /// W0 = B 1 + C 2 x 2 + D 1.5 x 1 = 6.5.
    static func ownAreas(_ scope: TransferScope) -> Scenario {
        Scenario(schools: [school("A", area: "a1"), school("B", area: "a2"), school("C", area: "a3", priority: 2),
                           school("D", area: "a4", priority: 1.5)],
                 staff: [row("A", "english", teachers: 3, required: 1), row("B", "english", teachers: 0, required: 1),
                         row("C", "english", teachers: 0, required: 2),
                         row("D", "english", teachers: 1, leaving: 1, required: 1)],
                 distances: [DistanceRow(from: "A", to: "B", km: 5), DistanceRow(from: "A", to: "C", km: 10),
                             DistanceRow(from: "A", to: "D", km: 20)],
                 policy: Policy(transferScope: scope), costs: Costs(perKm: 0.1))
    }

    /// transfer_scope area, every school alone in its area: no transfer is possible.
    /// With e releases at A, h <= 1 + e hires; a hire gains 2 at C (x2), 1.5 at D, 1 at B;
    /// a release of A's 3rd teacher loses 1.
    ///   e 0, h 1 (C): W = 1 + 2 + 1.5 = 4.5;  e 2, h 3 (C 2, D 1): W = 1 (B), C = 2 x 5 + 3 = 13;
    ///   e 3, h 4 (C 2, D 1, B 1): W = 1 (A), C = 19.  So W = 1, C = 13. Payroll 4 -> 1 + 2 + 1 = 4.
    @Test func ownAreasWithAreaScopeOnlyHireAndRelease() throws {
        let s = Self.ownAreas(.area)
        let (w0, w, c, result) = try solved(s)
        #expect(same(w0, 6.5) && same(w, 1) && same(c, 13), "W0 \(w0) W \(w) C \(c)")
        #expect(result.plan.actions == [.hire(at: "C", subject: "english", teachers: 2),
                                        .hire(at: "D", subject: "english", teachers: 1),
                                        .release(at: "A", subject: "english", teachers: 2)])
        #expect(result.check?.transfers == 0)
        #expect(result.check?.payrollBefore == 4 && result.check?.payrollAfter == 4)
        #expect(try Self.pair(s, result, "B", "english") == (0, 1))
    }

    /// The same with transfer_scope any: A may send x, release e with x + e <= 2 (else A
    /// falls short at weight 1, which gains at most B's weight 1), hire h <= 1 + e: at most
    /// 3 teachers for B, C, D, best given to C (2) and D (1): W = 1 (B).
    /// Cheapest: A->C costs 1 + 0.1 x 10 = 2, A->D 3, hire 1, release 5:
    ///   A->C 2 (4) + hire D (1) = 5;  A->C + A->D + hire C = 6;  e > 0 costs 5 more. C = 5.
    @Test func ownAreasWithAnyScopeTransfer() throws {
        let s = Self.ownAreas(.any)
        let (w0, w, c, result) = try solved(s)
        #expect(same(w0, 6.5) && same(w, 1) && same(c, 5), "W0 \(w0) W \(w) C \(c)")
        #expect(result.plan.actions == [.transfer(from: "A", to: "C", subject: "english", teachers: 2, km: 10),
                                        .hire(at: "D", subject: "english", teachers: 1)])
        #expect(result.check?.payrollBefore == 4 && result.check?.payrollAfter == 4)
    }
}

// MARK: (4) A subject nobody teaches

extension EdgeCaseTests {
    /// A: english t 2, r 1 (1 spare); music t 0, r 1. B: english r 1; music r 0.75.
    /// Nobody teaches music. W0 = A 1 + B (1 + 0.75) = 2.75, of which music 1.75.
    static func nobodyTeachesMusic(hiring: Bool, payrollChange: Int) -> Scenario {
        Scenario(schools: [school("A"), school("B")],
                 staff: [row("A", "english", teachers: 2, required: 1), row("A", "music", teachers: 0, required: 1),
                         row("B", "english", teachers: 0, required: 1), row("B", "music", teachers: 0, required: 0.75)],
                 policy: Policy(payrollChange: payrollChange, hiring: hiring))
    }

    /// No hiring, or hiring with no payroll room (no leavers, payroll_change 0): the spare
    /// english teacher moves A->B (C = 1) and music stays short: W = 1 + 0.75 = 1.75, the
    /// music part of W0. (Hiring with room 0 could only trade a release for a hire: A's last
    /// english teacher (loss 1) for music at A (gain 1, a tie at cost 6) or B (gain 0.75).)
    @Test(arguments: [(false, 0), (false, 3), (true, 0)])
    func subjectNobodyTeachesStaysShortWithoutPayrollRoom(_ hiring: Bool, _ payrollChange: Int) throws {
        let s = Self.nobodyTeachesMusic(hiring: hiring, payrollChange: payrollChange)
        let (w0, w, c, result) = try solved(s)
        #expect(same(w0, 2.75) && same(w, 1.75) && same(c, 1), "W0 \(w0) W \(w) C \(c)")
        #expect(result.plan.actions == [.transfer(from: "A", to: "B", subject: "english", teachers: 1)])
        #expect(try Self.pair(s, result, "A", "music") == (0, 1))
        #expect(try Self.pair(s, result, "B", "music") == (0, 0.75))
        #expect(result.check?.payrollAfter == 2)
    }

    /// With payroll room the subject is hired for: room 1 -> music at A (gain 1 > 0.75):
    /// W = 0.75, C = 1 + 1 = 2; room 2 -> both: W = 0, C = 3. Payroll 2 -> 2 + room.
    @Test(arguments: [1, 2])
    func subjectNobodyTeachesIsHiredForWithPayrollRoom(_ payrollChange: Int) throws {
        let s = Self.nobodyTeachesMusic(hiring: true, payrollChange: payrollChange)
        let (w0, w, c, result) = try solved(s)
        var hires: [Plan.Action] = [.hire(at: "A", subject: "music", teachers: 1)]
        if payrollChange == 2 { hires.append(.hire(at: "B", subject: "music", teachers: 1)) }
        let expectedW = payrollChange == 1 ? 0.75 : 0
        #expect(same(w0, 2.75) && same(w, expectedW) && same(c, Double(1 + payrollChange)), "W0 \(w0) W \(w) C \(c)")
        #expect(result.plan.actions == [.transfer(from: "A", to: "B", subject: "english", teachers: 1)] + hires)
        #expect(result.check?.payrollAfter == Double(2 + payrollChange))
    }
}

// MARK: (5) A subject with teachers but required 0 everywhere

extension EdgeCaseTests {
    /// A: latin t 3, r 0; english t 2, r 2. B: english r 1; latin t 0, r -0 (a listed pair).
    /// W0 = 1 (B english; A has no spare english teacher). Payroll 5.
    static func unrequiredLatin(hiring: Bool, payrollChange: Int) -> Scenario {
        Scenario(schools: [school("A"), school("B")],
                 staff: [row("A", "latin", teachers: 3, required: 0), row("A", "english", teachers: 2, required: 2),
                         row("B", "english", teachers: 0, required: 1), row("B", "latin", teachers: 0, required: -0.0)],
                 policy: Policy(payrollChange: payrollChange, hiring: hiring))
    }

    /// No hiring. Cut 2: release latin 2 (no shortage): W = 1, C = 10, payroll 3.
    /// Cut 4: latin 3, then english 1 at A (+1 shortage): W = 2, C = 20, payroll 1.
    /// Latin is never transferred (nowhere requires it).
    @Test func unrequiredSubjectIsReleasedFirst() throws {
        var s = Self.unrequiredLatin(hiring: false, payrollChange: -2)
        var (w0, w, c, result) = try solved(s)
        #expect(same(w0, 1) && same(w, 1) && same(c, 10), "W0 \(w0) W \(w) C \(c)")
        #expect(result.plan.actions == [.release(at: "A", subject: "latin", teachers: 2)])
        #expect(result.check?.payrollAfter == 3)

        s.policy.payrollChange = -4
        (w0, w, c, result) = try solved(s)
        #expect(same(w0, 1) && same(w, 2) && same(c, 20), "W0 \(w0) W \(w) C \(c)")
        #expect(result.plan.actions == [.release(at: "A", subject: "english", teachers: 1),
                                        .release(at: "A", subject: "latin", teachers: 3)])
        #expect(result.check?.payrollAfter == 1)
        #expect(result.plan.actions.allSatisfy { $0.kind != .transfer })
    }

    /// Hiring, cut 1: hires - releases <= -1. W = 0 needs one english hire at B, so 2
    /// releases, both latin: C = 2 x 5 + 1 = 11. Payroll 5 -> 4.
    @Test func unrequiredSubjectFundsAHireUnderACut() throws {
        let s = Self.unrequiredLatin(hiring: true, payrollChange: -1)
        let (w0, w, c, result) = try solved(s)
        #expect(same(w0, 1) && same(w, 0) && same(c, 11), "W0 \(w0) W \(w) C \(c)")
        #expect(result.plan.actions == [.hire(at: "B", subject: "english", teachers: 1),
                                        .release(at: "A", subject: "latin", teachers: 2)])
        #expect(result.check?.payrollAfter == 4)
        #expect(try Self.pair(s, result, "B", "latin") == (0, 0))
    }

    /// With nothing to cut, latin teachers stay where they are: W = W0 = 1, C = 0.
    @Test func unrequiredSubjectIsLeftAloneWithoutACut() throws {
        let s = Self.unrequiredLatin(hiring: false, payrollChange: 0)
        let (w0, w, c, result) = try solved(s)
        #expect(same(w0, 1) && same(w, 1) && c == 0)
        #expect(result.plan.actions.isEmpty)
        #expect(try Self.pair(s, result, "A", "latin") == (3, 0))
    }
}

// MARK: (6) sharing: true

extension EdgeCaseTests {
    /// english: A t 3, r 1.25 (1.75 spare); B r 0.5; C (priority 2) r 0.75; D (priority 1.5)
    /// r 1. No hiring. W0 = 0.5 + 2 x 0.75 + 1.5 x 1 = 3.5.
    static func splitSurplus(sharing: Bool, maxOutShare: Double? = nil) -> Scenario {
        Scenario(schools: [school("A"), school("B"), school("C", priority: 2), school("D", priority: 1.5)],
                 staff: [row("A", "english", teachers: 3, required: 1.25), row("B", "english", teachers: 0, required: 0.5),
                         row("C", "english", teachers: 0, required: 0.75), row("D", "english", teachers: 0, required: 1)],
                 policy: Policy(hiring: false, maxOutShare: maxOutShare, sharing: sharing))
    }

    /// Whole teachers: a 1st teacher gains 1.5 (C or D), a 2nd 1.5 at A's cost 0.25 (A n 1 <
    /// 1.25), a 3rd would gain 0.5 (B) at a cost of 1: send 2, to C and D. W = 0.25 + 0.5 = 0.75,
    /// C = 2. Shared: C 0.75 and D 1 exactly (1.75 spare): W = 0.5 (B), C = 1.75; more would
    /// cost A 1 per unit for B's 1 per unit (same W, dearer).
    @Test func sharingSplitsTheSurplusExactly() throws {
        let whole = try solved(Self.splitSurplus(sharing: false))
        #expect(same(whole.w0, 3.5) && same(whole.w, 0.75) && same(whole.c, 2), "W \(whole.w) C \(whole.c)")
        #expect(whole.result.plan.actions == [.transfer(from: "A", to: "C", subject: "english", teachers: 1),
                                              .transfer(from: "A", to: "D", subject: "english", teachers: 1)])
        let shared = try solved(Self.splitSurplus(sharing: true))
        #expect(same(shared.w0, 3.5) && same(shared.w, 0.5) && same(shared.c, 1.75), "W \(shared.w) C \(shared.c)")
        let actions = shared.result.plan.actions
        try #require(actions.count == 2, "\(actions)")
        #expect(actions[0].from == "A" && actions[0].to == "C" && same(actions[0].teachers, 0.75))
        #expect(actions[1].from == "A" && actions[1].to == "D" && same(actions[1].teachers, 1))
        #expect(shared.result.check.map { same($0.payrollAfter, 3) } == true)
    }

    /// max_out_share 0.25 of A's 3 teachers = 0.75: whole teachers floor it to 0 (W = W0 = 3.5,
    /// C = 0); shared, 0.75 goes to C (gain 2 x 0.75 = 1.5 > D's 1.5 x 0.75): W = 2, C = 0.75.
    @Test func sharingWithAFractionalOutflowCap() throws {
        let whole = try solved(Self.splitSurplus(sharing: false, maxOutShare: 0.25))
        #expect(same(whole.w, 3.5) && whole.c == 0)
        #expect(whole.result.plan.actions.isEmpty)
        let shared = try solved(Self.splitSurplus(sharing: true, maxOutShare: 0.25))
        #expect(same(shared.w, 2) && same(shared.c, 0.75), "W \(shared.w) C \(shared.c)")
        let actions = shared.result.plan.actions
        try #require(actions.count == 1, "\(actions)")
        #expect(actions[0].kind == .transfer && actions[0].to == "C" && same(actions[0].teachers, 0.75))
    }

    /// A: english t 2, leaving 1, r 1.5: staying 1, short 0.5 (W0 0.5); room for 1 hire.
    /// Whole: hire 1, C = 1, payroll 2. Shared: hire 0.5, C = 0.5, payroll 1.5.
    @Test func sharingHiresHalfATeacher() throws {
        var s = Scenario(schools: [school("A")], staff: [Self.row("A", "english", teachers: 2, leaving: 1, required: 1.5)])
        var (w0, w, c, result) = try solved(s)
        #expect(same(w0, 0.5) && same(w, 0) && same(c, 1))
        #expect(result.plan.actions == [.hire(at: "A", subject: "english", teachers: 1)])
        #expect(result.check?.payrollAfter == 2)
        s.policy.sharing = true
        (w0, w, c, result) = try solved(s)
        #expect(same(w0, 0.5) && same(w, 0) && same(c, 0.5), "W \(w) C \(c)")
        #expect(result.plan.actions.count == 1 && result.plan.actions.first.map { same($0.teachers, 0.5) } == true)
        #expect(result.check.map { same($0.payrollAfter, 1.5) } == true)
    }
}

// MARK: (7) max_out_share 0 and max_distance_km 0

extension EdgeCaseTests {
    /// english: A t 3, r 1 (2 spare); B r 1. W0 = 1. max_out_share 0: A may send nobody.
    /// No hiring: W = 1, C = 0. Hiring, payroll_change 0: release at A (5) + hire at B (1) is
    /// not a transfer and is not capped: W = 0, C = 6, payroll 3.
    @Test func zeroOutShareStopsEverySender() throws {
        var s = Scenario(schools: [school("A"), school("B")],
                         staff: [Self.row("A", "english", teachers: 3, required: 1),
                                 Self.row("B", "english", teachers: 0, required: 1)],
                         policy: Policy(hiring: false, maxOutShare: 0))
        var (w0, w, c, result) = try solved(s)
        #expect(same(w0, 1) && same(w, 1) && c == 0)
        #expect(result.plan.actions.isEmpty)
        s.policy.hiring = true
        (w0, w, c, result) = try solved(s)
        #expect(same(w, 0) && same(c, 6), "W \(w) C \(c)")
        #expect(result.plan.actions == [.hire(at: "B", subject: "english", teachers: 1),
                                        .release(at: "A", subject: "english", teachers: 1)])
        #expect(result.check?.payrollAfter == 3)
    }

    /// A (21, 107) has 3 spare english teachers; B (no coordinates, listed 0 km from A),
    /// C (21, 107.01: about 1.04 km), D (no coordinates, not listed: unknown), E (same point
    /// as A: 0 km) each need 1; C has priority 2. W0 = 1 + 2 + 1 + 1 = 5. per_km 1, no hiring.
    /// max_distance_km 0: C is out of reach; B, D, E take one each at 1 + 1 x 0: W = 2, C = 3.
    /// max_distance_km 2: C first (weight 2), then two of B, D, E (all cost 1): W = 1,
    /// C = 3 + km(A, C).
    @Test func zeroDistanceCapAllowsOnlyZeroAndUnknownDistances() throws {
        var s = Scenario(schools: [school("A", lat: 21, lon: 107), school("B"), school("C", lat: 21, lon: 107.01, priority: 2),
                                   school("D"), school("E", lat: 21, lon: 107)],
                         staff: [Self.row("A", "english", teachers: 4, required: 1)]
                             + ["B", "C", "D", "E"].map { Self.row($0, "english", teachers: 0, required: 1) },
                         distances: [DistanceRow(from: "B", to: "A", km: 0)],
                         policy: Policy(hiring: false, maxDistanceKm: 0), costs: Costs(perKm: 1))
        var (w0, w, c, result) = try solved(s)
        #expect(same(w0, 5) && same(w, 2) && same(c, 3), "W0 \(w0) W \(w) C \(c)")
        #expect(result.plan.actions == [.transfer(from: "A", to: "B", subject: "english", teachers: 1, km: 0),
                                        .transfer(from: "A", to: "D", subject: "english", teachers: 1, km: nil),
                                        .transfer(from: "A", to: "E", subject: "english", teachers: 1, km: 0)])
        s.policy.maxDistanceKm = 2
        (w0, w, c, result) = try solved(s)
        let km = Geo.haversineKm(lat1: 21, lon1: 107, lat2: 21, lon2: 107.01)
        #expect(km > 1 && km < 1.1)
        #expect(same(w, 1) && same(c, 3 + km), "W \(w) C \(c)")
        #expect(result.plan.actions.contains(.transfer(from: "A", to: "C", subject: "english", teachers: 1, km: km)))
    }
}

// MARK: -0

extension EdgeCaseTests {
    /// -0 wherever a number >= 0 may be: required, km, per_km and max_distance_km. All act as
    /// 0: A (1 spare english) -> B (listed -0 km, allowed under a -0 cap) at 1 + (-0) x (-0) = 1;
    /// C's music requirement -0 is none. W0 = 1, W = 0, C = 1.
    @Test func negativeZeroNumbersActAsZero() throws {
        let s = Scenario(schools: [school("A", lat: 20, lon: 106), school("B", lat: 20, lon: 107), school("C")],
                         staff: [Self.row("A", "english", teachers: 2, required: 1),
                                 Self.row("B", "english", teachers: 0, required: 1),
                                 Self.row("C", "music", teachers: 0, required: -0.0)],
                         distances: [DistanceRow(from: "A", to: "B", km: -0.0)],
                         policy: Policy(hiring: false, maxDistanceKm: -0.0), costs: Costs(perKm: -0.0))
        let (w0, w, c, result) = try solved(s)
        #expect(same(w0, 1) && same(w, 0) && same(c, 1), "W0 \(w0) W \(w) C \(c)")
        #expect(result.plan.actions == [.transfer(from: "A", to: "B", subject: "english", teachers: 1, km: 0)])
        #expect(try Self.pair(s, result, "C", "music") == (0, 0))
    }
}
