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

    /// Writes `data` to the staging name beside `path`, making the folder if needed.
    public init(_ data: Data, at path: String) throws(WriteError) {
        target = URL(fileURLWithPath: path).standardizedFileURL
        let folder = target.deletingLastPathComponent()
        staging = folder.appendingPathComponent(".\(target.lastPathComponent).partial-\(getpid())")
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: target.path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw WriteError(description: "cannot write \(target.path): it is a folder")
        }
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
