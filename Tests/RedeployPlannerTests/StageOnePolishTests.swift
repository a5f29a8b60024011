import RedeployDomain
import Testing
@testable import RedeployPlanner

/// What is written when stage 2 runs out of time: stage 1's flow, made cheaper without
/// changing W. A has 2 maths teachers for 1 needed, B none for 1; payroll_change 0, hiring on,
/// move 1, hire 1, release 5. A stage-1 optimum may release at A and hire at B (W 0, C 6), or
/// release and hire at A as well; the polish turns these into one transfer A -> B (C 1).
@Suite struct StageOnePolishTests {
    static let scenario = Scenario(schools: [school("A"), school("B")],
                                   staff: [StaffRow(schoolID: "A", subject: "math", teachers: 2, required: 1),
                                           StaffRow(schoolID: "B", subject: "math", teachers: 0, required: 1)],
                                   costs: Costs(move: 1, perKm: 0, hire: 1, release: 5))

    /// Column values of a stage-1 flow with `release` at A and `hire` at B and at A.
    static func values(_ model: FlowModel, releaseA: Double, hireA: Double, hireB: Double) -> [Double] {
        model.roles.map { role in
            switch role {
            case .release(pair: 0): return releaseA
            case .hire(pair: 0): return hireA
            case .hire(pair: 1): return hireB
            case .stay(pair: 0): return 2 - releaseA
            default: return 0
            }
        }
    }

    static func plan(_ values: [Double], _ model: FlowModel, _ instance: Instance) -> PlanChecker.Report {
        PlanChecker.check(PlanExtraction.plan(from: values, model: model, instance: instance), against: instance)
    }

    @Test(arguments: [(1.0, 0.0, 1.0), (2.0, 1.0, 1.0)])
    func releasesAndHiresBecomeATransfer(_ releaseA: Double, _ hireA: Double, _ hireB: Double) throws {
        let instance = Instance(Self.scenario)
        let model = FlowModel(instance)
        let raw = Self.values(model, releaseA: releaseA, hireA: hireA, hireB: hireB)
        let before = Self.plan(raw, model, instance)
        #expect(before.isValid && same(before.weightedShortage, 0), "\(before.violations)")
        #expect(same(before.cost, 5 * releaseA + hireA + hireB))
        let after = Self.plan(StageOnePolish.polish(raw, model), model, instance)
        #expect(after.isValid, "\(after.violations)")
        #expect(same(after.weightedShortage, 0))
        #expect(same(after.cost, 1), "one transfer A -> B")
        #expect(after.transfers == 1 && after.hires == 0 && after.releases == 0)
    }
}
