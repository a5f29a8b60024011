import Foundation
import FuzzSupport
import ScenarioIO
import Workbook

/// The workbook readers (docs/WORKBOOK.md) on arbitrary input. The first byte chooses what the
/// rest is, so that mutations reach the XML readers inside the zip and not only the zip itself:
///   0: the bytes of a whole .xlsx file;
///   1: the XML of the Staff sheet, 2: the shared strings, 3: the styles, 4: the Policy sheet,
///   5: workbook.xml, each zipped in place of that part of a valid scenario workbook
///   (FuzzSupport's base scenario, written by ScenarioWorkbookExport).
/// Each workbook is read three ways: every sheet by WorkbookReader (both with the scanner and
/// with Foundation's XMLParser, which must agree: `compareReaders`), as a whole scenario by
/// ScenarioLoader, and as a plan by PlanReader. Each must give a value or a ScenarioError /
/// WorkbookError whose every message names the file and says something, with any row within
/// 1...1,048,576 and any column within A...XFD; a crash, a hang or memory past the limit is a
/// failure too (libFuzzer's).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWorkbook(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard size > 0, let data else { return 0 }
    let mode = Int(data[0]) % 6
    let rest = Data(UnsafeBufferPointer(start: data + 1, count: size - 1))
    let bytes: Data
    if mode == 0 {
        bytes = rest
    } else {
        let part = ["", "xl/worksheets/sheet2.xml", "xl/sharedStrings.xml", "xl/styles.xml",
                    "xl/worksheets/sheet\(Base.parts.filter { $0.0.hasPrefix("xl/worksheets/") }.count).xml",
                    "xl/workbook.xml"][mode]
        guard let zipped = try? WorkbookWriter.zip(Base.parts.map { $0.0 == part ? (part, rest) : $0 }) else { return 0 }
        bytes = zipped
    }
    let path = Base.folder + "/input.xlsx"
    _ = FileManager.default.createFile(atPath: path, contents: bytes)
    let limits = WorkbookReader.Limits(partBytes: 8 << 20, entries: 1_000, sharedStrings: 100_000)
    compareReaders(bytes, limits)
    do {
        let reader = try WorkbookReader(data: bytes, file: "input.xlsx", limits: limits)
        for name in reader.sheetNames {
            let sheet = try reader.sheet(name)
            for row in sheet.rows {
                Fuzz.require((1...Workbook.maxRows).contains(row.number), "a row outside the grid", "\(row.number)")
                Fuzz.require(zip(row.cells, row.cells.dropFirst()).allSatisfy { $0.column < $1.column },
                             "cells of a row out of order")
                for cell in row.cells where cell.row != row.number { Fuzz.fail("a cell in another row", "\(cell.reference)") }
            }
        }
        if Fuzz.verbose { print("read: \(reader.sheetNames)") }
    } catch {
        if Fuzz.verbose { print(error.description) }
        checkWorkbookError(error)
    }
    do {
        let scenario = try ScenarioLoader.load(path)
        if Fuzz.verbose { print("scenario: \(scenario.schools.count) schools") }
    } catch {
        if Fuzz.verbose { print(error.description) }
        checkScenarioError(error)
    }
    do {
        let plan = try PlanReader.read(contentsOf: path, file: "input.xlsx")
        Fuzz.require(plan.lines.count == plan.plan.actions.count, "a line for each action")
        for action in plan.plan.actions {
            Fuzz.require(action.teachers.isFinite && action.teachers >= 0, "teachers not a finite number >= 0")
        }
    } catch {
        if Fuzz.verbose { print(error.description) }
        checkScenarioError(error)
    }
    return 0
}

/// The scanner (the default reader of sheets and shared strings) against Foundation's
/// `XMLParser`: every sheet the same, or both refuse. The one difference allowed is the
/// scanner's bound on nesting (`XMLScanner.maxDepth`), which `XMLParser` does not have.
func compareReaders(_ bytes: Data, _ limits: WorkbookReader.Limits) {
    func read(_ reading: XMLReading) -> Result<[WorkbookSheet], WorkbookError> {
        do throws(WorkbookError) {
            let reader = try WorkbookReader(data: bytes, file: "input.xlsx", limits: limits)
            reader.xmlReading = reading
            var sheets: [WorkbookSheet] = []
            for name in reader.sheetNames { sheets.append(try reader.sheet(name)) }
            return .success(sheets)
        } catch {
            return .failure(error)
        }
    }
    switch (read(.scanner), read(.foundation)) {
    case (.success(let scanned), .success(let parsed)):
        Fuzz.require(scanned == parsed, "the scanner and XMLParser read different cells", "\(scanned)\n\(parsed)")
    case (.failure(let error), .success):
        Fuzz.require(error.message.contains("nests elements more than"), "the scanner refuses what XMLParser reads",
                     error.description)
    case (.success, .failure(let error)):
        Fuzz.fail("XMLParser refuses what the scanner reads", error.description)
    case (.failure, .failure):
        break
    }
}

func checkWorkbookError(_ error: WorkbookError) {
    Fuzz.require(!error.file.isEmpty, "a workbook error names no file", error.description)
    Fuzz.require(!error.message.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "a workbook error says nothing")
    if let row = error.row { Fuzz.require(row >= 1, "a workbook error's row is below 1", error.description) }
}

func checkScenarioError(_ error: ScenarioError) {
    Fuzz.require(!error.diagnostics.isEmpty, "a ScenarioError without diagnostics")
    for d in error.diagnostics {
        let text = d.description
        Fuzz.require(!d.file.isEmpty, "a diagnostic names no file", text)
        Fuzz.require(!d.message.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "a diagnostic says nothing", text)
        if let line = d.line { Fuzz.require(line >= 1, "a diagnostic's line is below 1", text) }
        if let column = d.column { Fuzz.require(column >= 1, "a diagnostic's column is below 1", text) }
        if d.sheet != nil, let line = d.line {
            Fuzz.require(line <= Workbook.maxRows, "a cell's row is past the grid", text)
            if let column = d.column { Fuzz.require(column <= Workbook.maxColumns, "a cell's column is past XFD", text) }
        }
    }
}

/// A valid scenario workbook, made once, whose parts the input replaces.
enum Base {
    static let folder: String = {
        let path = NSTemporaryDirectory() + "fuzz-workbook-\(getpid())"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }()

    static let parts: [(String, Data)] = {
        let fixture = ScenarioFixture()
        do {
            return try ScenarioWorkbookExport.workbook(fixture.path("scenario.yaml")).parts()
        } catch {
            Fuzz.fail("the base scenario cannot be written as a workbook", "\(error)")
        }
    }()
}

@main enum FuzzWorkbookMain {
    static func main() { Fuzz.main(fuzzWorkbook) }
}
