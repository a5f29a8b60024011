import Foundation
import Testing
@testable import ScenarioIO
import RedeployDomain

@Suite("Reading scenarios")
struct LoaderTests {
    @Test(arguments: Examples.all)
    func conformanceExamplesLoad(_ name: String) throws {
        let scenario = try ScenarioLoader.load(Examples.path(name))
        #expect(!scenario.schools.isEmpty)
        #expect(!scenario.staff.isEmpty)
    }

    @Test func exampleE1IsReadFieldByField() throws {
        let scenario = try ScenarioLoader.load(Examples.path("e1-transfer-and-hire"))
        #expect(scenario.name == "Four schools: transfers across areas and one hire replacing a leaver")
        #expect(scenario.schools.first == School(id: "T1", name: "Trường THCS Trần Phú", area: "Hạ Long",
                                                 level: "lower_secondary", classes: 12, latitude: 20.95,
                                                 longitude: 107.08, priority: 1))
        #expect(scenario.schools[2].priority == 1.5)
        #expect(scenario.staff[1] == StaffRow(schoolID: "T1", subject: "english", teachers: 3, leaving: 1, required: 1.89))
        #expect(scenario.norms == nil)
        #expect(scenario.policy == Policy())
        #expect(scenario.costs == Costs(move: 1, perKm: 0.02, hire: 2, release: 5))
    }

    @Test func theYAMLFileItselfMayBeGiven() throws {
        let byFolder = try ScenarioLoader.load(Examples.path("e3-streamlining"))
        let byFile = try ScenarioLoader.load(Examples.path("e3-streamlining") + "/scenario.yaml")
        #expect(byFolder == byFile)
        #expect(byFile.policy.payrollChange == -3)
        #expect(byFile.policy.hiring == false)
    }

    @Test func extendsFindsTheBaseFilesBesideTheBase() throws {
        // e4 shared names no CSV: they are whole's, relative to whole/scenario.yaml.
        let shared = try ScenarioLoader.load(Examples.path("e4-sharing/shared"))
        let whole = try ScenarioLoader.load(Examples.path("e4-sharing/whole"))
        #expect(shared.name == "Shared teachers: half an English teacher teaches at B (dạy liên trường)")
        #expect(shared.schools == whole.schools)
        #expect(shared.policy.sharing == true)
        #expect(shared.policy.hiring == false)  // inherited key by key
        #expect(shared.costs.perKm == 0.1)
        #expect(whole.policy.sharing == false)
    }

    /// Whole numbers are base ten as a planner writes them: YAML 1.1 would read `010` as
    /// octal 8 and reject `-0` and `+0`.
    @Test(arguments: [("-0", 0, 0.0), ("+0", 0, 0.0), ("010", 10, 10.0), ("-007", -7, 7.0), ("0x10", 16, 16.0)])
    func wholeNumbersAreBaseTen(_ text: String, payroll: Int, move: Double) throws {
        let yaml = TempScenario.baseYAML + "policy: {payroll_change: \(text)}\ncosts: {move: \(text.replacingOccurrences(of: "-", with: ""))}\n"
        let scenario = try TempScenario(["scenario.yaml": yaml]).load()
        #expect(scenario.policy.payrollChange == payroll)
        #expect(scenario.costs.move == move)
    }

    @Test func defaultsOfEveryPolicyAndCostKey() throws {
        let scenario = try TempScenario().load()
        #expect(scenario.policy.payrollChange == 0)
        #expect(scenario.policy.hiring == true)
        #expect(scenario.policy.sameLevel == true)
        #expect(scenario.policy.transferScope == .any)
        #expect(scenario.policy.maxDistanceKm == nil)
        #expect(scenario.policy.maxOutShare == nil)
        #expect(scenario.policy.sharing == false)
        #expect(scenario.policy.qualifications == [])
        #expect(scenario.costs == Costs(move: 1, perKm: 0, hire: 1, release: 5))
        #expect(scenario.distances == [])
        #expect(scenario.norms == nil)
    }

    @Test func everyContractFieldIsRead() throws {
        let s = TempScenario([
            "scenario.yaml": """
                name: "Tỉnh mẫu 2025/26"
                schools: data/schools.csv
                staff: data/staff.csv
                norms: data/norms.csv
                distances: data/distances.csv
                policy:
                  payroll_change: -120
                  hiring: false
                  same_level: false
                  transfer_scope: area
                  max_distance_km: 35.5
                  max_out_share: 0.25
                  sharing: true
                  qualifications:
                    - {teacher: physics, teaches: natural_science}
                    - teacher: history
                      teaches: history_geography
                costs:
                  move: 2.5
                  per_km: 0.05
                  hire: 3
                  release: 7

                """,
            "data/schools.csv": """
                priority,lon,lat,classes,level,area,name,id,note
                2,107.5,21.25,12,lower_secondary,Bình Liêu,Trường THCS Bình Liêu,BL1,ignored
                ,,,0,lower_secondary,Hạ Long,,HL1,

                """,
            "data/staff.csv": """
                required,leaving,teachers,subject,school_id
                2.53,1,3,math,BL1
                ,,2,physics,HL1

                """,
            "data/norms.csv": "subject,per_class,level\nphysics,0.1,lower_secondary\nmath,0.210526,lower_secondary\n",
            "data/distances.csv": "km,to,from\n42.5,HL1,BL1\n",
        ], base: false)
        let scenario = try s.load()
        let expected = Scenario(
            name: "Tỉnh mẫu 2025/26",
            schools: [
                School(id: "BL1", name: "Trường THCS Bình Liêu", area: "Bình Liêu", level: "lower_secondary",
                       classes: 12, latitude: 21.25, longitude: 107.5, priority: 2),
                School(id: "HL1", name: "", area: "Hạ Long", level: "lower_secondary", classes: 0),
            ],
            staff: [
                StaffRow(schoolID: "BL1", subject: "math", teachers: 3, leaving: 1, required: 2.53),
                StaffRow(schoolID: "HL1", subject: "physics", teachers: 2, leaving: 0, required: nil),
            ],
            norms: [NormRow(level: "lower_secondary", subject: "physics", perClass: 0.1),
                    NormRow(level: "lower_secondary", subject: "math", perClass: 0.210526)],
            distances: [DistanceRow(from: "BL1", to: "HL1", km: 42.5)],
            policy: Policy(payrollChange: -120, hiring: false, sameLevel: false, transferScope: .area,
                           maxDistanceKm: 35.5, maxOutShare: 0.25, sharing: true,
                           qualifications: [Qualification(teacher: "physics", teaches: "natural_science"),
                                            Qualification(teacher: "history", teaches: "history_geography")]),
            costs: Costs(move: 2.5, perKm: 0.05, hire: 3, release: 7))
        #expect(scenario == expected)
    }

    @Test func byteOrderMarkCRLFQuotedCommasAndVietnameseNames() throws {
        let s = TempScenario()
        var schools = Data([0xEF, 0xBB, 0xBF])
        schools.append(Data(("id,name,area,level,classes\r\n"
            + "S1,\"Trường Tiểu học Lê Lợi, điểm chính\",\"Hạ Long, Quảng Ninh\",primary,10\r\n"
            + "S2,\"Mầm non \"\"Hoa Sen\"\"\",Cô Tô,preschool,4\r\n").utf8))
        s.write("schools.csv", schools)
        s.write("staff.csv", "\u{FEFF}school_id,subject,teachers,required\r\nS1,primary,12,11\r\nS2,preschool,8,8.8\r\n")
        let scenario = try s.load()
        #expect(scenario.schools.map(\.name) == ["Trường Tiểu học Lê Lợi, điểm chính", "Mầm non \"Hoa Sen\""])
        #expect(scenario.schools.map(\.area) == ["Hạ Long, Quảng Ninh", "Cô Tô"])
        #expect(scenario.staff.map(\.schoolID) == ["S1", "S2"])
        #expect(scenario.staff[1].required == 8.8)
    }

    @Test func extendsMergesMapsKeyByKeyAndReplacesListsAndScalars() throws {
        let s = TempScenario([
            "base/scenario.yaml": """
                name: Base
                schools: schools.csv
                staff: staff.csv
                policy:
                  payroll_change: -3
                  hiring: false
                  qualifications: [{teacher: physics, teaches: natural_science}]
                costs:
                  move: 2
                  per_km: 0.1

                """,
            "base/schools.csv": TempScenario.baseSchools,
            "base/staff.csv": TempScenario.baseStaff,
            "child/scenario.yaml": """
                extends: ../base/scenario.yaml
                name: Child
                policy:
                  sharing: true
                  qualifications: [{teacher: history, teaches: history_geography}]
                costs:
                  hire: 3

                """,
        ], base: false)
        let scenario = try s.load("child")
        #expect(scenario.name == "Child")
        #expect(scenario.policy == Policy(payrollChange: -3, hiring: false, sharing: true,
                                          qualifications: [Qualification(teacher: "history", teaches: "history_geography")]))
        #expect(scenario.costs == Costs(move: 2, perKm: 0.1, hire: 3, release: 5))
        #expect(scenario.schools.count == 2)
    }

    @Test func extendsChainOfThreeAndOverridingAFile() throws {
        let s = TempScenario([
            "a/scenario.yaml": "extends: ../b\ncosts: {move: 4}\n",
            "b/scenario.yaml": "extends: ../scenario.yaml\nstaff: staff2.csv\npolicy: {max_out_share: 0.5}\n",
            "b/staff2.csv": "school_id,subject,teachers,required\nS1,primary,5,4\n",
        ])
        let scenario = try s.load("a")
        #expect(scenario.name == "Test")
        #expect(scenario.staff == [StaffRow(schoolID: "S1", subject: "primary", teachers: 5, required: 4)])
        #expect(scenario.policy.maxOutShare == 0.5)
        #expect(scenario.costs.move == 4)
    }

    @Test func nullResetsAnInheritedValue() throws {
        let s = TempScenario([
            "scenario.yaml": TempScenario.baseYAML + "policy:\n  max_distance_km: 30\n  qualifications: [{teacher: a, teaches: b}]\n",
            "child.yaml": "extends: scenario.yaml\npolicy:\n  max_distance_km: null\n  qualifications: []\n",
        ])
        let scenario = try s.load("child.yaml")
        #expect(scenario.policy.maxDistanceKm == nil)
        #expect(scenario.policy.qualifications == [])
    }

    @Test func builtinNormsGiveRequiredFromClasses() throws {
        let s = TempScenario([
            "scenario.yaml": TempScenario.baseYAML + "norms: builtin:vn-2023\n",
            "staff.csv": "school_id,subject,teachers\nS1,primary,9\nS2,english,1\n",
        ])
        let scenario = try s.load()
        let instance = Instance(scenario)
        let s1 = instance.schoolIndex["S1"]!
        let primary = instance.pairIndex(school: s1, subject: instance.subjectIndex["primary"]!)!
        #expect(abs(instance.pairs[primary].required - 10 * 0.869565) < 1e-9)
        #expect(instance.pairs[primary].teachers == 9)
        // Norm pairs appear for every primary subject, with no teachers.
        let music = instance.pairIndex(school: s1, subject: instance.subjectIndex["music"]!)!
        #expect(instance.pairs[music].teachers == 0)
        #expect(abs(instance.pairs[music].required - 10 * 0.043478) < 1e-9)
        #expect(instance.pairRanges[s1].count == 6)
    }

    @Test func aUsersNormsFileWinsOverAPreset() throws {
        let s = TempScenario([
            "scenario.yaml": TempScenario.baseYAML + "norms: [norms.csv, builtin:vn-2023]\n",
            "staff.csv": "school_id,subject,teachers\nS1,primary,9\n",
            "norms.csv": "level,subject,per_class\nprimary,primary,1.1\nprimary,music,0\n",
        ])
        let scenario = try s.load()
        let norms = scenario.norms ?? []
        #expect(norms.filter { $0.level == "primary" && $0.subject == "primary" }.map(\.perClass) == [1.1])
        #expect(norms.filter { $0.level == "primary" && $0.subject == "music" }.map(\.perClass) == [0])
        #expect(norms.contains(NormRow(level: "lower_secondary", subject: "math", perClass: 0.210526)))
        let instance = Instance(scenario)
        let s1 = instance.schoolIndex["S1"]!
        let primary = instance.pairIndex(school: s1, subject: instance.subjectIndex["primary"]!)!
        #expect(abs(instance.pairs[primary].required - 11) < 1e-9)
        #expect(instance.pairIndex(school: s1, subject: instance.subjectIndex["music"]!) == nil)
    }

    @Test func requiredInStaffWinsOverNorms() throws {
        let s = TempScenario([
            "scenario.yaml": TempScenario.baseYAML + "norms: builtin:vn-2023\n",
            "staff.csv": "school_id,subject,teachers,required\nS1,primary,9,7.5\n",
        ])
        let instance = Instance(try s.load())
        let s1 = instance.schoolIndex["S1"]!
        #expect(instance.pairs[instance.pairIndex(school: s1, subject: instance.subjectIndex["primary"]!)!].required == 7.5)
    }

    @Test func aRequiredThatNormsDoNotCoverIsAWarning() throws {
        let s = TempScenario([
            "scenario.yaml": TempScenario.baseYAML + "norms: builtin:vn-2023\n",
            "staff.csv": "school_id,subject,teachers,required\nS1,maths,2,\n",
        ])
        var warnings: [Diagnostic] = []
        _ = try ScenarioLoader.load(s.root, warnings: &warnings)
        // 'maths' is also written once only, one edit from the preset's 'math': the likely
        // cause comes first, in the row's order of cells.
        #expect(warnings.map(\.description) == [
            "\(s.path("staff.csv")):2:4: subject 'maths' appears only here; did you mean 'math'?",
            "\(s.path("staff.csv")):2:12: required is empty and the norms have no per_class for level 'primary', subject 'maths': required is taken as 0",
        ])
    }
}
