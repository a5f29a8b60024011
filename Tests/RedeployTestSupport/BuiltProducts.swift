import Foundation

/// The executables `swift build` puts beside the test bundle, for tests that run the command
/// line as a user does.
public enum BuiltProducts {
    /// The path of product `name` (`redeploy`): beside the test bundle, or two folders up on
    /// platforms where the bundle is a directory.
    public static func path(of name: String) -> String {
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for directory in [bundle, bundle.deletingLastPathComponent().deletingLastPathComponent()] {
            let path = directory.appendingPathComponent(name).path
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return bundle.appendingPathComponent(name).path
    }
}
