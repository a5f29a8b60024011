import LinearProgramming
import RedeployDomain

/// Stage 2 (least C) of a horizon with hiring whose stage 1 came year by year
/// (`HorizonYearByYear`): the time-expanded network on stage 1's optimal face, with side rows
/// for what is not a network (qualifications, outflow caps), solved by GLPK's dual simplex from
/// the network simplex's optimum of the network alone.
///
/// The face. With hiring, stage 1 decouples by year: a plan has the least W exactly when each
/// year's staff n(., y) has the least W that year can have under its payroll cap (see
/// `HorizonYearByYear`). Take mu(y) >= 0, the price of the payroll row at year y's LP optimum.
/// By complementary slackness with that one dual, a year's staff has the least W exactly when
///  (a) every set g of pairs that share requirements has staff n_g >= its floors minimising
///      W_g(n_g) + mu(y) sum n_g, W_g the least shortage of g's requirements with that staff, and
///  (b) if mu(y) > 0, the payroll is full: no unused post that year.
/// A pair whose teachers cover no other pair's requirement, and whose requirement no other pair
/// covers, is alone: with whole teachers W_p(n) = w p max(0, r - n), whose LP is its convex hull
/// (the literal model's cut u >= f (ceil r - n)): slopes -w p, -f w p and 0 with breaks at floor r
/// and ceil r. So (a) holds on an interval of n, where mu - w p, mu - f w p and mu change sign,
/// and the interval becomes the bounds of the pair's carry arc. A group keeps its literal rows
/// (holds, coverage, cuts) as side rows, held by complementary slackness with the year's LP
/// optimum: a row whose dual is not 0 tight, a column whose reduced cost is not 0 at its bound.
/// (b) closes the year's pool arc. The outflow caps are side rows, rounded down to whole
/// teachers. Every plan on the face has W = W*, so stage 2 needs no shortage arcs at all.
/// "Not 0" is read with a tolerance that errs wide (`tolerance`): the face may then hold plans
/// of more W, never lose one of W*, so its LP optimum stays a lower bound on C.
///
/// Why it is fast. The network alone (no side rows) is a min-cost flow with costs >= 0, solved
/// by the network simplex. Its optimal tree with every side row's slack basic is a basis whose
/// duals are the network's potentials with 0 on the side rows (the side columns, covers and
/// shortages, cost nothing in stage 2): dual feasible. GLPK's dual simplex starts there and only
/// repairs the side rows the flow breaks, where the primal simplex from stage 1's plan of
/// releases and hires wandered through tens of thousands of degenerate pivots.
///
/// The caller keeps the plan only if its W is stage 1's (`HorizonLiteralSolver`), and
/// `HorizonPlanner.finish` checks it against every constraint before it is written.
struct HorizonFaceStage {
    let instance: HorizonInstance
    let optima: [HorizonYearByYear.YearOptimum]
    let deadline: Deadline
    let log: (@Sendable (String) -> Void)?

    /// What each value stands for, and the values: the arcs' flows of the face network; whether
    /// the plan's C is proven least, and its relative gap to the face LP's bound otherwise.
    struct Outcome {
        var decisions: [HorizonDecision]
        var values: [Double]
        var proven: Bool
        /// nil when no bound was reached (out of time before the face's LP optimum).
        var gap: Double?
    }

    /// Duals, reduced costs, prices and slopes within this of 0, times the year's largest
    /// shortage weight (`scale`), are 0. They come from GLPK, whose own dual tolerance is 1e-7
    /// relative; reading noise as not 0 would hold a row or a column the optimum does not hold
    /// and make the face too narrow (its LP bound then no bound), while reading a small value as
    /// 0 only widens the face, whose plans the caller checks for stage 1's W. So the tolerance
    /// errs wide.
    static let tolerance = 1e-6

    /// The year's largest w(y) p(j): what its duals and reduced costs are measured against.
    static func scale(_ instance: HorizonInstance, year y: Int) -> Double {
        max(1, instance.schools.reduce(0) { max($0, $1.priority) } * instance.weights[y])
    }

    /// Transfers whose reduced cost in the network's optimum is above this start outside GLPK's
    /// program.
    static let pricedOut = 0.5

    /// nil where it does not apply (sharing, locks, must_move, a year without duals or whole
    /// staff) or does not end in a plan of whole teachers; the caller then solves stage 2 on the
    /// literal model.
    func solve() throws -> Outcome? {
        guard optima.count == instance.years.count else { log?("redeploy: the face stage stops (1)"); return nil }
        let prices = optima.compactMap(\.payrollPrice)
        let whole = optima.compactMap(\.wholeStaff)
        guard prices.count == optima.count, whole.count == optima.count else { log?("redeploy: the face stage stops (2)"); return nil }
        let shares = instance.years.indices.map { ShareGroups(instance, year: $0) }
        let faces = instance.years.indices.compactMap { y in GroupFace.all(instance, shares[y], year: y, optimum: optima[y]) }
        guard faces.count == optima.count else { log?("redeploy: the face stage stops (3)"); return nil }
        // The groups' staff is held first where it moves least from year to year (a plan of
        // least W's staff is arbitrary inside each group's face, and every change costs moves).
        let held = try closestStaff(faces, whole: whole)
        let carry: (Int, Int) -> HorizonFlowModel.Carry = { p, y in
            guard shares[y].isAlone(p) else { return .held(Int64(held[y][p])) }
            let (lower, upper) = aloneBounds(p, year: y, price: prices[y])
            return .between(lower: lower, upper: upper)
        }
        let priced = instance.years.indices.map { prices[$0] > Self.tolerance * Self.scale(instance, year: $0) }
        let pool = priced.map { $0 ? Int64?.some(0) : nil }
        guard let model = HorizonFlowModel(face: instance, carry: carry, poolUpper: pool) else { log?("redeploy: the face stage stops (4)"); return nil }
        var network = model.network
        network.costs = model.stageTwoCosts
        // A teacher in a course holds a post without teaching: in a year whose payroll has a
        // price, that post would cost its price in W, so no course is under way then on the face.
        for (a, role) in model.roles.enumerated() {
            guard case let .retrain(k, start) = role else { continue }
            let end = min(start + instance.retraining[k].delay, instance.years.count)
            if (start..<end).contains(where: { priced[$0] }) { network.upper[a] = 0 }
        }
        // The groups' staff held: a network, whose optimum is a vertex of the face.
        var holding = network
        for (p, terms) in model.staffTerms.enumerated() {
            for (y, list) in terms.enumerated() where !shares[y].isAlone(p) {
                for (arc, _) in list.dropFirst() { holding.upper[arc] = 0 }
            }
        }
        let flow = try NetworkSimplex.solve(holding, timeLimit: deadline.remaining)
        guard flow.status == .optimal else { log?("redeploy: the face stage stops (5)"); return nil }
        var side = SideProgram(model: model, network: network)
        for y in instance.years.indices { side.addGroups(faces[y], year: y) }
        side.addOutflowCaps()
        guard var basis = StartingBasis(dualFeasibleFlow: holding, flows: flow.flows, reducedCosts: flow.reducedCosts,
                                        nodeRows: side.nodeRows, program: side.program) else { log?("redeploy: the face stage stops (6)"); return nil }
        try side.completeBasis(&basis, held: held, deadline: deadline)
        // First the groups' staff still held, by the dual simplex: the basis is dual feasible
        // (the network's potentials, 0 on the side rows), and only the outflow caps the flow
        // breaks are to repair. Then the staff let go, by the primal simplex from that optimum:
        // primal feasible, with only the arcs that change a group's staff priced below 0.
        // Transfers the network prices above `Self.pricedOut` start outside the program (GLPK's
        // work per pivot grows with its columns); pricing brings in any that can pay.
        var holdingProgram = side.program
        for a in 0..<network.arcCount where holding.upper[a] != network.upper[a] {
            holdingProgram.setBounds(column: a, lower: 0, upper: 0)
        }
        let initial = (0..<side.program.columnCount).filter { j in
            guard j < network.arcCount, case .transfer = model.roles[j] else { return true }
            return flow.reducedCosts[j] <= Self.pricedOut
        }
        log?("redeploy: the face: \(side.program.rowCount) rows, \(side.program.columnCount) columns, "
             + "\(initial.count) at the start")
        var options = SolveOptions(kind: .relaxation, method: .dualSimplex, presolve: false,
                                   timeLimit: deadline.remaining, relativeGap: 0, log: log)
        var stats = GLPKSolver.ColumnGenerationStats()
        let first = try GLPKSolver().solveGeneratingColumns(holdingProgram, initial: initial, options: options,
                                                            basis: basis, startingMethod: .dualSimplex, stats: &stats)
        guard first.status == .optimal, let start = first.basis else { log?("redeploy: the face stage stops (7)"); return nil }
        // With the groups' staff held, the face is a network with the outflow caps beside it,
        // and its optimum has so far been whole: a plan of whole teachers to fall back on.
        var best = Self.whole(first.columnValues, arcs: network.arcCount).map { (values: $0, cost: first.objective) }
        log?("redeploy: the face with the groups' staff held: C \(first.objective)"
             + (best == nil ? ", not whole" : ", whole"))
        func ending(bound: Double?) -> Outcome? {
            guard let best else { log?("redeploy: the face stage stops (8)"); return nil }
            let gap = bound.map { max(0, best.cost - $0) / max(1, abs(best.cost)) }
            let proven = gap.map { $0 <= Self.provenGap } ?? false
            return Outcome(decisions: model.roles, values: best.values, proven: proven, gap: proven ? 0 : gap)
        }
        // Then the groups' staff let go, by the primal simplex from that optimum: primal
        // feasible, with only the arcs that change a group's staff priced below 0. Of the
        // transfers, only those the held optimum uses (basic, or at an upper bound) are in the
        // program at the start; pricing brings in any other that can pay. The bounds that the
        // start's degenerate basic variables sit on are moved out a little first
        // (`Self.perturbation`), and put back for a last dual simplex, so the optimum is the
        // face's own. On 600 schools x 6 years the free phase took 30 s (43 s unperturbed) and
        // ended on a vertex whose rounded staff reached the LP's bound (a plan proven least);
        // with every transfer priced within 0.05 in the start, unperturbed, it took 60 s and
        // ended on another vertex of the same C, whose rounding cost 0.11% more.
        guard !deadline.hasPassed else { return ending(bound: nil) }
        options.method = .primalSimplex
        options.timeLimit = deadline.remaining
        let near = (0..<side.program.columnCount).filter { j in
            guard j < network.arcCount, case .transfer = model.roles[j] else { return true }
            return start.columns[j] != .atLower
        }
        log?("redeploy: the face with the groups' staff free: \(near.count) columns at the start")
        let free = try GLPKSolver().solveGeneratingColumns(side.program, initial: near, options: options,
                                                           perturbing: (start, first.columnValues, first.rowActivities),
                                                           size: Self.perturbation, stats: &stats)
        guard free.status == .optimal, let last = free.basis else { return ending(bound: nil) }
        // The face's LP optimum bounds every plan of least W from below.
        let bound = free.objective
        log?("redeploy: the face's LP optimum: C \(bound)")
        if let values = Self.whole(free.columnValues, arcs: network.arcCount) {
            return Outcome(decisions: model.roles, values: values, proven: true, gap: 0)
        }
        // A fractional optimum: the groups' staff rounded to the nearest whole staff on their
        // faces and held there, the rest by the dual simplex from the LP's optimal basis (still
        // dual feasible: only fixed columns change).
        let staff = model.staffTerms.map { terms in
            terms.map { list in list.reduce(0.0) { $0 + $1.sign * free.columnValues[$1.arc] } }
        }
        guard !deadline.hasPassed, let rounding = try roundedStaff(faces, staff: staff) else { return ending(bound: bound) }
        var rounded = holdingProgram
        for (p, terms) in model.staffTerms.enumerated() {
            for (y, list) in terms.enumerated() where !shares[y].isAlone(p) {
                rounded.setBounds(column: list[0].arc, lower: rounding[y][p], upper: rounding[y][p])
            }
        }
        options.method = .dualSimplex
        options.timeLimit = deadline.remaining
        let again = try GLPKSolver().solveGeneratingColumns(rounded, initial: near, options: options, basis: last,
                                                            startingMethod: .dualSimplex, stats: &stats)
        if again.status == .optimal, again.objective < best?.cost ?? .infinity {
            if let values = Self.whole(again.columnValues, arcs: network.arcCount) {
                best = (values, again.objective)
            } else {
                // Fractional (the caps): its transfers and courses floored, the rest by the
                // network simplex, is still a plan of whole teachers on the face.
                var heldNetwork = holding
                for (p, terms) in model.staffTerms.enumerated() {
                    for (y, list) in terms.enumerated() where !shares[y].isAlone(p) {
                        heldNetwork.lower[list[0].arc] = Int64(rounding[y][p])
                        heldNetwork.upper[list[0].arc] = Int64(rounding[y][p])
                    }
                }
                if let flows = try flooredPlan(again.columnValues, network: heldNetwork, roles: model.roles) {
                    let cost = zip(flows, network.costs).reduce(0.0) { $0 + Double($1.0) * $1.1 }
                    if cost < best?.cost ?? .infinity { best = (flows.map(Double.init), cost) }
                }
            }
        }
        log?("redeploy: the face's LP bound \(bound); the best plan of whole teachers: "
             + (best.map { "C \($0.cost)" } ?? "none"))
        return ending(bound: bound)
    }

    /// How far the free phase moves the bounds its start's degenerate basic variables sit on
    /// (`LinearProgram.perturbingDegenerateBounds`), in teachers: far above GLPK's feasibility
    /// tolerance (1e-7, plus 1e-10 of the bound), far below a teacher. The held optimum keeps most of the
    /// network's spanning tree at 0 (about 14,500 transfers basic at 0 on 600 schools x 6 years),
    /// and without it the primal simplex spent its first 7,000 pivots without moving C. On that
    /// case 1e-5 and 1e-4 both took the free phase from 43 s to 30-31 s; 1e-3 took 38 s (its
    /// perturbed optimum lay further from the original's, and the dual simplex had more to repair).
    static let perturbation = 1e-5

    /// A plan's gap to the face's LP bound at which it is proven least (GLPK's own relative
    /// precision for a MIP's optimum; the contract's tolerance, 1e-6, is looser).
    static let provenGap = 1e-9

    /// The arcs' values, rounded, when every arc carries whole teachers; nil otherwise.
    static func whole(_ values: [Double], arcs: Int) -> [Double]? {
        let flows = values.prefix(arcs)
        guard flows.allSatisfy({ abs($0 - $0.rounded()) <= 1e-9 }) else { return nil }
        return flows.map { $0.rounded() }
    }

    /// A plan of whole teachers from a point whose groups' staff is whole (held in `network`):
    /// every transfer and course floored and held, the rest (stays, hires, releases, the lone
    /// pairs' staff) by the network simplex. The caps count only transfers and courses, which
    /// only went down, so the plan keeps them; the face's bounds are the network's.
    func flooredPlan(_ point: [Double], network: FlowNetwork, roles: [HorizonDecision]) throws -> [Int64]? {
        var floored = network
        for (a, role) in roles.enumerated() {
            switch role {
            case .transfer, .retrain:
                let amount = Int64((point[a] + 1e-9).rounded(.down))
                floored.lower[a] = amount
                floored.upper[a] = amount
            default: continue
            }
        }
        let flow = try NetworkSimplex.solve(floored, timeLimit: deadline.remaining)
        return flow.status == .optimal ? flow.flows : nil
    }

    /// Each group's whole staff, year by year, on its face and as close as it can be to the
    /// staff the year before leaves it (raising a pair costs a hire, lowering it a release):
    /// where the face leaves the groups a choice, a choice that asks for few moves.
    func closestStaff(_ faces: [[GroupFace]], whole: [[Double]]) throws -> [[Double]] {
        var held = whole
        let costs = instance.costs
        for y in instance.years.indices {
            for face in faces[y] {
                let carried = face.pairs.map { p -> Double in
                    let pair = instance.pairs[p]
                    return (y == 0 ? pair.initial : held[y - 1][p]) - Double(pair.leaving[y]) + pair.arriving[y]
                }
                // The group's total as stage 1's: with the payroll full, the lone pairs may not be
                // able to take up a difference.
                let total = face.pairs.reduce(0.0) { $0 + whole[y][$1] }
                if let staff = try face.closest(to: carried, total: total, instance: instance, year: y, up: costs.hire,
                                                down: costs.release, deadline: deadline) {
                    for (k, p) in face.pairs.enumerated() { held[y][p] = staff[k] }
                }
            }
        }
        return held
    }

    /// The whole staff on each group's face nearest to `staff` (an LP's), nil if one has none.
    func roundedStaff(_ faces: [[GroupFace]], staff: [[Double]]) throws -> [[Double]]? {
        var held = instance.years.indices.map { y in instance.pairs.indices.map { staff[$0][y] } }
        for y in instance.years.indices {
            for face in faces[y] {
                let target = face.pairs.map { staff[$0][y] }
                guard let whole = try face.closest(to: target, total: target.reduce(0, +).rounded(), instance: instance,
                                                   year: y, up: 1, down: 1, deadline: deadline) else { return nil }
                for (k, p) in face.pairs.enumerated() { held[y][p] = whole[k] }
            }
        }
        return held
    }

    /// The staff of a pair alone in year y that meets (a): where the slopes of
    /// w p max(0, r - n) + mu n (mu - w p below floor r, mu - f w p up to ceil r, mu above) turn
    /// from negative to positive, no lower than the pair's floor L. nil upper: no bound.
    func aloneBounds(_ p: Int, year y: Int, price mu: Double) -> (lower: Int64, upper: Int64?) {
        let pair = instance.pairs[p]
        let weight = instance.weights[y] * instance.schools[pair.school].priority
        let r = pair.required[y]
        let (floor, ceiling) = (r.rounded(.down), r.rounded(.up))
        let least = Double(pair.stayFloor[y]) + pair.arriving[y]
        func slope(rightOf x: Double) -> Double {
            if x < floor { return mu - weight }
            if x < ceiling { return mu - (r - floor) * weight }
            return mu
        }
        func next(after x: Double) -> Double? { [floor, ceiling].first { $0 > x } }
        let zero = Self.tolerance * Self.scale(instance, year: y)
        var lower = least
        while slope(rightOf: lower) < -zero, let x = next(after: lower) { lower = x }
        var upper: Double? = lower
        while let x = upper, abs(slope(rightOf: x)) <= zero { upper = next(after: x) }
        return (Int64(lower), upper.map { Int64($0) })
    }
}

/// Year y's pairs joined by the requirements they share: p and q (q != p) are joined when p's
/// teachers may cover q's requirement (r > 0) at their school. A pair joined to none is alone.
struct ShareGroups {
    /// The requirement pairs (r > 0) each pair's teachers may cover, its own first.
    let covers: [[Int]]
    /// The groups of more than one pair, each sorted, in the order of their least pair.
    let groups: [[Int]]
    private let group: [Int]

    init(_ instance: HorizonInstance, year y: Int) {
        let pairs = instance.pairs
        covers = pairs.indices.map { p in
            instance.canCover[pairs[p].subject].compactMap { b -> Int? in
                guard let q = instance.pairIndex(school: pairs[p].school, subject: b), pairs[q].required[y] > 0 else {
                    return nil
                }
                return q
            }
        }
        var sets = DisjointSets(count: pairs.count)
        for (p, list) in covers.enumerated() {
            for q in list where q != p { sets.union(p, q) }
        }
        var members = [Int: [Int]]()
        for p in pairs.indices { members[sets.representative(p), default: []].append(p) }
        groups = members.values.filter { $0.count > 1 }.sorted { $0[0] < $1[0] }
        var group = [Int](repeating: -1, count: pairs.count)
        for (k, list) in groups.enumerated() { for p in list { group[p] = k } }
        self.group = group
    }

    func isAlone(_ p: Int) -> Bool { group[p] < 0 }
    func groupIndex(_ p: Int) -> Int? { group[p] < 0 ? nil : group[p] }
}

/// One group's rows in year y (docs: `HorizonFaceStage`), over its own columns: the staff
/// n(p) of its pairs first (in the order of `pairs`), then the shortage u of each requirement
/// and the covers z. Rows: coverage, holds, its cuts.
struct GroupFace {
    let pairs: [Int]
    private(set) var columnCount: Int
    private(set) var rows: [(lower: Double, upper: Double)] = []
    private(set) var entries: [(row: Int, column: Int, value: Double)] = []

    /// Year y's groups, in the order of `ShareGroups.groups`; nil without the LP's duals.
    static func all(_ instance: HorizonInstance, _ shares: ShareGroups, year y: Int,
                    optimum: HorizonYearByYear.YearOptimum) -> [GroupFace]? {
        let count = instance.pairs.count
        let zero = HorizonFaceStage.tolerance * HorizonFaceStage.scale(instance, year: y)
        var coverStart = [Int](repeating: 0, count: count + 1)
        for (p, pair) in instance.pairs.enumerated() {
            let covers = instance.canCover[pair.subject].filter { instance.pairIndex(school: pair.school, subject: $0) != nil }
            coverStart[p + 1] = coverStart[p] + covers.count
        }
        guard optimum.reducedCosts.count == 2 * count + coverStart[count], optimum.rowDuals.count > 2 * count else {
            return nil
        }
        var faces = shares.groups.map { GroupFace(instance, shares, pairs: $0, year: y, optimum: optimum,
                                                  coverStart: coverStart) }
        // The literal model's cuts of year y (its rows after the payroll's, in this order).
        let required = instance.pairs.map { $0.required[y] }
        for (k, cut) in CoverageCuts.cuts(required: required, covers: shares.covers, minGroup: 1).enumerated() {
            guard let g = shares.groupIndex(cut.requirements[0]), 2 * count + 1 + k < optimum.rowDuals.count else {
                continue
            }
            faces[g].addCut(cut, tight: abs(optimum.rowDuals[2 * count + 1 + k]) > zero)
        }
        return faces
    }

    private var shortage: [Int: Int] = [:]

    /// The year's rows of the group as the literal model writes them, held where complementary
    /// slackness with the year's LP optimum holds them: a row whose dual is not 0 is tight (an
    /// equality), a column whose reduced cost is not 0 sits at its lower bound (a cover or a
    /// shortage at 0, the staff at its floor). That is the set of the group's optimal staff for
    /// those duals; with the payroll's (the pool arc) and the lone pairs' (their intervals) it is
    /// the year's optimal face.
    private init(_ instance: HorizonInstance, _ shares: ShareGroups, pairs group: [Int], year y: Int,
                 optimum: HorizonYearByYear.YearOptimum, coverStart: [Int]) {
        pairs = group
        columnCount = group.count
        let count = instance.pairs.count
        let zero = HorizonFaceStage.tolerance * HorizonFaceStage.scale(instance, year: y)
        let tight = { (dual: Double) in abs(dual) > zero }
        let held = { (j: Int) in optimum.reducedCosts[j] > zero }
        var coverage = [Int: Int]()
        for q in group {
            let r = instance.pairs[q].required[y]
            coverage[q] = row(lower: r, upper: tight(optimum.rowDuals[count + q]) ? r : .infinity)
            guard !held(count + q) else { continue }
            shortage[q] = column()
            entry(coverage[q]!, shortage[q]!, 1)
        }
        for (k, p) in group.enumerated() {
            let pair = instance.pairs[p]
            let holds = row(lower: tight(optimum.rowDuals[p]) ? 0 : -.infinity, upper: 0)
            entry(holds, k, -1)
            if held(p) {
                let floor = row(upper: Double(pair.stayFloor[y]) + pair.arriving[y])
                entry(floor, k, 1)
            }
            var z = 2 * count + coverStart[p]
            for b in instance.canCover[pair.subject] {
                guard let q = instance.pairIndex(school: pair.school, subject: b) else { continue }
                defer { z += 1 }
                // A cover of a requirement outside the group (r = 0 there) only eases the holds row.
                guard !held(z), coverage[q] != nil || !tight(optimum.rowDuals[count + q]) else { continue }
                let column = column()
                entry(holds, column, 1)
                if let row = coverage[q] { entry(row, column, 1) }
            }
        }
    }

    private mutating func column() -> Int {
        columnCount += 1
        return columnCount - 1
    }

    private mutating func row(lower: Double = -.infinity, upper: Double = .infinity) -> Int {
        rows.append((lower, upper))
        return rows.count - 1
    }

    private mutating func entry(_ i: Int, _ j: Int, _ value: Double) { entries.append((i, j, value)) }

    /// sum_{q in T} u(q) + f sum_{s in N(T)} n(s) >= f ceil r(T) (= where it is tight).
    private mutating func addCut(_ cut: CoverageCuts.Cut, tight: Bool) {
        guard cut.staff.allSatisfy({ pairs.contains($0) }) else { return }
        let bound = cut.fraction * cut.ceiling
        let i = row(lower: bound, upper: tight ? bound : .infinity)
        for q in cut.requirements { if let u = shortage[q] { entry(i, u, 1) } }
        for s in cut.staff { entry(i, pairs.firstIndex(of: s)!, cut.fraction) }
    }

    /// The rows over the columns after the staff, with the staff given (moved to the bounds).
    func program(staff: [Double]) -> LinearProgram {
        var lp = LinearProgram(name: "horizon-face-group", sense: .minimize)
        var shift = [Double](repeating: 0, count: rows.count)
        for e in entries where e.column < pairs.count { shift[e.row] += e.value * staff[e.column] }
        for (i, row) in rows.enumerated() { lp.addRow(lower: row.lower - shift[i], upper: row.upper - shift[i]) }
        for _ in pairs.count..<columnCount { lp.addColumn(lower: 0, upper: .infinity, cost: 0, isInteger: false) }
        for e in entries where e.column >= pairs.count {
            lp.addEntry(row: e.row, column: e.column - pairs.count, value: e.value)
        }
        return lp
    }

    /// The whole staff on the face (each pair at least its floor, `total` in all) closest to
    /// `target`: each unit above it costs `up`, each below `down`. nil if GLPK proves none.
    func closest(to target: [Double], total: Double, instance: HorizonInstance, year y: Int, up: Double, down: Double,
                 deadline: Deadline) throws -> [Double]? {
        var lp = LinearProgram(name: "horizon-face-group-staff", sense: .minimize)
        for row in rows { lp.addRow(lower: row.lower, upper: row.upper) }
        for p in pairs {
            let pair = instance.pairs[p]
            lp.addColumn(lower: Double(pair.stayFloor[y]) + pair.arriving[y], upper: .infinity, cost: 0, isInteger: true)
        }
        for _ in pairs.count..<columnCount { lp.addColumn(lower: 0, upper: .infinity, cost: 0, isInteger: false) }
        for e in entries { lp.addEntry(row: e.row, column: e.column, value: e.value) }
        let sum = lp.addRow(lower: total, upper: total)
        for k in pairs.indices { lp.addEntry(row: sum, column: k, value: 1) }
        for (k, value) in target.enumerated() {
            let row = lp.addRow(lower: value, upper: value)
            lp.addEntry(row: row, column: k, value: 1)
            lp.addEntry(row: row, column: lp.addColumn(lower: 0, upper: .infinity, cost: up, isInteger: false), value: -1)
            lp.addEntry(row: row, column: lp.addColumn(lower: 0, upper: .infinity, cost: down, isInteger: false), value: 1)
        }
        let options = SolveOptions(kind: .automatic, method: .dualSimplex, presolve: false,
                                   timeLimit: deadline.remaining, relativeGap: 0, log: nil)
        let solved = try GLPKSolver().solve(lp, options: options)
        guard solved.status == .optimal else { return nil }
        return (0..<pairs.count).map { solved.columnValues[$0].rounded() }
    }
}

/// The face network written as an LP (a row per node but the sink, a column per arc), with the
/// groups' and caps' side rows and the groups' cover and shortage columns after the arcs.
private struct SideProgram {
    let model: HorizonFlowModel
    var program = LinearProgram(name: "horizon-face", sense: .minimize)
    /// The row of each node of the network; nil for the sink (its row is the sum of the others').
    var nodeRows: [Int?] = []
    /// Each group, its year, its rows in `program` and its columns after the staff.
    var blocks: [(face: GroupFace, year: Int, rows: [Int], columns: [Int])] = []

    init(model: HorizonFlowModel, network: FlowNetwork) {
        self.model = model
        let sink = model.sinkNode
        program.reserve(columns: network.arcCount, rows: network.supplies.count, entries: 2 * network.arcCount)
        for (v, supply) in network.supplies.enumerated() {
            nodeRows.append(v == sink ? nil : program.addRow(lower: Double(supply), upper: Double(supply)))
        }
        for a in 0..<network.arcCount {
            let j = program.addColumn(lower: Double(network.lower[a]), upper: network.upper[a].map(Double.init) ?? .infinity,
                                      cost: network.costs[a], isInteger: false)
            if let row = nodeRows[Int(network.sources[a])] { program.addEntry(row: row, column: j, value: 1) }
            if let row = nodeRows[Int(network.targets[a])] { program.addEntry(row: row, column: j, value: -1) }
        }
    }

    var instance: HorizonInstance { model.instance }

    /// Year y's groups as side rows: a staff column is its pair's staff arcs.
    mutating func addGroups(_ faces: [GroupFace], year y: Int) {
        for face in faces {
            let rows = face.rows.map { program.addRow(lower: $0.lower, upper: $0.upper) }
            let columns = (face.pairs.count..<face.columnCount).map { _ in
                program.addColumn(lower: 0, upper: .infinity, cost: 0, isInteger: false)
            }
            for e in face.entries {
                if e.column < face.pairs.count {
                    for (arc, sign) in model.staffTerms[face.pairs[e.column]][y] {
                        program.addEntry(row: rows[e.row], column: arc, value: sign * e.value)
                    }
                } else {
                    program.addEntry(row: rows[e.row], column: columns[e.column - face.pairs.count], value: e.value)
                }
            }
            blocks.append((face, y, rows, columns))
        }
    }

    /// Each group's rows made feasible for its held staff, if they can be: the basis of its
    /// small program in place of its slacks. The side columns cost nothing, so the duals stay
    /// what they were (0 on the side rows).
    /// Past the deadline the rest keep their slacks (the dual simplex then has more to repair).
    func completeBasis(_ basis: inout StartingBasis, held: [[Double]], deadline: Deadline) throws {
        for block in blocks where !deadline.hasPassed {
            let options = SolveOptions(kind: .relaxation, method: .primalSimplex, presolve: false,
                                       timeLimit: deadline.remaining, relativeGap: 0, log: nil)
            let small = block.face.program(staff: block.face.pairs.map { held[block.year][$0] })
            let solved = try GLPKSolver().solve(small, options: options)
            guard solved.status == .optimal, let local = solved.basis else { continue }
            for (k, i) in block.rows.enumerated() { basis.rows[i] = local.rows[k] }
            for (k, j) in block.columns.enumerated() { basis.columns[j] = local.columns[k] }
        }
    }

    /// Section 4's outflow caps: the transfers and courses out of a school in a year, at most
    /// max_out_share of its teachers.
    mutating func addOutflowCaps() {
        guard let share = instance.policy.maxOutShare else { return }
        let pairs = instance.pairs
        var rows = [[Int]: Int]()
        for (a, role) in model.roles.enumerated() {
            let from: Int, y: Int
            switch role {
            case let .transfer(p, _, year): (from, y) = (pairs[p].school, year)
            case let .retrain(k, year): (from, y) = (pairs[instance.retraining[k].from].school, year)
            default: continue
            }
            if rows[[from, y]] == nil {
                let cap = share * Double(instance.pairRanges[from].reduce(0) { $0 + pairs[$1].teachers })
                // Transfers and courses are whole (the face model refuses sharing): the cap's
                // fraction holds no one, and rounded down it makes the LP bound tighter.
                rows[[from, y]] = program.addRow(upper: (cap + 1e-9).rounded(.down))
            }
            program.addEntry(row: rows[[from, y]]!, column: a, value: 1)
        }
    }
}
