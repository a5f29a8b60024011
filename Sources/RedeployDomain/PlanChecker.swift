/// Checks a plan against every constraint of docs/MODEL.md section 2 and recomputes its weighted
/// shortage W and cost C from the scenario alone.
///
/// It shares no code with the model builder on purpose: `solve` runs it on every plan the
/// solver returns, so a mistake in the model shows up as a violation instead of a wrong plan.
public enum PlanChecker {
    /// Feasibility slack allowed on sums (solver round-off), in teachers.
    public static let tolerance = 1e-6

    public struct Violation: Sendable, Equatable, CustomStringConvertible {
        /// Index of the plan action at fault (0-based), or nil for a constraint over the whole plan.
        public var action: Int?
        public var message: String
        /// For a constraint over a sum (action nil): the actions that add to the sum, in plan order.
        public var contributing: [Int] = []
        /// For a constraint over a sum: the action from which on the running sum, taken in plan
        /// order, stays above its limit (the one that breaks it); nil when the sum is above its
        /// limit before any action (e.g. releases that a payroll cut requires are missing).
        public var breaking: Int? = nil
        public var description: String { action.map { "action \($0 + 1): \(message)" } ?? message }

        public init(action: Int?, message: String, contributing: [Int] = [], breaking: Int? = nil) {
            self.action = action
            self.message = message
            self.contributing = contributing
            self.breaking = breaking
        }

        /// The action a reader should look at: the one at fault, else the one that breaks a sum.
        public var primaryAction: Int? { action ?? breaking }
    }

    public struct Report: Sendable {
        public var violations: [Violation]
        /// Staff after the plan n, shortage u, indexed like `instance.pairs`.
        public var staffAfter: [Double]
        public var shortages: [Double]
        public var weightedShortage: Double
        public var cost: Double
        public var transfers: Double
        public var hires: Double
        public var releases: Double
        public var payrollBefore: Int
        public var payrollAfter: Double
        public var isValid: Bool { violations.isEmpty }
    }

    public static func check(_ plan: Plan, against instance: Instance) -> Report {
        var audit = Audit(instance: instance)
        for (index, action) in plan.actions.enumerated() { audit.add(action, index: index) }
        audit.checkTotals()
        let shortages = Coverage.shortages(instance, staff: audit.staffAfter)
        return Report(
            violations: audit.violations, staffAfter: audit.staffAfter, shortages: shortages,
            weightedShortage: Coverage.weightedShortage(instance, shortages: shortages),
            cost: audit.cost, transfers: audit.transfers, hires: audit.hires, releases: audit.releases,
            payrollBefore: instance.pairs.reduce(0) { $0 + $1.teachers },
            payrollAfter: audit.staffAfter.reduce(0, +))
    }

    /// The running sums of one check.
    private struct Audit {
        let instance: Instance
        var violations: [Violation] = []
        var sent: [Double]
        var released: [Double]
        var staffAfter: [Double]
        var sentBySchool: [Double]
        var cost = 0.0, transfers = 0.0, hires = 0.0, releases = 0.0
        /// The actions adding to each sum, with their amounts, in plan order: per pair what is
        /// sent or released, per school what is sent, and hires (+) and releases (-) for payroll.
        var outOfPair: [Int: [(action: Int, amount: Double)]] = [:]
        var outOfSchool: [Int: [(action: Int, amount: Double)]] = [:]
        var payrollSteps: [(action: Int, amount: Double)] = []
        var locks: LockTally

        init(instance: Instance) {
            self.instance = instance
            locks = LockTally(LockIndex(instance.locks))
            sent = [Double](repeating: 0, count: instance.pairs.count)
            released = sent
            staffAfter = instance.pairs.map { Double($0.staying) }
            sentBySchool = [Double](repeating: 0, count: instance.schools.count)
        }

        mutating func fail(_ index: Int?, _ message: String) {
            violations.append(Violation(action: index, message: message))
        }

        /// A violated sum: names the actions adding to it and the one from which on it stays
        /// above `limit`.
        mutating func failSum(_ steps: [(action: Int, amount: Double)], start: Double, limit: Double, _ message: String) {
            var running = start
            var breaking: Int? = nil
            for step in steps {
                let wasAbove = running > limit + tolerance
                running += step.amount
                let isAbove = running > limit + tolerance
                if isAbove && !wasAbove { breaking = step.action }
                if !isAbove { breaking = nil }
            }
            violations.append(Violation(action: nil, message: message,
                                        contributing: steps.filter { $0.amount != 0 }.map(\.action), breaking: breaking))
        }

        /// The pair of a school id and subject code, or nil after recording why not.
        mutating func pair(_ school: String?, _ subject: String, role: String, index: Int) -> Int? {
            guard let school, !school.isEmpty else { fail(index, "\(role) school is missing"); return nil }
            guard let s = instance.schoolIndex[school] else { fail(index, "unknown \(role) school '\(school)'"); return nil }
            guard let a = instance.subjectIndex[subject], let p = instance.pairIndex(school: s, subject: a) else {
                fail(index, "subject '\(subject)' is not a pair of school '\(school)'")
                return nil
            }
            return p
        }

        /// A count as a person writes it: 3, not 3.0; fractions in shortest round-trip form.
        func number(_ x: Double) -> String {
            if x == 0 { return "0" }
            if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
            return "\(x)"
        }

        mutating func add(_ action: Plan.Action, index: Int) {
            let amount = action.teachers
            guard amount.isFinite, amount >= 0 else { fail(index, "teachers must be a number >= 0, not \(amount)"); return }
            if !instance.policy.sharing && amount != amount.rounded() {
                fail(index, "\(number(amount)) teachers: fractional teachers need policy sharing: true (whole teachers only)")
            }
            switch action.kind {
            case .transfer: addTransfer(action, index: index)
            case .hire: addHire(action, index: index)
            case .release: addRelease(action, index: index)
            case .retrain: fail(index, "a retrain row needs a scenario with retraining rows (docs/MODEL.md section 5)")
            }
        }

        mutating func addTransfer(_ action: Plan.Action, index: Int) {
            let from = pair(action.from, action.subject, role: "sending", index: index)
            let to = pair(action.to, action.subject, role: "receiving", index: index)
            guard let from, let to else { return }
            let (i, j) = (instance.pairs[from].school, instance.pairs[to].school)
            if i == j { fail(index, "a transfer must go to another school"); return }
            let x = action.teachers
            if !instance.transferAllowed(from: i, to: j) {
                fail(index, "the policy forbids transfers from '\(action.from!)' to '\(action.to!)' (\(reason(i, j)))")
            } else {
                locks.add(from: i, to: j, subject: instance.pairs[from].subject, amount: x, action: index)
            }
            sent[from] += x
            sentBySchool[i] += x
            outOfPair[from, default: []].append((index, x))
            outOfSchool[i, default: []].append((index, x))
            staffAfter[from] -= x
            staffAfter[to] += x
            transfers += x
            cost += x * instance.moveCost(from: i, to: j)
        }

        mutating func addHire(_ action: Plan.Action, index: Int) {
            if !instance.policy.hiring { fail(index, "the policy does not allow hiring") }
            if let from = action.from, !from.isEmpty { fail(index, "a hire has no sending school") }
            guard let to = pair(action.to, action.subject, role: "receiving", index: index) else { return }
            staffAfter[to] += action.teachers
            hires += action.teachers
            payrollSteps.append((index, action.teachers))
            cost += action.teachers * instance.costs.hire
        }

        mutating func addRelease(_ action: Plan.Action, index: Int) {
            if let to = action.to, !to.isEmpty { fail(index, "a release has no receiving school") }
            guard let from = pair(action.from, action.subject, role: "releasing", index: index) else { return }
            released[from] += action.teachers
            outOfPair[from, default: []].append((index, action.teachers))
            payrollSteps.append((index, -action.teachers))
            staffAfter[from] -= action.teachers
            releases += action.teachers
            cost += action.teachers * instance.costs.release
        }

        func reason(_ i: Int, _ j: Int) -> String {
            let (a, b) = (instance.schools[i], instance.schools[j])
            if instance.policy.sameLevel && a.level != b.level { return "same_level: levels \(a.level) and \(b.level) differ" }
            if instance.policy.transferScope == .area && a.area != b.area { return "transfer_scope area: areas \(a.area) and \(b.area) differ" }
            if let d = instance.km(i, j), let cap = instance.policy.maxDistanceKm {
                return "\(number(d)) km is beyond max_distance_km \(number(cap))"
            }
            return "not allowed"
        }

        /// Constraints over sums: no pass-through, payroll, outflow cap.
        mutating func checkTotals() {
            let pairs = instance.pairs
            for (p, pair) in pairs.enumerated() where sent[p] + released[p] > Double(pair.movable) + tolerance {
                let school = instance.schools[pair.school].id
                let verb = sent[p] == 0 ? "releases" : released[p] == 0 ? "sends" : "sends and releases"
                let held = pair.held > 0 ? ", of whom \(pair.held) hold a fixed post the norms give the school" : ""
                failSum(outOfPair[p] ?? [], start: 0, limit: Double(pair.movable),
                        "no pass-through: school '\(school)' \(verb) \(number(sent[p] + released[p])) \(instance.subjects[pair.subject]) teachers but has only \(pair.staying) staying (teachers \(pair.teachers) - leaving \(pair.leaving))\(held)")
            }
            let leaving = pairs.reduce(0) { $0 + $1.leaving }
            let allowed = Double(leaving + instance.policy.payrollChange)
            if hires - releases > allowed + tolerance {
                var message = "payroll raised: hires - releases = \(number(hires - releases)) exceeds leavers + payroll_change = \(number(allowed))"
                if allowed < 0 { message += " (the payroll cut needs at least \(number(-allowed)) releases)" }
                failSum(payrollSteps, start: 0, limit: allowed, message)
            }
            if let share = instance.policy.maxOutShare {
                for (s, range) in instance.pairRanges.enumerated() {
                    let teachers = range.reduce(0) { $0 + pairs[$1].teachers }
                    if sentBySchool[s] > share * Double(teachers) + tolerance {
                        failSum(outOfSchool[s] ?? [], start: 0, limit: share * Double(teachers),
                                "school '\(instance.schools[s].id)' sends \(number(sentBySchool[s])) teachers, above max_out_share \(number(share)) x \(teachers) = \(number(share * Double(teachers)))")
                    }
                }
            }
            for (message, contributing) in locks.broken(tolerance: tolerance) {
                violations.append(Violation(action: nil, message: message, contributing: contributing, breaking: nil))
            }
        }
    }
}
