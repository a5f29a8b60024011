import Testing
@testable import LinearProgramming

/// `NetworkSimplex.solve(_:leavingOut:)` and `StartingBasis(flow:...)`: a network solved without
/// some arcs proves the whole network's optimum or says it cannot, and an optimal flow gives
/// GLPK a primal feasible basis.
@Suite struct NetworkLeavingOutTests {
    /// Random networks with a random sixth of their arcs left out: each answer is either nil
    /// (an arc left out prices below 0) or the whole network's optimum, feasible, with 0 on
    /// every arc left out. Both answers must occur, or the test proves nothing.
    @Test func provesTheWholeOptimumOrDeclines() throws {
        var proven = 0, declined = 0
        for seed in UInt64(0)..<150 {
            let net = randomRealCostNetwork(seed: seed)
            var rng = SplitMix64(seed: 90_000 + seed)
            // The costly arcs to and from the last node stay: they keep every network feasible.
            let costly = net.arcCount - 2 * (net.supplies.count - 1)
            let out = (0..<net.arcCount).map { $0 < costly && Int.random(in: 0..<6, using: &rng) == 0 }
            let whole = try NetworkSimplex.solve(net)
            try #require(whole.status == .optimal)
            guard let part = try NetworkSimplex.solve(net, leavingOut: out) else {
                declined += 1
                continue
            }
            try #require(part.status == .optimal)
            expectFeasible(part.flows, net, "seed \(seed)")
            #expect(zip(out, part.flows).allSatisfy { !$0 || $1 == 0 }, "seed \(seed): an arc left out carries flow")
            #expect(abs(part.objective - whole.objective) <= 1e-9 * max(1, abs(whole.objective)),
                    "seed \(seed): \(part.objective) vs \(whole.objective)")
            for a in 0..<net.arcCount {
                let rc = part.reducedCosts[a]
                #expect(rc <= 0 || part.flows[a] == net.lower[a], "seed \(seed) arc \(a)")
                #expect(rc >= 0 || part.flows[a] == net.upper[a], "seed \(seed) arc \(a)")
            }
            proven += 1
        }
        #expect(proven >= 15 && declined >= 30, "proven \(proven), declined \(declined)")
    }

    /// Two units from node 0 to node 2: directly at cost 5, or through node 1 at 1 + 1. Left
    /// out, the cheap path prices at -3 and nothing is claimed; the dear arc left out prices at
    /// +3 and the flow through node 1 is the optimum.
    @Test func aCheaperArcLeftOutIsDeclined() throws {
        var net = FlowNetwork(supplies: [2, 0, -2])
        net.addArc(from: 0, to: 2, cost: 5)
        net.addArc(from: 0, to: 1, cost: 1)
        net.addArc(from: 1, to: 2, cost: 1)
        #expect(try NetworkSimplex.solve(net, leavingOut: [false, true, false]) == nil)
        let part = try #require(try NetworkSimplex.solve(net, leavingOut: [true, false, false]))
        #expect(part.flows == [0, 2, 2])
        #expect(part.objective == 4)
        #expect(part.reducedCosts[0] == 3)
    }

    /// The basis of an optimal flow is primal feasible: with every cost 0 it is optimal as it
    /// stands, so GLPK's primal simplex started from it makes no pivot and returns the flow
    /// itself. A side row the flow meets (its auxiliary basic) changes nothing.
    @Test(arguments: 0..<60)
    func theFlowsBasisIsTheFlow(seed: UInt64) throws {
        let net = randomRealCostNetwork(seed: seed)
        let flow = try NetworkSimplex.solve(net)
        try #require(flow.status == .optimal)
        var program = linearProgram(of: net)
        for j in 0..<program.columnCount { program.setCost(column: j, 0) }
        let side = program.addRow(upper: Double(flow.flows.prefix(3).reduce(0, +)) + 1)
        for j in 0..<min(3, program.columnCount) { program.addEntry(row: side, column: j, value: 1) }
        let basis = try #require(StartingBasis(flow: net, flows: flow.flows,
                                               arcVariables: (0..<net.arcCount).map { .column($0) },
                                               nodeRows: (0..<net.supplies.count).map { $0 }, program: program))
        #expect(basis.rows[side] == .basic)
        #expect(basis.rows.count(where: { $0 == .basic }) + basis.columns.count(where: { $0 == .basic }) == program.rowCount)
        var stats = GLPKSolver.ColumnGenerationStats()
        let solution = try GLPKSolver().solveGeneratingColumns(
            program, initial: Array(0..<program.columnCount),
            options: SolveOptions(kind: .relaxation, method: .primalSimplex, presolve: false), basis: basis, stats: &stats)
        try #require(solution.status == .optimal)
        #expect(solution.iterations == 0, "seed \(seed): the basis was not feasible")
        #expect(solution.columnValues == flow.flows.map(Double.init), "seed \(seed)")
    }

    /// Slacks and nodes that are no rows: a source U of shortage and a sink T, as the flow
    /// model writes them. Row 0 (supply 3) sends to row 1 (demand >= 2, excess to T as its
    /// slack) through a column of capacity 1; U covers the rest at cost. The slack carrying
    /// flow is basic, and the basis reproduces the point.
    @Test func slacksAndGroundNodes() throws {
        // Nodes: 0 = row 0 (O), 1 = row 1 (C), 2 = U, 3 = T.
        var net = FlowNetwork(supplies: [3, -2, 2, -3])
        net.addArc(from: 0, to: 1, upper: 1)          // column 0
        net.addArc(from: 2, to: 1, cost: 1)           // column 1: shortage
        net.addArc(from: 0, to: 3)                    // column 2: idle
        net.addArc(from: 1, to: 3)                    // slack of row 1
        net.addArc(from: 2, to: 3)                    // U -> T: nothing
        let flow = try NetworkSimplex.solve(net)
        #expect(flow.flows == [1, 1, 2, 0, 1])
        var program = LinearProgram(name: "slacks")
        program.addRow(lower: 3, upper: 3)
        program.addRow(lower: 2)
        for (row, column) in [(0, 0), (1, 0), (1, 1), (0, 2)] {
            if column >= program.columnCount { program.addColumn(upper: column == 0 ? 1 : .infinity) }
            program.addEntry(row: row, column: column, value: 1)
        }
        let basis = try #require(StartingBasis(flow: net, flows: flow.flows,
                                               arcVariables: [.column(0), .column(1), .column(2), .rowSlack(1), .none],
                                               nodeRows: [0, 1, nil, nil], program: program))
        #expect(basis.columns == [.atUpper, .basic, .basic])
        #expect(basis.rows == [.atLower, .atLower])
    }

    /// Nodes with no arc and no supply (as a model's merged nodes are) are left out of LEMON's
    /// run: the flow and every other potential are those of the network without them (to the
    /// last bits, since the cost scale counts the nodes), and their own potential reads 0.
    @Test(arguments: 0..<40)
    func nodesWithNothingAreLeftOut(seed: UInt64) throws {
        let net = randomRealCostNetwork(seed: seed)
        var padded = FlowNetwork(supplies: [0] + net.supplies + [0])
        for a in 0..<net.arcCount {
            padded.addArc(from: Int(net.sources[a]) + 1, to: Int(net.targets[a]) + 1, lower: net.lower[a],
                          upper: net.upper[a], cost: net.costs[a])
        }
        let (plain, sparse) = (try NetworkSimplex.solve(net), try NetworkSimplex.solve(padded))
        try #require(plain.status == .optimal && sparse.status == .optimal)
        #expect(sparse.flows == plain.flows, "seed \(seed)")
        func close(_ a: [Double], _ b: [Double]) -> Bool {
            a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) <= 1e-9 * max(1, abs($1)) }
        }
        #expect(close(sparse.potentials, [0] + plain.potentials + [0]), "seed \(seed)")
        #expect(close(sparse.reducedCosts, plain.reducedCosts), "seed \(seed)")
    }

    /// Two parallel arcs each strictly between their bounds close a cycle: no vertex, no basis.
    @Test func aFlowThatIsNoVertexHasNoBasis() {
        var net = FlowNetwork(supplies: [2, -2])
        net.addArc(from: 0, to: 1, upper: 2)
        net.addArc(from: 0, to: 1, upper: 2)
        let program = linearProgram(of: net)
        #expect(StartingBasis(flow: net, flows: [1, 1], arcVariables: [.column(0), .column(1)], nodeRows: [0, 1],
                              program: program) == nil)
    }
}
