import LinearProgramming

/// Stage 2's network on stage 1's optimal face, and the whole network's flows from its flows.
/// An arc whose stage-1 reduced cost is not 0 is held at the bound complementary slackness puts
/// it at: either in place (its bounds closed on that value) or taken out of the network
/// (`HorizonNetworkSolver.Face`), which leaves LEMON fewer arcs to price.
struct NetworkFace {
    var network: FlowNetwork
    private let removed: HorizonNetworkSolver.Face?

    /// The face with every held arc taken out.
    init(removing whole: FlowNetwork, stageOne: FlowSolution, stageTwoCosts: [Double]) {
        let face = HorizonNetworkSolver.Face(whole, stageOne: stageOne, stageTwoCosts: stageTwoCosts)
        network = face.network
        removed = face
    }

    /// The face with every held arc in place; nil when an arc to hold at its upper bound has
    /// none (no optimum then: the caller lets GLPK decide).
    init?(holding whole: FlowNetwork, stageOne: FlowSolution, stageTwoCosts: [Double]) {
        network = whole
        network.costs = stageTwoCosts
        for a in 0..<whole.arcCount where stageOne.reducedCosts[a] != 0 {
            guard let bound = stageOne.reducedCosts[a] > 0 ? whole.lower[a] : whole.upper[a] else { return nil }
            network.lower[a] = bound
            network.upper[a] = bound
        }
        removed = nil
    }

    /// Which of the whole network's first `columns` arcs the face's reduced costs price at 0
    /// (an arc taken out of the face never is).
    func tight(_ faceReducedCosts: [Double], columns: Int) -> [Bool] {
        guard let removed else { return (0..<columns).map { faceReducedCosts[$0] == 0 } }
        var tight = [Bool](repeating: false, count: columns)
        for (k, a) in removed.kept.enumerated() where a < columns { tight[a] = faceReducedCosts[k] == 0 }
        return tight
    }

    /// The flow of every arc of the whole network.
    func flows(_ faceFlows: [Int64]) -> [Int64] {
        removed?.flows(faceFlows) ?? faceFlows
    }
}
