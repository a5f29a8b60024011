import Foundation
import Testing
@testable import ScenarioIO
import RedeployDomain

/// `retirement: builtin:vn-2021` (docs/RETIREMENT.md): a roster teacher with a birth_date and
/// sex and no leaving_year leaves at the school year the statutory age gives; the counts follow.
@Suite("Retirement ages in a roster")
struct RosterRetirementTests {
    static let horizon = "horizon:\n  years: [2025, 2026, 2027, 2028]\nretirement: builtin:vn-2021\n"

    /// T1, a woman born 31 May 1970, reaches 57 years 4 months (the 2027 step) on 30 September
    /// 2027, after that year's start on 5 September: she leaves at the start of 2028. T4, a man
    /// born 29 February 1980, reaches 62 in 2042, after the horizon: he stays throughout. T2's
    /// own leaving_year (2025) stands.
    @Test func birthDatesGiveTheLeavingYear() throws {
        let scenario = try RosterFixture.scenario(["scenario.yaml": RosterFixture.yaml + Self.horizon]).load()
        #expect(scenario.roster.map(\.leavingYear) == [2028, 2025, nil, 2042, nil])
        #expect(scenario.horizon?.staffYears == [StaffYearRow(schoolID: "S1", subject: "primary", year: 2028, leaving: 1)])
        #expect(scenario.staff.map(\.leaving) == [1, 0])
    }

    @Test func withoutTheKeyBirthDatesDecideNothing() throws {
        let horizon = "horizon:\n  years: [2025, 2026, 2027, 2028]\n"
        let scenario = try RosterFixture.scenario(["scenario.yaml": RosterFixture.yaml + horizon]).load()
        #expect(scenario.roster.map(\.leavingYear) == [nil, 2025, nil, nil, nil])
        #expect(scenario.horizon?.staffYears == [])
    }

    @Test func aRetirementRuleNeedsAHorizonAndAKnownName() {
        let alone = RosterFixture.scenario(["scenario.yaml": RosterFixture.yaml + "retirement: builtin:vn-2021\n"])
        #expect(alone.errors().map(\.description) == [
            "\(alone.path("scenario.yaml")):5:13: retirement: needs a horizon: its years say in which of them a teacher retires",
        ])
        let unknown = RosterFixture.scenario(["scenario.yaml": RosterFixture.yaml + Self.horizon
            .replacingOccurrences(of: "builtin:vn-2021", with: "builtin:vn-2019")])
        #expect(unknown.errors().map(\.description) == [
            "\(unknown.path("scenario.yaml")):7:13: retirement: unknown rule: expected builtin:vn-2021",
        ])
    }

    /// A must_move teacher who retires within the horizon is refused like one with a leaving_year.
    @Test func mustMoveAndRetirementWithinTheHorizon() {
        let s = RosterFixture.scenario([
            "scenario.yaml": RosterFixture.yaml + Self.horizon,
            "roster.csv": RosterFixture.roster.replacingOccurrences(of: "T3,S1,primary,3,false,,true,,,,,,Lê Chi",
                                                                    with: "T3,S1,primary,3,false,,true,,1965-01-01,male,,,Lê Chi"),
        ])
        #expect(s.errors().map(\.message) == [
            "must_move is true for a teacher who reaches the retirement age within the horizon (retirement: builtin:vn-2021): a teacher who leaves is not moved; clear must_move",
        ])
    }
}

/// A must_move teacher whom no school may receive is bad input at his must_move cell.
@Suite("must_move needs a school to go to")
struct MustMoveReceiverTests {
    @Test func aTeacherNoSchoolMayReceiveIsRefused() throws {
        // S2 becomes a lower-secondary school: with same_level (the default) no school may
        // receive T3, S1's primary teacher who must move.
        let s = RosterFixture.scenario(["schools.csv": RosterFixture.schools.replacingOccurrences(
            of: "S2,Trường B,X,primary", with: "S2,Trường B,X,lower_secondary")])
        #expect(s.errors().map(\.description) == [
            "\(s.path("roster.csv")):4:24: must_move is true, but no school may receive a primary teacher from 'S1' "
                + "(no other school has the subject within the transfer policy, and no course leads elsewhere)",
        ])
        // The fixture as it is: S2 may receive him.
        #expect(try RosterFixture.scenario().load().roster.contains { $0.mustMove })
    }
}
