/// The best coverage z of docs/MODEL.md section 2 for given staff: how much of each required
/// subject a school's teachers can cover, and the shortage that remains.
///
/// All shortages of a school carry the same priority, so the least weighted shortage of a
/// school is its total requirement minus a maximum flow from its teachers (by subject) to
/// its requirements (by subject), along "a = b or a teaches b". With no qualification the
/// flow is trivial and the shortage is max(0, r - n). This is computed here directly, with
/// no linear program, so that it can check the optimiser's plans independently.
public enum Coverage {
    /// The shortage u per pair (indexed like `instance.pairs`) for staff n per pair.
    /// Negative staff counts as none.
    public static func shortages(_ instance: Instance, staff: [Double]) -> [Double] {
        precondition(staff.count == instance.pairs.count, "one staff figure per pair")
        return shortages(Layout(instance), required: instance.pairs.map(\.required), staff: staff)
    }

    /// What coverage needs to know of a scenario's pairs, whichever year they are of: the pairs
    /// of each school (consecutive), each pair's subject, and what each subject's teachers cover.
    public struct Layout: Sendable {
        public var pairRanges: [Range<Int>]
        public var subjectOfPair: [Int]
        public var canCover: [[Int]]

        public init(pairRanges: [Range<Int>], subjectOfPair: [Int], canCover: [[Int]]) {
            self.pairRanges = pairRanges
            self.subjectOfPair = subjectOfPair
            self.canCover = canCover
        }

        public init(_ instance: Instance) {
            self.init(pairRanges: instance.pairRanges, subjectOfPair: instance.pairs.map(\.subject),
                      canCover: instance.canCover)
        }
    }

    /// The shortage u per pair for requirement r and staff n per pair (negative staff counts as none).
    public static func shortages(_ layout: Layout, required: [Double], staff: [Double]) -> [Double] {
        var shortage = [Double](repeating: 0, count: staff.count)
        let trivial = layout.canCover.allSatisfy { $0.count == 1 }
        for range in layout.pairRanges {
            if trivial {
                for k in range { shortage[k] = max(0, required[k] - max(0, staff[k])) }
            } else {
                let each = schoolShortages(range: range, covers: { layout.canCover[layout.subjectOfPair[$0]].contains(layout.subjectOfPair[$1]) },
                                           required: { required[$0] }, staff: staff)
                for (offset, p) in each.enumerated() {
                    shortage[range.lowerBound + offset] = p
                }
            }
        }
        return shortage
    }

    /// W = sum over schools of priority x total shortage.
    public static func weightedShortage(_ instance: Instance, staff: [Double]) -> Double {
        weightedShortage(instance, shortages: shortages(instance, staff: staff))
    }

    public static func weightedShortage(_ instance: Instance, shortages: [Double]) -> Double {
        var total = 0.0
        for (s, range) in instance.pairRanges.enumerated() {
            var school = 0.0
            for k in range { school += shortages[k] }
            total += instance.schools[s].priority * school
        }
        return total
    }

    /// The shortage of each pair of one school (`range`, a `pairRanges` entry) for staff n:
    /// a max flow source -> teacher subject a (capacity n) -> required subject b (unbounded,
    /// where a covers b) -> sink (capacity r), by shortest augmenting paths.
    public static func schoolShortages(_ instance: Instance, range: Range<Int>, staff: [Double]) -> [Double] {
        let pairs = instance.pairs
        return schoolShortages(range: range, covers: { instance.canCover[pairs[$0].subject].contains(pairs[$1].subject) },
                               required: { pairs[$0].required }, staff: staff)
    }

    /// The same for any layout: `covers(p, q)` when the teachers of pair p may teach pair q's subject.
    static func schoolShortages(range: Range<Int>, covers: (Int, Int) -> Bool, required: (Int) -> Double,
                                staff: [Double]) -> [Double] {
        let k = range.count
        guard k > 0 else { return [] }
        // Nodes: 0 source, 1...k teachers of pair, k+1...2k requirements of pair, 2k+1 sink.
        let size = 2 * k + 2
        let sink = size - 1
        var capacity = [Double](repeating: 0, count: size * size)
        for (offset, p) in range.enumerated() {
            capacity[0 * size + 1 + offset] = max(0, staff[p])
            capacity[(k + 1 + offset) * size + sink] = required(p)
            for (other, q) in range.enumerated() where covers(p, q) {
                capacity[(1 + offset) * size + k + 1 + other] = .infinity
            }
        }
        let residual = maxFlowResidual(capacity: capacity, size: size, source: 0, sink: sink)
        // What is left on requirement -> sink is the uncovered part.
        return (0..<k).map { offset in
            let left = residual[(k + 1 + offset) * size + sink]
            return left <= 1e-12 ? 0 : left
        }
    }

    private static func maxFlowResidual(capacity: [Double], size: Int, source: Int, sink: Int) -> [Double] {
        var residual = capacity
        var parent = [Int](repeating: -1, count: size)
        while true {
            for i in parent.indices { parent[i] = -1 }
            parent[source] = source
            var queue = [source]
            var head = 0
            while head < queue.count, parent[sink] < 0 {
                let u = queue[head]
                head += 1
                for v in 0..<size where parent[v] < 0 && residual[u * size + v] > 1e-12 {
                    parent[v] = u
                    queue.append(v)
                }
            }
            if parent[sink] < 0 { return residual }
            var push = Double.infinity
            var v = sink
            while v != source {
                let u = parent[v]
                push = min(push, residual[u * size + v])
                v = u
            }
            v = sink
            while v != source {
                let u = parent[v]
                residual[u * size + v] -= push
                residual[v * size + u] += push
                v = u
            }
        }
    }
}
