/// One row of locks.csv (docs/MODEL.md section 8): the teachers transferred over the transfers
/// it matches are at least `min` and at most `max`. A planner's decisions between two solves:
/// "this move is agreed" (min 1), "never from this school" (max 0), "this school takes no more
/// than 3". Empty fields match anything.
public struct TransferLock: Sendable, Equatable {
    public var fromSchool: String?
    public var toSchool: String?
    public var subject: String?
    /// With a horizon, the year the row bounds; nil: the sum over all years.
    public var year: Int?
    public var min: Double
    public var max: Double?
    /// Where the row is (`locks.csv:4`), so that a conflict can name it.
    public var source: String

    public init(fromSchool: String? = nil, toSchool: String? = nil, subject: String? = nil, year: Int? = nil,
                min: Double = 0, max: Double? = nil, source: String) {
        self.fromSchool = fromSchool
        self.toSchool = toSchool
        self.subject = subject
        self.year = year
        self.min = min
        self.max = max
        self.source = source
    }
}

/// A lock row in an instance's indices: schools, subject and year as the models number them.
public struct LockRule: Sendable, Equatable {
    public var from: Int?
    public var to: Int?
    /// nil: any subject. A subject the instance does not know (it has no pair anywhere) matches
    /// no transfer: `Int.min`.
    public var subject: Int?
    /// An index of the instance's years; nil: every year (their sum).
    public var year: Int?
    /// Bounds as the model uses them: with whole teachers rounded inward (section 8).
    public var min: Double
    public var max: Double?
    public var source: String

    public func matches(from i: Int, to j: Int, subject a: Int, year y: Int = 0) -> Bool {
        (from == nil || from == i) && (to == nil || to == j) && (subject == nil || subject == a)
            && (year == nil || year == y)
    }

    /// Whether the row can bound a single transfer of a model of `years` years: school, school,
    /// subject and (with several years) the year all named. Such a row is an arc's bounds in a
    /// network; any other is a side row over the transfers it matches.
    public func isSingleArc(years: Int) -> Bool {
        from != nil && to != nil && subject != nil && (year != nil || years == 1)
    }

    /// The rows of `locks` in `schools`' and `subjects`' indices. `years`: the horizon's years
    /// (nil for one year, where a row names no year). Whole teachers round the bounds inward.
    public static func resolve(_ locks: [TransferLock], schoolIndex: [String: Int], subjectIndex: [String: Int],
                               years: [Int]?, whole: Bool) -> [LockRule] {
        locks.map { lock in
            var min = lock.min, max = lock.max
            if whole {
                min = (min - 1e-9).rounded(.up)
                max = max.map { ($0 + 1e-9).rounded(.down) }
            }
            return LockRule(from: lock.fromSchool.map { schoolIndex[$0] ?? Int.min },
                            to: lock.toSchool.map { schoolIndex[$0] ?? Int.min },
                            subject: lock.subject.map { subjectIndex[$0] ?? Int.min },
                            year: lock.year.map { y in years?.firstIndex(of: y) ?? Int.min },
                            min: min, max: max, source: lock.source)
        }
    }
}

/// Finds the lock rows a transfer falls under without looking at every row: a row naming its
/// sending school is filed under it, else one naming its receiving school under that, else
/// among the open rows. A transfer i -> j can only match rows filed under i, under j, or open.
public struct LockIndex: Sendable {
    public let rules: [LockRule]
    private var byFrom: [Int: [Int]] = [:]
    private var byTo: [Int: [Int]] = [:]
    private var open: [Int] = []

    public init(_ rules: [LockRule]) {
        self.rules = rules
        for (k, rule) in rules.enumerated() {
            if let i = rule.from { byFrom[i, default: []].append(k) }
            else if let j = rule.to { byTo[j, default: []].append(k) }
            else { open.append(k) }
        }
    }

    public var isEmpty: Bool { rules.isEmpty }

    /// The rows matching transfer i -> j of subject a in year y, in file order.
    public func matching(from i: Int, to j: Int, subject a: Int, year y: Int = 0) -> [Int] {
        if rules.isEmpty { return [] }
        var found: [Int] = []
        for k in byFrom[i] ?? [] where rules[k].matches(from: i, to: j, subject: a, year: y) { found.append(k) }
        for k in byTo[j] ?? [] where rules[k].matches(from: i, to: j, subject: a, year: y) { found.append(k) }
        for k in open where rules[k].matches(from: i, to: j, subject: a, year: y) { found.append(k) }
        return found.count > 1 ? found.sorted() : found
    }

    /// Whether some row with min > 0 matches: then the transfer must be in the model even
    /// where it could not pay off.
    public func demands(from i: Int, to j: Int, subject a: Int, year y: Int = 0) -> Bool {
        matching(from: i, to: j, subject: a, year: y).contains { rules[$0].min > 0 }
    }
}

/// The transfers a plan makes under each lock row, for the plan checkers: sums, and the plan
/// actions adding to them, so that a broken row names the rows of the plan that break it.
public struct LockTally: Sendable {
    public let index: LockIndex
    public private(set) var sums: [Double]
    public private(set) var actions: [[Int]]

    public init(_ index: LockIndex) {
        self.index = index
        sums = [Double](repeating: 0, count: index.rules.count)
        actions = [[Int]](repeating: [], count: index.rules.count)
    }

    public mutating func add(from i: Int, to j: Int, subject a: Int, year y: Int = 0, amount: Double, action: Int) {
        for k in index.matching(from: i, to: j, subject: a, year: y) {
            sums[k] += amount
            if amount != 0 { actions[k].append(action) }
        }
    }

    /// One message per row the sums break, with the actions that add to it. `tolerance`: that
    /// of the plan checker.
    public func broken(tolerance: Double) -> [(message: String, contributing: [Int])] {
        var found: [(message: String, contributing: [Int])] = []
        for (k, rule) in index.rules.enumerated() {
            let sum = sums[k]
            if sum < rule.min - tolerance {
                found.append(("lock \(rule.source): \(Self.teachers(sum)) transferred where it asks for at least \(Self.number(rule.min))",
                              actions[k]))
            } else if let max = rule.max, sum > max + tolerance {
                found.append(("lock \(rule.source): \(Self.teachers(sum)) transferred where it allows at most \(Self.number(max))",
                              actions[k]))
            }
        }
        return found
    }

    static func teachers(_ x: Double) -> String {
        x == 1 ? "1 teacher" : "\(number(x)) teachers"
    }

    public static func number(_ x: Double) -> String {
        if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        return "\(x)"
    }
}
