/// The reader of sharedStrings.xml (`PartHandler`): the text of each `si`, its runs joined,
/// phonetic runs (`rPh`) left out.
struct SharedStringsHandler: PartHandler {
    let limit: Int
    private(set) var strings: [String] = []
    private var current = ""
    private var inText = false, phonetic = 0

    init(limit: Int) {
        self.limit = limit
    }

    var wantsText: Bool { inText }

    mutating func start(_ element: PartElement, _ attributes: PartAttributes) throws {
        switch element {
        case .si:
            current = ""
            guard strings.count < limit else { throw PartParsers.TooMany() }
        case .t: inText = phonetic == 0
        case .rPh: phonetic += 1
        default: break
        }
    }

    mutating func end(_ element: PartElement) throws {
        switch element {
        case .si: strings.append(OOXMLText.unescaped(current))
        case .t: inText = false
        case .rPh: phonetic -= 1
        default: break
        }
    }

    mutating func text(_ text: String) {
        if inText { current += text }
    }
}
