import Foundation
import RedeployDomain

/// Where the surplus and the shortage are before any move: what `redeploy check` shows.
///
/// For each pair (school, subject), staying = teachers - leaving, surplus = max(0, staying -
/// required) and shortage = max(0, required - staying); groups sum these per school, so a
/// surplus at one school never hides a shortage at another. `weightedShortage` is the part of
/// W0 (docs/MODEL.md 3.1) in the group: priority x shortage with the best coverage through
/// qualifications (`Coverage`), so it can be below the plain shortage where qualified
/// teachers of another subject cover it.
public struct ScenarioSummary: Sendable, Equatable {
    public struct Group: Sendable, Equatable {
        public var area: String?
        public var level: String?
        public var subject: String?
        /// Schools in the group (for an area and subject: schools with that subject as a pair).
        public var schools: Int
        /// Classes of those schools; nil for area x subject groups, where it would mislead.
        public var classes: Int?
        public var teachers: Int
        public var leaving: Int
        public var staying: Int { teachers - leaving }
        public var required: Double
        public var surplus: Double
        public var shortage: Double
        public var weightedShortage: Double

        /// teachers / classes, staying / classes, required / classes (the norm), when classes > 0.
        public var teachersPerClass: Double? { perClass(Double(teachers)) }
        public var stayingPerClass: Double? { perClass(Double(staying)) }
        public var requiredPerClass: Double? { perClass(required) }

        private func perClass(_ value: Double) -> Double? {
            guard let classes, classes > 0 else { return nil }
            return value / Double(classes)
        }
    }

    /// The payroll room of the policy: constraint 3 of docs/MODEL.md section 2, sum h - sum e <= sum l + payroll_change.
    public struct Payroll: Sendable, Equatable {
        /// sum t: today's headcount.
        public var before: Int
        public var leaving: Int
        public var payrollChange: Int
        public var hiring: Bool
        /// sum t - sum l.
        public var staying: Int { before - leaving }
        /// The most the headcount may be after the plan: before + payroll_change.
        public var cap: Int { before + payrollChange }
        /// leaving + payroll_change: how many hires the payroll allows (if hiring), or, when
        /// negative, how many teachers must be released.
        public var headroom: Int { leaving + payrollChange }
        public var hiresAllowed: Int { hiring ? max(0, headroom) : 0 }
        public var releasesNeeded: Int { max(0, -headroom) }
    }

    public var name: String
    public var schoolCount: Int
    public var subjectCount: Int
    public var pairCount: Int
    public var byAreaSubject: [Group]
    public var byLevel: [Group]
    public var total: Group
    /// W0 of docs/MODEL.md 3.1.
    public var weightedShortageBefore: Double
    public var payroll: Payroll
    /// What loading the scenario found valid but probably not meant
    /// (`ScenarioLoader.load(_:warnings:)`), so that `check`'s output shows it beside the figures.
    public var warnings: [Diagnostic]
    /// One per year of the scenario's horizon (docs/MODEL.md section 6), in order; empty for a
    /// scenario of one year, whose outputs then stay as they were.
    public var years: [Year] = []

    /// The figures of one year of a horizon when nothing is done: what the year asks for, who
    /// leaves at its start, and what the payroll allows in it.
    public struct Year: Sendable, Equatable {
        public var year: Int
        /// Classes of all schools in the year.
        public var classes: Int
        /// The requirement of all pairs in the year, in FTE.
        public var required: Double
        /// Teachers who leave at the start of the year.
        public var leaving: Int
        /// Today's teachers less the leavers of this year and every earlier one.
        public var staying: Int
        /// pc(y): the change of the headcount against today's allowed in the year.
        public var payrollChange: Int
        /// Today's headcount + pc(y): the most the payroll may be in the year.
        public var payrollCap: Int
        /// w(y): how much the year's shortage counts in W.
        public var weight: Double
        /// The year's weighted shortage with `staying` teachers and the best coverage, before the
        /// year's weight: the year's part of W0.
        public var weightedShortage: Double
    }

    /// W0 over the horizon: each year's weighted shortage times the year's weight; nil without
    /// a horizon.
    public var horizonWeightedShortageBefore: Double? {
        years.isEmpty ? nil : years.reduce(0) { $0 + $1.weight * $1.weightedShortage }
    }

    /// As `init(_:warnings:)`, with a line per year when `scenario`, the scenario `instance`
    /// was derived from, has a horizon.
    public init(_ instance: Instance, scenario: Scenario, warnings: [Diagnostic] = []) {
        self.init(instance, warnings: warnings)
        years = Self.years(scenario, headcount: payroll.before)
    }

    /// Each year's figures, the scenario's `inYear` derived as an instance: requirements by the
    /// same rules as a plan's, and the leavers of earlier years gone from the staff.
    static func years(_ scenario: Scenario, headcount: Int) -> [Year] {
        guard let horizon = scenario.horizon else { return [] }
        struct Key: Hashable { var school: String; var subject: String }
        var gone: [Key: Int] = [:]
        return horizon.years.map { year in
            let instance = Instance(scenario.inYear(year))
            var staff: [Double] = []
            var leaving = 0
            for pair in instance.pairs {
                let key = Key(school: instance.schools[pair.school].id, subject: instance.subjects[pair.subject])
                gone[key, default: 0] += pair.leaving
                leaving += pair.leaving
                staff.append(Double(pair.teachers - gone[key]!))
            }
            let change = instance.policy.payrollChange
            return Year(year: year, classes: instance.schools.reduce(0) { $0 + $1.classes },
                        required: instance.pairs.reduce(0) { $0 + $1.required }, leaving: leaving,
                        staying: Int(staff.reduce(0, +)), payrollChange: change, payrollCap: headcount + change,
                        weight: horizon.weight(of: year),
                        weightedShortage: Coverage.weightedShortage(instance, staff: staff))
        }
    }

    public init(_ instance: Instance, warnings: [Diagnostic] = []) {
        self.warnings = warnings
        let staff = instance.pairs.map { Double($0.staying) }
        let covered = Coverage.shortages(instance, staff: staff)
        name = instance.name
        schoolCount = instance.schools.count
        subjectCount = Set(instance.pairs.map(\.subject)).count
        pairCount = instance.pairs.count
        weightedShortageBefore = Coverage.weightedShortage(instance, shortages: covered)

        struct Key: Hashable { var a: String; var b: String }
        var areaSubject: [Key: Group] = [:]
        var level: [String: Group] = [:]
        var all = Group(schools: instance.schools.count, classes: 0, teachers: 0, leaving: 0,
                        required: 0, surplus: 0, shortage: 0, weightedShortage: 0)
        for (s, school) in instance.schools.enumerated() {
            level[school.level, default: Group(level: school.level, schools: 0, classes: 0, teachers: 0, leaving: 0,
                                               required: 0, surplus: 0, shortage: 0, weightedShortage: 0)]
                .add(school: school)
            all.classes! += school.classes
            for k in instance.pairRanges[s] {
                let pair = instance.pairs[k]
                let subject = instance.subjects[pair.subject]
                let key = Key(a: school.area, b: subject)
                areaSubject[key, default: Group(area: school.area, subject: subject, schools: 0, teachers: 0, leaving: 0,
                                                required: 0, surplus: 0, shortage: 0, weightedShortage: 0)]
                    .add(pair, weighted: school.priority * covered[k], countSchool: true)
                level[school.level]!.add(pair, weighted: school.priority * covered[k], countSchool: false)
                all.add(pair, weighted: school.priority * covered[k], countSchool: false)
            }
        }
        byAreaSubject = areaSubject.values.sorted {
            $0.area != $1.area ? Self.before($0.area!, $1.area!) : $0.subject! < $1.subject!
        }
        byLevel = level.values.sorted { Self.levelOrder($0.level!) < Self.levelOrder($1.level!) }
        total = all
        payroll = Payroll(before: all.teachers, leaving: all.leaving, payrollChange: instance.policy.payrollChange,
                          hiring: instance.policy.hiring)
    }

    /// Names in a reader's order: numbers by value ("Xã 2" before "Xã 10"), independent of locale.
    static func before(_ a: String, _ b: String) -> Bool {
        let order = a.compare(b, options: [.numeric])
        return order == .orderedSame ? a < b : order == .orderedAscending
    }

    /// Levels from the youngest pupils up, then any other level by name.
    static func levelOrder(_ level: String) -> (Int, String) {
        let known = ["preschool", "primary", "lower_secondary", "upper_secondary"]
        return (known.firstIndex(of: level) ?? known.count, level)
    }
}

extension ScenarioSummary.Group {
    fileprivate mutating func add(school: School) {
        schools += 1
        classes = (classes ?? 0) + school.classes
    }

    fileprivate mutating func add(_ pair: Instance.Pair, weighted: Double, countSchool: Bool) {
        if countSchool { schools += 1 }
        teachers += pair.teachers
        leaving += pair.leaving
        required += pair.required
        let gap = pair.required - Double(pair.staying)
        if gap > 0 { shortage += gap } else { surplus -= gap }
        weightedShortage += weighted
    }
}
