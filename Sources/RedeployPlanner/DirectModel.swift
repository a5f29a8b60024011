import LinearProgramming
import RedeployDomain

/// docs/MODEL.md section 2 written down literally: every variable it names, every constraint as
/// it is stated, no reduction of any kind, solved lexicographically as two MIPs with an
/// explicit shortage row in the second.
///
/// It is slow and meant to be: it is the reference against which the fast `FlowModel` is
/// tested on many small scenarios.
public enum DirectModel {
    public struct Result: Sendable {
        public var status: SolveStatus
        public var weightedShortage: Double
        public var cost: Double
        /// The columns' values at the point found (stage 2's, else stage 1's incumbent); nil without one.
        public var values: [Double]? = nil
        /// Stage 1's relative gap when it stopped before proving its optimum.
        public var mipGap: Double? = nil
    }

    /// - Parameter coverageCuts: add `CoverageCuts`' valid inequalities (they remove no plan of
    ///   whole teachers, only fractional points of the relaxation), for scenarios whose
    ///   branch-and-cut cannot otherwise prove its optimum.
    public static func solve(_ instance: Instance, timeLimit: Double? = nil, coverageCuts: Bool = false,
                             log: (@Sendable (String) -> Void)? = nil) throws -> Result {
        var built = build(instance)
        if coverageCuts { addCoverageCuts(&built, instance) }
        return try solveLexicographically(built, timeLimit: timeLimit, log: log)
    }

    /// A literal program: its columns' shortage weights (stage 1's objective) and costs (stage 2's).
    struct Built {
        var program: LinearProgram
        var shortageWeights: [Double]
        var costs: [Double]
        /// The row of each lock (section 8), in the order of the instance's locks.
        var lockRows: [Int] = []
        /// The must_move row of each pair that has one (section 7).
        var mustMoveRows: [Int: Int] = [:]
        /// One-year model: the columns that change n(p) (+1 in, -1 out) and u(p) of each pair.
        var staffTerms: [[(column: Int, sign: Double)]] = []
        var shortageColumns: [Int] = []
    }

    /// Stage 1 (least W) as a MIP, then stage 2 (least C) with the explicit row W <= W*. Shared
    /// by every literal model (`HorizonDirectModel` too), so that they decide alike.
    static func solveLexicographically(_ literal: Built, timeLimit: Double?,
                                       log: (@Sendable (String) -> Void)? = nil) throws -> Result {
        var built = literal
        var options = SolveOptions(kind: .automatic, method: .dualSimplex, presolve: true, timeLimit: timeLimit, cuts: true,
                                   log: log)
        let clock = ContinuousClock()
        let start = clock.now
        let first = try GLPKSolver().solve(built.program, options: options)
        guard first.status == .optimal else {
            return Result(status: first.status, weightedShortage: first.hasPoint ? first.objective : .nan, cost: .nan,
                          values: first.hasPoint ? first.columnValues : nil, mipGap: first.gap)
        }
        let best = first.objective
        let row = built.program.addRow(upper: best + 1e-9 * max(1, abs(best)))
        for (j, w) in built.shortageWeights.enumerated() where w != 0 {
            built.program.addEntry(row: row, column: j, value: w)
            built.program.setCost(column: j, 0)
        }
        for (j, c) in built.costs.enumerated() { built.program.setCost(column: j, c) }
        if let timeLimit { options.timeLimit = max(0.001, timeLimit - (clock.now - start).inSeconds) }
        let second = try GLPKSolver().solve(built.program, options: options)
        guard second.status == .optimal else {
            // Stage 1's point is still a plan of least W; its cost is not the least.
            return Result(status: second.status, weightedShortage: best, cost: .nan,
                          values: second.hasPoint ? second.columnValues : first.columnValues, mipGap: 0)
        }
        return Result(status: .optimal, weightedShortage: best, cost: second.objective, values: second.columnValues, mipGap: 0)
    }

    /// The cuts over this model's columns: n(s) = t - l + transfers in - out + h - e, so the
    /// row is sum u(T) + f sum_{s in N(T)} (in - out + h - e) >= f (ceil r(T) - sum (t - l)).
    static func addCoverageCuts(_ built: inout Built, _ instance: Instance) {
        guard !instance.policy.sharing else { return }
        let pairs = instance.pairs
        for cut in CoverageCuts.cuts(required: pairs.map(\.required), covers: instance.coveredRequirements) {
            let staying = cut.staff.reduce(0) { $0 + pairs[$1].staying }
            let row = built.program.addRow(lower: cut.fraction * (cut.ceiling - Double(staying)))
            for q in cut.requirements { built.program.addEntry(row: row, column: built.shortageColumns[q], value: 1) }
            for p in cut.staff {
                for (column, sign) in built.staffTerms[p] {
                    built.program.addEntry(row: row, column: column, value: cut.fraction * sign)
                }
            }
        }
    }

    static func build(_ instance: Instance) -> Built {
        var lp = LinearProgram(name: "direct", sense: .minimize)
        var weights: [Double] = []
        var costs: [Double] = []
        let pairs = instance.pairs
        let integer = !instance.policy.sharing
        func column(weight: Double = 0, cost: Double = 0, isInteger: Bool) -> Int {
            weights.append(weight)
            costs.append(cost)
            return lp.addColumn(lower: 0, upper: .infinity, cost: weight, isInteger: isInteger)
        }
        // Row "no pass-through" and row "sum_b z <= n" of each pair; coverage row of each pair.
        let passRow = pairs.map { lp.addRow(upper: Double($0.movable)) }  // held teachers never leave
        let staffRow = pairs.map { lp.addRow(upper: Double($0.staying)) }  // sum z - in + out - h + e <= t - l
        let coverRow = pairs.map { lp.addRow(lower: $0.required) }          // sum z + u >= r
        let leavers = pairs.reduce(0) { $0 + $1.leaving }
        let payrollRow = lp.addRow(upper: Double(leavers + instance.policy.payrollChange))
        var outRow: [Int] = []
        if let share = instance.policy.maxOutShare {
            outRow = instance.pairRanges.map { range in
                lp.addRow(upper: share * Double(range.reduce(0) { $0 + pairs[$1].teachers }))
            }
        }
        // Section 8: min <= sum of the transfers a lock row matches <= max.
        let locks = LockIndex(instance.locks)
        let lockRow = instance.locks.map { lp.addRow(lower: $0.min, upper: $0.max ?? .infinity) }
        var terms = [[(column: Int, sign: Double)]](repeating: [], count: pairs.count)
        var shortageColumns = [Int](repeating: -1, count: pairs.count)
        for (p, pair) in pairs.enumerated() {
            // x(i, j, a) for every other school j holding pair (j, a) that the policy allows.
            for (q, other) in pairs.enumerated()
            where other.subject == pair.subject && other.school != pair.school
                && instance.transferAllowed(from: pair.school, to: other.school) {
                let x = column(cost: instance.moveCost(from: pair.school, to: other.school), isInteger: integer)
                lp.addEntry(row: passRow[p], column: x, value: 1)
                lp.addEntry(row: staffRow[p], column: x, value: 1)
                lp.addEntry(row: staffRow[q], column: x, value: -1)
                terms[p].append((x, -1))
                terms[q].append((x, 1))
                if !outRow.isEmpty { lp.addEntry(row: outRow[pair.school], column: x, value: 1) }
                for k in locks.matching(from: pair.school, to: other.school, subject: pair.subject) {
                    lp.addEntry(row: lockRow[k], column: x, value: 1)
                }
            }
            if instance.policy.hiring {
                let h = column(cost: instance.costs.hire, isInteger: integer)
                lp.addEntry(row: staffRow[p], column: h, value: -1)
                lp.addEntry(row: payrollRow, column: h, value: 1)
                terms[p].append((h, 1))
            }
            let e = column(cost: instance.costs.release, isInteger: integer)
            lp.addEntry(row: passRow[p], column: e, value: 1)
            lp.addEntry(row: staffRow[p], column: e, value: 1)
            lp.addEntry(row: payrollRow, column: e, value: -1)
            terms[p].append((e, -1))
            for b in instance.canCover[pair.subject] {
                guard let q = instance.pairIndex(school: pair.school, subject: b) else { continue }
                let z = column(isInteger: false)
                lp.addEntry(row: staffRow[p], column: z, value: 1)
                lp.addEntry(row: coverRow[q], column: z, value: 1)
            }
            let u = column(weight: instance.schools[pair.school].priority, isInteger: false)
            lp.addEntry(row: coverRow[p], column: u, value: 1)
            shortageColumns[p] = u
        }
        return Built(program: lp, shortageWeights: weights, costs: costs, lockRows: lockRow, staffTerms: terms,
                     shortageColumns: shortageColumns)
    }
}
