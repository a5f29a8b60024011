import Foundation
@testable import ScenarioIO

/// A valid scenario with a roster (docs/MODEL.md section 7), file by file, so that each test
/// changes one text and knows every line and column. The roster's `name` column is personal
/// data the reader must never read, let alone repeat.
enum RosterFixture {
    static let yaml = "name: Test\nschools: schools.csv\nstaff: staff.csv\nroster: roster.csv\n"
    static let schools = """
        id,name,area,level,classes,lat,lon,priority
        S1,Trường A,X,primary,10,21.0,107.0,1
        S2,Trường B,X,primary,8,,,2

        """
    /// S2's leaving is empty: the roster's count (0) is taken.
    static let staff = """
        school_id,subject,teachers,leaving,required
        S1,primary,3,1,3
        S2,primary,2,,2

        """
    /// Line 2 is T1, ..., line 6 is T5. Columns of each row: teacher_id 1, school_id 4,
    /// subject 7, points 15.
    static let roster = """
        teacher_id,school_id,subject,points,volunteer,exempt,must_move,leaving_year,birth_date,sex,home_lat,home_lon,name
        T1,S1,primary,12.5,true,,,,1970-05-31,female,21.01,107.02,Nguyễn Thị An
        T2,S1,primary,,,illness,,2025,,,,,Trần Văn Bình
        T3,S1,primary,3,false,,true,,,,,,Lê Chi
        T4,S2,primary,0,,,,,1980-02-29,male,,,Phạm Dũng
        T5,S2,primary,7,TRUE,,FALSE,,,,,,Hoàng Em

        """

    static var files: [String: String?] {
        ["scenario.yaml": yaml, "schools.csv": schools, "staff.csv": staff, "roster.csv": roster]
    }

    static func scenario(_ changes: [String: String?] = [:]) -> TempScenario {
        var all = files
        for (k, v) in changes { all[k] = v }
        return TempScenario(all, base: false)
    }

    /// The fixture with one text of roster.csv replaced (which must occur exactly once).
    static func roster(replacing old: String, with new: String) -> TempScenario {
        precondition(roster.components(separatedBy: old).count == 2, "'\(old)' must occur once in the roster")
        return scenario(["roster.csv": roster.replacingOccurrences(of: old, with: new)])
    }

    /// The fixture with one text of staff.csv replaced (which must occur exactly once).
    static func staff(replacing old: String, with new: String) -> TempScenario {
        precondition(staff.components(separatedBy: old).count == 2, "'\(old)' must occur once in staff.csv")
        return scenario(["staff.csv": staff.replacingOccurrences(of: old, with: new)])
    }
}
