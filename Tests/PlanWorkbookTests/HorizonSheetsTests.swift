import Foundation
@testable import PlanWorkbook
import RedeployDomain
import ScenarioIO
import Testing

/// A horizon of two years with retraining: the year and to_subject columns, the Years sheet,
/// and retraining counted at both ends in By school.
@Suite("Plan workbook of a horizon")
struct HorizonSheetsTests {
    static func scenario() -> Scenario {
        var scenario = Fixture.scenario
        scenario.horizon = Horizon(years: [2026, 2027])
        scenario.retraining = [RetrainingRow(fromLevel: "preschool", fromSubject: "english", toLevel: "preschool",
                                             toSubject: "preschool", cost: 3)]
        return scenario
    }

    static let plan = Plan(actions: [
        Plan.Action(kind: .transfer, from: "CP-MN01", to: "HL-MN01", subject: "preschool", teachers: 3, km: 30.5, year: 2026),
        Plan.Action(kind: .retrain, from: "CP-MN01", to: "CP-MN01", subject: "english", teachers: 1, year: 2027,
                    toSubject: "preschool"),
    ])

    static func sheets() throws -> PlanSheets {
        let instance = HorizonInstance(scenario())
        let check = HorizonPlanChecker.check(plan, against: instance)
        try #require(check.isValid, "\(check.violations)")
        let output = HorizonPlanOutput(scenarioName: "h", status: "feasible", plan: plan, report: check,
                                       before: HorizonPlanChecker.check(Plan(), against: instance), mipGap: nil)
        return PlanSheets(PlanView(instance: instance, output: output))
    }

    @Test func yearAndToSubjectFollowPlanColumns() throws {
        let sheets = try Self.sheets()
        #expect(sheets.contractColumns == ["action", "from_school", "to_school", "subject", "teachers", "km", "to_subject", "year"])
        let transfers = sheets.transfers()
        #expect(transfers.rows.count == 2)
        #expect(Array(transfers.rows[1].prefix(8)) == [.text("retrain"), .text("CP-MN01"), .text("CP-MN01"), .text("english"),
                                                       .number(1), .empty, .text("preschool"), .count(2027)])
        // Retraining within a school: its commune signs it.
        #expect(transfers.rows[1].last == .text("commune"))
        #expect(sheets.all().map(\.name) == ["Summary", "Years", "Transfers", "Hires and releases", "Schools", "By school", "By area"])
    }

    @Test func yearsAndSchoolsHaveARowPerYear() throws {
        let sheets = try Self.sheets()
        let years = sheets.years()
        #expect(years.rows.map { $0[0] } == [.count(2026), .count(2027)])
        #expect(years.rows.map { $0[5] } == [.number(3), .number(0)])  // transfers
        #expect(years.rows.map { $0[8] } == [.number(0), .number(1)])  // retrained
        let schools = sheets.schools()
        #expect(schools.columns[5].heading == "year")
        #expect(schools.rows.count == 2 * sheets.view.pairs.count)
        #expect(sheets.summary().rows.contains { $0[2] == .text("retrained") && $0[1] == .number(1) })
        #expect(sheets.byArea().totalRows == 2)
    }

    @Test func bySchoolCountsRetrainingAtBothEnds() throws {
        let rows = try Self.sheets().bySchool().rows.map { row in
            [row[0], row[4], row[5]] + Array(row[6...])
        }
        #expect(rows == [
            [.text("CP-MN01"), .count(2026), .text("preschool"), .number(3), .number(0), .number(0), .number(0), .number(0), .number(0), .number(-3)],
            [.text("CP-MN01"), .count(2027), .text("english"), .number(0), .number(0), .number(0), .number(0), .number(1), .number(0), .number(-1)],
            [.text("CP-MN01"), .count(2027), .text("preschool"), .number(0), .number(0), .number(0), .number(0), .number(0), .number(1), .number(1)],
            [.text("HL-MN01"), .count(2026), .text("preschool"), .number(0), .number(3), .number(0), .number(0), .number(0), .number(0), .number(3)],
        ])
    }
}
