import Foundation

/// An `.xlsx` workbook opened for reading: its sheets by name, each read on demand as rows of
/// typed cells. Opening reads the file and the zip's directory (`ZipDirectory`), the list of sheets and the styles; shared
/// strings are read with the first sheet that uses them; a sheet's XML is parsed event by event
/// and never held as a tree.
///
/// Every failure is a `WorkbookError`: a file that is no zip (or an old `.xls`), a part missing
/// or damaged, XML that is not well-formed, a part that inflates past `Limits.partBytes`, a
/// row past 1,048,576 or a column past XFD.
public final class WorkbookReader {
    /// Bounds that keep a hostile file from exhausting memory.
    public struct Limits: Sendable {
        /// The most bytes one part may inflate to (the XML of a sheet of a million short rows is
        /// well under this).
        public var partBytes: Int
        /// The most files the zip may hold.
        public var entries: Int
        /// The most shared strings.
        public var sharedStrings: Int

        public init(partBytes: Int = 512 << 20, entries: Int = 10_000, sharedStrings: Int = 10_000_000) {
            self.partBytes = partBytes
            self.entries = entries
            self.sharedStrings = sharedStrings
        }
    }

    /// The name used in messages.
    public let file: String
    /// The sheets in tab order.
    public let sheetNames: [String]
    /// Whether the workbook counts dates from 1904 (old Mac Excel); `CellValue.date` is
    /// corrected to the 1900 system either way.
    public let date1904: Bool

    /// Which reader parses worksheets and shared strings: the scanner, or Foundation's
    /// `XMLParser` it is tested against (public for the fuzz harness's differential check).
    public var xmlReading: XMLReading = .scanner

    private let parts: PartReader
    private let sheetParts: [String: String]
    private let sharedStringsPart: String?
    private let dateStyles: [Bool]
    private var sharedStringsCache: [String]?

    /// Opens the workbook at `path`; `file` names it in messages (default: `path`).
    public convenience init(contentsOf path: String, file: String? = nil, limits: Limits = Limits()) throws(WorkbookError) {
        let name = file ?? path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw WorkbookError(file: name, message: "file not found")
        }
        guard !isDirectory.boolValue else { throw WorkbookError(file: name, message: "is a folder, not a workbook") }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
        guard size <= limits.partBytes else {
            throw WorkbookError(file: name, message: "is \(size) bytes long, more than a workbook may be (\(limits.partBytes))")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw WorkbookError(file: name, message: "cannot be read (permissions?)")
        }
        try self.init(data: data, file: name, limits: limits)
    }

    /// Opens a workbook held in memory.
    public init(data: Data, file: String, limits: Limits = Limits()) throws(WorkbookError) {
        try Self.checkSignature(data.prefix(8), file: file)
        self.file = file
        let parts = try PartReader(data: data, file: file, limits: limits)
        self.parts = parts

        // The workbook part: where the package's relationships say, or where Excel puts it.
        var workbookPath = "xl/workbook.xml"
        if let rels = try parts.data("_rels/.rels") {
            let found = try Self.xml(file, "_rels/.rels") { try PartParsers.relationships(rels, folder: "") }
            if let office = found.first(where: { $0.type == "officeDocument" }) { workbookPath = office.target }
        }
        guard let workbookData = try parts.data(workbookPath) else {
            throw WorkbookError(file: file, message: "has no \(workbookPath): not an Excel workbook "
                                    + "(a .docx or .ods? save it from Excel or LibreOffice as .xlsx)")
        }
        let (entries, date1904) = try Self.xml(file, workbookPath) { try PartParsers.workbook(workbookData) }
        self.date1904 = date1904
        let folder = workbookPath.split(separator: "/").dropLast().joined(separator: "/")
        let relsPath = (folder.isEmpty ? "" : folder + "/") + "_rels/"
            + (workbookPath.split(separator: "/").last.map(String.init) ?? "workbook.xml") + ".rels"
        var relationships: [PartParsers.Relationship] = []
        if let relsData = try parts.data(relsPath) {
            relationships = try Self.xml(file, relsPath) { try PartParsers.relationships(relsData, folder: folder) }
        }
        var sheetParts: [String: String] = [:]
        var names: [String] = []
        for entry in entries {
            guard let target = relationships.first(where: { $0.id == entry.relationship }) else {
                throw WorkbookError(file: file, sheet: entry.name,
                                    message: "is listed in \(workbookPath) but \(relsPath) does not say where it is: the file is damaged")
            }
            // Chart sheets and dialog sheets hold no cells: they are not offered as sheets.
            guard target.type == "worksheet" || target.type.isEmpty else { continue }
            guard sheetParts[entry.name] == nil else {
                throw WorkbookError(file: file, sheet: entry.name, message: "appears twice in \(workbookPath): the file is damaged")
            }
            sheetParts[entry.name] = target.target
            names.append(entry.name)
        }
        self.sheetNames = names
        self.sheetParts = sheetParts
        sharedStringsPart = relationships.first { $0.type == "sharedStrings" }?.target
        if let stylesPath = relationships.first(where: { $0.type == "styles" })?.target,
           let stylesData = try parts.data(stylesPath) {
            dateStyles = try Self.xml(file, stylesPath) { try PartParsers.dateStyles(stylesData) }
        } else {
            dateStyles = []
        }
    }

    /// The sheet named `name` (exactly, or else ignoring case as Excel does), if the workbook has it.
    public func sheetName(matching name: String) -> String? {
        if sheetParts[name] != nil { return name }
        let lowered = name.lowercased()
        return sheetNames.first { $0.lowercased() == lowered }
    }

    /// Reads the sheet `name` whole: its rows that hold something, and its merged ranges.
    public func sheet(_ name: String) throws(WorkbookError) -> WorkbookSheet {
        var rows: [SheetRow] = []
        let merges = try forEachRow(of: name) { rows.append($0) }
        return WorkbookSheet(name: sheetName(matching: name) ?? name, rows: rows, merges: merges)
    }

    /// Streams the rows of sheet `name` that hold something to `body`, in order, as they are
    /// parsed; returns the sheet's merged ranges (listed after its cells in the XML).
    @discardableResult
    public func forEachRow(of name: String, _ body: @escaping (SheetRow) throws(WorkbookError) -> Void)
        throws(WorkbookError) -> [CellRange] {
        try forEachRow(of: name, begin: { _ in }, body)
    }

    /// `forEachRow(of:_:)`, first telling `begin`, before any row, whether the sheet may have
    /// merged ranges. Merged ranges come after the cells, so a reader whose layout depends on
    /// them (a title row, a header over two rows) must otherwise hold every row until the end;
    /// told `false`, it knows the sheet has none and may take each row as it comes. `false` is
    /// said only when the scanner reads the part and its bytes never spell `mergeCell` (which
    /// the name of the element, prefixed or not, always does).
    @discardableResult
    public func forEachRow(of name: String, begin: (_ mayHaveMerges: Bool) -> Void,
                           _ body: @escaping (SheetRow) throws(WorkbookError) -> Void) throws(WorkbookError) -> [CellRange] {
        guard let actual = sheetName(matching: name), let part = sheetParts[actual] else {
            throw WorkbookError(file: file, message: "has no sheet named '\(name)'; its sheets are: "
                                    + sheetNames.map { "'\($0)'" }.joined(separator: ", "))
        }
        guard let data = try parts.data(part) else {
            throw WorkbookError(file: file, sheet: actual, message: "its part \(part) is missing: the file is damaged")
        }
        begin(!xmlReading.usesScanner(data) || Self.spells(data, "mergeCell"))
        let parser = SheetParser(file: file, sheet: actual, sharedStrings: { () throws(WorkbookError) in try self.sharedStrings() },
                                 dateStyles: dateStyles, date1904: date1904, reading: xmlReading)
        return try parser.parse(data, part: part, body)
    }

    /// Whether `word` occurs in `data`; `memchr` finds each candidate first byte.
    static func spells(_ data: Data, _ word: StaticString) -> Bool {
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Bool in
            guard let base = raw.baseAddress else { return false }
            let count = word.utf8CodeUnitCount
            let first = Int32(word.utf8Start[0])
            var k = 0
            while k + count <= raw.count, let hit = memchr(base + k, first, raw.count - count + 1 - k) {
                k = base.distance(to: UnsafeRawPointer(hit))
                if memcmp(base + k, word.utf8Start, count) == 0 { return true }
                k += 1
            }
            return false
        }
    }

    private func sharedStrings() throws(WorkbookError) -> [String] {
        if let sharedStringsCache { return sharedStringsCache }
        var strings: [String] = []
        if let path = sharedStringsPart, let data = try parts.data(path) {
            let limit = parts.limits.sharedStrings
            do {
                strings = try Self.xml(file, path) { try PartParsers.sharedStrings(data, limit: limit, reading: xmlReading) }
            }
        }
        sharedStringsCache = strings
        return strings
    }

    /// Runs a part's parser, turning what it throws into a `WorkbookError` naming the part.
    private static func xml<T>(_ file: String, _ part: String, _ body: () throws -> T) throws(WorkbookError) -> T {
        do {
            return try body()
        } catch let error as WorkbookError {
            throw error
        } catch let malformed as XMLEvents.Malformed {
            throw WorkbookError(file: file, message: "\(part), line \(malformed.line), \(malformed.message)")
        } catch is PartParsers.TooMany {
            throw WorkbookError(file: file, message: "\(part) holds more shared strings than a workbook may have")
        } catch {
            throw WorkbookError(file: file, message: "\(part) cannot be read: \(error)")
        }
    }

    /// Files that are recognisably something else get their own message.
    private static func checkSignature(_ head: Data, file: String) throws(WorkbookError) {
        let bytes = [UInt8](head)
        if bytes.isEmpty { throw WorkbookError(file: file, message: "is empty: not a workbook") }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            throw WorkbookError(file: file, message: "is an old Excel 97-2003 file (.xls) or is encrypted: "
                                    + "save it as Excel Workbook (.xlsx) without a password")
        }
        if !bytes.starts(with: [0x50, 0x4B]) { throw notAZip(file) }
    }

    private static func notAZip(_ file: String) -> WorkbookError {
        WorkbookError(file: file, message: "is not an Excel workbook (.xlsx): it is not a zip file, or it is damaged")
    }
}
