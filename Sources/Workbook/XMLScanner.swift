import Foundation

/// A scanner of the XML of worksheets and shared strings, on the bytes of the part, feeding a
/// `PartHandler` as `XMLEvents` (Foundation's `XMLParser`) does, about ten times faster: it
/// makes no string of a name, of an attribute the readers never ask for, or of text they do not
/// keep, and no dictionary per element.
///
/// Its grammar is XML 1.0 without a document type declaration (refused before, by
/// `XMLEvents.checkText`), in UTF-8: an optional byte-order mark and XML declaration; elements
/// with namespace prefixes (`x:row` is `row`); attributes in either quotes, their white space
/// normalised to spaces; self-closing tags; the five named entities and numeric character
/// references; CDATA; comments and processing instructions (skipped); `\r\n` and `\r` read as
/// `\n`. Anything else is refused as XML that is not well-formed, with the part's line, as
/// `XMLParser` refuses it: an unknown entity, a character XML cannot hold, `]]>` or `<` where
/// it may not be, a tag left open or closed by another name, an attribute twice, text outside
/// the root element, nesting deeper than `maxDepth`, and `<?target?>` without data
/// (on which Foundation's parser crashes). Parts it does not read at all are decided
/// before the first event (`reads`), and go to `XMLParser`.
struct XMLScanner {
    /// The deepest nesting read, which bounds the memory of the open elements: a worksheet nests
    /// six deep. `XMLParser` has no bound here; past it the two readers differ, on purpose.
    static let maxDepth = 10_000

    let bytes: UnsafeBufferPointer<UInt8>
    var at = 0
    /// The open elements, innermost last: each name's bytes, for its end tag, and what it is.
    private(set) var open: [(name: Range<Int>, element: PartElement)] = []
    /// The local names of the attributes of the tag being read (namespace declarations whole),
    /// to refuse one written twice.
    private var seen: [Range<Int>] = []
    /// Bytes of text whose references or line ends are being decoded.
    var scratch: [UInt8] = []

    private init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// Scans `data`, calling `handler` in document order; throws `XMLEvents.Malformed` for XML
    /// that is not well-formed, or what the handler threw.
    static func scan<H: PartHandler>(_ data: Data, into handler: inout H) throws {
        try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            var scanner = XMLScanner(raw.bindMemory(to: UInt8.self))
            try scanner.document(&handler)
        }
    }

    /// Whether the scanner reads `data`: UTF-8 (no UTF-16 byte-order mark, no other encoding
    /// declared) with no XML declaration or one it can parse.
    static func reads(_ data: Data) -> Bool {
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            var scanner = XMLScanner(raw.bindMemory(to: UInt8.self))
            return scanner.declaration()
        }
    }

    // MARK: The document

    private mutating func document<H: PartHandler>(_ handler: inout H) throws {
        guard declaration() else { throw fail("has an XML declaration this reader does not read") }
        try misc()
        guard at < bytes.count else { throw fail("has no root element") }
        guard bytes[at] == .lt else { throw fail("has text before its root element") }
        try startTag(&handler)
        if !open.isEmpty { try content(&handler) }
        try misc()
        guard at == bytes.count else { throw fail("has something after its root element") }
    }

    /// Skips the byte-order mark and the XML declaration; false when the declaration is not one
    /// this reader reads (then `XMLParser` reads the part, or refuses it).
    private mutating func declaration() -> Bool {
        let n = bytes.count
        if n >= 2, bytes[0] == 0xFF || bytes[0] == 0xFE { return false }
        if n >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { at = 3 }
        guard starts("<?xml"), at + 5 < n, bytes[at + 5].isSpace else { return true }
        at += 5
        var names: [String] = []
        while true {
            let spaced = skipSpaces()
            if starts("?>") { at += 2; break }
            guard spaced, at < n, let name = try? name() else { return false }
            skipSpaces()
            guard at < n, bytes[at] == .equals else { return false }
            at += 1
            skipSpaces()
            guard at < n, bytes[at] == .quote || bytes[at] == .apostrophe else { return false }
            let quote = bytes[at]
            let start = at + 1
            guard let end = (start..<n).first(where: { bytes[$0] == quote }) else { return false }
            at = end + 1
            let key = String(decoding: bytes[name], as: UTF8.self)
            let value = String(decoding: bytes[start..<end], as: UTF8.self)
            switch key {
            case "version" where names.isEmpty:
                guard value.hasPrefix("1."), value.count > 2, value.utf8.dropFirst(2).allSatisfy({ (0x30...0x39).contains($0) }) else { return false }
            case "encoding" where names == ["version"]:
                guard ["utf-8", "utf8"].contains(value.lowercased()) else { return false }
            case "standalone" where names.first == "version" && !names.contains("standalone"):
                guard value == "yes" || value == "no" else { return false }
            default:
                return false
            }
            names.append(key)
        }
        return names.first == "version"
    }

    /// Comments, processing instructions and white space, before or after the root element.
    private mutating func misc() throws {
        while true {
            skipSpaces()
            if starts("<!--") {
                try comment()
            } else if starts("<?") {
                try instruction()
            } else {
                return
            }
        }
    }

    /// Everything inside the root element, up to and with its end tag.
    private mutating func content<H: PartHandler>(_ handler: inout H) throws {
        let n = bytes.count
        while at < n {
            guard bytes[at] == .lt else {
                try text(&handler)
                continue
            }
            guard at + 1 < n else { break }
            switch bytes[at + 1] {
            case .slash:
                try endTag(&handler)
                if open.isEmpty { return }
            case .bang:
                if starts("<!--") {
                    try comment()
                } else if starts("<![CDATA[") {
                    try cdata(&handler)
                } else {
                    throw fail("has '<!' that starts neither a comment nor CDATA")
                }
            case .question:
                try instruction()
            case UInt8(ascii: "c"):
                if try !quickCell(&handler) { try startTag(&handler) }
            default:
                try startTag(&handler)
            }
        }
        throw fail("ends inside element <\(String(decoding: bytes[open.last!.name], as: UTF8.self))>")
    }

    // MARK: Tags

    private mutating func startTag<H: PartHandler>(_ handler: inout H) throws {
        at += 1
        let name = try self.name()
        let element = PartElement(bytes, local: Self.localName(bytes, name))
        var attributes = PartAttributes()
        seen.removeAll(keepingCapacity: true)
        let n = bytes.count
        while true {
            let spaced = skipSpaces()
            guard at < n else { throw fail("ends inside a tag") }
            switch bytes[at] {
            case .gt:
                at += 1
                guard open.count < Self.maxDepth else { throw fail("nests elements more than \(Self.maxDepth) deep") }
                open.append((name, element))
                try handler.start(element, attributes)
                return
            case .slash:
                guard at + 1 < n, bytes[at + 1] == .gt else { throw fail("has '/' inside a tag") }
                at += 2
                guard open.count < Self.maxDepth else { throw fail("nests elements more than \(Self.maxDepth) deep") }
                try handler.start(element, attributes)
                try handler.end(element)
                return
            default:
                guard spaced else { throw fail("has attributes not separated by white space") }
                try attribute(into: &attributes)
            }
        }
    }

    private mutating func attribute(into attributes: inout PartAttributes) throws {
        let name = try self.name()
        // Namespace declarations are no attributes of the element: `xmlns:r` is not a cell's `r`.
        let declaration = name.count > 6 && bytes[name.prefix(6)].elementsEqual("xmlns:".utf8)
        let local = declaration ? name : Self.localName(bytes, name)
        // The same name twice, or one local name twice (`r` and `x:r`), whose value would
        // otherwise depend on the order: refused.
        for other in seen where same(other, local) {
            throw XMLEvents.Malformed(line: line, message: XMLEvents.twice(String(decoding: bytes[local], as: UTF8.self)))
        }
        seen.append(local)
        skipSpaces()
        guard at < bytes.count, bytes[at] == .equals else { throw fail("has an attribute without a value") }
        at += 1
        skipSpaces()
        guard at < bytes.count, bytes[at] == .quote || bytes[at] == .apostrophe else {
            throw fail("has an attribute value not in quotes")
        }
        let quote = bytes[at]
        at += 1
        let start = at
        var plain = true
        while true {
            guard at < bytes.count else { throw fail("ends inside an attribute value") }
            let byte = bytes[at]
            if byte == quote { break }
            switch byte {
            case .lt:
                throw fail("has '<' in an attribute value")
            case .ampersand:
                plain = false
                at = try reference()
            case .tab, .lf, .cr:
                plain = false
                at += 1
            default:
                if byte < 0x20 || byte == 0xEF { try checkCharacter() }
                at += 1
            }
        }
        let value = start..<at
        at += 1
        guard !declaration, let key = PartAttributes.Key(bytes, local) else { return }
        attributes[key] = plain ? String(decoding: bytes[value], as: UTF8.self) : decoded(value, .attribute)
    }

    private mutating func endTag<H: PartHandler>(_ handler: inout H) throws {
        at += 2
        let name = try self.name()
        skipSpaces()
        guard at < bytes.count, bytes[at] == .gt else { throw fail("has an end tag without '>'") }
        at += 1
        guard let top = open.popLast() else { throw fail("has an end tag with no start tag") }
        guard same(top.name, name) else {
            throw fail("closes <\(String(decoding: bytes[top.name], as: UTF8.self))> with "
                       + "</\(String(decoding: bytes[name], as: UTF8.self))>")
        }
        try handler.end(top.element)
    }

    /// The part of a name after its prefix: `row` of `x:row`.
    static func localName(_ bytes: UnsafeBufferPointer<UInt8>, _ name: Range<Int>) -> Range<Int> {
        var k = name.upperBound
        while k > name.lowerBound, bytes[k - 1] != .colon { k -= 1 }
        return k..<name.upperBound
    }

    // MARK: Text, CDATA, comments, instructions

    private mutating func text<H: PartHandler>(_ handler: inout H) throws {
        let start = at
        var plain = true
        let n = bytes.count
        while at < n {
            let byte = bytes[at]
            switch byte {
            case .lt:
                return emit(start, plain, .text, &handler)
            case .ampersand:
                plain = false
                at = try reference()
            case .cr:
                plain = false
                at += 1
            case .rightBracket:
                if at + 2 < n, bytes[at + 1] == .rightBracket, bytes[at + 2] == .gt { throw fail("has ']]>' in text") }
                at += 1
            default:
                if byte < 0x20 || byte == 0xEF { try checkCharacter() }
                at += 1
            }
        }
        emit(start, plain, .text, &handler)
    }

    private mutating func emit<H: PartHandler>(_ start: Int, _ plain: Bool, _ kind: Decoding, _ handler: inout H) {
        guard handler.wantsText, at > start else { return }
        handler.text(plain ? String(decoding: bytes[start..<at], as: UTF8.self) : decoded(start..<at, kind))
    }

    private mutating func cdata<H: PartHandler>(_ handler: inout H) throws {
        at += 9
        let start = at
        var plain = true
        while true {
            guard at + 2 < bytes.count else { throw fail("ends inside CDATA") }
            if bytes[at] == .rightBracket, bytes[at + 1] == .rightBracket, bytes[at + 2] == .gt { break }
            if bytes[at] == .cr { plain = false }
            try checkCharacter()
            at += 1
        }
        emit(start, plain, .cdata, &handler)
        at += 3
    }

    private mutating func comment() throws {
        at += 4
        while true {
            guard at + 2 < bytes.count else { throw fail("ends inside a comment") }
            if bytes[at] == .dash, bytes[at + 1] == .dash {
                guard bytes[at + 2] == .gt else { throw fail("has '--' inside a comment") }
                at += 3
                return
            }
            try checkCharacter()
            at += 1
        }
    }

    private mutating func instruction() throws {
        at += 2
        let target = try name()
        if target.count == 3, String(decoding: bytes[target], as: UTF8.self).lowercased() == "xml" {
            throw fail("has an XML declaration that is not at its start")
        }
        if starts("?>") { throw XMLEvents.Malformed(line: line, message: XMLEvents.bareInstruction) }
        guard skipSpaces() else { throw fail("has a processing instruction whose target is not followed by white space") }
        while true {
            guard at + 1 < bytes.count else { throw fail("ends inside a processing instruction") }
            if bytes[at] == .question, bytes[at + 1] == .gt { at += 2; return }
            try checkCharacter()
            at += 1
        }
    }

    // MARK: Small steps

    /// Whether two runs of the part hold the same bytes.
    func same(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
        guard a.count == b.count else { return false }
        for k in 0..<a.count where bytes[a.lowerBound + k] != bytes[b.lowerBound + k] { return false }
        return true
    }

    /// Whether the bytes at the cursor are `text`.
    func starts(_ text: StaticString) -> Bool {
        follows(at, text)
    }

    /// Whether the bytes at `k` are `text`.
    @inline(__always)
    func follows(_ k: Int, _ text: StaticString) -> Bool {
        let count = text.utf8CodeUnitCount
        guard k + count <= bytes.count else { return false }
        let pattern = UnsafeBufferPointer(start: text.utf8Start, count: count)
        for i in 0..<count where bytes[k + i] != pattern[i] { return false }
        return true
    }

    /// Skips white space; whether there was any.
    @discardableResult
    mutating func skipSpaces() -> Bool {
        let start = at
        while at < bytes.count, bytes[at].isSpace { at += 1 }
        return at > start
    }

    /// Not well-formed, at the cursor's line.
    func fail(_ message: String) -> XMLEvents.Malformed {
        XMLEvents.Malformed(line: line, message: "is not well-formed XML (it \(message))")
    }

    /// The line of the cursor, from 1.
    var line: Int {
        var count = 1
        for k in 0..<min(at, bytes.count) where bytes[k] == .lf { count += 1 }
        return count
    }
}
