/// Bound perturbation against primal degeneracy, outside GLPK.
///
/// Where many basic variables sit on a bound (a network's spanning tree carries most of its arcs
/// at 0), the primal simplex makes pivot after pivot of step 0: the entering variable is blocked
/// at once by a basic variable already at its bound, and the objective stays where it is. Moving
/// each such bound outwards by a small amount, distinct from variable to variable, puts every
/// basic variable strictly inside its bounds, so each step moves, and ties in the ratio test
/// become rare. The start stays primal feasible (only bounds the start sits on move, and they
/// move away from it). Once the perturbed program is optimal its basis is still dual feasible for
/// the original (the costs and the matrix are the same), and the original's bounds leave it at
/// most a few perturbations out of primal feasibility: the dual simplex repairs that, usually in
/// few pivots. The optimum is then the original program's own, proven by GLPK on it.
extension LinearProgram {
    /// This program with each bound that a basic variable of `basis` sits on (at `columnValues`
    /// and `rowActivities`, within 1e-9) moved outwards by `size` to 2 `size`, by an amount fixed
    /// by the variable's index (so the same program always perturbs the same way). Nothing else
    /// changes. Returns the program and the number of bounds moved.
    public func perturbingDegenerateBounds(basis: StartingBasis, columnValues: [Double], rowActivities: [Double],
                                           size: Double) -> (program: LinearProgram, moved: Int) {
        precondition(basis.columns.count == columnCount && basis.rows.count == rowCount
                     && columnValues.count == columnCount && rowActivities.count == rowCount,
                     "a basis and a point of this program")
        var perturbed = self
        var moved = 0
        /// The amount for variable k (columns first, then rows): size times 1 to 2, spread by a
        /// multiplicative hash so that neighbouring variables differ.
        func amount(_ k: Int) -> Double { size * (1 + Double((k &* 40503) % 997) / 997) }
        func widened(_ lower: Double, _ upper: Double, at x: Double, _ k: Int) -> (Double, Double) {
            var (lower, upper) = (lower, upper)
            if lower.isFinite, abs(x - lower) <= 1e-9 { lower -= amount(k); moved += 1 }
            if upper.isFinite, abs(x - upper) <= 1e-9 { upper += amount(k); moved += 1 }
            return (lower, upper)
        }
        for j in 0..<columnCount where basis.columns[j] == .basic {
            let (lower, upper) = widened(columns[j].lower, columns[j].upper, at: columnValues[j], j)
            perturbed.setBounds(column: j, lower: lower, upper: upper)
        }
        for i in 0..<rowCount where basis.rows[i] == .basic {
            let (lower, upper) = widened(rows[i].lower, rows[i].upper, at: rowActivities[i], columnCount + i)
            perturbed.setBounds(row: i, lower: lower, upper: upper)
        }
        return (perturbed, moved)
    }
}

extension GLPKSolver {
    /// Column generation (`solveGeneratingColumns`) by the primal simplex from `start`, a primal
    /// feasible basis and its point, on the program with the start's degenerate bounds perturbed
    /// by `size` (`perturbingDegenerateBounds`); then, from the perturbed optimum's basis, the
    /// dual simplex and pricing on `program` itself. The result is `program`'s optimum, as exact
    /// as `solveGeneratingColumns`'s. When the perturbed program ends without an optimum (time
    /// limit), that ending is returned: its point is one of the perturbed program, so it is no
    /// plan of `program`.
    public func solveGeneratingColumns(_ program: LinearProgram, initial: [Int], options: SolveOptions,
                                       perturbing start: (basis: StartingBasis, columnValues: [Double],
                                                          rowActivities: [Double]),
                                       size: Double, stats: inout ColumnGenerationStats) throws -> Solution {
        let (perturbed, moved) = program.perturbingDegenerateBounds(basis: start.basis, columnValues: start.columnValues,
                                                                    rowActivities: start.rowActivities, size: size)
        options.log?("redeploy: \(moved) bounds of degenerate basic variables moved out by \(size) to \(2 * size)")
        let clock = ContinuousClock()
        let began = clock.now
        var primal = options
        primal.method = .primalSimplex
        let first = try solveGeneratingColumns(perturbed, initial: initial, options: primal, basis: start.basis,
                                               stats: &stats)
        guard first.status == .optimal, let basis = first.basis else { return first }
        var dual = options
        dual.method = .dualSimplex
        dual.timeLimit = options.timeLimit.map { max(0, $0 - (clock.now - began).inSeconds) }
        var last = try solveGeneratingColumns(program, initial: initial, options: dual, basis: basis,
                                              startingMethod: .dualSimplex, stats: &stats)
        last.seconds = (clock.now - began).inSeconds
        return last
    }
}
