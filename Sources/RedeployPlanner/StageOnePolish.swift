/// Cheaper plans at the same W when stage 2 ran out of time.
///
/// Stage 1 gives moves, hires and releases no cost, so its flow can release a teacher at one
/// school and hire one of the same subject elsewhere, or even at the same school. Two exchanges
/// keep every pair's staff after the plan (so W), the payroll balance and every constraint, and
/// lower C: a release and a hire at the same pair cancel; a release at p and a hire at q of the
/// same subject become a transfer p -> q where one is allowed and costs less than the two
/// (with no outflow caps, which the network path never has). The result is cheaper, not optimal.
enum StageOnePolish {
    static func polish(_ values: [Double], _ model: FlowModel) -> [Double] {
        var x = values
        var stay: [Int: Int] = [:], hire: [Int: Int] = [:], release: [Int: Int] = [:]
        var transfer: [Pair: Int] = [:]
        for (j, role) in model.roles.enumerated() {
            switch role {
            case let .stay(p): stay[p] = j
            case let .hire(p): hire[p] = j
            case let .release(p): release[p] = j
            case let .transfer(p, q): transfer[Pair(from: p, to: q)] = j
            default: continue
            }
        }
        // A release and a hire at one pair: the teacher stays.
        for (p, e) in release.sorted(by: { $0.key < $1.key }) {
            guard let h = hire[p], let s = stay[p] else { continue }
            let k = min(x[e], x[h])
            guard k > 0 else { continue }
            x[e] -= k
            x[h] -= k
            x[s] += k
        }
        // A release at p and a hire at q: a transfer p -> q where it is cheaper, cheapest first.
        let costs = model.stageTwoCosts
        let exchanges = transfer.compactMap { pair, j -> (Pair, Int, Double)? in
            guard let e = release[pair.from], let h = hire[pair.to], costs[j] < costs[e] + costs[h] else { return nil }
            return (pair, j, costs[j] - costs[e] - costs[h])
        }.sorted { ($0.2, $0.0.from, $0.0.to) < ($1.2, $1.0.from, $1.0.to) }
        for (pair, j, _) in exchanges {
            let (e, h) = (release[pair.from]!, hire[pair.to]!)
            let k = min(x[e], x[h])
            guard k > 0 else { continue }
            x[e] -= k
            x[h] -= k
            x[j] += k
        }
        return x
    }

    struct Pair: Hashable {
        var from: Int, to: Int
    }
}
