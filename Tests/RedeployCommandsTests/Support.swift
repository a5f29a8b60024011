import Foundation
import RedeployTestSupport
import Testing

typealias Run = ProgramRun

enum Paths {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    /// The conformance examples of docs/MODEL.md, kept in the repository (Tests/Fixtures/conformance).
    static let examples = ConformanceExamples.folder
    static let scenarios = repository.appendingPathComponent("scenarios")

    static var executable: URL { URL(fileURLWithPath: BuiltProducts.path(of: "redeploy")) }

    static func temporaryDirectory() throws -> URL {
        try TestFolders.fresh("redeploy-cli")
    }
}

/// Runs the built `redeploy` executable (it sits beside the test bundle) and captures its output.
func redeploy(_ arguments: [String]) throws -> Run {
    try ProgramRun.run(Paths.executable.path, arguments)
}

func json(_ url: URL) throws -> [String: Any] {
    try #require(JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
}

/// Tolerance of docs/MODEL.md 3.2.
func same(_ a: Double, _ b: Double) -> Bool {
    abs(a - b) <= 1e-6 * max(1, abs(a), abs(b))
}
