import Foundation
import FuzzSupport
import ScenarioIO

/// CSVTable.parse on arbitrary bytes: a table that keeps the invariants, or a ScenarioError
/// whose every diagnostic is positioned; never a trap or a hang.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    let file = "fuzz.csv"
    do {
        let table = try CSVTable.parse(Data(bytes), file: file)
        if Fuzz.verbose { print("parsed: \(table.header.count) columns, \(table.rows.count) rows") }
        Fuzz.check(table, file: file)
    } catch {
        if Fuzz.verbose { print(error.description) }
        Fuzz.check(error, lines: [file: Fuzz.lineCount(bytes)])
    }
    return 0
}

@main enum FuzzCSVMain {
    static func main() { Fuzz.main(fuzzCSV) }
}
