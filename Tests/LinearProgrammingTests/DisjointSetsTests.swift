import LinearProgramming
import RedeployTestSupport
import Testing

@Suite struct DisjointSetsTests {
    /// 0-1-2 joined, 3 alone, 4-5 joined: a union inside a set says so, and each set is
    /// represented by its least member whatever the order of the unions.
    @Test func smallCase() {
        var sets = DisjointSets(count: 6)
        let joined = [sets.union(2, 1), sets.union(5, 4), sets.union(1, 0), sets.union(0, 2)]
        #expect(joined == [true, true, true, false])
        let representatives = (0..<6).map { sets.representative($0) }
        #expect(representatives == [0, 0, 0, 3, 4, 4])
    }

    /// Against components found by relabelling, on random unions: the same partition, the
    /// least member as representative, and union false exactly when the two were one set.
    @Test(arguments: 0..<20) func agreesWithRelabelling(seed: Int) {
        var random = SplitMix64(seed: UInt64(seed))
        let count = 1 + Int(random.next() % 60)
        var sets = DisjointSets(count: count)
        var label = Array(0..<count)
        for _ in 0..<(2 * count) {
            let a = Int(random.next() % UInt64(count)), b = Int(random.next() % UInt64(count))
            let separate = label[a] != label[b]
            let joined = sets.union(a, b)
            #expect(joined == separate)
            if separate {
                let (from, to) = (max(label[a], label[b]), min(label[a], label[b]))
                for k in label.indices where label[k] == from { label[k] = to }
            }
        }
        let representatives = (0..<count).map { sets.representative($0) }
        #expect(representatives == label)
    }
}
