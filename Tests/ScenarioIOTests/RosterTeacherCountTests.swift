import Foundation
import Testing
@testable import ScenarioIO
import RedeployDomain

/// With a roster, staff.csv may leave `teachers` out (docs/MODEL.md section 7): the roster counts
/// them. Without one, an empty `teachers` is still invalid input.
@Suite("Teachers counted from the roster")
struct RosterTeacherCountTests {
    @Test func emptyTeachersCellsAreCounted() throws {
        let s = RosterFixture.staff(replacing: "S1,primary,3,1,3", with: "S1,primary,,1,3")
        #expect(try s.load().staff.map(\.teachers) == [3, 2])
    }

    @Test func aStaffFileWithoutTheColumn() throws {
        let s = RosterFixture.scenario(["staff.csv": "school_id,subject,required\nS1,primary,3\nS2,primary,2\n"])
        let scenario = try s.load()
        #expect(scenario.staff.map(\.teachers) == [3, 2])
        #expect(scenario.staff.map(\.leaving) == [1, 0])
    }

    @Test func withoutARosterTheCellIsStillNeeded() {
        var files = RosterFixture.files
        files["roster.csv"] = nil
        files["scenario.yaml"] = "name: Test\nschools: schools.csv\nstaff: staff.csv\n"
        files["staff.csv"] = RosterFixture.staff.replacingOccurrences(of: "S1,primary,3,1,3", with: "S1,primary,,1,3")
        let s = TempScenario(files, base: false)
        #expect(s.errors().map(\.description) == ["\(s.path("staff.csv")):2:12: teachers is empty: expected a whole number"])
    }
}
