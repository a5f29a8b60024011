import Foundation
@testable import ScenarioIO

/// A valid scenario with a three-year horizon and retraining rows (docs/MODEL.md sections 5
/// and 6), file by file, so that each test changes one text and knows every line and column.
enum HorizonFixture {
    /// Line 4 names retraining.csv, line 5 opens the horizon, lines 6 to 10 are its keys.
    static let yaml = """
        name: Test
        schools: schools.csv
        staff: staff.csv
        retraining: retraining.csv
        horizon:
          years: [2025, 2026, 2027]
          classes: classes.csv
          staff: staff-years.csv
          payroll_change: {2027: -3}
          year_weights: {2025: 2, 2026: 0.5}

        """
    /// `yaml` without its horizon: retraining in a scenario of one year.
    static let yamlWithoutHorizon = "name: Test\nschools: schools.csv\nstaff: staff.csv\nretraining: retraining.csv\n"
    static let schools = """
        id,area,level,classes,priority
        S1,X,primary,10,1
        S2,X,primary,8,2
        S3,Y,lower_secondary,12,1

        """
    /// 23 teachers today; S1 loses one in the first year.
    static let staff = """
        school_id,subject,teachers,leaving,required
        S1,primary,12,1,11
        S2,primary,7,0,8.8
        S3,math,4,0,3

        """
    static let retraining = """
        from_level,from_subject,to_level,to_subject,cost,delay
        primary,primary,lower_secondary,math,2.5,1
        primary,primary,primary,english,1,

        """
    static let classes = """
        school_id,year,classes
        S1,2026,11
        S2,2027,7

        """
    /// S2's english row names a pair staff.csv does not list.
    static let staffYears = """
        school_id,subject,year,leaving,required
        S1,primary,2026,2,
        S3,math,2027,,4.5
        S2,english,2026,,1

        """

    static var files: [String: String?] {
        ["scenario.yaml": yaml, "schools.csv": schools, "staff.csv": staff, "retraining.csv": retraining,
         "classes.csv": classes, "staff-years.csv": staffYears]
    }

    /// The fixture with `changes` (a file's new text, or nil to remove it).
    static func scenario(_ changes: [String: String?] = [:]) -> TempScenario {
        var all = files
        for (name, text) in changes { all[name] = text }
        return TempScenario(all, base: false)
    }

    /// The fixture whose scenario.yaml has `old` replaced by `new`.
    static func yaml(replacing old: String, with new: String) -> TempScenario {
        precondition(yaml.contains(old), "the fixture has no '\(old)'")
        return scenario(["scenario.yaml": yaml.replacingOccurrences(of: old, with: new)])
    }
}
