import Foundation
import Testing
@testable import ScenarioIO
import RedeployDomain

/// Inputs that the fuzz harness (Fuzz/, scripts/fuzz.sh, docs/RELIABILITY.md) found to crash,
/// hang or break an invariant of the readers, each minimised and kept here with the exact
/// diagnostic the fixed reader gives.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    private func yaml(_ extra: String) -> TempScenario {
        TempScenario(["scenario.yaml": TempScenario.baseYAML + extra])
    }

    /// "Billion laughs" as a mapping key: Yams hashes every key to find duplicates, walking all
    /// 9^8 leaves of the expanded alias (more than 5 s: a libFuzzer timeout). Keys that are not
    /// plain words are now refused before the text is composed with its aliases.
    @Test(.timeLimit(.minutes(1)))
    func billionLaughsAsAKey() {
        var text = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        var previous = "a"
        for name in ["b", "c", "d", "e", "f", "g", "h"] {
            text += "\(name): &\(name) [" + Array(repeating: "*" + previous, count: 9).joined(separator: ",") + "]\n"
            previous = name
        }
        text += "? *h\n: 1\n"
        let s = yaml(text)
        expectOne(s.errors(), file: s.path("scenario.yaml"), line: 12, column: 3,
                  "YAML: a key must be a plain word, not an alias")
    }

    @Test func aliasAsAKeyOfPolicy() {
        let s = yaml("policy:\n  hiring: &h true\n  *h : false\n")
        expectOne(s.errors(), file: s.path("scenario.yaml"), line: 6, column: 3,
                  "YAML: a key must be a plain word, not an alias")
    }

    @Test func listWithAnAliasAsAKey() {
        let s = yaml("x: &x 1\n? [*x]\n: 2\n")
        expectOne(s.errors(), file: s.path("scenario.yaml"), line: 5, column: 3,
                  "YAML: a key must be a plain word, not a list")
    }

    /// Anchors and aliases as values still work.
    @Test func aliasesAsValuesStillLoad() throws {
        let scenario = try yaml("costs: {move: &one 2, hire: *one}\n").load()
        #expect(scenario.costs.move == 2)
        #expect(scenario.costs.hire == 2)
    }

    /// A control character in scenario.yaml was reported by libyaml's reader without a line.
    @Test func nulByteInYAML() {
        let s = TempScenario(["scenario.yaml": "name: a\u{0}b\nschools: schools.csv\nstaff: staff.csv\n"])
        expectOne(s.errors(), file: s.path("scenario.yaml"), line: 1, column: 8,
                  "YAML: control character U+0000 is not allowed")
    }

    @Test func controlCharacterInYAMLOnALaterLine() {
        let s = TempScenario(["scenario.yaml": "name: Tên\r\nschools: schools.csv\r\nstaff: st\u{1}aff.csv\r\n"])
        expectOne(s.errors(), file: s.path("scenario.yaml"), line: 3, column: 10,
                  "YAML: control character U+0001 is not allowed")
    }

    /// scenario.yaml that is not UTF-8 was reported without a position.
    @Test func invalidUTF8InYAML() {
        let s = TempScenario()
        s.write("scenario.yaml", Data("name: Tr".utf8) + Data([0xFF, 0xFE]) + Data("ng\nschools: schools.csv\nstaff: staff.csv\n".utf8))
        expectOne(s.errors(), file: s.path("scenario.yaml"), line: 1, column: 9,
                  "is not valid UTF-8 text here; save the file as UTF-8")
    }

    /// libyaml's own message named its C API and had a stray parenthesis.
    @Test func yamlNestedTooDeeply() {
        let s = yaml("policy:\n  qualifications: " + String(repeating: "[", count: 1001) + "\n")
        let errors = s.errors()
        #expect(errors.count == 1)
        #expect(errors.first?.file == s.path("scenario.yaml"))
        #expect(errors.first?.line == 5)
        #expect(errors.first?.message == "YAML: nested too deeply: at most 1000 levels of lists and maps")
    }

    /// A CSV path naming a device was reported as "cannot be read (permissions?)" without a
    /// position; a pipe would have blocked the reader.
    @Test func csvPathThatIsADevice() {
        let s = TempScenario(["scenario.yaml": "name: Test\nschools: /dev/null\nstaff: staff.csv\n"])
        expectOne(s.errors(), file: s.path("scenario.yaml"), line: 2, column: 10, key: "schools",
                  "not a regular file: /dev/null")
    }

    @Test func csvPathThatIsAFolder() {
        let s = TempScenario(["scenario.yaml": "name: Test\nschools: sub\nstaff: staff.csv\n", "sub/readme.txt": ""])
        expectOne(s.errors(), file: s.path("scenario.yaml"), line: 2, column: 10, key: "schools",
                  "a folder, not a CSV file: \(s.path("sub"))")
    }

    @Test func extendsAPathThatIsADevice() {
        let s = yaml("extends: /dev/null\n")
        expectOne(s.errors(), file: s.path("scenario.yaml"), line: 4, column: 10, key: "extends",
                  "not a regular file: /dev/null")
    }
}

/// The pathological values of the reliability issue that ValidationTests does not already
/// cover (1e308 in priority, required and costs, `1e3` in teachers, inf, .nan in costs, an
/// empty staff.csv and a schools.csv with a header only are there).
@Suite("Pathological values")
struct PathologicalValueTests {
    private static let withDistances = TempScenario.baseYAML + "distances: distances.csv\n"
    private static let withNorms = TempScenario.baseYAML + "norms: norms.csv\n"

    // MARK: 1e308

    @Test func kmOf1e308() {
        let s = TempScenario(["scenario.yaml": Self.withDistances, "distances.csv": "from,to,km\nS1,S2,1e308\n"])
        expectOne(s.errors(), file: s.path("distances.csv"), line: 2, column: 7, "km must be at most 40000, got 1e308")
    }

    @Test func perClassOf1e308() {
        let s = TempScenario(["scenario.yaml": Self.withNorms, "norms.csv": "level,subject,per_class\nprimary,primary,1e308\n"])
        expectOne(s.errors(), file: s.path("norms.csv"), line: 2, column: 17, "per_class must be at most 100, got 1e308")
    }

    // MARK: NaN

    @Test func requiredNaN() {
        let s = TempScenario(["staff.csv": "school_id,subject,teachers,required\nS1,primary,3,NaN\n"])
        expectOne(s.errors(), file: s.path("staff.csv"), line: 2, column: 14, "required must be a number, got 'NaN'")
    }

    @Test func priorityNaN() {
        let s = TempScenario(["schools.csv": "id,area,level,classes,priority\nS1,X,primary,10,nan\nS2,X,primary,8,1\n"])
        expectOne(s.errors(), file: s.path("schools.csv"), line: 2, column: 17, "priority must be a number, got 'nan'")
    }

    @Test func latitudeNaN() {
        let s = TempScenario(["schools.csv": "id,area,level,classes,lat,lon\nS1,X,primary,10,nan,107\nS2,X,primary,8,,\n"])
        expectOne(s.errors(), file: s.path("schools.csv"), line: 2, column: 17, "lat must be a number, got 'nan'")
    }

    @Test func maxDistanceNaN() {
        let s = TempScenario(["scenario.yaml": TempScenario.baseYAML + "policy:\n  max_distance_km: .NaN\n"])
        expectOne(s.errors(), file: s.path("scenario.yaml"), line: 5, column: 20, key: "policy.max_distance_km",
                  "must be null or a number of km from 0 to 40000, got .NaN")
    }

    // MARK: 1e3 in an integer column

    @Test func classes1e3() {
        let s = TempScenario(["schools.csv": "id,area,level,classes\nS1,X,primary,1e3\nS2,X,primary,8\n"])
        expectOne(s.errors(), file: s.path("schools.csv"), line: 2, column: 14,
                  "classes must be a whole number written with digits only, got '1e3'")
    }

    @Test func leaving1e3() {
        let s = TempScenario(["staff.csv": "school_id,subject,teachers,leaving,required\nS1,primary,3,1e3,2\n"])
        expectOne(s.errors(), file: s.path("staff.csv"), line: 2, column: 14,
                  "leaving must be a whole number written with digits only, got '1e3'")
    }

    @Test func payrollChange1e3() {
        let s = TempScenario(["scenario.yaml": TempScenario.baseYAML + "policy:\n  payroll_change: 1e3\n"])
        expectOne(s.errors(), file: s.path("scenario.yaml"), line: 5, column: 19, key: "policy.payroll_change",
                  "must be a whole number (0 = budget-neutral, -120 = streamline by 120), got '1e3'")
    }

    // MARK: A 10,000-character name

    @Test func schoolNameOf10000Characters() {
        let name = String(repeating: "Ư", count: 10_000)
        let s = TempScenario(["schools.csv": "id,name,area,level,classes\nS1,\(name),X,primary,10\nS2,B,X,primary,8\n"])
        expectOne(s.errors(), file: s.path("schools.csv"), line: 2, column: 4,
                  "name is 10000 characters long: at most \(ScenarioLimits.textLength)")
    }

    @Test func subjectOf10000Characters() {
        let s = TempScenario(["staff.csv": "school_id,subject,teachers,required\nS1,\(String(repeating: "m", count: 10_000)),3,2\n"])
        expectOne(s.errors(), file: s.path("staff.csv"), line: 2, column: 4,
                  "subject is 10000 characters long: at most \(ScenarioLimits.textLength)")
    }

    @Test func scenarioNameOf10000Characters() {
        let s = TempScenario(["scenario.yaml": "name: \(String(repeating: "n", count: 10_000))\nschools: schools.csv\nstaff: staff.csv\n"])
        expectOne(s.errors(), file: s.path("scenario.yaml"), line: 1, column: 7, key: "name",
                  "is 10000 characters long: at most \(ScenarioLimits.textLength)")
    }

    @Test func aNameOfTheLimitIsAccepted() throws {
        let name = String(repeating: "Ư", count: ScenarioLimits.textLength)
        let s = TempScenario(["schools.csv": "id,name,area,level,classes\nS1,\(name),X,primary,10\nS2,B,X,primary,8\n"])
        #expect(try s.load().schools[0].name == name)
    }

    // MARK: Empty files and headers only

    @Test func emptyYAML() {
        let s = TempScenario(["scenario.yaml": ""])
        expectOne(s.errors(), file: s.path("scenario.yaml"), line: nil, column: nil,
                  "is empty: expected keys such as schools: and staff:")
    }

    @Test func emptySchools() {
        let s = TempScenario(["schools.csv": ""])
        expectOne(s.errors(), file: s.path("schools.csv"), line: nil, column: nil,
                  "is empty: expected a header row naming the columns")
    }

    @Test func byteOrderMarkOnly() {
        let s = TempScenario()
        s.write("staff.csv", Data([0xEF, 0xBB, 0xBF]))
        expectOne(s.errors(), file: s.path("staff.csv"), line: nil, column: nil,
                  "is empty: expected a header row naming the columns")
    }

    @Test func staffHeaderOnlyWithoutNorms() {
        let s = TempScenario(["staff.csv": "school_id,subject,teachers,required\n"])
        expectOne(s.errors(), file: s.path("staff.csv"), line: 1, column: 1,
                  "has no rows: add one row per school and subject under the header")
    }

    /// With norms, every (school, subject) the norms give is a pair: staff rows may be none.
    @Test func staffHeaderOnlyWithNormsLoads() throws {
        let s = TempScenario(["scenario.yaml": TempScenario.baseYAML + "norms: builtin:vn-2023\n",
                              "staff.csv": "school_id,subject,teachers\n"])
        let scenario = try s.load()
        #expect(scenario.staff.isEmpty)
        #expect(scenario.norms?.isEmpty == false)
    }

    @Test func normsAndDistancesHeaderOnlyLoad() throws {
        let s = TempScenario(["scenario.yaml": TempScenario.baseYAML + "norms: norms.csv\ndistances: distances.csv\n",
                              "norms.csv": "level,subject,per_class\n", "distances.csv": "from,to,km\n"])
        let scenario = try s.load()
        #expect(scenario.norms == [])
        #expect(scenario.distances == [])
    }
}
