import Foundation

/// A file written beside its target under a hidden name, and renamed into place only when the
/// command's other files are written: the workbook of `solve --xlsx` is made and staged before
/// plan.csv and its fellows are written, so a failure in either leaves neither, and a reader
/// never sees half a workbook (rename replaces a file in one step).
public struct StagedFile {
    public struct WriteError: Error, CustomStringConvertible {
        public var description: String
    }

    public let target: URL
    let staging: URL
    /// The bytes, kept for a target that is not a regular file (`/dev/null`, a pipe): such a
    /// target is written into at `commit()`, never replaced (a rename, run as root, would put a
    /// regular file in place of /dev/null).
    let direct: Data?

    /// Writes `data` to the staging name beside `path`, making the folder if needed.
    public init(_ data: Data, at path: String) throws(WriteError) {
        target = URL(fileURLWithPath: path).standardizedFileURL
        let folder = target.deletingLastPathComponent()
        staging = folder.appendingPathComponent(".\(target.lastPathComponent).partial-\(getpid())")
        // stat follows a symbolic link: /dev/stdout is the device it names.
        var info = stat()
        let kind = stat(target.path, &info) == 0 ? info.st_mode & S_IFMT : nil
        if kind == S_IFDIR { throw WriteError(description: "cannot write \(target.path): it is a folder") }
        if let kind, kind != S_IFREG {
            direct = data
            return
        }
        direct = nil
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try data.write(to: staging)
        } catch {
            try? FileManager.default.removeItem(at: staging)
            throw WriteError(description: "cannot write \(target.path): \(error.localizedDescription)")
        }
    }

    /// Renames the staged file into place.
    public func commit() throws(WriteError) {
        if let direct {
            guard let handle = FileHandle(forWritingAtPath: target.path) else {
                throw WriteError(description: "cannot write \(target.path)")
            }
            defer { try? handle.close() }
            do { try handle.write(contentsOf: direct) } catch {
                throw WriteError(description: "cannot write \(target.path): \(error.localizedDescription)")
            }
            return
        }
        guard rename(staging.path, target.path) == 0 else {
            let reason = String(cString: strerror(errno))
            discard()
            throw WriteError(description: "cannot write \(target.path): \(reason)")
        }
    }

    /// Removes the staged file (after a failure elsewhere, or once committed: then a no-op).
    public func discard() {
        try? FileManager.default.removeItem(at: staging)
    }
}
