import Foundation
import RedeployDomain
import RedeployTestSupport
import Testing
@testable import RedeployPlanner

/// The roster's two changes to the aggregate model (docs/MODEL.md section 7): exempt teachers
/// never leave, and must_move teachers are transferred or retrained away in the first year.
/// Each case is worked out by hand, and the literal model, the network and GLPK alone agree.
@Suite struct RosterModelTests {
    static let costs = Costs(move: 1, perKm: 0, hire: 1, release: 5)

    /// W and C of the literal model; the planner's plans (network and GLPK), re-checked, agree.
    static func solve(_ scenario: Scenario, sourceLocation: SourceLocation = #_sourceLocation) throws -> (w: Double, c: Double) {
        let instance = HorizonInstance(scenario)
        let literal = try HorizonDirectModel.solve(instance, timeLimit: 60)
        try #require(literal.status == .optimal, "\(literal.status)", sourceLocation: sourceLocation)
        for network in [true, false] {
            let planned = try HorizonPlanner(options: .init(networkSimplex: network)).solve(instance)
            #expect(planned.check.isValid && same(planned.check.weightedShortage, literal.weightedShortage)
                    && same(planned.check.cost, literal.cost),
                    "network \(network): W \(planned.check.weightedShortage) C \(planned.check.cost)",
                    sourceLocation: sourceLocation)
        }
        return (literal.weightedShortage, literal.cost)
    }

    static func teachers(_ school: String, _ subject: String, _ count: Int, exempt: Int = 0, mustMove: Int = 0) -> [RosterRow] {
        (0..<count).map { k in
            RosterRow(teacherID: "\(school)\(k + 1)", schoolID: school, subject: subject,
                      exemptReason: k < exempt ? "illness" : "", mustMove: k >= exempt && k < exempt + mustMove)
        }
    }

    /// A has 3 maths teachers for 1 post, B none for 2; hiring off. Without exemptions two move:
    /// W 0, C 2. With 2 of A's exempt only one may go: B stays short 1, W 1, C 1.
    @Test(arguments: [(0, 0.0, 2.0), (2, 1.0, 1.0)])
    func exemptTeachersStay(_ exempt: Int, _ w: Double, _ c: Double) throws {
        var scenario = Scenario(schools: [school("A"), school("B")],
                                staff: [StaffRow(schoolID: "A", subject: "math", teachers: 3, leaving: 0, required: 1),
                                        StaffRow(schoolID: "B", subject: "math", teachers: 0, leaving: 0, required: 2)],
                                costs: Self.costs)
        scenario.policy.hiring = false
        scenario.roster = Self.teachers("A", "math", 3, exempt: exempt)
        let got = try Self.solve(scenario)
        #expect(same(got.w, w) && same(got.c, c), "W \(got.w) C \(got.c)")
    }

    /// An exempt teacher who leaves within the horizon is a later leaver, not a stayer: A has 2
    /// maths teachers for none, one exempt leaving at the start of 2026; B needs 1 in 2025 and
    /// 2 in 2026. The other moves in 2025 (C 1); the exempt one may not, and then leaves: W = 1
    /// (B short 1 in 2026), C 1.
    @Test func anExemptLeaverLeavesOnHisSchedule() throws {
        var scenario = Scenario(schools: [school("A"), school("B")],
                                staff: [StaffRow(schoolID: "A", subject: "math", teachers: 2, leaving: 0, required: 0),
                                        StaffRow(schoolID: "B", subject: "math", teachers: 0, leaving: 0, required: 1)],
                                costs: Self.costs)
        scenario.policy.hiring = false
        scenario.horizon = Horizon(years: [2025, 2026], staffYears: [
            StaffYearRow(schoolID: "A", subject: "math", year: 2026, leaving: 1),
            StaffYearRow(schoolID: "B", subject: "math", year: 2026, required: 2),
        ])
        scenario.roster = [RosterRow(teacherID: "A1", schoolID: "A", subject: "math", exemptReason: "age", leavingYear: 2026),
                           RosterRow(teacherID: "A2", schoolID: "A", subject: "math")]
        let instance = HorizonInstance(scenario)
        #expect(instance.pairs[0].exempt == 0 && instance.pairs[0].stayFloor == [1, 0])
        let got = try Self.solve(scenario)
        #expect(same(got.w, 1) && same(got.c, 1), "W \(got.w) C \(got.c)")
    }

    /// A and B each have 2 maths teachers for 2 posts: nothing to do, W 0, C 0. With one of A's
    /// teachers under a rotation rule (must_move) he goes to B, and one of B's comes to A in his
    /// place: W 0, C 2. Planned one year at a time, the rule binds the first year only.
    @Test func mustMoveForcesAMoveAndItsCost() throws {
        var scenario = Scenario(schools: [school("A"), school("B")],
                                staff: [StaffRow(schoolID: "A", subject: "math", teachers: 2, leaving: 0, required: 2),
                                        StaffRow(schoolID: "B", subject: "math", teachers: 2, leaving: 0, required: 2)],
                                costs: Self.costs)
        scenario.policy.hiring = false
        scenario.roster = Self.teachers("A", "math", 2) + Self.teachers("B", "math", 2)
        #expect(try Self.solve(scenario) == (0, 0))
        scenario.roster = Self.teachers("A", "math", 2, mustMove: 1) + Self.teachers("B", "math", 2)
        let got = try Self.solve(scenario)
        #expect(same(got.w, 0) && same(got.c, 2), "W \(got.w) C \(got.c)")
        // A plan without the move breaks the rule, and the checker says so.
        let check = HorizonPlanChecker.check(Plan(), against: HorizonInstance(scenario))
        #expect(check.violations.map(\.message) == [
            "must_move: school 'A' must transfer or retrain away 1 math teachers of its roster, the plan moves 0",
        ])
        scenario.horizon = Horizon(years: [2025, 2026])
        let myopic = try HorizonPlanner().solve(HorizonInstance(scenario), method: .myopic)
        #expect(myopic.plan.actions.allSatisfy { $0.year == 2025 } && same(myopic.check.cost, 2))
    }
}

/// Random horizons with random exempt and must_move teachers: the planner's plan, by the
/// network and by GLPK, re-checked, has the literal model's W and C; a horizon the network
/// finds no plan for is one the literal model finds infeasible.
@Suite struct RosterModelPropertyTests {
    static func withRoster(_ base: Scenario, seed: UInt64) -> Scenario {
        var scenario = base
        var rng = SplitMix64(seed: seed &* 31 &+ 7)
        let later = Dictionary(grouping: scenario.horizon?.staffYears ?? [], by: { "\($0.schoolID)/\($0.subject)" })
            .mapValues { $0.reduce(0) { $0 + ($1.leaving ?? 0) } }
        for row in scenario.staff {
            let staying = row.teachers - row.leaving - (later["\(row.schoolID)/\(row.subject)"] ?? 0)
            guard staying > 0 else { continue }
            let exempt = Int.random(in: 0...min(staying, 1), using: &rng)
            let mustMove = Int.random(in: 0..<3, using: &rng) == 0 ? min(1, staying - exempt) : 0
            for k in 0..<(exempt + mustMove) {
                scenario.roster.append(RosterRow(teacherID: "\(row.schoolID)-\(row.subject)-\(k)", schoolID: row.schoolID,
                                                 subject: row.subject, exemptReason: k < exempt ? "age" : "",
                                                 mustMove: k >= exempt))
            }
        }
        return scenario
    }

    @Test func plannerAgreesWithTheLiteralModel() throws {
        var compared = 0, refused = 0, forced = 0
        for seed in 1...60 {
            let scenario = Self.withRoster(randomHorizon(seed: UInt64(seed)), seed: UInt64(seed))
            let instance = HorizonInstance(scenario)
            if instance.pairs.contains(where: { $0.mustMove > 0 }) { forced += 1 }
            let literal = try HorizonDirectModel.solve(instance, timeLimit: 30)
            for network in [true, false] {
                do {
                    let planned = try HorizonPlanner(options: .init(timeLimit: 60, networkSimplex: network)).solve(instance)
                    try #require(literal.status == .optimal, "seed \(seed): literal \(literal.status)")
                    #expect(planned.check.isValid)
                    #expect(same(planned.check.weightedShortage, literal.weightedShortage)
                            && same(planned.check.cost, literal.cost),
                            "seed \(seed) network \(network): W \(planned.check.weightedShortage) against \(literal.weightedShortage), C \(planned.check.cost) against \(literal.cost)")
                    if network { compared += 1 }
                } catch is HorizonPlanner.HorizonError {
                    #expect(literal.status == .infeasible, "seed \(seed): literal \(literal.status)")
                    if network { refused += 1 }
                }
            }
        }
        #expect(compared >= 30 && refused >= 5 && forced >= 20, "compared \(compared), refused \(refused), with must_move \(forced)")
    }
}
