import LinearProgramming
import RedeployDomain

/// A horizon that is not a network (qualifications, outflow caps, shared teachers) by GLPK on
/// its literal model, with the transfer columns generated rather than all given: most of the
/// millions of (school, school, subject, year) transfers are never used, and the simplex's
/// work grows with the columns it carries.
///
/// - Stage 1 (least W): the LP relaxation by column generation, seeded with the transfers
///   the horizon's network uses when qualifications and caps are ignored. Column generation
///   is exact for the LP (it stops when no absent column prices out). If the LP optimum is
///   whole where teachers are, it is the optimum; otherwise a MIP on the columns generated
///   gives a plan, which is proven optimal when its W equals the LP's bound.
/// - Stage 2 (least C) on stage 1's optimal face (columns and rows held where the duals hold
///   them), again by column generation and, if need be, a MIP proven against its LP bound.
///   Every plan of least W lies on that face, because W* is the LP's own optimum.
///
/// Whatever it cannot prove goes to the whole literal model (`DirectModel.solveLexicographically`).
struct HorizonLiteralSolver {
    let instance: HorizonInstance
    let deadline: Deadline
    let log: (@Sendable (String) -> Void)?

    struct Outcome {
        var values: [Double]
        var decisions: [HorizonDecision]
        var weightedShortage: Double
        var proven: Bool
        var stages: [String]
        var mipGap: Double?
    }

    func solve() throws -> Outcome {
        let (built, decisions, doNothing, blocks) = HorizonDirectModel.builtWithBasis(instance)
        var initial: [Int] = []
        for (j, decision) in decisions.enumerated() {
            switch decision {
            case .transfer, .retrain: continue
            default: initial.append(j)
            }
        }
        // The transfers and courses that start in the program, found only when a path needs
        // them: stage 2 on the face's network (below) does not, and the seed costs a network
        // solve of the whole horizon.
        var seededMoves: [Int]?
        func moves() -> [Int] {
            if let seededMoves { return seededMoves }
            let seed = seedTransfers()
            let locks = LockIndex(instance.locks)
            var found: [Int] = []
            for (j, decision) in decisions.enumerated() {
                switch decision {
                case let .transfer(p, q, y):
                    // A transfer a lock row matches starts in the program: a row with min > 0
                    // over absent columns would make the restricted program infeasible.
                    if seed.contains([p, q, y]) || !locks.matching(from: instance.pairs[p].school, to: instance.pairs[q].school,
                                                                   subject: instance.pairs[p].subject, year: y).isEmpty {
                        found.append(j)
                    }
                case .retrain: found.append(j)
                default: continue
                }
            }
            seededMoves = found
            return found
        }
        var stages = ["horizon-literal-columns"]
        // Stage 1. With hiring, a release where a teacher would leave and a hire where he would
        // arrive (in the year a course would end) stand in for every transfer and course at no
        // more shortage, a payroll no higher and no outflow cap used: stage 1 starts without
        // them, and pricing proves it (they enter if they can help). Otherwise they start in
        // the program, from the slacks.
        let standIn = instance.policy.hiring && instance.pairs.allSatisfy({ $0.mustMove == 0 })
            && !instance.locks.contains { $0.min > 0 }
        // Its optimal LP basis, and a plan of whole teachers of least W, come from one small
        // program per year (`HorizonYearByYear`); the plan that does nothing is the start when
        // that fails.
        let years = standIn ? try HorizonYearByYear(program: built.program, blocks: blocks, instance: instance,
                                                    deadline: deadline, log: log).solve() : nil
        if years != nil { stages.append("horizon-years") }
        let lp = standIn ? try generate(built.program, initial: initial, basis: years?.basis ?? doNothing)
                         : try generate(built.program, initial: initial + moves())
        guard lp.status == .optimal else { return try whole(built, decisions) }
        var first = lp
        // The columns a MIP keeps: what the LP uses or could use at no cost, and the moves.
        func columns(_ solution: Solution) -> [Int] { used(solution, initial: initial + moves()) }
        if !isWhole(lp.columnValues, built.program) {
            if let point = years?.point, equal(built.program.objectiveValue(of: point), lp.objective) {
                // Whole teachers at the LP's own W: optimal, and on the LP's optimal face.
                first.columnValues = point
            } else {
                stages.append("mip-columns")
                guard let mip = try restrictedMIP(built.program, columns: columns(lp)),
                      equal(mip.objective, lp.objective) else { return try whole(built, decisions) }
                first.columnValues = mip.columnValues
            }
        }
        let best = lp.objective
        // Stage 2 on the time-expanded network of stage 1's face where the years gave it. Its
        // face errs wide (`HorizonFaceStage.tolerance`), so its plan is kept only at stage 1's W.
        if let years, let faced = try HorizonFaceStage(instance: instance, optima: years.years, deadline: deadline,
                                                       log: log).solve() {
            let w = HorizonPlanChecker.check(Plan(actions: instance.plan(faced.decisions, amounts: faced.values)),
                                             against: instance).weightedShortage
            if abs(w - best) <= PlanChecker.tolerance * max(1, abs(best)) {
                return Outcome(values: faced.values, decisions: faced.decisions, weightedShortage: best,
                               proven: faced.proven, stages: stages + ["horizon-face-network"], mipGap: faced.gap)
            }
            log?("redeploy: the face's plan has W \(w), not stage 1's \(best): stage 2 on the literal model")
        }
        // Stage 2 on the optimal face of stage 1's LP.
        var staged = built.program
        for (j, cost) in built.costs.enumerated() { staged.setCost(column: j, cost) }
        let face = Planner.optimalFace(staged, lp)
        // Stage 1's optimal basis is feasible on its face: stage 2 starts from it.
        let lpColumns = columns(lp)
        let two = try generate(face, initial: Array(Set(lpColumns + moves())).sorted(), basis: lp.basis)
        guard two.status == .optimal else {
            // Out of time in stage 2: stage 1's plan, its releases and hires of a year paired
            // into transfers where the rules allow (the same staff, so the same W, for less).
            let paired = standIn ? try ReleaseHirePairing(program: built.program, costs: built.costs, decisions: decisions,
                                                          blocks: blocks, instance: instance).improve(first.columnValues) : nil
            if paired != nil { stages.append("paired") }
            // W is proven; C has no bound here, so its gap is unknown (null), not 0.
            return Outcome(values: paired ?? first.columnValues, decisions: decisions, weightedShortage: best, proven: false,
                           stages: stages, mipGap: nil)
        }
        var values = two.columnValues
        if !isWhole(two.columnValues, face) {
            stages.append("mip-face")
            guard let mip = try restrictedMIP(face, columns: used(two, initial: lpColumns)),
                  equal(mip.objective, two.objective) else {
                return try whole(built, decisions)
            }
            values = mip.columnValues
        }
        return Outcome(values: values, decisions: decisions, weightedShortage: best, proven: true, stages: stages, mipGap: 0)
    }

    /// The transfers (from, to, year) of the network optimum without qualifications and caps:
    /// a good guess of those the literal model needs, nothing more (every other column is priced).
    func seedTransfers() -> Set<[Int]> {
        guard let model = HorizonFlowModel(instance.ignoringQualifications, ignoringOutflowCap: true),
              case let .optimal(result)? = try? HorizonNetworkSolver.solve(model, deadline: deadline) else { return [] }
        var seed = Set<[Int]>()
        for (a, role) in model.roles.enumerated() where result.flows[a] > 0 {
            if case let .transfer(p, q, y) = role { seed.insert([p, q, y]) }
        }
        return seed
    }

    func generate(_ program: LinearProgram, initial: [Int], basis: StartingBasis? = nil) throws -> Solution {
        let options = SolveOptions(kind: .relaxation, method: .dualSimplex, presolve: false,
                                   timeLimit: deadline.remaining, relativeGap: 0, log: log)
        var stats = GLPKSolver.ColumnGenerationStats()
        return try GLPKSolver().solveGeneratingColumns(program, initial: initial, options: options, basis: basis,
                                                       stats: &stats)
    }

    /// The columns kept for a MIP: those given, and every one the LP uses or could use at no
    /// extra cost (reduced cost 0).
    func used(_ solution: Solution, initial: [Int]) -> [Int] {
        var keep = Set(initial)
        for j in solution.columnValues.indices
        where solution.columnValues[j] > 1e-9 || abs(solution.reducedCosts?[j] ?? 1) <= 1e-9 {
            keep.insert(j)
        }
        return keep.sorted()
    }

    /// A MIP on `columns` only (the others held at 0), as a point of the whole program; nil if
    /// it ends without one.
    func restrictedMIP(_ program: LinearProgram, columns: [Int]) throws -> Solution? {
        var restricted = program
        let kept = Set(columns)
        for j in 0..<program.columnCount where !kept.contains(j) { restricted.setBounds(column: j, lower: 0, upper: 0) }
        let options = SolveOptions(kind: .automatic, method: .dualSimplex, presolve: true,
                                   timeLimit: deadline.remaining, cuts: true, log: log)
        let solution = try GLPKSolver().solve(restricted, options: options)
        return solution.status == .optimal ? solution : nil
    }

    /// The whole literal model, both stages, for what column generation could not prove.
    func whole(_ built: DirectModel.Built, _ decisions: [HorizonDecision]) throws -> Outcome {
        let result = try DirectModel.solveLexicographically(built, timeLimit: deadline.remaining, log: log)
        guard let values = result.values else {
            throw HorizonPlanner.HorizonError.noPlan("GLPK ended with status \(result.status.rawValue) and no plan")
        }
        return Outcome(values: values, decisions: decisions, weightedShortage: result.weightedShortage,
                       proven: result.status == .optimal, stages: ["horizon-literal-glpk"], mipGap: result.mipGap)
    }

    func isWhole(_ values: [Double], _ program: LinearProgram) -> Bool {
        zip(values, program.columns).allSatisfy { value, column in !column.isInteger || abs(value - value.rounded()) <= 1e-9 }
    }

    func equal(_ a: Double, _ b: Double) -> Bool {
        abs(a - b) <= 1e-9 * max(1, abs(a), abs(b))
    }
}
