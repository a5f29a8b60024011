import Foundation
import LinearProgramming
import RedeployDomain

/// Where `HorizonYearByYear` finds its pieces in the literal program (`HorizonDirectModel`).
struct HorizonYearBlocks {
    /// Each year's cover rows (holds, coverage, payroll, cuts) and columns (staff, shortage,
    /// covers): the rows touch no other column of the stand-in program.
    var rows: [[Int]]
    var columns: [[Int]]
    /// Indexed [pair][year]: n, its balance and stay-floor rows, h (-1 without hiring) and e.
    var staff: [[Int]]
    var balance: [[Int]]
    var pass: [[Int]]
    var hires: [[Int]]
    var releases: [[Int]]
    /// The outflow cap row of each [school][year]; empty without max_out_share.
    var outflow: [[Int]]
}

/// Stage 1 of a horizon with hiring, year by year: the optimal basis of the whole stand-in
/// program (no transfers, no courses), found from one small LP per year.
///
/// Why it is exact. In the stand-in program a pair's staff moves only by hires and releases,
/// which are free in stage 1. Its rows give, for every plan, n(p, y) >= L(p, y) = its stay floor
/// plus what arrives that year (the release row caps e by n(p, y-1) - l - floor, and the balance
/// row then leaves n(p, y) >= floor + arriving), and any staff at or above L is reached from
/// any staff of the year before (hire up, or release down to L). So the years decouple: the
/// least W is the sum over the years of the least W of year y alone, each pair's staff a
/// column bounded below by L, the payroll row of that year and its cover rows. Year y's LP is
/// the whole program's rows and columns of that year, nothing else (its courses, absent here,
/// would only add to the payroll).
///
/// The whole program's basis is assembled from the years' optimal bases: n(p, y) basic,
/// with a hire or a release basic in the balance row and the stay-floor row's slack basic; or,
/// where year y's basis holds n(p, y) at L, the stay-floor row tight and the release basic
/// (the release that brings n down to L). It is primal feasible (it is the plan of hires and
/// releases that realises each year's optimal staff), and its duals are feasible: the balance
/// and stay-floor rows' duals are 0, or d and -d where the year's reduced cost of n(p, y) at
/// L is d >= 0, which is the reduced cost the hire then has. GLPK's primal simplex starts from
/// it and so proves the optimum itself; this type proves nothing on its own. If anything fails
/// (a year's LP not optimal, a basis GLPK refuses), the caller starts as before.
struct HorizonYearByYear {
    let program: LinearProgram
    let blocks: HorizonYearBlocks
    let instance: HorizonInstance
    let deadline: Deadline
    let log: (@Sendable (String) -> Void)?

    /// Stage 1 of the stand-in program, assembled from the years.
    struct StageOne {
        /// The optimal basis of the LP relaxation (the stand-in columns, the rest at 0).
        var basis: StartingBasis
        /// A plan of whole teachers of least W (each year's MIP optimum), indexed like the
        /// program; nil when some year's MIP is not proven or falls short of its LP bound.
        var point: [Double]?
        /// Each year's LP optimum: what `HorizonFaceStage` needs to write stage 1's optimal face.
        var years: [YearOptimum]
    }

    /// Year y's LP optimum: the payroll row's dual (as a price >= 0 of one more person on the
    /// payroll; nil if GLPK gave no duals).
    struct YearOptimum {
        var payrollPrice: Double?
        /// The staff of a plan of whole teachers at the LP's W (nil if the year has none proven).
        var wholeStaff: [Double]?
        /// The LP's row duals and reduced costs, indexed like the year's rows (holds and
        /// coverage of every pair, payroll, cuts) and columns (staff and shortage of every pair,
        /// then the covers z(p -> b), pair by pair, each pair's in the order of its subject's
        /// `canCover`). Empty if GLPK gave none.
        var rowDuals: [Double]
        var reducedCosts: [Double]
    }

    /// Each year's LP (and MIP, where the LP's staff is fractional), or nil if one fails.
    func solve() throws -> StageOne? {
        let solved = solveYears()
        var rows = [StartingBasis.Status](repeating: .basic, count: program.rowCount)
        var columns = [StartingBasis.Status](repeating: .atLower, count: program.columnCount)
        var staff = [[Double]](repeating: [], count: instance.pairs.count)
        var point: [Double]? = [Double](repeating: 0, count: program.columnCount)
        var optima: [YearOptimum] = []
        for y in instance.years.indices {
            guard y < solved.count, let year = try solved[y].get() else { return nil }
            optima.append(year.optimum)
            for (k, i) in blocks.rows[y].enumerated() { rows[i] = year.basis.rows[k] }
            for (k, j) in blocks.columns[y].enumerated() {
                columns[j] = year.basis.columns[k]
                let value = year.whole?[k] ?? 0
                point?[j] = program.columns[j].isInteger ? value.rounded() : value
            }
            if year.whole == nil { point = nil }
            for p in instance.pairs.indices { staff[p].append(year.values[p]) }
        }
        guard let basis = assembled(rows: rows, columns: columns, staff: staff) else { return nil }
        return StageOne(basis: basis, point: point.map { stepped($0) }, years: optima)
    }

    private typealias YearSolution = (basis: StartingBasis, values: [Double], whole: [Double]?, optimum: YearOptimum)

    /// Every year's LP (and MIP), in order, each from its slacks, as many at once as there are
    /// cores. The years share nothing, and each GLPK problem lives on one thread (Debian's GLPK
    /// keeps one environment per thread), so the results are those of solving them one by one,
    /// whatever the number of cores: a year started from another's basis could end on another
    /// optimal vertex, and the plan would then depend on the machine. (Starting from the first
    /// year's basis was tried on 600 schools x 6 years: the years' coverage cuts differ, so that
    /// basis does not fit; carried over by matching the cuts it took more pivots than the slacks.)
    private func solveYears() -> [Result<YearSolution?, Error>] {
        let entries = entriesByYear()
        let results = ConcurrentResults<YearSolution?>(count: instance.years.count)
        DispatchQueue.concurrentPerform(iterations: instance.years.count) { y in
            results.set(y, Result { try solveYear(y, entries: entries[y]) })
        }
        return results.values
    }

    /// The years' bases joined by the balance and stay-floor rows (see the type's comment).
    private func assembled(rows: [StartingBasis.Status], columns: [StartingBasis.Status],
                           staff: [[Double]]) -> StartingBasis? {
        var rows = rows, columns = columns
        for (p, pair) in instance.pairs.enumerated() {
            for y in instance.years.indices {
                let n = blocks.staff[p][y], release = blocks.releases[p][y], hire = blocks.hires[p][y]
                rows[blocks.balance[p][y]] = .atLower
                if columns[n] != .basic {
                    // Held at L: the stay-floor row is tight and the release brings n down to L.
                    columns[n] = .basic
                    columns[release] = .basic
                    rows[blocks.pass[p][y]] = .atUpper
                    continue
                }
                let change = staff[p][y] - carried(pair, y, staff[p])
                guard hire >= 0 || change <= 1e-9 else { return nil }
                columns[change > 1e-9 ? hire : release] = .basic
            }
        }
        return StartingBasis(rows: rows, columns: columns)
    }

    /// The staff a pair starts year y with, before its hires and releases.
    private func carried(_ pair: HorizonInstance.Pair, _ y: Int, _ staff: [Double]) -> Double {
        (y == 0 ? pair.initial : staff[y - 1]) - Double(pair.leaving[y]) + pair.arriving[y]
    }

    /// `point` with the hires and releases that take each pair's staff from year to year.
    private func stepped(_ point: [Double]) -> [Double] {
        var point = point
        for (p, pair) in instance.pairs.enumerated() {
            let staff = blocks.staff[p].map { point[$0] }
            for y in instance.years.indices {
                let change = staff[y] - carried(pair, y, staff)
                if change > 0 { point[blocks.hires[p][y]] = change } else { point[blocks.releases[p][y]] = -change }
            }
        }
        return point
    }

    /// Year y's LP, with each staff column bounded below by L(p, y), and its MIP where the LP's
    /// staff is fractional (`whole`: the MIP's point, nil unless proven and equal to the LP's W).
    private func solveYear(_ y: Int, entries: [(row: Int, column: Int, value: Double)]) throws
        -> (basis: StartingBasis, values: [Double], whole: [Double]?, optimum: YearOptimum)? {
        var sub = LinearProgram(name: "horizon-year", sense: .minimize)
        var rowIndex: [Int: Int] = [:], columnIndex: [Int: Int] = [:]
        for i in blocks.rows[y] {
            rowIndex[i] = sub.addRow(lower: program.rows[i].lower, upper: program.rows[i].upper)
        }
        for j in blocks.columns[y] {
            let c = program.columns[j]
            columnIndex[j] = sub.addColumn(lower: c.lower, upper: c.upper, cost: c.cost, isInteger: c.isInteger)
        }
        for (p, pair) in instance.pairs.enumerated() {
            let floor = Double(pair.stayFloor[y]) + pair.arriving[y]
            sub.setBounds(column: p, lower: max(program.columns[blocks.staff[p][y]].lower, floor), upper: .infinity)
        }
        for e in entries { sub.addEntry(row: rowIndex[e.row]!, column: columnIndex[e.column]!, value: e.value) }
        let options = SolveOptions(kind: .relaxation, method: .dualSimplex, presolve: false,
                                   timeLimit: deadline.remaining, relativeGap: 0, log: log)
        // From the slacks, every column at its lower bound: with every cost >= 0 that basis is
        // dual feasible, and the dual simplex needs no first phase.
        let lp = try GLPKSolver().solve(sub, options: options)
        guard lp.status == .optimal, let basis = lp.basis else { return nil }
        log?("redeploy: year \(instance.years[y]) alone: W \(lp.objective) (LP)")
        let count = instance.pairs.count
        let staff = Array(lp.columnValues.prefix(count))
        // Rows: holds and coverage of every pair, then the payroll row (`HorizonYearBlocks.rows`).
        var optimum = YearOptimum(payrollPrice: lp.rowDuals.map { max(0, -$0[2 * count]) }, wholeStaff: nil,
                                  rowDuals: lp.rowDuals ?? [], reducedCosts: lp.reducedCosts ?? [])
        if staff.allSatisfy({ abs($0 - $0.rounded()) <= 1e-9 }) {
            optimum.wholeStaff = staff.map { $0.rounded() }
            return (basis, staff, lp.columnValues, optimum)
        }
        var mipOptions = options
        mipOptions.kind = .automatic
        mipOptions.cuts = true
        mipOptions.timeLimit = deadline.remaining
        let mip = try GLPKSolver().solve(sub, options: mipOptions, basis: basis)
        log?("redeploy: year \(instance.years[y]) alone: W \(mip.objective) (MIP, \(mip.status.rawValue))")
        let tight = mip.status == .optimal && abs(mip.objective - lp.objective) <= 1e-9 * max(1, abs(lp.objective))
        if tight { optimum.wholeStaff = mip.columnValues.prefix(count).map { $0.rounded() } }
        return (basis, staff, tight ? mip.columnValues : nil, optimum)
    }

    /// The program's entries inside each year's block (row and column of the same year).
    private func entriesByYear() -> [[(row: Int, column: Int, value: Double)]] {
        var rowYear = [Int](repeating: -1, count: program.rowCount)
        var columnYear = [Int](repeating: -1, count: program.columnCount)
        for (y, rows) in blocks.rows.enumerated() { for i in rows { rowYear[i] = y } }
        for (y, columns) in blocks.columns.enumerated() { for j in columns { columnYear[j] = y } }
        var byYear = [[(row: Int, column: Int, value: Double)]](repeating: [], count: blocks.rows.count)
        for k in 0..<program.entryCount {
            let i = Int(program.entryRows[k]), j = Int(program.entryColumns[k])
            let y = rowYear[i]
            guard y >= 0, columnYear[j] == y else { continue }
            byYear[y].append((i, j, program.entryValues[k]))
        }
        return byYear
    }
}

/// Results written by concurrent iterations, one slot each, read once they have all ended.
private final class ConcurrentResults<Value>: @unchecked Sendable {
    private var slots: [Result<Value, Error>?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ k: Int, _ result: Result<Value, Error>) {
        lock.lock()
        slots[k] = result
        lock.unlock()
    }

    /// Every slot's result; call after the iterations have ended.
    var values: [Result<Value, Error>] { slots.map { $0! } }
}
