import Foundation
import RedeployDomain
import RedeployTestSupport
import Testing
@testable import RedeployPlanner

/// The literal horizon model (docs/MODEL.md sections 5 and 6): one year without retraining
/// is section 2's model, and hand-computed horizons give the W and C worked out in each comment.
/// Costs are move 1, per_km 0, hire 1, release 5 unless a test says otherwise.
@Suite struct HorizonDirectModelTests {
    static func row(_ school: String, _ subject: String, _ teachers: Int, leaving: Int = 0, required: Double) -> StaffRow {
        StaffRow(schoolID: school, subject: subject, teachers: teachers, leaving: leaving, required: required)
    }

    /// W and C of the literal model; the planner's plans (by the network where the horizon is
    /// one, and by GLPK alone), re-checked independently, must have the same.
    static func solve(_ scenario: Scenario, sourceLocation: SourceLocation = #_sourceLocation) throws -> (w: Double, c: Double) {
        let instance = HorizonInstance(scenario)
        let result = try HorizonDirectModel.solve(instance, timeLimit: 60)
        try #require(result.status == .optimal, "\(result.status)", sourceLocation: sourceLocation)
        for network in [true, false] {
            let planned = try HorizonPlanner(options: .init(networkSimplex: network)).solve(instance)
            #expect(planned.status == .optimal && planned.check.isValid, sourceLocation: sourceLocation)
            #expect(same(planned.check.weightedShortage, result.weightedShortage) && same(planned.check.cost, result.cost),
                    "planner (network \(network)): W \(planned.check.weightedShortage) C \(planned.check.cost)",
                    sourceLocation: sourceLocation)
        }
        return (result.weightedShortage, result.cost)
    }

    /// One year, no retraining: the same W and C as section 2's literal model, on the generated
    /// scenarios of `AgreementTests`.
    @Test(arguments: Array(1...40).filter { $0 != 94 })
    func oneYearIsSectionTwo(seed: Int) throws {
        let scenario = randomScenario(seed: UInt64(seed))
        let single = try DirectModel.solve(Instance(scenario), timeLimit: 60)
        try #require(single.status == .optimal)
        let (w, c) = try Self.solve(scenario)
        #expect(same(w, single.weightedShortage), "W \(w) against \(single.weightedShortage)")
        #expect(same(c, single.cost), "C \(c) against \(single.cost)")
    }

    /// Two years. B needs 1 maths teacher in 2025 and 3 in 2026 (growth); A has 3 and needs 1;
    /// hiring off. Two of A's teachers move to B (in 2025 or in 2026: A keeps 1 of 1 either way),
    /// and staff carry over, so n(B, 2026) = 3 with no second move: W = 0, C = 2 x move 1 = 2.
    @Test func growthMetByATransfer() throws {
        var scenario = Scenario(schools: [school("A"), school("B")],
                                staff: [Self.row("A", "math", 3, required: 1), Self.row("B", "math", 1, required: 1)],
                                costs: Costs(move: 1, perKm: 0, hire: 1, release: 5))
        scenario.policy.hiring = false
        scenario.horizon = Horizon(years: [2025, 2026], staffYears: [
            StaffYearRow(schoolID: "B", subject: "math", year: 2026, required: 3),
        ])
        let (w, c) = try Self.solve(scenario)
        #expect(same(w, 0) && same(c, 2), "W \(w) C \(c)")
    }

    /// A leaver replaced under a tight payroll path: A has 2 maths teachers for 2 needed, one of
    /// whom leaves at the start of 2026; the payroll may not grow (payroll_change 0), so the
    /// leaver's post pays for one hire in 2026: W = 0, C = 1. With the path cut by 1 in 2026
    /// (payroll_change {2026: -1}), the post is gone: A is short 1 in 2026, W = 1, C = 0.
    @Test(arguments: [(0, 0.0, 1.0), (-1, 1.0, 0.0)])
    func aLeaverReplacedUnderThePayrollPath(_ change2026: Int, _ w: Double, _ c: Double) throws {
        var scenario = Scenario(schools: [school("A")], staff: [Self.row("A", "math", 2, required: 2)],
                                costs: Costs(move: 1, perKm: 0, hire: 1, release: 5))
        scenario.horizon = Horizon(years: [2025, 2026],
                                   staffYears: [StaffYearRow(schoolID: "A", subject: "math", year: 2026, leaving: 1)],
                                   payrollChange: [2026: change2026])
        let got = try Self.solve(scenario)
        #expect(same(got.w, w) && same(got.c, c), "W \(got.w) C \(got.c)")
    }

    /// A teacher who leaves in 2026 is neither moved nor released before he leaves: A has 1
    /// maths teacher, needed 0, who leaves at the start of 2026; B needs 1 in 2025 and has none,
    /// hiring off. Without the rule he would move to B in 2025 (W 0 in 2025); with it B stays
    /// short 1 in 2025 and, after he has left, in 2026: W = 2, C = 0.
    @Test func aLaterLeaverIsNotMovedBeforeHeLeaves() throws {
        var scenario = Scenario(schools: [school("A"), school("B")],
                                staff: [Self.row("A", "math", 1, required: 0), Self.row("B", "math", 0, required: 1)],
                                costs: Costs(move: 1, perKm: 0, hire: 1, release: 5))
        scenario.policy.hiring = false
        scenario.horizon = Horizon(years: [2025, 2026],
                                   staffYears: [StaffYearRow(schoolID: "A", subject: "math", year: 2026, leaving: 1)])
        let (w, c) = try Self.solve(scenario)
        #expect(same(w, 2) && same(c, 0), "W \(w) C \(c)")
    }

    /// Retraining with a delay of 1 covers nothing in its first year: A (lower secondary) has 2
    /// spare maths teachers; P (preschool) needs 1 preschool teacher in both years and has none;
    /// hiring off. A course of 1 year (cost 3) started in 2025 covers P from 2026: W = 1 (2025
    /// only), C = 3 + move 1 = 4. With delay 0 the same course covers both years: W = 0, C = 4.
    @Test(arguments: [(1, 1.0), (0, 0.0)])
    func retrainingWithADelayCoversNothingInItsFirstYear(_ delay: Int, _ w: Double) throws {
        var scenario = Scenario(schools: [school("A", level: "lower_secondary"), school("P", level: "preschool")],
                                staff: [Self.row("A", "math", 2, required: 0), Self.row("P", "preschool", 0, required: 1)],
                                costs: Costs(move: 1, perKm: 0, hire: 1, release: 5))
        scenario.policy.hiring = false
        scenario.retraining = [RetrainingRow(fromLevel: "lower_secondary", fromSubject: "math", toLevel: "preschool",
                                             toSubject: "preschool", cost: 3, delay: delay)]
        scenario.horizon = Horizon(years: [2025, 2026])
        let got = try Self.solve(scenario)
        #expect(same(got.w, w) && same(got.c, 4), "W \(got.w) C \(got.c)")
    }

    /// A year weight decides which year's shortage is met. One spare maths teacher at A; B needs
    /// one in 2025 only, C one in 2026 only; hiring off. B and C lie 10 km west and east of A and
    /// max_distance_km is 15, so the teacher can reach B or C but not go on from B to C. Serving
    /// B leaves C short in 2026 (W = w(2026)); serving C leaves B short in 2025 (W = w(2025)).
    /// With 2026 weighing 3 the teacher goes to C, with 2025 weighing 3 to B: W = 1 both times
    /// (3 had the weight been ignored), C = 1 (one move).
    @Test(arguments: [[2026: 3.0], [2025: 3.0]])
    func aYearWeightDecidesWhichYearIsServed(_ weights: [Int: Double]) throws {
        var scenario = Scenario(schools: [school("A", lat: 21, lon: 107), school("B", lat: 21, lon: 106.9),
                                          school("C", lat: 21, lon: 107.1)],
                                staff: [Self.row("A", "math", 1, required: 0), Self.row("B", "math", 0, required: 1),
                                        Self.row("C", "math", 0, required: 0)],
                                costs: Costs(move: 1, perKm: 0, hire: 1, release: 5))
        scenario.policy.hiring = false
        scenario.policy.maxDistanceKm = 15
        scenario.horizon = Horizon(years: [2025, 2026], staffYears: [
            StaffYearRow(schoolID: "B", subject: "math", year: 2026, required: 0),
            StaffYearRow(schoolID: "C", subject: "math", year: 2026, required: 1),
        ], yearWeights: weights)
        let (w, c) = try Self.solve(scenario)
        #expect(same(w, 1), "W \(w)")
        #expect(same(c, 1), "C \(c): one move")
    }
}

/// Random horizons of 2 to 4 years on the generated scenarios of `AgreementTests`, made pure
/// networks (no qualifications, caps or sharing): leavers spread over the years, requirements
/// that grow or shrink, a payroll path, year weights, and retraining between the levels.
func randomHorizon(seed: UInt64) -> Scenario {
    var scenario = randomScenario(seed: seed)
    var rng = SplitMix64(seed: seed &* 7_919 &+ 17)
    scenario.policy.qualifications = []
    scenario.policy.maxOutShare = nil
    scenario.policy.sharing = false
    let count = Int.random(in: 2...4, using: &rng)
    let years = Array(2025..<(2025 + count))
    var staffYears: [StaffYearRow] = []
    for row in scenario.staff {
        var left = row.teachers - row.leaving
        for year in years.dropFirst() {
            let leaving = left > 0 && Int.random(in: 0..<3, using: &rng) == 0 ? 1 : 0
            left -= leaving
            let required = Bool.random(using: &rng) ? Double(Int.random(in: 0...400, using: &rng)) / 100 : nil
            if leaving > 0 || required != nil {
                staffYears.append(StaffYearRow(schoolID: row.schoolID, subject: row.subject, year: year,
                                               leaving: leaving, required: required))
            }
        }
    }
    var path: [Int: Int] = [:]
    for year in years.dropFirst() where Bool.random(using: &rng) { path[year] = Int.random(in: -2...1, using: &rng) }
    var weights: [Int: Double] = [:]
    for year in years where Int.random(in: 0..<3, using: &rng) == 0 { weights[year] = [0.5, 2, 3].randomElement(using: &rng)! }
    scenario.horizon = Horizon(years: years, staffYears: staffYears, payrollChange: path, yearWeights: weights)
    if Bool.random(using: &rng) {
        scenario.retraining = [
            RetrainingRow(fromLevel: "primary", fromSubject: "english", toLevel: "lower_secondary", toSubject: "math",
                          cost: 2, delay: Int.random(in: 0...1, using: &rng)),
            RetrainingRow(fromLevel: "primary", fromSubject: "math", toLevel: "primary", toSubject: "physics",
                          cost: 1.5, delay: Int.random(in: 0...2, using: &rng)),
        ]
    }
    return scenario
}

@Suite struct HorizonFlowModelTests {
    /// Compares the network's W and C with the literal model's where GLPK proves the literal
    /// one within `limit`; both must agree that a payroll path is infeasible. Returns whether
    /// the literal model was proven.
    static func agree(seed: Int, limit: Double) throws -> Bool {
        let scenario = randomHorizon(seed: UInt64(seed))
        let instance = HorizonInstance(scenario)
        let model = try #require(HorizonFlowModel(instance), "a pure network")
        let direct = try HorizonDirectModel.solve(instance, timeLimit: limit)
        switch try HorizonNetworkSolver.solve(model) {
        case let .optimal(result):
            guard direct.status == .optimal else {
                #expect(direct.status == .timeLimit, "seed \(seed): literal \(direct.status)")
                return false
            }
            #expect(same(result.weightedShortage, direct.weightedShortage),
                    "seed \(seed): W network \(result.weightedShortage), literal \(direct.weightedShortage)")
            #expect(same(result.cost, direct.cost), "seed \(seed): C network \(result.cost), literal \(direct.cost)")
            return true
        case .infeasible:
            #expect(direct.status == .infeasible, "seed \(seed): literal \(direct.status)")
            return direct.status == .infeasible
        case .outOfTime:
            Issue.record("seed \(seed): no limit was set")
            return false
        }
    }

    /// 120 random horizons, every literal model proven (in 30 s at most each).
    @Test func networkMatchesTheLiteralModel() throws {
        let proven = try (1...120).filter { try Self.agree(seed: $0, limit: 30) }.count
        #expect(proven == 120, "only \(proven) of 120 literal models proven")
    }

    /// The sample covers what it claims: several years, retraining, a payroll cut, infeasible paths.
    @Test func sampleCoversTheFeatures() throws {
        let scenarios = (1...120).map { randomHorizon(seed: UInt64($0)) }
        #expect(scenarios.contains { !$0.retraining.isEmpty })
        #expect(scenarios.contains { ($0.horizon?.years.count ?? 0) == 4 })
        #expect(scenarios.contains { $0.horizon?.payrollChange.values.contains { $0 < 0 } ?? false })
        #expect(scenarios.contains { $0.horizon?.yearWeights.isEmpty == false })
    }
}
