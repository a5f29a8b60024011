/// The character-level rules of `XMLScanner`: names, references, the characters XML may hold,
/// and the decoding of text and attribute values.
extension XMLScanner {
    /// How a run of bytes becomes text: in content, references are decoded and line ends read
    /// as `\n`; in an attribute value, white space is also read as a space (XML 1.0, 3.3.3);
    /// in CDATA, only line ends change.
    enum Decoding { case text, attribute, cdata }

    /// A name at the cursor (an element's, an attribute's, an instruction's target), advancing
    /// past it. ASCII is checked byte by byte, other characters by XML 1.0's ranges.
    mutating func name() throws -> Range<Int> {
        let start = at
        let n = bytes.count
        while at < n {
            let byte = bytes[at]
            if byte < 0x80 {
                guard byte.isNameByte, at > start || !byte.isDigitDotOrDash else { break }
                at += 1
            } else {
                let (scalar, length) = scalar(at)
                guard at > start ? Self.isNameCharacter(scalar) : Self.isNameStart(scalar) else { break }
                at += length
            }
        }
        guard at > start else { throw fail("has no name where one belongs") }
        return start..<at
    }

    /// The scalar of the (valid: `XMLEvents.checkText`) UTF-8 sequence at `k`, and its length.
    func scalar(_ k: Int) -> (UInt32, Int) {
        let lead = UInt32(bytes[k])
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        guard k + length <= bytes.count else { return (0, 1) }
        var value = lead & (0xFF >> (length + 1))
        for i in 1..<length { value = value << 6 | UInt32(bytes[k + i] & 0x3F) }
        return (value, length)
    }

    static func isNameStart(_ c: UInt32) -> Bool {
        switch c {
        case 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x2FF, 0x370...0x37D, 0x37F...0x1FFF, 0x200C...0x200D,
             0x2070...0x218F, 0x2C00...0x2FEF, 0x3001...0xD7FF, 0xF900...0xFDCF, 0xFDF0...0xFFFD, 0x10000...0xEFFFF:
            return true
        default:
            return false
        }
    }

    static func isNameCharacter(_ c: UInt32) -> Bool {
        isNameStart(c) || c == 0xB7 || (0x300...0x36F).contains(c) || (0x203F...0x2040).contains(c)
    }

    /// Refuses a character XML cannot hold at the cursor: a control character other than tab,
    /// line feed and carriage return, or U+FFFE and U+FFFF.
    func checkCharacter() throws {
        let byte = bytes[at]
        if byte < 0x20, byte != .tab, byte != .lf, byte != .cr {
            throw fail("holds the control character \(byte), which XML cannot hold")
        }
        if byte == 0xEF, at + 2 < bytes.count, bytes[at + 1] == 0xBF, bytes[at + 2] >= 0xBE {
            throw fail("holds the character U+FFF\(bytes[at + 2] == 0xBE ? "E" : "F"), which XML cannot hold")
        }
    }

    /// Checks the reference at the cursor (`&amp;`, `&#38;`, `&#x26;`); returns where it ends.
    func reference() throws -> Int {
        guard let (_, end) = Self.reference(bytes, at) else {
            let stop = bytes[at...].prefix(12).firstIndex(of: .semicolon).map { $0 + 1 } ?? min(at + 12, bytes.count)
            throw fail("has '\(String(decoding: bytes[at..<stop], as: UTF8.self))', which is no entity XML knows "
                       + "(&lt; &gt; &amp; &apos; &quot; or a character's number)")
        }
        return end
    }

    /// The character of the reference at `k` and the index after its `;`; nil for a reference
    /// that is not one of the five entities or the number of a character XML may hold.
    static func reference(_ bytes: UnsafeBufferPointer<UInt8>, _ k: Int) -> (UInt32, Int)? {
        let n = bytes.count
        var j = k + 1
        guard j < n else { return nil }
        if bytes[j] == .hash {
            j += 1
            let hex = j < n && bytes[j] == UInt8(ascii: "x")
            if hex { j += 1 }
            var value: UInt32 = 0, digits = 0
            while j < n, bytes[j] != .semicolon {
                guard let digit = bytes[j].digit(hex: hex) else { return nil }
                value = value * (hex ? 16 : 10) + digit
                guard value <= 0x10FFFF else { return nil }
                digits += 1
                j += 1
            }
            guard j < n, digits > 0, isCharacter(value) else { return nil }
            return (value, j + 1)
        }
        var end = j
        while end < n, end - j < 5, bytes[end] != .semicolon { end += 1 }
        guard end < n, bytes[end] == .semicolon else { return nil }
        let entity = bytes[j..<end]
        for (name, value) in [("lt", 0x3C), ("gt", 0x3E), ("amp", 0x26), ("apos", 0x27), ("quot", 0x22)]
            where entity.elementsEqual(name.utf8) {
            return (UInt32(value), end + 1)
        }
        return nil
    }

    /// XML 1.0's Char production.
    static func isCharacter(_ c: UInt32) -> Bool {
        c == 0x9 || c == 0xA || c == 0xD || (0x20...0xD7FF).contains(c) || (0xE000...0xFFFD).contains(c)
            || (0x10000...0x10FFFF).contains(c)
    }

    /// The text of `range` (already checked), its references and line ends decoded as `kind` says.
    mutating func decoded(_ range: Range<Int>, _ kind: Decoding) -> String {
        scratch.removeAll(keepingCapacity: true)
        var k = range.lowerBound
        while k < range.upperBound {
            let byte = bytes[k]
            if byte == .ampersand, kind != .cdata, let (value, end) = Self.reference(bytes, k) {
                scratch.append(contentsOf: String(Unicode.Scalar(value)!).utf8)
                k = end
            } else if byte == .cr {
                scratch.append(kind == .attribute ? .space : .lf)
                k += k + 1 < range.upperBound && bytes[k + 1] == .lf ? 2 : 1
            } else {
                scratch.append(kind == .attribute && (byte == .lf || byte == .tab) ? .space : byte)
                k += 1
            }
        }
        return String(decoding: scratch, as: UTF8.self)
    }
}

extension PartElement {
    /// The element of a local name given as bytes (the scanner's), without making a string.
    init(_ bytes: UnsafeBufferPointer<UInt8>, local: Range<Int>) {
        func named(_ text: StaticString) -> Bool {
            guard local.count == text.utf8CodeUnitCount else { return false }
            for k in 0..<local.count where bytes[local.lowerBound + k] != text.utf8Start[k] { return false }
            return true
        }
        switch local.count {
        case 1:
            switch bytes[local.lowerBound] {
            case UInt8(ascii: "c"): self = .c
            case UInt8(ascii: "v"): self = .v
            case UInt8(ascii: "f"): self = .f
            case UInt8(ascii: "t"): self = .t
            default: self = .other
            }
        case 2:
            self = named("is") ? .is : named("si") ? .si : .other
        case 3:
            self = named("row") ? .row : named("rPh") ? .rPh : .other
        case 9:
            self = named("sheetData") ? .sheetData : named("mergeCell") ? .mergeCell : .other
        default:
            self = .other
        }
    }
}

extension PartAttributes.Key {
    /// The key of an attribute's local name given as bytes; nil for the names no reader asks for.
    init?(_ bytes: UnsafeBufferPointer<UInt8>, _ local: Range<Int>) {
        switch local.count {
        case 1:
            switch bytes[local.lowerBound] {
            case UInt8(ascii: "r"): self = .r
            case UInt8(ascii: "t"): self = .t
            case UInt8(ascii: "s"): self = .s
            default: return nil
            }
        case 3:
            guard bytes[local.lowerBound] == UInt8(ascii: "r"), bytes[local.lowerBound + 1] == UInt8(ascii: "e"),
                  bytes[local.lowerBound + 2] == UInt8(ascii: "f") else { return nil }
            self = .ref
        default:
            return nil
        }
    }
}

extension UInt8 {
    static let tab = UInt8(ascii: "\t"), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r"), space = UInt8(ascii: " ")
    static let lt = UInt8(ascii: "<"), gt = UInt8(ascii: ">"), slash = UInt8(ascii: "/"), bang = UInt8(ascii: "!")
    static let question = UInt8(ascii: "?"), equals = UInt8(ascii: "="), quote = UInt8(ascii: "\"")
    static let apostrophe = UInt8(ascii: "'"), ampersand = UInt8(ascii: "&"), semicolon = UInt8(ascii: ";")
    static let hash = UInt8(ascii: "#"), colon = UInt8(ascii: ":"), dash = UInt8(ascii: "-")
    static let rightBracket = UInt8(ascii: "]")

    /// XML's white space: space, tab, line feed, carriage return.
    var isSpace: Bool { self == .space || self == .tab || self == .lf || self == .cr }

    /// An ASCII byte that may be part of a name: letters, digits, `_`, `:`, `-`, `.`.
    var isNameByte: Bool {
        (0x61...0x7A).contains(self) || (0x41...0x5A).contains(self) || (0x30...0x39).contains(self)
            || self == 0x5F || self == .colon || self == .dash || self == 0x2E
    }

    /// The bytes that may be in a name but not start one.
    var isDigitDotOrDash: Bool { (0x30...0x39).contains(self) || self == .dash || self == 0x2E }

    /// The value of a decimal or hexadecimal digit.
    func digit(hex: Bool) -> UInt32? {
        switch self {
        case 0x30...0x39: return UInt32(self - 0x30)
        case 0x61...0x66 where hex: return UInt32(self - 0x61 + 10)
        case 0x41...0x46 where hex: return UInt32(self - 0x41 + 10)
        default: return nil
        }
    }
}
