import Foundation
import Testing
@testable import ScenarioIO
import RedeployDomain

/// retraining.csv (docs/MODEL.md section 5): each invalid row refused with its exact message at
/// the cell to change, with or without a horizon.
@Suite("Reading retraining.csv")
struct RetrainingReaderTests {
    private static let header = "from_level,from_subject,to_level,to_subject,cost,delay"

    private func retraining(_ rows: String, horizon: Bool = true) -> TempScenario {
        HorizonFixture.scenario(["retraining.csv": Self.header + "\n" + rows,
                                 "scenario.yaml": horizon ? HorizonFixture.yaml : HorizonFixture.yamlWithoutHorizon])
    }

    @Test(arguments: [true, false])
    func badCells(horizon: Bool) {
        let cases = [
            ("primery,primary,lower_secondary,math,2.5,1", 1,
             "from_level 'primery' is the level of no school in schools.csv (did you mean 'primary'?); levels there: lower_secondary, primary"),
            ("primary,primary,upper,english,1,", 17,
             "to_level 'upper' is the level of no school in schools.csv; levels there: lower_secondary, primary"),
            ("primary,primary,primary,english,1,-1", 35, "delay must be 0 or more, got -1"),
            ("primary,primary,primary,english,1,1.5", 35, "delay must be a whole number written with digits only, got '1.5'"),
            ("primary,primary,primary,english,,1", 33, "cost is empty: expected a number"),
            ("primary,primary,primary,english,-1,", 33, "cost must be 0 or more, got -1"),
            ("primary,,primary,english,1,", 9, "from_subject is empty"),
        ]
        for (row, column, message) in cases {
            let s = retraining(row + "\n", horizon: horizon)
            expectOne(s.errors(), file: s.path("retraining.csv"), line: 2, column: column, message)
        }
    }

    @Test func aRowRepeatingAnotherRowsFourKeys() {
        let s = retraining("primary,primary,primary,english,1,\nprimary,primary,lower_secondary,math,2,\nprimary,primary,primary,english,3,1\n")
        expectOne(s.errors(), file: s.path("retraining.csv"), line: 4, column: 1,
                  "from_level 'primary', from_subject 'primary', to_level 'primary' and to_subject 'english' appear twice (first on line 2)")
    }

    @Test func costIsARequiredColumnAndDelayIsNot() throws {
        let s = HorizonFixture.scenario(["retraining.csv": "from_level,from_subject,to_level,to_subject\nprimary,primary,primary,english\n"])
        expectOne(s.errors(), file: s.path("retraining.csv"), line: 1, column: 1,
                  "the header has no column 'cost'; its columns are: from_level, from_subject, to_level, to_subject")
        let noDelay = HorizonFixture.scenario(["retraining.csv": "to_subject,cost,from_level,to_level,from_subject\nmath,0,primary,lower_secondary,primary\n"])
        #expect(try noDelay.load().retraining == [
            RetrainingRow(fromLevel: "primary", fromSubject: "primary", toLevel: "lower_secondary", toSubject: "math", cost: 0),
        ])
    }

    /// Levels are checked against every level schools.csv names, even when one of its rows is
    /// bad, so that both problems come at once.
    @Test func levelsAreCheckedWhenASchoolRowIsBad() {
        let s = HorizonFixture.scenario([
            "schools.csv": HorizonFixture.schools + "S4,Y,upper_secondary,-2,1\n",
            "retraining.csv": Self.header + "\nprimary,primary,upper_secondaryy,physics,1,\n",
        ])
        #expect(s.errors().map(\.description) == [
            "\(s.path("schools.csv")):5:22: classes must be 0 or more, got -2",
            "\(s.path("retraining.csv")):2:17: to_level 'upper_secondaryy' is the level of no school in schools.csv (did you mean 'upper_secondary'?); levels there: lower_secondary, primary, upper_secondary",
        ])
    }
}
