import Foundation

/// The parts of a workbook's zip (`ZipDirectory`), each read whole into memory with a bound on
/// its size: the size a zip entry declares is not trusted, the bytes are counted as they are
/// inflated, so a small file that inflates to gigabytes (a zip bomb) is refused once it passes
/// the bound.
struct PartReader {
    let zip: ZipDirectory
    let file: String
    let limits: WorkbookReader.Limits
    /// Entries by path (paths in a zip are case-sensitive, but Excel finds parts whatever their
    /// case: so does this, when no exact match exists).
    private let entries: [String: ZipDirectory.Entry]
    private let folded: [String: ZipDirectory.Entry]

    init(data: Data, file: String, limits: WorkbookReader.Limits) throws(WorkbookError) {
        do throws(ZipDirectory.Problem) {
            zip = try ZipDirectory(data, maxEntries: limits.entries)
        } catch {
            throw WorkbookError(file: file, message: "is not an Excel workbook (.xlsx): it \(error.message)")
        }
        self.file = file
        self.limits = limits
        var entries: [String: ZipDirectory.Entry] = [:]
        var folded: [String: ZipDirectory.Entry] = [:]
        for entry in zip.entries {
            if entries[entry.path] == nil { entries[entry.path] = entry }
            if folded[entry.path.lowercased()] == nil { folded[entry.path.lowercased()] = entry }
        }
        self.entries = entries
        self.folded = folded
    }

    private func entry(_ path: String) -> ZipDirectory.Entry? {
        let key = path.hasPrefix("/") ? String(path.dropFirst()) : path
        return entries[key] ?? folded[key.lowercased()]
    }

    /// The bytes of the part at `path`; nil when the zip has no such part.
    func data(_ path: String) throws(WorkbookError) -> Data? {
        guard let entry = entry(path) else { return nil }
        guard !entry.isDirectory else {
            throw WorkbookError(file: file, message: "\(path) is not a file inside the workbook")
        }
        do throws(ZipDirectory.Problem) {
            return try zip.contents(entry, limit: limits.partBytes)
        } catch {
            throw WorkbookError(file: file, message: "\(path) \(error.message); open the file in Excel or LibreOffice and save it again")
        }
    }
}
