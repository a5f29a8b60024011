/// One row of retraining.csv (docs/MODEL.md section 5): teachers of `fromSubject` at a school
/// of level `fromLevel` may take a course and then teach `toSubject` at a school of level
/// `toLevel`. The row is what licenses the change of level, so `same_level` does not apply.
public struct RetrainingRow: Sendable, Equatable {
    public var fromLevel: String
    public var fromSubject: String
    public var toLevel: String
    public var toSubject: String
    /// Paid per teacher retrained, on top of what moving the teacher costs when the school changes.
    public var cost: Double
    /// Whole school years the course lasts; meanwhile the teacher stays on the payroll and
    /// covers nothing. 0: the teacher covers the new subject in the year of the course.
    public var delay: Int

    public init(fromLevel: String, fromSubject: String, toLevel: String, toSubject: String,
                cost: Double, delay: Int = 0) {
        self.fromLevel = fromLevel
        self.fromSubject = fromSubject
        self.toLevel = toLevel
        self.toSubject = toSubject
        self.cost = cost
        self.delay = delay
    }
}

/// The `horizon` map of scenario.yaml (docs/MODEL.md section 6): the school years a plan
/// covers, and what changes from one to the next. A scenario without one covers a single
/// year, as in sections 1 to 4. Each table holds only what its file gives; the rules that
/// fill the gaps (a year without classes takes the latest earlier one, and so on) are the
/// methods below, so that every reader of a horizon resolves them alike.
public struct Horizon: Sendable, Equatable {
    /// Consecutive school years in ascending order, each named by the calendar year it begins.
    public var years: [Int]
    /// classes.csv: classes of a school from a given year on, until a later row changes them.
    public var classes: [ClassesRow]
    /// staff-years.csv: leavers and requirements of a (school, subject) in one year.
    public var staffYears: [StaffYearRow]
    /// Allowed change of the headcount against today's, from the year listed on, until a later
    /// year listed; years before the first listed one take `policy.payroll_change`.
    public var payrollChange: [Int: Int]
    /// How much a year's weighted shortage counts in W; a year not listed weighs 1.
    public var yearWeights: [Int: Double]

    public init(years: [Int], classes: [ClassesRow] = [], staffYears: [StaffYearRow] = [],
                payrollChange: [Int: Int] = [:], yearWeights: [Int: Double] = [:]) {
        self.years = years
        self.classes = classes
        self.staffYears = staffYears
        self.payrollChange = payrollChange
        self.yearWeights = yearWeights
    }
}

/// One row of classes.csv: the classes a school has in a year of the horizon.
public struct ClassesRow: Sendable, Equatable {
    public var schoolID: String
    public var year: Int
    public var classes: Int

    public init(schoolID: String, year: Int, classes: Int) {
        self.schoolID = schoolID
        self.year = year
        self.classes = classes
    }
}

/// One row of staff-years.csv: for a (school, subject) in one year, the teachers who leave at
/// its start and the FTE it needs. Either may be absent (an empty cell): the figure then comes
/// from the rules of `Horizon`, not from this row.
public struct StaffYearRow: Sendable, Equatable {
    public var schoolID: String
    public var subject: String
    public var year: Int
    public var leaving: Int?
    public var required: Double?

    public init(schoolID: String, subject: String, year: Int, leaving: Int? = nil, required: Double? = nil) {
        self.schoolID = schoolID
        self.subject = subject
        self.year = year
        self.leaving = leaving
        self.required = required
    }
}

extension Horizon {
    /// pc(y): the change allowed in `year`, listed for it, else for the latest earlier year
    /// listed, else `policy` (policy.payroll_change). Each figure counts against today's
    /// headcount, not against the year before.
    public func payrollChange(in year: Int, policy: Int) -> Int {
        if let own = payrollChange[year] { return own }
        let earlier = payrollChange.keys.filter { $0 < year }.max()
        return earlier.flatMap { payrollChange[$0] } ?? policy
    }

    /// w(y): the year's weight, 1 when `yearWeights` does not list it.
    public func weight(of year: Int) -> Double {
        yearWeights[year] ?? 1
    }

    /// The classes of each school (by id) in `year`: that year's row of classes.csv, else the
    /// school's latest earlier row there; a school without either is absent, and keeps its
    /// schools.csv classes.
    public func classes(in year: Int) -> [String: Int] {
        var latest: [String: (year: Int, classes: Int)] = [:]
        for row in classes where row.year <= year {
            if let known = latest[row.schoolID], known.year > row.year { continue }
            latest[row.schoolID] = (row.year, row.classes)
        }
        return latest.mapValues(\.classes)
    }
}

extension Scenario {
    /// The figures of one year of the horizon, set on today's staff: each school's classes in
    /// that year, each pair's leavers at the start of it and its requirement in it, and the
    /// payroll change allowed in it, as docs/MODEL.md section 6 resolves them. Teachers are
    /// today's: moves of earlier years are not applied. `Instance` derives from it the
    /// requirement of every pair in that year (staff-years, else staff.csv, else the norms
    /// on that year's classes). A scenario without a horizon, or a year outside it, gives
    /// the scenario unchanged.
    ///
    /// A staff-years row for a pair staff.csv does not list adds a row with no teachers.
    public func inYear(_ year: Int) -> Scenario {
        guard let horizon, let first = horizon.years.first, horizon.years.contains(year) else { return self }
        var result = self
        result.horizon = nil
        result.locks = []  // a horizon's locks are the horizon's (HorizonInstance), not a year's
        result.policy.payrollChange = horizon.payrollChange(in: year, policy: policy.payrollChange)
        let classes = horizon.classes(in: year)
        result.schools = schools.map { school in
            var school = school
            school.classes = classes[school.id] ?? school.classes
            return school
        }
        struct Key: Hashable { var school: String; var subject: String }
        var rows: [Key: StaffYearRow] = [:]
        for row in horizon.staffYears where row.year == year {
            rows[Key(school: row.schoolID, subject: row.subject)] = row
        }
        result.staff = staff.map { row in
            var row = row
            let own = rows.removeValue(forKey: Key(school: row.schoolID, subject: row.subject))
            // staff.csv's leavers leave at the start of the first year, unless staff-years
            // gives that year's leavers itself.
            row.leaving = own?.leaving ?? (year == first ? row.leaving : 0)
            row.required = own?.required ?? row.required
            return row
        }
        let added = horizon.staffYears.filter { $0.year == year && rows[Key(school: $0.schoolID, subject: $0.subject)] != nil }
        result.staff += added.map {
            StaffRow(schoolID: $0.schoolID, subject: $0.subject, teachers: 0, leaving: $0.leaving ?? 0, required: $0.required)
        }
        return result
    }
}
