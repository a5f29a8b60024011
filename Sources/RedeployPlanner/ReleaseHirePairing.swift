import LinearProgramming
import RedeployDomain

/// A cheaper plan of the same staff, for when stage 2 of a horizon runs out of time: where
/// stage 1's plan releases a teacher at p and hires one of the same subject at q in the same
/// year, a transfer p -> q does the same for less (a move against a release and a hire).
///
/// Every pair keeps its staff of every year, so W, the payroll and the cover are unchanged;
/// the transfers chosen respect the outflow caps and the transfer rules (only columns of the
/// literal model are used), and a pair sends no more than it released, so its stay-floor row
/// holds. Each year is one small LP (a transportation problem with the caps as side rows),
/// whose transfers are rounded down to whole teachers. It improves C; it proves nothing, and
/// the plan keeps the status time_limit.
struct ReleaseHirePairing {
    let program: LinearProgram
    let costs: [Double]
    let decisions: [HorizonDecision]
    let blocks: HorizonYearBlocks
    let instance: HorizonInstance

    /// `point` with releases and hires paired into transfers, or nil when nothing pairs.
    func improve(_ point: [Double]) throws -> [Double]? {
        guard instance.locks.isEmpty, instance.policy.hiring else { return nil }
        var byYear = [[Int]](repeating: [], count: instance.years.count)
        for (j, decision) in decisions.enumerated() {
            guard case let .transfer(p, q, y) = decision,
                  point[blocks.releases[p][y]] >= 1, point[blocks.hires[q][y]] >= 1 else { continue }
            byYear[y].append(j)
        }
        let activities = program.rowActivities(of: point)
        var improved = point
        var paired = false
        for (y, candidates) in byYear.enumerated() where !candidates.isEmpty {
            guard let moves = try pair(candidates, year: y, point: point, activities: activities) else { continue }
            for (j, teachers) in moves where teachers > 0 {
                guard case let .transfer(p, q, _) = decisions[j] else { continue }
                improved[j] += teachers
                improved[blocks.releases[p][y]] -= teachers
                improved[blocks.hires[q][y]] -= teachers
                paired = true
            }
        }
        return paired ? improved : nil
    }

    /// Year y's transportation LP: each release a supply, each hire a demand, the saving of a
    /// transfer its value, the caps' room left as side rows. Whole teachers per transfer.
    private func pair(_ candidates: [Int], year y: Int, point: [Double], activities: [Double]) throws -> [(Int, Double)]? {
        var lp = LinearProgram(name: "pairing", sense: .minimize)
        var supply: [Int: Int] = [:], demand: [Int: Int] = [:], cap: [Int: Int] = [:]
        for (k, j) in candidates.enumerated() {
            guard case let .transfer(p, q, _) = decisions[j] else { continue }
            let release = blocks.releases[p][y], hire = blocks.hires[q][y]
            let column = lp.addColumn(lower: 0, upper: .infinity, cost: costs[j] - costs[release] - costs[hire])
            assert(column == k)
            if supply[p] == nil { supply[p] = lp.addRow(upper: point[release]) }
            if demand[q] == nil { demand[q] = lp.addRow(upper: point[hire]) }
            lp.addEntry(row: supply[p]!, column: column, value: 1)
            lp.addEntry(row: demand[q]!, column: column, value: 1)
            let school = instance.pairs[p].school
            if !blocks.outflow.isEmpty {
                let row = blocks.outflow[school][y]
                if cap[school] == nil { cap[school] = lp.addRow(upper: max(0, program.rows[row].upper - activities[row])) }
                lp.addEntry(row: cap[school]!, column: column, value: 1)
            }
        }
        // No time limit: it runs after the solve's has passed, and is a small LP.
        let options = SolveOptions(kind: .relaxation, method: .primalSimplex, presolve: false)
        let solution = try GLPKSolver().solve(lp, options: options)
        guard solution.hasPoint else { return nil }
        return candidates.enumerated().map { k, j in (j, (solution.columnValues[k] + 1e-9).rounded(.down)) }
    }
}
