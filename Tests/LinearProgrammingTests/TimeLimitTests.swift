import Foundation
import Testing
@testable import LinearProgramming

/// 4. A time limit is honoured by branch-and-bound.
@Suite struct TimeLimitTests {
    @Test func hardMarketSplitStopsAtTheTimeLimit() throws {
        let program = marketSplit(rows: 5, columns: 40, seed: 20_240_901)
        try #require(program.columnCount == 40 && program.rowCount == 5 && program.entryCount > 190)
        let start = Date()
        let s = try GLPKSolver().solve(program, options: SolveOptions(timeLimit: 1))
        let wall = Date().timeIntervalSince(start)
        #expect(s.status == .timeLimit, "status \(s.status) after \(wall) s")
        // Sanity bounds only, not a benchmark: the search ran until the limit, and stopped soon after.
        #expect(wall < 5, "wall time \(wall) s")
        #expect(s.seconds >= 0.9, "GLPK stopped after \(s.seconds) s, before the limit")
        if s.hasPoint {
            // Whatever point came back must be feasible, with a bound no better than it.
            let activities = program.rowActivities(of: s.columnValues)
            for (i, row) in program.rows.enumerated() { expectClose(activities[i], row.lower, "row \(i)") }
        } else {
            #expect(s.gap == nil)
        }
    }

    @Test func aGenerousTimeLimitDoesNotChangeTheAnswer() throws {
        let s = try GLPKSolver().solve(Knapsack().program, options: SolveOptions(timeLimit: 60))
        #expect(s.status == .optimal)
        expectClose(s.objective, 69, "objective")
        let lp = try GLPKSolver().solve(productionLP(), options: SolveOptions(timeLimit: SolveOptions.maximumTimeLimit))
        #expect(lp.status == .optimal)
        expectClose(lp.objective, 36, "objective")
    }
}
