/// What a solve ended with.
public enum SolveStatus: String, Sendable, Equatable, CustomStringConvertible {
    /// Proven optimal (for a MIP: within the requested relative gap, which is 0 by default).
    case optimal
    /// A feasible point that is not proven optimal.
    case feasible
    case infeasible
    case unbounded
    /// The time limit ran out; `Solution.hasPoint` says whether a feasible point came back.
    case timeLimit = "time_limit"
    /// GLPK stopped without a verdict (iteration limit, numerical failure).
    case undefined

    public var description: String { rawValue }
}

/// The result of a solve. Values are indexed like the program's columns and rows.
public struct Solution: Sendable {
    public var status: SolveStatus
    /// True when `columnValues` hold a feasible point.
    public var hasPoint: Bool
    public var objective: Double
    public var columnValues: [Double]
    public var rowActivities: [Double]
    /// LP only: row duals (shadow prices) and column reduced costs, at an optimal basis.
    public var rowDuals: [Double]?
    public var reducedCosts: [Double]?
    /// MIP only: the best bound on the optimum and the relative gap
    /// |objective - bound| / (|objective| + eps), as GLPK defines it (0 when proven optimal).
    public var bestBound: Double?
    public var gap: Double?
    /// Simplex iterations GLPK reports for the LP (or the root LP of a MIP).
    public var iterations: Int
    /// Wall-clock seconds spent inside GLPK.
    public var seconds: Double
    /// LP only: the optimal basis, so that a later solve of a related program (the same rows
    /// and columns, other costs or tighter bounds) can start from it.
    public var basis: StartingBasis? = nil

    public init(status: SolveStatus, hasPoint: Bool, objective: Double, columnValues: [Double],
                rowActivities: [Double], rowDuals: [Double]? = nil, reducedCosts: [Double]? = nil,
                bestBound: Double? = nil, gap: Double? = nil, iterations: Int = 0, seconds: Double = 0) {
        self.status = status
        self.hasPoint = hasPoint
        self.objective = objective
        self.columnValues = columnValues
        self.rowActivities = rowActivities
        self.rowDuals = rowDuals
        self.reducedCosts = reducedCosts
        self.bestBound = bestBound
        self.gap = gap
        self.iterations = iterations
        self.seconds = seconds
    }
}

/// How to solve.
public struct SolveOptions: Sendable {
    public enum Method: Sendable { case primalSimplex, dualSimplex }
    public enum Kind: Sendable {
        /// MIP when the program has an integer column, LP otherwise.
        case automatic
        /// The LP relaxation, whatever the columns say.
        case relaxation
    }

    public var kind: Kind = .automatic
    public var method: Method = .dualSimplex
    /// GLPK's LP presolver. On by default; off keeps the starting basis, which is what makes
    /// the dual simplex fast on transportation-shaped LPs: with every cost >= 0 and columns at
    /// their lower bounds, the initial basis is already dual feasible (presolve would make
    /// GLPK build a basis of its own).
    public var presolve: Bool = true
    /// Seconds; nil for none. GLPK counts milliseconds in an Int32, so at most about 24 days.
    public var timeLimit: Double? = nil
    /// Relative MIP gap at which branch-and-cut may stop (0: prove optimality).
    public var relativeGap: Double = 0
    /// GLPK's cutting planes in branch-and-cut (Gomory mixed-integer, mixed-integer rounding,
    /// cover and clique cuts). Off by default: they cost time on flow-shaped problems whose
    /// relaxation is already tight, and pay off on weak formulations.
    public var cuts: Bool = false
    /// Receives GLPK's terminal output, line by line. nil: GLPK is silent.
    public var log: (@Sendable (String) -> Void)? = nil

    public init(kind: Kind = .automatic, method: Method = .dualSimplex, presolve: Bool = true,
                timeLimit: Double? = nil, relativeGap: Double = 0, cuts: Bool = false,
                log: (@Sendable (String) -> Void)? = nil) {
        self.cuts = cuts
        self.kind = kind
        self.method = method
        self.presolve = presolve
        self.timeLimit = timeLimit
        self.relativeGap = relativeGap
        self.log = log
    }

    /// What is left of `timeLimit` once the time since `start` is spent (nil: no limit; never
    /// below 0): the limit for a later solve of the same job.
    func timeLimit(since start: ContinuousClock.Instant) -> Double? {
        timeLimit.map { max(0, $0 - (ContinuousClock.now - start).inSeconds) }
    }

    /// The largest time limit GLPK accepts (Int32 milliseconds).
    public static let maximumTimeLimit = Double(Int32.max) / 1000

    func validate() throws(LinearProgramError) {
        if let limit = timeLimit, !(limit >= 0 && limit <= Self.maximumTimeLimit) {
            throw .invalidOption("time limit \(limit) s is outside 0...\(Self.maximumTimeLimit) s")
        }
        if !(relativeGap >= 0 && relativeGap.isFinite) {
            throw .invalidOption("relative gap \(relativeGap) must be a finite number >= 0")
        }
    }
}
