import Foundation
import RedeployDomain
import ScenarioIO

/// What still limits a plan, in plain words, from figures anyone can recompute (no duals):
///
/// - the balance: the posts the payroll allows against what the schools need in all;
/// - the payroll: whether hires − releases already use all that leavers and payroll_change allow;
/// - whole teachers: spare time scattered in pieces smaller than one teacher;
/// - for each area and subject still short: where the spare teachers of that subject (or
///   teachers qualified for it) are after the plan, and what keeps each from moving there:
///   another level (same_level), another area (transfer_scope: area), too far
///   (max_distance_km), its school already sends its maximum (max_out_share), or less than
///   one whole teacher to spare. Spare teachers that none of these keep away mean the plan
///   could still be improved; it says so rather than inventing a reason.
///
/// "Spare" teachers of a subject at a school are those the school can lose without its own
/// shortage growing (with qualifications, computed by maximum flow as `Coverage` does).
public struct Limits: Sendable {
    public enum Reason: Sendable, Equatable {
        /// No spare teacher of the subject (or qualified for it) is left at any other school.
        case noSpare
        /// Spare FTE only at schools of another level (same_level: true).
        case otherLevel(Double)
        /// Spare FTE only in other areas (transfer_scope: area).
        case otherArea(Double)
        /// Spare FTE only farther than the cap (max_distance_km).
        case tooFar(Double, cap: Double)
        /// Spare FTE at schools that already send their maximum (max_out_share).
        case outflowCap(Double, share: Double)
        /// Spare FTE, but less than one whole teacher at each school (sharing: false).
        case fractions(Double)
        /// Spare FTE that nothing above keeps from moving here.
        case reachable(Double)
        /// The policy does not allow hiring.
        case noHiring
        /// Hires − releases already use all that leavers and payroll_change allow.
        case payrollFull
        /// Payroll room for more hires is left unused.
        case payrollRoom(Double)

        public func text(subject: String) -> String { text(subject: subject, .english) }

        public func text(subject: String, _ l: Labels) -> String {
            switch self {
            case .noSpare: return l("no spare {0} teacher (or teacher qualified for it) left at any other school", subject)
            case let .otherLevel(x): return l("{0} FTE spare only at schools of another level (same_level)", Format.fte(x))
            case let .otherArea(x): return l("{0} FTE spare only in other areas (transfer_scope: area)", Format.fte(x))
            case let .tooFar(x, cap):
                return l("{0} FTE spare only farther than {1} km (max_distance_km)", Format.fte(x), Format.count(cap))
            case let .outflowCap(x, share):
                return l("{0} FTE spare at schools already sending their maximum (max_out_share {1})", Format.fte(x), Format.count(share))
            case let .fractions(x): return l("{0} FTE spare, but less than one whole teacher at each school", Format.fte(x))
            case let .reachable(x): return l("{0} FTE spare within reach could still move here", Format.fte(x))
            case .noHiring: return l("no hiring (policy hiring: false)")
            case .payrollFull: return l("no payroll room left to hire")
            case let .payrollRoom(x): return l("payroll room for {0} more hires is unused", Format.count(x))
            }
        }
    }

    /// Remaining shortage of one subject in one area, and why.
    public struct Group: Sendable, Equatable {
        public var area: String
        public var subject: String
        public var shortageBefore: Double
        public var shortageAfter: Double
        public var schools: Int
        public var reasons: [Reason]

        public var explanation: String { explanation(.english) }

        public func explanation(_ l: Labels) -> String { reasons.map { $0.text(subject: subject, l) }.joined(separator: "; ") }
    }

    /// The schools' total requirement (FTE) and the most teachers the payroll allows after the plan.
    public let required: Double
    public let payrollCap: Int
    public let leaving: Int
    public let payrollChange: Int
    public let hiring: Bool
    /// hires − releases of the plan, and what is left of leavers + payroll_change.
    public let netHires: Double
    public let payrollRoom: Double
    /// Whole teachers only (policy sharing false).
    public let wholeTeachers: Bool
    /// Spare time in pieces smaller than one teacher, over how many (school, subject) pairs.
    public let fractionalSpare: Double
    public let fractionalPairs: Int
    /// Whole spare teachers left anywhere, in any subject.
    public let wholeSpare: Double
    public let status: String
    public let mipGap: Double?
    /// Why hiring fills no more of the shortage: no hiring, no payroll room, or room unused.
    public let hiringReason: Reason
    /// By remaining shortage, largest first.
    public let groups: [Group]
    /// The same shortage grouped by what keeps spare teachers from it and by level, the largest
    /// weighted shortage first: a handful of rows where `groups` has one per area and subject.
    public let ranked: [LimitGroup]

    init(instance: Instance, plan: Plan, check: PlanChecker.Report, shortagesBefore: [Double],
         status: String, mipGap: Double?, areas: [String], levels: [String]) {
        let pairs = instance.pairs
        let policy = instance.policy
        let eps = 1e-6
        let whole = !policy.sharing
        wholeTeachers = whole
        self.status = status
        self.mipGap = mipGap
        hiring = policy.hiring
        required = pairs.reduce(0) { $0 + $1.required }
        payrollCap = check.payrollBefore + policy.payrollChange
        leaving = pairs.reduce(0) { $0 + $1.leaving }
        payrollChange = policy.payrollChange
        netHires = check.hires - check.releases
        payrollRoom = Double(leaving + policy.payrollChange) - netHires

        let spare = Self.spare(instance, staff: check.staffAfter, shortages: check.shortages)
        var fractional = 0.0, fractionalCount = 0, wholeLeft = 0.0
        for s in spare where s > eps {
            let w = (s + eps).rounded(.down)
            wholeLeft += w
            if whole && s - w > eps {
                fractional += s - w
                fractionalCount += 1
            }
        }
        fractionalSpare = whole ? fractional : 0
        fractionalPairs = whole ? fractionalCount : 0
        wholeSpare = whole ? wholeLeft : spare.reduce(0) { $0 + max(0, $1) }

        // What each sending school may still send under max_out_share.
        var sent = [Double](repeating: 0, count: instance.schools.count)
        for action in plan.actions where action.kind == .transfer {
            if let i = action.from.flatMap({ instance.schoolIndex[$0] }) { sent[i] += action.teachers }
        }
        var teachers = [Int](repeating: 0, count: instance.schools.count)
        for pair in pairs { teachers[pair.school] += pair.teachers }

        var bySubject = [[Int]](repeating: [], count: instance.subjects.count)
        for (p, pair) in pairs.enumerated() where spare[p] > eps { bySubject[pair.subject].append(p) }
        var taughtBy = [[Int]](repeating: [], count: instance.subjects.count)
        for (a, covered) in instance.canCover.enumerated() { for b in covered { taughtBy[b].append(a) } }

        hiringReason = !policy.hiring ? .noHiring
            : payrollRoom < (whole ? 1 : eps) ? .payrollFull : .payrollRoom(whole ? (payrollRoom + eps).rounded(.down) : payrollRoom)

        // Group the remaining shortage by area and subject.
        struct Key: Hashable { let area: String, subject: Int }
        var shortAt: [Key: [Int]] = [:]
        var before: [Key: Double] = [:]
        for (p, pair) in pairs.enumerated() {
            let key = Key(area: instance.schools[pair.school].area, subject: pair.subject)
            before[key, default: 0] += shortagesBefore[p]
            if check.shortages[p] > eps { shortAt[key, default: []].append(p) }
        }

        var groups: [Group] = []
        var kinds: [Int: Kind] = [:]
        for (key, short) in shortAt {
            // rank: 0 level, 1 area, 2 distance, 3 fractions, 4 outflow cap, 5 reachable.
            var best: [Int: Int] = [:]
            for p in short {
                let j = pairs[p].school
                var own = [Double](repeating: 0, count: 6)
                for a in taughtBy[key.subject] {
                    for q in bySubject[a] {
                        let i = pairs[q].school
                        guard i != j else { continue }
                        let rank = Self.rank(instance, from: i, to: j, spare: spare[q], whole: whole,
                                             sent: sent[i], teachers: teachers[i], eps: eps)
                        best[q] = max(best[q] ?? -1, rank)
                        own[rank] += spare[q]
                    }
                }
                kinds[p] = Kind.dominant(own, eps: eps)
            }
            var amount = [Double](repeating: 0, count: 6)
            for q in best.keys.sorted() { amount[best[q]!] += spare[q] }  // in pair order: the same sums every run
            var reasons: [Reason] = []
            if best.isEmpty { reasons.append(.noSpare) }
            if amount[5] > eps { reasons.append(.reachable(amount[5])) }
            if amount[0] > eps { reasons.append(.otherLevel(amount[0])) }
            if amount[1] > eps { reasons.append(.otherArea(amount[1])) }
            if amount[2] > eps { reasons.append(.tooFar(amount[2], cap: policy.maxDistanceKm ?? 0)) }
            if amount[4] > eps { reasons.append(.outflowCap(amount[4], share: policy.maxOutShare ?? 0)) }
            if amount[3] > eps { reasons.append(.fractions(amount[3])) }
            reasons.append(hiringReason)
            groups.append(Group(area: key.area, subject: instance.subjects[key.subject], shortageBefore: before[key] ?? 0,
                                shortageAfter: short.reduce(0) { $0 + check.shortages[$1] },
                                schools: Set(short.map { pairs[$0].school }).count, reasons: reasons))
        }
        ranked = Self.limitGroups(instance, shortages: check.shortages, kinds: kinds, levels: levels)
        let areaRank = Dictionary(uniqueKeysWithValues: areas.enumerated().map { ($1, $0) })
        self.groups = groups.sorted { a, b in
            if abs(a.shortageAfter - b.shortageAfter) > 1e-9 { return a.shortageAfter > b.shortageAfter }
            let (ra, rb) = (areaRank[a.area] ?? 0, areaRank[b.area] ?? 0)
            return ra != rb ? ra < rb : a.subject < b.subject
        }
    }

    /// Why spare teachers at school i cannot come to school j, as a rank (higher = closer to movable).
    static func rank(_ instance: Instance, from i: Int, to j: Int, spare: Double, whole: Bool,
                     sent: Double, teachers: Int, eps: Double) -> Int {
        let policy = instance.policy
        let (a, b) = (instance.schools[i], instance.schools[j])
        if policy.sameLevel && a.level != b.level { return 0 }
        if policy.transferScope == .area && a.area != b.area { return 1 }
        if let cap = policy.maxDistanceKm, let d = instance.km(i, j), d > cap { return 2 }
        if whole && spare + eps < 1 { return 3 }
        if let share = policy.maxOutShare {
            let room = share * Double(teachers) - sent
            if whole ? room + eps < 1 : room <= eps { return 4 }
        }
        return 5
    }

    /// Per pair: the teachers the school can lose without its own shortage growing.
    static func spare(_ instance: Instance, staff: [Double], shortages: [Double]) -> [Double] {
        var spare = [Double](repeating: 0, count: instance.pairs.count)
        let pairs = instance.pairs
        for range in instance.pairRanges {
            let subjects = Set(range.map { pairs[$0].subject })
            let trivial = range.allSatisfy { p in
                instance.canCover[pairs[p].subject].allSatisfy { $0 == pairs[p].subject || !subjects.contains($0) }
            }
            if trivial {
                for p in range { spare[p] = max(0, max(0, staff[p]) - pairs[p].required) }
                continue
            }
            let full = maxFlow(instance, range: range, staff: staff, without: nil)
            for p in range where staff[p] > 1e-9 {
                let needed = full - maxFlow(instance, range: range, staff: staff, without: p)
                spare[p] = max(0, staff[p] - needed)
            }
        }
        return spare
    }

    /// The most of a school's requirement its teachers can cover (pair `without` left out).
    static func maxFlow(_ instance: Instance, range: Range<Int>, staff: [Double], without: Int?) -> Double {
        var kept = staff
        if let without { kept[without] = 0 }
        let required = range.reduce(0.0) { $0 + instance.pairs[$1].required }
        return required - Coverage.schoolShortages(instance, range: range, staff: kept).reduce(0, +)
    }

    /// The sentences on the plan as a whole, in reading order.
    public var overview: [String] { overview(.english) }

    public func overview(_ l: Labels) -> [String] {
        var lines: [String] = []
        let cap = Double(payrollCap)
        var balance = l("The schools need {0} FTE in all; the payroll allows at most {1} teachers after the plan",
                        Format.fte(required), payrollCap)
        balance += payrollChange == 0 ? l(" (budget-neutral).") : l(" (payroll_change {0}).", payrollChange)
        if required > cap + 1e-6 {
            balance += l(" So at least {0} FTE stay short whatever the plan.", Format.fte(required - cap))
        } else {
            balance += l(" In total there are enough posts: what stays short is a matter of where teachers are and what they teach.")
        }
        lines.append(balance)
        if !hiring {
            lines.append(l("Hiring is not allowed (policy hiring: false): only transfers can fill a gap."))
        } else {
            var payroll = l("Hires − releases = {0}, of the {1} that leavers ({2}) and payroll_change ({3}) allow",
                            Format.count(netHires), leaving + payrollChange, leaving, payrollChange)
            payroll += payrollRoom < (wholeTeachers ? 1 : 1e-6)
                ? l(": the payroll is used up, so every further hire would need a release.")
                : l(": room for {0} more is left.", Format.count(payrollRoom))
            lines.append(payroll)
        }
        if wholeTeachers && fractionalSpare > 1e-6 {
            lines.append(l("{0} FTE of spare time is spread over {1} school-subjects in pieces smaller than one teacher; "
                + "with whole teachers only (sharing: false) it cannot move. Teachers shared between schools (sharing: true) could use it.",
                Format.fte(fractionalSpare), fractionalPairs))
        }
        if wholeSpare > 1e-6 {
            lines.append(wholeTeachers
                ? l("{0} whole teachers are still spare after the plan (more than their school needs in what they teach); "
                    + "the table below says whether any of them could reach a gap.", Format.count(wholeSpare))
                : l("{0} teachers are still spare after the plan (more than their school needs in what they teach); "
                    + "the table below says whether any of them could reach a gap.", Format.count(wholeSpare)))
        }
        if status != "optimal" {
            lines.append(mipGap.map { $0 > 0 } == true
                ? l("The plan is not proven optimal (status {0}, gap {1}): some shortage below might still be avoidable.",
                    status, Format.percent(mipGap!, 2))
                : l("The plan is not proven optimal (status {0}): some shortage below might still be avoidable.", status))
        }
        if groups.isEmpty { lines.append(l("No shortage remains.")) }
        return lines
    }
}
