import Testing
@testable import LinearProgramming

/// 2. A 0-1 knapsack whose optimum the test finds by brute force.
@Suite struct MIPOptimumTests {
    @Test func knapsackMatchesBruteForce() throws {
        let knapsack = Knapsack()
        let (best, subsets) = knapsack.bruteForce()
        try #require(best == 69 && subsets.count == 1, "the instance was chosen to have one optimum, 69")
        // Neither greedy rounding nor the LP bound gives it: branch-and-bound has work to do.
        try #require(knapsack.fractionalOptimum() > best + 1)

        for presolve in [true, false] {
            let s = try GLPKSolver().solve(knapsack.program, options: SolveOptions(presolve: presolve))
            #expect(s.status == .optimal, "presolve \(presolve)")
            #expect(s.hasPoint)
            expectClose(s.objective, best, "objective")
            #expect(s.columnValues == subsets[0], "the brute-force subset (items 0, 1, 2, 7)")
            #expect(s.gap == 0)
            #expect(s.bestBound == s.objective)
            #expect(s.rowDuals == nil && s.reducedCosts == nil, "a MIP has no duals")
            expectClose(s.rowActivities, [35], "weight used")
        }
    }

    @Test func mixedIntegerProgramWithContinuousColumns() throws {
        // max 5a + 4b + 3c,  2a + 3b + c <= 5.5,  4a + b + 2c <= 11,  a, b integer >= 0, 0 <= c <= 1.5.
        // Integer points (a, b) with 2a + 3b <= 5.5 and 4a + b <= 11: the best is a = 2, b = 0,
        // then c = min(1.5, 5.5 - 4, (11 - 8) / 2) = 1.5: value 10 + 4.5 = 14.5.
        // (a = 1, b = 1: c <= 0.5, value 10.5; a = 0, b = 1: c = 1.5, value 8.5.)
        var p = LinearProgram(sense: .maximize)
        let a = p.addColumn(name: "a", cost: 5, isInteger: true)
        let b = p.addColumn(name: "b", cost: 4, isInteger: true)
        let c = p.addColumn(name: "c", upper: 1.5, cost: 3)
        p.addRow(upper: 5.5, terms: [(a, 2), (b, 3), (c, 1)])
        p.addRow(upper: 11, terms: [(a, 4), (b, 1), (c, 2)])
        let s = try GLPKSolver().solve(p)
        #expect(s.status == .optimal)
        expectClose(s.objective, 14.5, "objective")
        expectClose(s.columnValues, [2, 0, 1.5], "values")
        #expect(s.gap == 0 && s.bestBound == s.objective)
    }
}
