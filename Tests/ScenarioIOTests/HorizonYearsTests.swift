import Foundation
import Testing
@testable import ScenarioIO
import RedeployDomain

/// Each year's figures as docs/MODEL.md section 6 resolves them (`Scenario.inYear`), and the
/// lines `redeploy check` prints for them; every figure worked out by hand from the fixture.
@Suite("The years of a horizon")
struct HorizonYearsTests {
    private func fixture() throws -> Scenario { try HorizonFixture.scenario().load() }

    @Test func payrollChangeOfAYear() {
        let horizon = Horizon(years: [2025, 2026, 2027, 2028], payrollChange: [2026: -2, 2028: -5])
        #expect(horizon.payrollChange(in: 2025, policy: 1) == 1)  // before any listed year: the policy
        #expect(horizon.payrollChange(in: 2026, policy: 1) == -2)
        #expect(horizon.payrollChange(in: 2027, policy: 1) == -2)  // the latest earlier listed
        #expect(horizon.payrollChange(in: 2028, policy: 1) == -5)
    }

    @Test func classesAndWeightsOfAYear() {
        let horizon = Horizon(years: [2025, 2026, 2027],
                              classes: [ClassesRow(schoolID: "A", year: 2027, classes: 3),
                                        ClassesRow(schoolID: "A", year: 2026, classes: 2)],
                              yearWeights: [2026: 0])
        #expect(horizon.classes(in: 2025) == [:])
        #expect(horizon.classes(in: 2026) == ["A": 2])
        #expect(horizon.classes(in: 2027) == ["A": 3])
        #expect(horizon.weight(of: 2025) == 1)
        #expect(horizon.weight(of: 2026) == 0)
    }

    /// The first year: schools.csv's classes, staff.csv's leavers, policy.payroll_change.
    @Test func theFirstYearIsToday() throws {
        let year = try fixture().inYear(2025)
        #expect(year.horizon == nil)
        #expect(year.schools.map(\.classes) == [10, 8, 12])
        #expect(year.staff == HorizonLoadingTests.expectedStaff)
        #expect(year.policy.payrollChange == 0)
    }

    /// 2026: S1 has 11 classes and 2 leavers (staff.csv's 1 belongs to 2025); S2 needs 1 English
    /// teacher, a pair staff.csv does not list.
    @Test func theSecondYear() throws {
        let year = try fixture().inYear(2026)
        #expect(year.schools.map(\.classes) == [11, 8, 12])
        #expect(year.staff == [
            StaffRow(schoolID: "S1", subject: "primary", teachers: 12, leaving: 2, required: 11),
            StaffRow(schoolID: "S2", subject: "primary", teachers: 7, leaving: 0, required: 8.8),
            StaffRow(schoolID: "S3", subject: "math", teachers: 4, leaving: 0, required: 3),
            StaffRow(schoolID: "S2", subject: "english", teachers: 0, leaving: 0, required: 1),
        ])
        #expect(year.policy.payrollChange == 0)
    }

    /// 2027: S1 keeps 2026's classes, S2 has 7; S3 needs 4.5 maths teachers; the payroll may
    /// shrink by 3.
    @Test func theThirdYear() throws {
        let year = try fixture().inYear(2027)
        #expect(year.schools.map(\.classes) == [11, 7, 12])
        #expect(year.staff.map(\.leaving) == [0, 0, 0])
        #expect(year.staff.map(\.required) == [11, 8.8, 4.5])
        #expect(year.policy.payrollChange == -3)
    }

    /// staff-years' own first-year leavers replace staff.csv's; a row with an empty leaving
    /// cell gives none, and staff.csv's still count.
    @Test func firstYearLeaversFromStaffYears() throws {
        let given = try HorizonFixture.scenario([
            "staff-years.csv": "school_id,subject,year,leaving,required\nS1,primary,2025,3,\nS2,primary,2025,,9\n",
        ]).load().inYear(2025)
        #expect(given.staff.map(\.leaving) == [3, 0, 0])
        #expect(given.staff.map(\.required) == [11, 9, 3])
    }

    /// With norms, a year's requirement follows its classes.
    @Test func normsFollowTheClassesOfTheYear() throws {
        let scenario = try HorizonFixture.scenario([
            "scenario.yaml": HorizonFixture.yaml + "norms: norms.csv\n",
            "staff.csv": "school_id,subject,teachers\nS1,primary,12\nS2,primary,7\nS3,math,4\n",
            "norms.csv": "level,subject,per_class\nprimary,primary,1.2\nlower_secondary,math,0.25\n",
            "staff-years.csv": "school_id,subject,year,required\nS3,math,2027,4.5\n",
        ]).load()
        let required = { (year: Int) in Instance(scenario.inYear(year)).pairs.map(\.required) }
        #expect(required(2025) == [12, 8 * 1.2, 3])
        #expect(required(2026) == [11 * 1.2, 8 * 1.2, 3])
        #expect(required(2027) == [11 * 1.2, 7 * 1.2, 4.5])
    }

    @Test func aScenarioOfOneYearIsItsOwnYear() throws {
        let scenario = try TempScenario().load()
        #expect(scenario.inYear(2025) == scenario)
    }

    // MARK: check

    /// Weighted shortage when nothing is done (S2 weighs 2):
    /// 2025: S1 11 - 11 = 0, S2 2 x (8.8 - 7) = 3.6, S3 0: 3.6;
    /// 2026: S1 11 - 9 = 2, S2 3.6, English 2 x 1 = 2: 7.6;
    /// 2027: S1 2, S2 3.6, S3 4.5 - 4 = 0.5: 6.1. Over the horizon: 2 x 3.6 + 0.5 x 7.6 + 6.1 = 17.1.
    @Test func theSummaryHasALinePerYear() throws {
        let scenario = try fixture()
        let summary = ScenarioSummary(Instance(scenario), scenario: scenario)
        typealias Year = ScenarioSummary.Year
        let years = summary.years
        #expect(years.map(\.year) == [2025, 2026, 2027])
        #expect(years.map(\.classes) == [30, 31, 30])
        #expect(years.map(\.leaving) == [1, 2, 0])
        #expect(years.map(\.staying) == [22, 20, 20])
        #expect(years.map(\.payrollChange) == [0, 0, -3])
        #expect(years.map(\.payrollCap) == [23, 23, 20])
        #expect(years.map(\.weight) == [2, 0.5, 1])
        for (year, required) in zip(years, [22.8, 23.8, 24.3]) { #expect(abs(year.required - required) < 1e-9) }
        for (year, w) in zip(years, [3.6, 7.6, 6.1]) { #expect(abs(year.weightedShortage - w) < 1e-9) }
        #expect(abs((summary.horizonWeightedShortageBefore ?? 0) - 17.1) < 1e-9)
    }

    @Test func checkPrintsTheYearsAfterTodaysSummary() throws {
        let scenario = try fixture()
        let text = ScenarioSummary(Instance(scenario), scenario: scenario).render(.table)
        let today = ScenarioSummary(Instance(scenario)).render(.table)
        #expect(text.hasPrefix(today))
        #expect(String(text.dropFirst(today.count)) == """

            By year, if nothing is done (staying = teachers now - leavers so far; payroll cap = teachers now + payroll_change)
            year  classes  required  leaving  staying  payroll_change  payroll cap  weight  weighted
            2025       30     22.80        1       22               0           23    2.00      3.60
            2026       31     23.80        2       20               0           23    0.50      7.60
            2027       30     24.30        0       20              -3           20    1.00      6.10
            Weighted shortage over the horizon if nothing is done (sum of weight x weighted): 17.1

            """)
    }

    @Test func csvAndJSONGainTheYears() throws {
        let scenario = try fixture()
        let summary = ScenarioSummary(Instance(scenario), scenario: scenario)
        let csv = summary.render(.csv).split(separator: "\n").map(String.init)
        #expect(csv.first?.hasSuffix(",warning,year,year_weight") == true)
        // The weighted shortages are sums of doubles (3.6000000000000014): written round-trip.
        let w = summary.years.map { NumberText.format($0.weightedShortage) }
        #expect(csv.filter { $0.hasPrefix("year,") } == [
            "year,,,,3,30,23,1,22,22.8,,,\(w[0]),0,,,2025,2",
            "year,,,,3,31,23,2,20,23.8,,,\(w[1]),0,,,2026,0.5",
            "year,,,,3,30,23,0,20,24.3,,,\(w[2]),-3,,,2027,1",
        ])
        #expect(csv.last?.hasPrefix("total,") == true)
        let json = try #require(JSONSerialization.jsonObject(with: Data(summary.render(.json).utf8)) as? [String: Any])
        let horizon = try #require(json["horizon"] as? [String: Any])
        let years = try #require(horizon["years"] as? [[String: Any]])
        #expect(years.map { $0["year"] as? Int } == [2025, 2026, 2027])
        #expect(years.map { $0["payroll_cap"] as? Int } == [23, 23, 20])
    }

    /// Without a horizon (retraining rows or not), each format is what it was.
    @Test(arguments: SummaryFormat.allCases)
    func oneYearSummaryIsUnchanged(_ format: SummaryFormat) throws {
        let scenario = try HorizonFixture.scenario(["scenario.yaml": HorizonFixture.yamlWithoutHorizon]).load()
        let instance = Instance(scenario)
        #expect(ScenarioSummary(instance, scenario: scenario).years.isEmpty)
        #expect(ScenarioSummary(instance, scenario: scenario).render(format) == ScenarioSummary(instance).render(format))
    }
}
