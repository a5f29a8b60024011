/// Checks a plan against every constraint of CONTRACT section 2 and recomputes its weighted
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
        public var description: String { action.map { "action \($0 + 1): \(message)" } ?? message }
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

        init(instance: Instance) {
            self.instance = instance
            sent = [Double](repeating: 0, count: instance.pairs.count)
            released = sent
            staffAfter = instance.pairs.map { Double($0.staying) }
            sentBySchool = [Double](repeating: 0, count: instance.schools.count)
        }

        mutating func fail(_ index: Int?, _ message: String) {
            violations.append(Violation(action: index, message: message))
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

        mutating func add(_ action: Plan.Action, index: Int) {
            let amount = action.teachers
            guard amount.isFinite, amount >= 0 else { fail(index, "teachers must be a number >= 0, not \(amount)"); return }
            if !instance.policy.sharing && amount != amount.rounded() {
                fail(index, "\(amount) teachers: whole teachers only (policy sharing is false)")
            }
            switch action.kind {
            case .transfer: addTransfer(action, index: index)
            case .hire: addHire(action, index: index)
            case .release: addRelease(action, index: index)
            }
        }

        mutating func addTransfer(_ action: Plan.Action, index: Int) {
            let from = pair(action.from, action.subject, role: "sending", index: index)
            let to = pair(action.to, action.subject, role: "receiving", index: index)
            guard let from, let to else { return }
            let (i, j) = (instance.pairs[from].school, instance.pairs[to].school)
            if i == j { fail(index, "a transfer must go to another school"); return }
            if !instance.transferAllowed(from: i, to: j) {
                fail(index, "the policy forbids transfers from '\(action.from!)' to '\(action.to!)' (\(reason(i, j)))")
            }
            let x = action.teachers
            sent[from] += x
            sentBySchool[i] += x
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
            cost += action.teachers * instance.costs.hire
        }

        mutating func addRelease(_ action: Plan.Action, index: Int) {
            if let to = action.to, !to.isEmpty { fail(index, "a release has no receiving school") }
            guard let from = pair(action.from, action.subject, role: "releasing", index: index) else { return }
            released[from] += action.teachers
            staffAfter[from] -= action.teachers
            releases += action.teachers
            cost += action.teachers * instance.costs.release
        }

        func reason(_ i: Int, _ j: Int) -> String {
            let (a, b) = (instance.schools[i], instance.schools[j])
            if instance.policy.sameLevel && a.level != b.level { return "levels \(a.level) and \(b.level) differ" }
            if instance.policy.transferScope == .area && a.area != b.area { return "areas \(a.area) and \(b.area) differ" }
            if let d = instance.km(i, j) { return "\(d) km is beyond the cap" }
            return "not allowed"
        }

        /// Constraints over sums: no pass-through, payroll, outflow cap.
        mutating func checkTotals() {
            let pairs = instance.pairs
            for (p, pair) in pairs.enumerated() where sent[p] + released[p] > Double(pair.staying) + tolerance {
                let school = instance.schools[pair.school].id
                fail(nil, "school '\(school)' sends and releases \(sent[p] + released[p]) \(instance.subjects[pair.subject]) teachers but has only \(pair.staying) staying")
            }
            let leaving = pairs.reduce(0) { $0 + $1.leaving }
            let allowed = Double(leaving + instance.policy.payrollChange)
            if hires - releases > allowed + tolerance {
                fail(nil, "payroll: hires - releases = \(hires - releases) exceeds leavers + payroll_change = \(allowed)")
            }
            if let share = instance.policy.maxOutShare {
                for (s, range) in instance.pairRanges.enumerated() {
                    let teachers = range.reduce(0) { $0 + pairs[$1].teachers }
                    if sentBySchool[s] > share * Double(teachers) + tolerance {
                        fail(nil, "school '\(instance.schools[s].id)' sends \(sentBySchool[s]) teachers, above max_out_share \(share) x \(teachers)")
                    }
                }
            }
        }
    }
}
