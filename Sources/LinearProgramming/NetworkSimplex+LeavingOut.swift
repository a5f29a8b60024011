extension NetworkSimplex {
    /// Solves `network` without the arcs `leftOut` marks, then prices each of them with the
    /// smaller network's potentials. When none has a negative reduced cost, the smaller
    /// network's flow with 0 on every arc left out is optimal for the whole network (its
    /// potentials are dual feasible there, and complementary slackness holds), and that is the
    /// result, indexed like `network`. nil when an arc left out prices below 0 within the
    /// tolerance every arc is checked with: then the smaller network proves nothing, and the
    /// caller solves another way. A status other than optimal is returned as it is.
    ///
    /// Why: a model may know that some arcs never help (a release and a hire stand in for every
    /// transfer in stage 1, say); the simplex's work grows with the arcs it prices, so leaving
    /// hundreds of thousands of them out is most of the solve, and the pricing here proves it.
    public static func solve(_ network: FlowNetwork, leavingOut leftOut: [Bool],
                             timeLimit: Double? = nil) throws(SolveError) -> FlowSolution? {
        precondition(leftOut.count == network.arcCount, "one flag per arc")
        var kept: [Int] = []
        var smaller = FlowNetwork(supplies: network.supplies)
        for a in 0..<network.arcCount where !leftOut[a] {
            kept.append(a)
            smaller.addArc(from: Int(network.sources[a]), to: Int(network.targets[a]), lower: network.lower[a],
                           upper: network.upper[a], cost: network.costs[a])
        }
        let part = try solve(smaller, timeLimit: timeLimit)
        guard part.status == .optimal else { return part }
        var flows = [Int64](repeating: 0, count: network.arcCount)
        var reducedCosts = [Double](repeating: 0, count: network.arcCount)
        for (k, a) in kept.enumerated() {
            flows[a] = part.flows[k]
            reducedCosts[a] = part.reducedCosts[k]
        }
        for a in 0..<network.arcCount where leftOut[a] {
            // At 0, an arc whose lower bound is above 0 would break its bounds: not provable here.
            guard network.lower[a] == 0 else { return nil }
            let cost = network.costs[a]
            let rc = cost + part.potentials[Int(network.sources[a])] - part.potentials[Int(network.targets[a])]
            let tolerance = 1e-9 * max(1, abs(cost))
            if rc < -tolerance { return nil }
            reducedCosts[a] = rc <= tolerance ? 0 : rc
        }
        return FlowSolution(status: .optimal, flows: flows, reducedCosts: reducedCosts, potentials: part.potentials,
                            objective: part.objective)
    }
}
