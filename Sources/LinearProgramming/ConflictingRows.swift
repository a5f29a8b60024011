/// Which of a few suspect rows make a program infeasible: a deletion filter (Chinneck and
/// Dravnieks, "Locating minimal infeasible constraint sets in linear programs", ORSA Journal on
/// Computing 3(2), 1991). Each suspect is dropped in turn; if the program stays infeasible
/// without it, it is left out for good, otherwise it is part of the conflict. What remains is
/// irreducible: every suspect in it is needed for the infeasibility, given the other rows.
///
/// Feasibility is that of the LP relaxation; the caller knows whether integrality can add to it.
extension GLPKSolver {
    /// The suspects (groups of row indices, each group dropped and kept as one) that together
    /// make `program` infeasible, as indices into `suspects`; nil when the program is feasible
    /// with all of them, and [] when it is infeasible without any (another row is at fault).
    public func conflictingRows(_ program: LinearProgram, suspects: [[Int]], timeLimit: Double? = nil) throws -> [Int]? {
        var free = program
        for j in 0..<free.columnCount { free.setCost(column: j, 0) }
        var options = SolveOptions(kind: .relaxation, method: .primalSimplex, presolve: false, timeLimit: timeLimit)
        options.timeLimit = timeLimit
        func feasible(_ keep: Set<Int>) throws -> Bool {
            var trial = free
            for (k, rows) in suspects.enumerated() where !keep.contains(k) {
                for i in rows { trial.setBounds(row: i, lower: -.infinity, upper: .infinity) }
            }
            let solution = try solve(trial, options: options)
            return solution.status != .infeasible
        }
        var kept = Set(suspects.indices)
        if try feasible(kept) { return nil }
        for k in suspects.indices {
            kept.remove(k)
            if try feasible(kept) { kept.insert(k) }
        }
        return kept.sorted()
    }
}
