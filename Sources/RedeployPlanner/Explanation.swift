import LinearProgramming
import RedeployDomain

/// What a planner can act on after a solve: where one more teacher lowers the weighted
/// shortage W most, and how much W each policy limit costs.
public struct Explanation: Sendable, Equatable {
    /// How the worth of one more teacher was found.
    public enum GainMethod: String, Sendable {
        /// The change of the optimum itself, from the residual network (exact for one teacher).
        case network
        /// The LP duals of stage 1: a rate per teacher, exact for a small enough change and an
        /// upper bound on what a whole teacher gains. Used where the model is not a pure
        /// network (outflow caps, coupled requirements, sharing).
        case lpDuals = "lp_duals"
    }

    /// One more teacher of `subject` at `school` (the best school of its area for that subject),
    /// who stays there and is not counted in the payroll limit, lowers W by `gain`.
    public struct TeacherGain: Sendable, Equatable {
        public var area: String
        public var subject: String
        public var school: String
        public var gain: Double
    }

    /// One policy limit lifted and the model re-solved for W alone.
    public struct Limit: Sendable, Equatable {
        /// The policy key: payroll_change, hiring, max_distance_km, max_out_share, transfer_scope.
        public var key: String
        public var current: String
        public var lifted: String
        public var status: Planner.Result.Status
        /// W with the limit lifted; nil when the re-solve found no plan.
        public var weightedShortage: Double?
        /// W (with the limit) - W (lifted): the shortage the limit costs; nil when not proven.
        public var shortageCost: Double?
    }

    public var weightedShortage: Double
    public var gainMethod: GainMethod
    /// The best school of each (area, subject) with a positive gain; largest gain first.
    public var gains: [TeacherGain]
    /// False when the time limit ran out before the gains were known (`gains` is then empty).
    public var gainsComplete: Bool = true
    /// Every limit the scenario sets, the costliest first.
    public var limits: [Limit]
}

/// Builds an `Explanation` for a scenario whose optimum W is known.
///
/// Why re-solves for the limits and not the duals of their rows: a limit's dual is the rate
/// for a marginal change, but a planner asks what lifting it buys, and at the degenerate
/// optima of flow problems the duals are not even unique. Each limit costs one stage-1 solve
/// (the network simplex where the lifted model is a network). With hiring, the shortage-only
/// model has no transfers (a release and a hire stand in for each), which makes it a small
/// network even with outflow caps, and the limits that bound only transfers share one solve.
public struct Explainer: Sendable {
    public let options: Planner.Options
    public init(options: Planner.Options = Planner.Options()) { self.options = options }

    public func explain(_ scenario: Scenario, weightedShortage: Double) throws -> Explanation {
        try explain(scenario, weightedShortage: weightedShortage, proven: false, stageOne: nil)
    }

    /// From a solve's result: its W, and its stage-1 flow when the planner kept it
    /// (`Planner.Options.keepStageOneFlow`), which spares solving stage 1 again for the gains.
    public func explain(_ scenario: Scenario, result: Planner.Result) throws -> Explanation {
        guard let w = result.check?.weightedShortage else {
            throw Planner.PlannerError.solverFailed("no plan to explain: the solve ended \(result.status.rawValue)")
        }
        return try explain(scenario, weightedShortage: w, proven: result.status == .optimal, stageOne: result.stageOneFlow)
    }

    /// `options.timeLimit` bounds the whole explanation: every re-solve gets what is left.
    /// - Parameter proven: `weightedShortage` is the proven optimum (the solve ended optimal).
    private func explain(_ scenario: Scenario, weightedShortage: Double, proven: Bool,
                         stageOne: Planner.StageOneFlow?) throws -> Explanation {
        let instance = Instance(scenario)
        let deadline = Deadline(seconds: options.timeLimit)
        let (method, perPair, onePost) = try gains(instance, stageOne: stageOne, deadline)
        return Explanation(weightedShortage: weightedShortage, gainMethod: method,
                           gains: perPair.map { Self.bestByAreaAndSubject($0, instance) } ?? [],
                           gainsComplete: perPair != nil,
                           limits: try limits(scenario, instance, weightedShortage: weightedShortage, proven: proven,
                                              onePostChange: onePost, deadline: deadline))
    }

    /// The options of one re-solve: the time left before `deadline`.
    private func within(_ deadline: Deadline) -> Planner.Options {
        var budgeted = options
        budgeted.timeLimit = deadline.remaining
        return budgeted
    }

    // MARK: One more teacher

    /// The gain of one more teacher per pair, and how W changes with one more post when the
    /// model is a network (nil otherwise). A model built here is let go before the limits'
    /// re-solves build theirs.
    private func gains(_ instance: Instance, stageOne: Planner.StageOneFlow?, _ deadline: Deadline)
        throws -> (Explanation.GainMethod, [Double]?, Double?) {
        if stageOne == nil && deadline.hasPassed { return (.lpDuals, nil, nil) }
        let model = stageOne == nil ? FlowModel(instance, shortageOnly: true) : nil
        guard let flow = stageOne ?? model.flatMap({ Self.networkStageOne($0, timeLimit: deadline.remaining) }) else {
            let duals = try dualGains(model ?? FlowModel(instance, shortageOnly: true), timeLimit: deadline.remaining)
            return (.lpDuals, duals, nil)
        }
        // One residual-network search gives every node's worth of one more unit: the pairs'
        // D nodes for the gains, the payroll node for one more post.
        let changes = Self.supplyChanges(flow)
        return (.network, Self.gains(changes, flow.staffRows), changes[flow.payrollNode])
    }

    /// The worth of one more teacher at each pair's D row: exact from the residual network
    /// where the model is one, else the stage-1 LP duals.
    func pairGains(_ instance: Instance) throws -> (Explanation.GainMethod, [Double]) {
        let model = FlowModel(instance, shortageOnly: true)
        guard let flow = Self.networkStageOne(model, timeLimit: options.timeLimit) else {
            guard let duals = try dualGains(model, timeLimit: options.timeLimit) else {
                throw Planner.PlannerError.solverFailed("the stage-1 LP for the gains ran out of time")
            }
            return (.lpDuals, duals)
        }
        return (.network, Self.gains(Self.supplyChanges(flow), flow.staffRows))
    }

    /// Stage 1's optimal flow of a shortage-only model, when that model is a network.
    static func networkStageOne(_ model: FlowModel, timeLimit: Double? = nil) -> Planner.StageOneFlow? {
        guard let network = model.network(stage: 1), let flow = try? NetworkSimplex.solve(network, timeLimit: timeLimit),
              flow.status == .optimal else { return nil }
        return Planner.StageOneFlow(network: network, solution: flow, staffRows: model.staffRows,
                                    payrollNode: model.payrollRow, sinkNode: model.sinkNode)
    }

    /// The stage-1 LP duals of the D rows: a rate per teacher; nil when out of time.
    func dualGains(_ model: FlowModel, timeLimit: Double?) throws -> [Double]? {
        let planner = Planner(options: options)
        let lp = try planner.generate(model.program(stage: 1), model, keeping: nil, timeLimit: timeLimit)
        if lp.status == .timeLimit { return nil }
        guard lp.status == .optimal, let duals = lp.rowDuals else {
            throw Planner.PlannerError.solverFailed("the stage-1 LP for the explanation ended \(lp.status)")
        }
        return model.staffRows.map { max(0, duals[$0]) }
    }

    /// How W changes with one more unit of supply at each node of stage 1's optimal flow.
    static func supplyChanges(_ stageOne: Planner.StageOneFlow) -> [Double?] {
        stageOne.solution.unitCostsOfExtraSupply(stageOne.network, sink: stageOne.sinkNode)
    }

    /// What one more teacher at each pair's D node saves.
    static func gains(_ changes: [Double?], _ staffRows: [Int]) -> [Double] {
        staffRows.map { max(0, -(changes[$0] ?? 0)) }
    }

    /// Per (area, subject), the school where one more teacher gains most (ties: the first
    /// school in the instance's order); only positive gains; largest first.
    static func bestByAreaAndSubject(_ gains: [Double], _ instance: Instance) -> [Explanation.TeacherGain] {
        var best: [String: Explanation.TeacherGain] = [:]
        for (p, pair) in instance.pairs.enumerated() where gains[p] > 1e-9 {
            let school = instance.schools[pair.school]
            let key = school.area + "\u{0}" + instance.subjects[pair.subject]
            if let current = best[key], current.gain >= gains[p] { continue }
            best[key] = Explanation.TeacherGain(area: school.area, subject: instance.subjects[pair.subject],
                                                school: school.id, gain: gains[p])
        }
        return best.values.sorted {
            ($0.gain, $1.area, $1.subject) > ($1.gain, $0.area, $0.subject)
        }
    }

    // MARK: Limits

    /// Each limit the scenario sets, lifted alone. same_level is never lifted: a teacher's
    /// training is for a level, so no planner would lift it.
    ///
    /// - Parameter onePostChange: how W changes with one more unit at the payroll node of the
    ///   optimal flow, when known: payroll_change + 1 is then read off, not re-solved.
    func limits(_ scenario: Scenario, _ instance: Instance, weightedShortage: Double, proven: Bool = false,
                onePostChange: Double? = nil, deadline: Deadline = Deadline(seconds: nil)) throws -> [Explanation.Limit] {
        let policy = scenario.policy
        /// `known`: W with the limit lifted, when it is read off the optimal flow. `transfersOnly`:
        /// the limit bounds transfers and nothing else.
        var lifts: [(key: String, current: String, lifted: String, known: Double?, transfersOnly: Bool,
                     change: (inout Policy) -> Void)] = []
        if policy.hiring {
            let unlimited = Self.payrollWithoutLimit(instance)
            if policy.payrollChange < unlimited {
                lifts.append(("payroll_change", String(policy.payrollChange), String(policy.payrollChange + 1),
                              onePostChange.map { max(0, weightedShortage + $0) }, false, { $0.payrollChange += 1 }))
                lifts.append(("payroll_change", String(policy.payrollChange), "no limit",
                              Self.noShortageWithoutPayrollLimit(instance) ? 0 : nil, false,
                              { $0.payrollChange = unlimited }))
            }
        } else {
            lifts.append(("hiring", "false", "true", nil, false, { $0.hiring = true }))
        }
        if let km = policy.maxDistanceKm {
            lifts.append(("max_distance_km", Self.text(km), "null", nil, true, { $0.maxDistanceKm = nil }))
        }
        if let share = policy.maxOutShare {
            lifts.append(("max_out_share", Self.text(share), "null", nil, true, { $0.maxOutShare = nil }))
        }
        if policy.transferScope == .area {
            lifts.append(("transfer_scope", "area", "any", nil, true, { $0.transferScope = .any }))
        }
        // Where a release and a hire stand in for every transfer, W does not depend on what
        // bounds transfers: the shortage-only model of such a lift is the scenario's own
        // (`FlowModel(_:shortageOnly:)`), whose optimum is the scenario's W. So such a lift is
        // worth nothing when the solve proved W, and one solve serves every such lift otherwise.
        let standIn = Planner.releaseAndHireStandIn(instance)
        var unlifted: (Planner.Result.Status, Double?)? = proven ? (.optimal, weightedShortage) : nil
        var limits: [Explanation.Limit] = []
        for lift in lifts {
            var lifted = scenario
            lift.change(&lifted.policy)
            // Past the deadline no model is built: the lift is simply not known.
            let (status, value): (Planner.Result.Status, Double?)
            if let known = lift.known {
                (status, value) = (.optimal, known)
            } else if deadline.hasPassed {
                (status, value) = (.timeLimit, nil)
            } else if standIn && lift.transfersOnly {
                let same = try unlifted ?? Planner(options: within(deadline)).leastShortage(instance)
                unlifted = same
                (status, value) = same
            } else {
                (status, value) = try Planner(options: within(deadline)).leastShortage(Instance(lifted))
            }
            let cost = status == .optimal ? value.map { max(0, weightedShortage - $0) } : nil
            limits.append(Explanation.Limit(key: lift.key, current: lift.current, lifted: lift.lifted, status: status,
                                            weightedShortage: value, shortageCost: cost))
        }
        // Stable: equal costs keep the order above.
        return limits.enumerated().sorted {
            let (a, b) = ($0.element.shortageCost ?? -1, $1.element.shortageCost ?? -1)
            return a != b ? a > b : $0.offset < $1.offset
        }.map(\.element)
    }

    /// Whether the plan that hires ceil(r) teachers at every pair with a requirement r, and
    /// does nothing else, leaves no shortage: it keeps the payroll of `payrollWithoutLimit`
    /// (and every lock, when none asks for a transfer), so lifting the payroll limit then gives
    /// W = 0, the least any plan can have, with no solve. (Each such pair covers its own
    /// requirement, so with hiring this always holds; the independent coverage computation
    /// checks it rather than assume it.)
    static func noShortageWithoutPayrollLimit(_ instance: Instance) -> Bool {
        guard Planner.releaseAndHireStandIn(instance) else { return false }
        let covers = instance.coveredRequirements
        let staff = instance.pairs.indices.map { p in
            let pair = instance.pairs[p]
            return Double(pair.staying) + (covers[p].contains(p) ? pair.required.rounded(.up) : 0)
        }
        return Coverage.weightedShortage(instance, staff: staff) == 0
    }

    /// A payroll change no plan can use up: hires never exceed the total requirement.
    static func payrollWithoutLimit(_ instance: Instance) -> Int {
        let need = instance.pairs.reduce(0.0) { $0 + $1.required.rounded(.up) }
        return max(instance.policy.payrollChange, Int(min(need, 1e12)) + 1)
    }

    static func text(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
    }
}
