extension StartingBasis {
    /// A simplex basis of an LP written from a network (column a is arc a; `nodeRows` gives
    /// each node's conservation row, nil for nodes merged into one ground, the sink say) that
    /// is dual feasible: its duals are the network simplex's potentials, up to one constant per
    /// part of the tree, and 0 on every row that is no node (side rows, whose auxiliaries are
    /// basic). GLPK's dual simplex starts from it where side rows cut the optimal flow off.
    ///
    /// Why the network simplex's tree cannot simply be copied: its arcs are the arcs of reduced
    /// cost 0, but LEMON ends with artificial arcs to its root in the tree wherever nothing
    /// forced a real arc in, and those are no column. So the parts the arcs of reduced cost 0
    /// leave apart are joined one at a time, as a dual simplex step joins them: the potentials of
    /// a part K move by the delta that brings the first arc crossing K's border to reduced cost
    /// 0, no further, so every crossing arc keeps the sign its bound needs (an arc at its lower
    /// bound >= 0, at its upper <= 0; a fixed arc any). That arc joins the tree. A part no arc
    /// crosses is anchored by one of its rows' auxiliaries.
    ///
    /// nil when the arcs strictly between their bounds close a cycle (the flow is no vertex).
    public init?(dualFeasibleFlow network: FlowNetwork, flows: [Int64], reducedCosts: [Double], nodeRows: [Int?],
                 program: LinearProgram) {
        precondition(flows.count == network.arcCount && reducedCosts.count == network.arcCount
                     && nodeRows.count == network.supplies.count && program.columnCount >= network.arcCount,
                     "one flow and reduced cost per arc, one row per node, arcs first among the columns")
        var tree = FlowTree(network: network, flows: flows, reducedCosts: reducedCosts, nodeRows: nodeRows,
                            ground: program.rowCount)
        guard tree.joinFreeAndTight() else { return nil }
        tree.joinParts()
        var rows = [Status](repeating: .basic, count: program.rowCount)
        var columns = [Status](repeating: .atLower, count: program.columnCount)
        for case let row? in nodeRows { rows[row] = tree.anchored.contains(row) ? .basic : .atLower }
        for a in 0..<network.arcCount {
            if tree.basic[a] {
                columns[a] = .basic
            } else if let upper = network.upper[a], flows[a] == upper, upper != network.lower[a] {
                columns[a] = .atUpper
            }
        }
        self.init(rows: rows, columns: columns)
    }
}

/// The spanning tree `StartingBasis(dualFeasibleFlow:...)` builds, over the rows of the nodes
/// and one ground (index `ground`).
private struct FlowTree {
    let network: FlowNetwork
    let flows: [Int64]
    var reducedCosts: [Double]
    let end: [Int]
    let ground: Int
    var trees: DisjointSets
    var basic: [Bool]
    var anchored = Set<Int>()

    init(network: FlowNetwork, flows: [Int64], reducedCosts: [Double], nodeRows: [Int?], ground: Int) {
        self.network = network
        self.flows = flows
        self.reducedCosts = reducedCosts
        self.ground = ground
        end = nodeRows.map { $0 ?? ground }
        trees = DisjointSets(count: ground + 1)
        basic = Array(repeating: false, count: network.arcCount)
    }

    mutating func root(_ x: Int) -> Int { trees.representative(x) }

    mutating func join(_ a: Int, _ b: Int) -> Bool { trees.union(a, b) }

    func isFree(_ a: Int) -> Bool {
        flows[a] > network.lower[a] && network.upper[a].map { flows[a] < $0 } ?? true
    }

    func isFixed(_ a: Int) -> Bool { network.upper[a] == network.lower[a] }

    /// The arcs strictly between their bounds (all must be basic), then those of reduced cost 0
    /// (below what scaling the costs to integers rounds off, `NetworkSimplex.reducedCosts`).
    mutating func joinFreeAndTight() -> Bool {
        for a in 0..<network.arcCount where isFree(a) {
            guard join(end[Int(network.sources[a])], end[Int(network.targets[a])]) else { return false }
            basic[a] = true
            reducedCosts[a] = 0
        }
        for a in 0..<network.arcCount where !isFree(a)
            && abs(reducedCosts[a]) <= 1e-9 * max(1, abs(network.costs[a])) {
            if join(end[Int(network.sources[a])], end[Int(network.targets[a])]) {
                basic[a] = true
                reducedCosts[a] = 0
            }
        }
        return true
    }

    /// Joins every part without the ground to the tree (see the initializer's comment).
    mutating func joinParts() {
        var incident = [[Int]](repeating: [], count: ground + 1)
        for a in 0..<network.arcCount {
            let (s, t) = (end[Int(network.sources[a])], end[Int(network.targets[a])])
            if s != t { incident[s].append(a); incident[t].append(a) }
        }
        var members = [Int: [Int]]()
        for v in 0...ground { members[root(v), default: []].append(v) }
        var queue = members.keys.filter { $0 != root(ground) }.sorted()
        var mark = [Int](repeating: -1, count: ground + 1)
        var k = 0
        while k < queue.count {
            let part = queue[k]
            k += 1
            guard root(part) == part, part != root(ground), let nodes = members[part] else { continue }
            for v in nodes { mark[v] = k }
            // The interval of shifts every crossing arc allows, and the arcs at its ends.
            var (low, high) = (-Double.infinity, Double.infinity)
            var (lowArc, highArc, fixedArc) = (-1, -1, -1)
            var crossing: [(arc: Int, sign: Double)] = []
            for v in nodes {
                for a in incident[v] {
                    let inSource = mark[end[Int(network.sources[a])]] == k
                    if inSource == (mark[end[Int(network.targets[a])]] == k) { continue }
                    let sign: Double = inSource ? 1 : -1
                    crossing.append((a, sign))
                    if isFixed(a) {
                        if fixedArc < 0 { fixedArc = a }
                        continue
                    }
                    // rc + sign x delta must keep its sign: >= 0 at the lower bound, <= 0 at the upper.
                    let rc = reducedCosts[a]
                    let atLower = flows[a] == network.lower[a]
                    let bound = -sign * rc
                    if (sign > 0) == atLower {
                        if bound > low { (low, lowArc) = (bound, a) }
                    } else if bound < high {
                        (high, highArc) = (bound, a)
                    }
                }
            }
            let arc: Int, delta: Double
            if highArc >= 0 && (lowArc < 0 || abs(high) <= abs(low)) {
                (arc, delta) = (highArc, high)
            } else if lowArc >= 0 {
                (arc, delta) = (lowArc, low)
            } else if fixedArc >= 0 {
                let sign: Double = mark[end[Int(network.sources[fixedArc])]] == k ? 1 : -1
                (arc, delta) = (fixedArc, -sign * reducedCosts[fixedArc])
            } else {
                // Nothing crosses: any potentials do; one row's auxiliary anchors the part.
                let row = nodes.first { $0 != ground }!
                anchored.insert(row)
                _ = join(row, ground)
                continue
            }
            for (a, sign) in crossing { reducedCosts[a] += sign * delta }
            reducedCosts[arc] = 0
            basic[arc] = true
            let (s, t) = (end[Int(network.sources[arc])], end[Int(network.targets[arc])])
            let (rs, rt) = (root(s), root(t))
            _ = join(s, t)
            let merged = root(s)
            members[merged] = (members[rs] ?? []) + (members[rt] ?? [])
            if merged != rs { members[rs] = nil }
            if merged != rt { members[rt] = nil }
            if merged != root(ground) { queue.append(merged) }
        }
    }
}
