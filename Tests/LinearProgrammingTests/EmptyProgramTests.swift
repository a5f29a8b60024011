import Testing
@testable import LinearProgramming

/// 9. Programs without rows, without columns, or without both.
@Suite struct EmptyProgramTests {
    @Test func noRowsNoColumnsIsOptimalAtTheConstant() throws {
        for sense in [LinearProgram.Sense.minimize, .maximize] {
            var p = LinearProgram(sense: sense)
            p.objectiveConstant = 7.5
            for (method, presolve) in allSimplexVariants {
                let s = try GLPKSolver().solve(p, options: SolveOptions(method: method, presolve: presolve))
                #expect(s.status == .optimal, "\(sense), \(method), presolve \(presolve)")
                #expect(s.hasPoint)
                expectClose(s.objective, 7.5, "objective")
                #expect(s.columnValues.isEmpty && s.rowActivities.isEmpty)
                #expect(s.rowDuals == [] && s.reducedCosts == [])
            }
        }
    }

    @Test func noRows() throws {
        // min 2x - 3y + 1, 1 <= x <= 4, 0 <= y <= 5: x = 1, y = 5, value 2 - 15 + 1 = -12.
        var p = LinearProgram()
        p.objectiveConstant = 1
        p.addColumn(lower: 1, upper: 4, cost: 2)
        p.addColumn(upper: 5, cost: -3)
        for (method, presolve) in allSimplexVariants {
            let s = try GLPKSolver().solve(p, options: SolveOptions(method: method, presolve: presolve))
            #expect(s.status == .optimal)
            expectClose(s.objective, -12, "objective")
            expectClose(s.columnValues, [1, 5], "values")
            expectClose(s.reducedCosts, [2, -3], "reduced costs are the costs")
            #expect(s.rowActivities.isEmpty && s.rowDuals == [])
        }
    }

    @Test func noRowsMIP() throws {
        // min -x - y, x integer in [0, 3], y in [0, 2.5]: -5.5.
        var p = LinearProgram()
        p.addColumn(upper: 3, cost: -1, isInteger: true)
        p.addColumn(upper: 2.5, cost: -1)
        let s = try GLPKSolver().solve(p)
        #expect(s.status == .optimal)
        expectClose(s.objective, -5.5, "objective")
        expectClose(s.columnValues, [3, 2.5], "values")
        #expect(s.gap == 0 && s.bestBound == s.objective)
    }

    @Test func noRowsUnbounded() throws {
        var p = LinearProgram()
        p.addColumn(cost: -1)
        for (method, presolve) in allSimplexVariants {
            let s = try GLPKSolver().solve(p, options: SolveOptions(method: method, presolve: presolve))
            #expect(s.status == .unbounded, "\(method), presolve \(presolve): \(s.status)")
        }
    }

    @Test func noColumns() throws {
        // Rows without columns have activity 0: feasible when 0 is within their bounds.
        var feasible = LinearProgram()
        feasible.objectiveConstant = -3
        feasible.addRow(upper: 5)
        feasible.addRow(lower: -2, upper: 3)
        feasible.addRow(lower: 0, upper: 0)
        for (method, presolve) in allSimplexVariants {
            let s = try GLPKSolver().solve(feasible, options: SolveOptions(method: method, presolve: presolve))
            #expect(s.status == .optimal, "\(method), presolve \(presolve): \(s.status)")
            expectClose(s.objective, -3, "objective")
            #expect(s.columnValues.isEmpty)
            #expect(s.rowActivities == [0, 0, 0])
            #expect(s.rowDuals == [0, 0, 0])
        }

        var infeasible = LinearProgram()
        infeasible.addRow(upper: 5)
        infeasible.addRow(lower: 1, upper: 2)
        for (method, presolve) in allSimplexVariants {
            let s = try GLPKSolver().solve(infeasible, options: SolveOptions(method: method, presolve: presolve))
            #expect(s.status == .infeasible, "\(method), presolve \(presolve): \(s.status)")
            #expect(s.rowActivities.count == 2)
        }
    }
}
