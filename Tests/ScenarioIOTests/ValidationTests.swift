import Foundation
import Testing
@testable import ScenarioIO
import RedeployDomain

/// One malformed input per validation rule: each asserts the file, the position and the message.
@Suite("Validation of CSV files")
struct CSVValidationTests {
    // MARK: Files

    @Test func missingFileIsReportedAtTheYAMLLineThatNamesIt() {
        let s = TempScenario(["schools.csv": nil])
        expectOne(s.errors(), file: s.path("scenario.yaml"), line: 2, column: 10, key: "schools",
                  "file not found: \(s.path("schools.csv"))")
    }

    @Test func emptyFile() {
        let s = TempScenario(["staff.csv": ""])
        expectOne(s.errors(), file: s.path("staff.csv"), line: nil, column: nil,
                  "is empty: expected a header row naming the columns")
    }

    @Test func headerWithoutARequiredColumn() {
        let s = TempScenario(["schools.csv": "id,name,area,level,class\nS1,A,X,primary,10\n"])
        expectOne(s.errors(), file: s.path("schools.csv"), line: 1, column: 1,
                  "the header has no column 'classes' (did you mean 'class'?); its columns are: id, name, area, level, class")
    }

    @Test func schoolsWithoutRows() {
        let s = TempScenario(["schools.csv": "id,area,level,classes\n"])
        let errors = s.errors()
        #expect(errors.first == Diagnostic(file: s.path("schools.csv"), line: 1, column: 1,
                                           message: "has no schools: add one row per school under the header"))
    }

    // MARK: schools.csv

    @Test func duplicateSchoolID() {
        let s = TempScenario(["schools.csv": "id,area,level,classes\nS1,X,primary,10\nS2,X,primary,8\nS1,Y,primary,3\n"])
        expectOne(s.errors(), file: s.path("schools.csv"), line: 4, column: 1, "duplicate school id 'S1' (first on line 2)")
    }

    @Test func emptySchoolID() {
        let s = TempScenario(["schools.csv": "area,id,level,classes\nX,S1,primary,10\nX,  ,primary,8\n",
                              "staff.csv": "school_id,subject,teachers,required\nS1,primary,3,2\n"])
        expectOne(s.errors(), file: s.path("schools.csv"), line: 3, column: 3, "id is empty")
    }

    @Test func emptyAreaAndLevel() {
        let s = TempScenario(["schools.csv": "id,area,level,classes\nS1,,,10\nS2,X,primary,8\n"])
        let errors = s.errors()
        #expect(errors == [
            Diagnostic(file: s.path("schools.csv"), line: 2, column: 4, message: "area is empty"),
            Diagnostic(file: s.path("schools.csv"), line: 2, column: 5, message: "level is empty"),
        ])
    }

    @Test func negativeClasses() {
        let s = TempScenario(["schools.csv": "id,area,level,classes\nS1,X,primary,-2\nS2,X,primary,8\n"])
        expectOne(s.errors(), file: s.path("schools.csv"), line: 2, column: 14, "classes must be 0 or more, got -2")
    }

    @Test func fractionalClasses() {
        let s = TempScenario(["schools.csv": "id,area,level,classes\nS1,X,primary,10.5\nS2,X,primary,8\n"])
        expectOne(s.errors(), file: s.path("schools.csv"), line: 2, column: 14,
                  "classes must be a whole number written with digits only, got '10.5'")
    }

    @Test func classesAboveTheLimit() {
        let s = TempScenario(["schools.csv": "id,area,level,classes\nS1,X,primary,100001\nS2,X,primary,8\n"])
        expectOne(s.errors(), file: s.path("schools.csv"), line: 2, column: 14, "classes must be at most 100000, got 100001")
    }

    @Test func latWithoutLon() {
        let s = TempScenario(["schools.csv": "id,area,level,classes,lat,lon\nS1,X,primary,10,21.0,\nS2,X,primary,8,,\n"])
        expectOne(s.errors(), file: s.path("schools.csv"), line: 2, column: 22, "lat is given without lon: give both or neither")
    }

    @Test func lonWithoutLat() {
        let s = TempScenario(["schools.csv": "id,area,level,classes,lon\nS1,X,primary,10,107\nS2,X,primary,8,\n"])
        // No lat column at all: the position is the lon cell.
        expectOne(s.errors(), file: s.path("schools.csv"), line: 2, column: 17, "lon is given without lat: give both or neither")
    }

    @Test func latitudeOutOfRange() {
        let s = TempScenario(["schools.csv": "id,area,level,classes,lat,lon\nS1,X,primary,10,95,107\nS2,X,primary,8,,\n"])
        expectOne(s.errors(), file: s.path("schools.csv"), line: 2, column: 17, "lat must be at most 90, got 95")
    }

    @Test func longitudeOutOfRange() {
        let s = TempScenario(["schools.csv": "id,area,level,classes,lat,lon\nS1,X,primary,10,21,-181\nS2,X,primary,8,,\n"])
        expectOne(s.errors(), file: s.path("schools.csv"), line: 2, column: 20, "lon must be -180 or more, got -181")
    }

    @Test func zeroPriority() {
        let s = TempScenario(["schools.csv": "id,area,level,classes,priority\nS1,X,primary,10,0\nS2,X,primary,8,\n"])
        expectOne(s.errors(), file: s.path("schools.csv"), line: 2, column: 17, "priority must be greater than 0, got 0")
    }

    @Test func priorityNotANumber() {
        let s = TempScenario(["schools.csv": "id,area,level,classes,priority\nS1,X,primary,10,high\nS2,X,primary,8,1\n"])
        expectOne(s.errors(), file: s.path("schools.csv"), line: 2, column: 17, "priority must be a number, got 'high'")
    }

    @Test func pathologicalPriority() {
        let s = TempScenario(["schools.csv": "id,area,level,classes,priority\nS1,X,primary,10,1e308\nS2,X,primary,8,1\n"])
        expectOne(s.errors(), file: s.path("schools.csv"), line: 2, column: 17, "priority must be at most 1000000, got 1e308")
    }

    // MARK: staff.csv

    @Test func unknownSchoolIDInStaff() {
        let s = TempScenario(["staff.csv": "school_id,subject,teachers,required\nS1,primary,3,2\ns1,primary,2,1\nS3,primary,1,1\n"])
        let errors = s.errors()
        #expect(errors == [
            Diagnostic(file: s.path("staff.csv"), line: 3, column: 1,
                       message: "unknown school id 's1': not in schools.csv (did you mean 'S1'?)"),
            Diagnostic(file: s.path("staff.csv"), line: 4, column: 1, message: "unknown school id 'S3': not in schools.csv"),
        ])
    }

    @Test func duplicatePair() {
        let s = TempScenario(["staff.csv": "school_id,subject,teachers,required\nS1,primary,3,2\nS2,primary,2,1\nS1,primary,4,2\n"])
        expectOne(s.errors(), file: s.path("staff.csv"), line: 4, column: 1,
                  "school 'S1' and subject 'primary' appear twice (first on line 2)")
    }

    @Test func emptySubject() {
        let s = TempScenario(["staff.csv": "school_id,subject,teachers,required\nS1,,3,2\n"])
        expectOne(s.errors(), file: s.path("staff.csv"), line: 2, column: 4, "subject is empty")
    }

    @Test func fractionalTeachers() {
        let s = TempScenario(["staff.csv": "school_id,subject,teachers,required\nS1,primary,2.5,2\n"])
        expectOne(s.errors(), file: s.path("staff.csv"), line: 2, column: 12,
                  "teachers must be a whole number written with digits only, got '2.5'")
    }

    @Test func exponentTeachers() {
        let s = TempScenario(["staff.csv": "school_id,subject,teachers,required\nS1,primary,1e3,2\n"])
        expectOne(s.errors(), file: s.path("staff.csv"), line: 2, column: 12,
                  "teachers must be a whole number written with digits only, got '1e3'")
    }

    @Test func negativeTeachers() {
        let s = TempScenario(["staff.csv": "school_id,subject,teachers,required\nS1,primary,-1,2\n"])
        expectOne(s.errors(), file: s.path("staff.csv"), line: 2, column: 12, "teachers must be 0 or more, got -1")
    }

    @Test func teachersNotANumber() {
        let s = TempScenario(["staff.csv": "school_id,subject,teachers,required\nS1,primary,ba,2\n"])
        expectOne(s.errors(), file: s.path("staff.csv"), line: 2, column: 12, "teachers must be a whole number, got 'ba'")
    }

    @Test func teachersAboveTheLimit() {
        let s = TempScenario(["staff.csv": "school_id,subject,teachers,required\nS1,primary,99999999999999999999999,2\n"])
        expectOne(s.errors(), file: s.path("staff.csv"), line: 2, column: 12,
                  "teachers must be at most 1000000, got 99999999999999999999999")
    }

    @Test func emptyTeachers() {
        let s = TempScenario(["staff.csv": "school_id,subject,teachers,required\nS1,primary,,2\n"])
        expectOne(s.errors(), file: s.path("staff.csv"), line: 2, column: 12, "teachers is empty: expected a whole number")
    }

    @Test func leavingAboveTeachers() {
        let s = TempScenario(["staff.csv": "school_id,subject,teachers,leaving,required\nS1,primary,3,5,2\n"])
        expectOne(s.errors(), file: s.path("staff.csv"), line: 2, column: 14, "leaving (5) is more than teachers (3)")
    }

    @Test func negativeLeaving() {
        let s = TempScenario(["staff.csv": "school_id,subject,teachers,leaving,required\nS1,primary,3,-1,2\n"])
        expectOne(s.errors(), file: s.path("staff.csv"), line: 2, column: 14, "leaving must be 0 or more, got -1")
    }

    @Test func requiredMissingWithNoNorms() {
        let s = TempScenario(["staff.csv": "school_id,subject,teachers,leaving,required\nS1,primary,12,1,11\nS2,primary,7,0,\n"])
        expectOne(s.errors(), file: s.path("staff.csv"), line: 3, column: 16,
                  "required is empty and the scenario names no norms: give the FTE needed, or norms: in scenario.yaml")
    }

    @Test func requiredColumnMissingWithNoNorms() {
        let s = TempScenario(["staff.csv": "school_id,subject,teachers\nS1,primary,12\n"])
        expectOne(s.errors(), file: s.path("staff.csv"), line: 1, column: 1,
                  "the header has no column 'required' and the scenario names no norms: add a required column, or norms: (a CSV file or builtin:vn-2023) to scenario.yaml")
    }

    @Test func negativeRequired() {
        let s = TempScenario(["staff.csv": "school_id,subject,teachers,required\nS1,primary,3,-0.5\n"])
        expectOne(s.errors(), file: s.path("staff.csv"), line: 2, column: 14, "required must be 0 or more, got -0.5")
    }

    @Test func pathologicalRequired() {
        let s = TempScenario(["staff.csv": "school_id,subject,teachers,required\nS1,primary,3,1e308\n"])
        expectOne(s.errors(), file: s.path("staff.csv"), line: 2, column: 14, "required must be at most 1000000, got 1e308")
    }

    @Test func decimalCommaInRequired() {
        let s = TempScenario(["staff.csv": "school_id,subject,teachers,required\nS1,primary,3,\"2,53\"\n"])
        expectOne(s.errors(), file: s.path("staff.csv"), line: 2, column: 14,
                  "required must be a number, got '2,53'; write the decimal separator as a dot: 2.53")
    }

    @Test func infiniteRequired() {
        let s = TempScenario(["staff.csv": "school_id,subject,teachers,required\nS1,primary,3,inf\n"])
        expectOne(s.errors(), file: s.path("staff.csv"), line: 2, column: 14, "required must be a number, got 'inf'")
    }

    // MARK: distances.csv

    private static let withDistances = TempScenario.baseYAML + "distances: distances.csv\n"

    @Test func unknownSchoolIDInDistances() {
        let s = TempScenario(["scenario.yaml": Self.withDistances, "distances.csv": "from,to,km\nS1,S9,3\n"])
        expectOne(s.errors(), file: s.path("distances.csv"), line: 2, column: 4,
                  "unknown school id 'S9': not in schools.csv")
    }

    @Test func negativeKm() {
        let s = TempScenario(["scenario.yaml": Self.withDistances, "distances.csv": "from,to,km\nS1,S2,-3\n"])
        expectOne(s.errors(), file: s.path("distances.csv"), line: 2, column: 7, "km must be 0 or more, got -3")
    }

    @Test func kmAboveTheLimit() {
        let s = TempScenario(["scenario.yaml": Self.withDistances, "distances.csv": "from,to,km\nS1,S2,50000\n"])
        expectOne(s.errors(), file: s.path("distances.csv"), line: 2, column: 7, "km must be at most 40000, got 50000")
    }

    @Test func duplicateDistanceInEitherDirection() {
        let s = TempScenario(["scenario.yaml": Self.withDistances, "distances.csv": "from,to,km\nS1,S2,3\nS2,S1,4\n"])
        expectOne(s.errors(), file: s.path("distances.csv"), line: 3, column: 1,
                  "the distance between 'S2' and 'S1' is listed twice (first on line 2); one row serves both directions")
    }

    @Test func distanceFromASchoolToItself() {
        let s = TempScenario(["scenario.yaml": Self.withDistances, "distances.csv": "from,to,km\nS1,S1,0\n"])
        expectOne(s.errors(), file: s.path("distances.csv"), line: 2, column: 1, "from and to are the same school 'S1'")
    }

    // MARK: norms.csv

    private static let withNorms = TempScenario.baseYAML + "norms: norms.csv\n"

    @Test func duplicateNorm() {
        let s = TempScenario(["scenario.yaml": Self.withNorms,
                              "norms.csv": "level,subject,per_class\nprimary,primary,1.1\nprimary,primary,1.2\n"])
        expectOne(s.errors(), file: s.path("norms.csv"), line: 3, column: 1,
                  "level 'primary' and subject 'primary' appear twice (first on line 2)")
    }

    @Test func negativePerClass() {
        let s = TempScenario(["scenario.yaml": Self.withNorms, "norms.csv": "level,subject,per_class\nprimary,primary,-1\n"])
        expectOne(s.errors(), file: s.path("norms.csv"), line: 2, column: 17, "per_class must be 0 or more, got -1")
    }

    @Test func normsWithoutPerClassColumn() {
        let s = TempScenario(["scenario.yaml": Self.withNorms, "norms.csv": "level,subject,perclass\nprimary,primary,1\n"])
        expectOne(s.errors(), file: s.path("norms.csv"), line: 1, column: 1,
                  "the header has no column 'per_class' (did you mean 'perclass'?); its columns are: level, subject, perclass")
    }

    // MARK: All at once

    @Test func everyProblemIsReportedAtOnce() {
        let s = TempScenario([
            "scenario.yaml": TempScenario.baseYAML + "policy:\n  hiring: maybe\n",
            "schools.csv": "id,area,level,classes\nS1,X,primary,-1\nS2,X,primary,8\n",
            "staff.csv": "school_id,subject,teachers,leaving,required\nS2,primary,3,4,2\nS2,english,x,0,1\nS7,english,1,0,1\n",
        ])
        let errors = s.errors().map(\.description)
        #expect(errors == [
            "\(s.path("scenario.yaml")):5:11: policy.hiring: must be true or false, got 'maybe'",
            "\(s.path("schools.csv")):2:14: classes must be 0 or more, got -1",
            "\(s.path("staff.csv")):2:14: leaving (4) is more than teachers (3)",
            "\(s.path("staff.csv")):3:12: teachers must be a whole number, got 'x'",
            // Ids are still checked against schools.csv although one of its rows is bad.
            "\(s.path("staff.csv")):4:1: unknown school id 'S7': not in schools.csv",
        ])
    }
}

@Suite("Validation of scenario.yaml")
struct YAMLValidationTests {
    private func yaml(_ extra: String) -> TempScenario {
        TempScenario(["scenario.yaml": TempScenario.baseYAML + extra])
    }

    @Test func syntaxError() {
        let s = yaml("policy:\n  hiring: [true\n")
        let errors = s.errors()
        #expect(errors.count == 1)
        #expect(errors.first?.file == s.path("scenario.yaml"))
        #expect(errors.first?.line == 6)
        #expect(errors.first?.message.hasPrefix("YAML: did not find expected ',' or ']'") == true)
    }

    @Test func unknownTopLevelKeySuggestsTheNearest() {
        let s = yaml("polcy:\n  hiring: false\n")
        expectOne(s.errors(), file: s.path("scenario.yaml"), line: 4, column: 1, key: "polcy",
                  "unknown key (did you mean 'policy'?); valid keys here: name, extends, schools, staff, norms, distances, policy, costs, retraining, horizon, roster, retirement, locks, lang")
    }

    @Test func unknownPolicyKey() {
        let s = yaml("policy:\n  max_out_shares: 0.1\n")
        expectOne(s.errors(), file: s.path("scenario.yaml"), line: 5, column: 3, key: "policy.max_out_shares",
                  "unknown key (did you mean 'max_out_share'?); valid keys here: payroll_change, hiring, same_level, transfer_scope, max_distance_km, max_out_share, sharing, qualifications")
    }

    @Test func unknownCostsKey() {
        let s = yaml("costs:\n  perkm: 0.1\n")
        expectOne(s.errors(), file: s.path("scenario.yaml"), line: 5, column: 3, key: "costs.perkm",
                  "unknown key (did you mean 'per_km'?); valid keys here: move, per_km, hire, release")
    }

    @Test func missingStaffKey() {
        let s = TempScenario(["scenario.yaml": "schools: schools.csv\n"])
        expectOne(s.errors(), file: s.path("scenario.yaml"), line: nil, column: nil, key: "staff",
                  "missing: name the staff CSV file, e.g. staff: staff.csv")
    }

    @Test func policyThatIsNotAMap() {
        let s = yaml("policy: strict\n")
        expectOne(s.errors(), file: s.path("scenario.yaml"), line: 4, column: 9, key: "policy",
                  "must be a map of keys (payroll_change, hiring, same_level, transfer_scope, max_distance_km, max_out_share, sharing, qualifications), not 'strict'")
    }

    @Test func fractionalPayrollChange() {
        let s = yaml("policy:\n  payroll_change: 2.5\n")
        expectOne(s.errors(), file: s.path("scenario.yaml"), line: 5, column: 19, key: "policy.payroll_change",
                  "must be a whole number (0 = budget-neutral, -120 = streamline by 120), got '2.5'")
    }

    @Test func payrollChangeAboveTheLimit() {
        let s = yaml("policy:\n  payroll_change: -20000000\n")
        expectOne(s.errors(), file: s.path("scenario.yaml"), line: 5, column: 19, key: "policy.payroll_change",
                  "must be between -10000000 and 10000000, got -20000000")
    }

    @Test func unknownTransferScope() {
        let s = yaml("policy:\n  transfer_scope: aera\n")
        expectOne(s.errors(), file: s.path("scenario.yaml"), line: 5, column: 19, key: "policy.transfer_scope",
                  "unknown value 'aera' (did you mean 'area'?); expected any or area")
    }

    @Test func hiringNotABoolean() {
        let s = yaml("policy:\n  hiring: 1\n")
        expectOne(s.errors(), file: s.path("scenario.yaml"), line: 5, column: 11, key: "policy.hiring",
                  "must be true or false, got '1'")
    }

    @Test func maxOutShareAboveOne() {
        let s = yaml("policy:\n  max_out_share: 1.5\n")
        expectOne(s.errors(), file: s.path("scenario.yaml"), line: 5, column: 18, key: "policy.max_out_share",
                  "must be null or a share from 0 to 1, got 1.5")
    }

    @Test func negativeMaxDistance() {
        let s = yaml("policy:\n  max_distance_km: -1\n")
        expectOne(s.errors(), file: s.path("scenario.yaml"), line: 5, column: 20, key: "policy.max_distance_km",
                  "must be null or a number of km from 0 to 40000, got -1")
    }

    @Test func negativeCost() {
        let s = yaml("costs:\n  move: -1\n")
        expectOne(s.errors(), file: s.path("scenario.yaml"), line: 5, column: 9, key: "costs.move",
                  "must be a number from 0 to 1000000000, got -1")
    }

    @Test func pathologicalCost() {
        let s = yaml("costs:\n  hire: 1e308\n")
        expectOne(s.errors(), file: s.path("scenario.yaml"), line: 5, column: 9, key: "costs.hire",
                  "must be a number from 0 to 1000000000, got 1e308")
    }

    @Test func notANumberCost() {
        let s = yaml("costs:\n  per_km: .nan\n")
        expectOne(s.errors(), file: s.path("scenario.yaml"), line: 5, column: 11, key: "costs.per_km",
                  "must be a number from 0 to 1000000000, got .nan")
    }

    @Test func quotedNumberCost() {
        let s = yaml("costs:\n  release: \"5\"\n")
        expectOne(s.errors(), file: s.path("scenario.yaml"), line: 5, column: 12, key: "costs.release",
                  "must be a number from 0 to 1000000000, got '5'")
    }

    @Test func qualificationWithoutTeaches() {
        let s = yaml("policy:\n  qualifications:\n    - {teacher: physics}\n")
        expectOne(s.errors(), file: s.path("scenario.yaml"), line: 6, column: 7, key: "policy.qualifications[0]",
                  "has no 'teaches': write {teacher: SUBJECT, teaches: SUBJECT}")
    }

    @Test func qualificationTeachingItself() {
        let s = yaml("policy:\n  qualifications:\n    - {teacher: math, teaches: natural_science}\n    - {teacher: math, teaches: math}\n")
        expectOne(s.errors(), file: s.path("scenario.yaml"), line: 7, column: 7, key: "policy.qualifications[1]",
                  "teacher and teaches are both 'math': a subject's teachers always teach it")
    }

    @Test func qualificationWithAnUnknownKey() {
        let s = yaml("policy:\n  qualifications:\n    - {teacher: physics, teachs: natural_science}\n")
        expectOne(s.errors(), file: s.path("scenario.yaml"), line: 6, column: 26, key: "policy.qualifications[0].teachs",
                  "unknown key (did you mean 'teaches'?); a qualification has teacher and teaches")
    }

    @Test func qualificationsNotAList() {
        let s = yaml("policy:\n  qualifications: physics\n")
        expectOne(s.errors(), file: s.path("scenario.yaml"), line: 5, column: 19, key: "policy.qualifications",
                  "must be a list such as [{teacher: physics, teaches: natural_science}]")
    }

    @Test func unknownBuiltinNorms() {
        let s = yaml("norms: builtin:vn-2032\n")
        expectOne(s.errors(), file: s.path("scenario.yaml"), line: 4, column: 8, key: "norms",
                  "no built-in norms named 'vn-2032' (did you mean 'vn-2023'?); available: builtin:vn-2023, builtin:vn-2023-full, builtin:vn-2026")
    }

    @Test func duplicateKey() {
        let s = yaml("staff: other.csv\n")
        expectOne(s.errors(), file: s.path("scenario.yaml"), line: 3, column: 1,
                  "key 'staff' appears more than once in the same map")
    }

    @Test func rootThatIsNotAMap() {
        let s = TempScenario(["scenario.yaml": "- schools.csv\n- staff.csv\n"])
        expectOne(s.errors(), file: s.path("scenario.yaml"), line: 1, column: 1,
                  "must be a map of keys (name, schools, staff, policy, ...), not a list")
    }

    @Test func emptyYAML() {
        let s = TempScenario(["scenario.yaml": "# nothing yet\n"])
        expectOne(s.errors(), file: s.path("scenario.yaml"), line: nil, column: nil,
                  "is empty: expected keys such as schools: and staff:")
    }

    @Test func scenarioPathThatDoesNotExist() {
        let s = TempScenario()
        expectOne(s.errors("nowhere"), file: s.path("nowhere"), line: nil, column: nil,
                  "no such scenario: neither a folder nor a YAML file")
    }

    @Test func workbookPathThatDoesNotExist() {
        let s = TempScenario()
        expectOne(s.errors("data.xlsx"), file: s.path("data.xlsx"), line: nil, column: nil,
                  "no such scenario: no such workbook")
    }

    @Test func folderWithoutScenarioYAML() {
        let s = TempScenario(["scenario.yaml": nil])
        expectOne(s.errors(), file: s.root, line: nil, column: nil, "this folder holds no scenario.yaml")
    }

    @Test func extendsCycle() {
        let s = TempScenario([
            "a/scenario.yaml": "extends: ../b/scenario.yaml\nschools: ../schools.csv\nstaff: ../staff.csv\n",
            "b/scenario.yaml": "extends: ../a\nname: B\n",
        ])
        expectOne(s.errors("a"), file: s.path("b/scenario.yaml"), line: 1, column: 10, key: "extends",
                  "extends cycle: \(s.path("a/scenario.yaml")) -> \(s.path("b/scenario.yaml")) -> \(s.path("a/scenario.yaml"))")
    }

    @Test func extendsItself() {
        let s = TempScenario(["scenario.yaml": "extends: scenario.yaml\n" + TempScenario.baseYAML])
        expectOne(s.errors(), file: s.path("scenario.yaml"), line: 1, column: 10, key: "extends",
                  "extends cycle: \(s.path("scenario.yaml")) -> \(s.path("scenario.yaml"))")
    }

    @Test func extendsTargetMissing() {
        let s = TempScenario(["child/scenario.yaml": "name: Child\nextends: ../base/scenario.yaml\n"])
        expectOne(s.errors("child"), file: s.path("child/scenario.yaml"), line: 2, column: 10, key: "extends",
                  "file not found: \(s.path("base/scenario.yaml"))")
    }

    @Test func errorsInAnExtendedFileNameThatFile() {
        let s = TempScenario([
            "scenario.yaml": TempScenario.baseYAML + "costs:\n  move: -2\n",
            "child/scenario.yaml": "extends: ..\npolicy:\n  sharing: yes please\n",
        ])
        let errors = s.errors("child")
        #expect(errors == [
            Diagnostic(file: s.path("child/scenario.yaml"), line: 3, column: 12, key: "policy.sharing",
                       message: "must be true or false, got 'yes please'"),
            Diagnostic(file: s.path("scenario.yaml"), line: 5, column: 9, key: "costs.move",
                       message: "must be a number from 0 to 1000000000, got -2"),
        ])
    }
}
