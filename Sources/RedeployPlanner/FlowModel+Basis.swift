import LinearProgramming
import RedeployDomain

extension FlowModel {
    /// The simplex basis of the plan that does nothing, for GLPK's primal simplex to start
    /// from instead of the all-slack basis (from which the dual simplex spends some 15,000
    /// pivots on 600 schools at no gain, one infeasible requirement row after another).
    ///
    /// Each pair's stay is basic in its O row. Its teachers cover its own requirement: where
    /// they meet it, the cover is basic in the C row (the D row's slack basic); where they fall
    /// short, the cover is basic in the D row and the shortage in the C row, its cheaper arc
    /// (the fractional part) at its bound first. Every other row's slack is basic, every other
    /// column at 0. In the order O rows, D rows, C rows the basis is triangular, so never
    /// singular; it is primal feasible whenever doing nothing meets the payroll and every side
    /// row, and GLPK's phase 1 starts from it otherwise. nil for pooled models.
    func doNothingBasis(_ instance: Instance) -> StartingBasis? {
        guard !pooled else { return nil }
        var rows = [StartingBasis.Status](repeating: .basic, count: program.rowCount)
        var columns = [StartingBasis.Status](repeating: .atLower, count: program.columnCount)
        var stay = [Int](repeating: -1, count: instance.pairs.count)
        var ownCover = [Int](repeating: -1, count: instance.pairs.count)
        var shortages = [Int: [Int]]()
        for (j, role) in roles.enumerated() {
            switch role {
            case let .stay(p): stay[p] = j
            case let .cover(p, q) where p == q: ownCover[p] = j
            case let .short(q): shortages[q, default: []].append(j)
            default: break
            }
        }
        for (p, pair) in instance.pairs.enumerated() {
            guard stay[p] >= 0 else { return nil }
            columns[stay[p]] = .basic
            rows[originRows[p]] = .atLower
            let c = requirementRows[p]
            guard c >= 0 else { continue }
            guard ownCover[p] >= 0 else { return nil }
            let need = program.rows[c].lower
            let staff = Double(pair.staying)
            columns[ownCover[p]] = .basic
            rows[c] = .atLower
            guard staff < need else { continue }
            rows[staffRows[p]] = .atLower
            // The shortage need - staff, cheapest arcs at their bound first, one arc basic.
            let arcs = (shortages[p] ?? []).sorted { stageOneCosts[$0] < stageOneCosts[$1] }
            guard !arcs.isEmpty else { return nil }
            var left = need - staff
            for (k, j) in arcs.enumerated() {
                let upper = program.columns[j].upper
                if k < arcs.count - 1 && left >= upper {
                    columns[j] = .atUpper
                    left -= upper
                } else {
                    columns[j] = .basic
                    break
                }
            }
        }
        return StartingBasis(rows: rows, columns: columns)
    }
}
