extension StartingBasis {
    /// What an arc of a network written from an LP stands for.
    public enum ArcVariable: Sendable, Equatable {
        /// Column j of the program.
        case column(Int)
        /// The slack of row i, a row with one finite bound: at 0 the row sits at that bound.
        case rowSlack(Int)
        /// Nothing of the program (an arc between two nodes that are not rows).
        case none
    }

    /// The simplex basis of a vertex of an LP that is written as a min-cost flow, so that a
    /// network simplex's optimum can start GLPK's primal simplex on a program with a few more
    /// rows or columns (a stage 2 with side rows, say) without phase 1.
    ///
    /// The nodes that no row stands for (a source and a sink of slack) are merged into one
    /// ground node; each row's auxiliary variable is an edge from its node to the ground (its
    /// slack arc where it has one). A spanning tree of that graph is a basis of the rows at
    /// nodes: peeling its leaves triangularizes it. Rows of `program` that are at no node (side
    /// rows) get their auxiliary basic, which keeps the matrix block triangular. The tree holds
    /// every arc strictly between its bounds, so the basic solution is the flow itself: primal
    /// feasible wherever the flow is, and for the side rows wherever the flow meets them.
    ///
    /// Columns that are no arc sit at their lower bound (nonbasic). nil when the arcs strictly
    /// between their bounds close a cycle (the flow is no vertex).
    ///
    /// - Parameter nodeRows: for each node, the row it stands for, or nil.
    public init?(flow network: FlowNetwork, flows: [Int64], arcVariables: [ArcVariable], nodeRows: [Int?],
                 program: LinearProgram) {
        precondition(flows.count == network.arcCount && arcVariables.count == network.arcCount
                     && nodeRows.count == network.supplies.count, "one flow and variable per arc, one row per node")
        let ground = program.rowCount
        var rows = [Status](repeating: .basic, count: program.rowCount)
        var columns = [Status](repeating: .atLower, count: program.columnCount)
        var trees = DisjointSets(count: ground + 1)
        let end = { (v: Int32) -> Int in nodeRows[Int(v)] ?? ground }
        var atNode = [Bool](repeating: false, count: program.rowCount)
        for case let row? in nodeRows { atNode[row] = true; rows[row] = .atLower }
        var hasSlack = [Bool](repeating: false, count: program.rowCount)
        for case let .rowSlack(i) in arcVariables { hasSlack[i] = true }
        func free(_ a: Int) -> Bool { flows[a] > network.lower[a] && network.upper[a].map { flows[a] < $0 } ?? true }

        // The arcs strictly between their bounds first: every one of them must be basic.
        for a in 0..<network.arcCount where free(a) {
            switch arcVariables[a] {
            case let .column(j):
                guard trees.union(end(network.sources[a]), end(network.targets[a])) else { return nil }
                columns[j] = .basic
            case let .rowSlack(i):
                guard trees.union(i, ground) else { return nil }
                rows[i] = .basic
            case .none:
                continue
            }
        }
        // A row at a node with no slack arc and a range is not known to sit at a bound: basic.
        for i in 0..<program.rowCount where atNode[i] && !hasSlack[i] && rows[i] != .basic
            && program.rows[i].lower != program.rows[i].upper {
            guard trees.union(i, ground) else { return nil }
            rows[i] = .basic
        }
        // Then the arcs at a bound, and the rows' auxiliaries, until the tree spans.
        for a in 0..<network.arcCount where !free(a) {
            guard case let .column(j) = arcVariables[a] else { continue }
            if trees.union(end(network.sources[a]), end(network.targets[a])) {
                columns[j] = .basic
            } else if let upper = network.upper[a], flows[a] == upper, upper != network.lower[a] {
                columns[j] = .atUpper
            }
        }
        for i in 0..<program.rowCount where atNode[i] && rows[i] != .basic {
            if trees.union(i, ground) {
                rows[i] = .basic
            } else if !program.rows[i].lower.isFinite {
                rows[i] = .atUpper
            }
        }
        self.init(rows: rows, columns: columns)
    }
}
