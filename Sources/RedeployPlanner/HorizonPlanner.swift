import LinearProgramming
import RedeployDomain

/// Plans a horizon (docs/MODEL.md sections 5 and 6), or a year with retraining: the least W over
/// all the years, then the least C, by the time-expanded network (`HorizonFlowModel`) where the
/// horizon is a pure network and by GLPK on the literal model (`HorizonDirectModel`) where it
/// is not (qualifications, outflow caps, shared teachers). Every plan is re-checked by
/// `HorizonPlanChecker` before it is returned.
///
/// `Method.myopic` is the plan made one year at a time: each year solved to its own optimum
/// alone, from what the earlier years left, blind to the years after it. It is what planning
/// over the whole horizon is measured against.
public struct HorizonPlanner: Sendable {
    public enum Method: String, Sendable, CaseIterable {
        case optimal, myopic
    }

    public struct Result: Sendable {
        /// optimal; feasible for the myopic plan (each year is optimal, the horizon is not
        /// proven); time_limit when the solver stopped with a plan it could not prove.
        public var status: Planner.Result.Status
        public var plan: Plan
        public var check: HorizonPlanChecker.Report
        /// The check of the plan that does nothing: W0, year by year.
        public var before: HorizonPlanChecker.Report
        public var weightedShortageBefore: Double { before.weightedShortage }
        /// 0 when proven optimal; nil where nothing is proven (myopic).
        public var mipGap: Double?
        /// What solved it, in order, e.g. ["horizon-network", "horizon-network-face"].
        public var stages: [String]
        public var method: Method
    }

    public enum HorizonError: Error, CustomStringConvertible {
        /// No plan can meet year `year`'s payroll cap: the teachers who may not leave are too many.
        case payrollCannotBeMet(year: Int, least: Double, cap: Int)
        case noPlan(String)

        public var description: String {
            switch self {
            case let .payrollCannotBeMet(year, least, cap):
                let shown = least == least.rounded() ? String(Int(least)) : "\(least)"
                return "infeasible: the payroll cap of \(year) (\(cap)) cannot be met: at least \(shown) people "
                    + "stay on the payroll that year (teachers who leave in a later year, fixed posts, courses)"
            case let .noPlan(why): return "no plan: \(why)"
            }
        }
    }

    public let options: Planner.Options
    public init(options: Planner.Options = Planner.Options()) { self.options = options }

    public func solve(_ instance: HorizonInstance, method: Method = .optimal) throws -> Result {
        if let year = instance.years.indices.first(where: { instance.leastPayroll(year: $0) > Double(instance.payrollCap[$0]) }) {
            throw HorizonError.payrollCannotBeMet(year: instance.years[year], least: instance.leastPayroll(year: year),
                                                  cap: instance.payrollCap[year])
        }
        if let conflict = LockConflicts.unmeetable(instance.locks) { throw conflict }
        let deadline = Deadline(seconds: options.timeLimit)
        let before = HorizonPlanChecker.check(Plan(), against: instance)
        switch method {
        case .optimal:
            let solved: Solved
            do {
                solved = try solveWhole(instance, deadline: deadline)
            } catch HorizonError.noPlan where !deadline.hasPassed && !instance.locks.isEmpty {
                // Every year's payroll can be met (checked above), so the locks, with the
                // must_move rows, are what no plan meets: name them.
                throw lockConflict(instance, deadline: deadline) ?? HorizonError.noPlan("the locks cannot all hold")
            } catch HorizonError.noPlan(let why) where deadline.hasPassed {
                // Out of time with no plan: the plan that only releases what the caps demand is
                // always valid (`leastPayroll`), proves nothing, and is written as such.
                options.log?("redeploy: \(why); writing the plan of the releases the payroll caps demand")
                return try finish(instance, Self.releasesOnly(instance), status: .timeLimit, gap: nil,
                                  stages: ["releases-only"], before: before, method: method, expected: nil)
            }
            return try finish(instance, solved.actions, status: solved.status, gap: solved.gap, stages: solved.stages,
                              before: before, method: method, expected: solved.weightedShortage)
        case .myopic:
            var actions: [Plan.Action] = []
            var status = Planner.Result.Status.feasible
            var stages: [String] = []
            for k in instance.years.indices {
                options.stage?("year \(instance.years[k])")
                let sofar = HorizonPlanChecker.check(Plan(actions: actions), against: instance)
                let window = instance.window(k, staff: k == 0 ? instance.pairs.map(\.initial) : sofar.staff[k - 1],
                                             arriving: instance.pairs.indices.map { sofar.arrivals[k][$0] },
                                             inCourse: sofar.inCourse[k], locksUsed: sofar.lockSums)
                let solved = try solveWhole(window, deadline: deadline)
                if solved.status == .timeLimit { status = .timeLimit }
                actions += solved.actions
                if stages.last != solved.stages.first { stages += solved.stages }
            }
            return try finish(instance, actions, status: status, gap: nil, stages: stages, before: before,
                              method: method, expected: nil)
        }
    }

    /// The lock rows (and must_move roster lines) that make the literal model infeasible.
    private func lockConflict(_ instance: HorizonInstance, deadline: Deadline) -> LockConflict? {
        let (built, _) = HorizonDirectModel.built(instance)
        return LockConflicts.find(built, rules: instance.locks, mustMoveSources: instance.mustMoveSources,
                                  timeLimit: deadline.remaining)
    }

    private struct Solved {
        var actions: [Plan.Action]
        var status: Planner.Result.Status
        var gap: Double?
        var stages: [String]
        var weightedShortage: Double
    }

    /// The lexicographic optimum of all the years of `instance` together.
    private func solveWhole(_ instance: HorizonInstance, deadline: Deadline) throws -> Solved {
        if options.networkSimplex, let model = HorizonFlowModel(instance, ignoringOutflowCap: true) {
            options.stage?("network simplex")
            let solved = try networkOptimum(model, instance, deadline: deadline)
            guard instance.policy.maxOutShare != nil else { return solved }
            // Without the caps the horizon is a network; if its optimum meets every cap, it is
            // the optimum with them.
            if HorizonPlanChecker.check(Plan(actions: solved.actions), against: instance).isValid {
                return Solved(actions: solved.actions, status: .optimal, gap: 0, stages: solved.stages + ["caps-met"],
                              weightedShortage: solved.weightedShortage)
            }
        }
        options.stage?("GLPK, literal model")
        let outcome = try HorizonLiteralSolver(instance: instance, deadline: deadline, log: options.log).solve()
        return Solved(actions: instance.plan(outcome.decisions, amounts: outcome.values),
                      status: outcome.proven ? .optimal : deadline.hasPassed ? .timeLimit : .feasible,
                      gap: outcome.mipGap, stages: outcome.stages,
                      weightedShortage: outcome.weightedShortage)
    }

    /// The releases each year's cap demands and nothing else, from the pairs with the most
    /// teachers beyond their requirement first (then in pair order), never below a pair's stay
    /// floor. Releasing down to the floors every year meets every cap of a feasible horizon, so
    /// this plan is always valid: what a time limit leaves when no solver had a plan.
    static func releasesOnly(_ instance: HorizonInstance) -> [Plan.Action] {
        var actions: [Plan.Action] = []
        for y in instance.years.indices {
            let sofar = HorizonPlanChecker.check(Plan(actions: actions), against: instance)
            var excess = sofar.years[y].payroll - Double(instance.payrollCap[y])
            guard excess > 1e-9 else { continue }
            let previous = y == 0 ? instance.pairs.map(\.initial) : sofar.staff[y - 1]
            let movable = instance.pairs.indices.map { p in
                previous[p] - Double(instance.pairs[p].leaving[y] + instance.pairs[p].stayFloor[y])
            }
            let order = instance.pairs.indices.filter { movable[$0] >= 1 }.sorted { a, b in
                let (x, z) = (sofar.staff[y][a] - instance.pairs[a].required[y], sofar.staff[y][b] - instance.pairs[b].required[y])
                return x != z ? x > z : a < b
            }
            for p in order where excess > 1e-9 {
                let amount = min(movable[p].rounded(.down), excess.rounded(.up))
                guard amount > 0 else { continue }
                let pair = instance.pairs[p]
                actions.append(Plan.Action(kind: .release, from: instance.schools[pair.school].id, to: nil,
                                           subject: instance.subjects[pair.subject], teachers: amount,
                                           year: instance.hasHorizon ? instance.years[y] : nil))
                excess -= amount
            }
        }
        return actions
    }

    private func networkOptimum(_ model: HorizonFlowModel, _ instance: HorizonInstance,
                                deadline: Deadline) throws -> Solved {
        switch try HorizonNetworkSolver.solve(model, deadline: deadline) {
        case let .optimal(result):
            return Solved(actions: instance.plan(model.roles, amounts: result.flows.map(Double.init)), status: .optimal,
                          gap: 0, stages: ["horizon-network", "horizon-network-face"],
                          weightedShortage: result.weightedShortage)
        case .infeasible:
            throw HorizonError.noPlan("the network has no feasible flow")
        case .outOfTime:
            throw HorizonError.noPlan("out of time before the network simplex found the optimum")
        }
    }

    /// Re-checks the plan independently; a plan that breaks the contract, or whose W is not
    /// the solver's, is a bug and never written.
    private func finish(_ instance: HorizonInstance, _ actions: [Plan.Action], status: Planner.Result.Status,
                        gap: Double?, stages: [String], before: HorizonPlanChecker.Report, method: Method,
                        expected: Double?) throws -> Result {
        let plan = Plan(actions: actions)
        let check = HorizonPlanChecker.check(plan, against: instance)
        var problems = check.violations.map(\.description)
        if let expected, status == .optimal,
           abs(check.weightedShortage - expected) > PlanChecker.tolerance * max(1, abs(expected)) {
            problems.append("the plan's weighted shortage \(check.weightedShortage) is not the solver's \(expected)")
        }
        guard problems.isEmpty else { throw Planner.PlannerError.planBreaksContract(problems) }
        return Result(status: status, plan: plan, check: check, before: before,
                      mipGap: gap, stages: stages, method: method)
    }
}

extension HorizonInstance {
    /// The fewest people year `y` can have on the payroll whatever the plan: every pair down to
    /// its stay floor plus what arrives from courses begun before the modelled years, and the
    /// teachers still in those courses. Releasing down to it every year is always possible, so
    /// a horizon is feasible exactly when this is within every year's cap.
    public func leastPayroll(year y: Int) -> Double {
        pairs.reduce(0) { $0 + Double($1.stayFloor[y]) + $1.arriving[y] } + inCourse[y]
    }
}
