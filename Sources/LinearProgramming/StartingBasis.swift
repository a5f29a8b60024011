import CGLPK

/// A simplex basis to start from: which row (its auxiliary variable) or column is basic, and
/// where each non-basic one sits. A model that knows a feasible point with a simple structure
/// (the plan that does nothing, say) gives GLPK's primal simplex a start without phase 1,
/// instead of the all-slack basis, which on a large flow-shaped program leaves tens of
/// thousands of rows infeasible and the dual simplex pivoting at zero cost for minutes.
///
/// GLPK checks the basis when it factorizes it: one that is singular or has the wrong number of
/// basic variables makes glp_simplex fail without a verdict, and the caller falls back.
public struct StartingBasis: Sendable, Equatable {
    public enum Status: Sendable, Equatable {
        case basic
        case atLower
        case atUpper
    }

    public var rows: [Status]
    public var columns: [Status]

    public init(rows: [Status], columns: [Status]) {
        self.rows = rows
        self.columns = columns
    }

    /// The statuses of `kept` columns, in that order (a restricted program's basis).
    public func keepingColumns(_ kept: [Int]) -> StartingBasis {
        StartingBasis(rows: rows, columns: kept.map { columns[$0] })
    }

    /// A restricted program's basis for the whole program: absent columns non-basic at 0.
    func expanded(chosen: [Int], columns count: Int) -> StartingBasis {
        var all = [Status](repeating: .atLower, count: count)
        for (k, j) in chosen.enumerated() { all[j] = columns[k] }
        return StartingBasis(rows: rows, columns: all)
    }
}

extension Problem {
    /// Installs `basis` (sizes checked by the caller). A non-basic status a variable's bounds do
    /// not allow is replaced by GLPK with one they do (documented behaviour of glp_set_*_stat).
    func setBasis(_ basis: StartingBasis) {
        guard let prob = rawPointer else { return }
        func code(_ status: StartingBasis.Status) -> Int32 {
            switch status {
            case .basic: return GLP_BS
            case .atLower: return GLP_NL
            case .atUpper: return GLP_NU
            }
        }
        for (i, status) in basis.rows.enumerated() { glp_set_row_stat(prob, Int32(i + 1), code(status)) }
        for (j, status) in basis.columns.enumerated() { glp_set_col_stat(prob, Int32(j + 1), code(status)) }
    }

    /// The current basis (after an optimal simplex): fixed and free non-basic variables read as
    /// at their lower bound, which GLPK turns back into the status their bounds allow.
    func currentBasis(rows: Int, columns: Int) -> StartingBasis? {
        guard let prob = rawPointer else { return nil }
        func status(_ code: Int32) -> StartingBasis.Status {
            switch code {
            case GLP_BS: return .basic
            case GLP_NU: return .atUpper
            default: return .atLower
            }
        }
        return StartingBasis(rows: (0..<rows).map { status(glp_get_row_stat(prob, Int32($0 + 1))) },
                             columns: (0..<columns).map { status(glp_get_col_stat(prob, Int32($0 + 1))) })
    }
}
