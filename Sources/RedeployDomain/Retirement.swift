/// An age in whole years and months, as Vietnamese law writes a retirement age
/// ("đủ 60 tuổi 03 tháng": 60 full years and 3 full months).
public struct RetirementAge: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The age counted in months only: 60 years 3 months is 723.
    public var totalMonths: Int

    public init(totalMonths: Int) {
        precondition(totalMonths >= 0, "an age is not negative")
        self.totalMonths = totalMonths
    }

    public init(years: Int, months: Int = 0) {
        self.init(totalMonths: years * 12 + months)
    }

    /// The full years: 60 for 60 years 3 months.
    public var years: Int { totalMonths / 12 }
    /// The months beyond the full years, 0 to 11: 3 for 60 years 3 months.
    public var months: Int { totalMonths % 12 }

    public static func < (a: RetirementAge, b: RetirementAge) -> Bool { a.totalMonths < b.totalMonths }

    /// "60 years 3 months", or "62 years" when there are no months over.
    public var description: String {
        let head = years == 1 ? "1 year" : "\(years) years"
        switch months {
        case 0: return head
        case 1: return head + " 1 month"
        default: return head + " \(months) months"
        }
    }
}

/// When a teacher reaches the statutory retirement age and which school year they leave at,
/// from their sex and date of birth: what a roster's `birth_date` and `sex` columns stand for
/// when the scenario says `retirement: builtin:vn-2021` (docs/RETIREMENT.md).
///
/// The law fixes the age by the calendar year in which it is reached, not by the year of
/// birth: the age applying to a year rises step by step, and a person retires at the age of
/// the year in which they reach that year's age. Everything here is plain arithmetic on
/// years, months and days; no clock, no time zone, no Foundation.
public struct RetirementRule: Sendable, Hashable {
    /// How the retirement age of one sex moves from year to year: flat before `firstYear`,
    /// then `firstAge` in `firstYear` and `stepMonths` more each later year, never above
    /// `ceiling`. The age of a year never falls from one year to the next.
    public struct Roadmap: Sendable, Hashable {
        /// The age of every year before `firstYear` (the law the roadmap replaced).
        public var before: RetirementAge
        /// The first year of the roadmap.
        public var firstYear: Int
        /// The age of `firstYear`.
        public var firstAge: RetirementAge
        /// Months added to the age each year after `firstYear`.
        public var stepMonths: Int
        /// The age at which the roadmap stops and stays, from the year it is reached on.
        public var ceiling: RetirementAge

        public init(before: RetirementAge, firstYear: Int, firstAge: RetirementAge, stepMonths: Int,
                    ceiling: RetirementAge) {
            precondition(before <= firstAge && firstAge <= ceiling && stepMonths >= 0,
                         "a retirement roadmap never lowers the age")
            self.before = before
            self.firstYear = firstYear
            self.firstAge = firstAge
            self.stepMonths = stepMonths
            self.ceiling = ceiling
        }

        /// The retirement age of someone who reaches it in calendar year `year`.
        public func age(in year: Int) -> RetirementAge {
            if year < firstYear { return before }
            let stepped = firstAge.totalMonths + stepMonths * (year - firstYear)
            return RetirementAge(totalMonths: min(stepped, ceiling.totalMonths))
        }

        /// The first year whose age is the ceiling: the year the roadmap ends.
        public var lastStepYear: Int {
            guard stepMonths > 0 else { return firstYear }
            let steps = (ceiling.totalMonths - firstAge.totalMonths + stepMonths - 1) / stepMonths
            return firstYear + steps
        }
    }

    /// The date a school year starts, the same every year; a school year is named by the
    /// calendar year it starts in.
    public struct SchoolYearStart: Sendable, Hashable {
        public var month: Int
        public var day: Int

        /// A day that exists every year (so not 29 February).
        public init(month: Int, day: Int) {
            precondition((1...12).contains(month) && day >= 1 && day <= CalendarDate.days(inMonth: month, of: 2001),
                         "a school year starts on a day that every year has")
            self.month = month
            self.day = day
        }

        /// 5 September: the day the Ministry of Education and Training's yearly timetable
        /// ("khung kế hoạch thời gian năm học") sets for the opening of the school year
        /// ("khai giảng") in every school of the country.
        public static let vietnam = SchoolYearStart(month: 9, day: 5)

        /// The day school year `year` starts.
        public func date(in year: Int) -> CalendarDate {
            CalendarDate(year: year, month: month, day: day)!
        }
    }

    /// What the rule says of one person.
    public struct Outcome: Sendable, Hashable {
        /// The statutory retirement age that applies to them.
        public var age: RetirementAge
        /// The day they reach it.
        public var ageReached: CalendarDate
        /// The legal time of retirement: the last day of the month in which they reach it.
        public var retirementDate: CalendarDate
        /// The school year (named by the year it starts) at whose start they leave.
        public var leavingSchoolYear: Int
    }

    /// The name a scenario gives the rule: `retirement: builtin:vn-2021`.
    public var name: String
    public var men: Roadmap
    public var women: Roadmap
    public var schoolYearStart: SchoolYearStart

    public init(name: String, men: Roadmap, women: Roadmap, schoolYearStart: SchoolYearStart = .vietnam) {
        self.name = name
        self.men = men
        self.women = women
        self.schoolYearStart = schoolYearStart
    }

    /// Vietnam's statutory retirement age for normal working conditions, in force from
    /// 1 January 2021: Labour Code 2019 (Bộ luật Lao động số 45/2019/QH14), article 169
    /// clause 2, detailed by Decree 135/2020/NĐ-CP, article 4 and its appendix I.
    /// Men: 60 years 3 months in 2021, 3 months more each year, 62 years from 2028 on.
    /// Women: 55 years 4 months in 2021, 4 months more each year, 60 years from 2035 on.
    /// Before 2021 the age was 60 for men and 55 for women (Labour Code 2012, article 187),
    /// which is what someone who reached it then retired at.
    /// The lower ages of article 169 clause 3 (arduous work, hardship areas, reduced working
    /// capacity) and the higher ones of clause 4 (agreed with the employer) depend on facts a
    /// roster does not hold; a roster says such a teacher's `leaving_year` itself.
    public static let vn2021 = RetirementRule(
        name: "builtin:vn-2021",
        men: Roadmap(before: RetirementAge(years: 60), firstYear: 2021, firstAge: RetirementAge(years: 60, months: 3),
                     stepMonths: 3, ceiling: RetirementAge(years: 62)),
        women: Roadmap(before: RetirementAge(years: 55), firstYear: 2021, firstAge: RetirementAge(years: 55, months: 4),
                       stepMonths: 4, ceiling: RetirementAge(years: 60)))

    /// Every rule a scenario may name.
    public static let builtins: [RetirementRule] = [.vn2021]

    /// The rule a scenario's `retirement` key names ("builtin:vn-2021"); nil for any other text.
    public static func builtin(named name: String) -> RetirementRule? {
        builtins.first { $0.name == name }
    }

    public func roadmap(for sex: TeacherSex) -> Roadmap {
        switch sex {
        case .male: return men
        case .female: return women
        }
    }

    /// The retirement age of someone of `sex` who reaches it in calendar year `year`: the
    /// roadmap's table, read by the year the age is reached.
    public func age(reachedIn year: Int, sex: TeacherSex) -> RetirementAge {
        roadmap(for: sex).age(in: year)
    }

    /// The statutory retirement age of a person, and the month in which they reach it.
    ///
    /// Why a search: the age of a year applies to those who reach it in that year, so a
    /// person retires at the age of the first calendar year in which they reach that year's
    /// age (the age of a year never falls, so nobody reaches an earlier year's age later). Decree 135/2020 appendix I
    /// writes out the result by month and year of birth (men born January to September 1961:
    /// 60 years 3 months; October 1961 to June 1962: 60 years 6 months; ...); only the month
    /// of birth matters, never the day.
    private func resolve(sex: TeacherSex, bornInMonth birthMonth: Int) -> (age: RetirementAge, reachedInMonth: Int) {
        let roadmap = roadmap(for: sex)
        var year = Self.year(ofMonth: birthMonth) + roadmap.before.years
        while true {
            let age = roadmap.age(in: year)
            let reached = birthMonth + age.totalMonths
            // Reached by the end of `year`. It is never before the start of `year`: had it
            // been, the smaller or equal age of `year - 1` was reached in `year - 1`.
            if reached <= year * 12 + 11 { return (age, reached) }
            year += 1
        }
    }

    /// The statutory retirement age of someone of `sex` born on `birthDate`.
    public func retirementAge(sex: TeacherSex, birthDate: CalendarDate) -> RetirementAge {
        resolve(sex: sex, bornInMonth: Self.monthIndex(birthDate)).age
    }

    /// The day someone of `sex` born on `birthDate` reaches their statutory retirement age:
    /// the same day of the month as their birth, or the last day of the month when that month
    /// is shorter (born on the 31st, or on 29 February): the Civil Code 2015 (article 148)
    /// ends a period counted in months on the corresponding day of its last month, or on that
    /// month's last day when it has no such day.
    public func dateAgeReached(sex: TeacherSex, birthDate: CalendarDate) -> CalendarDate {
        Self.anniversary(of: birthDate, afterMonths: retirementAge(sex: sex, birthDate: birthDate).totalMonths)
    }

    /// The legal time of retirement: the last day of the month in which the age is reached
    /// (Decree 135/2020, article 3 clause 1).
    public func retirementDate(sex: TeacherSex, birthDate: CalendarDate) -> CalendarDate {
        Self.lastDay(ofMonth: Self.monthIndex(dateAgeReached(sex: sex, birthDate: birthDate)))
    }

    /// The school year at whose start someone who reaches the age on `reached` leaves: the
    /// first school year that starts on or after that day. Reaching it on the very day a
    /// school year starts means starting that year already of retirement age, so they leave
    /// at it; reaching it a day later, they began the year below the age and leave at the
    /// next one. The model counts whole school years, so a teacher who reaches the age during
    /// a year is counted for that year (docs/RETIREMENT.md).
    public func leavingSchoolYear(ageReachedOn reached: CalendarDate) -> Int {
        reached <= schoolYearStart.date(in: reached.year) ? reached.year : reached.year + 1
    }

    /// The school year (named by the calendar year it starts) at whose start someone of `sex`
    /// born on `birthDate` leaves. It may lie in the past: someone who reached the age in 2015
    /// left at the start of school year 2015 or 2016; the caller decides what that means.
    public func leavingSchoolYear(sex: TeacherSex, birthDate: CalendarDate) -> Int {
        leavingSchoolYear(ageReachedOn: dateAgeReached(sex: sex, birthDate: birthDate))
    }

    /// Everything above at once.
    public func outcome(sex: TeacherSex, birthDate: CalendarDate) -> Outcome {
        let age = retirementAge(sex: sex, birthDate: birthDate)
        let reached = Self.anniversary(of: birthDate, afterMonths: age.totalMonths)
        return Outcome(age: age, ageReached: reached, retirementDate: Self.lastDay(ofMonth: Self.monthIndex(reached)),
                       leavingSchoolYear: leavingSchoolYear(ageReachedOn: reached))
    }

    /// Who reaches the age in calendar year `year`: from the first day of the first month of
    /// birth to the last day of the last one (appendix I of the decree, read the other way).
    /// Births in those months, and only they, reach `age(reachedIn: year, sex:)` in `year`.
    public func births(reachingAgeIn year: Int, sex: TeacherSex) -> ClosedRange<CalendarDate>? {
        let roadmap = roadmap(for: sex)
        // Reached in `year` at an age between `before` and `ceiling`.
        let earliest = year * 12 - roadmap.ceiling.totalMonths
        let latest = year * 12 + 11 - roadmap.before.totalMonths
        let months = (earliest...latest).filter {
            Self.year(ofMonth: resolve(sex: sex, bornInMonth: $0).reachedInMonth) == year
        }
        guard let first = months.first, let last = months.last else { return nil }
        return Self.firstDay(ofMonth: first)...Self.lastDay(ofMonth: last)
    }

    /// `date` moved `months` months on: the same day of the month, or the last day of the
    /// month when it has fewer days (31 January + 1 month is 28 or 29 February; 30 November
    /// + 3 months is 28 or 29 February of the next year).
    public static func anniversary(of date: CalendarDate, afterMonths months: Int) -> CalendarDate {
        let last = lastDay(ofMonth: monthIndex(date) + months)
        return CalendarDate(year: last.year, month: last.month, day: min(date.day, last.day))!
    }

    /// Months since January of year 0: January 1961 is 1961 × 12.
    private static func monthIndex(_ date: CalendarDate) -> Int { date.year * 12 + date.month - 1 }

    /// The year of a month index (rounding down, so it holds for any year).
    private static func year(ofMonth index: Int) -> Int {
        index >= 0 ? index / 12 : -((-index + 11) / 12)
    }

    private static func firstDay(ofMonth index: Int) -> CalendarDate {
        let year = year(ofMonth: index)
        return CalendarDate(year: year, month: index - year * 12 + 1, day: 1)!
    }

    private static func lastDay(ofMonth index: Int) -> CalendarDate {
        let year = year(ofMonth: index), month = index - year * 12 + 1
        return CalendarDate(year: year, month: month, day: CalendarDate.days(inMonth: month, of: year))!
    }
}
