import Testing
@testable import LinearProgramming

/// A starting basis for column generation: the optimal basis is reported, a solve started
/// from it needs no pivot, and a basis GLPK cannot factorize falls back to the slacks.
@Suite struct StartingBasisTests {
    /// `productionLP` minimised (objective -36 at x = 2, y = 6, z = 0).
    let program = productionLP(sense: .minimize)
    let options = SolveOptions(kind: .relaxation, method: .dualSimplex, presolve: false)

    func solve(basis: StartingBasis?) throws -> Solution {
        var stats = GLPKSolver.ColumnGenerationStats()
        return try GLPKSolver().solveGeneratingColumns(program, initial: [0, 1, 2], options: options, basis: basis,
                                                        stats: &stats)
    }

    @Test func theOptimalBasisIsReportedAndRestartsWithoutAPivot() throws {
        let first = try solve(basis: nil)
        expectClose(first.objective, -36, "objective")
        // Basic: x, y and the slack of r1 (the hand-worked basis of productionLP).
        let basis = try #require(first.basis)
        #expect(basis.columns == [.basic, .basic, .atLower])
        #expect(basis.rows == [.basic, .atUpper, .atUpper])
        let again = try solve(basis: basis)
        expectClose(again.objective, -36, "objective from the optimal basis")
        expectClose(again.columnValues, productionValues, "values")
        #expect(again.iterations == 0, "started at the optimum")
    }

    @Test func aFeasibleBasisIsAPrimalStart() throws {
        // All slacks basic, the origin: feasible, so the primal simplex starts in phase 2.
        let slacks = StartingBasis(rows: [.basic, .basic, .basic], columns: [.atLower, .atLower, .atLower])
        let s = try solve(basis: slacks)
        expectClose(s.objective, -36, "objective")
        #expect(s.iterations > 0)
    }

    @Test func aSingularBasisFallsBackToTheSlacks() throws {
        // x basic in place of r2's slack: r2 (2y <= 12) has no x, and r1's and r3's slacks are
        // basic too, so x's column cannot replace r2's: the basis matrix is singular.
        let singular = StartingBasis(rows: [.basic, .atUpper, .basic], columns: [.basic, .atLower, .atLower])
        let s = try solve(basis: singular)
        #expect(s.status == .optimal)
        expectClose(s.objective, -36, "objective after the fallback")
    }

    /// `GLPKSolver.solve` from a basis: the dual simplex from the optimum needs no pivot, the
    /// MIP from its LP's optimal basis starts there, and a singular basis or one of the wrong
    /// size changes nothing but the start.
    @Test func solveStartsFromABasis() throws {
        let first = try GLPKSolver().solve(program, options: options)
        let basis = try #require(first.basis)
        let again = try GLPKSolver().solve(program, options: options, basis: basis)
        expectClose(again.objective, -36, "objective from the optimal basis")
        #expect(again.iterations == 0, "started at the optimum")
        var mip = options
        mip.kind = .automatic
        var integral = program
        for j in 0..<integral.columnCount { integral.setInteger(column: j, true) }
        let whole = try GLPKSolver().solve(integral, options: mip, basis: basis)
        #expect(whole.status == .optimal)
        expectClose(whole.objective, -36, "MIP objective (the LP optimum is whole)")
        #expect(whole.iterations == 0, "the MIP's LP started at its optimum")
        let singular = StartingBasis(rows: [.basic, .atUpper, .basic], columns: [.basic, .atLower, .atLower])
        let fallback = try GLPKSolver().solve(program, options: options, basis: singular)
        #expect(fallback.status == .optimal)
        expectClose(fallback.objective, -36, "objective after the fallback")
        let wrongSize = StartingBasis(rows: [.basic], columns: [.basic])
        expectClose(try GLPKSolver().solve(program, options: options, basis: wrongSize).objective, -36, "wrong size ignored")
    }
}
