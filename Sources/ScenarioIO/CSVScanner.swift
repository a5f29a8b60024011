/// The tokenizer behind `CSVTable`: reads one field at a time from UTF-8 bytes, keeping the
/// line and column (in Unicode scalars) it is at. Delimiters are ASCII, so scanning the bytes
/// is exact. It copies nothing: a field is a range of the bytes, turned into a `String` only
/// when asked (`field(_:)`).
///
/// `CSVTable` runs it twice over a file: once over the whole file to check its structure and
/// note where each row starts, then over one row at a time when a reader asks for that row.
struct CSVScanner {
    static let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","),
               cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")

    /// What follows a field.
    enum End {
        /// A comma: another field of the same row follows.
        case comma
        /// A line end (CRLF, LF or CR), consumed: the row is complete.
        case line
        /// The end of the input: the row is complete.
        case file
    }

    struct Token {
        /// Where the field starts (its opening quote when quoted).
        var line: Int
        var column: Int
        var quoted = false
        /// The field's bytes: all of it when unquoted; between the quotes when quoted (up to
        /// the end of the input when the closing quote is missing). Line ends inside quotes
        /// are kept as written.
        var content: Range<Int>
        /// `content` holds doubled quotes `""`, each standing for one quote.
        var doubledQuotes = false
        /// Quoted only: false when the closing quote is missing.
        var closed = true
        /// Text after the closing quote, up to the next delimiter (an error), and where it starts.
        var trailing: Range<Int>
        var trailingLine = 0, trailingColumn = 0
        var end = End.file

        /// The row consisting of only this field is a blank line.
        var isBlank: Bool { !quoted && content.isEmpty }
    }

    let bytes: UnsafeBufferPointer<UInt8>
    private(set) var offset: Int
    private(set) var line: Int
    private(set) var column = 1

    /// A scanner at `offset`, which must be the start of a field in column 1 of `line`.
    init(_ bytes: UnsafeBufferPointer<UInt8>, offset: Int, line: Int) {
        self.bytes = bytes
        self.offset = offset
        self.line = line
    }

    var atEnd: Bool { offset >= bytes.count }

    @inline(__always) private mutating func step() {
        // A column is a Unicode scalar: count lead bytes, not continuation bytes.
        if bytes[offset] & 0xC0 != 0x80 { column += 1 }
        offset += 1
    }

    /// At CR or LF: consumes one line end (CRLF, LF or CR).
    @inline(__always) private mutating func newline() {
        if bytes[offset] == Self.cr, offset + 1 < bytes.count, bytes[offset + 1] == Self.lf {
            offset += 2
        } else {
            offset += 1
        }
        line += 1
        column = 1
    }

    @inline(__always) private func isDelimiter(_ byte: UInt8) -> Bool {
        byte == Self.comma || byte == Self.cr || byte == Self.lf
    }

    /// Reads the field here and the delimiter after it. At the end of the input it reads an
    /// empty field (the last of a row that ends with a comma, or a blank last line).
    mutating func next() -> Token {
        let n = bytes.count
        var token = Token(line: line, column: column, content: offset..<offset, trailing: offset..<offset)
        if offset < n, bytes[offset] == Self.quote {
            token.quoted = true
            token.closed = false
            step()
            let start = offset
            var end = n
            while offset < n {
                let byte = bytes[offset]
                if byte == Self.quote {
                    if offset + 1 < n, bytes[offset + 1] == Self.quote {
                        token.doubledQuotes = true
                        step()
                        step()
                    } else {
                        end = offset
                        step()
                        token.closed = true
                        break
                    }
                } else if byte == Self.cr || byte == Self.lf {
                    newline()
                } else {
                    step()
                }
            }
            token.content = start..<end
            if token.closed, offset < n, !isDelimiter(bytes[offset]) {
                token.trailingLine = line
                token.trailingColumn = column
                let trailingStart = offset
                while offset < n, !isDelimiter(bytes[offset]) { step() }
                token.trailing = trailingStart..<offset
            }
        } else {
            let start = offset
            while offset < n, !isDelimiter(bytes[offset]) { step() }
            token.content = start..<offset
        }
        if offset >= n {
            token.end = .file
        } else if bytes[offset] == Self.comma {
            step()
            token.end = .comma
        } else {
            newline()
            token.end = .line
        }
        return token
    }

    /// The fields of the row that starts here, up to and including its line end.
    mutating func row(capacity: Int) -> [CSVTable.Field] {
        var fields: [CSVTable.Field] = []
        fields.reserveCapacity(capacity)
        while true {
            let token = next()
            fields.append(field(token))
            if token.end != .comma { return fields }
        }
    }

    /// The cell a token stands for: its text unquoted, `""` undone, nothing trimmed.
    func field(_ token: Token) -> CSVTable.Field {
        CSVTable.Field(text: text(token), line: token.line, column: token.column, quoted: token.quoted)
    }

    private func text(_ token: Token) -> String {
        if !token.doubledQuotes, token.trailing.isEmpty {
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[token.content]), as: UTF8.self)
        }
        var buffer: [UInt8] = []
        buffer.reserveCapacity(token.content.count + token.trailing.count)
        var k = token.content.lowerBound
        while k < token.content.upperBound {
            let byte = bytes[k]
            buffer.append(byte)
            // Inside quotes a quote only comes doubled: keep one of the two.
            k += byte == Self.quote ? 2 : 1
        }
        buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[token.trailing]))
        return String(decoding: buffer, as: UTF8.self)
    }
}
