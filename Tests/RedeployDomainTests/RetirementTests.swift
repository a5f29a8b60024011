import Foundation
import Testing
import RedeployDomain

/// The statutory retirement schedule `builtin:vn-2021` (docs/RETIREMENT.md). Every expected
/// figure below was worked out by hand from the law's table (the age of the year in which it
/// is reached) and a school year starting on 5 September, not by running the code.
@Suite("Statutory retirement (builtin:vn-2021)")
struct RetirementTests {
    let rule = RetirementRule.vn2021

    /// A date written YYYY-MM-DD.
    static func day(_ text: String) -> CalendarDate {
        guard let date = CalendarDate(iso: text) else { fatalError("not a date: \(text)") }
        return date
    }

    /// One step of the table, with one person who retires at it.
    struct Step: CustomTestStringConvertible, Sendable {
        var year: Int
        var years: Int
        var months: Int
        var born: String
        var reaches: String
        var leaves: Int
        var testDescription: String { "\(year): born \(born)" }
    }

    // Men: 60 years 3 months in 2021, 3 months more a year, 62 years in 2028. The age of a year
    // goes to those born in 9 consecutive months (12 months of time less the 3 months added).
    static let menSteps: [Step] = [
        Step(year: 2021, years: 60, months: 3, born: "1961-01-20", reaches: "2021-04-20", leaves: 2021),
        Step(year: 2022, years: 60, months: 6, born: "1961-10-01", reaches: "2022-04-01", leaves: 2022),
        Step(year: 2023, years: 60, months: 9, born: "1962-12-10", reaches: "2023-09-10", leaves: 2024),
        Step(year: 2024, years: 61, months: 0, born: "1963-04-02", reaches: "2024-04-02", leaves: 2024),
        Step(year: 2025, years: 61, months: 3, born: "1964-09-30", reaches: "2025-12-30", leaves: 2026),
        Step(year: 2026, years: 61, months: 6, born: "1965-02-28", reaches: "2026-08-28", leaves: 2026),
        // Born on the 31st: April has 30 days, so the age is reached on the 30th.
        Step(year: 2027, years: 61, months: 9, born: "1965-07-31", reaches: "2027-04-30", leaves: 2027),
        Step(year: 2028, years: 62, months: 0, born: "1966-04-01", reaches: "2028-04-01", leaves: 2028),
    ]

    // Women: 55 years 4 months in 2021, 4 months more a year, 60 years in 2035; 8 months of
    // birth to a step.
    static let womenSteps: [Step] = [
        Step(year: 2021, years: 55, months: 4, born: "1966-08-31", reaches: "2021-12-31", leaves: 2022),
        Step(year: 2022, years: 55, months: 8, born: "1966-11-30", reaches: "2022-07-30", leaves: 2022),
        Step(year: 2023, years: 56, months: 0, born: "1967-05-05", reaches: "2023-05-05", leaves: 2023),
        // Born on 29 February; 2024 is a leap year but June has 30 days anyway.
        Step(year: 2024, years: 56, months: 4, born: "1968-02-29", reaches: "2024-06-29", leaves: 2024),
        Step(year: 2025, years: 56, months: 8, born: "1969-04-15", reaches: "2025-12-15", leaves: 2026),
        Step(year: 2026, years: 57, months: 0, born: "1969-12-01", reaches: "2026-12-01", leaves: 2027),
        Step(year: 2027, years: 57, months: 4, born: "1970-01-10", reaches: "2027-05-10", leaves: 2027),
        Step(year: 2028, years: 57, months: 8, born: "1970-09-09", reaches: "2028-05-09", leaves: 2028),
        Step(year: 2029, years: 58, months: 0, born: "1971-10-03", reaches: "2029-10-03", leaves: 2030),
        Step(year: 2030, years: 58, months: 4, born: "1972-03-31", reaches: "2030-07-31", leaves: 2030),
        // Born on the 31st, reaching the age in September (30 days): after the 5th, so 2032.
        Step(year: 2031, years: 58, months: 8, born: "1973-01-31", reaches: "2031-09-30", leaves: 2032),
        Step(year: 2032, years: 59, months: 0, born: "1973-06-15", reaches: "2032-06-15", leaves: 2032),
        Step(year: 2033, years: 59, months: 4, born: "1974-08-20", reaches: "2033-12-20", leaves: 2034),
        Step(year: 2034, years: 59, months: 8, born: "1974-11-11", reaches: "2034-07-11", leaves: 2034),
        Step(year: 2035, years: 60, months: 0, born: "1975-05-01", reaches: "2035-05-01", leaves: 2035),
    ]

    private func check(_ step: Step, _ sex: TeacherSex) {
        let born = Self.day(step.born)
        let age = RetirementAge(years: step.years, months: step.months)
        #expect(rule.age(reachedIn: step.year, sex: sex) == age)
        #expect(rule.retirementAge(sex: sex, birthDate: born) == age)
        #expect(rule.dateAgeReached(sex: sex, birthDate: born) == Self.day(step.reaches))
        #expect(rule.leavingSchoolYear(sex: sex, birthDate: born) == step.leaves)
    }

    @Test("Each step of the men's roadmap", arguments: menSteps)
    func menStep(_ step: Step) { check(step, .male) }

    @Test("Each step of the women's roadmap", arguments: womenSteps)
    func womenStep(_ step: Step) { check(step, .female) }

    /// The table covers every year of both roadmaps, once.
    @Test func theTablesCoverTheRoadmaps() {
        #expect(Self.menSteps.map(\.year) == Array(2021...2028))
        #expect(Self.womenSteps.map(\.year) == Array(2021...2035))
        #expect(rule.men.lastStepYear == 2028)
        #expect(rule.women.lastStepYear == 2035)
    }

    /// The last month of birth of each step and the first of the next (appendix I of Decree
    /// 135/2020): only the month of birth decides the age, and the steps meet without a gap.
    @Test func stepsChangeAtTheMonthOfBirth() {
        let men: [(last: String, age: RetirementAge, next: String, nextAge: RetirementAge)] = [
            ("1961-09-30", RetirementAge(years: 60, months: 3), "1961-10-01", RetirementAge(years: 60, months: 6)),
            ("1962-06-30", RetirementAge(years: 60, months: 6), "1962-07-01", RetirementAge(years: 60, months: 9)),
            ("1963-03-31", RetirementAge(years: 60, months: 9), "1963-04-01", RetirementAge(years: 61)),
            ("1963-12-31", RetirementAge(years: 61), "1964-01-01", RetirementAge(years: 61, months: 3)),
            ("1964-09-30", RetirementAge(years: 61, months: 3), "1964-10-01", RetirementAge(years: 61, months: 6)),
            ("1965-06-30", RetirementAge(years: 61, months: 6), "1965-07-01", RetirementAge(years: 61, months: 9)),
            ("1966-03-31", RetirementAge(years: 61, months: 9), "1966-04-01", RetirementAge(years: 62)),
        ]
        for step in men {
            #expect(rule.retirementAge(sex: .male, birthDate: Self.day(step.last)) == step.age, "\(step.last)")
            #expect(rule.retirementAge(sex: .male, birthDate: Self.day(step.next)) == step.nextAge, "\(step.next)")
        }
        let women: [(last: String, age: RetirementAge, next: String, nextAge: RetirementAge)] = [
            ("1966-08-31", RetirementAge(years: 55, months: 4), "1966-09-01", RetirementAge(years: 55, months: 8)),
            ("1967-04-30", RetirementAge(years: 55, months: 8), "1967-05-01", RetirementAge(years: 56)),
            ("1967-12-31", RetirementAge(years: 56), "1968-01-01", RetirementAge(years: 56, months: 4)),
            ("1968-08-31", RetirementAge(years: 56, months: 4), "1968-09-01", RetirementAge(years: 56, months: 8)),
            ("1969-04-30", RetirementAge(years: 56, months: 8), "1969-05-01", RetirementAge(years: 57)),
            ("1969-12-31", RetirementAge(years: 57), "1970-01-01", RetirementAge(years: 57, months: 4)),
            ("1970-08-31", RetirementAge(years: 57, months: 4), "1970-09-01", RetirementAge(years: 57, months: 8)),
            ("1971-04-30", RetirementAge(years: 57, months: 8), "1971-05-01", RetirementAge(years: 58)),
            ("1971-12-31", RetirementAge(years: 58), "1972-01-01", RetirementAge(years: 58, months: 4)),
            ("1972-08-31", RetirementAge(years: 58, months: 4), "1972-09-01", RetirementAge(years: 58, months: 8)),
            ("1973-04-30", RetirementAge(years: 58, months: 8), "1973-05-01", RetirementAge(years: 59)),
            ("1973-12-31", RetirementAge(years: 59), "1974-01-01", RetirementAge(years: 59, months: 4)),
            ("1974-08-31", RetirementAge(years: 59, months: 4), "1974-09-01", RetirementAge(years: 59, months: 8)),
            ("1975-04-30", RetirementAge(years: 59, months: 8), "1975-05-01", RetirementAge(years: 60)),
        ]
        for step in women {
            #expect(rule.retirementAge(sex: .female, birthDate: Self.day(step.last)) == step.age, "\(step.last)")
            #expect(rule.retirementAge(sex: .female, birthDate: Self.day(step.next)) == step.nextAge, "\(step.next)")
        }
    }

    /// The two people the press cites for pensions from January 2026 (a man born in September
    /// 1964, a woman born in April 1969) reach the age in December 2025: retirement date
    /// 31 December 2025, and they are gone from school year 2026.
    @Test func retirementDateIsTheLastDayOfTheMonth() {
        let man = rule.outcome(sex: .male, birthDate: Self.day("1964-09-12"))
        #expect(man.age == RetirementAge(years: 61, months: 3))
        #expect(man.ageReached == Self.day("2025-12-12"))
        #expect(man.retirementDate == Self.day("2025-12-31"))
        #expect(man.leavingSchoolYear == 2026)
        let woman = rule.outcome(sex: .female, birthDate: Self.day("1969-04-01"))
        #expect(woman.age == RetirementAge(years: 56, months: 8))
        #expect(woman.ageReached == Self.day("2025-12-01"))
        #expect(woman.retirementDate == Self.day("2025-12-31"))
        #expect(woman.leavingSchoolYear == 2026)
        // February of a leap year: a man born in February 1970 turns 62 in February 2032.
        #expect(rule.retirementDate(sex: .male, birthDate: Self.day("1970-02-10")) == Self.day("2032-02-29"))
    }

    /// School years start on 5 September: reaching the age that day or before means leaving
    /// at that year's start, a day later means teaching that year and leaving at the next.
    @Test func reachingTheAgeAroundTheStartOfASchoolYear() {
        #expect(rule.schoolYearStart.date(in: 2027) == Self.day("2027-09-05"))
        // A woman born in May 1970 retires at 57 years 4 months: born on the 5th, she reaches
        // it on 5 September 2027, the very day school year 2027 starts.
        let onTheDay = Self.day("1970-05-05"), dayBefore = Self.day("1970-05-04"), dayAfter = Self.day("1970-05-06")
        #expect(rule.dateAgeReached(sex: .female, birthDate: onTheDay) == Self.day("2027-09-05"))
        #expect(rule.leavingSchoolYear(sex: .female, birthDate: onTheDay) == 2027)
        #expect(rule.dateAgeReached(sex: .female, birthDate: dayBefore) == Self.day("2027-09-04"))
        #expect(rule.leavingSchoolYear(sex: .female, birthDate: dayBefore) == 2027)
        #expect(rule.dateAgeReached(sex: .female, birthDate: dayAfter) == Self.day("2027-09-06"))
        #expect(rule.leavingSchoolYear(sex: .female, birthDate: dayAfter) == 2028)
        // A man born in September 1966 retires at 62: 4, 5 and 6 September 2028.
        #expect(rule.leavingSchoolYear(sex: .male, birthDate: Self.day("1966-09-04")) == 2028)
        #expect(rule.leavingSchoolYear(sex: .male, birthDate: Self.day("1966-09-05")) == 2028)
        #expect(rule.leavingSchoolYear(sex: .male, birthDate: Self.day("1966-09-06")) == 2029)
        // The day alone, and the last day of a calendar year.
        #expect(rule.leavingSchoolYear(ageReachedOn: Self.day("2030-01-01")) == 2030)
        #expect(rule.leavingSchoolYear(ageReachedOn: Self.day("2030-12-31")) == 2031)
        // Another start date moves the boundary with it.
        var earlier = rule
        earlier.schoolYearStart = RetirementRule.SchoolYearStart(month: 9, day: 1)
        #expect(earlier.leavingSchoolYear(sex: .female, birthDate: dayBefore) == 2028)
    }

    /// Adding months runs past December into the next year and keeps the day, or the last day
    /// of a shorter month.
    @Test func monthsOverflowIntoTheNextYear() {
        #expect(RetirementRule.anniversary(of: Self.day("1967-11-30"), afterMonths: 4) == Self.day("1968-03-30"))
        #expect(RetirementRule.anniversary(of: Self.day("1999-11-30"), afterMonths: 3) == Self.day("2000-02-29"))
        #expect(RetirementRule.anniversary(of: Self.day("2000-11-30"), afterMonths: 3) == Self.day("2001-02-28"))
        #expect(RetirementRule.anniversary(of: Self.day("1962-12-31"), afterMonths: 729) == Self.day("2023-09-30"))
        #expect(RetirementRule.anniversary(of: Self.day("1970-01-31"), afterMonths: 1) == Self.day("1970-02-28"))
        // A man born in November 1964 retires at 61 years 6 months: May 2026.
        #expect(rule.dateAgeReached(sex: .male, birthDate: Self.day("1964-11-15")) == Self.day("2026-05-15"))
        // A woman born in November never gets an age with 4 months over: November + 4 months
        // lands in the next year, whose age is 4 months higher again. Born November 1967, she
        // turns 55 years 8 months (the age of 2022) in July 2023 only, so she retires at 56,
        // the age of 2023, in November 2023. Looking up the year she turned 55 would say 55
        // years 8 months.
        #expect(rule.retirementAge(sex: .female, birthDate: Self.day("1967-11-20")) == RetirementAge(years: 56))
        #expect(rule.dateAgeReached(sex: .female, birthDate: Self.day("1967-11-20")) == Self.day("2023-11-20"))
        #expect(rule.leavingSchoolYear(sex: .female, birthDate: Self.day("1967-11-20")) == 2024)
        // A man born in November 1962 turns 60 in 2022, but retires at 60 years 9 months, the
        // age of 2023, in August 2023.
        #expect(rule.retirementAge(sex: .male, birthDate: Self.day("1962-11-08")) == RetirementAge(years: 60, months: 9))
        #expect(rule.dateAgeReached(sex: .male, birthDate: Self.day("1962-11-08")) == Self.day("2023-08-08"))
    }

    /// From the end of the roadmap on, the age stays at 62 for men and 60 for women.
    @Test func theCeilingAfterTheRoadmap() {
        for year in [2028, 2029, 2035, 2040, 2070] {
            #expect(rule.age(reachedIn: year, sex: .male) == RetirementAge(years: 62), "\(year)")
        }
        for year in [2035, 2036, 2050, 2070] {
            #expect(rule.age(reachedIn: year, sex: .female) == RetirementAge(years: 60), "\(year)")
        }
        #expect(rule.age(reachedIn: 2034, sex: .female) == RetirementAge(years: 59, months: 8))
        #expect(rule.age(reachedIn: 2027, sex: .male) == RetirementAge(years: 61, months: 9))
        #expect(rule.dateAgeReached(sex: .male, birthDate: Self.day("1980-11-20")) == Self.day("2042-11-20"))
        #expect(rule.leavingSchoolYear(sex: .male, birthDate: Self.day("1980-11-20")) == 2043)
        #expect(rule.leavingSchoolYear(sex: .male, birthDate: Self.day("1970-01-01")) == 2032)
        #expect(rule.dateAgeReached(sex: .female, birthDate: Self.day("1990-10-10")) == Self.day("2050-10-10"))
        #expect(rule.leavingSchoolYear(sex: .female, birthDate: Self.day("1990-10-10")) == 2051)
        #expect(rule.retirementAge(sex: .female, birthDate: Self.day("1990-10-10")) == RetirementAge(years: 60))
    }

    /// Who reached the old age (60 for men, 55 for women) before 2021 retired at it, even if
    /// the 2021 age would fall in 2021: a man born in October 1960 turned 60 in October 2020.
    @Test func reachedBeforeTheRoadmap() {
        #expect(rule.age(reachedIn: 2020, sex: .male) == RetirementAge(years: 60))
        #expect(rule.age(reachedIn: 2020, sex: .female) == RetirementAge(years: 55))
        #expect(rule.retirementAge(sex: .male, birthDate: Self.day("1960-10-15")) == RetirementAge(years: 60))
        #expect(rule.dateAgeReached(sex: .male, birthDate: Self.day("1960-10-15")) == Self.day("2020-10-15"))
        #expect(rule.leavingSchoolYear(sex: .male, birthDate: Self.day("1960-10-15")) == 2021)
        #expect(rule.leavingSchoolYear(sex: .male, birthDate: Self.day("1960-06-01")) == 2020)
        #expect(rule.leavingSchoolYear(sex: .male, birthDate: Self.day("1955-01-01")) == 2015)
        #expect(rule.retirementAge(sex: .female, birthDate: Self.day("1965-09-10")) == RetirementAge(years: 55))
        #expect(rule.dateAgeReached(sex: .female, birthDate: Self.day("1965-09-10")) == Self.day("2020-09-10"))
        #expect(rule.leavingSchoolYear(sex: .female, birthDate: Self.day("1965-09-10")) == 2021)
        #expect(rule.leavingSchoolYear(sex: .female, birthDate: Self.day("1965-09-05")) == 2020)
    }

    /// Who reaches the age in a year, read the other way round.
    @Test func birthsReachingTheAgeInAYear() {
        #expect(rule.births(reachingAgeIn: 2021, sex: .male) == Self.day("1961-01-01")...Self.day("1961-09-30"))
        #expect(rule.births(reachingAgeIn: 2028, sex: .male) == Self.day("1966-04-01")...Self.day("1966-12-31"))
        #expect(rule.births(reachingAgeIn: 2030, sex: .male) == Self.day("1968-01-01")...Self.day("1968-12-31"))
        #expect(rule.births(reachingAgeIn: 2020, sex: .male) == Self.day("1960-01-01")...Self.day("1960-12-31"))
        #expect(rule.births(reachingAgeIn: 2022, sex: .female) == Self.day("1966-09-01")...Self.day("1967-04-30"))
        #expect(rule.births(reachingAgeIn: 2035, sex: .female) == Self.day("1975-05-01")...Self.day("1975-12-31"))
    }

    @Test func namesAndText() {
        #expect(RetirementRule.builtin(named: "builtin:vn-2021") == .vn2021)
        #expect(RetirementRule.builtin(named: "vn-2021") == nil)
        #expect(RetirementRule.builtin(named: "builtin:VN-2021") == nil)
        #expect(RetirementAge(years: 60, months: 3).description == "60 years 3 months")
        #expect(RetirementAge(years: 62).description == "62 years")
        #expect(RetirementAge(totalMonths: 724).years == 60)
        #expect(RetirementAge(totalMonths: 724).months == 4)
    }

    /// docs/RETIREMENT.md prints the schedule as this code computes it.
    @Test func theDocumentedTableIsTheComputedOne() throws {
        let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/RETIREMENT.md")
        let text = try String(contentsOf: docs, encoding: .utf8)
        let names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func month(_ date: CalendarDate) -> String { "\(names[date.month - 1]) \(date.year)" }
        for year in 2020...2036 {
            var row = "| \(year) |"
            for sex in [TeacherSex.male, .female] {
                let births = try #require(rule.births(reachingAgeIn: year, sex: sex))
                row += " \(rule.age(reachedIn: year, sex: sex)) | \(month(births.lowerBound)) – \(month(births.upperBound)) |"
            }
            #expect(text.contains(row + "\n"), "docs/RETIREMENT.md lacks the row \(row)")
        }
    }
}
