/// The nodes of a network that an arc touches or that have a supply, renumbered 0..<k in their
/// order, for `NetworkSimplex.solve`: a node with neither takes no part in any flow, and its
/// potential is free (reported as 0).
struct ActiveNodes {
    /// The supplies of the kept nodes.
    let supplies: [Int64]
    /// Arc ends in the new numbers; nil when every node is kept (the network's own then serve).
    let sources: [Int32]?
    let targets: [Int32]?
    /// The new number of each node, -1 for a node left out; nil when every node is kept.
    private let renumbered: [Int32]?

    init(_ network: FlowNetwork) {
        var used = network.supplies.map { $0 != 0 }
        for a in 0..<network.arcCount {
            used[Int(network.sources[a])] = true
            used[Int(network.targets[a])] = true
        }
        guard used.contains(false) else {
            (supplies, sources, targets, renumbered) = (network.supplies, nil, nil, nil)
            return
        }
        var number = [Int32](repeating: -1, count: used.count)
        var kept: [Int64] = []
        for v in used.indices where used[v] {
            number[v] = Int32(kept.count)
            kept.append(network.supplies[v])
        }
        supplies = kept
        sources = network.sources.map { number[Int($0)] }
        targets = network.targets.map { number[Int($0)] }
        renumbered = number
    }

    /// Potentials of the kept nodes, given back in the network's numbers (0 where left out).
    func expand(_ potentials: [Int64]) -> [Int64] {
        guard let renumbered else { return potentials }
        return renumbered.map { $0 < 0 ? 0 : potentials[Int($0)] }
    }
}
