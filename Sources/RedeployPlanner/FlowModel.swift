import LinearProgramming
import RedeployDomain

/// The fast formulation: the model of docs/MODEL.md section 2 written as a flow network with a few
/// side rows.
///
/// Nodes and rows, for pair p = (school j, subject a) and requirement c = (j, b), r > 0:
/// - O(p), `stay + sum transfers out + release = t - l`: the teachers who stay to be placed;
///   transfers leave only from here, so nothing passes through (constraint 1).
/// - D(p), `stay + transfers in + hire - sum covers >= 0`: staff after the plan n(p), of which
///   the covers are what teaches the requirements the subject is qualified for.
/// - C(c), `sum covers + short >= need`: a requirement met by teachers or left short.
/// - payroll, `sum hire - sum release <= leavers + payroll_change` (constraint 3).
/// - outflow, per school with a cap: `sum transfers out <= share x teachers` (constraint 4).
///
/// Every cost is >= 0 (shortage is a positive-cost arc, not a negative-cost gain), so the
/// all-zero basis is dual feasible and GLPK's dual simplex starts from it without presolve.
///
/// Whole teachers: the shortage of a requirement r is a convex function of the integer
/// staff, max(0, r - n): `need` is ceil(r), with a first shortage arc of capacity 1 and cost
/// p x (r - floor r) (the fractional part) and a second of capacity floor r and cost p. Rows
/// then have integer right-hand sides and every column two opposite unit entries except in
/// the side rows, so the LP is a network whose vertices are integral (when side rows do
/// not interfere, which `Planner` checks on the solution).
///
/// Where a school's teachers of one subject could cover two requirements with a split of their time
/// (a qualification), the split is continuous in the model (docs/MODEL.md section 2): such
/// "coupled" requirements get need = r and one shortage arc of capacity r, and the staff stays
/// integral only through integer columns (a MIP), which `Planner` solves when it must. With sharing
/// every requirement is continuous, as are all columns.
///
/// Transfer arcs are generated only where they can pay off: from pairs with staying
/// teachers, to schools where the subject covers some requirement. A teacher sent where he
/// covers nothing could stay instead at no greater shortage or cost, so some lexicographic
/// optimum never uses such an arc.
public struct FlowModel: Sendable {
    public enum Role: Sendable, Equatable {
        case stay(pair: Int)
        case transfer(from: Int, to: Int)
        case hire(pair: Int)
        case release(pair: Int)
        case cover(pair: Int, requirement: Int)
        case short(requirement: Int)
        /// Shortage-only models (`init(_:shortageOnly:)`): teachers of a pair sent into the pool
        /// of their subject and transfer group, and teachers a pair takes from that pool.
        case pool(pair: Int, hub: Int)
        case draw(hub: Int, pair: Int)
    }

    public let program: LinearProgram
    /// What each column of `program` means.
    public let roles: [Role]
    /// The columns that must be integral for whole teachers (empty with sharing).
    public let integerColumns: [Int]
    /// The requirement c of each C row, as a pair index.
    public let requirements: [Int]
    /// Objective of stage 1 per column: its value is the weighted shortage W itself.
    public let stageOneCosts: [Double]
    /// Cost C per column (transfers, hires, releases).
    public let stageTwoCosts: [Double]
    /// Whether any requirement is coupled (needs a MIP for whole teachers).
    public let hasCoupledRequirements: Bool
    /// The same program as a min-cost flow, when it is one: whole teachers, no coupled
    /// requirement, no outflow cap. Arc j is column j for j < columnCount; the arcs after
    /// them are the rows' slacks. Costs are left 0: `network(stage:)` sets them.
    public let network: FlowNetwork?
    /// Rows of `CoverageCuts` at the end of `program`: valid inequalities, not part of the
    /// formulation (summary.json's `model_rows` leaves them out, as before they existed).
    public let cutRows: Int
    /// The O row of each pair, and the C row of each pair with a requirement (else -1).
    let originRows: [Int]
    let requirementRows: [Int]
    /// Whether transfers go through pools (no basis of the plan that does nothing is made then).
    let pooled: Bool
    /// The D row (staff after the plan) of each pair; also its node in `network`.
    public let staffRows: [Int]
    /// The payroll row (hires - releases); also its node in `network`.
    public let payrollRow: Int
    /// The node of `network` that takes every slack (T): one more teacher who stays idle ends here.
    public var sinkNode: Int { program.rowCount + 1 }

    /// - Parameter ignoringOutflowCap: leave out max_out_share's rows (a relaxation whose
    ///   optimum, if it meets every cap, is the optimum with them).
    /// - Parameter shortageOnly: a model for stage 1 alone (W), for explanations. Without a
    ///   distance cap, who may send to whom is an equivalence (same level if same_level, same
    ///   area if transfer_scope is area), and W does not depend on which sender feeds which
    ///   receiver: each subject and group gets one pool node (a hub) instead of an arc per
    ///   sender and receiver. 3,500 schools without a cap would otherwise need tens of millions
    ///   of transfer arcs. Its stage-2 costs mean nothing and it has no `.transfer` roles.
    ///   With hiring and no lock asking for a transfer it has no transfers at all, nor pools:
    ///   a release and a hire stand in for each (`Planner.releaseAndHireStandIn`), so W is the
    ///   same, and the model is a network whenever teachers are whole and no requirement is
    ///   coupled, whatever the caps, distances and transfer scope (which only bound transfers).
    public init(_ instance: Instance, ignoringOutflowCap: Bool = false, shortageOnly: Bool = false) {
        var builder = Builder(instance: instance)
        builder.ignoringOutflowCap = ignoringOutflowCap
        builder.withoutTransfers = shortageOnly && Planner.releaseAndHireStandIn(instance)
        // Pools have no transfer of their own for a lock row to bound.
        builder.pooled = shortageOnly && !builder.withoutTransfers && instance.policy.maxDistanceKm == nil
            && instance.locks.isEmpty
        builder.build()
        program = builder.program
        roles = builder.roles
        integerColumns = builder.integerColumns
        requirements = builder.requirementPairs
        stageOneCosts = builder.stageOneCosts
        stageTwoCosts = builder.stageTwoCosts
        hasCoupledRequirements = builder.coupled
        network = builder.networkForm()
        staffRows = builder.staffRow
        payrollRow = builder.payrollRow
        cutRows = builder.cutRows
        originRows = builder.originRow
        requirementRows = builder.requirementRow
        pooled = builder.pooled
    }

    /// The network with stage-one (shortage) or stage-two (cost) costs on the column arcs.
    public func network(stage: Int) -> FlowNetwork? {
        guard var net = network else { return nil }
        let costs = stage == 1 ? stageOneCosts : stageTwoCosts
        for j in costs.indices { net.costs[j] = costs[j] }
        return net
    }

    /// What each arc of `network` stands for in `program`: the columns, then the slacks of the
    /// D rows, the C rows and the payroll row, then U -> T (nothing). Nodes below
    /// `program.rowCount` are rows; U and T are not. For `StartingBasis(flow:...)`.
    func networkArcVariables() -> [StartingBasis.ArcVariable] {
        (0..<program.columnCount).map { .column($0) } + staffRows.map { .rowSlack($0) }
            + requirements.map { .rowSlack(requirementRows[$0]) } + [.rowSlack(payrollRow), .none]
    }

    /// A program with stage-one (shortage) or stage-two (cost) objective.
    public func program(stage: Int) -> LinearProgram {
        var p = program
        let costs = stage == 1 ? stageOneCosts : stageTwoCosts
        for j in costs.indices { p.setCost(column: j, costs[j]) }
        return p
    }

    private struct Builder {
        let instance: Instance
        let whole: Bool
        var program = LinearProgram(name: "redeploy", sense: .minimize)
        var roles: [Role] = []
        var integerColumns: [Int] = []
        var stageOneCosts: [Double] = []
        var stageTwoCosts: [Double] = []
        var requirementPairs: [Int] = []
        var coupled = false
        var originRow: [Int] = []
        var staffRow: [Int] = []
        /// C row of each pair with r > 0, else -1.
        var requirementRow: [Int] = []
        var payrollRow = -1
        var ignoringOutflowCap = false
        var pooled = false
        /// No transfer nor pool columns (a shortage-only model where releases and hires stand in).
        var withoutTransfers = false
        var hasOutflowRows = false
        /// The hub row of each pool, in the order the pools were made.
        var hubRows: [Int] = []
        /// The outflow row of each school, made when its first transfer column is.
        var outflowRows: [Int: Int] = [:]
        /// For each pair, the requirement pairs at its school that it covers.
        var covers: [[Int]] = []
        var cutRows = 0
        /// Section 8's rows, and the transfer columns each matches.
        let locks: LockIndex
        var lockColumns: [[Int]]
        var hasLockRows = false

        init(instance: Instance) {
            self.instance = instance
            whole = !instance.policy.sharing
            locks = LockIndex(instance.locks)
            lockColumns = [[Int]](repeating: [], count: instance.locks.count)
        }

        mutating func column(_ role: Role, upper: Double = .infinity, shortage: Double = 0, cost: Double = 0,
                             integer: Bool) -> Int {
            let j = program.addColumn(lower: 0, upper: upper, cost: 0, isInteger: integer && whole)
            roles.append(role)
            stageOneCosts.append(shortage)
            stageTwoCosts.append(cost)
            if integer && whole { integerColumns.append(j) }
            return j
        }

        mutating func build() {
            let pairs = instance.pairs
            covers = instance.coveredRequirements
            let coupledPair = findCoupled()
            // O(p) holds the teachers a plan may move; held ones (fixed posts) enter D(p) directly.
            for p in pairs.indices {
                originRow.append(program.addRow(lower: Double(pairs[p].movable), upper: Double(pairs[p].movable)))
                staffRow.append(program.addRow(lower: -Double(pairs[p].held)))
            }
            requirementRow = [Int](repeating: -1, count: pairs.count)
            for p in pairs.indices where pairs[p].required > 0 {
                addRequirement(p, continuous: !whole || coupledPair[p])
            }
            let payroll = program.addRow(upper: Double(pairs.reduce(0) { $0 + $1.leaving } + instance.policy.payrollChange))
            payrollRow = payroll
            for p in pairs.indices { addPairColumns(p, payroll: payroll) }
            if pooled { addPools() } else if !withoutTransfers { addTransfers() }
            addLocks()
            if whole && coupled { addCoverageCuts() }
        }

        /// `CoverageCuts`' inequalities, over the shortage columns of each set T and the columns
        /// that bring staff to N(T) (stays, transfers in, hires, pool draws).
        mutating func addCoverageCuts() {
            var inflow = [[Int]](repeating: [], count: instance.pairs.count)
            var short = [Int: [Int]]()
            for (j, role) in roles.enumerated() {
                switch role {
                case let .stay(p), let .hire(p), let .transfer(_, p), let .draw(_, p): inflow[p].append(j)
                case let .short(q): short[q, default: []].append(j)
                default: break
                }
            }
            for cut in CoverageCuts.cuts(required: instance.pairs.map(\.required), covers: covers) {
                let held = cut.staff.reduce(0) { $0 + instance.pairs[$1].held }
                let row = program.addRow(lower: cut.fraction * (cut.ceiling - Double(held)))
                cutRows += 1
                for q in cut.requirements { for j in short[q] ?? [] { program.addEntry(row: row, column: j, value: 1) } }
                for p in cut.staff { for j in inflow[p] { program.addEntry(row: row, column: j, value: cut.fraction) } }
            }
        }

        /// Section 8: a row naming one transfer bounds its column (an arc's bounds, so the
        /// model stays a network); any other row is a side row over the columns it matches.
        /// A row that matches no column keeps its row, empty: with min > 0 it makes the model
        /// infeasible, as the contract says.
        mutating func addLocks() {
            for (k, rule) in locks.rules.enumerated() {
                let columns = lockColumns[k]
                if rule.isSingleArc(years: 1), columns.count == 1 {
                    let j = columns[0]
                    let column = program.columns[j]
                    program.setBounds(column: j, lower: Swift.max(column.lower, rule.min),
                                      upper: Swift.min(column.upper, rule.max ?? .infinity))
                    continue
                }
                if columns.isEmpty && rule.min <= 0 { continue }
                let row = program.addRow(lower: rule.min, upper: rule.max ?? .infinity)
                for j in columns { program.addEntry(row: row, column: j, value: 1) }
                hasLockRows = true
            }
        }

        /// A requirement is coupled when a subject at its school covers it and another requirement.
        func findCoupled() -> [Bool] {
            var coupledPair = [Bool](repeating: false, count: instance.pairs.count)
            for p in instance.pairs.indices where covers[p].count > 1 {
                for q in covers[p] { coupledPair[q] = true }
            }
            return coupledPair
        }

        mutating func addRequirement(_ p: Int, continuous: Bool) {
            let r = instance.pairs[p].required
            let priority = instance.schools[instance.pairs[p].school].priority
            if continuous && whole { coupled = true }
            let row = program.addRow(lower: continuous ? r : r.rounded(.up))
            requirementRow[p] = row
            requirementPairs.append(p)
            if continuous {
                let s = column(.short(requirement: p), upper: r, shortage: priority, integer: false)
                program.addEntry(row: row, column: s, value: 1)
            } else {
                let whole = r.rounded(.down)
                let fraction = r - whole
                if fraction > 0 {
                    let s = column(.short(requirement: p), upper: 1, shortage: priority * fraction, integer: false)
                    program.addEntry(row: row, column: s, value: 1)
                }
                if whole > 0 {
                    let s = column(.short(requirement: p), upper: whole, shortage: priority, integer: false)
                    program.addEntry(row: row, column: s, value: 1)
                }
            }
        }

        mutating func addPairColumns(_ p: Int, payroll: Int) {
            let stay = column(.stay(pair: p), integer: true)
            program.addEntry(row: originRow[p], column: stay, value: 1)
            program.addEntry(row: staffRow[p], column: stay, value: 1)
            for q in covers[p] {
                let c = column(.cover(pair: p, requirement: q), integer: false)
                program.addEntry(row: staffRow[p], column: c, value: -1)
                program.addEntry(row: requirementRow[q], column: c, value: 1)
            }
            if instance.policy.hiring && !covers[p].isEmpty {
                let h = column(.hire(pair: p), cost: instance.costs.hire, integer: true)
                program.addEntry(row: staffRow[p], column: h, value: 1)
                program.addEntry(row: payroll, column: h, value: 1)
            }
            if instance.pairs[p].movable > 0 {
                let e = column(.release(pair: p), cost: instance.costs.release, integer: true)
                program.addEntry(row: originRow[p], column: e, value: 1)
                program.addEntry(row: payroll, column: e, value: -1)
            }
        }

        /// Transfer arcs, same subject, between schools the policy allows, only where useful.
        mutating func addTransfers() {
            let pairs = instance.pairs
            var bySubject = [[Int]](repeating: [], count: instance.subjects.count)
            for p in pairs.indices { bySubject[pairs[p].subject].append(p) }
            for subjectPairs in bySubject {
                let senders = subjectPairs.filter { pairs[$0].movable > 0 }
                let receivers = subjectPairs.filter { !covers[$0].isEmpty }
                for p in senders {
                    for q in receivers { addTransfer(p, q) }
                }
                // A lock row with min > 0 may need a transfer that cannot pay off: it is made too.
                guard locks.rules.contains(where: { $0.min > 0 }) else { continue }
                for p in subjectPairs {
                    for q in subjectPairs where pairs[q].school != pairs[p].school
                        && !(pairs[p].movable > 0 && !covers[q].isEmpty)
                        && locks.demands(from: pairs[p].school, to: pairs[q].school, subject: pairs[p].subject) {
                        addTransfer(p, q)
                    }
                }
            }
        }

        mutating func addTransfer(_ p: Int, _ q: Int) {
            let (i, j) = (instance.pairs[p].school, instance.pairs[q].school)
            guard let cost = instance.transferCost(from: i, to: j) else { return }
            let x = column(.transfer(from: p, to: q), cost: cost, integer: true)
            program.addEntry(row: originRow[p], column: x, value: 1)
            program.addEntry(row: staffRow[q], column: x, value: 1)
            countOutflow(column: x, school: i)
            for k in locks.matching(from: i, to: j, subject: instance.pairs[p].subject) { lockColumns[k].append(x) }
        }

        /// Counts a column of teachers leaving school `i` in its max_out_share row, if any.
        mutating func countOutflow(column x: Int, school i: Int) {
            guard !ignoringOutflowCap, let share = instance.policy.maxOutShare else { return }
            let row: Int
            if let existing = outflowRows[i] {
                row = existing
            } else {
                row = program.addRow(upper: outflowLimit(school: i, share: share))
                outflowRows[i] = row
                hasOutflowRows = true
            }
            program.addEntry(row: row, column: x, value: 1)
        }

        /// Transfers through pools: per subject and transfer group, senders -> hub -> receivers.
        /// A pair's own teachers through its hub back to it are a stay, which uses an outflow
        /// cap and gains nothing, so the optimum W is that of the transfer arcs.
        mutating func addPools() {
            let pairs = instance.pairs
            var hubOf: [[String]: Int] = [:]
            func hub(_ p: Int) -> Int {
                let school = instance.schools[pairs[p].school]
                let key = [String(pairs[p].subject), instance.policy.sameLevel ? school.level : "",
                           instance.policy.transferScope == .area ? school.area : ""]
                if let h = hubOf[key] { return h }
                let h = hubRows.count
                hubRows.append(program.addRow(lower: 0, upper: 0))
                hubOf[key] = h
                return h
            }
            for p in pairs.indices where pairs[p].movable > 0 {
                let h = hub(p), i = pairs[p].school
                let x = column(.pool(pair: p, hub: h), cost: instance.costs.move, integer: true)
                program.addEntry(row: originRow[p], column: x, value: 1)
                program.addEntry(row: hubRows[h], column: x, value: 1)
                countOutflow(column: x, school: i)
            }
            for q in pairs.indices where !covers[q].isEmpty {
                let h = hub(q)
                let x = column(.draw(hub: h, pair: q), integer: true)
                program.addEntry(row: hubRows[h], column: x, value: -1)
                program.addEntry(row: staffRow[q], column: x, value: 1)
            }
        }

        /// The min-cost flow form. Nodes are the rows, plus U (the source of shortage) and T
        /// (the sink of every slack): O(p) supplies t - l; D(p) balances; C(c) demands ceil r,
        /// fed by covers or by shortage from U, any excess to T; the payroll node supplies
        /// leavers + payroll_change to hires, takes releases, and sends what is unused to T.
        func networkForm() -> FlowNetwork? {
            guard whole, !coupled, !hasOutflowRows, !hasLockRows else { return nil }
            let u = program.rowCount, t = program.rowCount + 1
            var supplies = [Int64](repeating: 0, count: program.rowCount + 2)
            for p in instance.pairs.indices {
                supplies[originRow[p]] = Int64(instance.pairs[p].movable)
                supplies[staffRow[p]] = Int64(instance.pairs[p].held)
            }
            var totalNeed: Int64 = 0
            for c in requirementPairs {
                let need = Int64(program.rows[requirementRow[c]].lower)
                supplies[requirementRow[c]] = -need
                totalNeed += need
            }
            supplies[payrollRow] = Int64(program.rows[payrollRow].upper)
            supplies[u] = totalNeed
            supplies[t] = -supplies.reduce(0, +)
            var net = FlowNetwork(supplies: supplies)
            for (j, role) in roles.enumerated() {
                let (from, to): (Int, Int)
                switch role {
                case let .stay(p): (from, to) = (originRow[p], staffRow[p])
                case let .transfer(p, q): (from, to) = (originRow[p], staffRow[q])
                case let .hire(p): (from, to) = (payrollRow, staffRow[p])
                case let .release(p): (from, to) = (originRow[p], payrollRow)
                case let .cover(p, q): (from, to) = (staffRow[p], requirementRow[q])
                case let .short(c): (from, to) = (u, requirementRow[c])
                case let .pool(p, h): (from, to) = (originRow[p], hubRows[h])
                case let .draw(h, q): (from, to) = (hubRows[h], staffRow[q])
                }
                let (lower, upper) = (program.columns[j].lower, program.columns[j].upper)
                net.addArc(from: from, to: to, lower: Int64(lower), upper: upper.isFinite ? Int64(upper) : nil)
            }
            for p in instance.pairs.indices { net.addArc(from: staffRow[p], to: t) }
            for c in requirementPairs { net.addArc(from: requirementRow[c], to: t) }
            net.addArc(from: payrollRow, to: t)
            net.addArc(from: u, to: t)
            return net
        }

        /// share x teachers; for whole teachers the floor, which no integer plan can exceed.
        func outflowLimit(school: Int, share: Double) -> Double {
            let teachers = instance.pairRanges[school].reduce(0) { $0 + instance.pairs[$1].teachers }
            let limit = share * Double(teachers)
            return whole ? (limit + 1e-9).rounded(.down) : limit
        }
    }
}
