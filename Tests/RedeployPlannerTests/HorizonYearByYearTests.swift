import LinearProgramming
import RedeployDomain
import RedeployTestSupport
import Testing
@testable import RedeployPlanner

/// `HorizonYearByYear`: stage 1 of a horizon with hiring, one small program per year. What the
/// type's comment argues is checked by GLPK on the whole literal model: the assembled basis is
/// optimal there without a pivot, its W is the sum of the years' W, and the years' plan of whole
/// teachers has the literal model's least W.
@Suite struct HorizonYearByYearTests {
    /// The stand-in program: the literal model (with its cuts) without transfers and courses.
    static func standIn(_ instance: HorizonInstance)
        -> (program: LinearProgram, kept: [Int], years: HorizonYearByYear.StageOne?) {
        let (built, decisions, _, blocks) = HorizonDirectModel.builtWithBasis(instance)
        let kept = decisions.indices.filter {
            switch decisions[$0] {
            case .transfer, .retrain: return false
            default: return true
            }
        }
        let years = try? HorizonYearByYear(program: built.program, blocks: blocks, instance: instance,
                                           deadline: Deadline(seconds: 60), log: nil).solve()
        return (built.program, kept, years ?? nil)
    }

    /// Random horizons with hiring and qualifications (half of them with outflow caps, which
    /// stage 1 without transfers never meets).
    static func scenario(seed: Int) -> Scenario {
        var scenario = randomHorizon(seed: UInt64(seed))
        scenario.policy.hiring = true
        scenario.policy.qualifications = randomScenario(seed: UInt64(seed)).policy.qualifications
        if seed % 2 == 0 { scenario.policy.maxOutShare = 0.3 }
        return scenario
    }

    @Test(arguments: 1...40)
    func theAssembledBasisIsOptimalAtOnce(seed: Int) throws {
        let instance = HorizonInstance(Self.scenario(seed: seed))
        guard instance.years.indices.allSatisfy({ instance.leastPayroll(year: $0) <= Double(instance.payrollCap[$0]) }),
              instance.pairs.allSatisfy({ $0.mustMove == 0 }) else { return }
        let (program, kept, years) = Self.standIn(instance)
        let stageOne = try #require(years, "seed \(seed): a year's program failed")
        var stats = GLPKSolver.ColumnGenerationStats()
        let options = SolveOptions(kind: .relaxation, method: .dualSimplex, presolve: false, timeLimit: 60)
        let lp = try GLPKSolver().solveGeneratingColumns(program, initial: kept, options: options,
                                                         basis: stageOne.basis, stats: &stats)
        #expect(lp.status == .optimal)
        #expect(lp.iterations == 0, "seed \(seed): \(lp.iterations) pivots from the assembled basis")
        // The same LP from the slacks: the same W.
        let cold = try GLPKSolver().solve(program, options: SolveOptions(kind: .relaxation, presolve: false))
        #expect(abs(lp.objective - cold.objective) <= 1e-7 * max(1, abs(cold.objective)),
                "seed \(seed): W \(lp.objective) from the years, \(cold.objective) from the slacks")
        if let point = stageOne.point {
            // A plan of the whole program (every row holds) with the literal model's least W.
            let activities = program.rowActivities(of: point)
            for (i, row) in program.rows.enumerated() {
                #expect(activities[i] >= row.lower - 1e-7 && activities[i] <= row.upper + 1e-7, "seed \(seed): row \(i)")
            }
            let direct = try HorizonDirectModel.solve(instance, timeLimit: 30)
            if direct.status == .optimal {
                #expect(abs(program.objectiveValue(of: point) - direct.weightedShortage) <= 1e-7 * max(1, direct.weightedShortage),
                        "seed \(seed): W \(program.objectiveValue(of: point)) by years, \(direct.weightedShortage) literal")
            }
        }
    }

    /// Stage 1's plan with its releases and hires paired into transfers (`ReleaseHirePairing`,
    /// what a horizon out of time in stage 2 writes): every row still holds, W is unchanged,
    /// and C is less than stage 1's and no less than the literal model's least C. Returns
    /// whether anything was paired.
    static func pairing(seed: Int) throws -> Bool {
        let instance = HorizonInstance(Self.scenario(seed: seed))
        guard instance.years.indices.allSatisfy({ instance.leastPayroll(year: $0) <= Double(instance.payrollCap[$0]) }),
              instance.pairs.allSatisfy({ $0.mustMove == 0 }) else { return false }
        let (built, decisions, _, blocks) = HorizonDirectModel.builtWithBasis(instance)
        let years = try HorizonYearByYear(program: built.program, blocks: blocks, instance: instance,
                                          deadline: Deadline(seconds: 60), log: nil).solve()
        guard let point = years?.point else { return false }
        let pairing = ReleaseHirePairing(program: built.program, costs: built.costs, decisions: decisions,
                                         blocks: blocks, instance: instance)
        guard let paired = try pairing.improve(point) else { return false }
        let activities = built.program.rowActivities(of: paired)
        for (i, row) in built.program.rows.enumerated() {
            #expect(activities[i] >= row.lower - 1e-7 && activities[i] <= row.upper + 1e-7, "seed \(seed): row \(i)")
        }
        #expect(paired.allSatisfy { $0 >= -1e-9 }, "seed \(seed): a negative value")
        func cost(_ x: [Double]) -> Double { zip(built.costs, x).reduce(0) { $0 + $1.0 * $1.1 } }
        #expect(abs(built.program.objectiveValue(of: paired) - built.program.objectiveValue(of: point)) <= 1e-9,
                "seed \(seed): W changed")
        #expect(cost(paired) < cost(point) - 1e-9, "seed \(seed): C \(cost(paired)) against stage 1's \(cost(point))")
        let direct = try HorizonDirectModel.solve(instance, timeLimit: 30)
        if direct.status == .optimal {
            #expect(cost(paired) >= direct.cost - 1e-7, "seed \(seed): C \(cost(paired)) below the optimum \(direct.cost)")
        }
        return true
    }

    @Test func pairingReleasesAndHiresKeepsWAndLowersC() throws {
        let paired = try (1...60).filter { try Self.pairing(seed: $0) }
        #expect(paired.count >= 10, "only \(paired.count) of 60 horizons had a release and a hire to pair")
    }
}
