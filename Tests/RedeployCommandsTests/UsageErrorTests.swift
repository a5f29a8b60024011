import Foundation
import Testing

/// docs/MODEL.md section 4 has three exit statuses: 0, 2 for invalid input, 1 for any other
/// failure. A command line that does not parse is invalid input: 2 (ArgumentParser alone would say
/// 64), with ArgumentParser's message and usage, and nothing written.
@Suite struct UsageErrorTests {
    @Test(arguments: [
        (["solve", "scenarios/quang-ninh", "--out", "OUT", "--time-limit", "0"], "--time-limit must be a number of seconds"),
        (["solve", "scenarios/quang-ninh", "--out", "OUT", "--no-such-option"], "Unknown option '--no-such-option'"),
        (["solve", "scenarios/quang-ninh"], "Missing expected argument '--out <out>'"),
        (["solve", "scenarios/quang-ninh", "--out", "OUT", "--method", "fast"], "The value 'fast' is invalid for '--method"),
        (["no-such-command"], "Unexpected argument 'no-such-command'"),
    ])
    func usageErrorsAreInvalidInput(_ arguments: [String], _ message: String) throws {
        let out = try Paths.temporaryDirectory().appendingPathComponent("out")
        let run = try redeploy(arguments.map {
            $0 == "OUT" ? out.path : $0.hasPrefix("scenarios/") ? Paths.repository.appendingPathComponent($0).path : $0
        })
        #expect(run.status == 2)
        #expect(run.stderr.contains(message), "\(run.stderr)")
        #expect(run.stderr.contains("Usage:"))
        #expect(run.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func helpIsNotAnError() throws {
        let run = try redeploy(["solve", "--help"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("--explain"))
    }
}
