import HeapModule

/// What one more unit of supply is worth, read off an optimal flow.
///
/// Node potentials (the LP duals of a min-cost flow) give the same answer only where they are
/// unique; at a degenerate optimum, the common case in flow problems, several sets of
/// potentials prove the same flow optimal and disagree on exactly the nodes a planner asks
/// about. The residual network does not: the least cost of pushing one more unit from v to a
/// sink s is F(b + e_v - e_s) - F(b), the change of the optimal cost itself, whichever optimal
/// flow it is read from. With integral bounds and supplies every residual capacity is a whole
/// number, so the shortest path carries the full unit and the figure is exact for one unit.
extension FlowSolution {
    /// For each node v, F(b + e_v - e_sink) - F(b): how the optimal cost changes when v
    /// supplies one more unit and `sink` takes it (nil where no residual path leads to sink).
    ///
    /// One Dijkstra toward `sink` over the residual arcs, with the reduced costs (>= 0 at an
    /// optimum) as lengths; a path's cost is its reduced length - pi(v) + pi(sink).
    public func unitCostsOfExtraSupply(_ network: FlowNetwork, sink: Int) -> [Double?] {
        precondition(status == .optimal && flows.count == network.arcCount, "needs an optimal flow of this network")
        let nodes = network.supplies.count
        let residual = ResidualArcs(network, solution: self)
        var distance = [Double](repeating: .infinity, count: nodes)
        var done = [Bool](repeating: false, count: nodes)
        var queue = Heap<Labelled>()
        distance[sink] = 0
        queue.insert(Labelled(distance: 0, node: sink))
        while let next = queue.popMin() {
            let y = next.node
            if done[y] { continue }
            done[y] = true
            for k in residual.start[y]..<residual.start[y + 1] {
                let x = residual.tail[k]
                let candidate = distance[y] + residual.length[k]
                if candidate < distance[x] {
                    distance[x] = candidate
                    queue.insert(Labelled(distance: candidate, node: x))
                }
            }
        }
        return (0..<nodes).map { v in
            distance[v].isFinite ? distance[v] - potentials[v] + potentials[sink] : nil
        }
    }
}

/// A node and its tentative distance, ordered by distance then node (deterministic ties).
private struct Labelled: Comparable {
    var distance: Double
    var node: Int
    static func < (a: Labelled, b: Labelled) -> Bool {
        (a.distance, a.node) < (b.distance, b.node)
    }
}

/// The residual arcs x -> y of an optimal flow, grouped by head y, with their reduced
/// lengths: an arc below its upper bound gives x = u, y = v and length rc; an arc above its
/// lower bound gives the reverse, x = v, y = u, length -rc. Complementary slackness, checked
/// when the solution was read, makes every length >= 0.
private struct ResidualArcs {
    var start: [Int]
    var tail: [Int]
    var length: [Double]

    init(_ network: FlowNetwork, solution: FlowSolution) {
        var heads: [(head: Int, tail: Int, length: Double)] = []
        heads.reserveCapacity(network.arcCount * 2)
        for a in 0..<network.arcCount {
            let (u, v) = (Int(network.sources[a]), Int(network.targets[a]))
            let rc = solution.reducedCosts[a]
            if network.upper[a].map({ solution.flows[a] < $0 }) ?? true {
                heads.append((v, u, max(0, rc)))
            }
            if solution.flows[a] > network.lower[a] {
                heads.append((u, v, max(0, -rc)))
            }
        }
        let nodes = network.supplies.count
        start = [Int](repeating: 0, count: nodes + 1)
        for h in heads { start[h.head + 1] += 1 }
        for v in 0..<nodes { start[v + 1] += start[v] }
        var fill = start
        tail = [Int](repeating: 0, count: heads.count)
        length = [Double](repeating: 0, count: heads.count)
        for h in heads {
            tail[fill[h.head]] = h.tail
            length[fill[h.head]] = h.length
            fill[h.head] += 1
        }
    }
}
