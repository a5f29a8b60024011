import Foundation

/// The conformance examples of the model (docs/MODEL.md), kept in the repository as test
/// fixtures: `Tests/Fixtures/conformance`, one scenario folder per example with its
/// `expected.json`. The folder is found from this file's own path, so the tests read the
/// source tree wherever the repository is cloned.
public enum ConformanceExamples {
    /// `Tests/Fixtures/conformance`.
    public static let folder: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()   // Tests/RedeployTestSupport
        .deletingLastPathComponent()   // Tests
        .appendingPathComponent("Fixtures/conformance", isDirectory: true)

    /// Every example, as a path relative to `folder`.
    public static let names = ["e1-transfer-and-hire", "e2-qualification-split", "e3-streamlining",
                               "e4-sharing/whole", "e4-sharing/shared", "e5-priority-and-caps"]

    /// The scenario folder of an example.
    public static func url(_ name: String) -> URL {
        folder.appendingPathComponent(name, isDirectory: true)
    }

    /// The figures an example must reproduce.
    public struct Expected: Sendable, Equatable {
        /// Weighted shortage of the plan that does nothing.
        public var w0: Double
        /// Least weighted shortage.
        public var w: Double
        /// Least cost at that shortage.
        public var c: Double
    }

    public struct ReadError: Error, CustomStringConvertible {
        public let description: String
    }

    /// Reads `expected.json` of an example: `{"W0": ..., "W": ..., "C": ...}`.
    public static func expected(_ name: String) throws -> Expected {
        let file = url(name).appendingPathComponent("expected.json")
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: file))
        guard let map = object as? [String: Any] else {
            throw ReadError(description: "\(file.path): not a JSON object")
        }
        func number(_ key: String) throws -> Double {
            guard let value = map[key] as? NSNumber else {
                throw ReadError(description: "\(file.path): \(key) is missing or not a number")
            }
            return value.doubleValue
        }
        return Expected(w0: try number("W0"), w: try number("W"), c: try number("C"))
    }
}
