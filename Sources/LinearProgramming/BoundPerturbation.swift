/// Bound perturbation against primal degeneracy, outside GLPK.
///
/// Where many basic variables sit on a bound (a network's spanning tree carries most of its arcs
/// at 0), the primal simplex makes pivot after pivot of step 0: the entering variable is blocked
/// at once by a basic variable already at its bound, and the objective stays where it is. Moving
/// each such bound outwards by a small amount, varied from variable to variable (997 amounts
/// between `size` and 2 `size`), puts every basic variable strictly inside its bounds, so each
/// step moves, and ties in the ratio test become rare. The start stays primal feasible (only
/// bounds the start sits on move, and they move away from it). The perturbed program relaxes the
/// original, and once it is optimal its basis is still dual feasible for the original (the costs
/// and the matrix are the same); with the original bounds put back its point is off by the moved
/// bounds carried through the basis, and the dual simplex repairs that (on 600 schools x 6 years,
/// in 0 pivots). The optimum is then the original program's own, proven by GLPK on it.
extension LinearProgram {
    /// This program with each bound that a basic variable of `basis` sits on (at `columnValues`
    /// and `rowActivities`, within 1e-9) moved outwards by `size` to 2 `size`, by an amount fixed
    /// by the variable's index (`perturbation(of:size:)`: the same program always perturbs the
    /// same way). Nothing else changes. Returns the program and the number of bounds moved.
    public func perturbingDegenerateBounds(basis: StartingBasis, columnValues: [Double], rowActivities: [Double],
                                           size: Double) -> (program: LinearProgram, moved: Int) {
        precondition(basis.columns.count == columnCount && basis.rows.count == rowCount
                     && columnValues.count == columnCount && rowActivities.count == rowCount,
                     "a basis and a point of this program")
        precondition(size > 0 && size.isFinite, "a perturbation is a small positive amount")
        var perturbed = self
        var moved = 0
        let amount = { (k: Int) in Self.perturbation(of: k, size: size) }
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

    /// How far variable k (the columns first, then the rows) is moved: `size` times 1 to 2, one
    /// of 997 steps chosen by a multiplicative hash of k, so that neighbouring variables differ.
    static func perturbation(of k: Int, size: Double) -> Double {
        size * (1 + Double((k &* 40503) % 997) / 997)
    }
}

extension GLPKSolver {
    /// Column generation (`solveGeneratingColumns`) by the primal simplex from `start`, a primal
    /// feasible basis and its point, on the program with the start's degenerate bounds perturbed
    /// by `size` (`perturbingDegenerateBounds`); then, from the perturbed optimum's basis, the
    /// dual simplex and pricing on `program` itself. The result is `program`'s optimum, as exact
    /// as `solveGeneratingColumns`'s. When the perturbed program ends without an optimum (time
    /// limit), that ending is returned without a point (`hasPoint` false: its point is one of
    /// the perturbed program, no point of `program`); when the second solve runs out of time,
    /// its own ending (the dual simplex's points are not primal feasible, so it has none either).
    public func solveGeneratingColumns(_ program: LinearProgram, initial: [Int], options: SolveOptions,
                                       perturbing start: (basis: StartingBasis, columnValues: [Double],
                                                          rowActivities: [Double]),
                                       size: Double, stats: inout ColumnGenerationStats) throws -> Solution {
        let clock = ContinuousClock()
        let began = clock.now
        let (perturbed, moved) = program.perturbingDegenerateBounds(basis: start.basis, columnValues: start.columnValues,
                                                                    rowActivities: start.rowActivities, size: size)
        options.log?("redeploy: \(moved) bounds of degenerate basic variables moved out by \(size) to \(2 * size)")
        var primal = options
        primal.method = .primalSimplex
        var first = try solveGeneratingColumns(perturbed, initial: initial, options: primal, basis: start.basis,
                                               stats: &stats)
        guard first.status == .optimal else {
            first.hasPoint = false
            return first
        }
        guard let basis = first.basis else {
            // No basis to carry over (GLPK always gives one after the simplex; kept safe): the
            // original program from the start, unperturbed.
            primal.timeLimit = options.timeLimit(since: began)
            return try solveGeneratingColumns(program, initial: initial, options: primal, basis: start.basis, stats: &stats)
        }
        var dual = options
        dual.method = .dualSimplex
        dual.timeLimit = options.timeLimit(since: began)
        // A column priced in during the first solve that ended at its upper bound is kept: outside
        // the program, column generation would hold it at 0.
        let atUpper = basis.columns.indices.filter { basis.columns[$0] == .atUpper }
        var last = try solveGeneratingColumns(program, initial: Array(Set(initial + atUpper)).sorted(), options: dual,
                                              basis: basis, startingMethod: .dualSimplex, stats: &stats)
        last.seconds = (clock.now - began).inSeconds
        return last
    }
}
