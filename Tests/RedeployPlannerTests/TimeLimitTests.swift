import Foundation
import RedeployDomain
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

    /// The solve with a 1 s limit against the same solve with none left.
    static func limited(_ instance: Instance) throws -> (Planner.Result, seconds: Double, fixed: Double) {
        let (_, fixed) = try timed { try Planner(options: .init(timeLimit: 0)).solve(instance) }
        let (result, seconds) = try timed { try Planner(options: .init(timeLimit: 1)).solve(instance) }
        return (result, seconds, fixed)
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

    /// AgreementTests' seed 94: requirements coupled by chained qualifications, which GLPK's
    /// branch-and-cut does not prove in minutes. Its best plan so far is checked and written.
    @Test func branchAndCut() throws {
        let (result, seconds, fixed) = try Self.limited(Instance(randomScenario(seed: 94)))
        #expect(result.status == .timeLimit)
        #expect(result.stages.contains("mip"), "\(result.stages)")
        let check = try #require(result.check, "branch-and-cut keeps its incumbent")
        #expect(check.isValid)
        #expect(result.mipGap > 0)
        Self.expectWithinLimit(seconds, fixed: fixed)
    }

    /// The explanation's re-solves share one budget: each lift that no longer fits says
    /// time_limit, and the whole explanation ends within its limit plus a second.
    @Test func explanationReSolves() throws {
        let scenario = StressCase(province: nil, schools: 600, distancesWithinKm: nil, qualifications: true,
                                  maxOutShare: 0.2, sharing: false, payrollChange: 0, maxDistanceKm: 30, seed: 600).scenario
        let (_, fixed) = try Self.timed { try Explainer(options: .init(timeLimit: 0)).explain(scenario, weightedShortage: 0) }
        let (explanation, seconds) = try Self.timed {
            try Explainer(options: .init(timeLimit: 1)).explain(scenario, weightedShortage: 0)
        }
        #expect(!explanation.gainsComplete || explanation.limits.contains { $0.status == .timeLimit })
        Self.expectWithinLimit(seconds, fixed: fixed)
    }
}
