/// One named teacher taking one action of a plan (docs/MODEL.md section 7, the third stage):
/// a transfer, a release or a retraining out of the teacher's school and subject in a year.
/// Hires name nobody: a hired teacher joins the roster instead (`Assignment.hiredID`).
///
/// `points`, `volunteer` and the home distances are personal data: they belong in the
/// assignments a planner asked for, never in a log line or a message.
public struct Assignment: Sendable, Equatable {
    /// Why this teacher rather than a colleague of the same school and subject.
    public enum Basis: String, Sendable, Equatable, CaseIterable {
        /// A rotation rule moves the teacher in the first year.
        case mustMove = "must_move"
        /// The teacher asked to be moved (3a: volunteers go first).
        case volunteer
        /// Neither: among those who may be chosen, the fewest points (3b), ties broken by the
        /// nearest home (3c).
        case fewestPoints = "fewest points"
    }

    /// Who signs the decision: the commune when both schools are in the same non-empty
    /// commune, else the province. schools.csv has no `commune` column yet, so a school's
    /// commune is its `area` (the contract's fallback when the column is absent).
    public enum Authority: String, Sendable, Equatable, CaseIterable {
        case commune, province
    }

    public var teacherID: String
    /// The school year; nil in a scenario without a horizon.
    public var year: Int?
    /// `.transfer`, `.release` or `.retrain` (never `.hire`).
    public var action: Plan.Kind
    public var fromSchool: String
    /// nil for a release.
    public var toSchool: String?
    /// What the teacher teaches before the action.
    public var subject: String
    /// What a retrained teacher teaches afterwards; nil for a transfer or a release.
    public var toSubject: String?
    public var points: Double
    public var volunteer: Bool
    /// Great-circle km from the teacher's home to `fromSchool`; nil without a home or without
    /// the school's coordinates.
    public var homeKmBefore: Double?
    /// Great-circle km from the teacher's home to `toSchool`; nil for a release, without a
    /// home or without the school's coordinates.
    public var homeKmAfter: Double?
    /// nil for a release.
    public var authority: Authority?
    public var basis: Basis

    public init(teacherID: String, year: Int?, action: Plan.Kind, fromSchool: String, toSchool: String?,
                subject: String, toSubject: String?, points: Double, volunteer: Bool, homeKmBefore: Double?,
                homeKmAfter: Double?, authority: Authority?, basis: Basis) {
        self.teacherID = teacherID
        self.year = year
        self.action = action
        self.fromSchool = fromSchool
        self.toSchool = toSchool
        self.subject = subject
        self.toSubject = toSubject
        self.points = points
        self.volunteer = volunteer
        self.homeKmBefore = homeKmBefore
        self.homeKmAfter = homeKmAfter
        self.authority = authority
        self.basis = basis
    }

    /// The reason written beside the move: the basis (`volunteer`, `must_move`, `fewest
    /// points`), and for a release `released: payroll; ` before it (the aggregate plan releases
    /// to keep within the payroll, the third stage only says who).
    public var reason: String {
        action == .release ? "released: payroll; \(basis.rawValue)" : basis.rawValue
    }

    /// The id a teacher hired in `year` at (school, subject) takes: `new:school:subject:year:k`,
    /// k = 1, 2, ... in the order of hiring there that year.
    public static func hiredID(school: String, subject: String, year: Int, k: Int) -> String {
        "new:\(school):\(subject):\(year):\(k)"
    }

    /// `commune` when both schools have the same non-empty area (standing in for the commune),
    /// `province` otherwise.
    public static func authority(from: School, to: School) -> Authority {
        !from.authorityUnit.isEmpty && from.authorityUnit == to.authorityUnit ? .commune : .province
    }

    /// Great-circle km (radius 6371.0) from a home to a school; nil when either has no coordinates.
    public static func homeKm(latitude: Double?, longitude: Double?, to school: School?) -> Double? {
        guard let latitude, let longitude, let school, let lat = school.latitude, let lon = school.longitude else { return nil }
        return Geo.haversineKm(lat1: latitude, lon1: longitude, lat2: lat, lon2: lon)
    }

    /// Whether `row` leaves during the plan on their own schedule and so is never chosen: without
    /// a horizon any leaving_year; with one, a leaving_year at or before the last year (a later
    /// one means the teacher stays throughout the plan).
    public static func leavesDuringPlan(_ row: RosterRow, years: [Int]?) -> Bool {
        guard let leaving = row.leavingYear else { return false }
        guard let years, let last = years.last else { return true }
        return leaving <= last
    }
}
