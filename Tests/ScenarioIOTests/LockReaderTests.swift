import Foundation
import Testing
@testable import ScenarioIO
import RedeployDomain

/// locks.csv (docs/MODEL.md section 8): read to exact values, and each invalid row refused
/// with its message at the cell to change.
@Suite struct LockReaderTests {
    static let yaml = TempScenario.baseYAML + "locks: locks.csv\n"

    func scenario(_ locks: String) -> TempScenario {
        TempScenario(["scenario.yaml": Self.yaml, "locks.csv": locks])
    }

    @Test func validRowsLoadToExactValues() throws {
        let loaded = try scenario("""
            from_school,to_school,subject,year,min,max
            S1,S2,primary,,1,
            S1,,,,0,0
            ,S2,,,,3
            S2,S1,primary,,0.5,2.5

            """).load()
        #expect(loaded.locks == [
            TransferLock(fromSchool: "S1", toSchool: "S2", subject: "primary", min: 1, source: "\(loadedRoot(loaded))locks.csv:2"),
            TransferLock(fromSchool: "S1", min: 0, max: 0, source: "\(loadedRoot(loaded))locks.csv:3"),
            TransferLock(toSchool: "S2", min: 0, max: 3, source: "\(loadedRoot(loaded))locks.csv:4"),
            TransferLock(fromSchool: "S2", toSchool: "S1", subject: "primary", min: 0.5, max: 2.5,
                         source: "\(loadedRoot(loaded))locks.csv:5"),
        ])
    }

    /// The folder part of the sources: the test's temporary folder.
    func loadedRoot(_ scenario: Scenario) -> String {
        guard let source = scenario.locks.first?.source, let range = source.range(of: "locks.csv") else { return "" }
        return String(source[..<range.lowerBound])
    }

    @Test func withoutLocksNothingIsLocked() throws {
        #expect(try TempScenario().load().locks.isEmpty)
    }

    @Test(arguments: [
        ("S9,S2,primary,,1,", 2, 1, "from_school 'S9' is not a school of schools.csv"),
        ("S1,S2,physics,,1,", 2, 7, "subject 'physics' is taught or required nowhere in the scenario"),
        ("S1,S2,primary,2025,1,", 2, 15, "year must be empty: the scenario has no horizon (a lock then bounds its one year)"),
        ("S1,S2,primary,,2,1", 2, 18, "max must be >= min (2), got 1"),
        ("S1,S2,primary,,-1,", 2, 16, "min must be 0 or more, got -1"),
        ("S1,S2,primary,,one,", 2, 16, "min must be a number, got 'one'"),
    ])
    func invalidRowsAreRefusedAtTheirCell(row: String, line: Int, column: Int, message: String) {
        let temp = scenario("from_school,to_school,subject,year,min,max\n\(row)\n")
        let errors = temp.errors()
        #expect(errors.count == 1, "\(errors)")
        guard let error = errors.first else { return }
        #expect(error.file.hasSuffix("locks.csv"))
        #expect(error.line == line && error.column == column, "\(error)")
        #expect(error.message.hasPrefix(message), "\(error.message)")
    }

    @Test func aHeaderWithoutTheSchoolColumnsIsRefused() {
        let errors = scenario("subject,min\nprimary,1\n").errors()
        #expect(errors.map(\.message).contains { $0.contains("from_school") }, "\(errors)")
    }
}
