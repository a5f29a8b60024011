import Foundation
import RedeployTestSupport
import Testing

/// Scenarios that use no new column and no new preset keep their outputs byte for byte
/// (Tests/Fixtures/unchanged: what the build before per-school norms wrote).
@Suite struct UnchangedOutputsTests {
    static let fixtures = ConformanceExamples.folder.deletingLastPathComponent().appendingPathComponent("unchanged")

    /// (fixture name, scenario folder)
    static let cases: [(String, URL)] = {
        let bundled = ["quang-ninh", "quang-ninh-30km", "quang-ninh-integrated", "quang-ninh-shared",
                       "quang-ninh-streamlining", "quang-ninh-within-areas", "soc-trang"]
        return bundled.map { ($0, Paths.scenarios.appendingPathComponent($0)) }
            + ConformanceExamples.names.map { ($0.replacingOccurrences(of: "/", with: "-"), ConformanceExamples.url($0)) }
    }()

    @Test(arguments: cases.map(\.0))
    func checkAndSolveWriteWhatTheyWroteBefore(_ name: String) throws {
        let scenario = try #require(Self.cases.first { $0.0 == name }?.1)
        let expected = Self.fixtures.appendingPathComponent(name)
        let check = try redeploy(["check", scenario.path, "--format", "csv"])
        #expect(check.status == 0)
        #expect(check.stdout == (try String(contentsOf: expected.appendingPathComponent("check.csv"), encoding: .utf8)),
                "\(name): check --format csv differs")
        let out = try Paths.temporaryDirectory()
        let solve = try redeploy(["solve", scenario.path, "--out", out.path, "--quiet"])
        #expect(solve.status == 0, "\(solve.stderr)")
        for file in ["summary.json", "plan.csv"] {
            #expect(try Data(contentsOf: out.appendingPathComponent(file)) == Data(contentsOf: expected.appendingPathComponent(file)),
                    "\(name): \(file) differs")
        }
        let schools = try Data(contentsOf: out.appendingPathComponent("schools.csv"))
        let hashFile = expected.appendingPathComponent("schools.csv.fnv1a")
        if FileManager.default.fileExists(atPath: hashFile.path) {
            let hash = try String(contentsOf: hashFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(Self.fnv1a(schools) == hash, "\(name): schools.csv differs")
        } else {
            #expect(schools == (try Data(contentsOf: expected.appendingPathComponent("schools.csv"))), "\(name): schools.csv differs")
        }
    }

    /// 64-bit FNV-1a: enough to notice any change of a large file kept out of the repository.
    static func fnv1a(_ data: Data) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in data {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return String(hash, radix: 16).leftPadded(to: 16)
    }
}

private extension String {
    func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
