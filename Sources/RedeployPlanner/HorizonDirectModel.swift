import LinearProgramming
import RedeployDomain

/// docs/MODEL.md sections 5 and 6 written down literally: staff n(p, y) carried from year to
/// year, every transfer, hire, release, retraining and cover of every year, each constraint as
/// stated, solved lexicographically as two MIPs with an explicit shortage row in the second.
///
/// Slow by design: it is the reference for a horizon's fast model, and the figures of
/// hand-computed horizons. A scenario of one year without retraining gives `DirectModel`'s.
public enum HorizonDirectModel {
    /// W = sum_y w(y) sum_j p(j) sum_b u(j, b, y), and C.
    public typealias Result = DirectModel.Result

    public static func solve(_ instance: HorizonInstance, timeLimit: Double? = nil,
                             log: (@Sendable (String) -> Void)? = nil) throws -> Result {
        try solveWithDecisions(instance, timeLimit: timeLimit, log: log).result
    }

    /// The result, and what each column stands for in the plan (`HorizonInstance.plan`).
    public static func solveWithDecisions(_ instance: HorizonInstance, timeLimit: Double? = nil,
                                          log: (@Sendable (String) -> Void)? = nil) throws
        -> (result: Result, decisions: [HorizonDecision]) {
        var builder = Builder(instance)
        let built = builder.build()
        return (try DirectModel.solveLexicographically(built, timeLimit: timeLimit, log: log), builder.decisions)
    }

    /// The literal program with its shortage weights and costs, and what each column stands for.
    static func built(_ instance: HorizonInstance) -> (DirectModel.Built, [HorizonDecision]) {
        var builder = Builder(instance)
        let built = builder.build()
        return (built, builder.decisions)
    }

    /// The literal program, what each column stands for, and the basis of the plan that does
    /// nothing (`Builder.doNothingBasis`): a primal feasible start when that plan is feasible.
    /// With `CoverageCuts`' inequalities (`HorizonLiteralSolver`'s model): the reference
    /// (`solve`, `export-model`) stays the literal model without them.
    static func builtWithBasis(_ instance: HorizonInstance)
        -> (DirectModel.Built, [HorizonDecision], StartingBasis, HorizonYearBlocks) {
        var builder = Builder(instance)
        builder.coverageCuts = true
        let built = builder.build()
        return (built, builder.decisions, builder.doNothingBasis(), builder.yearBlocks())
    }

    /// The literal program (stage 1's objective), as `export-model` writes it.
    public static func program(_ instance: HorizonInstance) -> LinearProgram {
        var builder = Builder(instance)
        return builder.build().program
    }

    private struct Builder {
        let instance: HorizonInstance
        var lp = LinearProgram(name: "horizon-direct", sense: .minimize)
        var weights: [Double] = []
        var costs: [Double] = []
        var decisions: [HorizonDecision] = []
        /// n(p, y), and the rows of each (pair, year).
        var staff: [[Int]] = []
        var balance: [[Int]] = []
        var pass: [[Int]] = []
        var holds: [[Int]] = []
        var coverage: [[Int]] = []
        var payroll: [Int] = []
        var outflow: [[Int]] = []
        /// u(p, y) and z(p -> p, y) of each pair and year, for the basis of the plan that does nothing.
        var shortage: [[Int]] = []
        var ownCover: [[Int]] = []
        /// h(p, y) and e(p, y) (-1 without hiring), the covers z of each year and its cut rows.
        var hires: [[Int]] = []
        var releases: [[Int]] = []
        var covers: [[Int]] = []
        var cutRows: [[Int]] = []
        /// Section 7: transfers and courses out of a pair in the first year >= its must_move teachers.
        var mustMove: [Int: Int] = [:]
        /// Section 8: min <= the transfers a lock row matches <= max.
        var lockRows: [Int] = []
        var locks: LockIndex

        init(_ instance: HorizonInstance) {
            self.instance = instance
            locks = LockIndex(instance.locks)
        }

        var integer: Bool { !instance.policy.sharing }
        var coverageCuts = false
        var yearCount: Int { instance.years.count }

        mutating func column(lower: Double = 0, weight: Double = 0, cost: Double = 0, isInteger: Bool,
                             decision: HorizonDecision = .other) -> Int {
            weights.append(weight)
            costs.append(cost)
            decisions.append(decision)
            return lp.addColumn(lower: lower, upper: .infinity, cost: weight, isInteger: isInteger)
        }

        mutating func build() -> DirectModel.Built {
            covers = Array(repeating: [], count: yearCount)
            cutRows = Array(repeating: [], count: yearCount)
            addStaffAndRows()
            for y in 0..<yearCount {
                for p in instance.pairs.indices { addPairColumns(p, year: y) }
                addTransfers(year: y)
                addRetraining(year: y)
            }
            if integer && coverageCuts { addCoverageCuts() }
            return DirectModel.Built(program: lp, shortageWeights: weights, costs: costs, lockRows: lockRows,
                                     mustMoveRows: mustMove)
        }

        /// n(p, y) with its balance row; no pass-through; cover; payroll; outflow caps.
        mutating func addStaffAndRows() {
            let pairs = instance.pairs
            for pair in pairs {
                var n: [Int] = [], b: [Int] = [], s: [Int] = [], c: [Int] = [], h: [Int] = [], short: [Int] = []
                for y in 0..<yearCount {
                    // Whole when teachers are (implied by the rows, but it lets branching see it).
                    n.append(column(lower: 0, isInteger: integer))
                    // n(p,y) - n(p,y-1) - in + out - h + e + q_out - q_in = -l(p,y) + arriving(p,y);
                    // n(p,-1) = t (in a window of the myopic plan, the staff the earlier years left).
                    let carried = (y == 0 ? pair.initial : 0) - Double(pair.leaving[y]) + pair.arriving[y]
                    b.append(lp.addRow(lower: carried, upper: carried))
                    lp.addEntry(row: b[y], column: n[y], value: 1)
                    if y > 0 { lp.addEntry(row: b[y], column: n[y - 1], value: -1) }
                    // out + e + q_out - n(p,y-1) <= -l(p,y) - sum_{y'>y} l(p,y') (the stay floor:
                    // with fixed posts, also the holders the staying teachers allow).
                    let bound = (y == 0 ? pair.initial : 0) - Double(pair.leaving[y] + pair.stayFloor[y])
                    s.append(lp.addRow(upper: bound))
                    if y > 0 { lp.addEntry(row: s[y], column: n[y - 1], value: -1) }
                    // sum_b z(p -> b) - n(p,y) <= 0; sum_a z(a -> p) + u >= r(p,y).
                    h.append(lp.addRow(upper: 0))
                    lp.addEntry(row: h[y], column: n[y], value: -1)
                    c.append(lp.addRow(lower: pair.required[y]))
                    let u = column(weight: instance.weights[y] * instance.schools[pair.school].priority, isInteger: false)
                    lp.addEntry(row: c[y], column: u, value: 1)
                    short.append(u)
                }
                shortage.append(short)
                ownCover.append(Array(repeating: -1, count: yearCount))
                hires.append(Array(repeating: -1, count: yearCount))
                releases.append(Array(repeating: -1, count: yearCount))
                staff.append(n)
                balance.append(b)
                pass.append(s)
                coverage.append(c)
                holds.append(h)
            }
            for y in 0..<yearCount {
                // sum_p n(p,y) + teachers in a course in year y <= sum t + pc(y).
                payroll.append(lp.addRow(upper: Double(instance.payrollCap[y]) - instance.inCourse[y]))
                for p in pairs.indices { lp.addEntry(row: payroll[y], column: staff[p][y], value: 1) }
            }
            for (p, pair) in pairs.enumerated() where pair.mustMove > 0 {
                mustMove[p] = lp.addRow(lower: Double(pair.mustMove))
            }
            lockRows = instance.locks.map { lp.addRow(lower: $0.min, upper: $0.max ?? .infinity) }
            if let share = instance.policy.maxOutShare {
                outflow = instance.pairRanges.map { range in
                    let cap = share * Double(range.reduce(0) { $0 + pairs[$1].teachers })
                    return (0..<yearCount).map { _ in lp.addRow(upper: cap) }
                }
            }
        }

        /// h, e and the covers z of pair p in year y.
        mutating func addPairColumns(_ p: Int, year y: Int) {
            let pair = instance.pairs[p]
            if instance.policy.hiring {
                let h = column(cost: instance.costs.hire, isInteger: integer, decision: .hire(pair: p, year: y))
                lp.addEntry(row: balance[p][y], column: h, value: -1)
                hires[p][y] = h
            }
            let e = column(cost: instance.costs.release, isInteger: integer, decision: .release(pair: p, year: y))
            releases[p][y] = e
            lp.addEntry(row: balance[p][y], column: e, value: 1)
            lp.addEntry(row: pass[p][y], column: e, value: 1)
            for b in instance.canCover[pair.subject] {
                guard let q = instance.pairIndex(school: pair.school, subject: b) else { continue }
                let z = column(isInteger: false)
                covers[y].append(z)
                lp.addEntry(row: holds[p][y], column: z, value: 1)
                lp.addEntry(row: coverage[q][y], column: z, value: 1)
                if q == p { ownCover[p][y] = z }
            }
        }

        /// The basis of the plan that does nothing: n(p, y) basic in its balance row; each pair's
        /// teachers cover their own subject, z(p -> p) basic in the coverage row where they meet
        /// it (the holds row's slack basic) or in the holds row where they fall short (u basic in
        /// the coverage row); every other row's slack basic; every other column at 0. Ordered
        /// year by year, balance rows then coverage or holds rows, the basis is triangular, so
        /// it is never singular; it is primal feasible when doing nothing meets every row.
        func doNothingBasis() -> StartingBasis {
            var rows = [StartingBasis.Status](repeating: .basic, count: lp.rowCount)
            var columns = [StartingBasis.Status](repeating: .atLower, count: lp.columnCount)
            for (p, pair) in instance.pairs.enumerated() {
                var n0 = pair.initial
                for y in 0..<yearCount {
                    n0 += pair.arriving[y] - Double(pair.leaving[y])
                    columns[staff[p][y]] = .basic
                    rows[balance[p][y]] = .atLower
                    let z = ownCover[p][y]
                    guard z >= 0 else {
                        // No cover of its own subject (cannot happen: a pair covers itself): u.
                        columns[shortage[p][y]] = .basic
                        rows[coverage[p][y]] = .atLower
                        continue
                    }
                    columns[z] = .basic
                    if n0 >= pair.required[y] {
                        rows[coverage[p][y]] = .atLower
                    } else {
                        rows[holds[p][y]] = .atUpper
                        columns[shortage[p][y]] = .basic
                        rows[coverage[p][y]] = .atLower
                    }
                }
            }
            return StartingBasis(rows: rows, columns: columns)
        }

        /// What `HorizonYearByYear` needs of the program: each year's cover rows and columns,
        /// and the rows and columns that carry staff from year to year.
        func yearBlocks() -> HorizonYearBlocks {
            let pairs = instance.pairs.indices
            let rows = (0..<yearCount).map { y in
                pairs.map { holds[$0][y] } + pairs.map { coverage[$0][y] } + [payroll[y]] + cutRows[y]
            }
            let columns = (0..<yearCount).map { y in
                pairs.map { staff[$0][y] } + pairs.map { shortage[$0][y] } + covers[y]
            }
            return HorizonYearBlocks(rows: rows, columns: columns, staff: staff, balance: balance, pass: pass,
                                     hires: hires, releases: releases, outflow: outflow)
        }

        /// `CoverageCuts`' inequalities year by year, single requirements included, where staff is a column:
        /// sum_{b in T} u(b, y) + f sum_{s in N(T)} n(s, y) >= f ceil r(T, y). They remove no plan
        /// of whole teachers, only fractional points of the relaxation.
        mutating func addCoverageCuts() {
            let pairs = instance.pairs
            let coverable = pairs.indices.map { p in
                instance.canCover[pairs[p].subject].compactMap { instance.pairIndex(school: pairs[p].school, subject: $0) }
            }
            for y in 0..<yearCount {
                let required = pairs.map { $0.required[y] }
                let needed = coverable.map { $0.filter { required[$0] > 0 } }
                for cut in CoverageCuts.cuts(required: required, covers: needed, minGroup: 1) {
                    let row = lp.addRow(lower: cut.fraction * cut.ceiling)
                    cutRows[y].append(row)
                    for q in cut.requirements { lp.addEntry(row: row, column: shortage[q][y], value: 1) }
                    for s in cut.staff { lp.addEntry(row: row, column: staff[s][y], value: cut.fraction) }
                }
            }
        }

        /// x(i, j, a, y) for every allowed pair of schools.
        mutating func addTransfers(year y: Int) {
            let pairs = instance.pairs
            for (p, from) in pairs.enumerated() {
                for (q, to) in pairs.enumerated()
                where to.subject == from.subject && to.school != from.school
                    && instance.transfers.transferAllowed(from: from.school, to: to.school) {
                    let x = column(cost: instance.transfers.moveCost(from: from.school, to: to.school), isInteger: integer,
                                   decision: .transfer(from: p, to: q, year: y))
                    lp.addEntry(row: balance[p][y], column: x, value: 1)
                    lp.addEntry(row: pass[p][y], column: x, value: 1)
                    lp.addEntry(row: balance[q][y], column: x, value: -1)
                    if !outflow.isEmpty { lp.addEntry(row: outflow[from.school][y], column: x, value: 1) }
                    if y == 0, let row = mustMove[p] { lp.addEntry(row: row, column: x, value: 1) }
                    for k in locks.matching(from: from.school, to: to.school, subject: from.subject, year: y) {
                        lp.addEntry(row: lockRows[k], column: x, value: 1)
                    }
                }
            }
        }

        /// q(i, k, a, b, y): leaves (i, a) in year y like a transfer, arrives in (k, b) `delay`
        /// years later (never, past the horizon), and is on the payroll in between.
        mutating func addRetraining(year y: Int) {
            for (k, option) in instance.retraining.enumerated() {
                let q = column(cost: option.cost, isInteger: integer, decision: .retrain(option: k, year: y))
                let from = instance.pairs[option.from]
                lp.addEntry(row: balance[option.from][y], column: q, value: 1)
                lp.addEntry(row: pass[option.from][y], column: q, value: 1)
                if !outflow.isEmpty { lp.addEntry(row: outflow[from.school][y], column: q, value: 1) }
                if y == 0, let row = mustMove[option.from] { lp.addEntry(row: row, column: q, value: 1) }
                let arrival = y + option.delay
                if arrival < yearCount { lp.addEntry(row: balance[option.to][arrival], column: q, value: -1) }
                for course in y..<min(arrival, yearCount) { lp.addEntry(row: payroll[course], column: q, value: 1) }
            }
        }
    }
}
