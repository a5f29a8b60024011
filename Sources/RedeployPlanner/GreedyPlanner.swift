import RedeployDomain

/// A baseline plan made the way plans are made by hand, with no solver: the largest shortage
/// first, filled from the nearest surplus first; a hire where no surplus may come; then the
/// releases a payroll cut requires, from what surplus is left, else where they hurt least.
///
/// The rules, in detail (ties always go to the lower school id, then the lower subject code,
/// so the same scenario always gives the same plan):
/// 1. Pick the (school, subject) whose shortage weighted by the school's priority is largest.
/// 2. Look for a donor among the schools the policy lets send to it (level, area, distance),
///    nearest first (schools with an unknown distance after all known ones): a (school,
///    subject) that teaches the short subject (the subject itself first, then a qualified
///    one), still has its own staying teachers to send (no pass-through), stays under the
///    school's max_out_share, and has a surplus: it can give the teacher without any new
///    shortage at home. Move one teacher (with sharing: as much as fills the shortage or the
///    surplus allows).
/// 3. With no donor, hire one teacher (with sharing: what fills the shortage) when the policy
///    allows hiring and the payroll has room (leavers + payroll_change, less hires so far).
/// 4. With neither, leave that shortage and go on with the next.
/// 5. When payroll_change < -leavers, release the teachers the cut requires: first from the
///    largest surplus left, then one at a time where the weighted shortage rises least.
///
/// What it does not do, and the optimum does: release a spare teacher nobody may receive (another
/// level, too far) to make room for a hire where one is short; weigh a near transfer against a
/// hire; take a teacher from a school of low priority to one of high priority; spend the
/// payroll on the shortages where one teacher covers the most.
///
/// Cost: a heap of shortages and, per subject, the set of pairs that could give a teacher now;
/// each step looks at those donors only.
public struct GreedyPlanner: Sendable {
    public struct Result: Sendable {
        public var plan: Plan
        /// The independent check of the plan (always valid: the planner throws otherwise).
        public var check: PlanChecker.Report
        public var weightedShortageBefore: Double
    }

    public init() {}

    /// What the greedy rules cannot follow.
    public enum Unsupported: Error, CustomStringConvertible {
        case locks

        public var description: String {
            "the greedy plan does not follow locks.csv (docs/MODEL.md section 8): solve with --method optimal"
        }
    }

    /// The greedy plan, checked by `PlanChecker`; throws `Planner.PlannerError.planBreaksContract`
    /// if the check fails (a bug here, never the scenario's fault), and `Unsupported.locks` for a
    /// scenario with locks (its rules move teachers one at a time, blind to them).
    public func solve(_ instance: Instance) throws -> Result {
        guard instance.locks.isEmpty else { throw Unsupported.locks }
        let plan = self.plan(instance)
        let check = PlanChecker.check(plan, against: instance)
        if !check.isValid { throw Planner.PlannerError.planBreaksContract(check.violations.map(\.description)) }
        let before = Coverage.weightedShortage(instance, staff: instance.pairs.map { Double($0.staying) })
        return Result(plan: plan, check: check, weightedShortageBefore: before)
    }

    /// The greedy plan, unchecked.
    public func plan(_ instance: Instance) -> Plan {
        var state = GreedyState(instance)
        state.fillShortages()
        state.releaseForPayroll()
        return state.plan()
    }
}

private struct GreedyState {
    let instance: Instance
    let pairs: [Instance.Pair]
    let sharing: Bool
    /// Amounts below this are none.
    let epsilon = 1e-9
    /// The least amount worth moving: a whole teacher, or with sharing a millionth.
    let unitMin: Double
    /// The schools whose coverage needs a flow (a qualification links two of their subjects).
    let needsFlow: [Bool]
    /// coveredBy[b]: the subjects whose teachers may teach b, b itself first.
    let coveredBy: [[Int]]
    let schoolTeachers: [Int]

    /// Staff after the plan so far n, and u from it.
    var staff: [Double]
    var shortage: [Double]
    /// Own staying teachers not yet sent or released (constraint 1).
    var available: [Double]
    var sentBySchool: [Double]
    /// Hires still allowed by the payroll: leavers + payroll_change - hires + releases.
    var headroom: Double
    /// Per pair: how much could leave without a new shortage at its school (nil: to compute).
    var surplusCache: [Double?]
    /// Per subject: the pairs that could give a teacher now (surplus, own teachers, outflow room).
    var spare: [Set<Int>]
    /// Bumped whenever a school's staff changes, to tell stale queue entries.
    var version: [Int]
    var closed: [Bool]
    var phase = Phase.shortages
    var shortQueue = Heap<ShortEntry>()
    var releaseQueue = Heap<ReleaseEntry>()

    var transfers: [TransferKey: Double] = [:]
    var hires: [Int: Double] = [:]
    var releases: [Int: Double] = [:]

    enum Phase { case shortages, releases }
    struct TransferKey: Hashable { let from: Int, to: Int }

    /// Largest weighted shortage first, then the lower pair index (school id, subject code).
    struct ShortEntry: Comparable {
        let weight: Double, pair: Int
        static func < (a: Self, b: Self) -> Bool { a.weight != b.weight ? a.weight > b.weight : a.pair < b.pair }
    }

    /// Spare teachers first (largest spare first), then the least weighted shortage added per teacher.
    struct ReleaseEntry: Comparable {
        let harm: Int, metric: Double, pair: Int, version: Int
        static func < (a: Self, b: Self) -> Bool {
            if a.harm != b.harm { return a.harm < b.harm }
            if a.metric != b.metric { return a.metric < b.metric }
            return a.pair < b.pair
        }
    }

    init(_ instance: Instance) {
        self.instance = instance
        pairs = instance.pairs
        sharing = instance.policy.sharing
        unitMin = instance.policy.sharing ? 1e-6 : 1 - 1e-9
        var coveredBy = [[Int]](repeating: [], count: instance.subjects.count)
        for (a, subjects) in instance.canCover.enumerated() {
            for b in subjects where b != a { coveredBy[b].append(a) }
        }
        self.coveredBy = coveredBy.enumerated().map { [$0.offset] + $0.element.sorted() }
        needsFlow = instance.pairRanges.map { range in
            let subjects = Set(range.map { instance.pairs[$0].subject })
            return range.contains { p in
                instance.canCover[instance.pairs[p].subject].contains { $0 != instance.pairs[p].subject && subjects.contains($0) }
            }
        }
        schoolTeachers = instance.pairRanges.map { $0.reduce(0) { $0 + instance.pairs[$1].teachers } }
        staff = instance.pairs.map { Double($0.staying) }
        available = instance.pairs.map { Double($0.movable) }  // held teachers (fixed posts) never leave
        shortage = [Double](repeating: 0, count: staff.count)
        sentBySchool = [Double](repeating: 0, count: instance.schools.count)
        headroom = Double(instance.pairs.reduce(0) { $0 + $1.leaving } + instance.policy.payrollChange)
        surplusCache = [Double?](repeating: nil, count: staff.count)
        spare = [Set<Int>](repeating: [], count: instance.subjects.count)
        version = [Int](repeating: 0, count: instance.schools.count)
        closed = [Bool](repeating: false, count: staff.count)
        for s in instance.schools.indices { refresh(school: s) }
    }

    // MARK: Coverage of one school

    /// The shortage of each pair of school s for staff `n`, and their sum.
    func coverage(_ s: Int, _ n: [Double]) -> (total: Double, perPair: [Double]) {
        let range = instance.pairRanges[s]
        if !needsFlow[s] {
            let each = range.map { max(0, pairs[$0].required - max(0, n[$0])) }
            return (each.reduce(0, +), each)
        }
        let each = Coverage.schoolShortages(instance, range: range, staff: n)
        return (each.reduce(0, +), each)
    }

    /// After school s's staff changed: its shortages, what it could give, and the queue of
    /// the current phase.
    mutating func refresh(school s: Int) {
        version[s] += 1
        let range = instance.pairRanges[s]
        let each = coverage(s, staff).perPair
        let room = outflowRoom(s)
        for (offset, p) in range.enumerated() {
            shortage[p] = each[offset]
            surplusCache[p] = nil
        }
        for p in range {
            let a = pairs[p].subject
            if available[p] >= unitMin && room >= unitMin && surplus(p) >= unitMin {
                spare[a].insert(p)
            } else {
                spare[a].remove(p)
            }
        }
        switch phase {
        case .shortages:
            let priority = instance.schools[s].priority
            for p in range where shortage[p] > epsilon && !closed[p] {
                shortQueue.push(ShortEntry(weight: priority * shortage[p], pair: p))
            }
        case .releases:
            for p in range { queueRelease(p) }
        }
    }

    /// How many teachers of pair p could leave without any new shortage at its school.
    /// One capacity of a flow network moves the maximum flow as min(f0 + c, F): the teachers
    /// of p in use are S(without p) - S(now), the rest is surplus.
    mutating func surplus(_ p: Int) -> Double {
        if let known = surplusCache[p] { return known }
        let s = pairs[p].school
        var value: Double
        if !needsFlow[s] {
            value = max(0, staff[p] - pairs[p].required)
        } else {
            var without = staff
            without[p] = 0
            let used = coverage(s, without).total - coverage(s, staff).total
            value = max(0, staff[p] - used)
        }
        if value < 1e-9 { value = 0 }
        surplusCache[p] = value
        return value
    }

    /// Room left under max_out_share at school s.
    func outflowRoom(_ s: Int) -> Double {
        guard let share = instance.policy.maxOutShare else { return .infinity }
        return share * Double(schoolTeachers[s]) - sentBySchool[s]
    }

    // MARK: Phase 1: shortages

    mutating func fillShortages() {
        while let entry = shortQueue.pop() {
            let p = entry.pair
            let s = pairs[p].school
            guard !closed[p], shortage[p] > epsilon,
                  entry.weight == instance.schools[s].priority * shortage[p] else { continue }  // stale
            if !transferInto(p), !hireInto(p) {
                closed[p] = true
            }
        }
        phase = .releases
    }

    /// Moves a teacher (or with sharing, a part) from the nearest surplus into the shortage
    /// of pair p. False when no school can give.
    mutating func transferInto(_ p: Int) -> Bool {
        let (j, b) = (pairs[p].school, pairs[p].subject)
        // Nearest donor school (known distances first), then its subject in coveredBy order.
        var best: (known: Int, km: Double, school: Int, rank: Int, from: Int, to: Int)?
        for (rank, a) in coveredBy[b].enumerated() {
            guard let to = instance.pairIndex(school: j, subject: a) else { continue }
            for q in spare[a] {
                let i = pairs[q].school
                guard instance.transferAllowed(from: i, to: j) else { continue }
                let km = instance.km(i, j)
                let key = (known: km == nil ? 1 : 0, km: km ?? 0, school: i, rank: rank, from: q, to: to)
                if let current = best,
                   (current.known, current.km, current.school, current.rank) <= (key.known, key.km, key.school, key.rank) {
                    continue
                }
                best = key
            }
        }
        guard let donor = best else { return false }
        let (from, to, i) = (donor.from, donor.to, donor.school)
        let amount = sharing ? min(shortage[p], surplus(from), available[from], outflowRoom(i)) : 1
        guard amount >= unitMin else { return false }
        transfers[TransferKey(from: from, to: to), default: 0] += amount
        available[from] -= amount
        sentBySchool[i] += amount
        staff[from] -= amount
        staff[to] += amount
        refresh(school: i)
        refresh(school: j)
        return true
    }

    /// Hires into pair p when the policy and the payroll allow. False otherwise.
    mutating func hireInto(_ p: Int) -> Bool {
        guard instance.policy.hiring else { return false }
        let amount = sharing ? min(shortage[p], headroom) : 1
        guard amount >= unitMin, headroom >= amount - 1e-9 else { return false }
        hires[p, default: 0] += amount
        headroom -= amount
        staff[p] += amount
        refresh(school: pairs[p].school)
        return true
    }

    // MARK: Phase 2: releases a payroll cut requires

    /// Queues pair p for a release: by its spare teachers if it has any, else by the weighted
    /// shortage one released teacher (or with sharing, what is left of one) adds.
    mutating func queueRelease(_ p: Int) {
        guard available[p] >= unitMin else { return }
        let s = pairs[p].school
        let spareTeachers = min(surplus(p), available[p])
        if spareTeachers >= unitMin {
            releaseQueue.push(ReleaseEntry(harm: 0, metric: -spareTeachers, pair: p, version: version[s]))
            return
        }
        let δ = min(1, available[p])
        var after = staff
        after[p] -= δ
        let harm = instance.schools[s].priority * (coverage(s, after).total - coverage(s, staff).total) / δ
        releaseQueue.push(ReleaseEntry(harm: 1, metric: harm, pair: p, version: version[s]))
    }

    mutating func releaseForPayroll() {
        phase = .releases
        guard headroom < -1e-9 else { return }
        for p in pairs.indices { queueRelease(p) }
        while headroom < -1e-9, let entry = releaseQueue.pop() {
            let p = entry.pair
            guard entry.version == version[pairs[p].school], available[p] >= unitMin else { continue }  // stale
            let remaining = -headroom
            let amount = entry.harm == 0 && sharing ? min(-entry.metric, remaining) : min(sharing ? min(1, remaining) : 1, available[p])
            releases[p, default: 0] += amount
            available[p] -= amount
            staff[p] -= amount
            headroom += amount
            refresh(school: pairs[p].school)
        }
    }

    // MARK: The plan

    func plan() -> Plan {
        let schools = instance.schools, subjects = instance.subjects
        func id(_ p: Int) -> String { schools[pairs[p].school].id }
        func subject(_ p: Int) -> String { subjects[pairs[p].subject] }
        var moves: [Plan.Action] = transfers.compactMap { key, x in
            guard x > epsilon else { return nil }
            let (i, k) = (pairs[key.from].school, pairs[key.to].school)
            return .transfer(from: schools[i].id, to: schools[k].id, subject: subject(key.from), teachers: x,
                             km: instance.km(i, k))
        }
        var hired: [Plan.Action] = hires.compactMap { p, x in
            x > epsilon ? .hire(at: id(p), subject: subject(p), teachers: x) : nil
        }
        var released: [Plan.Action] = releases.compactMap { p, x in
            x > epsilon ? .release(at: id(p), subject: subject(p), teachers: x) : nil
        }
        func key(_ a: Plan.Action) -> [String] { [a.from ?? "", a.to ?? "", a.subject] }
        let order: (Plan.Action, Plan.Action) -> Bool = { key($0).lexicographicallyPrecedes(key($1)) }
        moves.sort(by: order)
        hired.sort(by: order)
        released.sort(by: order)
        return Plan(actions: moves + hired + released)
    }
}

/// A binary min-heap.
struct Heap<Element: Comparable> {
    private var items: [Element] = []

    var isEmpty: Bool { items.isEmpty }

    mutating func push(_ item: Element) {
        items.append(item)
        var child = items.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard items[child] < items[parent] else { break }
            items.swapAt(child, parent)
            child = parent
        }
    }

    mutating func pop() -> Element? {
        guard !items.isEmpty else { return nil }
        items.swapAt(0, items.count - 1)
        let top = items.removeLast()
        var parent = 0
        while true {
            let (left, right) = (2 * parent + 1, 2 * parent + 2)
            var smallest = parent
            if left < items.count, items[left] < items[smallest] { smallest = left }
            if right < items.count, items[right] < items[smallest] { smallest = right }
            if smallest == parent { break }
            items.swapAt(parent, smallest)
            parent = smallest
        }
        return top
    }
}
