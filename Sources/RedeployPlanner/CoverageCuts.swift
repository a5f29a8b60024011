import RedeployDomain

/// Valid inequalities that make the whole-teacher MIP of coupled requirements (a subject that
/// covers two requirements at its school, docs/MODEL.md section 2) nearly as tight as the
/// uncoupled ones, where the flow model's two shortage arcs already give the convex hull.
///
/// At one school take a set T of requirements and N(T), the pairs whose teachers may cover
/// some of them. The shortage of T is at least r(T) - n(N(T)), where n(N(T)), the staff of
/// N(T) after the plan, is a whole number m. For whole m, max(0, r(T) - m) lies on or above the
/// line through (floor r(T), f) and (ceil r(T), 0), f the fractional part of r(T); so
///
///     sum_{b in T} u(b) >= f (ceil r(T) - m)
///
/// holds for every plan of whole teachers (a mixed-integer rounding inequality). The LP
/// relaxation without it lets a fractional teacher close a fractional requirement for free,
/// which is what kept GLPK's branch-and-cut from proving small scenarios such as the
/// agreement tests' seed 94. One inequality per set T of each group of requirements joined by
/// qualifications at a school (the groups are small: a subject and its legacy subjects).
enum CoverageCuts {
    struct Cut: Equatable {
        /// Requirement pairs T.
        var requirements: [Int]
        /// Pairs N(T) whose staff counts.
        var staff: [Int]
        /// f and ceil r(T).
        var fraction: Double
        var ceiling: Double
    }

    /// Groups of more than one requirement, and their sets T, up to `maxGroup` requirements a group.
    /// `required`: each pair's requirement (a horizon's, year by year); `covers`: the
    /// requirement pairs each pair covers. `minGroup` 1 adds a
    /// requirement alone too: u >= f (ceil r - n), the convex hull of max(0, r - n) for whole n,
    /// which the flow models get from their two shortage arcs and a literal model lacks.
    static func cuts(required: [Double], covers: [[Int]], minGroup: Int = 2, maxGroup: Int = 6) -> [Cut] {
        // The requirement pairs each pair covers, and who covers each requirement.
        var coveredBy: [Int: [Int]] = [:]
        for (p, list) in covers.enumerated() { for q in list { coveredBy[q, default: []].append(p) } }
        var seen = Set<Int>()
        var result: [Cut] = []
        for start in coveredBy.keys.sorted() where !seen.contains(start) {
            // The requirements joined to `start` through shared covering pairs.
            var group: [Int] = [], stack = [start]
            seen.insert(start)
            while let q = stack.popLast() {
                group.append(q)
                for p in coveredBy[q] ?? [] {
                    for other in covers[p] where !seen.contains(other) { seen.insert(other); stack.append(other) }
                }
            }
            guard group.count >= minGroup, group.count <= maxGroup else { continue }
            group.sort()
            for mask in 1..<(1 << group.count) {
                let set = group.indices.filter { mask & (1 << $0) != 0 }.map { group[$0] }
                let r = set.reduce(0.0) { $0 + required[$1] }
                let ceiling = (r - 1e-9).rounded(.up)
                let fraction = r - (ceiling - 1)
                guard fraction > 1e-9, fraction < 1 - 1e-9 else { continue }
                let staff = Set(set.flatMap { coveredBy[$0] ?? [] }).sorted()
                result.append(Cut(requirements: set, staff: staff, fraction: fraction, ceiling: ceiling))
            }
        }
        return result
    }
}

extension Instance {
    /// For each pair, the pairs of its school with a requirement (r > 0) that its teachers may
    /// cover: its own subject and those its qualifications allow.
    var coveredRequirements: [[Int]] {
        pairs.indices.map { p in
            canCover[pairs[p].subject].compactMap { b -> Int? in
                guard let q = pairIndex(school: pairs[p].school, subject: b), pairs[q].required > 0 else { return nil }
                return q
            }
        }
    }
}
