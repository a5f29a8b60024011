import Foundation

/// What the norms allow a school, and how: each step as a line with its source, so that a
/// planner can check every figure against the circular.
public struct NormDerivation: Sendable, Equatable {
    public struct Line: Sendable, Equatable {
        public var text: String
        /// The figure the line arrives at, if it has one.
        public var value: Double?
        public var source: String

        public init(text: String, value: Double?, source: String) {
            self.text = text
            self.value = value
            self.source = source
        }
    }

    public struct Need: Sendable, Equatable {
        public var subject: String
        public var required: Double

        public init(subject: String, required: Double) {
            self.subject = subject
            self.required = required
        }
    }

    public var school: String
    public var lines: [Line]
    /// The most teachers the per-class norm and the pupil extras allow (định mức), without
    /// the fixed posts.
    public var maximum: Double
    /// The fixed posts (Young Pioneer leader), outside the maximum.
    public var fixedPosts: Double
    /// Every subject with a need, sorted by subject. The needs of the curriculum's subjects sum
    /// to `maximum`; fixed posts add theirs.
    public var needs: [Need]
    /// Subjects whose need is a fixed post, and how many posts.
    public var posts: [String: Double]

    public var total: Double { maximum + fixedPosts }

    public init(school: String, lines: [Line], maximum: Double, fixedPosts: Double, needs: [Need], posts: [String: Double]) {
        self.school = school
        self.lines = lines
        self.maximum = maximum
        self.fixedPosts = fixedPosts
        self.needs = needs
        self.posts = posts
    }
}

/// Applies `NormRules` to one school.
///
/// 1. The maximum (Circular 20/2023 art. 7, 12, 17; Circular 19/2023 art. 5): classes x the most
///    teachers per class for the school's type (and sessions, in primary); in preschool infant
///    groups and kindergarten classes each at their own figure.
/// 2. Pupil extras (art. 3 with the level's article): one teacher per k whole pupils above the
///    regional class size x classes. Reading taken: pupils above the size times the school's
///    actual classes, whole teachers (rounded down), and only where `pupils` is given.
/// 3. The split into subjects: each subject's periods a week per class x classes / the
///    teaching periods of a full-time teacher (Circular 05/2025 art. 7), plus the homeroom
///    teachers' reduction (art. 9: 4 periods a class) given to the homeroom subject or, where
///    there is none, spread by periods. The maximum is then divided among the subjects in
///    proportion to these periods-based needs, so the needs sum to the maximum whether the
///    timetable asks for less (the rest follows the timetable's proportions) or more (each
///    subject is cut by the same factor).
/// 4. Fixed posts, outside the maximum (art. 7 and 12: "ngoài định mức trên").
public enum NormEngine {
    public enum NormError: Error, Equatable, CustomStringConvertible {
        case noLevel(String)
        case noPerClassRule(level: String, type: SchoolType, sessions: Int)
        case noRegion(level: String, region: Int)

        public var description: String {
            switch self {
            case let .noLevel(level):
                return "the norms have no rules for level '\(level)'"
            case let .noPerClassRule(level, type, sessions):
                return "the norms give no teachers per class for a \(type.rawValue) \(level) school with \(sessions) session(s) a day"
            case let .noRegion(level, region):
                return "the norms give no class size for region \(region) at level '\(level)'"
            }
        }
    }

    public static func derive(_ school: School, rules: NormRules) throws(NormError) -> NormDerivation {
        guard let level = rules.levels[school.level] else { throw .noLevel(school.level) }
        var lines: [NormDerivation.Line] = []
        func line(_ text: String, _ value: Double? = nil, _ source: String = "") {
            lines.append(.init(text: text, value: value, source: source))
        }
        line("school \(school.id): \(school.level), \(school.type.rawValue), region \(school.region)"
                + (school.level == "primary" ? ", \(school.sessions) session(s) a day" : ""), nil, "schools.csv")
        let base = try maximumPerClass(school, level, line)
        let extra = try pupilExtra(school, level, line)
        let maximum = base + extra
        line("maximum (định mức): \(number(base)) + \(number(extra))", maximum, "")
        var needs: [String: Double]
        if level.teachingPeriods(type: school.type) == nil {
            needs = withoutTimetable(maximum, level, line)
        } else {
            needs = split(maximum, by: try periodsBased(school, level, line), line)
        }
        var posts: [String: Double] = [:]
        for post in level.fixedPosts where post.types.isEmpty || post.types.contains(school.type) {
            posts[post.subject, default: 0] += post.count
            needs[post.subject, default: 0] += post.count
            line("fixed post \(post.subject): \(number(post.count)), outside the maximum", post.count, post.source)
        }
        let fixed = orderedSum(posts)
        line("total: \(number(maximum)) + \(number(fixed)) fixed", maximum + fixed, "")
        return NormDerivation(school: school.id, lines: lines, maximum: maximum, fixedPosts: fixed,
                              needs: needs.sorted { $0.key < $1.key }.map { .init(subject: $0.key, required: $0.value) },
                              posts: posts)
    }

    /// The sum of a map's values in the order of its keys: a dictionary's own order changes
    /// from run to run, and a sum of doubles in another order can differ in its last bit.
    private static func orderedSum(_ values: [String: Double]) -> Double {
        values.keys.sorted().reduce(0) { $0 + values[$1]! }
    }

    // MARK: Steps

    private static func maximumPerClass(_ school: School, _ level: LevelNorms,
                                        _ line: (String, Double?, String) -> Void) throws(NormError) -> Double {
        guard let rule = level.perClassRule(type: school.type, sessions: school.sessions) else {
            throw .noPerClassRule(level: school.level, type: school.type, sessions: school.sessions)
        }
        guard let infant = level.perInfantGroup else {
            let base = Double(school.classes) * rule.value
            line("\(school.classes) classes x \(number(rule.value)) teachers per class", base, rule.source)
            return base
        }
        let groups = min(school.infantGroups, school.classes)
        let classes = school.classes - groups
        let base = Double(groups) * infant.value + Double(classes) * rule.value
        line("\(groups) infant groups x \(number(infant.value))", Double(groups) * infant.value, infant.source)
        line("\(classes) kindergarten classes x \(number(rule.value))", Double(classes) * rule.value, rule.source)
        return base
    }

    private static func pupilExtra(_ school: School, _ level: LevelNorms,
                                   _ line: (String, Double?, String) -> Void) throws(NormError) -> Double {
        guard let rule = level.pupilExtras, rule.types.contains(school.type) else { return 0 }
        guard let pupils = school.pupils else {
            line("pupils not given: no extra teachers", 0, rule.source)
            return 0
        }
        guard let size = rule.classSize[school.region], let per = rule.pupilsPerTeacher[school.region], per > 0 else {
            throw .noRegion(level: school.level, region: school.region)
        }
        let above = max(0, pupils - school.classes * size)
        let extra = Double(above / per)
        line("\(pupils) pupils - \(school.classes) classes x \(size) (region \(school.region)) = \(above) above; "
                + "one teacher per \(per) whole: +\(Int(extra))", extra, rule.source)
        return extra
    }

    /// Each subject's periods-based need, with the homeroom reduction, keyed by subject.
    private static func periodsBased(_ school: School, _ level: LevelNorms,
                                     _ line: (String, Double?, String) -> Void) throws(NormError) -> [String: Double] {
        let classes = Double(school.classes)
        guard let load = level.teachingPeriods(type: school.type), load.value > 0 else { return [:] }
        line("a full-time teacher teaches \(number(load.value)) periods a week", load.value, load.source)
        var shares: [String: Double] = [:]
        var spread = 0.0
        for subject in level.subjects {
            let need = classes * subject.periods / load.value
            if subject.spread { spread += need } else { shares[subject.subject, default: 0] += need }
            line("\(subject.subject): \(number(subject.periods)) periods x \(school.classes) classes / \(number(load.value))"
                    + (subject.spread ? ", taught by any subject's teachers" : ""), need, subject.source)
        }
        if let reduction = level.homeroomReduction, school.classes > 0 {
            let homeroom = classes * reduction.value / load.value
            if let subject = level.homeroomSubject {
                shares[subject, default: 0] += homeroom
                line("homeroom: \(school.classes) x \(number(reduction.value)) periods / \(number(load.value)), to \(subject)",
                     homeroom, reduction.source)
            } else {
                spread += homeroom
                line("homeroom: \(school.classes) x \(number(reduction.value)) periods / \(number(load.value)), "
                        + "carried by any subject's teachers", homeroom, reduction.source)
            }
        }
        // What any subject's teachers carry goes to the subjects in proportion to their periods.
        let own = orderedSum(shares)
        if spread > 0, own > 0 {
            for (subject, share) in shares { shares[subject] = share + spread * share / own }
        }
        return shares
    }

    /// A level without a subject timetable (preschool): the maximum goes to its subjects by
    /// their `periods` weights, the whole of it to a single one.
    private static func withoutTimetable(_ maximum: Double, _ level: LevelNorms,
                                         _ line: (String, Double?, String) -> Void) -> [String: Double] {
        let total = level.subjects.reduce(0) { $0 + $1.periods }
        guard total > 0 else { return [:] }
        var needs: [String: Double] = [:]
        for subject in level.subjects where subject.periods > 0 {
            let need = maximum * subject.periods / total
            needs[subject.subject, default: 0] += need
            line(level.subjects.count == 1 ? "\(subject.subject): the whole maximum" : "\(subject.subject): its share of the maximum",
                 need, subject.source)
        }
        return needs
    }

    /// The maximum divided in proportion to the periods-based needs.
    private static func split(_ maximum: Double, by shares: [String: Double],
                              _ line: (String, Double?, String) -> Void) -> [String: Double] {
        let total = orderedSum(shares)
        guard total > 0 else { return [:] }
        let factor = maximum / total
        line("periods-based need \(number(total)); the maximum \(number(maximum)) is split in proportion "
                + "(x \(number(factor)): \(factor < 1 ? "the timetable asks more than the maximum" : "what remains follows the timetable"))",
             factor, "docs/NORMS.md, the split")
        var needs: [String: Double] = [:]
        for (subject, share) in shares.sorted(by: { $0.key < $1.key }) where share > 0 {
            needs[subject] = share * factor
            line("\(subject): \(number(share)) x \(number(factor))", share * factor, "")
        }
        return needs
    }

    /// A figure as a derivation shows it: up to 4 decimals, no trailing zeros.
    public static func number(_ x: Double) -> String {
        var text = String(format: "%.4f", x)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }
}
