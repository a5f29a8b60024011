/// Checks a plan against docs/MODEL.md sections 5 and 6 and measures it, year by year, with no
/// solver and nothing shared with the models that make plans: staff n(p, y) carried from year
/// to year, each constraint of each year, the best coverage of each year (`Coverage`), W and C.
/// Every plan of a horizon or with retraining is re-checked here before it is written, and
/// `evaluate` judges hand-made ones with it.
public enum HorizonPlanChecker {
    /// One year's figures, as summary.json's `years` list writes them.
    public struct Year: Sendable, Equatable {
        public var year: Int
        /// sum_j p(j) sum_b u(j, b, y), without the year's weight.
        public var weightedShortage: Double
        /// sum n(p, y) + the teachers in a course during y.
        public var payroll: Double
        public var payrollCap: Int
        public var transfers = 0.0, hires = 0.0, releases = 0.0, retrained = 0.0
        /// The cost of the actions taken in the year.
        public var cost = 0.0
    }

    public struct Report: Sendable {
        public var violations: [PlanChecker.Violation]
        /// staff[y][p] = n(p, y); shortages[y][p] = u(p, y).
        public var staff: [[Double]]
        public var shortages: [[Double]]
        /// arrivals[y][p]: teachers a course brings to p in year y; inCourse[y]: teachers in a course during y.
        public var arrivals: [[Double]]
        public var inCourse: [Double]
        /// W = sum_y w(y) x years[y].weightedShortage.
        public var weightedShortage: Double
        public var cost: Double
        public var years: [Year]
        public var payrollBefore: Int
        /// The teachers transferred under each lock row (section 8), in the instance's order.
        public var lockSums: [Double] = []
        public var isValid: Bool { violations.isEmpty }
        public var transfers: Double { years.reduce(0) { $0 + $1.transfers } }
        public var hires: Double { years.reduce(0) { $0 + $1.hires } }
        public var releases: Double { years.reduce(0) { $0 + $1.releases } }
        public var retrained: Double { years.reduce(0) { $0 + $1.retrained } }
        /// The last year's payroll, teachers in a course included.
        public var payrollAfter: Double { years.last?.payroll ?? Double(payrollBefore) }
    }

    public static func check(_ plan: Plan, against instance: HorizonInstance) -> Report {
        var audit = Audit(instance)
        for (index, action) in plan.actions.enumerated() { audit.add(action, index: index) }
        return audit.finish()
    }

    private struct Audit {
        let instance: HorizonInstance
        let schoolIndex: [String: Int]
        let subjectIndex: [String: Int]
        let options: [[Int]: Int]
        var violations: [PlanChecker.Violation] = []
        /// Per year and pair: what leaves it (x, e, q), what arrives by transfer or hire, by course.
        var out: [[Double]], into: [[Double]], arrivals: [[Double]]
        var outOfSchool: [[Double]]
        /// Teachers transferred or retrained away from each pair in the first year (must_move).
        var moved: [Double]
        var inCourse: [Double]
        var outSteps: [[Int: [Int]]]
        var schoolSteps: [[Int: [Int]]]
        var payrollSteps: [[Int]]
        var years: [Year]
        var cost = 0.0
        var locks: LockTally

        init(_ instance: HorizonInstance) {
            self.instance = instance
            locks = LockTally(LockIndex(instance.locks))
            schoolIndex = Dictionary(instance.schools.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
            subjectIndex = Dictionary(uniqueKeysWithValues: instance.subjects.enumerated().map { ($1, $0) })
            options = Dictionary(instance.retraining.enumerated().map { ([$1.from, $1.to], $0) }, uniquingKeysWith: { a, _ in a })
            let (count, pairs) = (instance.years.count, instance.pairs.count)
            out = Array(repeating: Array(repeating: 0, count: pairs), count: count)
            into = out
            arrivals = (0..<count).map { y in instance.pairs.map { $0.arriving[y] } }
            outOfSchool = Array(repeating: Array(repeating: 0, count: instance.schools.count), count: count)
            moved = Array(repeating: 0, count: pairs)
            inCourse = instance.inCourse
            outSteps = Array(repeating: [:], count: count)
            schoolSteps = outSteps
            payrollSteps = Array(repeating: [], count: count)
            years = instance.years.indices.map {
                Year(year: instance.years[$0], weightedShortage: 0, payroll: 0, payrollCap: instance.payrollCap[$0])
            }
        }

        mutating func fail(_ index: Int?, _ message: String, contributing: [Int] = []) {
            violations.append(PlanChecker.Violation(action: index, message: message, contributing: contributing))
        }

        func number(_ x: Double) -> String {
            x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : "\(x)"
        }

        func inYear(_ y: Int) -> String { instance.hasHorizon ? " in \(instance.years[y])" : "" }

        /// The year index of an action, or nil after recording why it has none.
        mutating func year(of action: Plan.Action, index: Int) -> Int? {
            guard instance.hasHorizon else {
                if let year = action.year { fail(index, "year \(year): the scenario has no horizon"); return nil }
                return 0
            }
            let span = "\(instance.years.first!)-\(instance.years.last!)"
            guard let year = action.year else { fail(index, "the year is missing: the scenario plans the years \(span)"); return nil }
            guard let y = instance.years.firstIndex(of: year) else {
                fail(index, "\(year) is not a year of the horizon \(span)")
                return nil
            }
            return y
        }

        mutating func pair(_ school: String?, _ subject: String, role: String, index: Int) -> Int? {
            guard let school, !school.isEmpty else { fail(index, "\(role) school is missing"); return nil }
            guard let s = schoolIndex[school] else { fail(index, "unknown \(role) school '\(school)'"); return nil }
            guard let a = subjectIndex[subject], let p = instance.pairIndex(school: s, subject: a) else {
                fail(index, "subject '\(subject)' is not a pair of school '\(school)'")
                return nil
            }
            return p
        }

        mutating func add(_ action: Plan.Action, index: Int) {
            let amount = action.teachers
            guard amount.isFinite, amount >= 0 else { fail(index, "teachers must be a number >= 0, not \(amount)"); return }
            if !instance.policy.sharing && amount != amount.rounded() {
                fail(index, "\(number(amount)) teachers: fractional teachers need policy sharing: true (whole teachers only)")
            }
            guard let y = year(of: action, index: index) else { return }
            switch action.kind {
            case .transfer:
                guard let from = pair(action.from, action.subject, role: "sending", index: index),
                      let to = pair(action.to, action.subject, role: "receiving", index: index) else { return }
                let (i, j) = (instance.pairs[from].school, instance.pairs[to].school)
                if i == j { fail(index, "a transfer must go to another school"); return }
                if !instance.transfers.transferAllowed(from: i, to: j) {
                    fail(index, "the policy forbids transfers from '\(action.from!)' to '\(action.to!)'")
                } else {
                    locks.add(from: i, to: j, subject: instance.pairs[from].subject, year: y, amount: amount, action: index)
                }
                leave(from, y, amount, index: index, counted: true)
                into[y][to] += amount
                years[y].transfers += amount
                pay(amount * instance.transfers.moveCost(from: i, to: j), y)
            case .hire:
                if !instance.policy.hiring { fail(index, "the policy does not allow hiring") }
                if let from = action.from, !from.isEmpty { fail(index, "a hire has no sending school") }
                guard let to = pair(action.to, action.subject, role: "receiving", index: index) else { return }
                into[y][to] += amount
                payrollSteps[y].append(index)
                years[y].hires += amount
                pay(amount * instance.costs.hire, y)
            case .release:
                if let to = action.to, !to.isEmpty { fail(index, "a release has no receiving school") }
                guard let from = pair(action.from, action.subject, role: "releasing", index: index) else { return }
                leave(from, y, amount, index: index, counted: false)
                years[y].releases += amount
                pay(amount * instance.costs.release, y)
            case .retrain:
                addRetraining(action, year: y, index: index)
            }
        }

        mutating func addRetraining(_ action: Plan.Action, year y: Int, index: Int) {
            guard let toSubject = action.toSubject, !toSubject.isEmpty else {
                fail(index, "a retrain row needs to_subject, the subject taught afterwards")
                return
            }
            guard let from = pair(action.from, action.subject, role: "sending", index: index),
                  let to = pair(action.to, toSubject, role: "receiving", index: index) else { return }
            guard let k = options[[from, to]] else {
                let (i, j) = (instance.schools[instance.pairs[from].school], instance.schools[instance.pairs[to].school])
                fail(index, "no retraining row lets \(action.subject) teachers of \(i.level) school '\(i.id)' teach "
                     + "\(toSubject) at \(j.level) school '\(j.id)'"
                     + (i.id == j.id || instance.transfers.transferAllowed(from: instance.pairs[from].school, to: instance.pairs[to].school)
                        ? "" : " (the policy forbids moves between the two schools)"))
                return
            }
            let option = instance.retraining[k]
            let amount = action.teachers
            leave(from, y, amount, index: index, counted: true)
            let arrival = y + option.delay
            if arrival < instance.years.count { arrivals[arrival][to] += amount }
            for course in y..<min(arrival, instance.years.count) {
                inCourse[course] += amount
                payrollSteps[course].append(index)
            }
            years[y].retrained += amount
            pay(amount * option.cost, y)
        }

        mutating func pay(_ amount: Double, _ y: Int) {
            cost += amount
            years[y].cost += amount
        }

        /// Teachers leaving pair p in year y; `counted` when max_out_share counts them.
        mutating func leave(_ p: Int, _ y: Int, _ amount: Double, index: Int, counted: Bool) {
            out[y][p] += amount
            outSteps[y][p, default: []].append(index)
            guard counted else { return }
            if y == 0 { moved[p] += amount }
            outOfSchool[y][instance.pairs[p].school] += amount
            schoolSteps[y][instance.pairs[p].school, default: []].append(index)
        }

        mutating func finish() -> Report {
            let pairs = instance.pairs
            let tolerance = PlanChecker.tolerance
            let layout = Coverage.Layout(pairRanges: instance.pairRanges, subjectOfPair: pairs.map(\.subject),
                                         canCover: instance.canCover)
            for (p, pair) in pairs.enumerated() where moved[p] + tolerance < Double(pair.mustMove) {
                fail(nil, "must_move\(inYear(0)): school '\(instance.schools[pair.school].id)' must transfer or retrain "
                     + "away \(pair.mustMove) \(instance.subjects[pair.subject]) teachers of its roster, the plan moves "
                     + "\(number(moved[p]))", contributing: outSteps[0][p] ?? [])
            }
            for (message, contributing) in locks.broken(tolerance: tolerance) { fail(nil, message, contributing: contributing) }
            var staff: [[Double]] = [], shortages: [[Double]] = []
            var weighted = 0.0
            var previous = pairs.map(\.initial)
            for y in instance.years.indices {
                var n = previous
                for (p, pair) in pairs.enumerated() {
                    let movable = previous[p] - Double(pair.leaving[y] + pair.stayFloor[y])
                    if out[y][p] > movable + tolerance { failPassThrough(p, y, movable: movable) }
                    n[p] = previous[p] - Double(pair.leaving[y]) - out[y][p] + into[y][p] + arrivals[y][p]
                }
                let payroll = n.reduce(0, +) + inCourse[y]
                years[y].payroll = payroll
                if payroll > Double(instance.payrollCap[y]) + tolerance {
                    fail(nil, "payroll\(inYear(y)): \(number(payroll)) people (in a course included) exceed the cap of "
                         + "\(instance.payrollCap[y])", contributing: payrollSteps[y])
                }
                checkOutflow(y)
                let u = Coverage.shortages(layout, required: pairs.map { $0.required[y] }, staff: n)
                var yearShortage = 0.0
                for (s, range) in instance.pairRanges.enumerated() {
                    yearShortage += instance.schools[s].priority * range.reduce(0) { $0 + u[$1] }
                }
                years[y].weightedShortage = yearShortage
                weighted += instance.weights[y] * yearShortage
                staff.append(n)
                shortages.append(u)
                previous = n
            }
            return Report(violations: violations, staff: staff, shortages: shortages, arrivals: arrivals, inCourse: inCourse,
                          weightedShortage: weighted, cost: cost, years: years, payrollBefore: instance.headcount,
                          lockSums: locks.sums)
        }

        mutating func failPassThrough(_ p: Int, _ y: Int, movable: Double) {
            let pair = instance.pairs[p]
            let school = instance.schools[pair.school].id
            var message = "no pass-through\(inYear(y)): school '\(school)' moves, releases or retrains \(number(out[y][p])) "
                + "\(instance.subjects[pair.subject]) teachers but only \(number(max(0, movable))) may leave"
            if pair.stayFloor[y] > 0 {
                message += " (\(pair.stayFloor[y]) must stay: they leave in a later year or hold a fixed post)"
            }
            fail(nil, message, contributing: outSteps[y][p] ?? [])
        }

        mutating func checkOutflow(_ y: Int) {
            guard let share = instance.policy.maxOutShare else { return }
            for (s, range) in instance.pairRanges.enumerated() {
                let cap = share * Double(range.reduce(0) { $0 + instance.pairs[$1].teachers })
                guard outOfSchool[y][s] > cap + PlanChecker.tolerance else { continue }
                fail(nil, "max_out_share\(inYear(y)): school '\(instance.schools[s].id)' sends \(number(outOfSchool[y][s])) "
                     + "teachers, above \(number(cap))", contributing: schoolSteps[y][s] ?? [])
            }
        }
    }
}
