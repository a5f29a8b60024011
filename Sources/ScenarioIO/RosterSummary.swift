import Foundation
import RedeployDomain

/// What `redeploy check` says of a roster: counts only, never a teacher's id, points, reason,
/// birth date or home, so that the summary can be shared like the rest of check's output.
public struct RosterFigures: Sendable, Equatable {
    public var teachers: Int
    public var exempt: Int
    public var mustMove: Int
    public var volunteers: Int
    /// Teachers with a leaving_year within the plan (any, without a horizon).
    public var leaving: Int

    /// nil for a scenario without a roster, whose summary then stays as it was.
    public init?(_ scenario: Scenario) {
        guard !scenario.roster.isEmpty else { return nil }
        let years = scenario.horizon?.years
        teachers = scenario.roster.count
        exempt = scenario.roster.filter(\.isExempt).count
        mustMove = scenario.roster.filter(\.mustMove).count
        volunteers = scenario.roster.filter(\.volunteer).count
        leaving = scenario.roster.filter { row in
            guard let year = row.leavingYear else { return false }
            return years.map { $0.contains(year) } ?? true
        }.count
    }

    /// One line of `check`'s table.
    public var line: String {
        "Roster: \(teachers) named \(teachers == 1 ? "teacher" : "teachers"), \(exempt) exempt, \(mustMove) must_move, "
            + "\(volunteers) \(volunteers == 1 ? "volunteer" : "volunteers"), \(leaving) leaving during the plan\n"
    }
}

extension ScenarioSummary {
    /// `render(format)`, with the roster's line after the counts of schools and pairs in the
    /// table when `roster` is given; otherwise exactly `render(format)`.
    public func render(_ format: SummaryFormat, roster: RosterFigures?) -> String {
        let text = render(format)
        guard format == .table, let roster else { return text }
        let counts = "\(schoolCount) schools, \(subjectCount) subjects, \(pairCount) (school, subject) pairs\n"
        guard let range = text.range(of: counts) else { return text + roster.line }
        return text.replacingCharacters(in: range, with: counts + roster.line)
    }
}
