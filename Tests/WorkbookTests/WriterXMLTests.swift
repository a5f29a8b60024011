import Foundation
import Testing
@testable import Workbook

/// The bytes the writer puts in a worksheet and in sharedStrings.xml: references only after a
/// gap, and shared strings told apart by their bytes.
@Suite struct WriterXMLTests {
    static func part(_ writer: WorkbookWriter, _ path: String) throws -> String {
        let parts = try writer.parts()
        let data = try #require(parts.first { $0.0 == path }?.1)
        return String(decoding: data, as: UTF8.self)
    }

    static func writer(_ sheets: [WorkbookWriter.Sheet], _ references: WorkbookWriter.References) -> WorkbookWriter {
        var writer = WorkbookWriter(sheets: sheets)
        writer.references = references
        return writer
    }

    static func compact(_ sheets: [WorkbookWriter.Sheet]) -> WorkbookWriter {
        writer(sheets, .afterGaps)
    }

    static func sheetData(_ xml: String) throws -> String {
        let start = try #require(xml.range(of: "<sheetData>")), end = try #require(xml.range(of: "</sheetData>"))
        return String(xml[start.upperBound..<end.lowerBound])
    }

    /// A row right after the last row written and a cell right after the last cell of its row
    /// carry no `r`; after an empty row, an empty cell or a row taken back (no cell), they do.
    @Test func referencesOnlyAfterAGap() throws {
        let sheet = WorkbookWriter.Sheet(name: "S", rows: [
            [.number(1), .number(2), .number(3)],
            [.empty, .number(4), .empty, .number(5)],
            [],
            [.number(6), WorkbookWriter.Cell(.empty, style: .init(bold: true)), .number(7)],
            [.empty],
            [.empty, .empty, .text("x")],
        ])
        let xml = try Self.sheetData(Self.part(Self.compact([sheet]),
                                               "xl/worksheets/sheet1.xml"))
        #expect(xml == "<row><c><v>1</v></c><c><v>2</v></c><c><v>3</v></c></row>"
            + "<row><c r=\"B2\"><v>4</v></c><c r=\"D2\"><v>5</v></c></row>"
            + "<row r=\"4\"><c><v>6</v></c><c s=\"1\"/><c><v>7</v></c></row>"
            + "<row r=\"6\"><c r=\"C6\" t=\"s\"><v>0</v></c></row>")
        // By default every row and cell is named, as Excel writes them.
        let all = try Self.sheetData(Self.part(WorkbookWriter(sheets: [sheet]), "xl/worksheets/sheet1.xml"))
        #expect(all.hasPrefix("<row r=\"1\"><c r=\"A1\"><v>1</v></c><c r=\"B1\"><v>2</v></c>"))
        #expect(all.hasSuffix("<row r=\"4\"><c r=\"A4\"><v>6</v></c><c r=\"B4\" s=\"1\"/><c r=\"C4\"><v>7</v></c></row>"
            + "<row r=\"6\"><c r=\"C6\" t=\"s\"><v>0</v></c></row>"))
    }

    /// What the reader makes of it: every cell where it was written, either way.
    @Test(arguments: [WorkbookWriter.References.all, .afterGaps])
    func gapsReadBackInPlace(references: WorkbookWriter.References) throws {
        var rows: [[WorkbookWriter.Cell]] = []
        var expected: [String: CellValue] = [:]
        var random = UInt64(17)
        func draw() -> UInt64 {
            random = random &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return random >> 60
        }
        for r in 1...60 {
            guard draw() >= 2 else {  // one row in eight left empty
                rows.append([])
                continue
            }
            var row: [WorkbookWriter.Cell] = []
            for c in 1...30 {
                if draw() < 4 {  // one cell in four left empty
                    row.append(.empty)
                } else {
                    let value = Double(r * 100 + c)
                    row.append(.number(value))
                    expected[CellReference(row: r, column: c)!.description] = .number(value)
                }
            }
            rows.append(row)
        }
        #expect(rows.filter(\.isEmpty).count > 3)
        let data = try Self.writer([.init(name: "S", rows: rows)], references).data()
        // Both readers: XMLParser never takes the scanner's quick path for cells.
        for reading in [XMLReading.scanner, .foundation] {
            var reader = try WorkbookReader(data: data, file: "t.xlsx")
            reader.xmlReading = reading
            let read = RoundTripTests.cells(try reader.sheet("S"))
            #expect(read.count == expected.count, "\(reading)")
            #expect(read == expected, "\(reading)")
        }
    }

    /// Canonically equal texts with different bytes are two strings; equal bytes are one. The
    /// table keeps first-use order and counts every use.
    @Test func sharedStringsByBytes() throws {
        let precomposed = "Nguy\u{1EC5}n", decomposed = "Nguy\u{00EA}\u{0303}n"
        // Swift's == calls these equal (canonical equivalence): why the table keys by bytes.
        let sheet = WorkbookWriter.Sheet(name: "S", rows: [
            [.text(precomposed), .text(decomposed), .text(precomposed)], [.text("b"), .text(""), .text("b")],
        ])
        let xml = try Self.part(WorkbookWriter(sheets: [sheet]), "xl/sharedStrings.xml")
        #expect(xml.hasSuffix("count=\"6\" uniqueCount=\"4\"><si><t>\(precomposed)</t></si><si><t>\(decomposed)</t></si>"
            + "<si><t>b</t></si><si><t></t></si></sst>"))
        let cells = try Self.sheetData(Self.part(Self.compact([sheet]),
                                                 "xl/worksheets/sheet1.xml"))
        #expect(cells == "<row><c t=\"s\"><v>0</v></c><c t=\"s\"><v>1</v></c><c t=\"s\"><v>0</v></c></row>"
            + "<row><c t=\"s\"><v>2</v></c><c t=\"s\"><v>3</v></c><c t=\"s\"><v>2</v></c></row>")
    }

    /// Texts copied as bytes and texts escaped give exactly what `textElement` writes.
    @Test func sharedStringElementsAreTextElements() throws {
        let texts = ["plain", " lead", "trail ", "a&b", "<x>", "u_x0041_", "under_score", "tab\there", "cr\rlf\n",
                     "\u{00A0}nbsp", "nbsp\u{00A0}", "Hạ Long", "ễ", "", "\u{1}", "a\"b'c", "x", "Cẩm Phả "]
        var table = SharedStringTable()
        for text in texts + texts { _ = table.index(text) }
        #expect(table.count == texts.count)
        #expect(table.uses == 2 * texts.count)
        let expected = texts.map { "<si>" + WorkbookParts.textElement($0) + "</si>" }.joined()
        #expect(String(decoding: table.elements(WorkbookParts.textElement), as: UTF8.self) == expected)
    }

    /// Enough texts to grow the table several times: each keeps its index.
    @Test func sharedStringTableGrows() {
        var table = SharedStringTable()
        for k in 0..<5_000 { #expect(table.index("Trường số \(k)") == k) }
        for k in stride(from: 4_999, through: 0, by: -7) { #expect(table.index("Trường số \(k)") == k) }
        #expect(table.count == 5_000)
    }

    /// The sheet buffer: grown from a small start, numbers in decimal as `String` writes them,
    /// a row taken back, and the bytes handed over whole.
    @Test func byteBuffer() {
        var buffer = ByteBuffer(capacity: 4)
        var expected: [UInt8] = []
        for value: UInt64 in [0, 7, 10, 99, 100, 65_535, 1_000_000_007, UInt64.max] {
            buffer.decimal(value)
            buffer.append(",")
            expected += Array("\(value),".utf8)
        }
        let mark = buffer.count
        buffer.append("Trường")
        buffer.truncate(to: mark)
        buffer.append([0x41, 0x42])
        expected += [0x41, 0x42]
        #expect(buffer.count == expected.count)
        #expect(buffer.data() == Data(expected))
        #expect(buffer.count == 0)
        buffer.append("x")
        #expect(buffer.data() == Data("x".utf8))
    }
}
