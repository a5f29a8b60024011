/// The least (3a, 3b, 3c) of one (school, subject, year) of the third stage (docs/MODEL.md
/// section 7), found independently of the solver that chose the people: a Hungarian algorithm
/// on cost vectors compared lexicographically. Vectors under that order are an ordered group
/// (added and subtracted by component), which is all the algorithm's potentials need, so the
/// one pass finds the lexicographic optimum exactly as it finds a scalar one.
///
/// A slot is one teacher's place in an action; each candidate takes at most one slot. The
/// first component makes every must_move candidate take a slot that moves him away when one is
/// free (-1 each); a must_move candidate on a slot that does not is forbidden.
struct AssignmentOptimum {
    /// (must_move placed, 3a non-volunteers, 3b their points, 3c home km), compared in order.
    struct Cost: Comparable {
        var forced: Int, nonVolunteers: Int, points: Double, km: Double

        static let zero = Cost(forced: 0, nonVolunteers: 0, points: 0, km: 0)
        static let forbidden = Cost(forced: 1_000_000, nonVolunteers: 0, points: 0, km: 0)
        static let infinite = Cost(forced: Int.max / 4, nonVolunteers: 0, points: 0, km: 0)

        static func + (a: Cost, b: Cost) -> Cost {
            Cost(forced: a.forced + b.forced, nonVolunteers: a.nonVolunteers + b.nonVolunteers,
                 points: a.points + b.points, km: a.km + b.km)
        }

        static func - (a: Cost, b: Cost) -> Cost {
            Cost(forced: a.forced - b.forced, nonVolunteers: a.nonVolunteers - b.nonVolunteers,
                 points: a.points - b.points, km: a.km - b.km)
        }

        static func < (a: Cost, b: Cost) -> Bool {
            (a.forced, a.nonVolunteers, a.points, a.km) < (b.forced, b.nonVolunteers, b.points, b.km)
        }

        /// Worse than `best` beyond rounding (docs/MODEL.md 3.2 for the sums of points and km).
        func isWorse(than best: Cost) -> Bool {
            func above(_ x: Double, _ y: Double) -> Bool { x > y + 1e-6 * max(1, abs(x), abs(y)) }
            func equal(_ x: Double, _ y: Double) -> Bool { !above(x, y) && !above(y, x) }
            if forced != best.forced { return forced > best.forced }
            if nonVolunteers != best.nonVolunteers { return nonVolunteers > best.nonVolunteers }
            if !equal(points, best.points) { return above(points, best.points) }
            return above(km, best.km)
        }
    }

    /// The least total cost of giving each of `slots` slots its own candidate among
    /// `candidates` (slots <= candidates), `cost(slot, candidate)`.
    static func least(slots n: Int, candidates m: Int, cost: (Int, Int) -> Cost) -> Cost {
        guard n > 0 else { return .zero }
        precondition(n <= m, "more slots than candidates")
        var u = [Cost](repeating: .zero, count: n + 1), v = [Cost](repeating: .zero, count: m + 1)
        var p = [Int](repeating: 0, count: m + 1), way = [Int](repeating: 0, count: m + 1)
        for i in 1...n {
            p[0] = i
            var j0 = 0
            var minv = [Cost](repeating: .infinite, count: m + 1)
            var used = [Bool](repeating: false, count: m + 1)
            repeat {
                used[j0] = true
                let i0 = p[j0]
                var delta = Cost.infinite
                var j1 = 0
                for j in 1...m where !used[j] {
                    let reduced = cost(i0 - 1, j - 1) - u[i0] - v[j]
                    if reduced < minv[j] { minv[j] = reduced; way[j] = j0 }
                    if minv[j] < delta { delta = minv[j]; j1 = j }
                }
                for j in 0...m {
                    if used[j] { u[p[j]] = u[p[j]] + delta; v[j] = v[j] - delta } else { minv[j] = minv[j] - delta }
                }
                j0 = j1
            } while p[j0] != 0
            repeat {
                let j1 = way[j0]
                p[j0] = p[j1]
                j0 = j1
            } while j0 != 0
        }
        var total = Cost.zero
        for j in 1...m where p[j] != 0 { total = total + cost(p[j] - 1, j - 1) }
        return total
    }
}
