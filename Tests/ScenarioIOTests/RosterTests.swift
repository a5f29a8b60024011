import Foundation
import Testing
@testable import ScenarioIO
import RedeployDomain

/// roster.csv (docs/MODEL.md section 7): read to exact values, and each invalid input refused
/// with its exact message at the cell to change, with no personal data in any message.
@Suite("Reading and checking a roster")
struct RosterTests {
    @Test func aValidRosterLoadsToExactValues() throws {
        let scenario = try RosterFixture.scenario().load()
        #expect(scenario.roster == [
            RosterRow(teacherID: "T1", schoolID: "S1", subject: "primary", points: 12.5, volunteer: true,
                      birthDate: CalendarDate(year: 1970, month: 5, day: 31), sex: .female,
                      homeLatitude: 21.01, homeLongitude: 107.02),
            RosterRow(teacherID: "T2", schoolID: "S1", subject: "primary", exemptReason: "illness", leavingYear: 2025),
            RosterRow(teacherID: "T3", schoolID: "S1", subject: "primary", points: 3, mustMove: true),
            RosterRow(teacherID: "T4", schoolID: "S2", subject: "primary",
                      birthDate: CalendarDate(year: 1980, month: 2, day: 29), sex: .male),
            RosterRow(teacherID: "T5", schoolID: "S2", subject: "primary", points: 7, volunteer: true),
        ])
        #expect(scenario.staff == [
            StaffRow(schoolID: "S1", subject: "primary", teachers: 3, leaving: 1, required: 3),
            StaffRow(schoolID: "S2", subject: "primary", teachers: 2, leaving: 0, required: 2),
        ])
    }

    @Test func aScenarioWithoutARosterIsUnchanged() throws {
        var files = RosterFixture.files
        files["roster.csv"] = nil
        files["scenario.yaml"] = "name: Test\nschools: schools.csv\nstaff: staff.csv\n"
        let scenario = try TempScenario(files, base: false).load()
        #expect(scenario.roster.isEmpty)
        #expect(RosterFigures(scenario) == nil)
        let summary = ScenarioSummary(Instance(scenario), scenario: scenario)
        for format in SummaryFormat.allCases {
            #expect(summary.render(format, roster: RosterFigures(scenario)) == summary.render(format))
        }
    }

    @Test func emptyLeavingInStaffIsCountedFromTheRoster() throws {
        let s = RosterFixture.staff(replacing: "S1,primary,3,1,3", with: "S1,primary,3,,3")
        #expect(try s.load().staff.map(\.leaving) == [1, 0])
        let noColumn = RosterFixture.scenario(["staff.csv": "school_id,subject,teachers,required\nS1,primary,3,3\nS2,primary,2,2\n"])
        #expect(try noColumn.load().staff.map(\.leaving) == [1, 0])
    }

    @Test func theRosterIsFoundBesideTheFileThatNamesIt() throws {
        var files: [String: String?] = [:]
        for (name, text) in RosterFixture.files { files["base/" + name] = text }
        files["scenario.yaml"] = "extends: base/scenario.yaml\nname: Child\n"
        let scenario = try TempScenario(files, base: false).load()
        #expect(scenario.roster.map(\.teacherID) == ["T1", "T2", "T3", "T4", "T5"])
    }

    /// With a horizon, a teacher leaves at the start of their leaving_year: staff.csv's leaving is
    /// the first year's, and a later year's leavers go into that year's staff-years figures.
    @Test func withAHorizonLeaversAreCountedPerYear() throws {
        let s = RosterFixture.scenario([
            "scenario.yaml": RosterFixture.yaml + "horizon:\n  years: [2025, 2026, 2027]\n",
            "roster.csv": RosterFixture.roster.replacingOccurrences(of: "T5,S2,primary,7,TRUE,,FALSE,,", with: "T5,S2,primary,7,TRUE,,FALSE,2026,"),
        ])
        let scenario = try s.load()
        #expect(scenario.staff.map(\.leaving) == [1, 0])
        #expect(scenario.horizon?.staffYears == [StaffYearRow(schoolID: "S2", subject: "primary", year: 2026, leaving: 1)])
        #expect(scenario.inYear(2026).staff.map(\.leaving) == [0, 1])
    }

    @Test func aHorizonsLeaversDisagreeingWithTheRosterAreRefused() {
        let s = RosterFixture.scenario([
            "scenario.yaml": RosterFixture.yaml + "horizon:\n  years: [2025, 2026]\n  staff: staff-years.csv\n",
            "staff-years.csv": "school_id,subject,year,leaving\nS2,primary,2026,1\n",
        ])
        expectOne(s.errors(), file: s.path("staff-years.csv"), line: 2, column: 17,
                  "leaving is 1 but \(s.path("roster.csv")) lists 0 with leaving_year 2026 for school 'S2', subject 'primary'")
    }

    // MARK: Bad input, one at a time

    @Test(arguments: [
        ("T3,S1,primary,3", "T1,S1,primary,3", 4, 1, "duplicate teacher id 'T1' (first on line 2)"),
        ("T3,S1,primary,3", "T3,S9,primary,3", 4, 4, "unknown school id 'S9': not in schools.csv"),
        ("T3,S1,primary,3", "T3,S1,primery,3", 4, 7,
         "unknown subject 'primery': no row of staff.csv has it (did you mean 'primary'?)"),
        ("T2,S1,primary,,,illness,,2025", "T2,S1,primary,,,illness,true,", 3, 25,
         "must_move is true for an exempt teacher: an exempt teacher is never moved; clear one of them"),
        ("T3,S1,primary,3,false,,true,", "T3,S1,primary,3,false,,true,2026", 4, 24,
         "must_move is true for a teacher with a leaving_year: a teacher who leaves is not moved; clear one of them"),
        ("1980-02-29", "1981-02-29", 5, 21,
         "birth_date is not a date: write it YYYY-MM-DD, such as 1975-09-30, a real day from year 1900 to 2200"),
        ("1980-02-29", "29/02/1980", 5, 21,
         "birth_date is not a date: write it YYYY-MM-DD, such as 1975-09-30, a real day from year 1900 to 2200"),
        ("1980-02-29,male", "1980-02-29,", 5, 32, "birth_date is given without sex: give both or neither"),
        ("1980-02-29,male", "1980-02-29,nam", 5, 32, "sex must be male or female"),
        ("T3,S1,primary,3,", "T3,S1,primary,-3,", 4, 15,
         "points must be a number from 0 to 1000000 (a dot for decimals), or empty for 0"),
        ("T5,S2,primary,7,TRUE", "T5,S2,primary,7,yes", 6, 17, "volunteer must be true or false, or empty for false"),
        ("T3,S1,primary,3,false,,true,,,,,", "T3,S1,primary,3,false,,true,,,,21.5,", 4, 37,
         "home_lat is given without home_lon: give both or neither"),
        ("21.01,107.02", "91,107.02", 2, 46, "home_lat must be a latitude from -90 to 90 (a dot for decimals)"),
        ("2025", "next", 3, 26, "leaving_year must be a year from 1900 to 2200, or empty"),
    ])
    func aBadCellIsRefusedWhereItIs(_ old: String, _ new: String, _ line: Int, _ column: Int, _ message: String) {
        let s = RosterFixture.roster(replacing: old, with: new)
        expectOne(s.errors(), file: s.path("roster.csv"), line: line, column: column, message)
    }

    @Test func aLeavingYearBeforeTheHorizonIsRefused() {
        let s = RosterFixture.scenario(["scenario.yaml": RosterFixture.yaml + "horizon:\n  years: [2026, 2027]\n"])
        expectOne(s.errors(), file: s.path("roster.csv"), line: 3, column: 26,
                  "leaving_year is before the horizon (2026 to 2027): a teacher who has left is no row of the roster; "
                      + "remove the row or correct the year")
    }

    @Test func teachersDisagreeingWithTheRosterAreRefusedNamingBothFiles() {
        let s = RosterFixture.staff(replacing: "S1,primary,3,1,3", with: "S1,primary,4,1,3")
        expectOne(s.errors(), file: s.path("staff.csv"), line: 2, column: 12,
                  "teachers is 4 but \(s.path("roster.csv")) lists 3 for school 'S1', subject 'primary' (lines 2, 3 and 4)")
    }

    @Test func leaversDisagreeingWithTheRosterAreRefused() {
        let s = RosterFixture.staff(replacing: "S2,primary,2,,2", with: "S2,primary,2,1,2")
        expectOne(s.errors(), file: s.path("staff.csv"), line: 3, column: 14,
                  "leaving is 1 but \(s.path("roster.csv")) lists 0 with a leaving_year for school 'S2', subject 'primary'")
    }

    @Test func aRosterPairStaffDoesNotListIsRefusedAtItsFirstRow() {
        let s = RosterFixture.scenario(["staff.csv": "school_id,subject,teachers,leaving,required\nS1,primary,3,1,3\nS2,math,0,,2\n",
                                        "roster.csv": RosterFixture.roster.replacingOccurrences(of: "S2,primary", with: "S2,math")
                                            .replacingOccurrences(of: "T3,S1,primary", with: "T3,S2,primary")])
        let errors = s.errors()
        #expect(errors.map(\.description) == [
            "\(s.path("staff.csv")):2:12: teachers is 3 but \(s.path("roster.csv")) lists 2 for school 'S1', subject 'primary' (lines 2 and 3)",
            "\(s.path("staff.csv")):3:9: teachers is 0 but \(s.path("roster.csv")) lists 2 for school 'S2', subject 'math' (lines 5 and 6)",
            "\(s.path("roster.csv")):4:4: school 'S2', subject 'primary' has 1 teacher here (line 4) and no row in "
                + "\(s.path("staff.csv")): add one with teachers 1",
        ])
    }

    @Test func aRosterCannotGoWithSharing() {
        let s = RosterFixture.scenario(["scenario.yaml": RosterFixture.yaml + "policy:\n  sharing: true\n"])
        expectOne(s.errors(), file: s.path("scenario.yaml"), line: 4, column: 9, key: "roster",
                  "a roster lists whole teachers and cannot be used with policy.sharing: true; remove one of them")
    }

    @Test func aMissingRosterIsReportedWhereItIsNamed() {
        let s = RosterFixture.scenario(["roster.csv": nil])
        expectOne(s.errors(), file: s.path("scenario.yaml"), line: 4, column: 9, key: "roster",
                  "file not found: \(s.path("roster.csv"))")
    }

    // MARK: Several at once, and privacy

    @Test func everyProblemIsReportedAtOnce() {
        let roster = """
            teacher_id,school_id,subject,points,volunteer,exempt,must_move,leaving_year,birth_date,sex
            T1,S1,primary,,,,,,1970-13-01,female
            T1,S9,primary,,,,,,,
            T3,S1,primary,,,sick,true,,,
            T4,S2,primary,,,,,,,

            """
        let s = RosterFixture.scenario(["roster.csv": roster])
        #expect(s.errors().map { "\($0.line!):\($0.column!): \($0.message)" } == [
            "2:20: birth_date is not a date: write it YYYY-MM-DD, such as 1975-09-30, a real day from year 1900 to 2200",
            "3:1: duplicate teacher id 'T1' (first on line 2)",
            "3:4: unknown school id 'S9': not in schools.csv",
            "4:22: must_move is true for an exempt teacher: an exempt teacher is never moved; clear one of them",
        ])
    }

    @Test func noMessageRepeatsPersonalData() {
        let secrets = ["Nguyễn Thị Secret", "1969-02-30", "19.5x", "depression", "-4.25", "105.999x", "femme", "maybe", "2101x"]
        let roster = """
            teacher_id,school_id,subject,points,volunteer,exempt,must_move,leaving_year,birth_date,sex,home_lat,home_lon,name
            T1,S1,primary,19.5x,maybe,depression,true,2101x,1969-02-30,femme,-4.25,105.999x,Nguyễn Thị Secret
            T2,S1,primary,-4.25,,,,,,,,,Nguyễn Thị Secret
            T3,S1,primary,,,,,,1969-02-30,,,,Nguyễn Thị Secret

            """
        let s = RosterFixture.scenario(["roster.csv": roster])
        let errors = s.errors()
        #expect(errors.count >= 8)
        for d in errors {
            for secret in secrets {
                #expect(!d.description.contains(secret), "\(d.description) repeats \(secret)")
            }
        }
    }

    // MARK: check

    @Test func checkSaysHowManyTeachersTheRosterNamesAndNothingPersonal() throws {
        let scenario = try RosterFixture.scenario().load()
        let figures = try #require(RosterFigures(scenario))
        #expect(figures.line == "Roster: 5 named teachers, 1 exempt, 1 must_move, 2 volunteers, 1 leaving during the plan\n")
        let text = ScenarioSummary(Instance(scenario), scenario: scenario).render(.table, roster: figures)
        #expect(text.hasPrefix("Scenario: Test\n2 schools, 1 subjects, 2 (school, subject) pairs\n" + figures.line + "\n"))
        for personal in ["T1", "illness", "1970", "21.01", "12.5", "Nguyễn"] {
            #expect(!text.contains(personal))
        }
    }
}
