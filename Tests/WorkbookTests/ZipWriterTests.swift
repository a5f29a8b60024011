import Foundation
import RedeployTestSupport
import Testing
@testable import Workbook

/// The workbook's own zip writer (`ZipWriter`, behind `WorkbookWriter.zip`): read back by this
/// package's reader and by Python's `zipfile`, parts of every size (empty, larger than zlib's
/// output buffer), zlib's CRC-32 against a bit-by-bit one, the same bytes twice, and the limits
/// of a zip without ZIP64 refused with a `WorkbookError`.
@Suite struct ZipWriterTests {
    /// An empty part, small text, 3 MB that deflate cannot shrink (so its output passes zlib's
    /// buffer many times over) and 6 MB of repetitive XML (deflated to far less).
    static let parts: [(String, Data)] = {
        var random = SplitMix64(seed: 17)
        var noise = Data(count: 3 * 1024 * 1024)
        noise.withUnsafeMutableBytes { bytes in
            for k in stride(from: 0, to: bytes.count, by: 8) { bytes.storeBytes(of: random.next(), toByteOffset: k, as: UInt64.self) }
        }
        var xml = "<sheetData>"
        var row = 0
        while xml.utf8.count < 6 * 1024 * 1024 {
            row += 1
            xml += "<row><c t=\"s\"><v>\(row % 977)</v></c><c><v>\(row * 37 % 1000)</v></c></row>"
        }
        xml += "</sheetData>"
        return [
            ("empty.xml", Data()),
            ("check.txt", Data("123456789".utf8)),
            ("xl/worksheets/noise.bin", noise),
            ("xl/worksheets/sheet1.xml", Data(xml.utf8)),
            ("tên/Trường.xml", Data("<t>Hạ Long</t>".utf8)),
        ]
    }()

    /// The CRC-32 of zip (ISO 3309, reflected, polynomial 0xEDB88320) a bit at a time.
    static func bitwiseCRC(_ data: Data) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 != 0 ? 0xEDB8_8320 ^ (crc >> 1) : crc >> 1 }
        }
        return ~crc
    }

    @Test func readBackByOurReader() throws {
        let archive = try WorkbookWriter.zip(Self.parts)
        let directory = try ZipDirectory(archive, maxEntries: 100)
        #expect(directory.entries.map(\.path) == Self.parts.map(\.0))
        for (entry, (path, content)) in zip(directory.entries, Self.parts) {
            #expect(entry.method == 8, "\(path)")
            #expect(entry.uncompressedSize == content.count, "\(path)")
            #expect(try directory.contents(entry, limit: 10_000_000) == content, "\(path)")
            #expect(entry.crc == ZipWriter.crc32(content), "\(path)")
        }
        let sizes = Dictionary(uniqueKeysWithValues: directory.entries.map { ($0.path, $0.compressedSize) })
        // Noise does not shrink: its deflated bytes pass the 256 KiB output buffer a dozen times.
        #expect(sizes["xl/worksheets/noise.bin"]! > 3 * 1024 * 1024)
        #expect(sizes["xl/worksheets/noise.bin"]! > 12 * ZipWriter.outputChunk)
        // Repetitive XML does; an empty part is deflate's two-byte empty block.
        #expect(sizes["xl/worksheets/sheet1.xml"]! < 1024 * 1024)
        #expect(sizes["empty.xml"] == 2)
        // Only the non-ASCII name says it is UTF-8 (general purpose flag bit 11).
        #expect(directory.entries.map(\.flags) == [0, 0, 0, 0, 0x0800])
    }

    @Test func crcsAreZlibsAndTheStandardOnes() {
        // The check value of CRC-32/ISO-HDLC, the zip's CRC.
        #expect(ZipWriter.crc32(Data("123456789".utf8)) == 0xCBF4_3926)
        #expect(ZipWriter.crc32(Data()) == 0)
        var random = SplitMix64(seed: 3)
        for length in [1, 7, 8, 9, 63, 64, 65, 1000, 4099] {
            let data = Data((0..<length).map { _ in UInt8(truncatingIfNeeded: random.next()) })
            #expect(ZipWriter.crc32(data) == Self.bitwiseCRC(data), "length \(length)")
        }
    }

    /// The reader checks each part against its recorded CRC (with zlib's `crc32`): a CRC changed
    /// in the central directory makes that part, and only that part, damaged.
    @Test func readerRefusesAPartWhoseChecksumDiffers() throws {
        var archive = try WorkbookWriter.zip(Self.parts)
        let directory = try ZipDirectory(archive, maxEntries: 100)
        let end = archive.count - 22
        let start = Int(archive[end + 16]) | Int(archive[end + 17]) << 8 | Int(archive[end + 18]) << 16
        // The second central directory record (check.txt): its CRC at offset 16.
        let second = start + 46 + directory.entries[0].path.utf8.count
        #expect(Array(archive[second..<(second + 4)]) == [0x50, 0x4B, 0x01, 0x02])
        #expect(Array(archive[(second + 16)..<(second + 20)]) == [0x26, 0x39, 0xF4, 0xCB])
        archive[second + 16] ^= 1
        let damaged = try ZipDirectory(archive, maxEntries: 100)
        #expect(damaged.entries[1].crc == 0xCBF4_3927)
        let problem = try #require(throws: ZipDirectory.Problem.self) { try damaged.contents(damaged.entries[1], limit: 100) }
        #expect(problem.message == "is damaged: its checksum does not match")
        #expect(try damaged.contents(damaged.entries[4], limit: 100) == Self.parts[4].1)
    }

    @Test func sameBytesTwiceWithFixedDates() throws {
        let a = try WorkbookWriter.zip(Self.parts)
        let b = try WorkbookWriter.zip(Self.parts)
        #expect(a == b)
        // The first local header: version 20, no flags, deflate, 00:00 on 1980-01-01.
        #expect(Array(a[0..<14]) == [0x50, 0x4B, 0x03, 0x04, 20, 0, 0, 0, 8, 0, 0, 0, 0x21, 0])
        // The end record: 5 entries, no comment, at the very end.
        let end = Array(a.suffix(22))
        #expect(Array(end[0..<4]) == [0x50, 0x4B, 0x05, 0x06])
        #expect(end[8] == 5 && end[10] == 5 && end[20] == 0 && end[21] == 0)
    }

    @Test func workbookReadBackThroughTheReader() throws {
        var sheet = WorkbookWriter.Sheet(name: "Big")
        for k in 1...50_000 { sheet.rows.append([.number(Double(k)), .text("Trường \(k % 300)")]) }
        let data = try WorkbookWriter(sheets: [sheet]).data()
        let read = try WorkbookReader(data: data, file: "big.xlsx").sheet("Big")
        #expect(read.rows.count == 50_000)
        #expect(read.rows.last?[1]?.value == .number(50_000))
        #expect(read.rows.last?[2]?.value == .text("Trường 200"))
    }

    @Test func refusesWhatAZipWithoutZIP64CannotHold() throws {
        var small = ZipWriter(level: 6, limit: 1_000)
        let error = try #require(throws: WorkbookError.self) { try small.add("xl/big.xml", Data(count: 1_001)) }
        #expect(error.description == "workbook: xl/big.xml is 1001 bytes, more than a zip without ZIP64 can hold (1000)")
        // Each part fits; together they do not (600 bytes of noise deflate to more than 600).
        var random = SplitMix64(seed: 5)
        let noise = Data((0..<600).map { _ in UInt8(truncatingIfNeeded: random.next()) })
        var two = ZipWriter(level: 6, limit: 1_000)
        try two.add("a.bin", noise)
        let second = try #require(throws: WorkbookError.self) { try two.add("b.bin", noise) }
        #expect(second.message.hasPrefix("b.bin deflates to more than a zip without ZIP64 can hold"))
        let long = String(repeating: "x", count: 65_536)
        #expect(throws: WorkbookError.self) { try WorkbookWriter.zip([(long, Data())]) }
        #expect(try WorkbookWriter.zip([(String(repeating: "x", count: 65_535), Data())]).count == 2 * 65_535 + 30 + 2 + 46 + 22)
    }

    static let python: Bool = {
        guard let run = try? ProgramRun.run("/usr/bin/env", ["python3", "-c", "import zipfile, zlib"], timeout: 60) else { return false }
        return run.status == 0
    }()

    /// Python's `zipfile` (an independent reader over its own zlib) finds every part whole.
    @Test(.enabled(if: python)) func readBackByPythonZipfile() throws {
        let folder = try TestFolders.fresh("zipwriter")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("parts.zip")
        try WorkbookWriter.zip(Self.parts).write(to: file)
        let script = """
        import sys, zipfile, zlib
        z = zipfile.ZipFile(sys.argv[1])
        print("testzip", z.testzip())
        for i in z.infolist():
            data = z.read(i)
            print(i.filename, i.compress_type, i.date_time, i.file_size, len(data), "%08x" % i.CRC, "%08x" % zlib.crc32(data))
        """
        let run = try ProgramRun.run("/usr/bin/env", ["python3", "-c", script, file.path])
        #expect(run.status == 0, "\(run.stderr)")
        var expected = "testzip None\n"
        for (path, content) in Self.parts {
            let crc = String(format: "%08x", ZipWriter.crc32(content))
            expected += "\(path) 8 (1980, 1, 1, 0, 0, 0) \(content.count) \(content.count) \(crc) \(crc)\n"
        }
        #expect(run.stdout == expected)
    }
}
