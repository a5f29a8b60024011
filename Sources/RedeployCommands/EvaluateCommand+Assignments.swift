import ArgumentParser
import Foundation
import RedeployDomain
import RedeployPlanner
import ScenarioIO

/// `evaluate --assignments FILE` (docs/MODEL.md section 7): a planner's own choice of people,
/// checked by `AssignmentChecker` against the roster and the plan, then its stage-3 objective
/// (3a, 3b, 3c) set beside the optimum `PeopleAssignment` finds for the same plan, group by group.
extension EvaluateCommand {
    /// Reads --assignments: nil without it, `.failure` (the diagnostics already printed) when
    /// the file is unreadable, so that the caller reports every unreadable input before exiting 2.
    func readAssignments() -> Result<AssignmentsFile, ExitCode>? {
        guard let assignments else { return nil }
        do {
            return .success(try AssignmentsReader.read(contentsOf: assignments))
        } catch {
            return .failure(InputErrors.exit(error))
        }
    }

    /// Prints the evaluation of the people; returns whether they keep every rule.
    static func evaluatePeople(_ scenario: Scenario, _ instance: HorizonInstance, plan: Plan,
                               file: AssignmentsFile, top: Int, labels: Labels = .english) -> Bool {
        let check = AssignmentChecker.check(file.assignments, plan: plan, roster: scenario.roster, instance: instance)
        let optimum: Result<[Assignment], AssignmentsEvaluationReport.NoOptimum>
        do {
            optimum = .success(try PeopleAssignment.assign(instance, roster: scenario.roster, plan: plan))
        } catch {
            optimum = .failure(.init(reason: String(describing: error)))
        }
        let report = AssignmentsEvaluationReport(instance: instance, roster: scenario.roster, file: file, check: check,
                                                 optimum: optimum, top: top, labels: labels)
        print(report.text(), terminator: "")
        return check.isValid
    }
}

/// The text `evaluate --assignments` prints after the plan's report. It names teacher ids,
/// schools, subjects and years; points and home km only as sums over a group, never a name, a
/// reason of exemption, a date or a home.
struct AssignmentsEvaluationReport {
    /// Why stage 3 has no optimum for the plan (`PeopleAssignment.Failure`: names no one).
    struct NoOptimum: Error { var reason: String }

    var instance: HorizonInstance
    var roster: [RosterRow]
    var file: AssignmentsFile
    var check: AssignmentChecker.Report
    var optimum: Result<[Assignment], NoOptimum>
    var top: Int
    var labels: Labels = .english

    // MARK: Violations at their lines

    /// Each violation as `FILE:LINE: message` (or `FILE: message` when no line of the file is
    /// at fault, such as an action of the plan nobody takes), those with a line in line order first.
    var violationLines: [String] {
        EvaluationReport.located(zip(check.violations, check.at).map { message, index in
            (index.map { file.lines[$0] }, message)
        }, file: file.file)
    }

    // MARK: The stage-3 objective

    struct Group: Hashable, Comparable {
        var school: String, subject: String, year: Int?
        static func < (a: Group, b: Group) -> Bool {
            (a.year ?? 0, a.school, a.subject) < (b.year ?? 0, b.school, b.subject)
        }
    }

    /// 3a, 3b and 3c of one group or of all.
    struct Objective: Equatable {
        var nonVolunteers = 0.0, points = 0.0, homeKm = 0.0

        static func + (a: Objective, b: Objective) -> Objective {
            Objective(nonVolunteers: a.nonVolunteers + b.nonVolunteers, points: a.points + b.points, homeKm: a.homeKm + b.homeKm)
        }

        func same(_ other: Objective) -> Bool {
            func close(_ x: Double, _ y: Double) -> Bool { abs(x - y) <= 1e-6 * max(1, abs(x), abs(y)) }
            return close(nonVolunteers, other.nonVolunteers) && close(points, other.points) && close(homeKm, other.homeKm)
        }
    }

    /// The objective of `assignments` by (from_school, subject, year), as stage 3 counts it
    /// (PeopleAssignment): 3a a non-volunteer who is not must_move in the first year; 3b a
    /// non-volunteer's points, must_move ones included; 3c the km from the home to the school
    /// moved to (0 for a release, without a home or coordinates). Who is a volunteer, their
    /// points and home come from the roster; a hired teacher (or an id not on it) has none.
    func objective(_ assignments: [Assignment]) -> [Group: Objective] {
        let rows = Dictionary(roster.map { ($0.teacherID, $0) }, uniquingKeysWith: { a, _ in a })
        let schools = Dictionary(instance.schools.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let first = instance.hasHorizon ? instance.years.first : nil
        var result: [Group: Objective] = [:]
        for a in assignments {
            let group = Group(school: a.fromSchool, subject: a.subject, year: instance.hasHorizon ? a.year : nil)
            let row = rows[a.teacherID]
            let volunteer = row?.volunteer ?? false
            let forced = (row?.mustMove ?? false) && (instance.hasHorizon ? a.year == first : true)
            var value = Objective()
            if !volunteer {
                value.nonVolunteers = forced ? 0 : 1
                value.points = row?.points ?? 0
            }
            if a.action != .release, let row {
                value.homeKm = Assignment.homeKm(latitude: row.homeLatitude, longitude: row.homeLongitude,
                                                 to: a.toSchool.flatMap { schools[$0] }) ?? 0
            }
            result[group] = result[group, default: Objective()] + value
        }
        return result
    }

    // MARK: Text

    func text() -> String {
        let l = labels
        var out = ""
        let people = Set(file.assignments.map(\.teacherID)).count
        let count = file.assignments.count
        let verdict = check.isValid ? l("valid: it keeps the rules of the roster and realises the plan")
            : check.violations.count == 1 ? l("breaks the rules: 1 violation") : l("breaks the rules: {0} violations", check.violations.count)
        out += l("Assignments: {0}, {1} of {2}: {3}", file.file,
                 count == 1 ? l("1 assignment") : l("{0} assignments", count),
                 people == 1 ? l("1 teacher") : l("{0} teachers", people), verdict) + "\n"
        let violations = violationLines
        if !violations.isEmpty { out += violations.joined(separator: "\n") + "\n" }
        out += "\n"

        let best: [Assignment]
        switch optimum {
        case .success(let assignments): best = assignments
        case .failure(let none):
            out += l("Stage 3 has no optimum for this plan: {0}", none.reason) + "\n"
            return out
        }
        let mine = objective(file.assignments), theirs = objective(best)
        let total = mine.values.reduce(Objective(), +), optimal = theirs.values.reduce(Objective(), +)
        out += l("Stage 3 (3a non-volunteers chosen, must_move not counted; 3b their points; 3c home km), "
            + "the assignments against stage 3's optimum for the same plan:") + "\n"
        var table = TextTable(["", l("assignments"), l("optimum"), l("assignments - optimum")], leftColumns: 1)
        table.add([l("3a, non-volunteers"), Display.count(total.nonVolunteers), Display.count(optimal.nonVolunteers),
                   Display.signed(total.nonVolunteers - optimal.nonVolunteers)])
        table.add([l("3b, their points"), Display.number(total.points), Display.number(optimal.points),
                   Display.signedNumber(total.points - optimal.points)])
        table.add([l("3c, home km"), Display.number(total.homeKm), Display.number(optimal.homeKm),
                   Display.signedNumber(total.homeKm - optimal.homeKm)])
        out += table.text + "\n"

        let groups = Set(mine.keys).union(theirs.keys).sorted()
        let differing = groups.filter { !(mine[$0] ?? Objective()).same(theirs[$0] ?? Objective()) }
        if differing.isEmpty {
            out += (instance.hasHorizon ? l("Gap 0: in every (school, subject, year) the assignments reach stage 3's optimum.")
                : l("Gap 0: in every (school, subject) the assignments reach stage 3's optimum.")) + "\n"
            return out
        }
        out += (instance.hasHorizon
            ? l("Where the assignments differ from the optimum, by (school, subject, year) ({0} of {1}):", min(top, differing.count), differing.count)
            : l("Where the assignments differ from the optimum, by (school, subject) ({0} of {1}):", min(top, differing.count), differing.count)) + "\n"
        var header = [l("school"), l("subject")]
        if instance.hasHorizon { header.append(l("year")) }
        header += ["3a", l("3a optimum"), "3b", l("3b optimum"), l("3c km"), l("3c optimum")]
        var rows = TextTable(header, leftColumns: instance.hasHorizon ? 3 : 2)
        for group in differing.prefix(top) {
            let a = mine[group] ?? Objective(), b = theirs[group] ?? Objective()
            var row = [group.school, group.subject]
            if instance.hasHorizon { row.append(group.year.map(String.init) ?? "") }
            row += [Display.count(a.nonVolunteers), Display.count(b.nonVolunteers), Display.number(a.points),
                    Display.number(b.points), Display.number(a.homeKm), Display.number(b.homeKm)]
            rows.add(row)
        }
        out += rows.text + "\n"
        return out
    }
}
