import Testing
@testable import LinearProgramming

/// 11. Every row and column bound type reaches GLPK as meant.
///
///     columns: a free, b fixed at 2, c <= 3 (no lower bound), d >= 1, 0 <= e <= 4
///     eq:     a + b          = 5      (equality)
///     range:  1 <= c + e <= 6         (ranged)
///     total:  a + c + d + e           (free row: no limit, activity reported)
///     le:     d - e <= 2              (upper only)
///     ge:     c - d >= geLower        (lower only)
///
/// b = 2 and a = 3 always. The answers below were worked out by hand per objective.
@Suite struct BoundTypesTests {
    static func program(costs: [Double], geLower: Double = -10) -> LinearProgram {
        var p = LinearProgram(name: "bound_types")
        let a = p.addColumn(name: "a", lower: -.infinity, upper: .infinity, cost: costs[0])
        let b = p.addColumn(name: "b", lower: 2, upper: 2, cost: costs[1])
        let c = p.addColumn(name: "c", lower: -.infinity, upper: 3, cost: costs[2])
        let d = p.addColumn(name: "d", lower: 1, cost: costs[3])
        let e = p.addColumn(name: "e", lower: 0, upper: 4, cost: costs[4])
        p.addRow(name: "eq", lower: 5, upper: 5, terms: [(a, 1), (b, 1)])
        p.addRow(name: "range", lower: 1, upper: 6, terms: [(c, 1), (e, 1)])
        p.addRow(name: "total", terms: [(a, 1), (c, 1), (d, 1), (e, 1)])
        p.addRow(name: "le", upper: 2, terms: [(d, 1), (e, -1)])
        p.addRow(name: "ge", lower: geLower, terms: [(c, 1), (d, -1)])
        return p
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var costs: [Double]
        var objective: Double
        var values: [Double]
        var activities: [Double]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        // min -a + b - c + d - 2e: e = 4 at its upper bound (worth 2), then c = 6 - 4 = 2 where the
        // range's upper limit binds (c's own bound 3 does not), d = 1 at its lower bound. A
        // lower-only "eq" would send a to +inf; b not fixed would trade against a.
        Case(name: "range upper binds", costs: [-1, 1, -1, 1, -2], objective: -3 + 2 - 2 + 1 - 8,
             values: [3, 2, 2, 1, 4], activities: [5, 6, 10, -3, 1]),
        // min a + b + c + d + 2e: c = 1 - e is cheaper than e, so e = 0, c = 1 (range lower binds).
        Case(name: "range lower binds", costs: [1, 1, 1, 1, 2], objective: 3 + 2 + 1 + 1,
             values: [3, 2, 1, 1, 0], activities: [5, 1, 5, 1, 0]),
        // min a - b + c - d: c >= 1 - e and d <= 2 + e, so c - d >= -1 - 2e >= -9 at e = 4:
        // c = -3 (below 0: c has no lower bound), d = 6 (above 1: d has no upper bound; "le"
        // binds). An upper-only "eq" would send a to -inf; b not fixed would grow without end.
        Case(name: "negative upper-only column", costs: [1, -1, 1, -1, 0], objective: 3 - 2 - 3 - 6,
             values: [3, 2, -3, 6, 4], activities: [5, 1, 10, 2, -9]),
    ]

    @Test(arguments: cases)
    func boundTypesAreMapped(_ expected: Case) throws {
        for (method, presolve) in allSimplexVariants {
            let s = try GLPKSolver().solve(Self.program(costs: expected.costs),
                                           options: SolveOptions(method: method, presolve: presolve))
            let what = "\(expected.name), \(method), presolve \(presolve)"
            #expect(s.status == .optimal, "\(what)")
            expectClose(s.objective, expected.objective, "\(what): objective")
            expectClose(s.columnValues, expected.values, "\(what): values")
            expectClose(s.rowActivities, expected.activities, "\(what): activities")
        }
    }

    @Test func lowerOnlyRowIsALowerLimit() throws {
        // c <= 3 and d >= 1 make c - d <= 2: "ge" with lower 100 is infeasible; read as an upper
        // limit it would not be.
        for (method, presolve) in allSimplexVariants {
            let s = try GLPKSolver().solve(Self.program(costs: [1, 1, 1, 1, 2], geLower: 100),
                                           options: SolveOptions(method: method, presolve: presolve))
            #expect(s.status == .infeasible, "\(method), presolve \(presolve): \(s.status)")
        }
    }

    @Test func integerColumnsWithEveryBoundType() throws {
        // min -x + y - z + w: x integer <= 2 (no lower), y integer >= -3 (no upper), z integer
        // fixed at 4, w integer free; rows x + y >= -1 and x - w = 1. With w = x - 1 the objective
        // is y - 5, and y >= max(-3, -1 - x) is -3 only at x = 2: x = 2, y = -3, z = 4, w = 1, value -8.
        var p = LinearProgram()
        let x = p.addColumn(name: "x", lower: -.infinity, upper: 2, cost: -1, isInteger: true)
        let y = p.addColumn(name: "y", lower: -3, cost: 1, isInteger: true)
        let z = p.addColumn(name: "z", lower: 4, upper: 4, cost: -1, isInteger: true)
        let w = p.addColumn(name: "w", lower: -.infinity, upper: .infinity, cost: 1, isInteger: true)
        p.addRow(lower: -1, terms: [(x, 1), (y, 1)])
        p.addRow(lower: 1, upper: 1, terms: [(x, 1), (w, -1)])
        _ = z
        let s = try GLPKSolver().solve(p)
        #expect(s.status == .optimal)
        expectClose(s.objective, -8, "objective")
        expectClose(s.columnValues, [2, -3, 4, 1], "values")
    }
}
