/// Checks a choice of people (the third stage, docs/MODEL.md section 7) against the roster and
/// the aggregate plan, with no solver and nothing shared with the code that chose them: every
/// teacher is followed from year to year from the assignments alone.
///
/// - The assignments realise the plan exactly: for each action of each year (kind, schools,
///   subjects), as many people as the plan's teachers.
/// - Each chosen teacher was at the sending school, in the subject, when the year began
///   (moved or hired in an earlier year, back from a finished course, or on the roster), and is
///   chosen at most once a year; nobody exempt or leaving during the plan is chosen; hires name
///   nobody (a hired teacher is `Assignment.hiredID`).
/// - Every must_move teacher is transferred, or retrained to another school, in the first year.
/// - 3a and 3b are optimal, by counting in each (school, subject, year): no volunteer stays
///   while a non-volunteer who is not must_move is chosen, and no teacher who could have been
///   chosen (not exempt, not leaving, not a volunteer) stays with fewer points than such a
///   chosen non-volunteer. These are necessary (swapping the two would lower 3a or 3b and keep
///   the plan: a teacher who is not must_move may take any action) and sufficient: whoever is
///   chosen, the group takes K people including all its must_move teachers, and any such set
///   can be spread over the actions once the must_move ones fit the transfers and retrainings
///   away, so 3a is least exactly when as many volunteers as fit are chosen, and 3b exactly
///   when the other non-volunteers are those with the fewest points.
///
/// - 3c (and 3a, 3b with it) is least: the same actions given to the people who could have
///   been chosen cost no less (`AssignmentOptimum`, an exact assignment on cost vectors).
///
/// Messages name schools, subjects, years and teacher ids, never points, homes or reasons.
public enum AssignmentChecker {
    public struct Report: Sendable, Equatable {
        public var violations: [String]
        /// For each violation, the index (in the assignments checked) of the assignment it is
        /// at, so that a file's line can be named; nil for one at no assignment.
        public var at: [Int?]
        public var isValid: Bool { violations.isEmpty }
    }

    public static func check(_ assignments: [Assignment], plan: Plan, roster: [RosterRow],
                             instance: HorizonInstance) -> Report {
        var violations: [String] = []
        var places: [Int?] = []
        func fail(_ message: String, _ index: Int?) {
            violations.append(message)
            places.append(index)
        }
        let horizon = instance.hasHorizon
        let years = instance.years
        func label(_ year: Int?) -> String { year.map { " in \($0)" } ?? "" }
        func yearIndex(_ year: Int?) -> Int? { horizon ? year.flatMap { years.firstIndex(of: $0) } : (year == nil ? 0 : nil) }

        // 1. The plan, action by action, against the assignments.
        struct ActionKey: Hashable {
            var year: Int?, kind: Plan.Kind, from: String?, to: String?, subject: String, toSubject: String?
        }
        func key(_ a: Plan.Action) -> ActionKey {
            ActionKey(year: horizon ? a.year : nil, kind: a.kind, from: a.from, to: a.kind == .release ? nil : a.to,
                      subject: a.subject, toSubject: a.kind == .retrain ? a.toSubject : nil)
        }
        var planned: [ActionKey: Double] = [:]
        var order: [ActionKey] = []
        for action in plan.actions where action.kind != .hire {
            let k = key(action)
            if planned[k] == nil { order.append(k) }
            planned[k, default: 0] += action.teachers
        }
        var taken: [ActionKey: Int] = [:]
        var firstOf: [ActionKey: Int] = [:]
        for (index, a) in assignments.enumerated() {
            let k = ActionKey(year: a.year, kind: a.action, from: a.fromSchool, to: a.toSchool, subject: a.subject,
                              toSubject: a.toSubject)
            if planned[k] == nil { order.append(k); planned[k] = 0 }
            taken[k, default: 0] += 1
            if firstOf[k] == nil { firstOf[k] = index }
        }
        for k in order where abs(planned[k]! - Double(taken[k] ?? 0)) > 1e-6 {
            let route = k.kind == .release ? "from '\(k.from ?? "")'" : "from '\(k.from ?? "")' to '\(k.to ?? "")'"
            fail("\(k.kind.rawValue) of \(k.subject)\(k.toSubject.map { " to \($0)" } ?? "") \(route)"
                 + "\(label(k.year)): the plan has \(planned[k]!) teachers, the assignments \(taken[k] ?? 0)", firstOf[k])
        }

        let schoolByID = Dictionary(instance.schools.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })

        // 2. Teachers followed year by year (assignments by index, for the violations' places).
        struct Where { var school: String, subject: String, from: Int }
        var at: [String: Where] = [:]
        var row: [String: RosterRow] = [:]
        for r in roster {
            at[r.teacherID] = Where(school: r.schoolID, subject: r.subject, from: 0)
            row[r.teacherID] = r
        }
        func blocked(_ id: String) -> Bool {
            guard let r = row[id] else { return false }
            return r.isExempt || Assignment.leavesDuringPlan(r, years: horizon ? years : nil)
        }
        var byYear = Array(repeating: [Int](), count: years.count)
        for (index, a) in assignments.enumerated() {
            if a.action == .hire {
                fail("teacher '\(a.teacherID)'\(label(a.year)): a hire names nobody", index)
            } else if let y = yearIndex(a.year) {
                byYear[y].append(index)
            } else {
                fail("teacher '\(a.teacherID)': year \(a.year.map(String.init) ?? "none") is not a year of the plan", index)
            }
        }
        var movedInFirstYear: Set<String> = []
        for y in years.indices {
            let year = horizon ? years[y] : nil
            var chosen: Set<String> = []
            struct GroupKey: Hashable { var school: String, subject: String }
            var groups: [GroupKey: [Int]] = [:]
            var groupOrder: [GroupKey] = []
            for index in byYear[y] {
                let a = assignments[index], id = a.teacherID
                guard let place = at[id] else {
                    fail("teacher '\(id)'\(label(year)): not on the roster, nor hired before", index)
                    continue
                }
                if !chosen.insert(id).inserted {
                    fail("teacher '\(id)'\(label(year)): chosen more than once", index)
                    continue
                }
                if place.school != a.fromSchool || place.subject != a.subject || place.from > y {
                    fail("teacher '\(id)'\(label(year)): not a \(a.subject) teacher of '\(a.fromSchool)' when the year begins",
                         index)
                }
                if blocked(id) {
                    fail("teacher '\(id)'\(label(year)): exempt or leaving, yet chosen", index)
                }
                let g = GroupKey(school: a.fromSchool, subject: a.subject)
                if groups[g] == nil { groupOrder.append(g) }
                groups[g, default: []].append(index)
                if y == 0, a.action == .transfer || (a.action == .retrain && a.toSchool != a.fromSchool) {
                    movedInFirstYear.insert(id)
                }
            }
            // 3a and 3b by counting, against who was there when the year began.
            var pools: [GroupKey: [String: Where]] = [:]
            for (id, w) in at where w.from <= y && !blocked(id) {
                let g = GroupKey(school: w.school, subject: w.subject)
                if groups[g] != nil { pools[g, default: [:]][id] = w }
            }
            for g in groupOrder {
                let chosenHere = groups[g]!.map { assignments[$0] }
                var indexOf: [String: Int] = [:]
                for index in groups[g]! where indexOf[assignments[index].teacherID] == nil {
                    indexOf[assignments[index].teacherID] = index
                }
                let movers = Set(indexOf.keys)
                let pool = pools[g] ?? [:]
                func volunteer(_ id: String) -> Bool { row[id]?.volunteer ?? false }
                func points(_ id: String) -> Double { row[id]?.points ?? 0 }
                let forced: (String) -> Bool = { y == 0 && (row[$0]?.mustMove ?? false) }
                let reported = violations.count
                let ordinary = movers.filter { pool[$0] != nil && !volunteer($0) && !forced($0) }
                if let most = ordinary.max(by: { (points($0), $0) < (points($1), $1) }) {
                    for id in pool.keys.sorted() where !movers.contains(id) {
                        if volunteer(id) {
                            fail("'\(g.school)', \(g.subject)\(label(year)): volunteer '\(id)' stays while "
                                 + "non-volunteer '\(most)' is chosen", indexOf[most])
                        } else if points(id) < points(most) {
                            fail("'\(g.school)', \(g.subject)\(label(year)): '\(id)' stays with fewer points than "
                                 + "'\(most)', who is chosen", indexOf[most])
                        }
                    }
                }
                // What counting cannot see (3c), once it has nothing to say.
                if violations.count == reported,
                   let worse = leastCheck(chosenHere, pool: pool.keys.sorted(), row: row, forced: forced, schools: schoolByID) {
                    fail("'\(g.school)', \(g.subject)\(label(year)): \(worse)", groups[g]!.first)
                }
            }
            // Moves take effect; hires join.
            for a in byYear[y].map({ assignments[$0] }) where at[a.teacherID] != nil {
                switch a.action {
                case .release:
                    at[a.teacherID] = nil
                case .transfer:
                    at[a.teacherID] = Where(school: a.toSchool ?? "", subject: a.subject, from: y + 1)
                case .retrain:
                    let back = y + retrainingDelay(a, instance: instance) + 1
                    at[a.teacherID] = Where(school: a.toSchool ?? "", subject: a.toSubject ?? "", from: back)
                case .hire:
                    break
                }
            }
            var hired: [GroupKey: Int] = [:]
            for action in plan.actions where action.kind == .hire && yearIndex(horizon ? action.year : nil) == y {
                guard let school = action.to else { continue }
                let g = GroupKey(school: school, subject: action.subject)
                for _ in 0..<max(0, Int(action.teachers.rounded())) {
                    let k = hired[g, default: 0] + 1
                    hired[g] = k
                    let id = Assignment.hiredID(school: school, subject: action.subject, year: years[y], k: k)
                    at[id] = Where(school: school, subject: action.subject, from: y + 1)
                }
            }
        }
        var firstOfTeacher: [String: Int] = [:]
        for (index, a) in assignments.enumerated() where firstOfTeacher[a.teacherID] == nil { firstOfTeacher[a.teacherID] = index }
        for r in roster where r.mustMove && !movedInFirstYear.contains(r.teacherID) {
            fail("must_move teacher '\(r.teacherID)' is not transferred or retrained to another school in the first year",
                 firstOfTeacher[r.teacherID])
        }
        return Report(violations: violations, at: places)
    }

    /// 3c, and 3a and 3b with it, against the least possible (`AssignmentOptimum`) for the same
    /// actions and the same people who could have been chosen: why not, or nil when the choice
    /// is least. A group whose movers were not all there is left to the checks above.
    static func leastCheck(_ chosen: [Assignment], pool: [String], row: [String: RosterRow],
                           forced: (String) -> Bool, schools: [String: School]) -> String? {
        let index = Dictionary(uniqueKeysWithValues: pool.enumerated().map { ($1, $0) })
        guard chosen.count <= pool.count, chosen.allSatisfy({ index[$0.teacherID] != nil }) else { return nil }
        func cost(_ slot: Int, _ candidate: Int) -> AssignmentOptimum.Cost {
            let action = chosen[slot], id = pool[candidate], person = row[id]
            let away = action.action == .transfer || (action.action == .retrain && action.toSchool != action.fromSchool)
            let must = forced(id)
            if must && !away { return .forbidden }
            let volunteer = person?.volunteer ?? false
            let km = action.action == .release ? nil
                : Assignment.homeKm(latitude: person?.homeLatitude, longitude: person?.homeLongitude,
                                    to: action.toSchool.flatMap { schools[$0] })
            return AssignmentOptimum.Cost(forced: must ? -1 : 0, nonVolunteers: volunteer || must ? 0 : 1,
                                          points: volunteer ? 0 : person?.points ?? 0, km: km ?? 0)
        }
        var achieved = AssignmentOptimum.Cost.zero
        for (slot, a) in chosen.enumerated() { achieved = achieved + cost(slot, index[a.teacherID]!) }
        let best = AssignmentOptimum.least(slots: chosen.count, candidates: pool.count, cost: cost)
        guard achieved.isWorse(than: best) else { return nil }
        if achieved.forced == best.forced && achieved.nonVolunteers == best.nonVolunteers
            && !AssignmentOptimum.Cost(forced: 0, nonVolunteers: 0, points: achieved.points, km: 0)
                .isWorse(than: AssignmentOptimum.Cost(forced: 0, nonVolunteers: 0, points: best.points, km: 0)) {
            return "the chosen teachers live \(rounded(achieved.km)) km in all from the schools they go to, where "
                + "\(rounded(best.km)) km would do with the same volunteers and points (3c)"
        }
        return "the choice is not the least in non-volunteers, their points and home km (3a-3c)"
    }

    private static func rounded(_ x: Double) -> String {
        let text = String((x * 100).rounded() / 100)
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }

    /// The years of the retraining option from (fromSchool, subject) to (toSubject at toSchool); 0 if none.
    static func retrainingDelay(_ a: Assignment, instance: HorizonInstance) -> Int {
        guard let to = a.toSchool, let toSubject = a.toSubject,
              let i = instance.schools.firstIndex(where: { $0.id == a.fromSchool }),
              let j = instance.schools.firstIndex(where: { $0.id == to }),
              let s = instance.subjects.firstIndex(of: a.subject), let t = instance.subjects.firstIndex(of: toSubject),
              let p = instance.pairIndex(school: i, subject: s), let q = instance.pairIndex(school: j, subject: t),
              let option = instance.retraining.first(where: { $0.from == p && $0.to == q }) else { return 0 }
        return max(0, option.delay)
    }
}
