import Foundation
import Testing
@testable import ScenarioIO
import RedeployDomain

/// A valid scenario with a horizon and retraining rows loads to exactly the values its files
/// hold, through `extends` too; a scenario without these keys loads as it did before them.
@Suite("Reading a horizon and retraining")
struct HorizonLoadingTests {
    static let expectedHorizon = Horizon(
        years: [2025, 2026, 2027],
        classes: [ClassesRow(schoolID: "S1", year: 2026, classes: 11), ClassesRow(schoolID: "S2", year: 2027, classes: 7)],
        staffYears: [StaffYearRow(schoolID: "S1", subject: "primary", year: 2026, leaving: 2),
                     StaffYearRow(schoolID: "S3", subject: "math", year: 2027, required: 4.5),
                     StaffYearRow(schoolID: "S2", subject: "english", year: 2026, required: 1)],
        payrollChange: [2027: -3], yearWeights: [2025: 2, 2026: 0.5])
    static let expectedRetraining = [
        RetrainingRow(fromLevel: "primary", fromSubject: "primary", toLevel: "lower_secondary", toSubject: "math",
                      cost: 2.5, delay: 1),
        RetrainingRow(fromLevel: "primary", fromSubject: "primary", toLevel: "primary", toSubject: "english", cost: 1, delay: 0),
    ]
    static let expectedSchools = [
        School(id: "S1", area: "X", level: "primary", classes: 10),
        School(id: "S2", area: "X", level: "primary", classes: 8, priority: 2),
        School(id: "S3", area: "Y", level: "lower_secondary", classes: 12),
    ]
    static let expectedStaff = [
        StaffRow(schoolID: "S1", subject: "primary", teachers: 12, leaving: 1, required: 11),
        StaffRow(schoolID: "S2", subject: "primary", teachers: 7, leaving: 0, required: 8.8),
        StaffRow(schoolID: "S3", subject: "math", teachers: 4, leaving: 0, required: 3),
    ]

    @Test func theFixtureLoadsToTheExactValues() throws {
        let scenario = try HorizonFixture.scenario().load()
        var expected = Scenario(name: "Test", schools: Self.expectedSchools, staff: Self.expectedStaff)
        expected.horizon = Self.expectedHorizon
        expected.retraining = Self.expectedRetraining
        #expect(scenario == expected)
    }

    /// Without retraining and horizon, the same files give the scenario of sections 1 to 4.
    @Test func withoutTheNewKeysNothingChanges() throws {
        let s = HorizonFixture.scenario(["scenario.yaml": "name: Test\nschools: schools.csv\nstaff: staff.csv\n"])
        let scenario = try s.load()
        #expect(scenario == Scenario(name: "Test", schools: Self.expectedSchools, staff: Self.expectedStaff))
        #expect(scenario.horizon == nil)
        #expect(scenario.retraining.isEmpty)
        var warnings: [Diagnostic] = []
        _ = try ScenarioLoader.load(s.root, warnings: &warnings)
        #expect(warnings.isEmpty)
    }

    @Test(arguments: Examples.all)
    func conformanceExamplesHaveNeither(_ name: String) throws {
        let scenario = try ScenarioLoader.load(Examples.path(name))
        #expect(scenario.horizon == nil)
        #expect(scenario.retraining.isEmpty)
    }

    /// docs/MODEL.md section 5: retraining works in a scenario of one year.
    @Test func retrainingWithoutAHorizon() throws {
        let scenario = try HorizonFixture.scenario(["scenario.yaml": HorizonFixture.yamlWithoutHorizon]).load()
        #expect(scenario.horizon == nil)
        #expect(scenario.retraining == Self.expectedRetraining)
    }

    /// A horizon may hold only its years: every year is then as today.
    @Test func aHorizonOfYearsOnly() throws {
        let yaml = "name: Test\nschools: schools.csv\nstaff: staff.csv\nhorizon:\n  years: [2030]\n"
        let scenario = try HorizonFixture.scenario(["scenario.yaml": yaml]).load()
        #expect(scenario.horizon == Horizon(years: [2030]))
        #expect(scenario.retraining.isEmpty)
    }

    @Test func aRetrainingFileWithOnlyItsHeaderHasNoRows() throws {
        let scenario = try HorizonFixture.scenario([
            "retraining.csv": "from_level,from_subject,to_level,to_subject,cost\n",
        ]).load()
        #expect(scenario.retraining.isEmpty)
    }

    /// Empty cells of staff-years.csv are absent figures, not zeros; the leaving and required
    /// columns may each be left out.
    @Test func staffYearsWithOneOfItsFigureColumns() throws {
        let scenario = try HorizonFixture.scenario([
            "staff-years.csv": "school_id,subject,year,required\nS1,primary,2027,12.5\nS1,primary,2026,\n",
        ]).load()
        #expect(scenario.horizon?.staffYears == [
            StaffYearRow(schoolID: "S1", subject: "primary", year: 2027, required: 12.5),
            StaffYearRow(schoolID: "S1", subject: "primary", year: 2026),
        ])
    }

    /// `extends` merges horizon key by key, and its year maps year by year, as policy and
    /// costs; its files stay relative to the file that names them; a list replaces.
    @Test func extendsMergesTheHorizon() throws {
        var files = HorizonFixture.files.mapKeys { "base/" + $0 }
        files["base/scenario.yaml"] = HorizonFixture.yaml.replacingOccurrences(
            of: "{2027: -3}", with: "{2026: -1, 2027: -3}")
        files["child/scenario.yaml"] = """
            extends: ../base/scenario.yaml
            horizon:
              years: [2025, 2026, 2027, 2028]
              payroll_change: {2027: -2}
              year_weights: {2028: 3}

            """
        let scenario = try TempScenario(files, base: false).load("child/scenario.yaml")
        var expected = Self.expectedHorizon
        expected.years = [2025, 2026, 2027, 2028]
        expected.payrollChange = [2026: -1, 2027: -2]
        expected.yearWeights = [2025: 2, 2026: 0.5, 2028: 3]
        #expect(scenario.horizon == expected)
        #expect(scenario.retraining == Self.expectedRetraining)
    }

    /// `horizon: null` in a file that extends another makes the scenario one year again, and
    /// a year map set to null drops every year the parent listed.
    @Test func nullReplacesAnInheritedHorizonOrYearMap() throws {
        var files = HorizonFixture.files.mapKeys { "base/" + $0 }
        files["one-year/scenario.yaml"] = "extends: ../base/scenario.yaml\nhorizon: null\n"
        files["no-weights/scenario.yaml"] = "extends: ../base/scenario.yaml\nhorizon:\n  year_weights: null\n"
        let s = TempScenario(files, base: false)
        #expect(try s.load("one-year/scenario.yaml").horizon == nil)
        var expected = Self.expectedHorizon
        expected.yearWeights = [:]
        #expect(try s.load("no-weights/scenario.yaml").horizon == expected)
    }

    /// A year key may be written with a sign or leading zeros, as any whole number of scenario.yaml.
    @Test func yearKeysAreWholeNumbers() throws {
        let scenario = try HorizonFixture.yaml(replacing: "{2027: -3}", with: "{\"+2027\": -3, 02026: 1}").load()
        #expect(scenario.horizon?.payrollChange == [2026: 1, 2027: -3])
    }
}

fileprivate extension Dictionary {
    func mapKeys(_ transform: (Key) -> Key) -> [Key: Value] {
        Dictionary(uniqueKeysWithValues: map { (transform($0.key), $0.value) })
    }
}
