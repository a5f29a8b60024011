// The network simplex on integer-scaled costs: it ends, it is exact for the real costs, and it
// honours a time limit.
import Foundation
import Testing
@testable import LinearProgramming

/// The same min-cost flow as an LP for GLPK: a column per arc, an equality row per node.
func linearProgram(of network: FlowNetwork) -> LinearProgram {
    var p = LinearProgram(name: "flow")
    for supply in network.supplies { p.addRow(lower: Double(supply), upper: Double(supply)) }
    for a in 0..<network.arcCount {
        let j = p.addColumn(lower: Double(network.lower[a]), upper: network.upper[a].map(Double.init) ?? .infinity,
                            cost: network.costs[a])
        p.addEntry(row: Int(network.sources[a]), column: j, value: 1)
        p.addEntry(row: Int(network.targets[a]), column: j, value: -1)
    }
    return p
}

/// A flow meets its bounds and every node's balance.
func expectFeasible(_ flows: [Int64], _ network: FlowNetwork, _ what: String,
                    sourceLocation: SourceLocation = #_sourceLocation) {
    var balance = network.supplies
    for a in 0..<network.arcCount {
        #expect(flows[a] >= network.lower[a] && network.upper[a].map { flows[a] <= $0 } ?? true,
                "\(what): arc \(a) carries \(flows[a])", sourceLocation: sourceLocation)
        balance[Int(network.sources[a])] -= flows[a]
        balance[Int(network.targets[a])] += flows[a]
    }
    #expect(balance.allSatisfy { $0 == 0 }, "\(what): unbalanced \(balance)", sourceLocation: sourceLocation)
}

/// A random network of the shapes that made the old double-cost run loop (see
/// `NetworkSimplexTests.agreesWithGLPKOnRealCosts`), feasible whatever the seed.
func randomRealCostNetwork(seed: UInt64) -> FlowNetwork {
    var rng = SplitMix64(seed: 7_000 + seed)
    let nodes = Int.random(in: 3...40, using: &rng)
    var supplies = [Int64](repeating: 0, count: nodes)
    for v in 0..<nodes where Int.random(in: 0..<4, using: &rng) == 0 {
        supplies[v] = Int64.random(in: -5...5, using: &rng)
    }
    supplies[nodes - 1] -= supplies.reduce(0, +)
    let palette = (0..<4).map { _ in Double.random(in: 0..<3, using: &rng) }
    var net = FlowNetwork(supplies: supplies)
    for _ in 0..<(nodes * Int.random(in: 2...6, using: &rng)) {
        let u = Int.random(in: 0..<nodes, using: &rng), v = Int.random(in: 0..<nodes, using: &rng)
        guard u != v else { continue }
        let cost: Double
        switch Int.random(in: 0..<3, using: &rng) {
        case 0: cost = palette[Int.random(in: 0..<palette.count, using: &rng)]
        case 1: cost = 1 + 0.02 * Double.random(in: 0..<60, using: &rng)   // move + per_km * km
        default: cost = palette[0] * Double(Int.random(in: 0...3, using: &rng)) / 3
        }
        let upper: Int64? = Bool.random(using: &rng) ? Int64.random(in: 0...2, using: &rng) : nil
        net.addArc(from: u, to: v, upper: upper, cost: cost)
    }
    // Costly arcs to and from the last node keep every instance feasible.
    for v in 0..<(nodes - 1) {
        net.addArc(from: v, to: nodes - 1, cost: 50)
        net.addArc(from: nodes - 1, to: v, cost: 50)
    }
    return net
}

@Suite struct NetworkSimplexTests {
    /// Random networks of the shapes that made the old double-cost run loop: real costs from a
    /// few distinct values (ties), sums of such values (distance costs), many zero supplies
    /// (degenerate pivots) and capacities of 0 and 1. The network simplex must end, and its
    /// optimum must equal GLPK's on the same LP within 1e-9.
    @Test(arguments: 0..<150)
    func agreesWithGLPKOnRealCosts(seed: UInt64) throws {
        let net = randomRealCostNetwork(seed: seed)
        let flow = try NetworkSimplex.solve(net)
        try #require(flow.status == .optimal, "seed \(seed)")
        expectFeasible(flow.flows, net, "seed \(seed)")
        let lp = try GLPKSolver().solve(linearProgram(of: net),
                                        options: SolveOptions(kind: .relaxation, method: .dualSimplex, presolve: false))
        try #require(lp.status == .optimal)
        #expect(abs(flow.objective - lp.objective) <= 1e-9 * max(1, abs(lp.objective)),
                "seed \(seed): network \(flow.objective), GLPK \(lp.objective)")
    }

    /// S is the largest power of two with max |c| S (n + 2) <= 2^60: no potential can overflow,
    /// and the rounding of any cost moves its reduced cost by at most 1 / (2 S).
    @Test(arguments: [1e-12, 0.37, 1, 5, 1_234.5, 1e9])
    func costScaleIsTheLargestSafePowerOfTwo(largest: Double) {
        var net = FlowNetwork(supplies: [Int64](repeating: 0, count: 1000))
        net.addArc(from: 0, to: 1, cost: -largest)
        net.addArc(from: 1, to: 2, cost: largest / 3)
        let scale = NetworkSimplex.costScale(net)
        #expect(scale.significandBitPattern == 0, "a power of two: scaling is exact in binary")
        #expect(largest * scale * 1002 <= 0x1p60)
        #expect(largest * scale * 2 * 1002 > 0x1p60)
        #expect(NetworkSimplex.costScale(FlowNetwork(supplies: [0, 0])) == 1, "all costs 0")
    }

    /// When a network is so large in costs that S cannot tell two costs apart, the full-precision
    /// check refuses the flow instead of passing off a wrong one: 1.5 and 1.0 both round to 0 at
    /// S = 2^-3 (forced by an arc of cost 10^18 among 4 nodes), and whichever parallel arc
    /// carries the unit, its real reduced cost is not 0.
    @Test func aScaleTooCoarseToDecideIsRefused() {
        var net = FlowNetwork(supplies: [1, -1, 0, 0])
        net.addArc(from: 0, to: 1, cost: 1.5)
        net.addArc(from: 0, to: 1, cost: 1.0)
        net.addArc(from: 2, to: 3, upper: 0, cost: 1e18)
        #expect(NetworkSimplex.costScale(net) == 0x1p-3)
        #expect(throws: NetworkSimplex.SolveError.self) { try NetworkSimplex.solve(net) }
    }

    /// A transportation problem that takes far longer than 0.1 ms (65 ms and more even in a
    /// release build) is abandoned at its limit.
    @Test func stopsAtItsTimeLimit() throws {
        let side = 1_500
        var rng = SplitMix64(seed: 11)
        var net = FlowNetwork(supplies: (0..<(2 * side)).map { $0 < side ? 3 : -3 })
        for i in 0..<side {
            for _ in 0..<60 {
                net.addArc(from: i, to: side + Int.random(in: 0..<side, using: &rng), cost: Double.random(in: 0..<100, using: &rng))
            }
            net.addArc(from: i, to: side + i, cost: 1_000)
        }
        let clock = ContinuousClock()
        let start = clock.now
        let solution = try NetworkSimplex.solve(net, timeLimit: 0.0001)
        #expect(solution.status == .timeLimit)
        #expect(clock.now - start < .seconds(1))
        #expect(try NetworkSimplex.solve(net, timeLimit: 0).status == .timeLimit, "no time left: no run")
    }

    /// Hand-computed: two routes 0 -> 2, direct at 2.4 or through 1 at 1.2 + 1.2 (a tie in real
    /// numbers), capacity 1 through 1; 3 units: 2 x 2.4 + 2.4 = 7.2 whichever route.
    @Test func tiedRoutesGiveTheHandComputedCost() throws {
        var net = FlowNetwork(supplies: [3, 0, -3])
        net.addArc(from: 0, to: 2, cost: 2.4)
        net.addArc(from: 0, to: 1, upper: 1, cost: 1.2)
        net.addArc(from: 1, to: 2, cost: 1.2)
        let flow = try NetworkSimplex.solve(net)
        #expect(flow.status == .optimal)
        #expect(abs(flow.objective - 7.2) <= 1e-12)
        expectFeasible(flow.flows, net, "tie")
    }
}
