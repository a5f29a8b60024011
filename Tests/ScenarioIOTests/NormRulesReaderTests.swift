import Foundation
import Testing
@testable import ScenarioIO
import RedeployDomain

/// Norm rules files: `norms: builtin:vn-2026` and a .yaml file of the same schema.
@Suite("Norm rules files")
struct NormRulesReaderTests {
    // MARK: The preset

    /// Primary of Presets/vn-2026.yaml, written out by hand: every figure and source.
    static let primaryByHand = LevelNorms(
        perClass: [
            PerClassRule(types: [.regular, .semiBoarding, .disability], sessions: 1, value: 1.2, source: "Circular 20/2023/TT-BGDĐT art. 7 cl. 1: at most 1.2 teachers per class of one session a day"),
            PerClassRule(types: [.regular, .semiBoarding, .disability], sessions: 2, value: 1.5, source: "Circular 20/2023/TT-BGDĐT art. 7 cl. 1: at most 1.5 teachers per class of two sessions a day"),
        ],
        pupilExtras: PupilExtras(
            classSize: [1: 25, 2: 30, 3: 35], pupilsPerTeacher: [1: 12, 2: 15, 3: 17],
            types: [.regular, .semiBoarding, .disability],
            source: "Circular 20/2023/TT-BGDĐT art. 3 cl. 2 (class sizes by region) and art. 7 cl. 1 (one teacher per 12/15/17 pupils above them)"),
        fixedPosts: [
            FixedPost(subject: "young_pioneer_leader", count: 1,
                      source: "Circular 20/2023/TT-BGDĐT art. 7 cl. 1: one Young Pioneer leader (Tổng phụ trách Đội) per primary school, besides the norm"),
        ],
        teachingPeriods: [
            TypedValue(types: [.semiBoarding, .disability], value: 21,
                       source: "Circular 05/2025/TT-BGDĐT art. 7 cl. 3 b-c: 21 periods a week in semi-boarding and disability primary schools"),
            TypedValue(value: 23, source: "Circular 05/2025/TT-BGDĐT art. 7 cl. 3 a: 23 periods a week in a primary school"),
        ],
        homeroomReduction: Sourced(4, source: "Circular 05/2025/TT-BGDĐT art. 9 cl. 1: a homeroom teacher teaches 4 periods a week less; in primary the class teacher is the homeroom teacher"),
        homeroomSubject: "primary",
        subjects: [
            SubjectPeriods(subject: "primary", periods: 20, source: "Circular 32/2018/TT-BGDĐT: Vietnamese 8.6, maths 4.6, ethics 1, nature & society 1.2, history & geography 0.8, science 0.8, experiential 3 (grades 1-5 averaged), taught by the class teacher"),
            SubjectPeriods(subject: "english", periods: 2.4, source: "Circular 32/2018/TT-BGDĐT: foreign language 4 periods in grades 3-5 (4 x 3 / 5)"),
            SubjectPeriods(subject: "informatics_technology", periods: 1.2, source: "Circular 32/2018/TT-BGDĐT: informatics & technology 2 periods in grades 3-5 (2 x 3 / 5)"),
            SubjectPeriods(subject: "physical_education", periods: 2, source: "Circular 32/2018/TT-BGDĐT: physical education 2 periods, grades 1-5"),
            SubjectPeriods(subject: "music", periods: 1, source: "Circular 32/2018/TT-BGDĐT: arts 2 periods, grades 1-5: music 1"),
            SubjectPeriods(subject: "fine_arts", periods: 1, source: "Circular 32/2018/TT-BGDĐT: arts 2 periods, grades 1-5: fine arts 1"),
        ])

    @Test func presetPrimaryEqualsTheRulesWrittenByHand() throws {
        let rules = try #require(NormPresets.rules("vn-2026"))
        #expect(rules.name == "vn-2026")
        #expect(Set(rules.levels.keys) == ["preschool", "primary", "lower_secondary", "upper_secondary"])
        #expect(rules.levels["primary"] == Self.primaryByHand)
        #expect(rules.levels["preschool"] == LevelNorms(
            perClass: [PerClassRule(value: 2.2, source: "Circular 19/2023/TT-BGDĐT art. 5 cl. 1 b: at most 2.2 teachers per kindergarten class")],
            perInfantGroup: Sourced(2.5, source: "Circular 19/2023/TT-BGDĐT art. 5 cl. 1 a: at most 2.5 teachers per infant group"),
            subjects: [SubjectPeriods(subject: "preschool", periods: 1,
                                      source: "preschool has no subject timetable: the class teachers take the whole maximum")]))
    }

    @Test func presetFiguresOfTheSecondaryLevels() throws {
        let rules = try #require(NormPresets.rules("vn-2026"))
        let lower = try #require(rules.levels["lower_secondary"])
        #expect(lower.perClass.map(\.value) == [2.2, 1.9])
        #expect(lower.perClass[0].types == [.boarding, .semiBoarding, .disability])
        #expect(lower.perClass[1].source == "Circular 20/2023/TT-BGDĐT art. 12 cl. 1 a: at most 1.9 teachers per class")
        #expect(lower.teachingPeriods(type: .boarding)?.value == 17)
        #expect(lower.teachingPeriods(type: .regular)?.value == 19)
        #expect(lower.homeroomSubject == nil && lower.homeroomReduction?.value == 4)
        #expect(lower.subjects.first { $0.subject == "technology" }?.periods == 1.242857)
        #expect(lower.subjects.filter(\.spread).map(\.subject) == ["experiential", "local_content"])
        let upper = try #require(rules.levels["upper_secondary"])
        #expect(upper.perClassRule(type: .specialised, sessions: 2)?.value == 3.1)
        #expect(upper.perClassRule(type: .provincialBoarding, sessions: 1)?.value == 2.4)
        #expect(upper.perClassRule(type: .semiBoarding, sessions: 2) == nil)
        #expect(upper.fixedPosts.isEmpty)
        #expect(upper.pupilExtras?.types == [.regular, .disability])
        #expect(upper.subjects.first { $0.subject == "history" }?.periods == 1.485714)
        #expect(upper.subjects.first { $0.subject == "learning_topics" }?.spread == true)
    }

    @Test func shippedPresetsIncludeTheRules() {
        #expect(NormPresets.names == ["vn-2023", "vn-2023-full", "vn-2026"])
        #expect(NormPresets.rules("vn-2023") == nil)
        #expect(NormPresets.rows("vn-2026") == nil)
        #expect(NormPresets.rules("../Presets/vn-2026") == nil)
    }

    // MARK: In a scenario

    @Test func builtinRulesSetNormRulesAndNoTable() throws {
        let s = TempScenario(["scenario.yaml": TempScenario.baseYAML + "norms: builtin:vn-2026\n"])
        let scenario = try s.load()
        #expect(scenario.norms == nil)
        #expect(scenario.normRules == NormPresets.rules("vn-2026"))
    }

    /// A province's copy of the preset, under another name, loads to the same rules.
    @Test(arguments: ["rules.yaml", "rules.yml", "Rules.YAML"])
    func aCopyOfThePresetLoadsToTheSameRules(_ file: String) throws {
        let preset = try String(contentsOfFile: try #require(NormPresets.rulesPath("vn-2026")), encoding: .utf8)
        let s = TempScenario(["scenario.yaml": TempScenario.baseYAML + "norms: \(file)\n", file: preset])
        let scenario = try s.load()
        #expect(scenario.norms == nil)
        #expect(scenario.normRules == NormPresets.rules("vn-2026"))
    }

    /// Without `name:`, the rules take the file's name, which messages and derivations show.
    @Test func aFileWithoutANameIsNamedAfterItself() throws {
        let s = rulesScenario(Self.minimal.replacingOccurrences(of: "name: test\n", with: ""), file: "quang-ninh.2026.yaml")
        #expect(try s.load().normRules?.name == "quang-ninh.2026")
    }

    @Test func theMinimalFileLoads() throws {
        let rules = try #require(try rulesScenario(Self.minimal).load().normRules)
        #expect(rules == NormRules(name: "test", levels: [
            "primary": LevelNorms(perClass: [PerClassRule(value: 1.5, source: "art. 7")],
                                  subjects: [SubjectPeriods(subject: "primary", periods: 20, source: "curriculum")]),
        ]))
    }

    // MARK: Errors

    /// A rules file with one level; line 5 holds the per_class entry, line 7 the subject.
    static let minimal = """
        name: test
        levels:
          primary:
            per_class:
              - {value: 1.5, source: "art. 7"}
            subjects:
              - {subject: primary, periods: 20, source: "curriculum"}

        """

    private func rulesScenario(_ rules: String, file: String = "rules.yaml") -> TempScenario {
        TempScenario(["scenario.yaml": TempScenario.baseYAML + "norms: \(file)\n", file: rules])
    }

    /// The diagnostics of a scenario whose rules file is `minimal` with `old` replaced by `new`.
    private func errors(_ old: String, _ new: String, sourceLocation: SourceLocation = #_sourceLocation) -> [String] {
        #expect(Self.minimal.contains(old), sourceLocation: sourceLocation)
        let s = rulesScenario(Self.minimal.replacingOccurrences(of: old, with: new))
        return s.errors(sourceLocation: sourceLocation).map {
            $0.description.replacingOccurrences(of: s.root + "/", with: "")
        }
    }

    @Test func unknownKeyWithDidYouMean() {
        #expect(errors("{value: 1.5,", "{valu: 1.5,") == [
            "rules.yaml:5:10: levels.primary.per_class[0].valu: unknown key (did you mean 'value'?); valid keys here: types, sessions, value, source",
            "rules.yaml:5:9: levels.primary.per_class[0]: has no 'value'",
        ])
    }

    @Test func unknownLevelKey() {
        #expect(errors("    subjects:", "    subject:") == [
            "rules.yaml:6:5: levels.primary.subject: unknown key (did you mean 'subjects'?); valid keys here: per_class, per_infant_group, pupil_extras, fixed_posts, teaching_periods, homeroom, subjects",
            "rules.yaml:3:3: levels.primary: has no 'subjects': give each subject's periods a week per class, e.g. subjects: [{subject: math, periods: 4, source: \"Circular 32/2018/TT-BGDĐT\"}]",
        ])
    }

    @Test func missingSource() {
        #expect(errors(", source: \"art. 7\"}", "}") == [
            "rules.yaml:5:9: levels.primary.per_class[0]: has no 'source': name the article the figure comes from",
        ])
    }

    @Test func emptySource() {
        #expect(errors("source: \"art. 7\"", "source: \" \"") == [
            "rules.yaml:5:30: levels.primary.per_class[0].source: must be a text, got ' '",
        ])
    }

    @Test func negativeNumber() {
        #expect(errors("{value: 1.5,", "{value: -1.5,") == [
            "rules.yaml:5:17: levels.primary.per_class[0].value: must be a number from 0 to 100, got -1.5",
        ])
        #expect(errors("periods: 20,", "periods: -2,") == [
            "rules.yaml:7:37: levels.primary.subjects[0].periods: must be a number from 0 to 168, got -2",
        ])
    }

    @Test func quotedNumber() {
        #expect(errors("{value: 1.5,", "{value: \"1.5\",") == [
            "rules.yaml:5:17: levels.primary.per_class[0].value: must be a number from 0 to 100, got '1.5'",
        ])
    }

    @Test func unknownSchoolType() {
        #expect(errors("{value: 1.5,", "{types: [regular, boardng], value: 1.5,") == [
            "rules.yaml:5:27: levels.primary.per_class[0].types[1]: 'boardng' is not a school type (did you mean 'boarding'?); expected regular, boarding, semi_boarding, disability, specialised, provincial_boarding",
        ])
        #expect(errors("{value: 1.5,", "{types: boarding, value: 1.5,") == [
            "rules.yaml:5:17: levels.primary.per_class[0].types: must be a list of school types such as [boarding, semi_boarding], got 'boarding'",
        ])
    }

    @Test func sessionsOtherThanOneOrTwo() {
        #expect(errors("{value: 1.5,", "{sessions: 3, value: 1.5,") == [
            "rules.yaml:5:20: levels.primary.per_class[0].sessions: must be 1 or 2, got '3'",
        ])
    }

    static let extras = """
            pupil_extras:
              class_size: {1: 25, 2: 30, 3: 35}
              pupils_per_teacher: {1: 12, 2: 15, 3: 17}
              types: [regular]
              source: "art. 3"
            subjects:
        """

    private func extrasErrors(_ old: String, _ new: String, sourceLocation: SourceLocation = #_sourceLocation) -> [String] {
        #expect(Self.extras.contains(old), sourceLocation: sourceLocation)
        return errors("    subjects:", Self.extras.replacingOccurrences(of: old, with: new), sourceLocation: sourceLocation)
    }

    @Test func pupilExtrasAreRead() throws {
        let s = rulesScenario(Self.minimal.replacingOccurrences(of: "    subjects:", with: Self.extras))
        let extras = try #require(try s.load().normRules?.levels["primary"]?.pupilExtras)
        #expect(extras == PupilExtras(classSize: [1: 25, 2: 30, 3: 35], pupilsPerTeacher: [1: 12, 2: 15, 3: 17],
                                      types: [.regular], source: "art. 3"))
    }

    @Test func regionKeyOtherThanOneTwoThree() {
        #expect(extrasErrors("3: 35}", "4: 35}") == [
            "rules.yaml:7:34: levels.primary.pupil_extras.class_size: region must be 1, 2 or 3, got '4'",
        ])
        #expect(extrasErrors("{1: 12,", "{one: 12,") == [
            "rules.yaml:8:28: levels.primary.pupil_extras.pupils_per_teacher: region must be 1, 2 or 3, got 'one'",
        ])
    }

    @Test func regionFigures() {
        #expect(extrasErrors("2: 30,", "2: 0,") == [
            "rules.yaml:7:30: levels.primary.pupil_extras.class_size.2: must be a whole number from 1 to 1000, got '0'",
        ])
        #expect(extrasErrors("{1: 12,", "{1: 12.5,") == [
            "rules.yaml:8:31: levels.primary.pupil_extras.pupils_per_teacher.1: must be a whole number from 1 to 1000, got '12.5'",
        ])
    }

    @Test func pupilExtrasWithoutTypesOrSource() {
        #expect(extrasErrors("      types: [regular]\n      source: \"art. 3\"\n", "") == [
            "rules.yaml:6:5: levels.primary.pupil_extras: has no 'types'",
            "rules.yaml:6:5: levels.primary.pupil_extras: has no 'source': name the article the figure comes from",
        ])
        #expect(extrasErrors("types: [regular]", "types: []") == [
            "rules.yaml:9:14: levels.primary.pupil_extras.types: is empty: list the school types the extras apply to",
        ])
    }

    @Test func aLevelWithNoPerClass() {
        #expect(errors("    per_class:\n      - {value: 1.5, source: \"art. 7\"}\n", "") == [
            "rules.yaml:3:3: levels.primary: has no 'per_class': give the most teachers per class, e.g. per_class: [{value: 1.9, source: \"Circular 20/2023/TT-BGDĐT art. 12\"}]",
        ])
        #expect(errors("    per_class:\n      - {value: 1.5, source: \"art. 7\"}\n", "    per_class: []\n") == [
            "rules.yaml:4:16: levels.primary.per_class: is empty: give at least one entry",
        ])
    }

    @Test func aLevelThatIsNotAMap() {
        #expect(errors("  primary:\n    per_class:", "  primary: 1.5\n  college:\n    per_class:") == [
            "rules.yaml:3:12: levels.primary: must be a map of keys (per_class, per_infant_group, pupil_extras, fixed_posts, teaching_periods, homeroom, subjects), got '1.5'",
        ])
    }

    @Test func aLevelTwice() {
        #expect(errors("  primary:\n    per_class:", "  primary:\n    per_class:\n      - {value: 1, source: s}\n    subjects: [{subject: a, periods: 1, source: s}]\n  \"primary \":\n    per_class:") == [
            "rules.yaml:7:3: levels.primary: level 'primary' appears twice",
        ])
    }

    @Test func teachingPeriodsOfZero() {
        let periods = "    teaching_periods:\n      - {value: 0, source: \"art. 7\"}\n    subjects:"
        #expect(errors("    subjects:", periods) == [
            "rules.yaml:7:17: levels.primary.teaching_periods[0].value: must be a number from 1 to 168, got 0",
        ])
    }

    @Test func duplicateSubject() {
        let twice = "      - {subject: primary, periods: 20, source: \"curriculum\"}\n"
        #expect(errors(twice, twice + "      - {subject: english, periods: 2, source: \"c\"}\n" + twice) == [
            "rules.yaml:9:19: levels.primary.subjects[2].subject: subject 'primary' appears twice in this level (first on line 7)",
        ])
    }

    @Test func everySubjectSpread() {
        #expect(errors("periods: 20,", "periods: 20, spread: true,") == [
            "rules.yaml:7:7: levels.primary.subjects: no subject has periods above 0 without spread: the maximum would go to no subject",
        ])
        #expect(errors("periods: 20,", "periods: 20, spread: 1,") == [
            "rules.yaml:7:49: levels.primary.subjects[0].spread: must be true or false, got '1'",
        ])
    }

    @Test func fileShape() {
        #expect(errors("levels:\n", "level:\n") == [
            "rules.yaml:2:1: level: unknown key (did you mean 'levels'?); valid keys here: name, levels",
            "rules.yaml:1:1: has no 'levels': give the norms of each level, as builtin:vn-2026 does",
        ])
        let s = rulesScenario("- primary\n")
        #expect(s.errors().map(\.description) == [
            "\(s.path("rules.yaml")):1:1: must be a map of keys (name, levels), got a list",
        ])
        let empty = rulesScenario("# nothing\n")
        #expect(empty.errors().map(\.description) == [
            "\(empty.path("rules.yaml")): is empty: expected name: and levels:, as in builtin:vn-2026",
        ])
        let noLevels = rulesScenario("name: x\nlevels: {}\n")
        #expect(noLevels.errors().map(\.description) == [
            "\(noLevels.path("rules.yaml")):2:9: levels: must be a map of levels (preschool, primary, ...) to their norms, got an empty map",
        ])
    }

    @Test func yamlSyntaxErrorIsReportedInTheRulesFile() {
        let s = rulesScenario("name: [x\n")
        expectOne(s.errors(), file: s.path("rules.yaml"), line: 2, column: 1,
                  "YAML: did not find expected ',' or ']' (while parsing a flow sequence at line 1, column 7)")
    }

    @Test func missingRulesFileIsReportedWhereScenarioYAMLNamesIt() {
        let s = TempScenario(["scenario.yaml": TempScenario.baseYAML + "norms: nowhere.yaml\n"])
        expectOne(s.errors(), file: s.path("scenario.yaml"), line: 4, column: 8, key: "norms",
                  "file not found: \(s.path("nowhere.yaml"))")
    }

    @Test func rulesCannotBeCombinedWithTables() {
        let s = TempScenario(["scenario.yaml": TempScenario.baseYAML + "norms: [builtin:vn-2023, builtin:vn-2026]\n"])
        expectOne(s.errors(), file: s.path("scenario.yaml"), line: 4, column: 26, key: "norms",
                  "'builtin:vn-2026' is a rules file and cannot be combined with other norms in a list: name it alone (norms: builtin:vn-2026), and give a school's own figures in staff.csv's required column")
        let file = TempScenario(["scenario.yaml": TempScenario.baseYAML + "norms:\n  - mine.yml\n  - norms.csv\n",
                                 "mine.yml": Self.minimal, "norms.csv": "level,subject,per_class\n"])
        expectOne(file.errors(), file: file.path("scenario.yaml"), line: 5, column: 5, key: "norms",
                  "'mine.yml' is a rules file and cannot be combined with other norms in a list: name it alone (norms: mine.yml), and give a school's own figures in staff.csv's required column")
    }

    @Test func unknownBuiltinListsTheRules() {
        let s = TempScenario(["scenario.yaml": TempScenario.baseYAML + "norms: builtin:vn-2062\n"])
        expectOne(s.errors(), file: s.path("scenario.yaml"), line: 4, column: 8, key: "norms",
                  "no built-in norms named 'vn-2062' (did you mean 'vn-2026'?); available: builtin:vn-2023, builtin:vn-2023-full, builtin:vn-2026")
    }
}
