/// Staffing norms as rules per school, the way the circulars write them: a most-teachers-per-
/// class figure by level and school type, extra teachers for pupils above the regional class
/// size, fixed posts per school, and a split into subjects by the periods of the curriculum.
/// The figures are data (`builtin:vn-2026` and files a province copies and edits), never
/// constants in code: norms change. `NormEngine` applies them; docs/NORMS.md gives each
/// rule's article.
public struct NormRules: Sendable, Equatable {
    /// The preset or file name, for derivations ("vn-2026").
    public var name: String
    /// By school level (the `level` text of schools.csv).
    public var levels: [String: LevelNorms]

    public init(name: String, levels: [String: LevelNorms]) {
        self.name = name
        self.levels = levels
    }
}

/// A figure and the article it comes from.
public struct Sourced: Sendable, Equatable {
    public var value: Double
    public var source: String

    public init(_ value: Double, source: String) {
        self.value = value
        self.source = source
    }
}

/// The norms of one level.
public struct LevelNorms: Sendable, Equatable {
    /// The most teachers per class; the first rule that matches the school's type and sessions.
    public var perClass: [PerClassRule]
    /// Preschool: the most teachers per infant group (nhóm trẻ); the other classes take `perClass`.
    public var perInfantGroup: Sourced?
    /// Pupils above the regional class size bring extra teachers; nil: the level has none.
    public var pupilExtras: PupilExtras?
    /// Posts every school of the level has on top of its maximum (the Young Pioneer leader).
    public var fixedPosts: [FixedPost]
    /// Teaching periods a week of one full-time teacher, by school type; the first match.
    public var teachingPeriods: [TypedValue]
    /// Periods a week a homeroom teacher teaches less, one homeroom teacher per class.
    public var homeroomReduction: Sourced?
    /// The subject whose teachers are the homeroom teachers (primary: the class teacher);
    /// nil: the homeroom load is spread over the subjects in proportion to their periods.
    public var homeroomSubject: String?
    /// Periods a week per class of each subject, averaged over the level's grades.
    public var subjects: [SubjectPeriods]

    public init(perClass: [PerClassRule], perInfantGroup: Sourced? = nil, pupilExtras: PupilExtras? = nil,
                fixedPosts: [FixedPost] = [], teachingPeriods: [TypedValue] = [], homeroomReduction: Sourced? = nil,
                homeroomSubject: String? = nil, subjects: [SubjectPeriods] = []) {
        self.perClass = perClass
        self.perInfantGroup = perInfantGroup
        self.pupilExtras = pupilExtras
        self.fixedPosts = fixedPosts
        self.teachingPeriods = teachingPeriods
        self.homeroomReduction = homeroomReduction
        self.homeroomSubject = homeroomSubject
        self.subjects = subjects
    }

    /// The per-class rule for a school, or nil when the level has none for its type and sessions.
    public func perClassRule(type: SchoolType, sessions: Int) -> PerClassRule? {
        perClass.first { $0.matches(type: type, sessions: sessions) }
    }

    /// The teaching periods of a full-time teacher at a school of this type, if any rule says.
    public func teachingPeriods(type: SchoolType) -> TypedValue? {
        teachingPeriods.first { $0.types.isEmpty || $0.types.contains(type) }
    }
}

/// The most teachers per class for schools of some types (empty: every type) and sessions a day
/// (nil: any).
public struct PerClassRule: Sendable, Equatable {
    public var types: [SchoolType]
    public var sessions: Int?
    public var value: Double
    public var source: String

    public init(types: [SchoolType] = [], sessions: Int? = nil, value: Double, source: String) {
        self.types = types
        self.sessions = sessions
        self.value = value
        self.source = source
    }

    func matches(type: SchoolType, sessions: Int) -> Bool {
        (types.isEmpty || types.contains(type)) && (self.sessions == nil || self.sessions == sessions)
    }
}

/// A figure for schools of some types (empty: every type).
public struct TypedValue: Sendable, Equatable {
    public var types: [SchoolType]
    public var value: Double
    public var source: String

    public init(types: [SchoolType] = [], value: Double, source: String) {
        self.types = types
        self.value = value
        self.source = source
    }
}

/// Extra teachers for pupils above the regional class size: one per `pupilsPerTeacher[region]`
/// whole pupils above `classSize[region]` x classes.
public struct PupilExtras: Sendable, Equatable {
    public var classSize: [Int: Int]
    public var pupilsPerTeacher: [Int: Int]
    /// The types the rule applies to (boarding and specialised schools size their classes by
    /// their own charters).
    public var types: [SchoolType]
    public var source: String

    public init(classSize: [Int: Int], pupilsPerTeacher: [Int: Int], types: [SchoolType], source: String) {
        self.classSize = classSize
        self.pupilsPerTeacher = pupilsPerTeacher
        self.types = types
        self.source = source
    }
}

/// A post each school of the level has, outside its per-class maximum.
public struct FixedPost: Sendable, Equatable {
    public var subject: String
    public var count: Double
    public var types: [SchoolType]
    public var source: String

    public init(subject: String, count: Double, types: [SchoolType] = [], source: String) {
        self.subject = subject
        self.count = count
        self.types = types
        self.source = source
    }
}

/// A subject's periods a week per class. A `spread` entry (experiential activities, local
/// content) is taught by teachers of any subject: its load is spread over the other subjects in
/// proportion to their periods, and it is no subject of its own.
public struct SubjectPeriods: Sendable, Equatable {
    public var subject: String
    public var periods: Double
    public var spread: Bool
    public var source: String

    public init(subject: String, periods: Double, spread: Bool = false, source: String) {
        self.subject = subject
        self.periods = periods
        self.spread = spread
        self.source = source
    }
}
