import Foundation
import RedeployTestSupport

/// Runs the `redeploy` executable built beside the test bundle, and other programs.
enum CLI {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static var redeploy: String { BuiltProducts.path(of: "redeploy") }

    typealias Run = ProgramRun

    /// Runs `program`, ending it after `timeout` seconds.
    static func run(_ program: String, _ arguments: [String], timeout: Double = 300) throws -> Run {
        try ProgramRun.run(program, arguments, timeout: timeout)
    }

    static func temporaryDirectory() throws -> URL {
        try TestFolders.fresh("redeploy-workbook")
    }
}
