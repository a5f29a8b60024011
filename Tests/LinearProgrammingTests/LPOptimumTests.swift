import Testing
@testable import LinearProgramming

/// 1. An LP whose optimum, duals and reduced costs were worked out by hand (see `productionLP`).
@Suite struct LPOptimumTests {
    @Test func maximisationReportsHandWorkedOptimumDualsAndReducedCosts() throws {
        let s = try GLPKSolver().solve(productionLP(sense: .maximize))
        #expect(s.status == .optimal)
        #expect(s.hasPoint)
        expectClose(s.objective, 36, "objective")
        expectClose(s.columnValues, productionValues, "column values")
        expectClose(s.rowActivities, productionActivities, "row activities")
        // GLPK's row dual is d(objective)/d(rhs): a binding <= row of a maximisation is >= 0.
        expectClose(s.rowDuals, productionDualsMax, "row duals")
        // d_j = c_j - A_j' pi: a column at its lower bound in a maximisation has d_j <= 0.
        expectClose(s.reducedCosts, productionReducedCostsMax, "reduced costs")
        #expect(s.bestBound == nil && s.gap == nil, "an LP has no MIP bound")
        #expect(s.iterations > 0)
    }

    @Test func minimisationReportsNegatedDualsAndReducedCosts() throws {
        let s = try GLPKSolver().solve(productionLP(sense: .minimize))
        #expect(s.status == .optimal)
        expectClose(s.objective, -36, "objective")
        expectClose(s.columnValues, productionValues, "column values")
        // Minimising -c: binding <= rows have duals <= 0, the column at its lower bound d_j >= 0.
        expectClose(s.rowDuals, [0, -1.5, -1], "row duals")
        expectClose(s.reducedCosts, [0, 0, 1], "reduced costs")
    }

    @Test(arguments: [LinearProgram.Sense.maximize, .minimize])
    func primalAndDualSimplexWithAndWithoutPresolveAgree(sense: LinearProgram.Sense) throws {
        let sign: Double = sense == .maximize ? 1 : -1
        for (method, presolve) in allSimplexVariants {
            let s = try GLPKSolver().solve(productionLP(sense: sense),
                                           options: SolveOptions(method: method, presolve: presolve))
            let what = "\(method), presolve \(presolve)"
            #expect(s.status == .optimal, "\(what)")
            expectClose(s.objective, sign * 36, "\(what): objective")
            expectClose(s.columnValues, productionValues, "\(what): column values")
            expectClose(s.rowActivities, productionActivities, "\(what): row activities")
            expectClose(s.rowDuals, productionDualsMax.map { sign * $0 }, "\(what): row duals")
            expectClose(s.reducedCosts, productionReducedCostsMax.map { sign * $0 }, "\(what): reduced costs")
        }
    }

    @Test func objectiveConstantIsAdded() throws {
        var p = productionLP()
        p.objectiveConstant = -6.5
        let s = try GLPKSolver().solve(p)
        expectClose(s.objective, 29.5, "objective")
        expectClose(s.columnValues, productionValues, "column values")
    }

    @Test func relaxationOfAnIntegerProgramIsAnLP() throws {
        let knapsack = Knapsack()
        let s = try GLPKSolver().solve(knapsack.program, options: SolveOptions(kind: .relaxation))
        #expect(s.status == .optimal)
        expectClose(s.objective, knapsack.fractionalOptimum(), "LP bound")
        #expect(s.rowDuals != nil && s.bestBound == nil)
        #expect(s.columnValues.contains { $0 != $0.rounded() }, "the relaxation's optimum is fractional")
    }
}
