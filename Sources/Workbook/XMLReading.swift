import Foundation

/// Which reader parses the XML of worksheets and sharedStrings.xml, the parts that grow with the
/// data (the small parts always go through Foundation's `XMLParser`, `XMLEvents`).
public enum XMLReading: Sendable {
    /// `XMLScanner` on the bytes, the default: Foundation's parser alone took 2.6 times as long
    /// as reading the whole scenario from CSV files (Benchmarks/README.md). A part the scanner
    /// does not read (an encoding other than UTF-8 declared, a UTF-16 byte-order mark, an XML
    /// declaration it cannot parse) goes to `XMLParser`, whose verdict then stands: that choice
    /// is made before any event, so no part is read twice.
    case scanner
    /// Foundation's `XMLParser`: the reference the scanner is tested against (the differential
    /// tests and FuzzWorkbook read every part both ways).
    case foundation

    /// Whether `data` goes through `XMLScanner` (else `XMLParser`): the one place that decides,
    /// so that what the sheet reader vouches for before the rows (`WorkbookReader.forEachRow`)
    /// is what parses them.
    func usesScanner(_ data: Data) -> Bool {
        self == .scanner && XMLScanner.reads(data)
    }

    func parse<H: PartHandler>(_ data: Data, into handler: inout H) throws {
        if usesScanner(data) {
            try XMLEvents.checkText(data)
            try XMLScanner.scan(data, into: &handler)
        } else {
            try XMLEvents.parse(data, into: &handler)
        }
    }
}
