/// What the readers of the two big parts (worksheets and sharedStrings.xml) are told, element by
/// element. Two sources produce these events: `XMLScanner` (bytes, the default) and `XMLEvents`
/// (Foundation's `XMLParser`, kept as the reference); the readers are the same state machines
/// whichever feeds them, so both sources give the same cells by construction, and the
/// differential tests check the sources themselves.
protocol PartHandler {
    /// Whether text read now would be kept; the scanner makes no string of text nobody reads.
    var wantsText: Bool { get }
    mutating func start(_ element: PartElement, _ attributes: PartAttributes) throws
    mutating func end(_ element: PartElement) throws
    /// Character data (entities decoded, line ends normalised), possibly in several pieces.
    mutating func text(_ text: String)
    /// A whole cell of the forms the scanner reads in one pass (`XMLScanner.quickCell`): the
    /// same as its events (`QuickCell.replay`), which is what a handler that does not read
    /// cells itself is given.
    mutating func cell(_ cell: QuickCell) throws
}

extension PartHandler {
    mutating func cell(_ cell: QuickCell) throws {
        try cell.replay(into: &self)
    }
}

/// A cell as `XMLScanner.quickCell` reads it, its attributes' values and its text left as runs
/// of the part's bytes (none holds a reference, a `<` or a carriage return): so that a reader
/// makes a string only of what it keeps.
struct QuickCell {
    enum Content {
        case none
        /// `<v>TEXT</v>`
        case value(Range<Int>)
        /// `<is><t>TEXT</t></is>`
        case inline(Range<Int>)
    }

    let bytes: UnsafeBufferPointer<UInt8>
    /// The values of the attributes `r`, `t` and `s`, where the tag has them.
    var r: Range<Int>?, t: Range<Int>?, s: Range<Int>?
    var content: Content

    func string(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    func run(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[range])
    }

    /// The events the general path gives for this cell, in its order.
    func replay<H: PartHandler>(into handler: inout H) throws {
        var attributes = PartAttributes()
        attributes.r = r.map(string)
        attributes.t = t.map(string)
        attributes.s = s.map(string)
        try handler.start(.c, attributes)
        switch content {
        case .none:
            break
        case .value(let text):
            try handler.start(.v, PartAttributes())
            if handler.wantsText, !text.isEmpty { handler.text(string(text)) }
            try handler.end(.v)
        case .inline(let text):
            try handler.start(.is, PartAttributes())
            try handler.start(.t, PartAttributes())
            if handler.wantsText, !text.isEmpty { handler.text(string(text)) }
            try handler.end(.t)
            try handler.end(.is)
        }
        try handler.end(.c)
    }
}

/// The elements those readers act on, by local name (`x:row` is `row`); all others are `other`.
enum PartElement: UInt8 {
    case sheetData, row, c, v, f, `is`, t, rPh, mergeCell, si, other

    init(_ localName: String) {
        switch localName {
        case "sheetData": self = .sheetData
        case "row": self = .row
        case "c": self = .c
        case "v": self = .v
        case "f": self = .f
        case "is": self = .is
        case "t": self = .t
        case "rPh": self = .rPh
        case "mergeCell": self = .mergeCell
        case "si": self = .si
        default: self = .other
        }
    }
}

/// The only attributes those readers ask for, by local name, their values decoded: `r` (a row's
/// number, a cell's reference), `t` (a cell's type), `s` (its style) and `ref` (a merged range).
/// Namespace declarations (`xmlns:r`) are no attributes of the element.
struct PartAttributes {
    var r: String?
    var t: String?
    var s: String?
    var ref: String?

    enum Key { case r, t, s, ref }

    subscript(key: Key) -> String? {
        get {
            switch key {
            case .r: return r
            case .t: return t
            case .s: return s
            case .ref: return ref
            }
        }
        set {
            switch key {
            case .r: r = newValue
            case .t: t = newValue
            case .s: s = newValue
            case .ref: ref = newValue
            }
        }
    }

    /// Sets the attribute `localName` when it is one of the four; ignores the others.
    mutating func set(_ localName: String, _ value: String) {
        switch localName {
        case "r": r = value
        case "t": t = value
        case "s": s = value
        case "ref": ref = value
        default: break
        }
    }
}
