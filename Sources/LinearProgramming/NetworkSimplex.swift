import CNetworkFlow

/// A min-cost flow problem: integer supplies and bounds, real costs. For problems that are
/// pure networks, a network simplex is one to two orders of magnitude faster than a general
/// simplex (GLPK's simplex took 3.3 s on a 3000 x 3000 transportation problem that a network
/// code solves in hundredths), and its vertices are integral by construction.
public struct FlowNetwork: Sendable, Equatable {
    /// Supply of each node: flow out minus flow in (negative for a demand). Sums to 0.
    public var supplies: [Int64]
    public var sources: [Int32]
    public var targets: [Int32]
    public var lower: [Int64]
    /// Upper bound of each arc; nil for none.
    public var upper: [Int64?]
    public var costs: [Double]

    public init(supplies: [Int64] = []) {
        self.supplies = supplies
        sources = []
        targets = []
        lower = []
        upper = []
        costs = []
    }

    public var arcCount: Int { sources.count }

    @discardableResult
    public mutating func addArc(from: Int, to: Int, lower: Int64 = 0, upper: Int64? = nil, cost: Double = 0) -> Int {
        sources.append(Int32(clamping: from))
        targets.append(Int32(clamping: to))
        self.lower.append(lower)
        self.upper.append(upper)
        costs.append(cost)
        return sources.count - 1
    }

    /// Why a network cannot be solved; checked before the C++ code sees it.
    public enum NetworkError: Error, Equatable, CustomStringConvertible {
        case unbalanced(Int64)
        case badArc(Int, String)
        case tooLarge

        public var description: String {
            switch self {
            case let .unbalanced(sum): return "supplies sum to \(sum), not 0"
            case let .badArc(arc, why): return "arc \(arc): \(why)"
            case .tooLarge: return "more nodes or arcs than can be indexed"
            }
        }
    }

    public func validate() throws(NetworkError) {
        if supplies.count >= Int(Int32.max) || sources.count >= Int(Int32.max) { throw .tooLarge }
        var sum: Int64 = 0
        for s in supplies {
            let (next, overflow) = sum.addingReportingOverflow(s)
            if overflow { throw .tooLarge }
            sum = next
        }
        if sum != 0 { throw .unbalanced(sum) }
        let n = Int32(supplies.count)
        for a in sources.indices {
            if sources[a] < 0 || sources[a] >= n || targets[a] < 0 || targets[a] >= n { throw .badArc(a, "node out of range") }
            if !costs[a].isFinite { throw .badArc(a, "cost \(costs[a]) is not finite") }
            if lower[a] < 0 { throw .badArc(a, "negative lower bound") }
            if let u = upper[a], u < lower[a] { throw .badArc(a, "upper bound below lower bound") }
        }
    }
}

public struct FlowSolution: Sendable {
    public enum Status: Sendable, Equatable { case optimal, infeasible, unbounded, timeLimit }
    public var status: Status
    public var flows: [Int64]
    /// Reduced cost of each arc at the optimum: >= 0 where the flow can rise, <= 0 where it
    /// can fall (complementary slackness, checked when the solution was read).
    public var reducedCosts: [Double]
    /// Node potentials pi (LEMON's convention: reduced cost = cost + pi(u) - pi(v)).
    public var potentials: [Double]
    public var objective: Double

    public init(status: Status, flows: [Int64], reducedCosts: [Double], potentials: [Double], objective: Double) {
        self.status = status
        self.flows = flows
        self.reducedCosts = reducedCosts
        self.potentials = potentials
        self.objective = objective
    }

    static func without(_ status: Status) -> FlowSolution {
        FlowSolution(status: status, flows: [], reducedCosts: [], potentials: [], objective: .nan)
    }
}

/// LEMON's network simplex on integer costs, checked in full precision.
///
/// Why it always ends: LEMON's simplex keeps a strongly feasible spanning tree (the leaving arc
/// is the last blocking arc of the cycle, Cunningham 1976), which rules out cycling among
/// degenerate pivots, so it ends after finitely many pivots, provided every comparison it
/// makes is exact. Its header demands integer costs for that reason: with `double` costs the
/// potentials drift by rounding, a pivot can enter on a reduced cost that is negative only by
/// rounding, and a degenerate sequence can repeat forever (a 300-school province with a partial
/// distance table did, in `run()`). So costs are scaled by a power of two S and rounded to
/// integers c' = round(c S); supplies and bounds are integers already. With |c'| (n + 2) <= 2^60,
/// no potential (a sum of at most n costs along a tree path, plus LEMON's artificial cost 2^62)
/// overflows 64 bits.
///
/// Why the result is exact: the flow is optimal for c', proven by LEMON's integer potentials pi'.
/// For the real costs, pi = pi' / S gives reduced costs rc = rc' / S + (c - c' / S), off from
/// rc' / S by at most 1 / (2 S). Each arc's real rc is then checked against its flow
/// (complementary slackness, within 1e-9 of its cost); with S >= 2^29 the check cannot fail,
/// and where a huge network forces a smaller S and it does fail, the solve says `notOptimal`
/// and the caller solves the model otherwise (GLPK).
public enum NetworkSimplex {
    public enum SolveError: Error, CustomStringConvertible {
        case invalid(FlowNetwork.NetworkError)
        case failed
        case notOptimal

        public var description: String {
            switch self {
            case let .invalid(e): return "invalid network: \(e)"
            case .failed: return "the network simplex failed"
            case .notOptimal: return "the network simplex's duals do not prove its flow optimal"
            }
        }
    }

    /// Solves with LEMON's network simplex (candidate-list pivoting). Deterministic: the same
    /// network in the same arc order gives the same flow. With `timeLimit` (seconds) the run is
    /// abandoned past it and the status is `.timeLimit`; a limit of 0 or less is already past.
    public static func solve(_ network: FlowNetwork, timeLimit: Double? = nil) throws(SolveError) -> FlowSolution {
        do { try network.validate() } catch { throw .invalid(error) }
        if let timeLimit, !(timeLimit > 0) { return .without(.timeLimit) }
        let arcs = network.arcCount
        let scale = costScale(network)
        let scaled = network.costs.map { Int64(($0 * scale).rounded()) }
        var flows = [Int64](repeating: 0, count: arcs)
        let upper = network.upper.map { $0 ?? -1 }
        // Nodes with no arc and no supply are left out (a model's merged nodes, say): LEMON
        // would keep each in its spanning tree, on an artificial arc, for nothing.
        let nodes = ActiveNodes(network)
        var kept = [Int64](repeating: 0, count: nodes.supplies.count)
        let code = rd_min_cost_flow(Int32(nodes.supplies.count), nodes.supplies, Int32(arcs),
                                    nodes.sources ?? network.sources, nodes.targets ?? network.targets,
                                    network.lower, upper, scaled, timeLimit ?? 0, &flows, &kept)
        let potentials = nodes.expand(kept)
        switch Int(code) {
        case Int(RD_MCF_OPTIMAL): break
        case Int(RD_MCF_INFEASIBLE): return .without(.infeasible)
        case Int(RD_MCF_UNBOUNDED): return .without(.unbounded)
        case Int(RD_MCF_TIME_LIMIT): return .without(.timeLimit)
        default: throw .failed
        }
        let reduced = try reducedCosts(network, scaled: scaled, scale: scale, flows: flows, potentials: potentials)
        var objective = 0.0
        for a in 0..<arcs where flows[a] != 0 { objective += network.costs[a] * Double(flows[a]) }
        return FlowSolution(status: .optimal, flows: flows, reducedCosts: reduced,
                            potentials: potentials.map { Double($0) / scale }, objective: objective)
    }

    /// The largest power of two S with max |c| S (nodes + 2) <= 2^60 (1 when every cost is 0).
    static func costScale(_ network: FlowNetwork) -> Double {
        let largest = network.costs.reduce(0.0) { max($0, abs($1)) }
        guard largest > 0 else { return 1 }
        let room = 0x1p60 / Double(network.supplies.count + 2) / largest
        let exponent = Int(room.exponent)  // floor(log2(room)): S <= room
        return Double(sign: .plus, exponent: max(-1000, min(1000, exponent)), significand: 1)
    }

    /// The real reduced cost of every arc, cost + pi(u) - pi(v) with pi = pi' / S, checked
    /// against complementary slackness so that a flow whose duals do not prove it optimal for
    /// the real costs is never used, nor used to restrict a later stage.
    static func reducedCosts(_ network: FlowNetwork, scaled: [Int64], scale: Double, flows: [Int64],
                             potentials: [Int64]) throws(SolveError) -> [Double] {
        var reduced = [Double](repeating: 0, count: network.arcCount)
        for a in reduced.indices {
            let (u, v) = (Int(network.sources[a]), Int(network.targets[a]))
            let rounding = network.costs[a] - Double(scaled[a]) / scale
            let rc = integerReducedCost(scaled[a], potentials[u], potentials[v]) / scale + rounding
            let tolerance = 1e-9 * max(1, abs(network.costs[a]))
            if rc > tolerance && flows[a] != network.lower[a] { throw .notOptimal }
            if rc < -tolerance && flows[a] != network.upper[a] { throw .notOptimal }
            reduced[a] = abs(rc) <= tolerance ? 0 : rc
        }
        return reduced
    }

    /// c' + pi'(u) - pi'(v), exact in 64 bits where it fits (as it does on every arc of a
    /// tree path); otherwise its huge value in floating point, whose sign is all that matters.
    private static func integerReducedCost(_ cost: Int64, _ pu: Int64, _ pv: Int64) -> Double {
        let (partial, o1) = cost.addingReportingOverflow(pu)
        let (whole, o2) = partial.subtractingReportingOverflow(pv)
        return o1 || o2 ? Double(cost) + Double(pu) - Double(pv) : Double(whole)
    }
}
