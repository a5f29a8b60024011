/// A multi-year scenario indexed for models and checkers (docs/MODEL.md sections 5 and 6): the
/// pairs of every year (their union), each pair's leavers and requirement year by year, the
/// payroll cap and the weight of each year, and the retraining options. A scenario without a
/// horizon is a horizon of one year.
///
/// Each year's figures are those of `Scenario.inYear(_:)` read through `Instance`, so that a
/// requirement comes from staff-years, staff.csv or the norms exactly as in one year.
public struct HorizonInstance: Sendable {
    public struct Pair: Sendable, Equatable {
        public var school: Int
        public var subject: Int
        /// t: today's teachers.
        public var teachers: Int
        /// l(y): leavers at the start of each year.
        public var leaving: [Int]
        /// r(y): the requirement in each year.
        public var required: [Double]
        /// Teachers held at the school (fixed posts, `Instance.Pair.held`) in the first year.
        public var held: Int
        /// n(p) when the modelled years begin: today's teachers, or in a window of a horizon
        /// (`window(_:after:)`) the staff the earlier years left.
        public var initial: Double
        /// Teachers arriving in each modelled year from courses begun before the modelled years.
        public var arriving: [Double]
        /// The fewest teachers who must stay in each year, neither moved nor released: those who
        /// leave in a later year (they leave on their own schedule, section 6 constraint 1)
        /// and, under norm rules, the holders of fixed posts as far as the teachers who stay
        /// allow. `stayFloor(y) = max(held(y), stayFloor(y+1) + l(y+1))` with
        /// `held(y) = min(held, t - l(1...y))`, so the plan that does nothing always meets it;
        /// without fixed posts it is exactly the teachers leaving after y.
        public var stayFloor: [Int]
        /// Exempt teachers of the roster (docs/MODEL.md section 7) who do not leave during the
        /// plan: never transferred, released or retrained.
        public var exempt: Int
        /// must_move teachers of the roster: at least this many are transferred or retrained
        /// away from the pair in the first year.
        public var mustMove: Int

        public init(school: Int, subject: Int, teachers: Int, leaving: [Int], required: [Double], held: Int,
                    exempt: Int = 0, mustMove: Int = 0) {
            self.school = school
            self.subject = subject
            self.teachers = teachers
            self.leaving = leaving
            self.required = required
            self.held = held
            self.exempt = exempt
            self.mustMove = mustMove
            initial = Double(teachers)
            arriving = Array(repeating: 0, count: leaving.count)
            stayFloor = Self.stayFloors(teachers: teachers, leaving: leaving, held: held, exempt: exempt)
        }

        /// The last year's floor holds the exempt teachers who stay (and the fixed posts); each
        /// earlier year's adds the teachers leaving after it. Without fixed posts that is exactly
        /// section 7's right-hand side: later leavers plus exempt stayers.
        static func stayFloors(teachers: Int, leaving: [Int], held: Int, exempt: Int = 0) -> [Int] {
            var floors = Array(repeating: 0, count: leaving.count)
            var left = teachers
            let stayingIn = leaving.map { l -> Int in left -= l; return left }
            for y in floors.indices.reversed() {
                let fromLater = y + 1 < floors.count ? floors[y + 1] + leaving[y + 1] : exempt
                floors[y] = max(min(held, stayingIn[y]), fromLater)
            }
            return floors
        }
    }

    /// One way to retrain: teachers of pair `from` become teachers of pair `to`, `delay` years
    /// later, at `cost` a teacher (the course, plus the move when the school changes).
    public struct Retraining: Sendable, Equatable {
        public var from: Int
        public var to: Int
        public var delay: Int
        public var cost: Double
        public var km: Double?
    }

    public let name: String
    /// The school years; [0] for a scenario of one year.
    public private(set) var years: [Int]
    public let schools: [School]
    public let subjects: [String]
    public private(set) var pairs: [Pair]
    /// pairs[pairRanges[s]] are the pairs of school s.
    public let pairRanges: [Range<Int>]
    /// canCover[a]: the subjects subject-a teachers may teach (a itself first among them).
    public private(set) var canCover: [[Int]]
    /// sum t + pc(y): the most people on the payroll in each year.
    public private(set) var payrollCap: [Int]
    /// Teachers in each modelled year still in a course begun before the modelled years (they
    /// hold a post on the payroll); zero but in a window.
    public private(set) var inCourse: [Double]
    /// w(y).
    public private(set) var weights: [Double]
    public let retraining: [Retraining]
    /// Whether the scenario has retraining rows (plan.csv then has `to_subject`), even if no
    /// pair of schools matches one.
    public let hasRetrainingRows: Bool
    public let policy: Policy
    public let costs: Costs
    /// The first year's instance, for the transfer rules and distances (the same every year).
    public let transfers: Instance
    /// locks.csv's rows (docs/MODEL.md section 8) in this horizon's indices; a window of the
    /// myopic plan holds what is left of them for its year.
    public internal(set) var locks: [LockRule]
    /// The roster lines of each pair's must_move teachers, to name them where a lock leaves
    /// them no way out.
    public let mustMoveSources: [Int: [String]]

    public init(_ scenario: Scenario) {
        let years = scenario.horizon?.years ?? [0]
        let perYear = years.map { Instance(scenario.horizon == nil ? scenario : scenario.inYear($0)) }
        let first = perYear[0]
        name = scenario.name
        self.years = years
        schools = first.schools
        policy = scenario.policy
        costs = scenario.costs
        transfers = first
        subjects = Array(Set(perYear.flatMap(\.subjects))).sorted()
        let subjectIndex = Dictionary(uniqueKeysWithValues: subjects.enumerated().map { ($1, $0) })
        canCover = subjects.map { subject in
            let own = first.subjectIndex[subject].map { first.canCover[$0].map { first.subjects[$0] } } ?? [subject]
            return own.compactMap { subjectIndex[$0] }.sorted()
        }
        let roster = Self.rosterCounts(scenario, schools: first.schoolIndex, subjects: subjectIndex)
        (pairs, pairRanges) = Self.unionOfPairs(perYear, subjectIndex: subjectIndex, schools: first.schools.count,
                                                roster: roster)
        let headcount = pairs.reduce(0) { $0 + $1.teachers }
        payrollCap = perYear.map { headcount + $0.policy.payrollChange }
        inCourse = Array(repeating: 0, count: years.count)
        weights = years.map { scenario.horizon?.weight(of: $0) ?? 1 }
        hasRetrainingRows = !scenario.retraining.isEmpty
        retraining = Self.retrainingOptions(scenario.retraining, pairs: pairs, schools: first.schools,
                                            subjects: subjects, transfers: first)
        locks = LockRule.resolve(scenario.locks, schoolIndex: first.schoolIndex, subjectIndex: subjectIndex,
                                 years: scenario.horizon?.years, whole: !scenario.policy.sharing)
        let (allPairs, ranges) = (pairs, pairRanges)
        var sources: [Int: [String]] = [:]
        for (k, row) in scenario.roster.enumerated() where row.mustMove && k < scenario.rosterSources.count {
            guard let s = first.schoolIndex[row.schoolID], let a = subjectIndex[row.subject],
                  let p = ranges[s].first(where: { allPairs[$0].subject == a }) else { continue }
            sources[p, default: []].append(scenario.rosterSources[k])
        }
        mustMoveSources = sources
    }

    /// Whether the scenario has a horizon (years are named), rather than one unnamed year.
    public var hasHorizon: Bool { years != [0] }

    /// sum t: the payroll today.
    public var headcount: Int { pairs.reduce(0) { $0 + $1.teachers } }

    /// Year `k` alone, as it stands after the earlier years' moves: staff `staff` (n(p, k-1)),
    /// the courses begun before it (`arriving` in it, `inCourse` during it), its own leavers,
    /// requirements, cap and weight, and the stay floor the whole horizon sets for it. The
    /// myopic plan solves these one after the other.
    /// `locksUsed`: the teachers the earlier years transferred under each lock row. A row of
    /// year k bounds the window; a row of all years gives it what the earlier years left of its
    /// max, and its min (less what they used) in the last year only.
    public func window(_ k: Int, staff: [Double], arriving: [Double], inCourse: Double,
                       locksUsed: [Double] = []) -> HorizonInstance {
        var window = self
        window.locks = locks.enumerated().compactMap { n, rule in
            var kept = rule
            if let year = rule.year {
                guard year == k else { return nil }
                kept.year = 0
                return kept
            }
            let used = n < locksUsed.count ? locksUsed[n] : 0
            kept.max = rule.max.map { Swift.max(0, $0 - used) }
            kept.min = k == years.count - 1 ? Swift.max(0, rule.min - used) : 0
            return kept
        }
        window.years = [years[k]]
        window.payrollCap = [payrollCap[k]]
        window.inCourse = [inCourse]
        window.weights = [weights[k]]
        window.pairs = pairs.enumerated().map { p, pair in
            var one = pair
            one.leaving = [pair.leaving[k]]
            one.required = [pair.required[k]]
            one.stayFloor = [pair.stayFloor[k]]
            one.mustMove = k == 0 ? pair.mustMove : 0  // a rotation rule binds the first year only
            one.initial = staff[p]
            one.arriving = [arriving[p]]
            return one
        }
        return window
    }

    /// The same horizon where each subject's teachers cover their own subject only: a relaxation
    /// whose network optimum seeds the literal model's transfers.
    public var ignoringQualifications: HorizonInstance {
        var copy = self
        copy.canCover = subjects.indices.map { [$0] }
        return copy
    }

    /// The index of pair (school, subject), if it is a pair.
    public func pairIndex(school: Int, subject: Int) -> Int? {
        pairRanges[school].first { pairs[$0].subject == subject }
    }

    /// The pairs of every year, sorted by school and subject, with their figures year by year
    /// (0 leavers and 0 required in a year where the pair is not one).
    private static func unionOfPairs(_ perYear: [Instance], subjectIndex: [String: Int], schools: Int,
                                     roster: [RosterKey: RosterCounts]) -> ([Pair], [Range<Int>]) {
        struct Key: Hashable, Comparable {
            var school: Int, subject: Int
            static func < (a: Key, b: Key) -> Bool { (a.school, a.subject) < (b.school, b.subject) }
        }
        var byKey: [Key: Pair] = [:]
        let count = perYear.count
        for (y, instance) in perYear.enumerated() {
            for pair in instance.pairs {
                let key = Key(school: pair.school, subject: subjectIndex[instance.subjects[pair.subject]]!)
                var entry = byKey[key] ?? Pair(school: key.school, subject: key.subject, teachers: pair.teachers,
                                               leaving: Array(repeating: 0, count: count),
                                               required: Array(repeating: 0, count: count), held: y == 0 ? pair.held : 0)
                entry.leaving[y] = pair.leaving
                entry.required[y] = pair.required
                byKey[key] = entry
            }
        }
        let pairs = byKey.keys.sorted().map { key in
            let pair = byKey[key]!
            let people = roster[RosterKey(school: pair.school, subject: pair.subject)]
            return Pair(school: pair.school, subject: pair.subject, teachers: pair.teachers, leaving: pair.leaving,
                        required: pair.required, held: pair.held, exempt: people?.exempt ?? 0,
                        mustMove: people?.mustMove ?? 0)
        }
        var ranges: [Range<Int>] = []
        var start = 0
        for s in 0..<schools {
            var end = start
            while end < pairs.count && pairs[end].school == s { end += 1 }
            ranges.append(start..<end)
            start = end
        }
        return (pairs, ranges)
    }

    struct RosterKey: Hashable {
        var school: Int, subject: Int
    }

    struct RosterCounts {
        var exempt = 0, mustMove = 0
    }

    /// Per (school, subject), the roster's exempt teachers who stay through the plan (a leaving
    /// year within the horizon, or any without one, means they leave) and its must_move ones.
    private static func rosterCounts(_ scenario: Scenario, schools: [String: Int],
                                     subjects: [String: Int]) -> [RosterKey: RosterCounts] {
        var counts: [RosterKey: RosterCounts] = [:]
        let last = scenario.horizon?.years.last
        for row in scenario.roster {
            guard let s = schools[row.schoolID], let a = subjects[row.subject] else { continue }
            let leaves = row.leavingYear.map { year in last.map { year <= $0 } ?? true } ?? false
            var entry = counts[RosterKey(school: s, subject: a)] ?? RosterCounts()
            if row.isExempt && !leaves { entry.exempt += 1 }
            if row.mustMove { entry.mustMove += 1 }
            counts[RosterKey(school: s, subject: a)] = entry
        }
        return counts
    }

    /// Every (from pair, to pair) a retraining row allows: levels and subjects as the row says,
    /// the same school only when the row keeps the level, another school only where a transfer
    /// between the two would be allowed by scope and distance (same_level aside: the row licenses
    /// the change of level).
    private static func retrainingOptions(_ rows: [RetrainingRow], pairs: [Pair], schools: [School],
                                          subjects: [String], transfers: Instance) -> [Retraining] {
        var options: [Retraining] = []
        for row in rows {
            for (p, from) in pairs.enumerated()
            where subjects[from.subject] == row.fromSubject && schools[from.school].level == row.fromLevel {
                for (q, to) in pairs.enumerated()
                where subjects[to.subject] == row.toSubject && schools[to.school].level == row.toLevel {
                    if to.school == from.school {
                        guard row.fromLevel == row.toLevel else { continue }
                        options.append(Retraining(from: p, to: q, delay: row.delay, cost: row.cost, km: nil))
                    } else if reachable(from.school, to.school, transfers) {
                        options.append(Retraining(from: p, to: q, delay: row.delay,
                                                  cost: row.cost + transfers.moveCost(from: from.school, to: to.school),
                                                  km: transfers.km(from.school, to.school)))
                    }
                }
            }
        }
        return options
    }

    private static func reachable(_ i: Int, _ k: Int, _ instance: Instance) -> Bool {
        let (a, b) = (instance.schools[i], instance.schools[k])
        if instance.policy.transferScope == .area && a.area != b.area { return false }
        if let cap = instance.policy.maxDistanceKm, let d = instance.km(i, k), d > cap { return false }
        return true
    }
}
