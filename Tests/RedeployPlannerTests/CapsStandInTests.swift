import RedeployDomain
import ScenarioGenerator
import Testing
@testable import RedeployPlanner

/// Outflow caps that bind, with hiring: stage 1 by the network simplex without transfers
/// (`Planner.capsStandIn`), stage 2 by GLPK on the face from that flow's basis. Held against
/// the literal model and against GLPK solving the same flow model from its own start.
@Suite struct CapsStandInTests {
    /// AgreementTests' random scenarios with hiring and an outflow cap of 0.2 (or 0.34):
    /// wherever the caps bind, the path is taken and W and C are the literal model's.
    @Test func agreesWithTheLiteralModel() throws {
        var taken = 0
        for seed in UInt64(1)...150 {
            var scenario = randomScenario(seed: seed)
            scenario.policy.hiring = true
            scenario.policy.maxOutShare = seed % 2 == 0 ? 0.2 : 0.34
            let instance = Instance(scenario)
            let fast = try Planner(options: .init(timeLimit: 60)).solve(instance)
            guard fast.stages.first == "network-without-transfers" else { continue }
            let direct = try DirectModel.solve(instance, timeLimit: 60,
                                               coverageCuts: AgreementTests.literalNeedsCuts.contains(Int(seed)))
            try #require(direct.status == .optimal, "seed \(seed): direct model \(direct.status)")
            try expectAgreement(fast, direct)
            taken += 1
        }
        #expect(taken >= 8, "taken \(taken)")
    }

    /// Generated provinces of 40 to 80 schools with caps of 0.05 and 0.1 (which bind), the path against
    /// GLPK on the same flow model (`networkSimplex: false`: stage 1 by the LP from the plan
    /// that does nothing): the same W and C, and a plan the checker accepts.
    @Test(arguments: [(40, 0.1, UInt64(5)), (60, 0.05, UInt64(6)), (80, 0.1, UInt64(7))])
    func agreesWithGLPKOnProvinces(schools: Int, share: Double, seed: UInt64) throws {
        var options = GeneratorOptions(schools: schools, areas: 3, seed: seed)
        options.qualifications = false
        options.policy.maxOutShare = share
        options.policy.maxDistanceKm = 30
        let instance = Instance(ScenarioGenerator.generate(options))
        let fast = try Planner(options: .init(timeLimit: 120)).solve(instance)
        let glpk = try Planner(options: .init(timeLimit: 120, networkSimplex: false)).solve(instance)
        #expect(fast.stages == ["network-without-transfers", "lp-face"])
        #expect(fast.status == .optimal && glpk.status == .optimal)
        let (a, b) = (try #require(fast.check), try #require(glpk.check))
        #expect(a.isValid)
        #expect(same(a.weightedShortage, b.weightedShortage), "W \(a.weightedShortage) vs \(b.weightedShortage)")
        #expect(same(a.cost, b.cost), "C \(a.cost) vs \(b.cost)")
    }

    /// Without hiring a release cannot stand in for a transfer: the LP path runs as before.
    @Test func withoutHiringTheLPDecides() throws {
        var options = GeneratorOptions(schools: 40, areas: 3, seed: 5)
        options.qualifications = false
        options.policy.maxOutShare = 0.1
        options.policy.hiring = false
        let result = try Planner(options: .init(timeLimit: 120)).solve(Instance(ScenarioGenerator.generate(options)))
        #expect(!result.stages.contains("network-without-transfers"))
        #expect(result.status == .optimal)
    }
}
