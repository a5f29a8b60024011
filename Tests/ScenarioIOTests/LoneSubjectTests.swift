import Foundation
import Testing
@testable import ScenarioIO
import RedeployDomain

/// A subject code written on one staff row only, near a code used elsewhere, is probably a
/// slip: the scenario still loads, with a warning (issue 13).
@Suite("Lone subject codes")
struct LoneSubjectTests {
    static let staffHeader = "school_id,subject,teachers,leaving,required\n"

    /// The warnings of loading `files` over the base scenario, which must load.
    func warnings(_ files: [String: String?]) throws -> (TempScenario, [Diagnostic]) {
        let s = TempScenario(files)
        var warnings: [Diagnostic] = []
        _ = try ScenarioLoader.load(s.root, warnings: &warnings)
        return (s, warnings)
    }

    @Test func aCodeWrittenOnceNearAnotherIsAWarning() throws {
        let (s, warnings) = try warnings(["staff.csv": Self.staffHeader + """
            S1,preschool,12,1,11
            S2,preschool,7,0,8.8
            S2,preschol,1,0,1

            """])
        expectOne(warnings, file: s.path("staff.csv"), line: 4, column: 4,
                  "subject 'preschol' appears only here; did you mean 'preschool'?")
        // Still a subject of its own: the scenario is valid as written.
        #expect(Instance(try s.load()).subjects.contains("preschol"))
        #expect(warnings[0].warningDescription
            == "\(s.path("staff.csv")):4:4: warning: subject 'preschol' appears only here; did you mean 'preschool'?")
    }

    @Test func oneOffPostsFarFromOtherCodesAreNotWarned() throws {
        // A Young Pioneer leader (tổng phụ trách Đội) is one post at one school.
        let (s, warnings) = try warnings(["staff.csv": Self.staffHeader + """
            S1,primary,12,1,11
            S2,primary,7,0,8.8
            S1,young_pioneer_leader,1,0,1
            S2,tong_phu_trach,1,0,1

            """])
        #expect(warnings.isEmpty, "\(warnings)")
        #expect(Instance(try s.load()).subjects.contains("young_pioneer_leader"))
    }

    @Test func aCodeOnSeveralRowsIsMeant() throws {
        let (_, warnings) = try warnings(["staff.csv": Self.staffHeader + """
            S1,preschool,12,1,11
            S2,preschool,7,0,8.8
            S1,preschol,1,0,1
            S2,preschol,1,0,1

            """])
        #expect(warnings.isEmpty, "\(warnings)")
    }

    @Test func shortCodesAreNotComparedAndFourOrFiveCharactersAllowOneEdit() throws {
        // arts: 'art' has 3 characters, never a suggestion. magic: 2 edits from music, too many
        // for 5 characters. hista: 1 edit from hist, enough.
        let (s, warnings) = try warnings(["staff.csv": Self.staffHeader + """
            S1,art,1,0,1
            S2,art,1,0,1
            S1,arts,1,0,1
            S1,music,1,0,1
            S2,music,1,0,1
            S2,magic,1,0,1
            S1,hist,1,0,1
            S2,hist,1,0,1
            S2,hista,1,0,1

            """])
        expectOne(warnings, file: s.path("staff.csv"), line: 10, column: 4,
                  "subject 'hista' appears only here; did you mean 'hist'?")
    }

    @Test func codesOfNormsAndQualificationsCountAsUsedElsewhere() throws {
        let (s, warnings) = try warnings([
            "scenario.yaml": TempScenario.baseYAML + """
                norms: builtin:vn-2023
                policy:
                  qualifications: [{teacher: physics, teaches: natural_science}]

                """,
            "staff.csv": Self.staffHeader + """
                S1,primary,12,1,11
                S2,primary,7,0,8.8
                S1,englsh,1,0,1
                S2,natual_science,1,0,1

                """,
        ])
        #expect(warnings.map(\.description) == [
            "\(s.path("staff.csv")):4:4: subject 'englsh' appears only here; did you mean 'english'?",
            "\(s.path("staff.csv")):5:4: subject 'natual_science' appears only here; did you mean 'natural_science'?",
        ])
    }

    @Test func theNearestCodeWinsThenTheMostUsed() {
        // chemistrx is one edit from chemistry and chemistre, two from chemist (the most used).
        #expect(Suggestion.loneCode("chemistrx", in: ["chemistry": 3, "chemistre": 5, "chemist": 9]) == "chemistre")
        #expect(Suggestion.loneCode("chemistrx", in: ["chemistry": 3, "chemistre": 3, "chemist": 9]) == "chemistre")
        #expect(Suggestion.loneCode("chemistrx", in: ["chemistry": 4, "chemistre": 3, "chemist": 9]) == "chemistry")
        #expect(Suggestion.loneCode("abc", in: ["abcd": 4]) == nil)
        #expect(Suggestion.loneCode("zzzzzz", in: ["chemistry": 3]) == nil)
    }

    @Test func manyLongDistinctCodesLoadQuickly() throws {
        // 1,000 codes of 200 characters, every one on one row: the comparison is bounded.
        var generator = SystemRandomNumberGenerator()
        var rows = Self.staffHeader
        for _ in 0..<1_000 {
            rows += "S1," + String((0..<200).map { _ in Bool.random(using: &generator) ? "a" : "b" }) + ",1,0,1\n"
        }
        let clock = ContinuousClock()
        let start = clock.now
        _ = try warnings(["staff.csv": rows])
        #expect(clock.now - start < .seconds(30))
    }

    @Test func boundedDistanceAgreesWithTheFullTable() {
        var state: UInt64 = 13
        func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
        let letters: [Character] = ["a", "b", "c"]
        func word() -> String { String((0..<next(9)).map { _ in letters[next(3)] }) }
        for _ in 0..<3_000 {
            let a = word(), b = word()
            let full = Suggestion.distance(a, b)
            for limit in 0...3 {
                #expect(Suggestion.distance(a, b, limit: limit) == min(full, limit + 1), "\(a) \(b) \(limit)")
            }
        }
        #expect(Suggestion.distance("aera", "area", limit: 1) == 1)
        #expect(Suggestion.distance("preschol", "preschool", limit: 2) == 1)
    }
}

/// `check` shows the warnings after its figures, in each format, leaving the figures as they were.
@Suite("Warnings in check's output")
struct SummaryWarningTests {
    static let warning = Diagnostic(file: "staff.csv", line: 4, column: 4,
                                    message: "subject 'preschol' appears only here; did you mean 'preschool'?")
    static let line = "staff.csv:4:4: warning: subject 'preschol' appears only here; did you mean 'preschool'?"

    func render(_ format: SummaryFormat, warnings: [Diagnostic]) throws -> String {
        ScenarioSummary(Instance(try TempScenario().load()), warnings: warnings).render(format)
    }

    @Test func tableEndsWithAWarningsSection() throws {
        let plain = try render(.table, warnings: [])
        #expect(!plain.contains("Warnings"))
        #expect(try render(.table, warnings: [Self.warning]) == plain + "\nWarnings\n" + Self.line + "\n")
    }

    @Test func csvPutsWarningRowsFirstInANewLastColumn() throws {
        let columns = ["group", "area", "level", "subject", "schools", "classes", "teachers", "leaving", "staying",
                       "required", "surplus", "shortage", "weighted_shortage", "payroll_change", "payroll_headroom", "warning"]
        let plain = try CSVTable.parse(render(.csv, warnings: []), file: "check.csv")
        let csv = try CSVTable.parse(render(.csv, warnings: [Self.warning]), file: "check.csv")
        #expect(csv.header.map(\.text) == columns)
        #expect(plain.header.map(\.text) == columns)
        let group = csv.index(of: "group"), warning = csv.index(of: "warning")
        #expect(csv.rows.count == plain.rows.count + 1)
        #expect(csv.rows.first?[group]?.text == "warning")
        #expect(csv.rows.first?[warning]?.text == Self.line)
        #expect(csv.rows.last?[group]?.text == "total")
        #expect(plain.rows.allSatisfy { $0[warning]?.text == "" })
    }

    @Test func jsonListsTheWarnings() throws {
        for (warnings, lines) in [([Diagnostic](), [String]()), ([Self.warning], [Self.line])] {
            let json = try #require(JSONSerialization.jsonObject(with: Data(render(.json, warnings: warnings).utf8)) as? [String: Any])
            #expect(json["warnings"] as? [String] == lines)
        }
    }
}
