import Foundation
import RedeployTestSupport
import Testing
@testable import Workbook

/// `XMLScanner` against Foundation's `XMLParser` (the reference, `XMLReading.foundation`): on
/// every workbook fixture, on parts written by hand for each construct real writers produce,
/// on refused parts, and on generated and damaged sheets, both readers give the same cells (or
/// both refuse).
@Suite struct ScannerDifferentialTests {
    /// What reading every sheet of a workbook one way gives: its sheets, or a refusal.
    enum Outcome: Equatable, CustomStringConvertible {
        case sheets([WorkbookSheet])
        case refused(String)

        var description: String {
            switch self {
            case .sheets(let sheets): return "\(sheets.map { ($0.name, $0.rows.count, $0.rows.flatMap(\.cells)) })"
            case .refused(let message): return "refused: \(message)"
            }
        }

        var isRefused: Bool { if case .refused = self { return true } else { return false } }
    }

    static func read(_ data: Data, _ reading: XMLReading) -> Outcome {
        do {
            let reader = try WorkbookReader(data: data, file: "d.xlsx")
            reader.xmlReading = reading
            return .sheets(try reader.sheetNames.map { try reader.sheet($0) })
        } catch {
            return .refused("\(error)")
        }
    }

    /// Both readers' outcomes, which must agree: the same sheets, or both refusals.
    @discardableResult
    static func agree(_ data: Data, _ label: String, sourceLocation: SourceLocation = #_sourceLocation) -> Outcome {
        let scanned = read(data, .scanner), parsed = read(data, .foundation)
        if scanned.isRefused && parsed.isRefused { return scanned }
        #expect(scanned == parsed, "\(label):\nscanner: \(scanned)\nXMLParser: \(parsed)", sourceLocation: sourceLocation)
        return scanned
    }

    static func sheet(_ body: String, prolog: String = "", prefix: String = "") -> String {
        prolog + "<\(prefix)worksheet xmlns\(prefix.isEmpty ? "" : ":" + prefix.dropLast())=\"\(HandMadePartsTests.ns)\">"
            + "<\(prefix)sheetData>\(body)</\(prefix)sheetData></\(prefix)worksheet>"
    }

    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/workbook")

    @Test func everyWorkbookFixture() throws {
        let malformed = Self.fixtures.appendingPathComponent("malformed")
        var files = [Self.fixtures.appendingPathComponent("openpyxl.xlsx")]
        files += try FileManager.default.contentsOfDirectory(at: malformed, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "xlsx" }.sorted { $0.path < $1.path }
        #expect(files.count == 26)
        for file in files { Self.agree(try Data(contentsOf: file), file.lastPathComponent) }
        for shared in [true, false] { Self.agree(try RoundTripTests.sample(shared: shared).data(), "the writer's sample") }
    }

    /// What the writers of workbooks put in the XML of a sheet, one construct at a time.
    static let constructs: [String] = [
        "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>plain</t></is></c><c r='B1'><v>2.5</v></c></row>",
        "<row r='1'><c r='A1' t='inlineStr'><is><t xml:space='preserve'>  kept  </t></is></c></row>",
        "<row><c t=\"inlineStr\"><is><r><rPr><b/></rPr><t>Hạ </t></r><r><t>Long</t></r><rPh sb='0'><t>x</t></rPh></is></c></row>",
        "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>a &amp; b &lt; c &gt; &quot;d&quot; &apos;e&apos;</t></is></c></row>",
        "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&#65;&#x42;&#x1F600;&#10;&#13;&#9;</t></is></c></row>",
        "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t><![CDATA[<b>&amp;</b>]]>tail</t></is></c></row>",
        "<row r=\"1\"><c r=\"A1\"><!-- a comment --><v>1<!-- inside -->2</v><?pi data?></c></row>",
        "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>line\r\nbreak\rcr\ntab\t</t></is></c></row>",
        "<row r=\"1\" ><c r = \"A1\"\n\tt=\"str\" ><f>A2&amp;\"x\"</f><v>x</v></c ></row >",
        "<row r=\"1\"><c r=\"A1\"/><c r=\"B1\" s=\"0\"></c><c r=\"C1\"><v/></c><c r=\"D1\"><v></v></c></row><row r=\"3\"/>",
        "\n  <row r=\"1\">\n    <c r=\"A1\"><v> 7 </v></c>\n  </row>\n",
        "<row r=\"1\"><c r=\"A1\" t=\"b\"><v>1</v></c><c r=\"B1\" t=\"e\"><v>#N/A</v></c><c r=\"C1\" t=\"d\"><v>2024-03-05</v></c></row>",
        "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>a_x000D_b</t></is></c><c r=\"B1\" t=\"inlineStr\"><is><t></t></is></c></row>",
        "<row r=\"1\"><c xmlns:r=\"urn:r\" r=\"A1\"><v>1</v></c></row>",
        "<row r=\"1\"><c r=\"A&#49;\" t=\"inline&#83;tr\"><is><t>refs in attributes</t></is></c></row>",
        "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>  </t></is></c><c r=\"B1\" t=\"inlineStr\"><is><t>\n</t></is></c></row>",
        "<row r=\"1\"><c r=\"A1\"><f t=\"shared\" si=\"0\"/><v>3</v></c></row>",
        "<row r=\"1\"><extLst><ext uri=\"x\"><c r=\"A1\"><v>1</v></c></ext></extLst></row>",
        "<row r=\"2\"><c r=\"B2\" t=\"s\"><v>0</v></c></row><row r=\"3\"><c r=\"B3\" t=\"s\"><v>1</v></c></row>",
        // The forms the scanner reads in one pass (`quickCell`), as openpyxl and Excel write them.
        "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>K01-MN01</t></is></c><c r=\"B1\" t=\"n\"><v>18</v></c>"
            + "<c r=\"C1\" t=\"n\"><v>19.8</v></c><c r=\"D1\" s=\"1\" t=\"s\"><v>0</v></c><c r=\"E1\" s=\"2\"/></row>",
        "<row r=\"4\" spans=\"1:3\"><c r=\"A4\" t=\"b\"><v>0</v></c><c r=\"C4\" t=\"inlineStr\"><is><t></t></is></c></row>",
    ]

    @Test(arguments: constructs.indices)
    func constructsReadAlike(_ k: Int) throws {
        let strings = "<sst xmlns=\"\(HandMadePartsTests.ns)\"><si><t>one</t></si><si><r><t>two </t></r><r><t>runs</t></r></si></sst>"
        let sheets = [
            Self.sheet(Self.constructs[k]),
            Self.sheet(Self.constructs[k], prolog: "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n"),
            Self.sheet(Self.constructs[k].replacingOccurrences(of: "<", with: "<x:").replacingOccurrences(of: "<x:/", with: "</x:")
                .replacingOccurrences(of: "<x:!", with: "<!").replacingOccurrences(of: "<x:?", with: "<?"), prefix: "x:"),
        ]
        for sheet in sheets {
            let outcome = Self.agree(try HandMadePartsTests.workbook(sheet: sheet, strings: strings), sheet)
            #expect(!outcome.isRefused, "\(sheet): \(outcome)")
        }
    }

    /// XML that is not well-formed, or that no workbook holds: both refuse, or, where the XML
    /// is well-formed after all, both read the same.
    static let refused: [String] = [
        "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row",
        "<row r=\"1\"><c r=\"A1\"><v>1</c></row>",
        "<row r=\"1\"><c r=\"A1\" r=\"B1\"><v>1</v></c></row>",
        "<row r=\"1\"><c r=\"A1\"t=\"n\"><v>1</v></c></row>",
        "<row r=\"1\"><c r=A1><v>1</v></c></row>",
        "<row r=\"1\"><c r=\"A<1\"><v>1</v></c></row>",
        "<row r=\"1\"><c r=\"A1\"><v>&nbsp;</v></c></row>",
        "<row r=\"1\"><c r=\"A1\"><v>&#0;</v></c></row>",
        "<row r=\"1\"><c r=\"A1\"><v>&#xD800;</v></c></row>",
        "<row r=\"1\"><c r=\"A1\"><v>&#x110000;</v></c></row>",
        "<row r=\"1\"><c r=\"A1\"><v>&amp</v></c></row>",
        "<row r=\"1\"><c r=\"A1\"><v>a]]>b</v></c></row>",
        "<row r=\"1\"><c r=\"A1\"><v>\u{1}</v></c></row>",
        "<row r=\"1\"><c r=\"A1\"><v>\u{FFFE}</v></c></row>",
        "<row r=\"1\"><!-- a -- b --></row>",
        "<row r=\"1\"><?xml version=\"1.0\"?></row>",
        "<row r=\"1\"><![CDATA[open</row>",
        "<row r=\"1\"><!ELEMENT x ANY></row>",
        "<row r=\"1\"><1c/></row>",
        "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>unclosed</is></c></row>",
        "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row></sheetData></worksheet><extra/><worksheet><sheetData>",
        String(repeating: "<x>", count: 300) + String(repeating: "</x>", count: 300),
        String(repeating: "<x>", count: 250) + String(repeating: "</x>", count: 250),
        "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Ä</t></is></c></row>",
        "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t\u{00B7}>dot</t\u{00B7}></is></c></row>",
        "<row r=\"1\"><é r=\"1\"/></row>",
        "<row r=\"1\"><c r=\"A1\"><?pi?><v>1</v></c></row>",
        "<row r=\"1\"><c r=\"A1\" x:r=\"B1\" xmlns:x=\"urn:x\"><v>1</v></c></row>",
        "<row r=\"1\"><c xmlns:r=\"urn:r\" r=\"A1\" xmlns:x=\"urn:r\" x:t=\"n\" t=\"n\"><v>1</v></c></row>",
        "<row r=\"1\"><c r=\"A1\"\u{0}><v>1</v></c></row>",
    ]

    @Test(arguments: refused.indices)
    func refusalsAgree(_ k: Int) throws {
        Self.agree(try HandMadePartsTests.workbook(sheet: Self.sheet(Self.refused[k])), Self.refused[k])
    }

    /// An empty part, or one too short to hold an element, is refused by both (`XMLParser`
    /// once read fewer than 4 bytes as an empty sheet; found by FuzzWorkbook).
    @Test(arguments: ["", " ", "<a>", "\n\n"])
    func partsWithoutAnElement(_ part: String) throws {
        let data = try HandMadePartsTests.workbook(sheet: part)
        #expect(Self.read(data, .scanner).isRefused)
        #expect(Self.read(data, .foundation).isRefused)
    }

    /// Past `XMLScanner.maxDepth` the scanner refuses what `XMLParser` reads: its one difference.
    @Test func nestingPastTheBound() throws {
        let deep = String(repeating: "<x>", count: 10_001) + String(repeating: "</x>", count: 10_001)
        let data = try HandMadePartsTests.workbook(sheet: Self.sheet(deep))
        #expect(Self.read(data, .foundation) == .sheets([WorkbookSheet(name: "Data", rows: [])]))
        guard case .refused(let message) = Self.read(data, .scanner) else { Issue.record("read"); return }
        #expect(message.hasSuffix("is not well-formed XML (it nests elements more than 10000 deep)"), "\(message)")
    }

    /// Prologs: declarations the scanner reads, and those it leaves to `XMLParser`.
    @Test(arguments: [
        "<?xml version=\"1.0\"?>", "<?xml version='1.0' encoding='utf-8'?>", "\u{FEFF}<?xml version=\"1.0\"?>",
        "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>", "<?xml encoding=\"UTF-8\"?>", "<?xml version=\"2.0\"?>",
        "<?xml version=\"1.0\" standalone=\"maybe\"?>", " <?xml version=\"1.0\"?>", "<!-- first -->", "<?pi?>\n",
        "<?xml version=\"1.0\"", "<?xml-stylesheet href=\"a\"?>", "text", "<?XML version=\"1.0\"?>",
    ])
    func prologsAgree(_ prolog: String) throws {
        let body = "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>"
        Self.agree(try HandMadePartsTests.workbook(sheet: Self.sheet(body, prolog: prolog)), prolog)
    }

    /// Sheets made at random from the constructs above, each read whole, then damaged a byte at
    /// a time (a byte dropped, doubled or replaced by markup): the same cells, or both refuse.
    @Test func generatedAndDamagedSheets() throws {
        var random = SplitMix64(seed: 17)
        let markup: [String] = ["<", ">", "&", "\"", "'", "/", "]]>", "<!--", "-->", "=", " ", "\r", "x:", "&amp;", "<![CDATA["]
        for round in 0..<60 {
            let rows = (0..<Int.random(in: 1...6, using: &random)).map { _ in Self.constructs.randomElement(using: &random)! }
            let sheet = Array(Self.sheet(rows.joined()).utf8)
            Self.agree(try HandMadePartsTests.workbook(sheet: String(decoding: sheet, as: UTF8.self)), "round \(round)")
            for _ in 0..<15 {
                var damaged = sheet
                let k = Int.random(in: 0..<damaged.count, using: &random)
                switch Int.random(in: 0..<3, using: &random) {
                case 0: damaged.remove(at: k)
                case 1: damaged.insert(damaged[k], at: k)
                default: damaged.replaceSubrange(k...k, with: Array(markup.randomElement(using: &random)!.utf8))
                }
                let data = try WorkbookWriter.zip([
                    ("xl/workbook.xml", Data(("<workbook xmlns=\"\(HandMadePartsTests.ns)\" xmlns:r=\"\(HandMadePartsTests.rel)\">"
                        + "<sheets><sheet name=\"Data\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>").utf8)),
                    ("xl/_rels/workbook.xml.rels", Data(("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                        + "<Relationship Id=\"rId1\" Type=\"\(HandMadePartsTests.rel)/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                        + "</Relationships>").utf8)),
                    ("xl/worksheets/sheet1.xml", Data(damaged)),
                ])
                Self.agree(data, "round \(round), damaged: \(String(decoding: damaged, as: UTF8.self))")
            }
        }
    }

    /// The scanner's own message for XML that is not well-formed names the part and its line.
    @Test func refusalsNameThePartAndLine() throws {
        let sheet = Self.sheet("<row r=\"1\">\n<c r=\"A1\"><v>&nbsp;</v></c></row>")
        let reader = try WorkbookReader(data: HandMadePartsTests.workbook(sheet: sheet), file: "m.xlsx")
        let error = try #require(throws: WorkbookError.self) { try reader.sheet("Data") }
        #expect(error.description.hasPrefix("m.xlsx:Data: xl/worksheets/sheet1.xml, line 2, is not well-formed XML (it has '&nbsp;'"),
                "\(error)")
    }
}
