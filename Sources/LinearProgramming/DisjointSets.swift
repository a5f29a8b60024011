/// Disjoint sets of the integers 0..<count (union-find with path halving). A set's
/// representative is its least member, so it does not depend on the order of the unions.
///
/// A basis of a network program is a spanning forest of its nodes, so the starting bases
/// built from a flow use it to tell an arc that joins two trees from one that closes a cycle;
/// the horizon's face stage uses it to group requirements that share teachers.
public struct DisjointSets: Sendable {
    private var parent: [Int]

    public init(count: Int) { parent = Array(0..<count) }

    /// The least member of x's set.
    public mutating func representative(_ x: Int) -> Int {
        var x = x
        while parent[x] != x {
            parent[x] = parent[parent[x]]
            x = parent[x]
        }
        return x
    }

    /// Joins the sets of a and b; false if they were already one.
    @discardableResult
    public mutating func union(_ a: Int, _ b: Int) -> Bool {
        let (ra, rb) = (representative(a), representative(b))
        if ra == rb { return false }
        parent[max(ra, rb)] = min(ra, rb)
        return true
    }
}
