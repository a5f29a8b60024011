import Foundation
import Testing
@testable import ScenarioIO
import RedeployDomain
import RedeployTestSupport

/// A scenario folder written to a fresh temporary directory from file texts.
struct TempScenario {
    let root: String

    static let baseYAML = """
        name: Test
        schools: schools.csv
        staff: staff.csv

        """
    static let baseSchools = """
        id,name,area,level,classes,lat,lon,priority
        S1,Trường A,X,primary,10,21.0,107.0,1
        S2,Trường B,X,primary,8,,,2

        """
    static let baseStaff = """
        school_id,subject,teachers,leaving,required
        S1,primary,12,1,11
        S2,primary,7,0,8.8

        """

    /// The base scenario (valid), with `files` replacing or adding files. A value of nil removes it.
    init(_ files: [String: String?] = [:], base: Bool = true) {
        root = TestFolders.unused("scenarioio").path
        var all: [String: String?] = base
            ? ["scenario.yaml": Self.baseYAML, "schools.csv": Self.baseSchools, "staff.csv": Self.baseStaff] : [:]
        for (k, v) in files { all[k] = v }
        for (name, text) in all {
            guard let text else { continue }
            write(name, text)
        }
    }

    func write(_ name: String, _ text: String) {
        write(name, Data(text.utf8))
    }

    func write(_ name: String, _ data: Data) {
        let path = self.path(name)
        try! FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                 withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: path, contents: data)
    }

    func path(_ name: String) -> String { root + "/" + name }

    func load(_ name: String = "") throws(ScenarioError) -> Scenario {
        try ScenarioLoader.load(name.isEmpty ? root : path(name))
    }

    /// The diagnostics of loading, failing the test if loading succeeds.
    func errors(_ name: String = "", sourceLocation: SourceLocation = #_sourceLocation) -> [Diagnostic] {
        do {
            _ = try load(name)
            Issue.record("expected the scenario to be refused", sourceLocation: sourceLocation)
            return []
        } catch {
            return error.diagnostics
        }
    }
}

/// Asserts that `diagnostics` is exactly one diagnostic with these fields.
func expectOne(_ diagnostics: [Diagnostic], file: String, line: Int?, column: Int?, key: String? = nil,
               _ message: String, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(diagnostics.count == 1, "got \(diagnostics.map(\.description))", sourceLocation: sourceLocation)
    guard let d = diagnostics.first else { return }
    #expect(d.file == file, sourceLocation: sourceLocation)
    #expect(d.line == line, sourceLocation: sourceLocation)
    #expect(d.column == column, sourceLocation: sourceLocation)
    #expect(d.key == key, sourceLocation: sourceLocation)
    #expect(d.message == message, sourceLocation: sourceLocation)
}

/// The conformance examples of docs/MODEL.md, kept in the repository (Tests/Fixtures/conformance).
enum Examples {
    static var folder: String { ConformanceExamples.folder.path }

    static let all = ConformanceExamples.names

    static func path(_ name: String) -> String { folder + "/" + name }

    /// W0 of expected.json.
    static func expectedW0(_ name: String) throws -> Double {
        try ConformanceExamples.expected(name).w0
    }
}
