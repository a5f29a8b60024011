import LinearProgramming
import RedeployDomain

/// Solves a scenario lexicographically (docs/MODEL.md section 2): first the least weighted
/// shortage W, then, holding W at its optimum, the least cost C.
///
/// Stage 1 solves the flow model's LP relaxation with the dual simplex and no presolve. With
/// whole teachers an integral LP optimum is the integer optimum; only a fractional one (side
/// rows or coupled requirements) sends stage 1 to branch-and-cut.
///
/// Stage 2 keeps W at its optimum without a dense extra row where it can: every LP optimum
/// satisfies complementary slackness with stage 1's duals, so fixing each column with a
/// non-zero reduced cost at its bound, and each row with a non-zero dual at its bound, leaves
/// exactly the optimal face, still a network. When stage 1 needed branch-and-cut, stage 2
/// adds the row W <= W* (+ a tolerance far inside that of docs/MODEL.md 3.2) instead.
public struct Planner: Sendable {
    public struct Options: Sendable {
        public var timeLimit: Double?
        public var log: (@Sendable (String) -> Void)?
        /// Keep stage 1's optimal flow in the result (`Result.stageOneFlow`), so that an
        /// explanation need not solve stage 1 again. Off by default: it holds the network.
        public var keepStageOneFlow: Bool
        /// Told what the planner starts ("least shortage: network simplex", ...), for progress
        /// displays: a long solve then says what it is doing.
        public var stage: (@Sendable (String) -> Void)?
        /// false: GLPK solves every stage even where the model is a network, so that tests and
        /// benchmarks can hold the network simplex against GLPK on the same model.
        public var networkSimplex: Bool
        public init(timeLimit: Double? = nil, log: (@Sendable (String) -> Void)? = nil, keepStageOneFlow: Bool = false,
                    stage: (@Sendable (String) -> Void)? = nil, networkSimplex: Bool = true) {
            self.timeLimit = timeLimit
            self.log = log
            self.keepStageOneFlow = keepStageOneFlow
            self.stage = stage
            self.networkSimplex = networkSimplex
        }
    }

    /// Stage 1's optimal min-cost flow and where its pairs are, when the model was a network.
    public struct StageOneFlow: Sendable {
        public let network: FlowNetwork
        public let solution: FlowSolution
        /// The D node of each pair (`FlowModel.staffRows`), the payroll node and the sink of
        /// every slack.
        public let staffRows: [Int]
        public let payrollNode: Int
        public let sinkNode: Int
    }

    public struct Result: Sendable {
        public enum Status: String, Sendable { case optimal, feasible, timeLimit = "time_limit", infeasible }
        public var status: Status
        public var plan: Plan
        /// The independent check of the plan (nil when no plan came back).
        public var check: PlanChecker.Report?
        public var weightedShortageBefore: Double
        public var mipGap: Double
        /// How each stage was solved, for logs: "lp", "lp-face", "mip", "mip-row"...
        public var stages: [String]
        public var columns: Int
        public var rows: Int
        /// Set when `Options.keepStageOneFlow` asked and stage 1 was a network of the model
        /// itself (not of a relaxation).
        public var stageOneFlow: StageOneFlow? = nil
    }

    public enum PlannerError: Error, CustomStringConvertible {
        case solverFailed(String)
        case planBreaksContract([String])

        public var description: String {
            switch self {
            case let .solverFailed(message): return "the solver failed: \(message)"
            case let .planBreaksContract(lines):
                return "internal error: the solver's plan breaks the contract:\n" + lines.joined(separator: "\n")
            }
        }
    }

    public let options: Options
    /// Arcs from which `networkPlan` reduces a network (`reducingFrom`; tests set 0 to reduce all).
    var networkReductionFrom = Planner.reducingFrom
    public init(options: Options = Options()) { self.options = options }

    public func solve(_ instance: Instance) throws -> Result {
        let deadline = Deadline(seconds: options.timeLimit)
        func remaining() -> Double? { deadline.remaining }
        if let conflict = LockConflicts.unmeetable(instance.locks) { throw conflict }
        let model = FlowModel(instance)
        let before = Coverage.weightedShortage(instance, staff: instance.pairs.map { Double($0.staying) })
        var stages: [String] = []
        var result = Result(status: .infeasible, plan: Plan(), check: nil, weightedShortageBefore: before,
                            mipGap: 0, stages: [], columns: model.program.columnCount,
                            rows: model.program.rowCount - model.cutRows)

        switch networkPlan(model, deadline, keepingFlow: options.keepStageOneFlow) {
        case let .solved(values, flow, _):
            result.stages = ["network", "network-face"]
            if options.keepStageOneFlow { result.stageOneFlow = flow }
            return try finish(result, model, instance, values: values, status: .optimal, gap: 0)
        case let .stageOneOnly(values):
            result.stages = ["network", "polish"]
            return try finish(result, model, instance, values: StageOnePolish.polish(values, model), status: .timeLimit, gap: 1)
        case .outOfTime:
            // No plan yet and no time left: the caller falls back to a plan made without a solver.
            result.status = .timeLimit
            return result
        case .notANetwork:
            break
        }
        var seed: [Double]? = nil
        if instance.policy.maxOutShare != nil {
            // Without the caps the model may be a network. If its lexicographic optimum meets
            // every cap it is optimal with them: the caps only shrink the feasible set.
            // Otherwise its transfers seed the column generation below (the relaxed model has
            // the same columns in the same order; only the cap rows are missing).
            let relaxed = FlowModel(instance, ignoringOutflowCap: true)
            switch networkPlan(relaxed, deadline, keepingFlow: false, markingTight: true) {
            case .outOfTime, .stageOneOnly:
                // The relaxed model's stage 1 need not meet the caps: no plan of this model yet.
                result.status = .timeLimit
                return result
            case .notANetwork:
                break
            case let .solved(values, _, tight):
                let plan = PlanExtraction.plan(from: values, model: relaxed, instance: instance)
                if PlanChecker.check(plan, against: instance).isValid {
                    result.stages = ["network", "network-face", "caps-met"]
                    return try finish(result, relaxed, instance, values: values, status: .optimal, gap: 0)
                }
                seed = values
                if let standIn = try capsStandIn(model, relaxed, instance, seed: values, tight: tight, deadline) {
                    result.stages = standIn.stages
                    if options.keepStageOneFlow { result.stageOneFlow = standIn.flow }
                    return try finish(result, model, instance, values: standIn.values, status: standIn.status,
                                      gap: standIn.gap)
                }
            }
        }

        // Stage 1: least weighted shortage.
        // With hiring, stage 1 needs no transfer: a release where a teacher would leave and a
        // hire where he would arrive leave the same staff and payroll at no shortage, and use
        // no outflow cap (docs/MODEL.md, "How it solves"). So stage 1 starts without them;
        // column generation still prices every transfer against its duals, which proves it.
        let stageOneSeed = Self.releaseAndHireStandIn(instance) ? nil : seed
        // With outflow caps the LP starts from the basis of the plan that does nothing (primal
        // simplex) rather than from the slacks (dual simplex): a third of the pivots. Only
        // there: elsewhere a different start may end at another optimal vertex, and scenarios
        // of version 1 keep their plans byte for byte.
        let start = instance.policy.maxOutShare != nil ? model.doNothingBasis(instance) : nil
        let (first, viaMIP) = try stageOne(model, keeping: stageOneSeed, basis: start, timeLimit: remaining)
        stages += viaMIP ? ["lp", "mip"] : ["lp"]
        result.stages = stages
        guard first.hasPoint else {
            result.status = first.status == .timeLimit ? .timeLimit : .infeasible
            // Without locks a year always has a plan (do nothing, release what the payroll
            // demands); with them, say which rows cannot hold together.
            if result.status == .infeasible, !instance.locks.isEmpty,
               let conflict = LockConflicts.find(DirectModel.build(instance), rules: instance.locks,
                                                 timeLimit: remaining()) {
                throw conflict
            }
            return result
        }
        if first.status != .optimal {
            // Out of time in stage 1. An LP's point may be fractional where teachers are whole:
            // then there is no plan yet, and the caller falls back to one made without a solver.
            guard isIntegral(first.columnValues, model) else {
                result.status = .timeLimit
                return result
            }
            // Otherwise the best plan so far, its gap, no stage 2.
            return try finish(result, model, instance, values: first.columnValues,
                              status: .timeLimit, gap: first.gap ?? 1)
        }
        let bestShortage = first.objective

        // Stage 2: least cost at that shortage.
        options.stage?("least cost")
        var second: Solution
        if viaMIP {
            second = try run(withShortageRow(model, bestShortage), kind: .automatic, timeLimit: remaining())
            stages.append("mip-row")
        } else {
            // Stage 1's optimal basis is feasible on its face: stage 2 starts from it.
            let (solution, faceStages) = try stageTwo(model, face: Self.optimalFace(model.program(stage: 2), first),
                                                      keeping: Self.union(first.columnValues, seed),
                                                      basis: start == nil ? nil : first.basis,
                                                      shortage: bestShortage, deadline)
            second = solution
            stages += faceStages
        }
        result.stages = stages
        let (values, status, gap) = Self.outcome(second, stageOne: first.columnValues, model)
        return try finish(result, model, instance, values: values, status: status, gap: gap)
    }

    /// Stage 2 on stage 1's optimal face, by column generation from `basis`; branch-and-cut
    /// when the LP's optimum is fractional, and the explicit row W <= W* when the face drifts
    /// from W*. Also returns the stages it ran.
    func stageTwo(_ model: FlowModel, face: LinearProgram, keeping: [Double], basis: StartingBasis?,
                  shortage best: Double, _ deadline: Deadline) throws -> (Solution, [String]) {
        var stages = ["lp-face"]
        var second = try generate(face, model, keeping: keeping, basis: basis, timeLimit: deadline.remaining)
        if second.status == .optimal, !isIntegral(second.columnValues, model) {
            second = try run(face, kind: .automatic, timeLimit: deadline.remaining)
            stages.append("mip-face")
        }
        if second.hasPoint, !Self.equal(shortage(of: second.columnValues, model), best) {
            // Numerically doubtful face: fall back to the explicit row.
            second = try run(withShortageRow(model, best), kind: .automatic, timeLimit: deadline.remaining)
            stages.append("mip-row")
        }
        return (second, stages)
    }

    /// The plan's values, status and gap from stage 2's solution: stage 1's plan (still valid,
    /// W optimal) when stage 2 ran out of time without a whole-teacher point.
    static func outcome(_ second: Solution, stageOne: [Double], _ model: FlowModel)
        -> (values: [Double], status: Result.Status, gap: Double) {
        guard second.hasPoint, second.status == .optimal || isIntegral(second.columnValues, model) else {
            return (stageOne, .timeLimit, 1)
        }
        let status: Result.Status = second.status == .optimal ? .optimal : .timeLimit
        return (second.columnValues, status, status == .optimal ? 0 : (second.gap ?? 1))
    }

    // MARK: Stages

    /// What the network path gives: both stages' optimum, no time left, or nothing (the model
    /// is not a network, or its result is in any doubt, so that GLPK decides).
    private enum NetworkOutcome {
        /// The flow is stage 1's when it was asked for (`keepingFlow`), and `tight` says which
        /// columns stage 2's potentials price at 0 when that was (`markingTight`).
        case solved([Double], StageOneFlow?, tight: [Bool]?)
        /// Stage 2 ran out of time: stage 1's flow, W optimal, C not.
        case stageOneOnly([Double])
        case outOfTime
        case notANetwork
    }

    /// Both stages by network simplex, when the model is a pure min-cost flow. Stage 2 runs on
    /// stage 1's optimal face: arcs with a non-zero reduced cost are held at the bound
    /// complementary slackness puts them at.
    ///
    /// From `reducingFrom` arcs on, two exact reductions cut LEMON's work: stage 1 on the
    /// network with requirements merged into their pairs (`FlowModel.mergedNetwork`), and stage
    /// 2 without the arcs held at a bound (`NetworkFace(removing:...)`: their fixed flow goes
    /// into the supplies of their ends). On 3,500 schools they take both stages from 3.7 s to
    /// 2.0 s. Why not below: either network gives the same W and C, but LEMON may end at
    /// another of several equally good plans, and small scenarios, solved in tenths of a second
    /// either way, keep the plans they have always had (`UnchangedOutputsTests`).
    ///
    /// Stage 1's network and duals are let go before stage 2 unless `keepingFlow` (on 3,500
    /// schools the peak is some 5 MiB lower).
    private func networkPlan(_ model: FlowModel, _ deadline: Deadline, keepingFlow: Bool,
                             markingTight: Bool = false) -> NetworkOutcome {
        guard options.networkSimplex, let plain = model.network else { return .notANetwork }
        let reducing = plain.arcCount >= networkReductionFrom
        guard var first = reducing ? model.mergedNetwork(stage: 1) : model.network(stage: 1) else { return .notANetwork }
        options.stage?("least shortage: network simplex")
        guard var one = networkSolve(first, deadline) else { return .notANetwork }
        if one.status == .timeLimit { return .outOfTime }
        guard one.status == .optimal else { return .notANetwork }
        let columns = model.program.columnCount
        let costs = model.stageTwoCosts + [Double](repeating: 0, count: first.arcCount - columns)
        guard let face = reducing ? NetworkFace(removing: first, stageOne: one, stageTwoCosts: costs)
                : NetworkFace(holding: first, stageOne: one, stageTwoCosts: costs) else { return .notANetwork }
        let flow = keepingFlow ? StageOneFlow(network: first, solution: one, staffRows: model.staffRows,
                                              payrollNode: model.payrollRow, sinkNode: model.sinkNode) : nil
        if !keepingFlow {
            first = FlowNetwork()
            (one.reducedCosts, one.potentials) = ([], [])
        }
        options.stage?("least cost: network simplex")
        guard let two = networkSolve(face.network, deadline) else { return .notANetwork }
        if two.status == .timeLimit {
            return .stageOneOnly((0..<columns).map { Double(one.flows[$0]) })
        }
        guard two.status == .optimal else { return .notANetwork }
        let flows = face.flows(two.flows)
        let values = (0..<columns).map { Double(flows[$0]) }
        guard Self.equal(shortage(of: values, model), one.objective) else { return .notANetwork }
        return .solved(values, flow, tight: markingTight ? face.tight(two.reducedCosts, columns: columns) : nil)
    }

    /// Arcs of a model's network from which `networkPlan` reduces it: s3500 has 663,278, s600
    /// 110,000, the bundled scenarios fewer still.
    static let reducingFrom = 300_000

    /// The network simplex, or nil when it fails or cannot prove its flow (then GLPK solves the
    /// model, and the log says why: a solve that turns slow should not do so silently).
    func networkSolve(_ network: FlowNetwork, _ deadline: Deadline) -> FlowSolution? {
        do {
            return try NetworkSimplex.solve(network, timeLimit: deadline.remaining)
        } catch {
            options.log?("redeploy: \(error); GLPK solves the model instead")
            return nil
        }
    }

    /// Stage 1 by GLPK: the LP by column generation, and branch-and-cut when its optimum is
    /// fractional. `timeLimit` is asked again before the MIP, so both share one budget.
    private func stageOne(_ model: FlowModel, keeping seed: [Double]?, basis: StartingBasis? = nil,
                          timeLimit: () -> Double?) throws -> (Solution, viaMIP: Bool) {
        let program = model.program(stage: 1)
        options.stage?("least shortage: linear program")
        let lp = try generate(program, model, keeping: seed, basis: basis, timeLimit: timeLimit())
        guard lp.status == .optimal, !isIntegral(lp.columnValues, model) else { return (lp, false) }
        options.stage?("least shortage: branch-and-cut")
        return (try run(program, kind: .automatic, timeLimit: timeLimit()), true)
    }

    /// Stage 1 alone: the least weighted shortage W and whether it is proven; nil W when the
    /// solver found no plan. For explanations, which re-solve the model with a limit lifted,
    /// so the model is the shortage-only one (`FlowModel(_:shortageOnly:)`).
    public func leastShortage(_ instance: Instance) throws -> (Result.Status, Double?) {
        let deadline = Deadline(seconds: options.timeLimit)
        let model = FlowModel(instance, shortageOnly: true)
        if let network = model.network(stage: 1),
           let flow = try? NetworkSimplex.solve(network, timeLimit: deadline.remaining) {
            switch flow.status {
            case .optimal: return (.optimal, flow.objective)
            case .infeasible: return (.infeasible, nil)
            case .timeLimit: return (.timeLimit, nil)
            case .unbounded: break
            }
        }
        let (first, _) = try stageOne(model, keeping: nil) { deadline.remaining }
        guard first.hasPoint else { return (first.status == .timeLimit ? .timeLimit : .infeasible, nil) }
        return (first.status == .optimal ? .optimal : .timeLimit, first.objective)
    }

    func run(_ program: LinearProgram, kind: SolveOptions.Kind, timeLimit: Double?) throws -> Solution {
        let solveOptions = SolveOptions(kind: kind, method: .dualSimplex, presolve: false,
                                        timeLimit: timeLimit, relativeGap: 0, log: options.log)
        do {
            return try GLPKSolver().solve(program, options: solveOptions)
        } catch {
            throw PlannerError.solverFailed("\(error)")
        }
    }

    /// The LP relaxation by column generation over transfer arcs: it starts from every other
    /// column and the transfers that carry flow in `keeping`, and prices in the rest (exact;
    /// see `GLPKSolver.solveGeneratingColumns`).
    func generate(_ program: LinearProgram, _ model: FlowModel, keeping: [Double]?, basis: StartingBasis? = nil,
                  timeLimit: Double?) throws -> Solution {
        var initial: [Int] = []
        for (j, role) in model.roles.enumerated() {
            if case .transfer = role, (keeping?[j] ?? 0) <= 1e-9 { continue }
            initial.append(j)
        }
        let solveOptions = SolveOptions(kind: .relaxation, method: .dualSimplex, presolve: false,
                                        timeLimit: timeLimit, relativeGap: 0, log: options.log)
        var stats = GLPKSolver.ColumnGenerationStats()
        do {
            return try GLPKSolver().solveGeneratingColumns(program, initial: initial, options: solveOptions,
                                                           basis: basis, stats: &stats)
        } catch {
            throw PlannerError.solverFailed("\(error)")
        }
    }

    /// Whether every transfer can be stood in for, in stage 1, by a release and a hire: hiring
    /// is allowed and no lock asks for a transfer.
    static func releaseAndHireStandIn(_ instance: Instance) -> Bool {
        instance.policy.hiring && !instance.locks.contains { $0.min > 0 }
    }

    /// Columns used by either point (for seeding column generation).
    static func union(_ a: [Double], _ b: [Double]?) -> [Double] {
        guard let b else { return a }
        return zip(a, b).map { Swift.max($0, $1) }
    }

    /// The optimal face of stage 1, with stage 2's costs.
    static func optimalFace(_ program: LinearProgram, _ first: Solution) -> LinearProgram {
        var face = program
        guard let reduced = first.reducedCosts, let duals = first.rowDuals else { return face }
        let tolerance = 1e-9
        for (j, column) in program.columns.enumerated() {
            if reduced[j] > tolerance {
                face.setBounds(column: j, lower: column.lower, upper: column.lower)
            } else if reduced[j] < -tolerance, column.upper.isFinite {
                face.setBounds(column: j, lower: column.upper, upper: column.upper)
            }
        }
        for (i, row) in program.rows.enumerated() {
            if duals[i] > tolerance, row.lower.isFinite {
                face.setBounds(row: i, lower: row.lower, upper: row.lower)
            } else if duals[i] < -tolerance, row.upper.isFinite {
                face.setBounds(row: i, lower: row.upper, upper: row.upper)
            }
        }
        return face
    }

    /// Stage 2 with the explicit row "stage-1 objective <= W*".
    func withShortageRow(_ model: FlowModel, _ best: Double) -> LinearProgram {
        var program = model.program(stage: 2)
        let slack = 1e-7 * max(1, abs(best))
        let row = program.addRow(name: "shortage", upper: best + slack)
        for (j, cost) in model.stageOneCosts.enumerated() where cost != 0 {
            program.addEntry(row: row, column: j, value: cost)
        }
        return program
    }

    func shortage(of values: [Double], _ model: FlowModel) -> Double {
        zip(model.stageOneCosts, values).reduce(0) { $0 + $1.0 * $1.1 }
    }

    func isIntegral(_ values: [Double], _ model: FlowModel) -> Bool {
        Self.isIntegral(values, model)
    }

    static func isIntegral(_ values: [Double], _ model: FlowModel) -> Bool {
        model.integerColumns.allSatisfy { abs(values[$0] - values[$0].rounded()) <= 1e-6 }
    }

    /// The equality of docs/MODEL.md 3.2, tightened 100-fold so that a face that drifts is caught early.
    static func equal(_ a: Double, _ b: Double) -> Bool {
        abs(a - b) <= 1e-8 * max(1, abs(a), abs(b))
    }

    // MARK: The plan

    private func finish(_ partial: Result, _ model: FlowModel, _ instance: Instance, values: [Double],
                        status: Result.Status, gap: Double) throws -> Result {
        var result = partial
        result.plan = PlanExtraction.plan(from: values, model: model, instance: instance)
        let check = PlanChecker.check(result.plan, against: instance)
        if !check.isValid { throw PlannerError.planBreaksContract(check.violations.map(\.description)) }
        result.check = check
        result.status = status
        result.mipGap = gap
        return result
    }
}


/// Reads transfers, hires and releases off a solution, in a fixed order.
enum PlanExtraction {
    static func plan(from values: [Double], model: FlowModel, instance: Instance) -> Plan {
        let whole = !instance.policy.sharing
        func amount(_ v: Double) -> Double? {
            let x = whole ? v.rounded() : v
            return x > (whole ? 0.5 : 1e-9) ? x : nil
        }
        var transfers: [Plan.Action] = [], hires: [Plan.Action] = [], releases: [Plan.Action] = []
        let pairs = instance.pairs
        for (j, role) in model.roles.enumerated() {
            switch role {
            case let .transfer(from, to):
                guard let x = amount(values[j]) else { continue }
                let (i, k) = (pairs[from].school, pairs[to].school)
                transfers.append(.transfer(from: instance.schools[i].id, to: instance.schools[k].id,
                                           subject: instance.subjects[pairs[from].subject], teachers: x,
                                           km: instance.km(i, k)))
            case let .hire(p):
                guard let x = amount(values[j]) else { continue }
                hires.append(.hire(at: instance.schools[pairs[p].school].id,
                                   subject: instance.subjects[pairs[p].subject], teachers: x))
            case let .release(p):
                guard let x = amount(values[j]) else { continue }
                releases.append(.release(at: instance.schools[pairs[p].school].id,
                                         subject: instance.subjects[pairs[p].subject], teachers: x))
            default:
                continue
            }
        }
        func key(_ a: Plan.Action) -> [String] { [a.from ?? "", a.to ?? "", a.subject] }
        let order: (Plan.Action, Plan.Action) -> Bool = { key($0).lexicographicallyPrecedes(key($1)) }
        return Plan(actions: transfers.sorted(by: order) + hires.sorted(by: order) + releases.sorted(by: order))
    }
}
