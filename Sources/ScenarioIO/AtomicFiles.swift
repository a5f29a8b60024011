import Foundation

/// Writes a set of files all or nothing: every file goes to a staging folder beside the target
/// first; only when all are complete is each renamed into place (rename replaces a file in
/// one step). A failure before that leaves the target as it was.
public enum AtomicFiles {
    public struct File: Sendable, Equatable {
        public var name: String
        public var contents: String
        public init(name: String, contents: String) {
            self.name = name
            self.contents = contents
        }
    }

    public struct WriteError: Error, CustomStringConvertible {
        public var description: String
    }

    /// The staging folder of a write into `directory` by this process; exposed so that a
    /// signal handler can remove it.
    public static func stagingPath(for directory: String) -> String {
        let target = URL(fileURLWithPath: directory).standardizedFileURL
        return target.deletingLastPathComponent()
            .appendingPathComponent(".\(target.lastPathComponent).partial-\(getpid())").path
    }

    public static func write(_ files: [File], into directory: String) throws {
        let fm = FileManager.default
        let target = URL(fileURLWithPath: directory).standardizedFileURL
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: target.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw WriteError(description: "\(target.path) exists and is not a folder")
        }
        let staging = URL(fileURLWithPath: stagingPath(for: directory))
        do {
            try fm.createDirectory(at: target, withIntermediateDirectories: true)
            try? fm.removeItem(at: staging)
            try fm.createDirectory(at: staging, withIntermediateDirectories: false)
            for file in files {
                try Data(file.contents.utf8).write(to: staging.appendingPathComponent(file.name))
            }
        } catch {
            try? fm.removeItem(at: staging)
            throw WriteError(description: "cannot write into \(target.path): \(error.localizedDescription)")
        }
        defer { try? fm.removeItem(at: staging) }
        for file in files {
            let from = staging.appendingPathComponent(file.name).path
            let to = target.appendingPathComponent(file.name).path
            guard rename(from, to) == 0 else {
                throw WriteError(description: "cannot move \(file.name) into \(target.path): \(String(cString: strerror(errno)))")
            }
        }
    }
}
