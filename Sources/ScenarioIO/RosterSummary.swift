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
    public var line: String { line(.english) }

    public func line(_ l: Labels) -> String {
        (teachers == 1 ? l("Roster: 1 named teacher") : l("Roster: {0} named teachers", teachers))
            + l(", {0} exempt, {1} must_move, ", exempt, mustMove)
            + (volunteers == 1 ? l("1 volunteer") : l("{0} volunteers", volunteers))
            + l(", {0} leaving during the plan", leaving) + "\n"
    }
}

extension ScenarioSummary {
    /// `render(format)`, with the roster's line after the counts of schools and pairs in the
    /// table when `roster` is given; otherwise exactly `render(format)`.
    public func render(_ format: SummaryFormat, roster: RosterFigures?, labels: Labels = .english) -> String {
        let text = render(format, labels: labels)
        guard format == .table, let roster else { return text }
        let counts = countsLine(labels)
        guard let range = text.range(of: counts) else { return text + roster.line(labels) }
        return text.replacingCharacters(in: range, with: counts + roster.line(labels))
    }
}
