import LinearProgramming
import RedeployDomain
import RedeployTestSupport
import Testing
@testable import RedeployPlanner

/// Locks (docs/MODEL.md section 8): moves decided, moves refused, school caps and conflicts,
/// each with W and C worked out by hand and held against the literal model.
///
/// The province: A has 3 maths teachers and needs 1; B and C need 1 each and have none; D has
/// a maths post but needs nobody. No hiring, move cost 1, no distances. Unlocked, A sends one
/// teacher to B and one to C: W0 = 2, W = 0, C = 2.
@Suite struct LockTests {
    static func province(_ locks: [TransferLock]) -> Scenario {
        var scenario = Scenario(
            schools: [school("A"), school("B"), school("C"), school("D")],
            staff: [StaffRow(schoolID: "A", subject: "math", teachers: 3, required: 1),
                    StaffRow(schoolID: "B", subject: "math", teachers: 0, required: 1),
                    StaffRow(schoolID: "C", subject: "math", teachers: 0, required: 1),
                    StaffRow(schoolID: "D", subject: "math", teachers: 0, required: 0)],
            policy: Policy(hiring: false))
        scenario.locks = locks
        return scenario
    }

    static func lock(_ from: String?, _ to: String?, _ subject: String? = "math", min: Double = 0, max: Double? = nil,
                     year: Int? = nil, line: Int) -> TransferLock {
        TransferLock(fromSchool: from, toSchool: to, subject: subject, year: year, min: min, max: max,
                     source: "locks.csv:\(line)")
    }

    /// W and C of the fast planner, checked equal to the literal model's.
    func solvedAgreeing(_ scenario: Scenario, sourceLocation: SourceLocation = #_sourceLocation) throws
        -> (w: Double, c: Double, result: Planner.Result) {
        let (_, w, c, result) = try solved(scenario, sourceLocation: sourceLocation)
        let literal = try DirectModel.solve(Instance(scenario))
        #expect(literal.status == .optimal, sourceLocation: sourceLocation)
        #expect(same(literal.weightedShortage, w) && same(literal.cost, c),
                "literal W \(literal.weightedShortage) C \(literal.cost), fast W \(w) C \(c)",
                sourceLocation: sourceLocation)
        return (w, c, result)
    }

    @Test func unlockedBaseline() throws {
        let (w, c, _) = try solvedAgreeing(Self.province([]))
        #expect(same(w, 0) && same(c, 2))
    }

    @Test func aDecidedMoveIsMadeEvenWhereItCostsShortage() throws {
        // Two teachers A -> B are agreed: B gets both, C none. W = 1 (C), C = 2 moves.
        let (w, c, result) = try solvedAgreeing(Self.province([Self.lock("A", "B", min: 2, line: 2)]))
        #expect(same(w, 1) && same(c, 2))
        #expect(result.plan.actions == [.transfer(from: "A", to: "B", subject: "math", teachers: 2)])
        // One transfer bounded: still a network.
        #expect(result.stages == ["network", "network-face"])
    }

    @Test func aDecidedMoveWhereTheTeacherCoversNothingIsMade() throws {
        // D needs nobody, so no optimum without the lock would ever send there; with it, one
        // teacher goes to D, one to B or C: W = 1, C = 2.
        let (w, c, result) = try solvedAgreeing(Self.province([Self.lock("A", "D", min: 1, line: 2)]))
        #expect(same(w, 1) && same(c, 2))
        #expect(result.plan.actions.contains(.transfer(from: "A", to: "D", subject: "math", teachers: 1)))
    }

    @Test func aRefusedMoveIsNotMade() throws {
        // A -> C refused: only B is served. W = 1, C = 1.
        let (w, c, result) = try solvedAgreeing(Self.province([Self.lock("A", "C", min: 0, max: 0, line: 2)]))
        #expect(same(w, 1) && same(c, 1))
        #expect(result.plan.actions == [.transfer(from: "A", to: "B", subject: "math", teachers: 1)])
    }

    @Test func aSchoolThatSendsAtMostOne() throws {
        // `A,,,,0,1`: a side row over A's transfers (GLPK). W = 1, C = 1.
        let (w, c, result) = try solvedAgreeing(Self.province([Self.lock("A", nil, nil, max: 1, line: 2)]))
        #expect(same(w, 1) && same(c, 1))
        #expect(result.plan.actions.count == 1)
        #expect(!result.stages.contains("network"))
    }

    @Test func aSchoolThatReceivesNothing() throws {
        // `,B,,,0,0`: B takes nobody, C is served. W = 1, C = 1.
        let (w, c, result) = try solvedAgreeing(Self.province([Self.lock(nil, "B", nil, max: 0, line: 2)]))
        #expect(same(w, 1) && same(c, 1))
        #expect(result.plan.actions == [.transfer(from: "A", to: "C", subject: "math", teachers: 1)])
    }

    @Test func fractionalBoundsRoundInwardForWholeTeachers() throws {
        // min 0.5 means at least one teacher A -> D; max 1.7 at most one A -> B.
        let (w, c, result) = try solvedAgreeing(Self.province([Self.lock("A", "D", min: 0.5, line: 2),
                                                              Self.lock("A", "B", max: 1.7, line: 3)]))
        #expect(same(w, 1) && same(c, 2))
        #expect(result.plan.actions.contains(.transfer(from: "A", to: "D", subject: "math", teachers: 1)))
    }

    @Test func conflictingRowsAreNamed() throws {
        // Two to B are decided, but A may send at most one: rows 2 and 4 conflict; row 3
        // (nothing to D) is innocent.
        let locks = [Self.lock("A", "B", min: 2, line: 2), Self.lock("A", "D", max: 0, line: 3),
                     Self.lock("A", nil, nil, max: 1, line: 4)]
        #expect(throws: LockConflict.self) { try Planner().solve(Instance(Self.province(locks))) }
        do {
            _ = try Planner().solve(Instance(Self.province(locks)))
        } catch let conflict as LockConflict {
            #expect(conflict.rows == ["locks.csv:2", "locks.csv:4"])
            #expect(conflict.description.hasPrefix("infeasible: the locks cannot all hold: locks.csv:2, locks.csv:4"))
        }
    }

    @Test func aRowAskingForMoreThanTheSchoolHasIsNamedAlone() throws {
        // A has 3 teachers, 4 are asked to move to B.
        do {
            _ = try Planner().solve(Instance(Self.province([Self.lock("A", "B", min: 4, line: 7)])))
            Issue.record("no conflict reported")
        } catch let conflict as LockConflict {
            #expect(conflict.rows == ["locks.csv:7"])
        }
        // min 1.2 and max 1.8 leave no whole teacher: named before any solve.
        do {
            _ = try Planner().solve(Instance(Self.province([Self.lock("A", "B", min: 1.2, max: 1.8, line: 5)])))
            Issue.record("no conflict reported")
        } catch let conflict as LockConflict {
            #expect(conflict.rows == ["locks.csv:5"])
        }
    }

    @Test func theCheckerNamesABrokenLock() {
        let instance = Instance(Self.province([Self.lock("A", "C", max: 0, line: 3), Self.lock("A", "B", min: 1, line: 4)]))
        let plan = Plan(actions: [.transfer(from: "A", to: "C", subject: "math", teachers: 1)])
        let report = PlanChecker.check(plan, against: instance)
        #expect(report.violations.map(\.message) == [
            "lock locks.csv:3: 1 teacher transferred where it allows at most 0",
            "lock locks.csv:4: 0 teachers transferred where it asks for at least 1",
        ])
        #expect(report.violations[0].contributing == [0])
    }

    // MARK: Horizons

    /// Two years; B needs 1 from 2026 on. Unlocked the move is made in 2026 or 2025 at the
    /// same W = 0 (B's shortage counts in 2026 only) and C = 1.
    static func twoYears(_ locks: [TransferLock]) -> Scenario {
        var scenario = province(locks)
        scenario.staff = [StaffRow(schoolID: "A", subject: "math", teachers: 2, required: 1),
                          StaffRow(schoolID: "B", subject: "math", teachers: 0, required: 0)]
        scenario.schools = [school("A"), school("B")]
        scenario.horizon = Horizon(years: [2025, 2026], staffYears: [
            StaffYearRow(schoolID: "B", subject: "math", year: 2026, required: 1),
        ])
        return scenario
    }

    @Test func aHorizonLockOfOneYearIsAnArcBound() throws {
        // The move refused in 2026 is made in 2025: W = 0, C = 1, still a network.
        let instance = HorizonInstance(Self.twoYears([Self.lock("A", "B", max: 0, year: 2026, line: 2)]))
        let result = try HorizonPlanner().solve(instance)
        #expect(same(result.check.weightedShortage, 0) && same(result.check.cost, 1))
        #expect(result.plan.actions.map(\.year) == [2025])
        #expect(result.stages.first == "horizon-network")
        let literal = try HorizonDirectModel.solve(instance)
        #expect(same(literal.weightedShortage, 0) && same(literal.cost, 1))
    }

    @Test func aHorizonLockOverAllYears() throws {
        // `A,B,math,,0,0` over both years: B stays short in 2026: W = 1, C = 0 (literal model).
        let instance = HorizonInstance(Self.twoYears([Self.lock("A", "B", max: 0, line: 2)]))
        let result = try HorizonPlanner().solve(instance)
        #expect(same(result.check.weightedShortage, 1) && same(result.check.cost, 0))
        #expect(result.plan.actions.isEmpty)
        let myopic = try HorizonPlanner().solve(instance, method: .myopic)
        #expect(same(myopic.check.weightedShortage, 1) && myopic.plan.actions.isEmpty)
    }

    @Test func aHorizonConflictIsNamed() throws {
        // Decided in 2025 and refused over both years.
        let locks = [Self.lock("A", "B", min: 1, year: 2025, line: 2), Self.lock("A", "B", max: 0, line: 3)]
        do {
            _ = try HorizonPlanner().solve(HorizonInstance(Self.twoYears(locks)))
            Issue.record("no conflict reported")
        } catch let conflict as LockConflict {
            #expect(conflict.rows == ["locks.csv:2", "locks.csv:3"])
        }
    }

    // MARK: Generated

    /// One to three random lock rows on a random scenario of the agreement tests.
    static func randomLocks(_ scenario: Scenario, seed: UInt64) -> [TransferLock] {
        var rng = SplitMix64(seed: seed &* 7919)
        let schools = scenario.schools.map(\.id), subjects = Array(Set(scenario.staff.map(\.subject))).sorted()
        func maybe(_ values: [String]) -> String? {
            Double.random(in: 0...1, using: &rng) < 0.35 ? nil : values.randomElement(using: &rng)
        }
        return (0..<Int.random(in: 1...3, using: &rng)).map { k in
            let min = Double([0, 0, 1, 2].randomElement(using: &rng)!)
            let max: Double? = Bool.random(using: &rng) ? nil : min + Double(Int.random(in: 0...2, using: &rng))
            return TransferLock(fromSchool: maybe(schools), toSchool: maybe(schools), subject: maybe(subjects),
                                min: min, max: max, source: "locks.csv:\(k + 2)")
        }
    }

    /// The fast planner and the literal model agree on W and C under random locks; where the
    /// literal model has no plan, the planner names a conflict.
    @Test(arguments: AgreementTests.seeds.prefix(80))
    func locksAgreeWithTheLiteralModel(seed: Int) throws {
        var scenario = randomScenario(seed: UInt64(seed))
        scenario.locks = Self.randomLocks(scenario, seed: UInt64(seed))
        let instance = Instance(scenario)
        let direct = try DirectModel.solve(instance, timeLimit: 60, coverageCuts: AgreementTests.literalNeedsCuts.contains(seed))
        if direct.status == .infeasible {
            #expect(throws: LockConflict.self) { try Planner().solve(instance) }
            return
        }
        try #require(direct.status == .optimal, "direct model: \(direct.status)")
        try expectAgreement(try Planner().solve(instance), direct)
    }
}
