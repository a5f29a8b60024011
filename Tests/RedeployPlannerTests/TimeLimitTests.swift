import Foundation
import RedeployDomain
import RedeployTestSupport
import Testing
@testable import RedeployPlanner

/// `--time-limit` on each solve path: a case that needs far more than 1 s returns within the
/// limit plus a second, with status time_limit and, where a plan was found, a checked one.
/// What no solver can interrupt (reading, building the model) is measured by the same call
/// with no time at all, and allowed on top.
@Suite(.serialized) struct TimeLimitTests {
    static func timed<T>(_ body: () throws -> T) rethrows -> (T, Double) {
        let clock = ContinuousClock()
        let start = clock.now
        let value = try body()
        let d = clock.now - start
        return (value, Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18)
    }

    /// The solve with a 1 s limit against the same solve with none left. Other suites run
    /// beside this one and can slow either measurement by seconds, so a pair over the allowance
    /// is measured once more and the closer pair kept: a solver that ignores its limit is over
    /// both times.
    static func limited(_ instance: Instance) throws -> (Planner.Result, seconds: Double, fixed: Double) {
        func measure() throws -> (Planner.Result, seconds: Double, fixed: Double) {
            let (_, fixed) = try timed { try Planner(options: .init(timeLimit: 0)).solve(instance) }
            let (result, seconds) = try timed { try Planner(options: .init(timeLimit: 1)).solve(instance) }
            return (result, seconds, fixed)
        }
        let first = try measure()
        guard first.seconds > first.fixed + 2 else { return first }
        let second = try measure()
        return second.seconds - second.fixed < first.seconds - first.fixed ? second : first
    }

    static func expectWithinLimit(_ seconds: Double, fixed: Double, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(seconds <= fixed + 2, "took \(seconds) s, of which \(fixed) s before any solver runs",
                sourceLocation: sourceLocation)
    }

    /// 2,000 schools, no qualifications: a pure network, several seconds of network simplex in
    /// a debug build. The run is abandoned at the deadline; no plan yet (the command then
    /// writes the greedy plan, `SolveCommandTests`).
    @Test func networkSimplex() throws {
        let scenario = StressCase(province: nil, schools: 2_000, distancesWithinKm: nil, qualifications: false,
                                  maxOutShare: nil, sharing: false, payrollChange: 0, maxDistanceKm: 20, seed: 5).scenario
        let (result, seconds, fixed) = try Self.limited(Instance(scenario))
        #expect(result.status == .timeLimit)
        #expect(result.stages.isEmpty || result.stages == ["network"], "\(result.stages)")
        Self.expectWithinLimit(seconds, fixed: fixed)
    }

    /// 600 schools with qualifications and max_out_share 0.2: column generation over GLPK's LP.
    @Test func columnGeneration() throws {
        let scenario = StressCase(province: nil, schools: 600, distancesWithinKm: nil, qualifications: true,
                                  maxOutShare: 0.2, sharing: false, payrollChange: 0, maxDistanceKm: 30, seed: 600).scenario
        let (result, seconds, fixed) = try Self.limited(Instance(scenario))
        #expect(result.status == .timeLimit)
        Self.expectWithinLimit(seconds, fixed: fixed)
    }

    /// 20 schools whose maths, physics and natural-science requirements are coupled by chained
    /// qualifications (maths teaches physics, physics teaches natural science), with an outflow
    /// cap and no hiring: GLPK's branch-and-cut, even with `CoverageCuts`, does not prove it in
    /// 20 s (a gap of about 4% is left). Its best plan so far is checked and written.
    static func coupledScenario(schools count: Int, seed: UInt64) -> Scenario {
        var rng = SplitMix64(seed: seed)
        var schools: [School] = [], staff: [StaffRow] = []
        for s in 0..<count {
            let id = "S\(s)"
            schools.append(School(id: id, area: "A", level: "primary", classes: 4,
                                  latitude: 21 + Double.random(in: 0...0.3, using: &rng),
                                  longitude: 107 + Double.random(in: 0...0.3, using: &rng),
                                  priority: [1, 1.5, 2].randomElement(using: &rng)!))
            for subject in ["math", "physics", "natural_science"] {
                staff.append(StaffRow(schoolID: id, subject: subject, teachers: Int.random(in: 0...3, using: &rng),
                                      required: Double(Int.random(in: 0...300, using: &rng)) / 100))
            }
        }
        var policy = Policy(hiring: false)
        policy.maxOutShare = 0.34
        policy.qualifications = [Qualification(teacher: "math", teaches: "physics"),
                                 Qualification(teacher: "physics", teaches: "natural_science")]
        return Scenario(name: "coupled", schools: schools, staff: staff, policy: policy, costs: Costs(move: 1, perKm: 0.02))
    }

    @Test func branchAndCut() throws {
        let (result, seconds, fixed) = try Self.limited(Instance(Self.coupledScenario(schools: 20, seed: 1)))
        #expect(result.status == .timeLimit)
        #expect(result.stages.contains("mip"), "\(result.stages)")
        let check = try #require(result.check, "branch-and-cut keeps its incumbent")
        #expect(check.isValid)
        #expect(result.mipGap > 0)
        Self.expectWithinLimit(seconds, fixed: fixed)
    }

    /// The explanation's re-solves share one budget: each lift that no longer fits says
    /// time_limit, and the whole explanation ends within its limit plus a second. Without
    /// hiring no release and hire stand in for a transfer, so the gains and the lifts are
    /// GLPK's LPs on 600 schools, far beyond the second allowed.
    @Test func explanationReSolves() throws {
        var scenario = StressCase(province: nil, schools: 600, distancesWithinKm: nil, qualifications: true,
                                  maxOutShare: 0.2, sharing: false, payrollChange: 0, maxDistanceKm: 30, seed: 600).scenario
        scenario.policy.hiring = false
        let (_, fixed) = try Self.timed { try Explainer(options: .init(timeLimit: 0)).explain(scenario, weightedShortage: 0) }
        let (explanation, seconds) = try Self.timed {
            try Explainer(options: .init(timeLimit: 1)).explain(scenario, weightedShortage: 0)
        }
        #expect(!explanation.gainsComplete || explanation.limits.contains { $0.status == .timeLimit })
        Self.expectWithinLimit(seconds, fixed: fixed)
    }
}
