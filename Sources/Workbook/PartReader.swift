import Foundation
import ZIPFoundation

/// The parts of a workbook's zip, each read whole into memory with a bound on its size: the
/// size a zip entry declares is not trusted, the bytes are counted as they are inflated, so a
/// small file that inflates to gigabytes (a zip bomb) is refused once it passes the bound.
struct PartReader {
    let archive: Archive
    let file: String
    let limits: WorkbookReader.Limits
    /// Entries by path, without a leading `/` (paths in a zip are case-sensitive, but Excel
    /// finds parts whatever their case: so does this, when no exact match exists).
    private let entries: [String: Entry]
    private let folded: [String: Entry]

    init(archive: Archive, file: String, limits: WorkbookReader.Limits) throws(WorkbookError) {
        self.archive = archive
        self.file = file
        self.limits = limits
        var entries: [String: Entry] = [:]
        var folded: [String: Entry] = [:]
        var count = 0
        for entry in archive {
            count += 1
            guard count <= limits.entries else {
                throw WorkbookError(file: file, message: "holds more than \(limits.entries) files: not a workbook")
            }
            let path = entry.path.hasPrefix("/") ? String(entry.path.dropFirst()) : entry.path
            if entries[path] == nil { entries[path] = entry }
            if folded[path.lowercased()] == nil { folded[path.lowercased()] = entry }
        }
        self.entries = entries
        self.folded = folded
    }

    func has(_ path: String) -> Bool { entry(path) != nil }

    private func entry(_ path: String) -> Entry? {
        let key = path.hasPrefix("/") ? String(path.dropFirst()) : path
        return entries[key] ?? folded[key.lowercased()]
    }

    /// The bytes of the part at `path`; nil when the zip has no such part.
    func data(_ path: String) throws(WorkbookError) -> Data? {
        guard let entry = entry(path) else { return nil }
        guard entry.type == .file else {
            throw WorkbookError(file: file, message: "\(path) is not a file inside the workbook")
        }
        let limit = limits.partBytes
        if entry.uncompressedSize > UInt64(limit) {
            throw WorkbookError(file: file, message: "\(path) would inflate to \(entry.uncompressedSize) bytes, more than "
                                    + "the \(limit) bytes a part may have")
        }
        var data = Data()
        data.reserveCapacity(Int(min(entry.uncompressedSize, UInt64(limit))))
        do {
            _ = try archive.extract(entry, bufferSize: 64 * 1024, skipCRC32: false) { chunk in
                guard data.count + chunk.count <= limit else { throw TooLarge() }
                data.append(chunk)
            }
        } catch is TooLarge {
            throw WorkbookError(file: file, message: "\(path) inflates to more than the \(limit) bytes a part may have "
                                    + "(a damaged or hostile file?)")
        } catch {
            throw WorkbookError(file: file, message: "\(path) cannot be unpacked (\(Self.describe(error))): "
                                    + "the file is damaged; open it in Excel or LibreOffice and save it again")
        }
        return data
    }

    private struct TooLarge: Error {}

    static func describe(_ error: Error) -> String {
        switch error {
        case Archive.ArchiveError.invalidCRC32: return "its checksum does not match"
        case Archive.ArchiveError.invalidCompressionMethod: return "unknown compression method"
        case Archive.ArchiveError.invalidEntryPath: return "bad entry path"
        default: return "\(error)"
        }
    }
}
