import RedeployTestSupport
import Testing
@testable import LinearProgramming

/// Bound perturbation (`BoundPerturbation.swift`): which bounds move, and that the solve through
/// the perturbed program ends on the original program's optimum.
@Suite struct BoundPerturbationTests {
    /// min -x - y, r1: x + y <= 0 (degenerate at the origin), r2: x <= 3, x, y in [0, 5]: all
    /// slacks basic at the origin, r1's at its bound 0, r2's inside.
    func degenerate() -> LinearProgram {
        var p = LinearProgram(name: "degenerate", sense: .minimize)
        let x = p.addColumn(name: "x", upper: 5, cost: -1)
        let y = p.addColumn(name: "y", upper: 5, cost: -1)
        p.addRow(name: "r1", upper: 0, terms: [(x, 1), (y, 1)])
        p.addRow(name: "r2", upper: 3, terms: [(x, 1)])
        return p
    }

    let slacks = StartingBasis(rows: [.basic, .basic], columns: [.atLower, .atLower])

    @Test func onlyTheBoundsBasicVariablesSitOnMove() {
        let program = degenerate()
        let (perturbed, moved) = program.perturbingDegenerateBounds(basis: slacks, columnValues: [0, 0],
                                                                    rowActivities: [0, 0], size: 1e-5)
        #expect(moved == 1)
        // r1's upper bound 0 moves out by 1e-5 to 2e-5; r2 (activity 0, bound 3) and the
        // non-basic columns keep theirs.
        #expect(perturbed.rows[0].upper > 1e-5 - 1e-12 && perturbed.rows[0].upper < 2e-5)
        #expect(perturbed.rows[0].lower == program.rows[0].lower)
        #expect(perturbed.rows[1] == program.rows[1])
        #expect(perturbed.columns == program.columns)
    }

    /// The amounts are fixed by the variable's index: row r1 of `degenerate` is variable 2 (two
    /// columns before it), moved by 1e-5 (1 + (2 x 40503 mod 997) / 997) = 1e-5 (1 + 249 / 997);
    /// neighbouring variables get different amounts, all within [size, 2 size).
    @Test func theAmountsAreFixedByTheIndex() {
        let (perturbed, _) = degenerate().perturbingDegenerateBounds(basis: slacks, columnValues: [0, 0],
                                                                      rowActivities: [0, 0], size: 1e-5)
        expectClose(perturbed.rows[0].upper, 1e-5 * (1 + 249.0 / 997), tolerance: 1e-12, "r1's upper bound")
        let amounts = (0..<50).map { LinearProgram.perturbation(of: $0, size: 1) }
        #expect(zip(amounts, amounts.dropFirst()).allSatisfy { $0 != $1 })
        #expect(amounts.allSatisfy { $0 >= 1 && $0 < 2 })
    }

    /// Columns as well as rows, lower bounds as well as upper ones, an equality row, and a basic
    /// variable just off its bound (1e-8: not degenerate), which keeps its bounds.
    @Test func lowerAndUpperBoundsOfColumnsAndRows() {
        var p = LinearProgram(name: "bounds", sense: .minimize)
        let x = p.addColumn(name: "x", lower: 1, upper: 4, cost: 1)   // basic at its lower bound 1
        let y = p.addColumn(name: "y", upper: 3, cost: -1)            // basic at its upper bound 3
        let z = p.addColumn(name: "z", upper: 9, cost: 0)             // basic, 1e-8 above 0
        p.addRow(name: "e", lower: 4, upper: 4, terms: [(x, 1), (y, 1)])  // basic equality row at 4
        p.addRow(name: "f", upper: 9, terms: [(z, 1)])                    // basic inside
        let basis = StartingBasis(rows: [.basic, .basic], columns: [.basic, .basic, .basic])
        let (q, moved) = p.perturbingDegenerateBounds(basis: basis, columnValues: [1, 3, 1e-8],
                                                      rowActivities: [4, 1e-8], size: 1e-5)
        #expect(moved == 4)
        #expect(q.columns[x].lower < 1 && q.columns[x].lower > 1 - 2e-5 && q.columns[x].upper == 4)
        #expect(q.columns[y].upper > 3 && q.columns[y].upper < 3 + 2e-5 && q.columns[y].lower == 0)
        #expect(q.columns[z] == p.columns[z])
        #expect(q.rows[0].lower < 4 && q.rows[0].upper > 4 && q.rows[0].upper - q.rows[0].lower < 4e-5)
        #expect(q.rows[1] == p.rows[1])
    }

    /// Out of time in the perturbed program: no optimum, and no point (it would be the
    /// perturbed program's, not this one's).
    @Test func outOfTimeGivesNoPoint() throws {
        let program = degenerate()
        var stats = GLPKSolver.ColumnGenerationStats()
        let options = SolveOptions(kind: .relaxation, method: .primalSimplex, presolve: false, timeLimit: 0)
        let solved = try GLPKSolver().solveGeneratingColumns(program, initial: [0, 1], options: options,
                                                             perturbing: (slacks, [0, 0], [0, 0]), size: 1e-3,
                                                             stats: &stats)
        #expect(solved.status == .timeLimit)
        #expect(!solved.hasPoint)
    }

    /// The perturbed program's own optimum is not the original's (here -2e-5 or so against 0),
    /// so a solve that stopped there would fail this; the solve through it must end on 0.
    @Test func theOptimumIsTheOriginalProgramsOwn() throws {
        let program = degenerate()
        var stats = GLPKSolver.ColumnGenerationStats()
        let options = SolveOptions(kind: .relaxation, method: .primalSimplex, presolve: false)
        let (perturbed, _) = program.perturbingDegenerateBounds(basis: slacks, columnValues: [0, 0],
                                                                rowActivities: [0, 0], size: 1e-3)
        let alone = try GLPKSolver().solve(perturbed, options: options)
        #expect(alone.objective < -1e-3, "the perturbed program's optimum differs: \(alone.objective)")
        let solved = try GLPKSolver().solveGeneratingColumns(program, initial: [0, 1], options: options,
                                                             perturbing: (slacks, [0, 0], [0, 0]), size: 1e-3,
                                                             stats: &stats)
        #expect(solved.status == .optimal)
        expectClose(solved.objective, 0, "objective")
        #expect(abs(solved.columnValues[0] + solved.columnValues[1]) <= 1e-9, "r1 holds: \(solved.columnValues)")
    }

    /// Random degenerate programs (many rows with right-hand side 0, the origin feasible): the
    /// perturbed solve from the slacks and GLPK's plain solve agree on the optimum, with some
    /// columns left to pricing.
    @Test(arguments: 0..<60)
    func randomProgramsAgree(seed: Int) throws {
        var random = SplitMix64(seed: UInt64(seed))
        let (rows, columns) = (3 + Int(random.next() % 8), 4 + Int(random.next() % 12))
        var program = LinearProgram(name: "random", sense: .minimize)
        for j in 0..<columns {
            let upper = random.next() % 4 == 0 ? Double.infinity : Double(1 + random.next() % 6)
            program.addColumn(name: "x\(j)", upper: upper, cost: Double(Int(random.next() % 11) - 7))
        }
        for i in 0..<rows {
            var terms: [(Int, Double)] = []
            for j in 0..<columns where random.next() % 3 == 0 { terms.append((j, Double(1 + random.next() % 4))) }
            let rhs = random.next() % 2 == 0 ? 0 : Double(random.next() % 9)
            program.addRow(name: "r\(i)", upper: rhs, terms: terms)
        }
        // Keep it bounded: every column in a row of positive coefficients with a finite bound.
        program.addRow(name: "total", upper: 20, terms: (0..<columns).map { ($0, 1.0) })
        let options = SolveOptions(kind: .relaxation, method: .primalSimplex, presolve: false)
        let plain = try GLPKSolver().solve(program, options: options)
        try #require(plain.status == .optimal)
        let start = StartingBasis(rows: Array(repeating: .basic, count: program.rowCount),
                                  columns: Array(repeating: .atLower, count: columns))
        let origin = [Double](repeating: 0, count: columns)
        var stats = GLPKSolver.ColumnGenerationStats()
        let solved = try GLPKSolver().solveGeneratingColumns(
            program, initial: Array(0..<(columns / 2)), options: options,
            perturbing: (start, origin, [Double](repeating: 0, count: program.rowCount)), size: 1e-4, stats: &stats)
        #expect(solved.status == .optimal)
        expectClose(solved.objective, plain.objective, "seed \(seed)")
        // The point meets the original rows and bounds, computed here from the entries.
        var activity = [Double](repeating: 0, count: program.rowCount)
        for k in 0..<program.entryCount {
            activity[Int(program.entryRows[k])] += program.entryValues[k] * solved.columnValues[Int(program.entryColumns[k])]
        }
        for (i, row) in program.rows.enumerated() {
            #expect(activity[i] <= row.upper + 1e-9, "seed \(seed): row \(i) at \(activity[i]) over \(row.upper)")
        }
        #expect(zip(solved.columnValues, program.columns).allSatisfy { $0 >= $1.lower - 1e-9 && $0 <= $1.upper + 1e-9 })
    }
}
