import LinearProgramming
import RedeployDomain

/// A horizon as a time-expanded min-cost flow, for whole teachers without qualifications,
/// outflow caps or sharing (the others go to GLPK).
///
/// Nodes, for each pair p and year y: O(p,y), the teachers of p at the start of y after last
/// year's moves; D(p,y), its staff once this year's moves are made. And P(y), the payroll's
/// unused posts in year y, and a sink T.
///
/// - O(p,0) supplies t(p) (n(p) in a window of the myopic plan, whose earlier courses arrive
///   as supplies at D(p,y)). Leavers: an arc O(p,y) -> P(y) carrying exactly l(p,y) (a leaver
///   frees a post). Staying: O(p,y) -> D(p,y), at least the pair's stay floor: the teachers who
///   leave later and the held ones (they are neither moved nor released before they leave:
///   section 6, constraint 1).
///   Transfers O(p,y) -> D(q,y); releases O(p,y) -> P(y); hires P(y) -> D(p,y); a retraining
///   O(p,y) -> D(q,y+delay), or -> T when the course ends after the horizon. Nothing enters
///   O(p,y) but last year's staff, so what leaves it is never more than it had (no pass-through).
/// - Coverage without consuming the teachers: D(p,y) -> O(p,y+1) (-> T after the last year)
///   in three parallel arcs, floor r(p,y) units at -w(y) p(school) each, one unit at
///   -w(y) p (r - floor r), and the rest at 0. The staff n flowing through cost
///   -w p min(n, r), which is w p (shortage) - w p r: W is the flow's stage-1 cost plus the
///   constant sum of w p r. Every path runs forward in time, so there is no negative cycle.
/// - P(0) supplies pc(y1) = cap(y1) - sum t, P(y) the change of the cap cap(y) - cap(y-1)
///   (a demand when the payroll is cut); P(y) -> P(y+1) carries unused posts on, P(last) -> T.
///   Conservation at P(y) is constraint 3: unused posts stay >= 0, so headcount <= cap, and a
///   teacher in a course holds his post. T takes the rest: cap(last) units.
public struct HorizonFlowModel: Sendable {
    /// What an arc of the network stands for, in the plan.
    public typealias Role = HorizonDecision

    public let instance: HorizonInstance
    /// The stage-1 network (costs: shortage), and the stage-2 costs of its arcs.
    public let network: FlowNetwork
    public let stageTwoCosts: [Double]
    public let roles: [Role]
    /// sum_y w(y) sum_p p r(p,y): W = this + the stage-1 cost of the flow.
    public let shortageConstant: Double
    /// The arcs whose signed flows sum to each pair's staff n(p, y), [pair][year]: its
    /// parallel coverage arcs, or a face model's carry arcs.
    let staffTerms: [[[(arc: Int, sign: Double)]]]

    /// How a face model carries a pair's staff to the next year.
    enum Carry {
        /// One arc within these bounds.
        case between(lower: Int64, upper: Int64?)
        /// n = held + raise - lower: an arc fixed at the value, one that adds to it and one
        /// that takes from it (at most the value), so that a plan keeping the value is a vertex
        /// with the last two at 0 (their bounds), whatever the value.
        case held(Int64)
    }
    /// T, which takes what is left after the last year.
    let sinkNode: Int

    /// nil when the horizon is not a pure network (qualifications, outflow caps, sharing).
    /// `ignoringOutflowCap`: the model without max_out_share, whose optimum is the horizon's
    /// when it happens to meet the caps (the caps only remove plans).
    public init?(_ instance: HorizonInstance, ignoringOutflowCap: Bool = false) {
        let policy = instance.policy
        guard !policy.sharing, ignoringOutflowCap || policy.maxOutShare == nil, instance.canCover.allSatisfy({ $0.count <= 1 }),
              instance.locks.allSatisfy({ Self.isArcBound($0, instance) }) else { return nil }
        guard Self.startsWhole(instance) else { return nil }
        var builder = Builder(instance)
        builder.build()
        self.init(instance, builder)
    }

    /// Stage 1's optimal face, for `HorizonFaceStage`: the same nodes and decision arcs, but each
    /// pair's staff D(p,y) -> O(p,y+1) on one arc within the bounds `carry(p, y)` gives (no
    /// shortage arcs: on the face W is fixed), and each year's unused posts P(y) -> P(y+1)
    /// within `poolUpper[y]`. Costs are stage 2's. Qualifications and outflow caps are for the
    /// caller's side rows. nil with sharing, locks, must_move or staff that is not whole.
    init?(face instance: HorizonInstance, carry: @escaping (Int, Int) -> Carry, poolUpper: [Int64?]) {
        guard !instance.policy.sharing, instance.locks.isEmpty, instance.pairs.allSatisfy({ $0.mustMove == 0 }),
              Self.startsWhole(instance), poolUpper.count == instance.years.count else { return nil }
        var builder = Builder(instance)
        builder.carry = carry
        builder.poolUpper = poolUpper
        builder.build()
        self.init(instance, builder)
    }

    /// Whether every staff figure the network starts from is whole: today's teachers, those
    /// arriving and those in a course (a window of the myopic plan starts from what the earlier
    /// years left, whole unless teachers were shared). Flows are whole numbers of teachers.
    private static func startsWhole(_ instance: HorizonInstance) -> Bool {
        func whole(_ x: Double) -> Bool { x == x.rounded() && abs(x) < 1e12 }
        return instance.pairs.allSatisfy { whole($0.initial) && $0.arriving.allSatisfy(whole) }
            && instance.inCourse.allSatisfy(whole)
    }

    private init(_ instance: HorizonInstance, _ builder: Builder) {
        self.instance = instance
        network = builder.network
        stageTwoCosts = builder.stageTwo
        roles = builder.roles
        shortageConstant = builder.constant
        staffTerms = builder.staffTerms
        sinkNode = builder.sink
    }

    /// Whether a lock row is the bounds of one transfer arc of the network: it names one
    /// transfer, and if it asks for one or more teachers, that transfer is allowed (else the
    /// literal model holds its row, which no plan meets).
    static func isArcBound(_ rule: LockRule, _ instance: HorizonInstance) -> Bool {
        guard rule.isSingleArc(years: instance.years.count) else { return false }
        guard rule.min > 0 else { return true }
        guard let i = rule.from, let j = rule.to, let a = rule.subject, i != j,
              instance.schools.indices.contains(i), instance.schools.indices.contains(j), a >= 0,
              instance.pairIndex(school: i, subject: a) != nil, instance.pairIndex(school: j, subject: a) != nil,
              rule.year.map({ $0 >= 0 }) ?? true else { return false }
        return instance.transfers.transferAllowed(from: i, to: j)
    }

    private struct Builder {
        let instance: HorizonInstance
        var network = FlowNetwork()
        var stageTwo: [Double] = []
        var roles: [Role] = []
        var constant = 0.0
        var origin: [[Int]] = []
        /// Where transfers and courses leave from: O(p,y), or in the first year a node X(p) fed
        /// by O(p,0) through an arc of at least the pair's must_move teachers (section 7).
        var outbound: [[Int]] = []
        var staff: [[Int]] = []
        var pool: [Int] = []
        var sink = 0
        /// A face model's bounds on each pair's staff, and on each year's unused posts.
        var carry: ((Int, Int) -> Carry)?
        var poolUpper: [Int64?] = []
        var staffTerms: [[[(arc: Int, sign: Double)]]] = []

        init(_ instance: HorizonInstance) { self.instance = instance }

        var years: Int { instance.years.count }

        mutating func node(_ supply: Int64 = 0) -> Int {
            network.supplies.append(supply)
            return network.supplies.count - 1
        }

        mutating func arc(_ from: Int, _ to: Int, lower: Int64 = 0, upper: Int64? = nil, shortage: Double = 0,
                          cost: Double = 0, role: Role = .other) {
            network.addArc(from: from, to: to, lower: lower, upper: upper, cost: shortage)
            stageTwo.append(cost)
            roles.append(role)
        }

        mutating func build() {
            let pairs = instance.pairs
            for pair in pairs {
                origin.append((0..<years).map { y in node(y == 0 ? Int64(pair.initial) : 0) })
                staff.append((0..<years).map { y in node(Int64(pair.arriving[y])) })
            }
            // Posts free for the plan in year y: the cap less the teachers in courses begun
            // before the modelled years; those arriving in y take theirs at D(p, y).
            let posts = (0..<years).map { Int64(instance.payrollCap[$0]) - Int64(instance.inCourse[$0]) }
            var previous = Int64(pairs.reduce(0) { $0 + $1.initial })
            pool = (0..<years).map { y in
                let arriving = Int64(pairs.reduce(0) { $0 + $1.arriving[y] })
                defer { previous = posts[y] }
                return node(posts[y] - previous - arriving)
            }
            sink = node(-posts[years - 1])
            outbound = origin
            for (p, pair) in pairs.enumerated() where pair.mustMove > 0 {
                outbound[p][0] = node()
                arc(origin[p][0], outbound[p][0], lower: Int64(pair.mustMove))
            }
            staffTerms = Array(repeating: [], count: pairs.count)
            for y in 0..<years {
                for p in pairs.indices { addPairArcs(p, year: y) }
                addTransfers(year: y)
                addRetraining(year: y)
                arc(pool[y], y + 1 < years ? pool[y + 1] : sink, upper: poolUpper.isEmpty ? nil : poolUpper[y])
            }
        }

        mutating func addPairArcs(_ p: Int, year y: Int) {
            let pair = instance.pairs[p]
            let costs = instance.costs
            arc(origin[p][y], pool[y], lower: Int64(pair.leaving[y]), upper: Int64(pair.leaving[y]))
            arc(origin[p][y], staff[p][y], lower: Int64(pair.stayFloor[y]))
            arc(origin[p][y], pool[y], cost: costs.release, role: .release(pair: p, year: y))
            if instance.policy.hiring { arc(pool[y], staff[p][y], cost: costs.hire, role: .hire(pair: p, year: y)) }
            let next = y + 1 < years ? origin[p][y + 1] : sink
            if let carry {
                let start = network.arcCount
                switch carry(p, y) {
                case let .between(lower, upper):
                    arc(staff[p][y], next, lower: lower, upper: upper)
                    staffTerms[p].append([(start, 1)])
                case let .held(value):
                    arc(staff[p][y], next, lower: value, upper: value)
                    arc(staff[p][y], next)
                    arc(next, staff[p][y], upper: value)
                    staffTerms[p].append([(start, 1), (start + 1, 1), (start + 2, -1)])
                }
                return
            }
            let start = network.arcCount
            defer { staffTerms[p].append((start..<network.arcCount).map { ($0, 1) }) }
            // Coverage on the way to next year: convex in the staff, cheapest units first.
            let r = pair.required[y]
            let weight = instance.weights[y] * instance.schools[pair.school].priority
            let whole = r.rounded(.down)
            constant += weight * r
            if whole > 0 { arc(staff[p][y], next, upper: Int64(whole), shortage: -weight) }
            if r > whole { arc(staff[p][y], next, upper: 1, shortage: -weight * (r - whole)) }
            arc(staff[p][y], next)
        }

        mutating func addTransfers(year y: Int) {
            let pairs = instance.pairs
            let rules = instance.transfers
            var bySubject = [[Int]](repeating: [], count: instance.subjects.count)
            for p in pairs.indices { bySubject[pairs[p].subject].append(p) }
            for group in bySubject {
                for p in group {
                    for q in group where pairs[q].school != pairs[p].school {
                        guard let cost = rules.transferCost(from: pairs[p].school, to: pairs[q].school) else { continue }
                        let (lower, upper) = lockBounds(p, q, year: y)
                        arc(outbound[p][y], staff[q][y], lower: lower, upper: upper, cost: cost,
                            role: .transfer(from: p, to: q, year: y))
                    }
                }
            }
        }

        /// Section 8: the bounds the lock rows put on transfer p -> q in year y (each names a
        /// single transfer here, or the model is not a network).
        func lockBounds(_ p: Int, _ q: Int, year y: Int) -> (Int64, Int64?) {
            var lower: Int64 = 0, upper: Int64? = nil
            let (from, to) = (instance.pairs[p], instance.pairs[q])
            for rule in instance.locks where rule.matches(from: from.school, to: to.school, subject: from.subject, year: y) {
                lower = Swift.max(lower, Int64(rule.min))
                if let max = rule.max { upper = Swift.min(upper ?? Int64(max), Int64(max)) }
            }
            return (lower, upper)
        }

        mutating func addRetraining(year y: Int) {
            for (k, option) in instance.retraining.enumerated() {
                let arrival = y + option.delay
                arc(outbound[option.from][y], arrival < years ? staff[option.to][arrival] : sink,
                    cost: option.cost, role: .retrain(option: k, year: y))
            }
        }
    }
}

/// The lexicographic optimum of a horizon's flow model: stage 1 (W), then stage 2 (C) on stage
/// 1's optimal face, both by the network simplex.
public enum HorizonNetworkSolver {
    public struct Result: Sendable {
        public var weightedShortage: Double
        public var cost: Double
        /// The flow of each arc of `HorizonFlowModel.network`.
        public var flows: [Int64]
    }

    public enum Outcome: Sendable {
        case optimal(Result)
        case infeasible
        case outOfTime
    }

    public static func solve(_ model: HorizonFlowModel, deadline: Deadline = Deadline(seconds: nil)) throws -> Outcome {
        let first = model.network
        let one = try stageOne(model, deadline: deadline)
        switch one.status {
        case .optimal: break
        case .infeasible, .unbounded: return .infeasible
        case .timeLimit: return .outOfTime
        }
        let face = Face(first, stageOne: one, stageTwoCosts: model.stageTwoCosts)
        let two = try NetworkSimplex.solve(face.network, timeLimit: deadline.remaining)
        guard two.status == .optimal else { return two.status == .timeLimit ? .outOfTime : .infeasible }
        let flows = face.flows(two.flows)
        var shortage = model.shortageConstant, cost = 0.0
        for a in 0..<first.arcCount where flows[a] != 0 {
            shortage += first.costs[a] * Double(flows[a])
            cost += model.stageTwoCosts[a] * Double(flows[a])
        }
        return .optimal(Result(weightedShortage: shortage, cost: cost, flows: flows))
    }

    /// Transfer arcs from which stage 1 leaves them out (`stageOne`).
    static let reductionThreshold = 1_500_000

    /// Stage 1 (least W), without the transfer arcs when hiring is allowed.
    ///
    /// Why that is exact: in stage 1 a transfer costs nothing, and neither do a release and a
    /// hire. A transfer p -> q in year y is then worth no more than releasing at p and hiring at
    /// q in y: the same teachers leave O(p,y) (no pass-through, the stay floor) and reach
    /// D(q,y), and the post freed in the pool P(y) is the one taken. So the network without
    /// transfers has the same least W. Its potentials prove it for the whole network too: the
    /// release arc O(p,y) -> P(y) and the hire arc P(y) -> D(q,y) are unbounded, so at an
    /// optimum their reduced costs are >= 0, and the transfer's, pi(O) - pi(D), is their sum,
    /// >= 0 as well: the whole network's flow with every transfer at 0 is optimal. The sum is
    /// checked here, in full precision as `NetworkSimplex` checks every arc, and should it fail
    /// the whole network is solved. Without hiring the transfers stay.
    ///
    /// Why only from `reductionThreshold` transfer arcs on: both networks give the same W, but
    /// the smaller one's potentials leave more transfers free for stage 2, which then works
    /// longer. Measured (Benchmarks/README.md, "Horizons"): 600 schools x 6 years (0.8 million
    /// transfer arcs) take 2.2 s with the whole network and 4.8 s with the smaller one;
    /// 3,500 x 6 (about 13 million) take 88 s and 56 s.
    static func stageOne(_ model: HorizonFlowModel, deadline: Deadline,
                         reducingFrom threshold: Int = reductionThreshold) throws -> FlowSolution {
        let whole = model.network
        let leftOut = model.roles.map { role -> Bool in
            if case .transfer = role { return true }
            return false
        }
        let transfers = leftOut.reduce(0) { $0 + ($1 ? 1 : 0) }
        // A must_move arc needs its transfers: a release cannot stand for them there; nor can
        // it for a transfer a lock bounds.
        guard model.instance.policy.hiring, transfers >= threshold, model.instance.locks.isEmpty,
              model.instance.pairs.allSatisfy({ $0.mustMove == 0 }) else {
            return try NetworkSimplex.solve(whole, timeLimit: deadline.remaining)
        }
        // nil: a transfer priced below 0 with the smaller network's potentials; then the whole.
        return try NetworkSimplex.solve(whole, leavingOut: leftOut, timeLimit: deadline.remaining)
            ?? NetworkSimplex.solve(whole, timeLimit: deadline.remaining)
    }

    /// Stage 1's optimal face as a smaller network, for stage 2. An arc whose stage-1 reduced
    /// cost is not 0 is held at the bound complementary slackness puts it at (any optimum of
    /// stage 1 has it there, by the same duals), so it is no decision: it leaves the network,
    /// its fixed flow moved into the supplies of its ends. What remains are the arcs stage 2
    /// may still choose, usually a small part of the transfers; the simplex's work grows with
    /// the arcs it prices, so stage 2 gets faster with nothing lost.
    struct Face {
        var network: FlowNetwork
        /// The fixed flow of each arc of the whole network, nil where the arc stayed.
        var fixed: [Int64?]
        /// kept[k]: the whole network's index of the face's arc k.
        var kept: [Int]

        init(_ whole: FlowNetwork, stageOne: FlowSolution, stageTwoCosts: [Double]) {
            network = FlowNetwork(supplies: whole.supplies)
            fixed = Array(repeating: nil, count: whole.arcCount)
            kept = []
            for a in 0..<whole.arcCount {
                let rc = stageOne.reducedCosts[a]
                if rc != 0, let bound = rc > 0 ? whole.lower[a] : whole.upper[a] {
                    fixed[a] = bound
                    network.supplies[Int(whole.sources[a])] -= bound
                    network.supplies[Int(whole.targets[a])] += bound
                } else {
                    kept.append(a)
                    network.addArc(from: Int(whole.sources[a]), to: Int(whole.targets[a]), lower: whole.lower[a],
                                   upper: whole.upper[a], cost: stageTwoCosts[a])
                }
            }
        }

        /// The flow of every arc of the whole network, from the face's flows.
        func flows(_ faceFlows: [Int64]) -> [Int64] {
            var flows = fixed.map { $0 ?? 0 }
            for (k, a) in kept.enumerated() { flows[a] = faceFlows[k] }
            return flows
        }
    }
}
