/// A scenario as docs/MODEL.md section 1 describes it, after reading and validation: plain
/// values, in the order the files gave them. `Instance` derives the pairs from it.
public struct Scenario: Sendable, Equatable {
    public var name: String
    public var schools: [School]
    public var staff: [StaffRow]
    /// nil when the scenario names no norms.
    public var norms: [NormRow]?
    /// Norm rules computed per school (`NormEngine`), when the scenario names a rules preset
    /// such as `builtin:vn-2026` instead of a per-class table; nil otherwise.
    public var normRules: NormRules?
    public var distances: [DistanceRow]
    public var policy: Policy
    public var costs: Costs
    /// The school years the plan covers (docs/MODEL.md section 6); nil: one year, as in
    /// sections 1 to 4.
    public var horizon: Horizon? = nil
    /// retraining.csv (docs/MODEL.md section 5): who may be retrained into what; empty when the
    /// scenario names no such file.
    public var retraining: [RetrainingRow] = []
    /// roster.csv (docs/MODEL.md section 7): the teachers one by one, in file order; empty when
    /// the scenario names no roster.
    public var roster: [RosterRow] = []
    /// Where each roster row is (`roster.csv:17`), in the order of `roster`, so that a message
    /// can name a teacher's line without the teacher; empty when unknown.
    public var rosterSources: [String] = []
    /// locks.csv (docs/MODEL.md section 8): moves decided and refused; empty when the scenario
    /// names no such file.
    public var locks: [TransferLock] = []
    /// scenario.yaml's `lang` ("en" or "vi"): the language of the reports and tables people
    /// read; nil when the file names none (English). `--lang` overrides it; codes never change.
    public var lang: String? = nil

    public init(name: String = "", schools: [School], staff: [StaffRow], norms: [NormRow]? = nil,
                normRules: NormRules? = nil,
                distances: [DistanceRow] = [], policy: Policy = Policy(), costs: Costs = Costs()) {
        self.name = name
        self.schools = schools
        self.staff = staff
        self.norms = norms
        self.normRules = normRules
        self.distances = distances
        self.policy = policy
        self.costs = costs
    }
}

public struct School: Sendable, Equatable {
    public var id: String
    public var name: String
    public var area: String
    public var level: String
    public var classes: Int
    public var latitude: Double?
    public var longitude: Double?
    /// Weight of this school's shortage; disadvantaged areas weigh more.
    public var priority: Double
    /// Pupils enrolled; nil when not given (then no pupil extras: `NormEngine`).
    public var pupils: Int?
    /// Region 1, 2 or 3 of Circular 20/2023/TT-BGDĐT art. 3 (3 when not given: most schools).
    public var region: Int
    /// Sessions a day, 1 or 2 (primary); 2 when not given.
    public var sessions: Int
    public var type: SchoolType
    /// Preschool: how many of `classes` are infant groups (nhóm trẻ); the rest are
    /// kindergarten classes (lớp mẫu giáo).
    public var infantGroups: Int
    /// The commune (xã) whose chairman signs moves within it (docs/MODEL.md section 7); nil
    /// when schools.csv has no `commune` column, and then the area stands for it.
    public var commune: String?

    /// The unit whose authority signs a move between two schools of it: the commune, else the area.
    public var authorityUnit: String { commune ?? area }

    public init(id: String, name: String = "", area: String, level: String, classes: Int,
                latitude: Double? = nil, longitude: Double? = nil, priority: Double = 1,
                pupils: Int? = nil, region: Int = 3, sessions: Int = 2, type: SchoolType = .regular,
                infantGroups: Int = 0, commune: String? = nil) {
        self.commune = commune
        self.id = id
        self.name = name
        self.area = area
        self.level = level
        self.classes = classes
        self.latitude = latitude
        self.longitude = longitude
        self.priority = priority
        self.pupils = pupils
        self.region = region
        self.sessions = sessions
        self.type = type
        self.infantGroups = infantGroups
    }
}

/// The kind of school the staffing norms tell apart. A type never changes a school's `level`,
/// so a boarding and a regular lower-secondary school still exchange teachers.
public enum SchoolType: String, Sendable, CaseIterable, Equatable {
    case regular
    case boarding
    case semiBoarding = "semi_boarding"
    case disability
    case specialised
    case provincialBoarding = "provincial_boarding"
}

/// One row of staff.csv.
public struct StaffRow: Sendable, Equatable {
    public var schoolID: String
    public var subject: String
    public var teachers: Int
    public var leaving: Int
    /// FTE needed; nil means "from norms".
    public var required: Double?

    public init(schoolID: String, subject: String, teachers: Int, leaving: Int = 0, required: Double? = nil) {
        self.schoolID = schoolID
        self.subject = subject
        self.teachers = teachers
        self.leaving = leaving
        self.required = required
    }
}

/// One row of norms.csv: required = classes x perClass.
public struct NormRow: Sendable, Equatable {
    public var level: String
    public var subject: String
    public var perClass: Double

    public init(level: String, subject: String, perClass: Double) {
        self.level = level
        self.subject = subject
        self.perClass = perClass
    }
}

/// One row of distances.csv; serves both directions.
public struct DistanceRow: Sendable, Equatable {
    public var from: String
    public var to: String
    public var km: Double

    public init(from: String, to: String, km: Double) {
        self.from = from
        self.to = to
        self.km = km
    }
}

/// `teacher` teachers may also teach `teaches`.
public struct Qualification: Sendable, Equatable, Hashable {
    public var teacher: String
    public var teaches: String

    public init(teacher: String, teaches: String) {
        self.teacher = teacher
        self.teaches = teaches
    }
}

public enum TransferScope: String, Sendable, Equatable, CaseIterable {
    case any, area
}

/// The `policy` map of scenario.yaml, with the defaults of docs/MODEL.md section 1.
public struct Policy: Sendable, Equatable {
    /// Allowed change of total headcount (0 budget-neutral, negative streamlines).
    public var payrollChange: Int = 0
    public var hiring: Bool = true
    public var sameLevel: Bool = true
    public var transferScope: TransferScope = .any
    public var maxDistanceKm: Double? = nil
    public var maxOutShare: Double? = nil
    /// false: whole teachers; true: fractional teachers shared between schools.
    public var sharing: Bool = false
    public var qualifications: [Qualification] = []

    public init(payrollChange: Int = 0, hiring: Bool = true, sameLevel: Bool = true,
                transferScope: TransferScope = .any, maxDistanceKm: Double? = nil,
                maxOutShare: Double? = nil, sharing: Bool = false, qualifications: [Qualification] = []) {
        self.payrollChange = payrollChange
        self.hiring = hiring
        self.sameLevel = sameLevel
        self.transferScope = transferScope
        self.maxDistanceKm = maxDistanceKm
        self.maxOutShare = maxOutShare
        self.sharing = sharing
        self.qualifications = qualifications
    }
}

/// The `costs` map of scenario.yaml, with the defaults of docs/MODEL.md section 1.
public struct Costs: Sendable, Equatable {
    public var move: Double = 1
    public var perKm: Double = 0
    public var hire: Double = 1
    public var release: Double = 5

    public init(move: Double = 1, perKm: Double = 0, hire: Double = 1, release: Double = 5) {
        self.move = move
        self.perKm = perKm
        self.hire = hire
        self.release = release
    }
}
