import Foundation
import Testing
@testable import ScenarioIO
import RedeployDomain

/// With norm rules, every school is sized by them at load time: one they cannot size is
/// refused at the cell to change; one of a level they do not know is a warning.
@Suite("Schools against norm rules")
struct NormRulesValidationTests {
    private func scenario(_ schools: String, norms: String = "builtin:vn-2026", files: [String: String?] = [:]) -> TempScenario {
        var all: [String: String?] = ["scenario.yaml": TempScenario.baseYAML + "norms: \(norms)\n", "schools.csv": schools]
        for (k, v) in files { all[k] = v }
        return TempScenario(all)
    }

    @Test func everyKindOfSchoolThePresetSizesLoads() throws {
        let s = scenario("""
            id,area,level,classes,pupils,region,sessions,type,infant_groups
            S1,X,primary,10,420,1,1,semi_boarding,
            S2,X,primary,8,,,,,
            S3,X,preschool,6,150,2,,,2
            S4,X,lower_secondary,12,,,,boarding,
            S5,X,upper_secondary,15,700,3,,specialised,
            S6,X,upper_secondary,9,,,,provincial_boarding,

            """)
        var warnings: [Diagnostic] = []
        let loaded = try ScenarioLoader.load(s.root, warnings: &warnings)
        #expect(warnings == [])
        #expect(loaded.schools.map(\.type) == [.semiBoarding, .regular, .regular, .boarding, .specialised, .provincialBoarding])
        #expect(loaded.normRules?.name == "vn-2026")
    }

    @Test func aLevelTheRulesDoNotKnowIsAWarning() throws {
        let s = scenario("id,area,level,classes\nS1,X,college,10\nS2,X,primary,8\n")
        var warnings: [Diagnostic] = []
        let loaded = try ScenarioLoader.load(s.root, warnings: &warnings)
        #expect(loaded.schools.count == 2)
        #expect(warnings.map(\.description) == [
            "\(s.path("schools.csv")):2:6: level 'college' has no norms in vn-2026: required is 0 unless staff.csv gives it",
        ])
    }

    @Test func aTypeWithoutAFigureIsRefusedAtTheTypeCell() {
        let s = scenario("id,area,level,classes,type\nS1,X,lower_secondary,10,specialised\nS2,X,primary,8,\n")
        expectOne(s.errors(), file: s.path("schools.csv"), line: 2, column: 25,
                  "the norms give no teachers per class for a specialised lower_secondary school with 2 session(s) a day (vn-2026 has figures for types boarding, semi_boarding, disability, regular)")
        // No article names a boarding primary school.
        let primary = scenario("id,area,level,classes,type\nS1,X,primary,10,boarding\nS2,X,primary,8,\n")
        expectOne(primary.errors(), file: primary.path("schools.csv"), line: 2, column: 17,
                  "the norms give no teachers per class for a boarding primary school with 2 session(s) a day (vn-2026 has figures for types regular, semi_boarding, disability)")
        let upper = scenario("id,area,level,classes,type\nS1,X,upper_secondary,10,semi_boarding\nS2,X,primary,8,\n")
        expectOne(upper.errors(), file: upper.path("schools.csv"), line: 2, column: 25,
                  "the norms give no teachers per class for a semi_boarding upper_secondary school with 2 session(s) a day (vn-2026 has figures for types specialised, provincial_boarding, boarding, regular, disability)")
    }

    /// Rules of a province that give primary figures for two sessions a day only, and pupil
    /// extras for region 1 only.
    static let rules = """
        name: province
        levels:
          primary:
            per_class:
              - {sessions: 2, value: 1.5, source: "art. 7"}
            pupil_extras:
              class_size: {1: 25}
              pupils_per_teacher: {1: 12}
              types: [regular]
              source: "art. 3"
            subjects:
              - {subject: primary, periods: 20, source: "curriculum"}
          lower_secondary:
            per_class:
              - {types: [boarding], value: 2.2, source: "art. 12"}
            subjects:
              - {subject: math, periods: 4, source: "curriculum"}

        """

    private func ruled(_ schools: String) -> TempScenario {
        scenario(schools, norms: "rules.yaml", files: ["rules.yaml": Self.rules])
    }

    @Test func sessionsWithoutAFigureAreRefusedAtTheSessionsCell() {
        let s = ruled("id,area,level,classes,sessions\nS1,X,primary,10,1\nS2,X,primary,8,\n")
        expectOne(s.errors(), file: s.path("schools.csv"), line: 2, column: 17,
                  "the norms give no teachers per class for a regular primary school with 1 session(s) a day (province has figures for 2 session(s) a day)")
    }

    @Test func aRegionWithoutAClassSizeIsRefusedAtTheRegionCell() {
        let s = ruled("id,area,level,classes,pupils,region\nS1,X,primary,10,400,2\nS2,X,primary,8,,\n")
        expectOne(s.errors(), file: s.path("schools.csv"), line: 2, column: 21,
                  "the norms give no class size for region 2 at level 'primary' (province has one for region 1; leave pupils empty for no pupil extras)")
    }

    /// Without pupils there are no pupil extras to size, so the region does not matter.
    @Test func aRegionWithoutAClassSizeIsFineWithoutPupils() throws {
        let s = ruled("id,area,level,classes,pupils,region\nS1,X,primary,10,,2\nS2,X,primary,8,,\n")
        #expect(try s.load().schools[0].region == 2)
    }

    /// A school that takes the default (the file has no type or region column) is refused at
    /// its level cell.
    @Test func aDefaultWithoutAFigureIsRefusedAtTheLevelCell() {
        let s = ruled("id,area,level,classes,pupils\nS1,X,lower_secondary,10,\nS2,X,primary,8,300\n")
        #expect(s.errors().map(\.description) == [
            "\(s.path("schools.csv")):2:6: the norms give no teachers per class for a regular lower_secondary school with 2 session(s) a day (province has figures for types boarding)",
            "\(s.path("schools.csv")):3:6: the norms give no class size for region 3 at level 'primary' (province has one for region 1; leave pupils empty for no pupil extras)",
        ])
    }

    /// A school with a bad cell is not sized (its values are not known); the cell is reported.
    @Test func aBadCellIsReportedAloneAndTheRowNotSized() {
        let s = scenario("id,area,level,classes,type\nS1,X,lower_secondary,10,specialist\nS2,X,primary,8,\n")
        expectOne(s.errors(), file: s.path("schools.csv"), line: 2, column: 25,
                  "type 'specialist' is not a school type (did you mean 'specialised'?); expected regular, boarding, semi_boarding, disability, specialised, provincial_boarding")
    }

    @Test func theRulesSubjectsCountAsUsedElsewhere() throws {
        let s = scenario("id,area,level,classes\nS1,X,lower_secondary,10\nS2,X,primary,8\n",
                         files: ["staff.csv": "school_id,subject,teachers\nS1,natural_scince,3\nS1,math,2\n"])
        var warnings: [Diagnostic] = []
        _ = try ScenarioLoader.load(s.root, warnings: &warnings)
        // 'math' is written once in staff.csv but is a subject of the rules: not lone.
        #expect(warnings.map(\.description) == [
            "\(s.path("staff.csv")):2:4: subject 'natural_scince' appears only here; did you mean 'natural_science'?",
        ])
    }

    // MARK: Scenarios without the new columns

    /// The base scenario with the vn-2023 table: the same Scenario as before the norm columns
    /// and rules existed, written out in full.
    @Test func aScenarioWithoutTheNewColumnsLoadsAsBefore() throws {
        let s = TempScenario(["scenario.yaml": TempScenario.baseYAML + "norms: builtin:vn-2023\n"])
        var warnings: [Diagnostic] = []
        let loaded = try ScenarioLoader.load(s.root, warnings: &warnings)
        let expected = Scenario(
            name: "Test",
            schools: [
                School(id: "S1", name: "Trường A", area: "X", level: "primary", classes: 10,
                       latitude: 21.0, longitude: 107.0, priority: 1),
                School(id: "S2", name: "Trường B", area: "X", level: "primary", classes: 8, priority: 2),
            ],
            staff: [
                StaffRow(schoolID: "S1", subject: "primary", teachers: 12, leaving: 1, required: 11),
                StaffRow(schoolID: "S2", subject: "primary", teachers: 7, leaving: 0, required: 8.8),
            ],
            norms: try #require(NormPresets.rows("vn-2023")))
        #expect(loaded == expected)
        #expect(loaded.normRules == nil)
        #expect(loaded.schools.allSatisfy {
            $0.pupils == nil && $0.region == 3 && $0.sessions == 2 && $0.type == .regular && $0.infantGroups == 0
        })
        #expect(warnings == [])
    }
}
