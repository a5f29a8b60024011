/// The cells of a worksheet as nearly every writer writes them, read in one pass: a cell is
/// three quarters of a sheet's tags, and the general path (`startTag`, `endTag`) spends most
/// of its time on what such a cell never has (prefixes, other attributes, references, comments).
extension XMLScanner {
    /// Reads the cell at the cursor (`<c`) when it has exactly one of these forms, `ATTRS` being
    /// any of `r`, `t` and `s` once each, in either quotes, values without references, `<`, or
    /// control characters, and `TEXT` holding no reference, `<`, `]`, carriage return, control
    /// character or U+FFFx:
    ///
    ///     <c ATTRS/>    <c ATTRS></c>    <c ATTRS><v>TEXT</v></c>    <c ATTRS><is><t>TEXT</t></is></c>
    ///
    /// and hands it to `handler` whole (`PartHandler.cell`), which is the same as the events the
    /// general path would give for it, in the same order (`QuickCell.replay`).
    /// Returns false, the cursor unmoved and no event given, for anything else, which the
    /// general path then reads (and refuses where it is not well-formed): so this decides only
    /// how fast a cell is read, never what it gives.
    mutating func quickCell<H: PartHandler>(_ handler: inout H) throws -> Bool {
        let n = bytes.count
        guard open.count + 3 < Self.maxDepth else { return false }
        var k = at + 2
        var r: Range<Int>?, t: Range<Int>?, s: Range<Int>?
        var selfClosing = false
        // The attributes, each after white space, up to `>` or `/>`.
        while true {
            guard k < n else { return false }
            let byte = bytes[k]
            if byte == .gt { k += 1; break }
            if byte == .slash {
                guard k + 1 < n, bytes[k + 1] == .gt else { return false }
                k += 2
                selfClosing = true
                break
            }
            guard byte == .space else { return false }
            while k < n, bytes[k] == .space { k += 1 }
            guard k + 2 < n, bytes[k + 1] == .equals else { return false }
            let name = bytes[k], quote = bytes[k + 2]
            guard quote == .quote || quote == .apostrophe else { return false }
            var end = k + 3
            while end < n, bytes[end] != quote {
                let b = bytes[end]
                if b < 0x20 || b == .lt || b == .ampersand || b == 0xEF { return false }
                end += 1
            }
            guard end < n else { return false }
            let value = (k + 3)..<end
            switch name {
            case UInt8(ascii: "r") where r == nil: r = value
            case UInt8(ascii: "t") where t == nil: t = value
            case UInt8(ascii: "s") where s == nil: s = value
            default: return false
            }
            k = end + 1
        }
        // What lies between the tags.
        var content = QuickCell.Content.none
        if !selfClosing {
            if follows(k, "</c>") {
                k += 4
            } else if follows(k, "<v>") {
                let text = k + 3
                guard let end = plainText(from: text), follows(end, "</v></c>") else { return false }
                content = .value(text..<end)
                k = end + 8
            } else if follows(k, "<is><t>") {
                let text = k + 7
                guard let end = plainText(from: text), follows(end, "</t></is></c>") else { return false }
                content = .inline(text..<end)
                k = end + 13
            } else {
                return false
            }
        }
        at = k
        try handler.cell(QuickCell(bytes: bytes, r: r, t: t, s: s, content: content))
        return true
    }

    /// Where plain text starting at `k` ends (its `<`); nil when it holds anything the general
    /// path would decode, check further or refuse.
    private func plainText(from k: Int) -> Int? {
        var k = k
        let n = bytes.count
        while k < n {
            let byte = bytes[k]
            if byte == .lt { return k }
            if byte < 0x20 {
                guard byte == .lf || byte == .tab else { return nil }
            } else if byte == .ampersand || byte == .rightBracket || byte == 0xEF {
                return nil
            }
            k += 1
        }
        return nil
    }
}
