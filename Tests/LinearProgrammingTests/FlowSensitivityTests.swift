// The worth of one more unit of supply, read off an optimal flow, against re-solving.
import Testing
@testable import LinearProgramming

@Suite struct FlowSensitivityTests {
    /// Node 0 supplies 2 to node 1 over an arc of cost 3 (capacity 2); node 2 is the sink,
    /// reachable from 0 and 1 at cost 0.
    /// - One more unit at 0 goes straight to the sink: change 0.
    /// - One more unit at 1 replaces one unit bought from 0 at cost 3: change -3 (the
    ///   residual path 1 -> 0 backward at -3, then 0 -> 2 at 0), although 1 -> 2 costs 0.
    /// - The sink itself: 0.
    @Test func handComputedChanges() throws {
        var net = FlowNetwork(supplies: [2, -2, 0])
        net.addArc(from: 0, to: 1, upper: 2, cost: 3)
        net.addArc(from: 0, to: 2, cost: 0)
        net.addArc(from: 1, to: 2, cost: 0)
        let solution = try NetworkSimplex.solve(net)
        #expect(solution.status == .optimal)
        #expect(solution.objective == 6)
        let changes = solution.unitCostsOfExtraSupply(net, sink: 2)
        #expect(changes == [0, -3, 0])
    }

    /// A node with no residual path to the sink: nil, and re-solving is infeasible.
    @Test func unreachableNodeIsNil() throws {
        var net = FlowNetwork(supplies: [1, -1, 0])
        net.addArc(from: 0, to: 1, upper: 1, cost: 1)
        let solution = try NetworkSimplex.solve(net)
        let changes = solution.unitCostsOfExtraSupply(net, sink: 2)
        #expect(changes[0] == nil && changes[1] == nil && changes[2] == 0)
        var more = net
        more.supplies[0] += 1
        more.supplies[2] -= 1
        #expect(try NetworkSimplex.solve(more).status == .infeasible)
    }

    /// On random networks with many zero costs (degenerate optima, where potentials are not
    /// unique) and negative supply changes too, every node's figure equals the change of the
    /// re-solved optimum.
    @Test(arguments: 0..<40)
    func agreesWithResolving(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        let nodes = Int.random(in: 4...9, using: &rng)
        let sink = nodes - 1
        var supplies = [Int64](repeating: 0, count: nodes)
        for v in 0..<(nodes - 1) { supplies[v] = Int64.random(in: -3...3, using: &rng) }
        supplies[sink] = -supplies.reduce(0, +)
        var net = FlowNetwork(supplies: supplies)
        for _ in 0..<(nodes * 3) {
            let u = Int.random(in: 0..<nodes, using: &rng), v = Int.random(in: 0..<nodes, using: &rng)
            guard u != v else { continue }
            let upper: Int64? = Bool.random(using: &rng) ? Int64.random(in: 0...4, using: &rng) : nil
            net.addArc(from: u, to: v, upper: upper, cost: Double(Int.random(in: 0...3, using: &rng)))
        }
        // Expensive uncapped arcs to and from the sink keep every instance feasible.
        for v in 0..<(nodes - 1) {
            net.addArc(from: v, to: sink, cost: 10)
            net.addArc(from: sink, to: v, cost: 10)
        }
        let solution = try NetworkSimplex.solve(net)
        try #require(solution.status == .optimal)
        let changes = solution.unitCostsOfExtraSupply(net, sink: sink)
        for v in 0..<nodes {
            var more = net
            more.supplies[v] += 1
            more.supplies[sink] -= 1
            let resolved = try NetworkSimplex.solve(more)
            switch resolved.status {
            case .optimal:
                let change = try #require(changes[v], "seed \(seed) node \(v): reachable but nil")
                #expect(abs(change - (resolved.objective - solution.objective)) <= 1e-9,
                        "seed \(seed) node \(v): \(change) vs \(resolved.objective - solution.objective)")
            case .infeasible:
                #expect(changes[v] == nil, "seed \(seed) node \(v)")
            case .unbounded, .timeLimit:
                Issue.record("seed \(seed): costs are >= 0 and no limit is set, got \(resolved.status)")
            }
        }
    }
}
