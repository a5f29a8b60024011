import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Foundation's `XMLParser` behind three closures, so each part's reader is a small state
/// machine fed element by element (SAX): no tree of a part is ever built. Element and attribute
/// names come without their namespace prefix (`x:row` is `row`, `r:id` is `id`), since writers
/// differ in the prefixes they choose.
final class XMLEvents: NSObject, XMLParserDelegate {
    typealias Start = (_ name: String, _ attributes: [String: String]) throws -> Void
    typealias End = (_ name: String) throws -> Void
    typealias Text = (_ text: String) -> Void

    private let start: Start
    private let end: End
    private let text: Text
    /// The first error a closure threw; parsing stops at it.
    private(set) var thrown: Error?
    /// The first error in the XML itself, and its line. On Linux `XMLParser` runs libxml2 in
    /// recovery mode and `parse()` may return true after one: a tag closed by another name, an
    /// attribute written twice, CDATA left open, text after the root, or nesting past libxml2's
    /// bound once gave the cells read so far, or none, without a word. Any such error refuses
    /// the part, as the scanner does; warnings and namespace errors do not (no reader here uses
    /// namespaces).
    private(set) var error: (error: Error, line: Int)?

    private init(start: @escaping Start, end: @escaping End, text: @escaping Text) {
        self.start = start
        self.end = end
        self.text = text
    }

    /// Parses `data`, calling the closures in document order. Throws what a closure threw, or
    /// `malformed(line, message)` when the XML itself is not well-formed (`checkText` first).
    static func parse(_ data: Data, start: @escaping Start, end: @escaping End = { _ in },
                      text: @escaping Text = { _ in }) throws {
        try checkText(data)
        if let line = bareInstructionLine(data) { throw Malformed(line: line, message: bareInstruction) }
        // `XMLParser` reads fewer than 4 bytes as a document without events, and says yes
        // (found by FuzzWorkbook: an empty sheet part read as an empty sheet); the shortest
        // document, `<a/>`, has 4.
        if data.count < 4 { throw Malformed(line: 1, message: "is not well-formed XML (it has no root element)") }
        let events = XMLEvents(start: start, end: end, text: text)
        let parser = XMLParser(data: data)
        // Prefixes are dropped by hand (`localName`): processing namespaces costs Foundation's
        // parser a third more time, and no reader here needs the namespace itself.
        parser.shouldProcessNamespaces = false
        parser.shouldReportNamespacePrefixes = false
        parser.shouldResolveExternalEntities = false
        parser.delegate = events
        let ok = parser.parse()
        if let thrown = events.thrown { throw thrown }
        if !ok || events.error != nil {
            let error = events.error?.error ?? parser.parserError
            let message = error.map { ($0 as NSError).localizedDescription } ?? "not well-formed XML"
            throw Malformed(line: events.error?.line ?? parser.lineNumber, message: "is not well-formed XML (\(message))")
        }
    }

    /// Parses `data` into `handler`, which hears only the elements and attributes it knows
    /// (`PartEvents`): the reference `XMLScanner` is tested against.
    static func parse<H: PartHandler>(_ data: Data, into handler: inout H) throws {
        let box = Box(handler)
        try parse(data, start: { name, attributes in
            var known = PartAttributes()
            for (key, value) in attributes { known.set(key, value) }
            try box.handler.start(PartElement(name), known)
        }, end: { name in
            try box.handler.end(PartElement(name))
        }, text: { text in
            box.handler.text(text)
        })
        handler = box.handler
    }

    /// The handler, shared by the closures `XMLParser`'s delegate keeps.
    private final class Box<H> {
        var handler: H
        init(_ handler: H) { self.handler = handler }
    }

    /// What every part must pass before either reader sees it: UTF-8 text (Foundation's parser
    /// traps on names that are not), and no document type declaration (no part of a workbook
    /// has one, and entities it declares could expand without bound).
    static func checkText(_ data: Data) throws {
        if let line = invalidUTF8Line(data) {
            throw Malformed(line: line, message: "is not UTF-8 text")
        }
        if let line = doctypeLine(data) {
            throw Malformed(line: line, message: "holds a document type declaration (<!DOCTYPE), which no workbook part has")
        }
    }

    /// The message for two attributes of one local name in a tag.
    static func twice(_ local: String) -> String {
        "is not well-formed XML (it has the attribute '\(local)' twice in a tag)"
    }

    /// Foundation's parser crashes (a null pointer) on a processing instruction without data,
    /// `<?pi?>`, inside an element: no workbook part has one, so both readers refuse it anywhere.
    static let bareInstruction = "holds a processing instruction without data (<?target?>), which no workbook part has"

    /// The line of the first `<?target?>`, if any; for the parts `XMLParser` reads.
    static func bareInstructionLine(_ data: Data) -> Int? {
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Int? in
            let bytes = raw.bindMemory(to: UInt8.self)
            var k = 0
            while k + 1 < bytes.count {
                if bytes[k] == UInt8(ascii: "<"), bytes[k + 1] == UInt8(ascii: "?") {
                    var j = k + 2
                    while j < bytes.count, bytes[j] != UInt8(ascii: "?"), bytes[j] > 0x20, bytes[j] != UInt8(ascii: "<") { j += 1 }
                    if j > k + 2, j + 1 < bytes.count, bytes[j] == UInt8(ascii: "?"), bytes[j + 1] == UInt8(ascii: ">") {
                        return 1 + bytes[..<k].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
                    }
                }
                k += 1
            }
            return nil
        }
    }

    /// The XML is not well-formed: at which line of the part, and what the parser said.
    struct Malformed: Error {
        var line: Int
        var message: String
    }

    /// The line of the first byte that is not UTF-8, if any. Foundation's parser traps on names
    /// that are not UTF-8, so a part must be checked first; every workbook writer writes UTF-8
    /// (a part in UTF-16, with its byte-order mark, is left to the parser).
    private static func invalidUTF8Line(_ data: Data) -> Int? {
        if data.count >= 2, data.first == 0xFF || data.first == 0xFE { return nil }
        if data.withUnsafeBytes({ UTF8Check.isValid($0.bindMemory(to: UInt8.self)) }) { return nil }
        var iterator = data.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        var line = 1
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar):
                if scalar.count == 1, scalar.first == 0x0A { line += 1 }
            case .emptyInput:
                return nil
            case .error:
                return line
            }
        }
    }

    /// The line of `<!DOCTYPE` if the part has one. A declaration can only come before the
    /// root element, so the scan stops at the first element (skipping comments).
    private static func doctypeLine(_ data: Data) -> Int? {
        let doctype = Array("DOCTYPE".utf8), lt = UInt8(ascii: "<"), bang = UInt8(ascii: "!"), dash = UInt8(ascii: "-")
        return data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Int? in
            let bytes = raw.bindMemory(to: UInt8.self)
            let n = bytes.count
            var line = 1, i = 0
            while i < n {
                let byte = bytes[i]
                if byte == 0x0A { line += 1 }
                guard byte == lt, i + 1 < n else { i += 1; continue }
                let next = bytes[i + 1]
                if next == bang, i + 3 < n, bytes[i + 2] == dash, bytes[i + 3] == dash {
                    // A comment: skip to its end.
                    i += 4
                    while i + 2 < n, !(bytes[i] == dash && bytes[i + 1] == dash && bytes[i + 2] == UInt8(ascii: ">")) {
                        if bytes[i] == 0x0A { line += 1 }
                        i += 1
                    }
                    i += 3
                    continue
                }
                if next == bang, i + 2 + doctype.count <= n,
                   zip(doctype, bytes[(i + 2)..<(i + 2 + doctype.count)]).allSatisfy({ $0 == ($1 & 0xDF) }) {
                    return line
                }
                if next != bang, next != UInt8(ascii: "?") { return nil }  // the root element
                i += 1
            }
            return nil
        }
    }

    static func localName(_ name: String) -> String {
        guard name.utf8.contains(UInt8(ascii: ":")), let colon = name.lastIndex(of: ":") else { return name }
        return String(name[name.index(after: colon)...])
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        guard thrown == nil else { return }
        var attributes = attributeDict
        if attributeDict.keys.contains(where: { $0.utf8.contains(UInt8(ascii: ":")) }) {
            // Namespace declarations are no attributes of the element: `xmlns:r` must not
            // become an `r` beside a cell's own `r`.
            // Two attributes of one local name (`r` and `x:r`) would leave the value to the
            // dictionary's order: refused, as the scanner refuses them.
            attributes = [:]
            for (key, value) in attributeDict where !key.hasPrefix("xmlns:") {
                let local = Self.localName(key)
                guard attributes.updateValue(value, forKey: local) == nil else {
                    return fail(parser, Malformed(line: parser.lineNumber, message: Self.twice(local)))
                }
            }
        }
        do { try start(Self.localName(elementName), attributes) } catch { fail(parser, error) }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?) {
        guard thrown == nil else { return }
        do { try end(Self.localName(elementName)) } catch { fail(parser, error) }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard thrown == nil else { return }
        text(string)
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        guard thrown == nil else { return }
        text(String(decoding: CDATABlock, as: UTF8.self))
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        guard error == nil, Self.refuses((parseError as NSError).code) else { return }
        error = (parseError, parser.lineNumber)
    }

    /// Whether a libxml2 error code (`xmlParserErrors`) makes the XML not well-formed: not a
    /// warning (`XML_WAR_*`) and not a namespace error (`XML_NS_ERR_*`, 200 to 299).
    static func refuses(_ code: Int) -> Bool {
        let warnings: Set<Int> = [27, 94, 95, 96, 97, 98, 99, 100, 101, 102, 106, 107, 108, 109]
        return !warnings.contains(code) && !(200..<300).contains(code)
    }

    private func fail(_ parser: XMLParser, _ error: Error) {
        thrown = error
        parser.abortParsing()
    }
}
