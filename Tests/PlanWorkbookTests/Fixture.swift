import Foundation
import PlanWorkbook
import RedeployDomain
import ScenarioIO

/// A small province written by hand, with a plan made by hand (no planner): Vietnamese names,
/// a name that starts like a formula, two schools of one area in different communes, a school
/// that only sends, fractional norms, a hire and a release.
enum Fixture {
    static let formulaName = "=HYPERLINK(\"x\")"

    static let scenario = Scenario(
        name: "Tỉnh thử nghiệm",
        schools: [
            School(id: "HL-MN01", name: "Trường Mầm non Hoa Sen Hạ Long", area: "Hạ Long", level: "preschool", classes: 10,
                   latitude: 20.95, longitude: 107.06, commune: "Hồng Gai"),
            School(id: "HL-MN02", name: formulaName, area: "Hạ Long", level: "preschool", classes: 8,
                   latitude: 20.93, longitude: 107.03, commune: "Hồng Gai"),
            School(id: "HL-MN03", name: "Trường Mầm non Bãi Cháy", area: "Hạ Long", level: "preschool", classes: 8,
                   latitude: 20.96, longitude: 107.0, commune: "Bãi Cháy"),
            School(id: "CP-MN01", name: "Trường Mầm non Cẩm Phả", area: "Cẩm Phả", level: "preschool", classes: 12,
                   latitude: 21.01, longitude: 107.29, commune: "Cẩm Phả"),
        ],
        staff: [
            StaffRow(schoolID: "HL-MN01", subject: "preschool", teachers: 18, leaving: 0, required: 22),
            StaffRow(schoolID: "HL-MN02", subject: "preschool", teachers: 20, leaving: 1, required: 17.6),
            StaffRow(schoolID: "HL-MN03", subject: "preschool", teachers: 12, leaving: 0, required: 13.2),
            StaffRow(schoolID: "CP-MN01", subject: "preschool", teachers: 30, leaving: 0, required: 26.4),
            StaffRow(schoolID: "CP-MN01", subject: "english", teachers: 2, leaving: 0, required: 0.6000000000000001),
        ],
        costs: Costs(move: 1, perKm: 0.02, hire: 2, release: 5))

    /// CP-MN01 only sends (to another area: the province signs); HL-MN02 sends within its
    /// commune (the commune signs) and to HL-MN03 in another commune of the same area (the province).
    static let plan = Plan(actions: [
        .transfer(from: "CP-MN01", to: "HL-MN01", subject: "preschool", teachers: 3, km: 30.5),
        .transfer(from: "HL-MN02", to: "HL-MN01", subject: "preschool", teachers: 1, km: 4.123456),
        .transfer(from: "HL-MN02", to: "HL-MN03", subject: "preschool", teachers: 1, km: 7),
        .hire(at: "HL-MN03", subject: "preschool", teachers: 1),
        .release(at: "CP-MN01", subject: "english", teachers: 1),
    ])

    static var instance: Instance { Instance(scenario) }

    static func output() -> PlanOutput {
        let instance = instance
        let check = PlanChecker.check(plan, against: instance)
        let w0 = Coverage.weightedShortage(instance, staff: instance.pairs.map { Double($0.staying) })
        return PlanOutput(scenarioName: scenario.name, status: "feasible", plan: plan, report: check,
                          weightedShortageBefore: w0, mipGap: 0, extra: [("method", "\"greedy\"")])
    }

    static func view() -> PlanView {
        PlanView(instance: instance, output: output())
    }

    static func sheets() -> PlanSheets {
        PlanSheets(view())
    }
}
