/// Column generation for LPs with many columns of which few are used (transfer arcs, say).
///
/// The restricted program holds the `initial` columns; every other column sits at its lower
/// bound 0. After each solve the absent columns are priced with the row duals,
/// d_j = c_j - sum_i a_ij y_i, and every one with d_j < 0 joins. When none is left, the
/// restricted optimum is optimal for the whole program (the duals are feasible for every
/// column), which is exact, not a heuristic.
extension GLPKSolver {
    public struct ColumnGenerationStats: Sendable {
        public var rounds = 0
        public var columnsUsed = 0
        public init() {}
    }

    /// Solves the LP relaxation of a minimisation. Columns outside `initial` must have lower
    /// bound 0 and a non-negative upper bound. Returns a solution indexed like `program`,
    /// with reduced costs for every column.
    ///
    /// `basis` (indexed like `program`): where the first restricted solve starts, with the
    /// primal simplex (or `startingMethod`: the dual simplex from a dual feasible basis); its
    /// basic columns join `initial`. If GLPK cannot use it (singular), the restricted program
    /// starts from the all-slack basis as without one. Later rounds continue by the primal
    /// simplex: entering columns leave the basis primal feasible.
    public func solveGeneratingColumns(_ program: LinearProgram, initial: [Int], options: SolveOptions,
                                       basis: StartingBasis? = nil,
                                       startingMethod: SolveOptions.Method = .primalSimplex,
                                       stats: inout ColumnGenerationStats) throws -> Solution {
        precondition(program.sense == .minimize, "column generation prices for minimisation")
        let matrix = try program.validated()
        let columnStart = Self.columnStarts(matrix, columns: program.columnCount)
        var active = [Bool](repeating: false, count: program.columnCount)
        for j in initial { active[j] = true }
        let basis = basis.flatMap { $0.rows.count == program.rowCount && $0.columns.count == program.columnCount ? $0 : nil }
        if let basis { for (j, status) in basis.columns.enumerated() where status == .basic { active[j] = true } }
        for (j, c) in program.columns.enumerated() where !active[j] && c.lower != 0 { active[j] = true }
        let clock = ContinuousClock()
        let start = clock.now
        var relaxation = options
        relaxation.kind = .relaxation
        relaxation.presolve = false
        // One GLPK problem for every round, on this thread: entering columns are appended and
        // the primal simplex continues from the last basis instead of starting over.
        var chosen = active.indices.filter { active[$0] }
        let restricted = program.keepingColumns(chosen, matrix: matrix, columnStart: columnStart)
        let terminal = Terminal(log: options.log)
        defer { terminal.detach() }
        let problem = try Problem(program: restricted, matrix: try restricted.validated(), terminal: terminal)
        defer { problem.delete() }
        var part: Solution
        if let basis {
            problem.setBasis(basis.keepingColumns(chosen))
            part = try problem.resolve(options: relaxation, method: startingMethod)
            if part.status == .undefined {
                options.log?("redeploy: the starting basis was refused; the program starts from its slacks")
                problem.setBasis(StartingBasis(rows: Array(repeating: .basic, count: program.rowCount),
                                               columns: Array(repeating: .atLower, count: chosen.count)))
                part = try problem.solve(options: relaxation, isMIP: false)
            }
        } else {
            part = try problem.solve(options: relaxation, isMIP: false)
        }
        while true {
            stats.rounds += 1
            if part.status == .timeLimit {
                // Out of time: a point of the restricted program is one of the whole program
                // (every absent column at its lower bound 0), so it is the best one known.
                return Self.expanded(part, chosen: chosen, columns: program.columnCount, reduced: nil,
                                     seconds: (clock.now - start).inSeconds)
            }
            guard part.status == .optimal, let duals = part.rowDuals, let partReduced = part.reducedCosts else {
                // Not proven by the restricted program: let the whole program decide.
                relaxation.timeLimit = options.timeLimit(since: start)
                return try solve(program, options: relaxation)
            }
            var reduced = [Double](repeating: 0, count: program.columnCount)
            var entering: [Int] = []
            for j in 0..<program.columnCount where !active[j] {
                var d = program.columns[j].cost
                for k in columnStart[j]..<columnStart[j + 1] {
                    d -= matrix.values[k] * duals[Int(matrix.rowIndices[k]) - 1]
                }
                reduced[j] = d
                if d < -1e-9 * max(1, abs(program.columns[j].cost)) { entering.append(j) }
            }
            if !entering.isEmpty {
                for j in entering { active[j] = true }
                chosen += entering
                try problem.appendColumns(entering, of: program, matrix: matrix, columnStart: columnStart)
                relaxation.timeLimit = options.timeLimit(since: start)
                part = try problem.resolve(options: relaxation)
                continue
            }
            for (k, j) in chosen.enumerated() { reduced[j] = partReduced[k] }
            stats.columnsUsed = chosen.count
            return Self.expanded(part, chosen: chosen, columns: program.columnCount, reduced: reduced,
                                 seconds: (clock.now - start).inSeconds)
        }
    }

    /// A restricted program's solution indexed like the whole program (absent columns at 0).
    private static func expanded(_ part: Solution, chosen: [Int], columns: Int, reduced: [Double]?,
                                 seconds: Double) -> Solution {
        var whole = part
        whole.basis = part.basis?.expanded(chosen: chosen, columns: columns)
        var values = [Double](repeating: 0, count: columns)
        for (k, j) in chosen.enumerated() { values[j] = part.columnValues[k] }
        whole.columnValues = values
        whole.reducedCosts = reduced
        whole.seconds = seconds
        return whole
    }

    /// Offsets of each column's entries in a validated (column-sorted, 1-based) matrix.
    static func columnStarts(_ matrix: ValidatedMatrix, columns: Int) -> [Int] {
        var counts = [Int](repeating: 0, count: columns)
        for k in stride(from: 1, through: matrix.count, by: 1) { counts[Int(matrix.columnIndices[k]) - 1] += 1 }
        var start = [Int](repeating: 1, count: columns + 1)
        for j in 0..<columns { start[j + 1] = start[j] + counts[j] }
        return start
    }
}

extension LinearProgram {
    /// The same program with only `columns` (in that order) and every row.
    func keepingColumns(_ columns: [Int], matrix: ValidatedMatrix, columnStart: [Int]) -> LinearProgram {
        var kept = LinearProgram(name: name, sense: sense)
        kept.objectiveConstant = objectiveConstant
        var entries = 0
        for j in columns { entries += columnStart[j + 1] - columnStart[j] }
        kept.reserve(columns: columns.count, rows: rowCount, entries: entries)
        for row in rows { kept.addRow(name: row.name, lower: row.lower, upper: row.upper) }
        for (n, j) in columns.enumerated() {
            let c = self.columns[j]
            kept.addColumn(name: c.name, lower: c.lower, upper: c.upper, cost: c.cost, isInteger: c.isInteger)
            for k in columnStart[j]..<columnStart[j + 1] {
                kept.addEntry(row: Int(matrix.rowIndices[k]) - 1, column: n, value: matrix.values[k])
            }
        }
        return kept
    }
}
