import Testing
@testable import LinearProgramming

/// 3. Infeasible and unbounded programs, with every simplex variant.
@Suite struct StatusTests {
    /// x + y >= 5 with 0 <= x, y <= 1.
    static func infeasibleByBounds(integer: Bool = false) -> LinearProgram {
        var p = LinearProgram()
        let x = p.addColumn(upper: 1, cost: 1, isInteger: integer)
        let y = p.addColumn(upper: 1, cost: 1, isInteger: integer)
        p.addRow(lower: 5, terms: [(x, 1), (y, 1)])
        return p
    }

    /// x + y <= 1 and x + y >= 3 over free columns.
    static func infeasibleByRows() -> LinearProgram {
        var p = LinearProgram()
        let x = p.addColumn(lower: -.infinity, cost: 1)
        let y = p.addColumn(lower: -.infinity, cost: 2)
        p.addRow(upper: 1, terms: [(x, 1), (y, 1)])
        p.addRow(lower: 3, terms: [(x, 1), (y, 1)])
        return p
    }

    /// Both primal and dual infeasible: min -x - y with x - y >= 1 and x - y <= 0. No feasible
    /// point exists, so the verdict must be infeasible, not unbounded.
    static func primalAndDualInfeasible() -> LinearProgram {
        var p = LinearProgram()
        let x = p.addColumn(cost: -1)
        let y = p.addColumn(cost: -1)
        p.addRow(lower: 1, terms: [(x, 1), (y, -1)])
        p.addRow(upper: 0, terms: [(x, 1), (y, -1)])
        return p
    }

    /// max x + y with x - y <= 1, x, y >= 0 (the ray x = y grows without end).
    static func unbounded(sense: LinearProgram.Sense, integer: Bool = false) -> LinearProgram {
        let sign: Double = sense == .maximize ? 1 : -1
        var p = LinearProgram(sense: sense)
        let x = p.addColumn(cost: sign, isInteger: integer)
        let y = p.addColumn(cost: sign, isInteger: integer)
        p.addRow(upper: 1, terms: [(x, 1), (y, -1)])
        return p
    }

    @Test func infeasibleLP() throws {
        let programs = [("bounds", Self.infeasibleByBounds()), ("rows", Self.infeasibleByRows()),
                        ("primal and dual", Self.primalAndDualInfeasible())]
        for (name, program) in programs {
            for (method, presolve) in allSimplexVariants {
                let s = try GLPKSolver().solve(program, options: SolveOptions(method: method, presolve: presolve))
                #expect(s.status == .infeasible, "\(name), \(method), presolve \(presolve): \(s.status)")
                #expect(!s.hasPoint)
                #expect(s.rowDuals == nil && s.reducedCosts == nil)
                #expect(s.columnValues.count == program.columnCount)
            }
        }
    }

    @Test func infeasibleMIP() throws {
        // The relaxation is already infeasible.
        let byBounds = Self.infeasibleByBounds(integer: true)
        // The relaxation is feasible (x = 0.75, y = 0), no integer point is: 2x + 2y = 3.
        var parity = LinearProgram()
        let x = parity.addColumn(upper: 5, cost: 1, isInteger: true)
        let y = parity.addColumn(upper: 5, cost: 1, isInteger: true)
        parity.addRow(lower: 3, upper: 3, terms: [(x, 2), (y, 2)])
        try #require(GLPKSolver().solve(parity, options: SolveOptions(kind: .relaxation)).status == .optimal)

        for (name, program) in [("relaxation infeasible", byBounds), ("integer infeasible", parity)] {
            for (method, presolve) in allSimplexVariants {
                let s = try GLPKSolver().solve(program, options: SolveOptions(method: method, presolve: presolve))
                #expect(s.status == .infeasible, "\(name), \(method), presolve \(presolve): \(s.status)")
                #expect(!s.hasPoint)
                #expect(s.gap == nil)
            }
        }
    }

    @Test func unboundedLP() throws {
        for sense in [LinearProgram.Sense.maximize, .minimize] {
            for (method, presolve) in allSimplexVariants {
                let s = try GLPKSolver().solve(Self.unbounded(sense: sense),
                                               options: SolveOptions(method: method, presolve: presolve))
                #expect(s.status == .unbounded, "\(sense), \(method), presolve \(presolve): \(s.status)")
                #expect(s.rowDuals == nil)
            }
        }
    }

    @Test func unboundedMIPRelaxationIsReportedUnbounded() throws {
        for (method, presolve) in allSimplexVariants {
            let s = try GLPKSolver().solve(Self.unbounded(sense: .maximize, integer: true),
                                           options: SolveOptions(method: method, presolve: presolve))
            #expect(s.status == .unbounded, "\(method), presolve \(presolve): \(s.status)")
            #expect(!s.hasPoint)
        }
    }
}
