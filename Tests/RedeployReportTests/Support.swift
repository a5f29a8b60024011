import RedeployTestSupport
import Foundation
import RedeployDomain
import ScenarioIO
@testable import RedeployReport

/// A small province written by hand: two areas and a third without coordinates, two levels,
/// Vietnamese names, and one name that tries to inject HTML. The plan is made by hand too
/// (these tests do not need the planner): it leaves shortage that the report must explain.
enum Fixture {
    static let hostileName = "<script>alert('x')</script> & Co"

    static let scenario = Scenario(
        name: "Tỉnh thử nghiệm: Hạ Long & Cẩm Phả",
        schools: [
            School(id: "HL-MN01", name: "Trường Mầm non Hoa Sen Hạ Long", area: "Hạ Long", level: "preschool", classes: 10,
                   latitude: 20.95, longitude: 107.06),
            School(id: "HL-MN02", name: hostileName, area: "Hạ Long", level: "preschool", classes: 8,
                   latitude: 20.93, longitude: 107.03),
            School(id: "CP-MN01", name: "Trường Mầm non Cẩm Phả", area: "Cẩm Phả", level: "preschool", classes: 12,
                   latitude: 21.01, longitude: 107.29),
            School(id: "DT-TH01", name: "Trường Tiểu học Đông Triều", area: "Đông Triều", level: "primary", classes: 10,
                   latitude: 21.08, longitude: 106.5, priority: 2),
            School(id: "CP-TH01", name: "Trường Tiểu học Cẩm Phả", area: "Cẩm Phả", level: "primary", classes: 12,
                   latitude: 21.0, longitude: 107.3),
            School(id: "VD-TH01", name: "Trường Tiểu học Vân Đồn", area: "Vân Đồn", level: "primary", classes: 5),
        ],
        staff: [
            StaffRow(schoolID: "HL-MN01", subject: "preschool", teachers: 18, leaving: 0, required: 22),
            StaffRow(schoolID: "HL-MN02", subject: "preschool", teachers: 20, leaving: 1, required: 17.6),
            StaffRow(schoolID: "CP-MN01", subject: "preschool", teachers: 30, leaving: 0, required: 26.4),
            StaffRow(schoolID: "CP-MN01", subject: "english", teachers: 2, leaving: 0, required: 0),
            StaffRow(schoolID: "DT-TH01", subject: "primary", teachers: 10, leaving: 0, required: 15),
            StaffRow(schoolID: "DT-TH01", subject: "english", teachers: 0, leaving: 0, required: 1),
            StaffRow(schoolID: "CP-TH01", subject: "primary", teachers: 20, leaving: 0, required: 18),
            StaffRow(schoolID: "CP-TH01", subject: "english", teachers: 2, leaving: 0, required: 1),
            StaffRow(schoolID: "VD-TH01", subject: "primary", teachers: 8, leaving: 0, required: 7.5),
        ],
        costs: Costs(move: 1, perKm: 0.02, hire: 2, release: 5))

    static let plan = Plan(actions: [
        .transfer(from: "CP-MN01", to: "HL-MN01", subject: "preschool", teachers: 3, km: 30.5),
        .transfer(from: "HL-MN02", to: "HL-MN01", subject: "preschool", teachers: 1, km: 4),
        .transfer(from: "CP-TH01", to: "DT-TH01", subject: "primary", teachers: 2, km: 85.2),
        .hire(at: "DT-TH01", subject: "primary", teachers: 2),
        .release(at: "CP-TH01", subject: "english", teachers: 1),
    ])

    static var instance: Instance { Instance(scenario) }
    static var check: PlanChecker.Report { PlanChecker.check(plan, against: instance) }

    static func data(status: String = "feasible") -> ReportData {
        ReportData(instance: instance, plan: plan, check: check, status: status, weightedShortageBefore: nil, mipGap: nil)
    }

    static func output() -> PlanOutput {
        let instance = instance
        let w0 = Coverage.weightedShortage(instance, staff: instance.pairs.map { Double($0.staying) })
        return PlanOutput(scenarioName: scenario.name, status: "feasible", plan: plan, report: check,
                          weightedShortageBefore: w0, mipGap: 0)
    }

    static func temporaryDirectory() throws -> String {
        try TestFolders.fresh("redeploy-report").path
    }
}

extension String {
    /// How many times `needle` occurs (non-overlapping).
    func occurrences(of needle: String) -> Int {
        components(separatedBy: needle).count - 1
    }

    /// Whether the UTF-8 bytes of `needle` occur as they are (no normalisation).
    func containsBytes(of needle: String) -> Bool {
        Data(utf8).range(of: Data(needle.utf8)) != nil
    }
}
