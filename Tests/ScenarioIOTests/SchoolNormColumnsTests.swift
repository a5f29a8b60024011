import Foundation
import Testing
@testable import ScenarioIO
import RedeployDomain

/// The optional columns of schools.csv that norm rules read: pupils, region, sessions, type,
/// infant_groups. Each bad cell is asserted with its position and exact message.
@Suite("schools.csv norm columns")
struct SchoolNormColumnsTests {
    /// A schools.csv whose S1 row has `cell` in column `column` (after id,area,level,classes,
    /// so that the cell starts at column 17), and a valid S2.
    private func schools(_ column: String, _ cell: String, level: String = "primary") -> TempScenario {
        TempScenario(["schools.csv": "id,area,level,classes,\(column)\nS1,X,\(level),10,\(cell)\nS2,X,primary,8,\n"])
    }

    @Test func everyColumnIsRead() throws {
        let s = TempScenario(["schools.csv": """
            id,area,level,classes,pupils,region,sessions,type,infant_groups
            S1,X,primary,10,352,1,1,semi_boarding,0
            S2,X,preschool,8,,,,,3

            """])
        let scenario = try s.load()
        #expect(scenario.schools == [
            School(id: "S1", area: "X", level: "primary", classes: 10, pupils: 352, region: 1, sessions: 1,
                   type: .semiBoarding),
            School(id: "S2", area: "X", level: "preschool", classes: 8, infantGroups: 3),
        ])
    }

    @Test(arguments: SchoolType.allCases)
    func everyTypeIsRead(_ type: SchoolType) throws {
        let scenario = try schools("type", " \(type.rawValue) ").load()
        #expect(scenario.schools[0].type == type)
        #expect(scenario.schools[1].type == .regular)
    }

    @Test func blankCellsTakeTheDefaults() throws {
        let scenario = try TempScenario(["schools.csv": """
            id,area,level,classes,pupils,region,sessions,type,infant_groups
            S1,X,primary,10, , , , ,\u{20}
            S2,X,primary,8,,,,,

            """]).load()
        for school in scenario.schools {
            #expect(school.pupils == nil && school.region == 3 && school.sessions == 2)
            #expect(school.type == .regular && school.infantGroups == 0)
        }
    }

    @Test func zeroPupilsIsGiven() throws {
        #expect(try schools("pupils", "0").load().schools[0].pupils == 0)
    }

    /// Leading zeros and a plus sign read as in every other whole-number cell.
    @Test func regionAndSessionsAreWholeNumbers() throws {
        let school = try TempScenario(["schools.csv": "id,area,level,classes,region,sessions\nS1,X,primary,10,02,+1\nS2,X,primary,8,,\n"])
            .load().schools[0]
        #expect(school.region == 2 && school.sessions == 1)
    }

    @Test func infantGroupsAtAnyLevel() throws {
        let scenario = try schools("infant_groups", "10").load()
        #expect(scenario.schools[0].infantGroups == 10)
        #expect(scenario.schools[0].level == "primary")
    }

    // MARK: Refused cells

    @Test(arguments: [
        ("-1", "pupils must be 0 or more, got -1"),
        ("many", "pupils must be a whole number, got 'many'"),
        ("350.5", "pupils must be a whole number written with digits only, got '350.5'"),
        ("10000001", "pupils must be at most 10000000, got 10000001"),
    ])
    func badPupils(_ cell: String, _ message: String) {
        let s = schools("pupils", cell)
        expectOne(s.errors(), file: s.path("schools.csv"), line: 2, column: 17, message)
    }

    @Test(arguments: [
        ("0", "region must be 1, 2 or 3, got '0'"),
        ("4", "region must be 1, 2 or 3, got '4'"),
        ("2.0", "region must be 1, 2 or 3, got '2.0'"),
        ("II", "region must be 1, 2 or 3, got 'II'"),
    ])
    func badRegion(_ cell: String, _ message: String) {
        let s = schools("region", cell)
        expectOne(s.errors(), file: s.path("schools.csv"), line: 2, column: 17, message)
    }

    @Test(arguments: [
        ("0", "sessions must be 1 or 2, got '0'"),
        ("3", "sessions must be 1 or 2, got '3'"),
        ("two", "sessions must be 1 or 2, got 'two'"),
    ])
    func badSessions(_ cell: String, _ message: String) {
        let s = schools("sessions", cell)
        expectOne(s.errors(), file: s.path("schools.csv"), line: 2, column: 17, message)
    }

    static let types = "regular, boarding, semi_boarding, disability, specialised, provincial_boarding"

    @Test(arguments: [
        ("boardng", "type 'boardng' is not a school type (did you mean 'boarding'?); expected \(types)"),
        ("semi-boarding", "type 'semi-boarding' is not a school type (did you mean 'semi_boarding'?); expected \(types)"),
        ("Regular", "type 'Regular' is not a school type (did you mean 'regular'?); expected \(types)"),
        ("college", "type 'college' is not a school type; expected \(types)"),
    ])
    func badType(_ cell: String, _ message: String) {
        let s = schools("type", cell)
        expectOne(s.errors(), file: s.path("schools.csv"), line: 2, column: 17, message)
    }

    @Test(arguments: [
        ("-1", "infant_groups must be 0 or more, got -1"),
        ("11", "infant_groups (11) is more than classes (10)"),
        ("1.5", "infant_groups must be a whole number written with digits only, got '1.5'"),
    ])
    func badInfantGroups(_ cell: String, _ message: String) {
        let s = schools("infant_groups", cell, level: "preschool")
        // "preschool" is two characters longer than "primary".
        expectOne(s.errors(), file: s.path("schools.csv"), line: 2, column: 19, message)
    }

    /// With classes itself invalid, infant_groups is not compared with it: one error, at classes.
    @Test func infantGroupsAgainstBadClassesIsNotReportedTwice() {
        let s = TempScenario(["schools.csv": "id,area,level,classes,infant_groups\nS1,X,preschool,ten,3\nS2,X,primary,8,\n"])
        expectOne(s.errors(), file: s.path("schools.csv"), line: 2, column: 16, "classes must be a whole number, got 'ten'")
    }

    @Test func everyBadCellOfARowIsReported() {
        let s = TempScenario(["schools.csv": """
            id,area,level,classes,pupils,region,sessions,type,infant_groups
            S1,X,preschool,4,-5,9,0,home,5
            S2,X,primary,8,,,,,

            """])
        #expect(s.errors().map { "\($0.line!):\($0.column!): \($0.message)" } == [
            "2:18: pupils must be 0 or more, got -5",
            "2:21: region must be 1, 2 or 3, got '9'",
            "2:23: sessions must be 1 or 2, got '0'",
            "2:25: type 'home' is not a school type; expected \(Self.types)",
            "2:30: infant_groups (5) is more than classes (4)",
        ])
    }
}
