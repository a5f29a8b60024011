import CGLPK
import CGLPKGuard
import Foundation
import Testing
@testable import LinearProgramming

/// 8. GLPK's terminal output: whole lines to `log` when set, nothing anywhere when nil.
@Suite struct TerminalTests {
    @Test func logReceivesGLPKsOutputAsWholeLines() throws {
        let lines = Locked<[String]>([])
        let options = SolveOptions(presolve: false, log: { line in lines.withValue { $0.append(line) } })

        let lp = try GLPKSolver().solve(productionLP(), options: options)
        expectClose(lp.objective, 36, "LP objective with a log")
        // GLPK_MSG_ON: the simplex prints its progress, ending at the optimum (36 here).
        let lpLines = lines.current
        #expect(lpLines.last?.hasSuffix("obj =   3.600000000e+01 inf =   0.000e+00 (0)") == true, "\(lpLines)")

        lines.withValue { $0.removeAll() }
        let mip = try GLPKSolver().solve(Knapsack().program, options: options)
        expectClose(mip.objective, 69, "MIP objective with a log")
        let mipLines = lines.current
        // The root LP's bound (70.142857...), then the search ending with the optimum 69.
        #expect(mipLines.contains { $0.contains("obj =   7.014285714e+01") }, "\(mipLines)")
        #expect(mipLines.last?.contains("mip =   6.900000000e+01 <=     tree is empty   0.0%") == true, "\(mipLines)")

        // Fragments were joined into lines and split at newlines.
        for line in lpLines + mipLines { #expect(!line.contains("\n"), "\(line.debugDescription)") }
    }

    @Test func nilLogPrintsNothingAndAnEarlierLogIsDetached() throws {
        let calls = Locked(0)
        _ = try GLPKSolver().solve(productionLP(), options: SolveOptions(log: { _ in calls.withValue { $0 += 1 } }))
        let callsAfterFirstSolve = calls.current
        #expect(callsAfterFirstSolve > 0)

        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        // GLPK's tee file receives a copy of exactly what GLPK prints to stdout on this thread
        // (output a terminal hook takes is not copied), without touching the process's stdout.
        let tee = dir.appendingPathComponent("tee.txt").path
        try #require(glp_open_tee(tee) == 0)
        // Control: with GLPK's terminal on and no hook, output is printed and copied.
        rd_terminal(1, nil, nil)
        glp_puts("(LinearProgrammingTests: this terminal line is expected)\n")

        // Silent solves of every outcome, on the same thread as the logged one. Before each,
        // GLPK's terminal is put back to its state on a fresh thread: on, printing to stdout.
        let silent = SolveOptions(presolve: false)
        let silentCalls: [() throws -> Void] = [
            { let s = try GLPKSolver().solve(productionLP(), options: silent); #expect(s.status == .optimal) },
            { let s = try GLPKSolver().solve(Knapsack().program, options: silent); #expect(s.status == .optimal) },
            { let s = try GLPKSolver().solve(StatusTests.infeasibleByRows(), options: silent); #expect(s.status == .infeasible) },
            { let s = try GLPKSolver().solve(StatusTests.unbounded(sense: .maximize)); #expect(s.status == .unbounded) },
            { let s = try GLPKSolver().solve(marketSplit(rows: 5, columns: 40, seed: 1), options: SolveOptions(timeLimit: 0.2))
              #expect(s.status == .timeLimit) },
            // The writers print "Writing problem data to ..." unless silenced.
            { try GLPKSolver().writeMPS(Knapsack().program, to: dir.appendingPathComponent("k.mps").path) },
            { try GLPKSolver().writeLP(Knapsack().program, to: dir.appendingPathComponent("k.lp").path) },
        ]
        for call in silentCalls {
            rd_terminal(1, nil, nil)
            try call()
        }
        // The solver leaves this thread's GLPK terminal off.
        glp_puts("after-solver-line\n")
        glp_close_tee()
        let printed = try String(contentsOfFile: tee, encoding: .utf8)

        #expect(calls.current == callsAfterFirstSolve, "the first solve's log was called again")
        #expect(printed.contains("this terminal line is expected"), "tee failed: \(printed.debugDescription)")
        for marker in ["GLPK", "OPTIMAL", "Writing", "records were written", "glp_", "after-solver-line"] {
            #expect(!printed.contains(marker), "printed \(marker): \(printed.debugDescription)")
        }
    }
}
