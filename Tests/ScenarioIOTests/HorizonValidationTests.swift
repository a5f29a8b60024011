import Foundation
import Testing
@testable import ScenarioIO
import RedeployDomain

/// Each invalid input of docs/MODEL.md section 6 is refused with its exact message, at the
/// position of the YAML value or the CSV cell to change, and nothing else is reported.
@Suite("Refusing an invalid horizon")
struct HorizonValidationTests {
    // MARK: scenario.yaml

    @Test(arguments: [
        ("[2025, 2027]", 17, "must be consecutive years, such as [2025, 2026, 2027]: 2027 follows 2025 (2026 is missing)"),
        ("[2026, 2025, 2027]", 17,
         "must be consecutive years, such as [2025, 2026, 2027]: 2025 follows 2026 (they must be in ascending order, each once)"),
        ("[2025, 2025, 2026]", 17,
         "must be consecutive years, such as [2025, 2026, 2027]: 2025 follows 2025 (they must be in ascending order, each once)"),
        ("[]", 10, "must list at least one year, such as [2025, 2026, 2027]"),
        ("2025", 10, "must be a list of consecutive years, such as [2025, 2026, 2027], got '2025'"),
        ("[2025, next]", 17, "must hold years from 1900 to 2200, such as [2025, 2026, 2027], got 'next'"),
        ("[2025, 2026.5]", 17, "must hold years from 1900 to 2200, such as [2025, 2026, 2027], got '2026.5'"),
        ("[20250]", 11, "must hold years from 1900 to 2200, such as [2025, 2026, 2027], got '20250'"),
    ])
    func badYears(_ years: String, _ column: Int, _ message: String) {
        let s = HorizonFixture.yaml(replacing: "[2025, 2026, 2027]", with: years)
        expectOne(s.errors(), file: s.path("scenario.yaml"), line: 6, column: column, key: "horizon.years", message)
    }

    @Test func missingYears() {
        let s = HorizonFixture.yaml(replacing: "  years: [2025, 2026, 2027]\n", with: "")
        expectOne(s.errors(), file: s.path("scenario.yaml"), line: 5, column: 1, key: "horizon.years",
                  "missing: list the school years of the horizon, e.g. years: [2025, 2026, 2027]")
    }

    @Test func unknownKeyInTheHorizonSuggestsTheNearest() {
        let s = HorizonFixture.yaml(replacing: "  classes: classes.csv", with: "  clases: classes.csv")
        expectOne(s.errors(), file: s.path("scenario.yaml"), line: 7, column: 3, key: "horizon.clases",
                  "unknown key (did you mean 'classes'?); valid keys here: years, classes, staff, payroll_change, year_weights")
    }

    @Test func theHorizonIsAMap() {
        let s = HorizonFixture.scenario(["scenario.yaml": "name: Test\nschools: schools.csv\nstaff: staff.csv\nhorizon: [2025]\n"])
        expectOne(s.errors(), file: s.path("scenario.yaml"), line: 4, column: 10, key: "horizon",
                  "must be a map of keys (years, classes, staff, payroll_change, year_weights), not a list")
    }

    @Test(arguments: [
        ("{2031: -3}", 20, "horizon.payroll_change.2031", "2031 is not a year of the horizon (2025 to 2027)"),
        ("{next: -3}", 20, "horizon.payroll_change.next", "is not a year: name a school year by the year it begins, such as 2027"),
        ("{2027: 1.5}", 26, "horizon.payroll_change.2027",
         "must be a whole number (0 = budget-neutral, -120 = streamline by 120), got '1.5'"),
        ("{2027: -3, 02027: -1}", 30, "horizon.payroll_change.02027", "year 2027 is given twice"),
        ("-3", 19, "horizon.payroll_change", "must be a map of years to whole numbers, such as {2027: -20}, got '-3'"),
    ])
    func badPayrollChange(_ value: String, _ column: Int, _ key: String, _ message: String) {
        let s = HorizonFixture.yaml(replacing: "{2027: -3}", with: value)
        expectOne(s.errors(), file: s.path("scenario.yaml"), line: 9, column: column, key: key, message)
    }

    @Test(arguments: [
        ("{2024: 1}", 18, "horizon.year_weights.2024", "2024 is not a year of the horizon (2025 to 2027)"),
        ("{2025: -1}", 24, "horizon.year_weights.2025", "must be a number from 0 to 1000000, got -1"),
        ("{2025: heavy}", 24, "horizon.year_weights.2025", "must be a number from 0 to 1000000, got 'heavy'"),
        ("[1, 2]", 17, "horizon.year_weights", "must be a map of years to weights, such as {2025: 1.0}, got a list"),
    ])
    func badYearWeights(_ value: String, _ column: Int, _ key: String, _ message: String) {
        let s = HorizonFixture.yaml(replacing: "{2025: 2, 2026: 0.5}", with: value)
        expectOne(s.errors(), file: s.path("scenario.yaml"), line: 10, column: column, key: key, message)
    }

    @Test(arguments: [
        ("[a.csv]", "must be the path of a CSV file, got a list"),
        ("nope.csv", "file not found: {root}/nope.csv"),
    ])
    func badClassesPath(_ value: String, _ message: String) {
        let s = HorizonFixture.yaml(replacing: "classes: classes.csv", with: "classes: \(value)")
        expectOne(s.errors(), file: s.path("scenario.yaml"), line: 7, column: 12, key: "horizon.classes",
                  message.replacingOccurrences(of: "{root}", with: s.root))
    }

    @Test func missingStaffYearsFile() {
        let s = HorizonFixture.scenario(["staff-years.csv": nil])
        expectOne(s.errors(), file: s.path("scenario.yaml"), line: 8, column: 10, key: "horizon.staff",
                  "file not found: \(s.path("staff-years.csv"))")
    }

    // MARK: A payroll path below zero

    /// 23 teachers today: -30 from 2026 on leaves no payroll to reach.
    @Test func aListedYearBelowZero() {
        let s = HorizonFixture.yaml(replacing: "{2027: -3}", with: "{2026: -30, 2027: -3}")
        expectOne(s.errors(), file: s.path("scenario.yaml"), line: 9, column: 26, key: "horizon.payroll_change.2026",
                  "-30 would take the payroll below zero in 2026 (the scenario has 23 teachers)")
    }

    @Test func aListedFigureGoverningLaterYears() {
        let s = HorizonFixture.yaml(replacing: "{2027: -3}", with: "{2026: -24}")
        expectOne(s.errors(), file: s.path("scenario.yaml"), line: 9, column: 26, key: "horizon.payroll_change.2026",
                  "-24 would take the payroll below zero from 2026 to 2027 (the scenario has 23 teachers)")
    }

    /// Years before the first listed one take policy.payroll_change.
    @Test func policyPayrollChangeBeforeTheFirstListedYear() {
        let s = HorizonFixture.scenario([
            "scenario.yaml": HorizonFixture.yaml.replacingOccurrences(of: "{2027: -3}", with: "{2027: 0}")
                + "policy:\n  payroll_change: -24\n",
        ])
        expectOne(s.errors(), file: s.path("scenario.yaml"), line: 12, column: 19, key: "policy.payroll_change",
                  "-24 would take the payroll below zero from 2025 to 2026 (the scenario has 23 teachers)")
    }

    @Test func aPayrollOfExactlyZeroIsReachable() throws {
        let s = HorizonFixture.yaml(replacing: "{2027: -3}", with: "{2027: -23}")
        #expect(try s.load().horizon?.payrollChange == [2027: -23])
    }

    // MARK: classes.csv

    @Test(arguments: [
        ("S9,2026,11", 1, "unknown school id 'S9': not in schools.csv"),
        ("s1,2026,11", 1, "unknown school id 's1': not in schools.csv (did you mean 'S1'?)"),
        ("S1,2031,11", 4, "year 2031 is not a year of the horizon (2025 to 2027)"),
        ("S1,next,11", 4, "year must be a whole number, got 'next'"),
        ("S1,3000,11", 4, "year must be at most 2200, got 3000"),
        ("S1,2026,-1", 9, "classes must be 0 or more, got -1"),
        ("S1,2026,", 9, "classes is empty: expected a whole number"),
    ])
    func badClassesRow(_ row: String, _ column: Int, _ message: String) {
        let s = HorizonFixture.scenario(["classes.csv": "school_id,year,classes\n\(row)\n"])
        expectOne(s.errors(), file: s.path("classes.csv"), line: 2, column: column, message)
    }

    @Test func aSchoolAndYearTwice() {
        let s = HorizonFixture.scenario(["classes.csv": "school_id,year,classes\nS1,2026,11\nS2,2026,7\nS1,2026,12\n"])
        expectOne(s.errors(), file: s.path("classes.csv"), line: 4, column: 1,
                  "school 'S1' and year 2026 appear twice (first on line 2)")
    }

    @Test func classesNeedsItsColumns() {
        let s = HorizonFixture.scenario(["classes.csv": "school_id,yaer,classes\nS1,2026,11\n"])
        expectOne(s.errors(), file: s.path("classes.csv"), line: 1, column: 1,
                  "the header has no column 'year' (did you mean 'yaer'?); its columns are: school_id, yaer, classes")
    }

    // MARK: staff-years.csv

    @Test(arguments: [
        ("S9,primary,2026,1,", 1, "unknown school id 'S9': not in schools.csv"),
        ("S1,primary,2024,1,", 12, "year 2024 is not a year of the horizon (2025 to 2027)"),
        ("S1,primary,2026,-1,", 17, "leaving must be 0 or more, got -1"),
        ("S1,primary,2026,1.5,", 17, "leaving must be a whole number written with digits only, got '1.5'"),
        ("S1,primary,2026,,-2", 18, "required must be 0 or more, got -2"),
        ("S1,primary,2026,,many", 18, "required must be a number, got 'many'"),
        ("S1,,2026,1,", 4, "subject is empty"),
    ])
    func badStaffYearsRow(_ row: String, _ column: Int, _ message: String) {
        let s = HorizonFixture.scenario(["staff-years.csv": "school_id,subject,year,leaving,required\n\(row)\n"])
        expectOne(s.errors(), file: s.path("staff-years.csv"), line: 2, column: column, message)
    }

    @Test func aSchoolSubjectAndYearTwice() {
        let s = HorizonFixture.scenario([
            "staff-years.csv": "school_id,subject,year,leaving,required\nS1,primary,2026,1,\nS1,primary,2027,1,\nS1,primary,2026,,12\n",
        ])
        expectOne(s.errors(), file: s.path("staff-years.csv"), line: 4, column: 1,
                  "school 'S1', subject 'primary' and year 2026 appear twice (first on line 2)")
    }

    @Test func staffYearsNeedsLeavingOrRequired() {
        let s = HorizonFixture.scenario(["staff-years.csv": "school_id,subject,year,leavng\nS1,primary,2026,2\n"])
        expectOne(s.errors(), file: s.path("staff-years.csv"), line: 1, column: 1,
                  "the header has no column 'leaving' nor 'required': give at least one (did you mean 'leavng'?); its columns are: school_id, subject, year, leavng")
    }

    // MARK: Leavers over the horizon

    /// S1 has 12 teachers: staff.csv's 1 in 2025, then 6 and 6.
    @Test func moreLeaversThanTeachers() {
        let s = HorizonFixture.scenario([
            "staff-years.csv": "school_id,subject,year,leaving\nS1,primary,2026,6\nS2,primary,2026,1\nS1,primary,2027,6\n",
        ])
        let staff = s.path("staff.csv")
        expectOne(s.errors(), file: s.path("staff-years.csv"), line: 4, column: 17,
                  "school 'S1', subject 'primary': 13 teachers leave over the horizon (1 in 2025 on \(staff) line 2, "
                      + "6 in 2026 on line 2, 6 in 2027 on line 4), more than the 12 it has (\(staff) line 2)")
    }

    /// staff-years' own 2025 figure replaces staff.csv's 1: 2 + 10 leave, as many as S1 has.
    @Test func firstYearLeaversOfStaffYearsReplaceStaffCSVs() throws {
        let s = HorizonFixture.scenario([
            "staff-years.csv": "school_id,subject,year,leaving\nS1,primary,2026,10\nS1,primary,2025,2\n",
        ])
        #expect(try s.load().inYear(2025).staff[0].leaving == 2)
        let over = HorizonFixture.scenario([
            "staff-years.csv": "school_id,subject,year,leaving\nS1,primary,2026,10\nS1,primary,2025,3\n",
        ])
        expectOne(over.errors(), file: over.path("staff-years.csv"), line: 3, column: 17,
                  "school 'S1', subject 'primary': 13 teachers leave over the horizon (3 in 2025 on line 3, "
                      + "10 in 2026 on line 2), more than the 12 it has (\(over.path("staff.csv")) line 2)")
    }

    @Test func leaversOfAPairStaffCSVDoesNotList() {
        let s = HorizonFixture.scenario(["staff-years.csv": "school_id,subject,year,leaving\nS3,english,2026,1\n"])
        expectOne(s.errors(), file: s.path("staff-years.csv"), line: 2, column: 17,
                  "school 'S3', subject 'english': 1 teacher leaves over the horizon (1 in 2026 on line 2), "
                      + "more than the 0 it has (\(s.path("staff.csv")) has no row for it)")
    }

    // MARK: All at once

    /// Problems of scenario.yaml and of every file come together, as for the other files.
    @Test func everyProblemAtOnce() {
        let s = HorizonFixture.scenario([
            "scenario.yaml": HorizonFixture.yaml.replacingOccurrences(of: "{2027: -3}", with: "{2031: -3}"),
            "classes.csv": "school_id,year,classes\nS9,2026,11\n",
            "staff-years.csv": "school_id,subject,year,leaving\nS1,primary,2024,1\n",
            "retraining.csv": "from_level,from_subject,to_level,to_subject,cost\nprimary,primary,primary,english,-1\n",
        ])
        #expect(s.errors().map(\.description) == [
            "\(s.path("scenario.yaml")):9:20: horizon.payroll_change.2031: 2031 is not a year of the horizon (2025 to 2027)",
            "\(s.path("retraining.csv")):2:33: cost must be 0 or more, got -1",
            "\(s.path("classes.csv")):2:1: unknown school id 'S9': not in schools.csv",
            "\(s.path("staff-years.csv")):2:12: year 2024 is not a year of the horizon (2025 to 2027)",
        ])
    }
}
