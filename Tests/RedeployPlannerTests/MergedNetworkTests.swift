import LinearProgramming
import RedeployDomain
import ScenarioGenerator
import Testing
@testable import RedeployPlanner

/// `FlowModel.mergedNetwork(stage:)`: requirements that only their own pair covers have their
/// C node merged into the pair's D node, with the same optima in both stages.
@Suite struct MergedNetworkTests {
    /// On AgreementTests' random scenarios that are networks, the merged network's stage-1
    /// optimum is the plain network's, and so is stage 2's on each one's own optimal face
    /// (the planner's lexicographic optimum). Most of them merge something.
    @Test func sameOptimaAsThePlainNetwork() throws {
        var merged = 0
        for seed in UInt64(1)...150 {
            let model = FlowModel(Instance(randomScenario(seed: seed)))
            guard let plain = model.network(stage: 1), let small = model.mergedNetwork(stage: 1) else { continue }
            #expect(small.arcCount == plain.arcCount && small.supplies.count == plain.supplies.count)
            if small.sources != plain.sources || small.targets != plain.targets { merged += 1 }
            let (a, b) = (try NetworkSimplex.solve(plain), try NetworkSimplex.solve(small))
            try #require(a.status == .optimal && b.status == .optimal, "seed \(seed)")
            #expect(same(a.objective, b.objective), "seed \(seed): W \(a.objective) vs \(b.objective)")
            let (c, d) = (try stageTwo(plain, a, model), try stageTwo(small, b, model))
            #expect(same(c, d), "seed \(seed): C \(c) vs \(d)")
        }
        #expect(merged >= 40, "merged \(merged)")
    }

    /// The planner with both reductions on every network (merged stage 1, stage 2 without the
    /// arcs held at a bound) against the literal model on AgreementTests' random scenarios.
    @Test func reducedPlannerAgreesWithTheLiteralModel() throws {
        var reduced = Planner(options: .init(timeLimit: 60))
        reduced.networkReductionFrom = 0
        var compared = 0
        for seed in 1...150 {
            let instance = Instance(randomScenario(seed: UInt64(seed)))
            let fast = try reduced.solve(instance)
            guard fast.stages.first == "network" else { continue }
            let direct = try DirectModel.solve(instance, timeLimit: 60,
                                               coverageCuts: AgreementTests.literalNeedsCuts.contains(seed))
            try #require(direct.status == .optimal, "seed \(seed): direct model \(direct.status)")
            try expectAgreement(fast, direct)
            compared += 1
        }
        #expect(compared >= 40, "compared \(compared)")
    }

    /// Without qualifications every requirement of a generated province merges: a third of the
    /// nodes carry nothing (LEMON never sees them), and the reduced planner's W and C are
    /// GLPK's.
    @Test func aProvinceWithoutQualifications() throws {
        var options = GeneratorOptions(schools: 60, areas: 3, seed: 8)
        options.qualifications = false
        options.policy.maxDistanceKm = 30
        let instance = Instance(ScenarioGenerator.generate(options))
        let model = FlowModel(instance)
        let small = try #require(model.mergedNetwork(stage: 1))
        var touched = Set<Int32>(small.sources)
        touched.formUnion(small.targets)
        #expect(small.supplies.count - touched.count == model.requirements.count)
        var reduced = Planner(options: .init(timeLimit: 120))
        reduced.networkReductionFrom = 0
        let fast = try reduced.solve(instance)
        let glpk = try Planner(options: .init(timeLimit: 120, networkSimplex: false)).solve(instance)
        #expect(fast.stages == ["network", "network-face"])
        let (a, b) = (try #require(fast.check), try #require(glpk.check))
        #expect(same(a.weightedShortage, b.weightedShortage) && same(a.cost, b.cost))
    }

    /// Stage 2's least cost on the optimal face of `one` (arcs with a non-zero reduced cost
    /// held at their bound).
    private func stageTwo(_ network: FlowNetwork, _ one: FlowSolution, _ model: FlowModel) throws -> Double {
        var face = network
        for a in 0..<face.arcCount {
            face.costs[a] = a < model.stageTwoCosts.count ? model.stageTwoCosts[a] : 0
            guard one.reducedCosts[a] != 0 else { continue }
            let bound = try #require(one.reducedCosts[a] > 0 ? network.lower[a] : network.upper[a])
            face.lower[a] = bound
            face.upper[a] = bound
        }
        let two = try NetworkSimplex.solve(face)
        try #require(two.status == .optimal)
        return two.objective
    }
}
