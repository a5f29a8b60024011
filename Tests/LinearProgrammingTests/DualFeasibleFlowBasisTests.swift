import Foundation
import Testing
@testable import LinearProgramming

/// `StartingBasis(dualFeasibleFlow:...)`: the network simplex's optimum as a basis of the flow's
/// LP whose duals are the flow's potentials. Without side rows it is primal feasible as well,
/// so GLPK's dual simplex from it makes no pivot; with a side row that cuts the optimal flow
/// off, the dual simplex from it ends at the LP's optimum, the one GLPK finds from its slacks.
@Suite struct DualFeasibleFlowBasisTests {
    @Test(arguments: 0..<60)
    func theOptimalFlowNeedsNoPivot(seed: UInt64) throws {
        let net = randomRealCostNetwork(seed: seed)
        let flow = try NetworkSimplex.solve(net)
        try #require(flow.status == .optimal)
        let program = linearProgram(of: net)
        let solution = try Self.solve(program, from: try #require(Self.basis(net, flow, program)))
        try #require(solution.status == .optimal, "seed \(seed)")
        #expect(solution.iterations == 0, "seed \(seed): the basis was not the flow's optimum")
        #expect(abs(solution.objective - flow.objective) <= 1e-9 * max(1, abs(flow.objective)), "seed \(seed)")
    }

    /// A side row holds the (at most three) arcs that carry flow to one unit less than they
    /// carry together; the dual simplex repairs it from the flow's basis.
    @Test func aSideRowIsRepairedByTheDualSimplex() throws {
        var repaired = 0
        for seed in UInt64(0)..<60 {
            let net = randomRealCostNetwork(seed: seed)
            let flow = try NetworkSimplex.solve(net)
            try #require(flow.status == .optimal)
            let carrying = (0..<net.arcCount).filter { flow.flows[$0] > net.lower[$0] }.prefix(3)
            guard !carrying.isEmpty else { continue }
            var program = linearProgram(of: net)
            let side = program.addRow(upper: Double(carrying.reduce(0) { $0 + flow.flows[$1] }) - 1)
            for a in carrying { program.addEntry(row: side, column: a, value: 1) }
            let basis = try #require(Self.basis(net, flow, program), "seed \(seed)")
            let warm = try Self.solve(program, from: basis)
            let cold = try GLPKSolver().solve(program, options: SolveOptions(kind: .relaxation, method: .dualSimplex,
                                                                             presolve: false))
            #expect(warm.status == cold.status, "seed \(seed)")
            guard cold.status == .optimal else { continue }
            #expect(abs(warm.objective - cold.objective) <= 1e-9 * max(1, abs(cold.objective)),
                    "seed \(seed): \(warm.objective) from the flow, \(cold.objective) from the slacks")
            #expect(warm.objective > flow.objective - 1e-9, "seed \(seed): a side row cannot lower the optimum")
            repaired += 1
        }
        #expect(repaired >= 40, "only \(repaired) of 60 networks with a side row solved")
    }

    static func basis(_ net: FlowNetwork, _ flow: FlowSolution, _ program: LinearProgram) -> StartingBasis? {
        StartingBasis(dualFeasibleFlow: net, flows: flow.flows, reducedCosts: flow.reducedCosts,
                      nodeRows: (0..<net.supplies.count).map { $0 }, program: program)
    }

    /// GLPK's dual simplex from `basis`, every column in the program. GLPK must take the basis
    /// as it is: a basis it refuses would be replaced by the slacks (column generation logs
    /// that), and the same optimum reached from there would hide it. Whether the basis is dual
    /// feasible is what the no-pivot test above shows; GLPK's log does not tell.
    static func solve(_ program: LinearProgram, from basis: StartingBasis,
                      sourceLocation: SourceLocation = #_sourceLocation) throws -> Solution {
        let lines = Lines()
        var stats = GLPKSolver.ColumnGenerationStats()
        let solution = try GLPKSolver().solveGeneratingColumns(
            program, initial: Array(0..<program.columnCount),
            options: SolveOptions(kind: .relaxation, method: .dualSimplex, presolve: false, log: { lines.add($0) }),
            basis: basis, startingMethod: .dualSimplex, stats: &stats)
        let refused = lines.all.filter { $0.contains("refused") }
        #expect(refused.isEmpty, "\(refused)", sourceLocation: sourceLocation)
        return solution
    }
}

/// Log lines gathered from GLPK's terminal output.
private final class Lines: @unchecked Sendable {
    private var lines: [String] = []
    private let lock = NSLock()
    func add(_ line: String) { lock.lock(); lines.append(line); lock.unlock() }
    var all: [String] { lock.lock(); defer { lock.unlock() }; return lines }
}
