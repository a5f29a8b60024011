/// A day of the calendar, as a roster's `birth_date` writes it (YYYY-MM-DD): year, month and
/// day, no time and no time zone. Only real days exist: `init?` refuses 2023-02-29.
public struct CalendarDate: Sendable, Equatable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    /// nil unless month is 1 to 12 and day is a day of that month in that year (Gregorian).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Self.days(inMonth: month, of: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The date of `text` written exactly YYYY-MM-DD (four, two and two ASCII digits); nil otherwise.
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    public static func days(inMonth month: Int, of year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public static func isLeap(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    /// YYYY-MM-DD.
    public var description: String {
        func pad(_ n: Int, _ width: Int) -> String {
            let digits = String(n)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }
}

/// A roster's `sex` column, which with `birth_date` fixes the statutory retirement age.
public enum TeacherSex: String, Sendable, Equatable, CaseIterable {
    case male, female
}

/// One teacher of roster.csv (docs/MODEL.md section 7), as read and checked. Every field but
/// the ids is personal data: messages and summaries name a teacher by line or id, never by
/// these values.
public struct RosterRow: Sendable, Equatable {
    public var teacherID: String
    /// Where the teacher is today and what they teach.
    public var schoolID: String
    public var subject: String
    /// The province's points (seniority, family, hardship served): more points, more protected.
    public var points: Double
    /// Asks to be moved.
    public var volunteer: Bool
    /// Why the teacher is never transferred, released or retrained; "" when not exempt.
    public var exemptReason: String
    /// Must leave this school (by transfer or retraining elsewhere) in the plan's first year.
    public var mustMove: Bool
    /// With a horizon, the school year at whose start the teacher leaves; without one, any
    /// value means the teacher leaves during the plan.
    public var leavingYear: Int?
    /// With `sex`, what the statutory retirement age is counted from; both or neither.
    public var birthDate: CalendarDate?
    public var sex: TeacherSex?
    /// Where the teacher lives; both or neither.
    public var homeLatitude: Double?
    public var homeLongitude: Double?

    public var isExempt: Bool { !exemptReason.isEmpty }

    public init(teacherID: String, schoolID: String, subject: String, points: Double = 0, volunteer: Bool = false,
                exemptReason: String = "", mustMove: Bool = false, leavingYear: Int? = nil,
                birthDate: CalendarDate? = nil, sex: TeacherSex? = nil,
                homeLatitude: Double? = nil, homeLongitude: Double? = nil) {
        self.teacherID = teacherID
        self.schoolID = schoolID
        self.subject = subject
        self.points = points
        self.volunteer = volunteer
        self.exemptReason = exemptReason
        self.mustMove = mustMove
        self.leavingYear = leavingYear
        self.birthDate = birthDate
        self.sex = sex
        self.homeLatitude = homeLatitude
        self.homeLongitude = homeLongitude
    }
}
