import Foundation
import Testing
@testable import Workbook

/// `Inflater`: a part's raw deflate stream, given once with its exact length, inflated or
/// refused by what went wrong: damaged, cut short, or too large.
@Suite struct InflaterTests {
    /// The raw deflate stream `ZipWriter` writes for `content` (the only part of a zip).
    static func deflated(_ content: Data) throws -> Data {
        let zip = try WorkbookWriter.zip([("part.xml", content)])
        let size = Int(zip[18]) | Int(zip[19]) << 8 | Int(zip[20]) << 16 | Int(zip[21]) << 24
        let start = 30 + Int(zip[26]) + (Int(zip[27]) << 8)
        return zip.subdata(in: start..<(start + size))
    }

    /// 300 KB of rows: more than one 64 KiB chunk out.
    static let content = Data((0..<10_000).map { "<row r=\"\($0)\"><c><v>\($0 * 7)</v></c></row>" }.joined().utf8)

    @Test func aStreamComesBackWhole() throws {
        let stream = try Self.deflated(Self.content)
        #expect(try Inflater.inflate(stream, expected: Self.content.count, limit: 1 << 20) == Self.content)
        // A wrong expected size only sizes the first allocation.
        #expect(try Inflater.inflate(stream, expected: 3, limit: 1 << 20) == Self.content)
        // Bytes after the stream's end are left alone.
        #expect(try Inflater.inflate(stream + Data([1, 2, 3]), expected: 0, limit: 1 << 20) == Self.content)
        // An empty part is a stream of two bytes.
        #expect(try Inflater.inflate(try Self.deflated(Data()), expected: 0, limit: 10) == Data())
    }

    @Test func everyWayOfFailingIsNamed() throws {
        let stream = try Self.deflated(Self.content)
        #expect(throws: Inflater.Failure.truncated) { try Inflater.inflate(stream.prefix(stream.count / 2), expected: 0, limit: 1 << 20) }
        #expect(throws: Inflater.Failure.truncated) { try Inflater.inflate(Data(), expected: 0, limit: 10) }
        #expect(throws: Inflater.Failure.tooLarge) { try Inflater.inflate(stream, expected: 0, limit: Self.content.count - 1) }
        // Block type 3 is reserved: zlib refuses it at once.
        #expect(throws: Inflater.Failure.damaged) { try Inflater.inflate(Data([0xFF, 0xFF, 0xFF]), expected: 0, limit: 10) }
        // A slice of a larger buffer, as `ZipDirectory` passes: only its own bytes are read.
        let padded = Data(count: 7) + stream.prefix(stream.count - 1) + Data(count: 64 * 1024)
        let slice = padded[7..<(7 + stream.count - 1)]
        #expect(throws: Inflater.Failure.truncated) { try Inflater.inflate(slice, expected: 0, limit: 1 << 20) }
    }
}
