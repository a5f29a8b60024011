import Foundation
import LinearProgramming
import RedeployDomain
import RedeployTestSupport
import Testing
@testable import RedeployPlanner

/// The horizon planner: its plans (network, network without caps, GLPK on the literal model)
/// against the literal model's W and C, the myopic plan, and roadmaps that cannot be met.
@Suite struct HorizonPlannerTests {
    static let costs = Costs(move: 1, perKm: 0, hire: 1, release: 5)

    /// A primary school A with 1 English teacher it does not need, and a lower-secondary school
    /// B that needs 1 maths teacher from 2026 only. A course (cost 2) turns the English teacher
    /// into a maths teacher at B after one year. Planned over the horizon: retrained in 2025, he
    /// arrives in 2026: W = 0, C = 2 + move 1 = 3. One year at a time: 2025 has no shortage, so
    /// nothing is done; in 2026 a course would end in 2027, beyond the horizon: W = 1, C = 0.
    static func courseAhead() -> Scenario {
        var scenario = Scenario(
            schools: [school("A", level: "primary"), school("B", level: "lower_secondary")],
            staff: [StaffRow(schoolID: "A", subject: "english", teachers: 1, leaving: 0, required: 0),
                    StaffRow(schoolID: "B", subject: "math", teachers: 0, leaving: 0, required: 0)],
            costs: costs)
        scenario.policy.hiring = false
        scenario.horizon = Horizon(years: [2025, 2026], staffYears: [
            StaffYearRow(schoolID: "B", subject: "math", year: 2026, required: 1),
        ])
        scenario.retraining = [RetrainingRow(fromLevel: "primary", fromSubject: "english", toLevel: "lower_secondary",
                                             toSubject: "math", cost: 2, delay: 1)]
        return scenario
    }

    @Test func planningAheadBeatsOneYearAtATime() throws {
        let instance = HorizonInstance(Self.courseAhead())
        let whole = try HorizonPlanner().solve(instance)
        #expect(whole.status == .optimal)
        #expect(same(whole.check.weightedShortage, 0) && same(whole.check.cost, 3),
                "W \(whole.check.weightedShortage) C \(whole.check.cost)")
        #expect(whole.plan.actions == [Plan.Action(kind: .retrain, from: "A", to: "B", subject: "english", teachers: 1,
                                                   km: nil, year: 2025, toSubject: "math")])
        #expect(whole.check.years.map(\.payroll) == [1, 1], "the teacher in his course stays on the payroll")
        #expect(whole.check.years.map(\.retrained) == [1, 0])
        let myopic = try HorizonPlanner().solve(instance, method: .myopic)
        #expect(myopic.status == .feasible && myopic.mipGap == nil)
        #expect(same(myopic.check.weightedShortage, 1) && same(myopic.check.cost, 0),
                "W \(myopic.check.weightedShortage) C \(myopic.check.cost)")
        #expect(myopic.check.years.map(\.weightedShortage) == [0, 1])
        #expect(myopic.plan.actions.isEmpty)
    }

    /// Myopic years start where the earlier ones left off: A has 3 maths teachers and needs 1;
    /// B needs 1 in 2025 and 2 in 2026. 2025 alone moves one (W 0, C 1), 2026 alone a second
    /// (C 1): the same W and C as the whole horizon, but in two steps.
    @Test func myopicYearsCarryTheirStaff() throws {
        var scenario = Scenario(schools: [school("A"), school("B")],
                                staff: [StaffRow(schoolID: "A", subject: "math", teachers: 3, leaving: 0, required: 1),
                                        StaffRow(schoolID: "B", subject: "math", teachers: 0, leaving: 0, required: 1)],
                                costs: Self.costs)
        scenario.policy.hiring = false
        scenario.horizon = Horizon(years: [2025, 2026], staffYears: [
            StaffYearRow(schoolID: "B", subject: "math", year: 2026, required: 2),
        ])
        let myopic = try HorizonPlanner().solve(HorizonInstance(scenario), method: .myopic)
        #expect(myopic.plan.actions.map(\.year) == [2025, 2026])
        #expect(myopic.plan.actions.map(\.teachers) == [1, 1])
        #expect(same(myopic.check.weightedShortage, 0) && same(myopic.check.cost, 2))
        #expect(myopic.check.staff[1] == [1, 2])
    }

    /// A has 3 maths teachers; 2 leave at the start of 2027 and may not be released before.
    /// The path cuts the payroll by 2 in 2026: 1 post for the 2 who must stay. 2026 fails.
    @Test func aRoadmapThatCannotBeMetNamesItsFirstYear() throws {
        var scenario = Scenario(schools: [school("A")],
                                staff: [StaffRow(schoolID: "A", subject: "math", teachers: 3, leaving: 0, required: 3)],
                                costs: Self.costs)
        scenario.horizon = Horizon(years: [2025, 2026, 2027], staffYears: [
            StaffYearRow(schoolID: "A", subject: "math", year: 2027, leaving: 2),
        ], payrollChange: [2026: -2])
        #expect(throws: HorizonPlanner.HorizonError.self) { try HorizonPlanner().solve(HorizonInstance(scenario)) }
        do {
            _ = try HorizonPlanner().solve(HorizonInstance(scenario))
        } catch let error as HorizonPlanner.HorizonError {
            guard case let .payrollCannotBeMet(year, least, cap) = error else { Issue.record("\(error)"); return }
            #expect(year == 2026 && least == 2 && cap == 1)
        }
        // The literal model agrees that no plan exists.
        #expect(try HorizonDirectModel.solve(HorizonInstance(scenario), timeLimit: 60).status == .infeasible)
    }

    /// Out of time before any solver has a plan: the releases the caps demand, status
    /// time_limit, nothing proven. A has 3 maths teachers for 1 needed; the path cuts 2 posts
    /// in 2026, and B's 2 teachers who leave in 2027 may not go before: A releases 2 in 2026.
    @Test func outOfTimeLeavesTheReleasesTheCapsDemand() throws {
        var scenario = Scenario(schools: [school("A"), school("B")],
                                staff: [StaffRow(schoolID: "A", subject: "math", teachers: 3, leaving: 0, required: 1),
                                        StaffRow(schoolID: "B", subject: "math", teachers: 2, leaving: 0, required: 2)],
                                costs: Self.costs)
        scenario.horizon = Horizon(years: [2025, 2026, 2027], staffYears: [
            StaffYearRow(schoolID: "B", subject: "math", year: 2027, leaving: 2),
        ], payrollChange: [2026: -2])
        let result = try HorizonPlanner(options: .init(timeLimit: 1e-9)).solve(HorizonInstance(scenario))
        #expect(result.status == .timeLimit && result.mipGap == nil && result.stages == ["releases-only"])
        #expect(result.plan.actions == [Plan.Action(kind: .release, from: "A", to: nil, subject: "math", teachers: 2,
                                                    year: 2026)])
        #expect(result.check.isValid)
        #expect(result.check.years.map(\.payroll) == [5, 3, 1])
    }

    /// Random horizons with the features the network leaves to GLPK: outflow caps (first the
    /// network without them), shared teachers, qualifications. The planner's plan, re-checked,
    /// has the literal model's W and C; a roadmap the planner refuses is one the literal model
    /// finds infeasible.
    static func agree(seed: Int) throws -> [String]? {
        var scenario = randomHorizon(seed: UInt64(seed))
        switch seed % 4 {
        case 1: scenario.policy.maxOutShare = [0.1, 0.3, 0.6][seed % 3]
        case 2: scenario.policy.sharing = true
        case 3: scenario.policy.qualifications = randomScenario(seed: UInt64(seed)).policy.qualifications
        default: break
        }
        let instance = HorizonInstance(scenario)
        let direct = try HorizonDirectModel.solve(instance, timeLimit: 30)
        let planned: HorizonPlanner.Result
        do {
            planned = try HorizonPlanner(options: .init(timeLimit: 60)).solve(instance)
        } catch HorizonPlanner.HorizonError.payrollCannotBeMet {
            #expect(direct.status == .infeasible, "seed \(seed): literal \(direct.status)")
            return ["refused"]
        }
        guard direct.status == .optimal else { return nil }
        #expect(planned.status == .optimal, "seed \(seed)")
        #expect(same(planned.check.weightedShortage, direct.weightedShortage),
                "seed \(seed): W planner \(planned.check.weightedShortage), literal \(direct.weightedShortage)")
        #expect(same(planned.check.cost, direct.cost), "seed \(seed): C planner \(planned.check.cost), literal \(direct.cost)")
        return planned.stages
    }

    /// Every path is taken: the network, the network whose optimum meets the caps, the literal
    /// model by column generation (its LP whole, or MIPs proven against the LP bound), stage 2
    /// on the face's network with side rows (`HorizonFaceStage`), and the refusal of a roadmap
    /// no plan meets.
    @Test func plansAgreeWithTheLiteralModelWithCapsSharingAndQualifications() throws {
        let stages = try (1...120).compactMap { try Self.agree(seed: $0) }
        #expect(stages.count >= 115, "only \(stages.count) of 120 literal models proven")
        let paths = Set(stages.map { $0.joined(separator: "+") })
        // Stage 2 on the face's network agrees with the literal model's C on every seed it
        // takes (14 of the 120 when it was written), each plan proven.
        let faced = stages.filter { $0.last == "horizon-face-network" }.count
        #expect(faced >= 10, "only \(faced) horizons through the face's network")
        #expect(paths.isSuperset(of: ["horizon-network+horizon-network-face", "horizon-network+horizon-network-face+caps-met",
                                      "horizon-literal-columns", "horizon-literal-columns+horizon-years",
                                      "horizon-literal-columns+horizon-years+horizon-face-network", "refused"]),
                "\(paths)")
    }
}

/// Stage 1 without transfer arcs (hiring allowed): the same least W as the whole network, and
/// its flow with every transfer at 0 is optimal for the whole network (complementary slackness
/// holds on every arc, transfers included).
@Suite struct HorizonStageOneTests {
    @Test func stageOneWithoutTransfersIsTheWholeNetworksOptimum() throws {
        var compared = 0
        for seed in 1...60 {
            var scenario = randomHorizon(seed: UInt64(seed))
            scenario.policy.hiring = true
            let instance = HorizonInstance(scenario)
            guard instance.years.indices.allSatisfy({ instance.leastPayroll(year: $0) <= Double(instance.payrollCap[$0]) }),
                  let model = HorizonFlowModel(instance) else { continue }
            let reduced = try HorizonNetworkSolver.stageOne(model, deadline: Deadline(seconds: nil), reducingFrom: 0)
            let whole = try NetworkSimplex.solve(model.network)
            try #require(reduced.status == .optimal && whole.status == .optimal, "seed \(seed)")
            #expect(same(reduced.objective, whole.objective), "seed \(seed): \(reduced.objective) against \(whole.objective)")
            var transfers = 0
            for a in 0..<model.network.arcCount {
                let rc = reduced.reducedCosts[a], flow = reduced.flows[a]
                #expect(rc <= 0 || flow == model.network.lower[a], "seed \(seed): arc \(a)")
                #expect(rc >= 0 || flow == model.network.upper[a], "seed \(seed): arc \(a)")
                if case .transfer = model.roles[a] {
                    transfers += 1
                    #expect(flow == 0 && rc >= 0)
                }
            }
            if transfers > 0 { compared += 1 }
        }
        #expect(compared >= 30, "only \(compared) feasible horizons with transfers to leave out")
    }
}
