import Foundation
import Testing

/// The same scenario gives the same bytes in every run. Each run is a new process, and Swift
/// seeds its hashing anew in each one: a result that depends on a dictionary's order (a sum of
/// doubles in that order, say) differs between runs with high probability, which one process
/// alone could never show. Norm rules and horizons are the scenarios with the most maps.
@Suite struct DeterminismTests {
    @Test(arguments: ["quang-ninh-norms", "soc-trang-norms", "quang-ninh-2030-streamlining"])
    func repeatedRunsWriteTheSameBytes(_ name: String) throws {
        let scenario = Paths.scenarios.appendingPathComponent(name)
        let folder = try Paths.temporaryDirectory()
        let runs = name.contains("2030") ? 2 : 3
        for k in 0..<runs {
            let run = try redeploy(["solve", scenario.path, "--out", folder.appendingPathComponent("\(k)").path, "--quiet"])
            #expect(run.status == 0, "\(run.stderr)")
        }
        for file in ["plan.csv", "schools.csv", "summary.json"] {
            let first = try Data(contentsOf: folder.appendingPathComponent("0/\(file)"))
            for k in 1..<runs {
                #expect(try Data(contentsOf: folder.appendingPathComponent("\(k)/\(file)")) == first, "\(name): \(file) of run \(k + 1)")
            }
        }
    }
}
