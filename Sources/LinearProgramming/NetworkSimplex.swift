import CNetworkFlow

/// A min-cost flow problem: integer supplies and bounds, real costs. For problems that are
/// pure networks, a network simplex is one to two orders of magnitude faster than a general
/// simplex (shared/engineering/GLPK.md), and its vertices are integral by construction.
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
    public enum Status: Sendable, Equatable { case optimal, infeasible, unbounded }
    public var status: Status
    public var flows: [Int64]
    /// Reduced cost of each arc at the optimum: >= 0 where the flow can rise, <= 0 where it
    /// can fall (complementary slackness, checked when the solution was read).
    public var reducedCosts: [Double]
    /// Node potentials pi (LEMON's convention: reduced cost = cost + pi(u) - pi(v)).
    public var potentials: [Double]
    public var objective: Double
}

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

    /// Solves with LEMON's network simplex (block search pivoting). Deterministic: the same
    /// network in the same arc order gives the same flow.
    public static func solve(_ network: FlowNetwork) throws(SolveError) -> FlowSolution {
        do { try network.validate() } catch { throw .invalid(error) }
        let arcs = network.arcCount
        var flows = [Int64](repeating: 0, count: arcs)
        var potentials = [Double](repeating: 0, count: network.supplies.count)
        let upper = network.upper.map { $0 ?? -1 }
        let code = rd_min_cost_flow(Int32(network.supplies.count), network.supplies, Int32(arcs),
                                    network.sources, network.targets, network.lower, upper,
                                    network.costs, &flows, &potentials)
        switch Int(code) {
        case Int(RD_MCF_OPTIMAL): break
        case Int(RD_MCF_INFEASIBLE):
            return FlowSolution(status: .infeasible, flows: [], reducedCosts: [], potentials: [], objective: .nan)
        case Int(RD_MCF_UNBOUNDED):
            return FlowSolution(status: .unbounded, flows: [], reducedCosts: [], potentials: [], objective: .nan)
        default: throw .failed
        }
        let reduced = try reducedCosts(network, flows: flows, potentials: potentials)
        var objective = 0.0
        for a in 0..<arcs where flows[a] != 0 { objective += network.costs[a] * Double(flows[a]) }
        return FlowSolution(status: .optimal, flows: flows, reducedCosts: reduced, potentials: potentials,
                            objective: objective)
    }

    /// cost + pi(u) - pi(v), checked against complementary slackness so that a solution whose
    /// duals do not prove it optimal is never used to restrict a later stage.
    static func reducedCosts(_ network: FlowNetwork, flows: [Int64], potentials: [Double]) throws(SolveError) -> [Double] {
        var reduced = [Double](repeating: 0, count: network.arcCount)
        for a in reduced.indices {
            let (u, v) = (Int(network.sources[a]), Int(network.targets[a]))
            let rc = network.costs[a] + potentials[u] - potentials[v]
            let scale = 1e-9 * max(1, abs(network.costs[a]), abs(potentials[u]), abs(potentials[v]))
            if rc > scale && flows[a] != network.lower[a] { throw .notOptimal }
            if rc < -scale && flows[a] != network.upper[a] { throw .notOptimal }
            reduced[a] = abs(rc) <= scale ? 0 : rc
        }
        return reduced
    }
}
