import Foundation

/// Where tests write files: one folder per test process, removed when the process exits, so
/// that a run leaves nothing behind in the system's temporary directory (a suite writes tens
/// of thousands of scenario folders).
public enum TestFolders {
    /// `$TMPDIR/redeploy-tests-PID`, created on first use.
    public static let root: URL = {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("redeploy-tests-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(at: TestFolders.root) }
        return url
    }()

    /// A path under `root` that nothing uses yet, `label-UUID`; not created (for code under
    /// test that must create it itself).
    public static func unused(_ label: String) -> URL {
        root.appendingPathComponent("\(label)-\(UUID().uuidString)", isDirectory: true)
    }

    /// A new empty folder under `root`, `label-UUID`.
    public static func fresh(_ label: String) throws -> URL {
        let url = unused(label)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
