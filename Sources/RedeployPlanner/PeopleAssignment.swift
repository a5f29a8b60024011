import LinearProgramming
import RedeployDomain

/// The third stage of docs/MODEL.md section 7: given the roster and a valid aggregate plan,
/// which teachers take each transfer, release and retraining out of each (school i, subject a)
/// in each year. In each such group the choice minimises, in this order,
///
/// - 3a. the non-volunteers chosen, must_move teachers not counted (volunteers go first);
/// - 3b. the points of the non-volunteers chosen, must_move ones included (the least
///   protected go first);
/// - 3c. the great-circle km (radius 6371.0) from each chosen teacher's home to the school they
///   go to; a release, a teacher without a home or a school without coordinates adds 0.
///
/// Every must_move teacher is chosen in the first year, for a transfer or a retraining to
/// another school. Exempt teachers are never chosen, nor are teachers who leave during the plan
/// (`Assignment.leavesDuringPlan`): they leave on their own schedule.
///
/// Years are taken one after the other. A teacher moved in year y is at the new school (and a
/// retrained one at the new school in the new subject, once the course is over) and may be
/// chosen there from year y + 1 on; a teacher hired in year y at (j, a) joins the roster as
/// `new:j:a:y:k` (k = 1, 2, ... in the plan's order of hiring there that year), 0 points, not a
/// volunteer, not exempt, no home, and may be chosen from year y + 1 on. Who may be chosen in a
/// year is thus who was at (i, a) when the year began, as the plan checkers count what may
/// leave (no pass-through).
///
/// ## Why each group's choice is exact
/// A group is a min-cost flow: a source sends K (the teachers the group's actions take) to
/// one node per eligible teacher (arc [0, 1], or [1, 1] for a must_move teacher), each teacher
/// node sends on to one node per action (arc [0, 1]; a must_move teacher's arcs go to transfers
/// and retrainings to another school only), and each action node absorbs exactly its teachers.
/// Integral flows are exactly the feasible choices. 3a and 3b are costs on the source arcs (1
/// for a non-volunteer who is not must_move; a non-volunteer's points), 3c a cost on the
/// teacher-to-action arcs. The three objectives are minimised one after the other, each on the
/// optimal face of the one before: with the duals of an optimal flow, a flow is optimal if and
/// only if every arc of non-zero reduced cost sits at the bound complementary slackness puts it
/// at, so fixing those arcs (their flow moved into the supplies of their ends) leaves a network
/// whose feasible flows are exactly the optimal ones. Each face is again a network with integer
/// supplies and bounds, so the network simplex's vertex optimum is integral: the lexicographic
/// optimum over choices of people, not a relaxation. (`NetworkSimplex` checks every arc's
/// reduced cost against its flow in full precision, so a face is never cut from unproven duals.)
public enum PeopleAssignment {
    /// Why people cannot be chosen for a plan: names schools, subjects, years and counts, never
    /// a teacher's personal data.
    public struct Failure: Error, CustomStringConvertible, Equatable {
        public var description: String
        init(_ description: String) { self.description = description }
    }

    /// The people of `scenario.roster` for `plan` (every action of every year).
    public static func assign(_ scenario: Scenario, plan: Plan) throws -> [Assignment] {
        try assign(HorizonInstance(scenario), roster: scenario.roster, plan: plan)
    }

    /// The people of `roster` for `plan`, the schools, years and retraining delays read from
    /// `instance`.
    public static func assign(_ instance: HorizonInstance, roster: [RosterRow], plan: Plan) throws -> [Assignment] {
        var state = State(instance: instance, roster: roster)
        var assignments: [Assignment] = []
        let byYear = try state.actionsByYear(plan)
        for y in instance.years.indices {
            assignments += try state.choose(y, actions: byYear[y])
            state.hire(y, actions: byYear[y])
        }
        return assignments
    }

    /// A teacher as stage 3 follows them from year to year.
    struct Person {
        var id: String
        var school: String
        var subject: String
        var points: Double
        var volunteer: Bool
        /// Exempt, or leaving during the plan: never chosen.
        var protected: Bool
        var mustMove: Bool
        var homeLatitude: Double?
        var homeLongitude: Double?
        /// The first year index in which the teacher may be chosen where they are; Int.max once
        /// released or in a course that outlasts the plan.
        var availableFrom: Int
    }

    struct State {
        let instance: HorizonInstance
        let schoolByID: [String: School]
        var people: [Person]

        init(instance: HorizonInstance, roster: [RosterRow]) {
            self.instance = instance
            schoolByID = Dictionary(instance.schools.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            let years = instance.hasHorizon ? instance.years : nil
            people = roster.map { row in
                Person(id: row.teacherID, school: row.schoolID, subject: row.subject, points: row.points,
                       volunteer: row.volunteer, protected: row.isExempt || Assignment.leavesDuringPlan(row, years: years),
                       mustMove: row.mustMove, homeLatitude: row.homeLatitude, homeLongitude: row.homeLongitude,
                       availableFrom: 0)
            }
        }

        func inYear(_ y: Int) -> String { instance.hasHorizon ? " in \(instance.years[y])" : "" }

        /// The plan's actions by year index, each with its whole number of teachers.
        func actionsByYear(_ plan: Plan) throws -> [[(action: Plan.Action, count: Int)]] {
            var byYear = Array(repeating: [(action: Plan.Action, count: Int)](), count: instance.years.count)
            for (n, action) in plan.actions.enumerated() {
                let y: Int
                if instance.hasHorizon {
                    guard let year = action.year, let k = instance.years.firstIndex(of: year) else {
                        throw Failure("plan row \(n + 1): its year is not a year of the horizon")
                    }
                    y = k
                } else {
                    y = 0
                }
                let count = Int(action.teachers.rounded())
                guard action.teachers.isFinite, count >= 0, abs(action.teachers - Double(count)) <= 1e-6 else {
                    throw Failure("plan row \(n + 1): \(action.teachers) teachers is not a whole number of people")
                }
                if action.kind != .release, action.to.flatMap({ schoolByID[$0] }) == nil {
                    throw Failure("plan row \(n + 1): no receiving school known")
                }
                if action.kind != .hire, action.from.flatMap({ schoolByID[$0] }) == nil {
                    throw Failure("plan row \(n + 1): no sending school known")
                }
                if action.kind == .retrain, action.toSubject?.isEmpty ?? true {
                    throw Failure("plan row \(n + 1): a retraining needs to_subject")
                }
                byYear[y].append((action, count))
            }
            return byYear
        }

        /// The years a retraining from (from, subject) to (to, toSubject) takes; 0 when the
        /// instance lists no such option (the plan checker refuses such a plan).
        func delay(_ action: Plan.Action) -> Int {
            guard let from = action.from, let to = action.to, let toSubject = action.toSubject,
                  let i = instance.schools.firstIndex(where: { $0.id == from }),
                  let j = instance.schools.firstIndex(where: { $0.id == to }),
                  let a = instance.subjects.firstIndex(of: action.subject),
                  let b = instance.subjects.firstIndex(of: toSubject),
                  let p = instance.pairIndex(school: i, subject: a), let q = instance.pairIndex(school: j, subject: b),
                  let option = instance.retraining.first(where: { $0.from == p && $0.to == q }) else { return 0 }
            return max(0, option.delay)
        }

        /// Chooses the people of every group of year index y and moves them.
        mutating func choose(_ y: Int, actions: [(action: Plan.Action, count: Int)]) throws -> [Assignment] {
            struct Key: Hashable { var school: String, subject: String }
            var order: [Key] = []
            var slots: [Key: [(action: Plan.Action, count: Int)]] = [:]
            for entry in actions where entry.action.kind != .hire && entry.count > 0 {
                let key = Key(school: entry.action.from!, subject: entry.action.subject)
                if slots[key] == nil { order.append(key) }
                slots[key, default: []].append(entry)
            }
            if y == 0 {
                for person in people where person.mustMove && slots[Key(school: person.school, subject: person.subject)] == nil {
                    throw Failure("school '\(person.school)'\(inYear(y)): the plan moves none of its \(person.subject) "
                                  + "teachers, but a must_move teacher must leave")
                }
            }
            // Who may be chosen, by (school, subject), as the year begins: one pass over the people.
            var pools: [Key: [Int]] = [:]
            for (index, p) in people.enumerated() where p.availableFrom <= y && !p.protected {
                let key = Key(school: p.school, subject: p.subject)
                if slots[key] != nil { pools[key, default: []].append(index) }
            }
            var assignments: [Assignment] = []
            for key in order {
                let candidates = pools[key] ?? []
                let group = slots[key]!
                let chosen = try Self.solveGroup(candidates.map { people[$0] }, slots: group, firstYear: y == 0,
                                                 schools: schoolByID, label: "school '\(key.school)'\(inYear(y)), "
                                                     + "\(key.subject)")
                for (c, s) in chosen {
                    let index = candidates[c]
                    assignments.append(move(index, by: group[s].action, year: y))
                }
            }
            return assignments
        }

        /// Records person `index` taking `action` in year index y, and puts them where it sends them.
        mutating func move(_ index: Int, by action: Plan.Action, year y: Int) -> Assignment {
            let person = people[index]
            let from = schoolByID[person.school]
            let to = action.to.flatMap { schoolByID[$0] }
            let mustMove = y == 0 && person.mustMove
            let assignment = Assignment(
                teacherID: person.id, year: instance.hasHorizon ? instance.years[y] : nil, action: action.kind,
                fromSchool: person.school, toSchool: action.kind == .release ? nil : action.to, subject: person.subject,
                toSubject: action.kind == .retrain ? action.toSubject : nil, points: person.points,
                volunteer: person.volunteer,
                homeKmBefore: Assignment.homeKm(latitude: person.homeLatitude, longitude: person.homeLongitude, to: from),
                homeKmAfter: action.kind == .release ? nil
                    : Assignment.homeKm(latitude: person.homeLatitude, longitude: person.homeLongitude, to: to),
                authority: action.kind == .release ? nil : from.flatMap { f in to.map { Assignment.authority(from: f, to: $0) } },
                basis: mustMove ? .mustMove : person.volunteer ? .volunteer : .fewestPoints)
            switch action.kind {
            case .release:
                people[index].availableFrom = .max
            case .transfer:
                people[index].school = action.to!
                people[index].availableFrom = y + 1
            case .retrain:
                people[index].school = action.to!
                people[index].subject = action.toSubject!
                let (back, overflow) = y.addingReportingOverflow(delay(action) + 1)
                people[index].availableFrom = overflow ? .max : back
            case .hire:
                break
            }
            people[index].mustMove = false
            return assignment
        }

        /// Hired teachers of year index y join the roster, to be chosen from y + 1 on.
        mutating func hire(_ y: Int, actions: [(action: Plan.Action, count: Int)]) {
            var hired: [String: Int] = [:]
            for (action, count) in actions where action.kind == .hire {
                let school = action.to!
                for _ in 0..<count {
                    let k = hired["\(school)\u{0}\(action.subject)", default: 0] + 1
                    hired["\(school)\u{0}\(action.subject)"] = k
                    people.append(Person(id: Assignment.hiredID(school: school, subject: action.subject,
                                                                 year: instance.years[y], k: k),
                                         school: school, subject: action.subject, points: 0, volunteer: false,
                                         protected: false, mustMove: false, homeLatitude: nil, homeLongitude: nil,
                                         availableFrom: y + 1))
                }
            }
        }

        /// The lexicographic optimum of one group: (candidate, slot) pairs, in slot order and,
        /// within a slot, in candidate order.
        static func solveGroup(_ candidates: [Person], slots: [(action: Plan.Action, count: Int)], firstYear: Bool,
                               schools: [String: School], label: String) throws -> [(Int, Int)] {
            let total = slots.reduce(0) { $0 + $1.count }
            guard candidates.count >= total else {
                throw Failure("\(label): the plan moves, releases or retrains \(total) teachers but only "
                              + "\(candidates.count) may be chosen (not exempt, not leaving)")
            }
            let away = slots.indices.filter { isAway(slots[$0].action) }
            let mustMove = firstYear ? candidates.filter(\.mustMove).count : 0
            let awayPlaces = away.reduce(0) { $0 + slots[$1].count }
            guard mustMove <= awayPlaces else {
                throw Failure("\(label): \(mustMove) must_move teachers but only \(awayPlaces) places by transfer "
                              + "or retraining to another school")
            }
            let (t0, s0) = (1, 1 + candidates.count)
            var network = FlowNetwork(supplies: Array(repeating: 0, count: 1 + candidates.count + slots.count))
            network.supplies[0] = Int64(total)
            for (s, slot) in slots.enumerated() { network.supplies[s0 + s] = -Int64(slot.count) }
            var fewest: [Double] = [], points: [Double] = [], km: [Double] = []
            var arcs: [(candidate: Int, slot: Int)?] = []
            for (c, person) in candidates.enumerated() {
                let forced = firstYear && person.mustMove
                network.addArc(from: 0, to: t0 + c, lower: forced ? 1 : 0, upper: 1)
                fewest.append(person.volunteer || forced ? 0 : 1)
                points.append(person.volunteer ? 0 : person.points)
                km.append(0)
                arcs.append(nil)
                for (s, slot) in slots.enumerated() where !forced || isAway(slot.action) {
                    network.addArc(from: t0 + c, to: s0 + s, upper: 1)
                    fewest.append(0)
                    points.append(0)
                    let to = slot.action.kind == .release ? nil : slot.action.to.flatMap { schools[$0] }
                    km.append(Assignment.homeKm(latitude: person.homeLatitude, longitude: person.homeLongitude, to: to) ?? 0)
                    arcs.append((c, s))
                }
            }
            let flows = try lexicographic(network, stages: [fewest, points, km], label: label)
            var chosen: [(Int, Int)] = []
            for (a, arc) in arcs.enumerated() where flows[a] > 0 {
                if let arc { chosen.append((arc.candidate, arc.slot)) }
            }
            return chosen.sorted { ($0.1, $0.0) < ($1.1, $1.0) }
        }

        /// A transfer, or a retraining to another school: what a must_move teacher may take.
        static func isAway(_ action: Plan.Action) -> Bool {
            action.kind == .transfer || (action.kind == .retrain && action.to != action.from)
        }
    }

    /// The flow minimising `stages[0]`, then `stages[1]` on its optimal face, and so on (costs
    /// indexed by the arcs of `network`, whose own costs are ignored). See the type's comment
    /// for why each face is exact.
    static func lexicographic(_ network: FlowNetwork, stages: [[Double]], label: String) throws -> [Int64] {
        var kept = Array(0..<network.arcCount)
        var fixed = [Int64?](repeating: nil, count: network.arcCount)
        var supplies = network.supplies
        for (k, costs) in stages.enumerated() {
            var face = FlowNetwork(supplies: supplies)
            for a in kept {
                face.addArc(from: Int(network.sources[a]), to: Int(network.targets[a]), lower: network.lower[a],
                            upper: network.upper[a], cost: costs[a])
            }
            let solution = try NetworkSimplex.solve(face)
            guard solution.status == .optimal else {
                throw Failure("\(label): no choice of people realises the plan (\(solution.status))")
            }
            if k == stages.count - 1 {
                var flows = fixed.map { $0 ?? 0 }
                for (f, a) in kept.enumerated() { flows[a] = solution.flows[f] }
                return flows
            }
            var next: [Int] = []
            for (f, a) in kept.enumerated() {
                let rc = solution.reducedCosts[f]
                if rc != 0, let bound = rc > 0 ? network.lower[a] : network.upper[a] {
                    fixed[a] = bound
                    supplies[Int(network.sources[a])] -= bound
                    supplies[Int(network.targets[a])] += bound
                } else {
                    next.append(a)
                }
            }
            kept = next
        }
        return fixed.map { $0 ?? 0 }
    }
}
