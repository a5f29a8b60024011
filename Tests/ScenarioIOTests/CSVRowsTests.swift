import Foundation
import RedeployTestSupport
import Testing
@testable import ScenarioIO

/// `CSVTable` keeps a file's bytes and where each row starts, and makes a row's fields when the
/// row is read (docs/RELIABILITY.md, "Reading a 100 MB staff.csv"). These tests hold it to the
/// reader it replaced, which made every field of every row up front: `PreviousCSV` below is that
/// reader, kept as it was.
@Suite("CSVTable: rows read from the bytes")
struct CSVRowsTests {
    @Test func agreesWithThePreviousReaderOnRandomInputs() {
        // Bytes that matter to the tokenizer, Vietnamese letters (2 and 3 bytes), a 4-byte
        // scalar, a combining mark, spaces of both kinds, and bytes that are not UTF-8.
        let pieces: [[UInt8]] = [
            Array("a".utf8), Array("b1".utf8), Array(",".utf8), Array(",".utf8), Array("\"".utf8),
            Array("\"".utf8), Array("\"\"".utf8), Array("\n".utf8), Array("\n".utf8), Array("\r".utf8),
            Array("\r\n".utf8), Array(" ".utf8), Array("\t".utf8), Array("ạ".utf8), Array("ươ".utf8),
            Array("𝄞".utf8), Array("e\u{301}".utf8), Array("\u{00A0}".utf8), Array("\u{3000}".utf8),
            [0xFF], [0xC3], [0xEF, 0xBB, 0xBF],
        ]
        var random = SplitMix64(seed: 20_251_124)
        var compared = 0, accepted = 0
        for round in 0..<20_000 {
            var bytes: [UInt8] = []
            if round % 7 == 0 { bytes += [0xEF, 0xBB, 0xBF] }
            // Mostly well-formed UTF-8 so that most inputs get past the UTF-8 check.
            let allowBad = round % 5 == 0
            for _ in 0..<Int(random.next() % 40) {
                var piece = pieces[Int(random.next() % UInt64(pieces.count))]
                while !allowBad, piece == [0xFF] || piece == [0xC3] {
                    piece = pieces[Int(random.next() % UInt64(pieces.count))]
                }
                bytes += piece
            }
            let expected = PreviousCSV.parse(bytes, file: "r.csv")
            let got = Result { () throws(ScenarioError) in try CSVTable.parse(Data(bytes), file: "r.csv") }
            compared += 1
            switch (expected, got) {
            case (.success(let old), .success(let new)):
                accepted += 1
                #expect(new.header == old.header, "\(bytes)")
                #expect(Array(new.rows) == old.rows, "\(bytes)")
                #expect(new.rows.count == old.rows.count)
            case (.failure(let old), .failure(let new)):
                #expect(new.diagnostics == old.diagnostics, "\(bytes)")
            default:
                Issue.record("the readers disagree on \(bytes): before \(expected), now \(got)")
            }
        }
        #expect(compared == 20_000)
        // Both outcomes must be well represented for the comparison to mean something.
        #expect(accepted > 1_000)
        #expect(compared - accepted > 1_000)
    }

    @Test func rowsAreTheSameWhenReadAgainOrOutOfOrder() throws {
        let text = "id,name\r\n\r\nT1,\"Trường A, \"\"Hạ Long\"\"\"\nT2,\"two\nlines\"\n\nT3,\n"
        let table = try CSVTable.parse(text, file: "s.csv")
        let first = Array(table.rows)
        #expect(first.count == 3)
        #expect(first.map(\.line) == [3, 4, 7])
        #expect(first[0].fields[1].text == "Trường A, \"Hạ Long\"")
        #expect(first[1].fields[1].text == "two\nlines")
        #expect(first[2].fields == [.init(text: "T3", line: 7, column: 1), .init(text: "", line: 7, column: 4)])
        #expect(table.rows[2] == first[2])
        #expect(table.rows[0] == first[0])
        #expect(Array(table.rows.reversed()) == first.reversed())
        #expect(table.rows.last == first.last)
    }

    @Test func aTableKeepsReadingItsBytesAfterTheCallerLetsThemGo() throws {
        var data: Data? = Data("a,b\n1,2\n3,4\n".utf8)
        let table = try CSVTable.parse(data!, file: "s.csv")
        data = nil
        #expect(table.rows.map { $0.fields.map(\.text) } == [["1", "2"], ["3", "4"]])
    }

    @Test func aSliceOfDataIsReadFromItsOwnStart() throws {
        let whole = Data("junk\na,b\n1,2\n".utf8)
        let table = try CSVTable.parse(whole[5...], file: "s.csv")
        #expect(table.columnNames == ["a", "b"])
        #expect(table.rows.map { $0.fields.map(\.text) } == [["1", "2"]])
        #expect(table.rows[0].line == 2)
    }

    @Test func manyRowsKeepTheirLinesAndColumns() throws {
        var text = "school_id,subject,teachers,leaving,required,note\n"
        for k in 0..<5_000 {
            text += "S\(k),sub\(k % 7),\(k % 50),0,\(k % 40).5,\"n, \(k)\"\n"
        }
        let table = try CSVTable.parse(text, file: "staff.csv")
        #expect(table.rows.count == 5_000)
        for (k, row) in table.rows.enumerated() where k % 499 == 0 {
            #expect(row.line == k + 2)
            #expect(row.fields.count == 6)
            #expect(row.fields[0].text == "S\(k)")
            #expect(row.fields[5] == .init(text: "n, \(k)", line: k + 2, column: row.fields[4].column
                                               + row.fields[4].text.count + 1, quoted: true))
        }
    }

    @Test func trimmingMatchesFoundation() {
        let samples = [
            "", " ", "\t", "  ", "a", " a", "a ", "\ta\t", " a b ", "Hạ Long", " Hạ Long ", "ạ", " ạ", "ạ ",
            "\u{00A0}x\u{00A0}", "x\u{3000}", "\u{2003}x", "\u{200B}x", "x\u{202F}", "e\u{301}", " \u{301}x",
            "\n", "x\n", "\r\nx", "\u{0B}x", "x\u{0C}", "\u{85}x", "12", " 12 ", "-3", "𝄞", " 𝄞 ",
        ]
        for sample in samples {
            #expect(CSVText.trimmed(sample) == sample.trimmingCharacters(in: .whitespaces), "\(Array(sample.unicodeScalars))")
            #expect(CSVTable.Field(text: sample, line: 1, column: 1).trimmed == sample.trimmingCharacters(in: .whitespaces))
        }
    }

    @Test func aScenarioWithNormsStillWarnsFromTheStaffRowsReadAgain() throws {
        // The warning about a required taken as 0 reads staff.csv's rows a second time.
        let scenario = TempScenario([
            "scenario.yaml": TempScenario.baseYAML + "norms: norms.csv\n",
            "norms.csv": "level,subject,per_class\nprimary,primary,1.2\n",
            "staff.csv": "school_id,subject,teachers,leaving,required\nS1,primary,12,1,\nS2,\"music\",7,0,\n",
        ])
        var warnings: [Diagnostic] = []
        _ = try ScenarioLoader.load(scenario.root, warnings: &warnings)
        expectOne(warnings, file: scenario.path("staff.csv"), line: 3, column: 16,
                  "required is empty and the norms have no per_class for level 'primary', subject 'music': required is taken as 0")
    }
}

/// The CSV reader as it was before rows were read from the bytes (git af4f2ad,
/// Sources/ScenarioIO/CSVTable.swift): every field of every row made up front. Kept only
/// to compare against; it trims with Foundation, as that reader did.
private enum PreviousCSV {
    static func parse(_ bytes: [UInt8], file: String) -> Result<(header: [CSVTable.Field], rows: [CSVTable.Row]), ScenarioError> {
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            return .failure(ScenarioError(Diagnostic(file: file, message: "is UTF-16 text; save it as CSV UTF-8")))
        }
        var start = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
        if let bad = CSVTable.firstInvalidUTF8(bytes, from: start) {
            let (line, column) = CSVTable.position(of: bad, in: bytes, from: start)
            return .failure(ScenarioError(Diagnostic(file: file, line: line, column: column,
                                                     message: "is not valid UTF-8 text here; save the file as CSV UTF-8")))
        }
        var log = DiagnosticLog()
        var records = tokenize(bytes, from: start, file: file, log: &log)
        guard !records.isEmpty else {
            log.add(file, "is empty: expected a header row naming the columns")
            return .failure(ScenarioError(log.diagnostics))
        }
        let header = records.removeFirst()
        var seen: [String: CSVTable.Field] = [:]
        for field in header.fields where !field.text.trimmingCharacters(in: .whitespaces).isEmpty {
            let key = field.text.trimmingCharacters(in: .whitespaces).lowercased()
            if let first = seen[key] {
                log.add(file, line: field.line, column: field.column,
                        "column '\(field.text.trimmingCharacters(in: .whitespaces))' appears twice in the header (also at column \(first.column))")
            } else {
                seen[key] = field
            }
        }
        for row in records where row.fields.count != header.fields.count {
            var message = "this row has \(row.fields.count) fields but the header has \(header.fields.count)"
            if row.fields.count > header.fields.count {
                message += "; a value holding a comma must be in double quotes"
            }
            log.add(file, line: row.line, column: 1, message)
        }
        guard log.isEmpty else { return .failure(ScenarioError(log.diagnostics)) }
        return .success((header.fields, records))
    }

    private static let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","),
                       cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")

    private static func tokenize(_ bytes: [UInt8], from start: Int, file: String,
                                 log: inout DiagnosticLog) -> [CSVTable.Row] {
        var rows: [CSVTable.Row] = []
        var fields: [CSVTable.Field] = []
        var i = start
        let n = bytes.count
        var line = 1, column = 1
        var rowLine = 1

        func step() {
            if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        func newline(into buffer: inout [UInt8], keep: Bool) {
            if bytes[i] == cr {
                if keep { buffer.append(cr) }
                i += 1
                if i < n, bytes[i] == lf {
                    if keep { buffer.append(lf) }
                    i += 1
                }
            } else {
                if keep { buffer.append(lf) }
                i += 1
            }
            line += 1
            column = 1
        }
        func endRow() {
            let blank = fields.count == 1 && !fields[0].quoted && fields[0].text.isEmpty
            if !blank { rows.append(CSVTable.Row(line: rowLine, fields: fields)) }
            fields = []
        }

        var none: [UInt8] = []
        while true {
            if fields.isEmpty { rowLine = line }
            let fieldLine = line, fieldColumn = column
            var buffer: [UInt8] = []
            var quoted = false
            if i < n, bytes[i] == quote {
                quoted = true
                step()
                var closed = false
                while i < n {
                    let b = bytes[i]
                    if b == quote {
                        if i + 1 < n, bytes[i + 1] == quote {
                            buffer.append(quote)
                            step()
                            step()
                        } else {
                            step()
                            closed = true
                            break
                        }
                    } else if b == cr || b == lf {
                        newline(into: &buffer, keep: true)
                    } else {
                        buffer.append(b)
                        step()
                    }
                }
                if !closed {
                    log.add(file, line: fieldLine, column: fieldColumn,
                            "this quoted field is never closed: a '\"' is missing")
                } else if i < n, bytes[i] != comma, bytes[i] != cr, bytes[i] != lf {
                    log.add(file, line: line, column: column,
                            "text after the closing quote; inside quotes write a quote as \"\"")
                    while i < n, bytes[i] != comma, bytes[i] != cr, bytes[i] != lf {
                        buffer.append(bytes[i])
                        step()
                    }
                }
            } else {
                while i < n, bytes[i] != comma, bytes[i] != cr, bytes[i] != lf {
                    buffer.append(bytes[i])
                    step()
                }
            }
            fields.append(CSVTable.Field(text: String(decoding: buffer, as: UTF8.self), line: fieldLine,
                                         column: fieldColumn, quoted: quoted))
            if i >= n {
                endRow()
                break
            }
            if bytes[i] == comma {
                step()
            } else {
                newline(into: &none, keep: false)
                endRow()
                if i >= n { break }
            }
        }
        return rows
    }
}
