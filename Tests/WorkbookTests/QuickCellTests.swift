import Foundation
import Testing
@testable import Workbook

/// The scanner's quick path for cells (`XMLScanner.quickCell`, `SheetHandler.cell`): the forms
/// it takes give the events `XMLParser` gives, the forms it leaves are read by the general path,
/// and the sheet reader gives the same cells and the same messages, word for word, whichever
/// path a cell took. Also `WorkbookReader.forEachRow(of:begin:_:)`'s word on merged ranges.
@Suite struct QuickCellTests {
    /// Every event of a part as text (adjacent pieces of text joined, as readers join them), and
    /// how many cells came whole.
    struct Recorder: PartHandler {
        var events: [String] = []
        var quick = 0
        var wantsText: Bool { true }

        mutating func start(_ element: PartElement, _ a: PartAttributes) {
            events.append("<\(element) r=\(a.r ?? "-") t=\(a.t ?? "-") s=\(a.s ?? "-") ref=\(a.ref ?? "-")>")
        }

        mutating func end(_ element: PartElement) {
            events.append("</\(element)>")
        }

        mutating func text(_ text: String) {
            if let last = events.last, last.hasPrefix("text ") {
                events[events.count - 1] = last + text
            } else {
                events.append("text " + text)
            }
        }

        mutating func cell(_ cell: QuickCell) throws {
            quick += 1
            try cell.replay(into: &self)
        }
    }

    static func sheet(_ row: String) -> String {
        "<worksheet xmlns=\"\(HandMadePartsTests.ns)\"><sheetData><row r=\"1\">\(row)</row></sheetData></worksheet>"
    }

    /// Cells and how many of them the quick path takes: its forms, then forms it leaves.
    static let forms: [(cells: String, quick: Int)] = [
        ("<c r=\"A1\"/>", 1),
        ("<c r=\"A1\"></c>", 1),
        ("<c r=\"A1\"><v>12</v></c>", 1),
        ("<c r='B1' s='3' t='n'><v>-0.5</v></c>", 1),
        ("<c t=\"inlineStr\" r=\"C1\"><is><t>Hạ Long</t></is></c>", 1),
        ("<c r=\"D1\" t=\"inlineStr\"><is><t></t></is></c><c r=\"E1\"><v></v></c>", 2),
        ("<c  r=\"F1\"   t=\"s\"><v>0</v></c>", 1),
        ("<c r=\"G1\" t=\"inlineStr\"><is><t>tab\tand\nline</t></is></c>", 1),
        ("<c><v>7</v></c><c/><c t=\"b\"><v>1</v></c>", 3),
        ("<c r=\"H1\" t=\"inlineStr\"><is><t>a_x000D_b natural_science</t></is></c>", 1),
        ("<c r=\"a1\"><v>1</v></c><c r=\"$B$1\" s=\"007\"><v>2</v></c><c r=\"C1\" s=\"\"><v>3</v></c>", 3),
        ("<c r=\"A1\" s=\"-1\"><v>1</v></c><c r=\"B1\" s=\"+2\"><v>2</v></c><c r=\"C1\" s=\"99999999999\"><v>3</v></c>", 3),
        ("<c r=\"A1\" ><v>1</v></c>", 0),
        ("<c r=\"A1\"><v>1</v ></c>", 0),
        ("<c r=\"A1\"><f>1+1</f><v>2</v></c>", 0),
        ("<c r=\"A1\" t=\"inlineStr\"><is><t xml:space=\"preserve\"> x </t></is></c>", 0),
        ("<c r=\"A1\"><v>a &amp; b</v></c>", 0),
        ("<c r=\"A1\" t=\"str\"><v>x]y</v></c>", 0),
        ("<c r=\"A1\" cm=\"1\"><v>1</v></c>", 0),
        ("<c r=\"A1\"\n t=\"n\"><v>1</v></c>", 0),
        ("<c r=\"A1\"><v>1\r\n</v></c>", 0),
        ("<c r=\"A&#49;\"><v>1</v></c>", 0),
        ("<c r=\"A1\" t=\"str\"><v>\u{FFFD}</v></c>", 0),
        ("<c r=\"A1\" t=\"inlineStr\"><is><t>a</t><t>b</t></is></c>", 0),
        ("<c r=\"A1\" t=\"inlineStr\"><is><r><t>run</t></r></is></c>", 0),
        ("<c r=\"A1\"><v/></c>", 0),
        ("<c r=\"A1\"><!-- note --><v>1</v></c>", 0),
        ("<x:c r=\"A1\" xmlns:x=\"urn:x\"><v>1</v></x:c>", 0),
        ("<cc r=\"A1\"/><c\tr=\"B1\"/>", 0),
    ]

    @Test(arguments: forms.indices)
    func formsGiveTheEventsXMLParserGives(_ k: Int) throws {
        let data = Data(Self.sheet(Self.forms[k].cells).utf8)
        var scanned = Recorder(), parsed = Recorder()
        try XMLScanner.scan(data, into: &scanned)
        try XMLEvents.parse(data, into: &parsed)
        #expect(scanned.events == parsed.events, "\(Self.forms[k].cells)")
        #expect(scanned.quick == Self.forms[k].quick, "\(Self.forms[k].cells)")
        // XMLParser's events never come whole.
        #expect(parsed.quick == 0)
    }

    /// The outcome of reading every sheet: the sheets, or the message word for word.
    static func read(_ data: Data, _ reading: XMLReading) -> String {
        do {
            let reader = try WorkbookReader(data: data, file: "q.xlsx")
            reader.xmlReading = reading
            return "\(try reader.sheetNames.map { try reader.sheet($0) })"
        } catch {
            return "refused: \(error)"
        }
    }

    static let styles = "<styleSheet xmlns=\"\(HandMadePartsTests.ns)\"><cellXfs count=\"2\"><xf numFmtId=\"0\"/>"
        + "<xf numFmtId=\"14\"/></cellXfs></styleSheet>"
    static let strings = "<sst xmlns=\"\(HandMadePartsTests.ns)\"><si><t>one</t></si></sst>"

    /// Cells of the quick forms the sheet reader reads or refuses: the same sheets, or the same
    /// message, from the scanner (quick path) and from `XMLParser` (events).
    @Test(arguments: [
        // Numbers: whole ones are made from their digits, the others by the C library.
        "<c r=\"A1\"><v>123456789012345</v></c><c r=\"B1\"><v>1234567890123456</v></c><c r=\"C1\"><v>9007199254740993</v></c>",
        "<c r=\"A1\"><v>-0</v></c><c r=\"B1\"><v>007</v></c><c r=\"C1\"><v>+5</v></c><c r=\"D1\"><v> 7 </v></c>",
        "<c r=\"A1\"><v>1e3</v></c><c r=\"B1\"><v>0.1</v></c><c r=\"C1\"><v>-12</v></c><c r=\"D1\"><v>-</v></c>",
        "<c r=\"A1\" s=\"1\"><v>45000</v></c><c r=\"B1\" s=\"01\"><v>45000.5</v></c><c r=\"C1\" s=\"2\"><v>1</v></c>",
        "<c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"b\"><v>0</v></c><c r=\"C1\" t=\"e\"><v>#N/A</v></c>",
        "<c r=\"A1\" t=\"d\"><v>2024-03-05</v></c><c r=\"B1\" t=\"str\"><v>text</v></c><c r=\"C1\" t=\"inlineStr\"><v>v</v></c>",
        "<c r=\"A1\"><v></v></c><c r=\"B1\" t=\"s\"></c><c r=\"C1\" t=\"inlineStr\"/>",
        // Refused by the sheet reader, with the same words.
        "<c r=\"B1\"><v>1</v></c><c r=\"A1\"><v>2</v></c>",
        "<c r=\"A2\"><v>1</v></c>",
        "<c r=\"A0\"><v>1</v></c>",
        "<c r=\"XFE1\"><v>1</v></c>",
        "<c r=\"A1048577\"><v>1</v></c>",
        "<c r=\"1A\"><v>1</v></c>",
        "<c r=\"A1\" t=\"q\"><v>1</v></c>",
        "<c r=\"A1\" t=\"\"><v>1</v></c>",
        "<c r=\"A1\"><v>12x</v></c>",
        "<c r=\"A1\"><v>1e999</v></c>",
        "<c r=\"A1\" t=\"b\"><v>2</v></c>",
        "<c r=\"A1\" t=\"s\"><v>5</v></c>",
        "<c r=\"A1\" t=\"d\"><v>x</v></c>",
        "<c r=\"XFD1\"><v>1</v></c><c><v>2</v></c>",
    ])
    func sheetReaderGivesTheSameWords(_ cells: String) throws {
        let data = try HandMadePartsTests.workbook(sheet: Self.sheet(cells), strings: Self.strings, styles: Self.styles)
        let scanned = Self.read(data, .scanner)
        #expect(scanned == Self.read(data, .foundation))
        var recorder = Recorder()
        try XMLScanner.scan(Data(Self.sheet(cells).utf8), into: &recorder)
        #expect(recorder.quick > 0, "\(cells): no cell took the quick path")
    }

    /// Cells outside a row are passed over, as their events are.
    @Test func cellsOutsideARow() throws {
        let sheet = "<worksheet xmlns=\"\(HandMadePartsTests.ns)\"><sheetData><c r=\"A1\"><v>1</v></c>"
            + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>in</t></is></c></row><c r=\"B2\"/></sheetData></worksheet>"
        let data = try HandMadePartsTests.workbook(sheet: sheet)
        #expect(Self.read(data, .scanner) == Self.read(data, .foundation))
        let reader = try WorkbookReader(data: data, file: "q.xlsx")
        #expect(try reader.sheet("Data").rows == [SheetRow(number: 2, cells: [SheetCell(reference: CellReference("A2")!, value: .text("in"))])])
    }

    /// `begin` hears false only where the part cannot hold a merged range.
    @Test func mergedRangesAreAnnouncedBeforeTheRows() throws {
        func announced(_ sheet: String, _ reading: XMLReading = .scanner) throws -> (Bool, [CellRange], Int) {
            let reader = try WorkbookReader(data: HandMadePartsTests.workbook(sheet: sheet), file: "m.xlsx")
            reader.xmlReading = reading
            var said: Bool?
            var rows = 0
            let merges = try reader.forEachRow(of: "Data", begin: { said = $0 }) { _ in
                #expect(said != nil, "a row before begin")
                rows += 1
            }
            return (try #require(said), merges, rows)
        }
        let ns = HandMadePartsTests.ns
        let rows = "<sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></c></row><row r=\"2\"><c r=\"A2\"><v>2</v></c></row></sheetData>"
        let plain = "<worksheet xmlns=\"\(ns)\">\(rows)</worksheet>"
        let merged = "<worksheet xmlns=\"\(ns)\">\(rows)<mergeCells count=\"1\"><mergeCell ref=\"A1:B1\"/></mergeCells></worksheet>"
        let prefixed = "<x:worksheet xmlns:x=\"\(ns)\"><x:sheetData/><x:mergeCells><x:mergeCell ref=\"A1:A2\"/></x:mergeCells></x:worksheet>"
        let mentioned = "<worksheet xmlns=\"\(ns)\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>mergeCell</t></is></c>"
            + "</row></sheetData></worksheet>"
        let latin = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>" + plain

        let (plainSaid, plainMerges, plainRows) = try announced(plain)
        #expect(!plainSaid && plainMerges.isEmpty && plainRows == 2)
        let (mergedSaid, mergedMerges, mergedRows) = try announced(merged)
        #expect(mergedSaid && mergedMerges == [CellRange("A1:B1")!] && mergedRows == 2)
        let (prefixedSaid, prefixedMerges, _) = try announced(prefixed)
        #expect(prefixedSaid && prefixedMerges == [CellRange("A1:A2")!])
        // Said to be possible, though there is none: a word in a cell is enough.
        let (mentionedSaid, mentionedMerges, _) = try announced(mentioned)
        #expect(mentionedSaid && mentionedMerges.isEmpty)
        // Parts XMLParser reads are never vouched for.
        #expect(try announced(latin).0)
        #expect(try announced(plain, .foundation).0)
    }

    @Test func spellsFindsAWordAnywhere() {
        func spells(_ text: String) -> Bool { WorkbookReader.spells(Data(text.utf8), "mergeCell") }
        #expect(spells("mergeCell"))
        #expect(spells("<mergeCell"))
        #expect(spells("mmmmergeCellsss"))
        #expect(spells("........mergeCell"))
        #expect(!spells(""))
        #expect(!spells("mergeCel"))
        #expect(!spells("........mergeCel"))
        #expect(!spells("mergecell mergeCel l merge Cell"))
    }
}
