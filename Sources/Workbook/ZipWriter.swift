import CZlibDeflate
import Foundation

/// A zip archive written in memory, part by part, each part deflated by zlib: what
/// `WorkbookWriter.zip(_:)` makes a workbook with.
///
/// Why not ZIPFoundation's `Archive` (0.9.20), which wrote workbooks before: it deflates at a
/// fixed level 6 that cannot be changed, computes the CRC-32 a byte at a time on Linux, and
/// takes no data deflated elsewhere; for the plan workbook of 3,500 schools that was 0.12 s of
/// the workbook's 0.22 s. The container itself is small (a local header before each part, a
/// central directory, an end record), so it is written here, over the same zlib.
///
/// The same parts in the same order give the same bytes: every entry is dated 1980-01-01 00:00
/// (the earliest a zip can record) and carries no extra field. There is no ZIP64: a part, its
/// deflated bytes or the archive past 4 GiB, or more than 65,534 parts, is a thrown
/// `WorkbookError` (a workbook is far smaller), never a crash or a damaged file.
struct ZipWriter {
    /// The largest size or offset a zip without ZIP64 records: 0xFFFF_FFFF itself means "see
    /// the ZIP64 field".
    static let maxSize = Int(UInt32.max) - 1
    /// The most entries: 0xFFFF means "see the ZIP64 record".
    static let maxEntries = Int(UInt16.max) - 1
    /// How much deflated output zlib is given room for at a time.
    static let outputChunk = 256 * 1024

    /// zlib's level, 0 (stored) to 9.
    let level: Int32
    /// The size past which a part or the archive is refused; `maxSize` but in tests.
    let limit: Int
    private var archive = Data()
    private var directory = Data()
    private var entries = 0

    init(level: Int32, limit: Int = ZipWriter.maxSize) {
        precondition((0...9).contains(level) && (0...ZipWriter.maxSize).contains(limit))
        self.level = level
        self.limit = limit
    }

    /// Appends `content` as the file `path`, deflated.
    mutating func add(_ path: String, _ content: Data) throws(WorkbookError) {
        let name = Data(path.utf8)
        guard name.count <= Int(UInt16.max) else { throw Self.error(path, "has a name longer than a zip can hold") }
        guard entries < Self.maxEntries else { throw Self.error(path, "is one part more than a zip without ZIP64 can hold") }
        guard content.count <= limit else {
            throw Self.error(path, "is \(content.count) bytes, more than a zip without ZIP64 can hold (\(limit))")
        }
        let offset = archive.count
        guard offset <= limit else { throw Self.error(path, "would start past what a zip without ZIP64 can reach") }
        // Names in UTF-8 say so (general purpose flag bit 11); plain ASCII ones need not.
        let flags: UInt16 = name.contains { $0 >= 0x80 } ? 0x0800 : 0
        let crc = Self.crc32(content)
        // The local header, its sizes filled in once the part is deflated.
        var header = Data()
        header.append32(0x0403_4B50)
        header.append16(20)            // version needed to extract: 2.0 (deflate)
        header.append16(flags)
        header.append16(8)             // method: deflate
        header.append16(0)             // time 00:00:00
        header.append16(Self.date)
        header.append32(crc)
        header.append32(0)             // compressed size: patched below
        header.append32(UInt32(content.count))
        header.append16(UInt16(name.count))
        header.append16(0)             // no extra field
        header.append(name)
        archive.append(header)
        let start = archive.count
        try deflate(content, path: path)
        let compressed = archive.count - start
        guard compressed <= limit, archive.count <= limit else {
            throw Self.error(path, "deflates to more than a zip without ZIP64 can hold (\(limit) bytes)")
        }
        archive.patch32(at: offset + 18, UInt32(compressed))

        directory.append32(0x0201_4B50)
        directory.append16(0x0314)     // made by: Unix, zip 2.0 (so the permissions below mean something)
        directory.append16(20)
        directory.append16(flags)
        directory.append16(8)
        directory.append16(0)
        directory.append16(Self.date)
        directory.append32(crc)
        directory.append32(UInt32(compressed))
        directory.append32(UInt32(content.count))
        directory.append16(UInt16(name.count))
        directory.append16(0)          // extra field
        directory.append16(0)          // comment
        directory.append16(0)          // disk number
        directory.append16(0)          // internal attributes
        directory.append32(0o100644 << 16)  // a regular file, rw-r--r--
        directory.append32(UInt32(offset))
        directory.append(name)
        entries += 1
    }

    /// The whole archive: the parts, then the central directory and its end record.
    func finish() throws(WorkbookError) -> Data {
        let offset = archive.count
        guard offset <= limit, directory.count <= limit - offset else {
            throw WorkbookError(file: "workbook", message: "is more than a zip without ZIP64 can hold (\(limit) bytes)")
        }
        var result = archive
        result.reserveCapacity(archive.count + directory.count + 22)
        result.append(directory)
        result.append32(0x0605_4B50)
        result.append16(0)             // this disk
        result.append16(0)             // the disk the directory starts on
        result.append16(UInt16(entries))
        result.append16(UInt16(entries))
        result.append32(UInt32(directory.count))
        result.append32(UInt32(offset))
        result.append16(0)             // no comment
        return result
    }

    /// 1980-01-01 in MS-DOS form: (year - 1980) << 9 | month << 5 | day.
    private static let date: UInt16 = 1 << 5 | 1

    /// zlib's CRC-32 of `data` (the zip's, ISO 3309), sliced by zlib many bytes at a time.
    static func crc32(_ data: Data) -> UInt32 {
        data.withUnsafeBytes { crc32($0) }
    }

    static func crc32(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return 0 }
        // crc32_z takes a size_t length (zlib 1.2.9 and later), so no size needs splitting.
        return UInt32(truncatingIfNeeded: crc32_z(0, base.assumingMemoryBound(to: Bytef.self), bytes.count))
    }

    /// Appends `content` as one raw deflate stream (no zlib or gzip wrapper: a zip entry holds
    /// the bare stream), `outputChunk` bytes of output at a time. `content.count` is at most
    /// `limit`, so it fits zlib's 32-bit `avail_in`.
    private mutating func deflate(_ content: Data, path: String) throws(WorkbookError) {
        var stream = z_stream()
        var status = deflateInit2_(&stream, level, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY,
                                   ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else { throw Self.zlibError(path, "could not start deflating", status) }
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Self.outputChunk)
        status = content.withUnsafeBytes { (input: UnsafeRawBufferPointer) -> Int32 in
            stream.next_in = input.baseAddress.map {
                UnsafeMutablePointer(mutating: $0.assumingMemoryBound(to: Bytef.self))
            }
            stream.avail_in = uInt(input.count)
            return output.withUnsafeMutableBufferPointer { buffer -> Int32 in
                var status = Z_OK
                repeat {
                    stream.next_out = buffer.baseAddress
                    stream.avail_out = uInt(buffer.count)
                    status = CZlibDeflate.deflate(&stream, Z_FINISH)
                    // With Z_FINISH zlib says Z_OK while it needs more room, Z_STREAM_END when
                    // done; anything else (Z_STREAM_ERROR, Z_BUF_ERROR) is a fault, not progress.
                    guard status == Z_OK || status == Z_STREAM_END else { return status }
                    archive.append(buffer.baseAddress!, count: buffer.count - Int(stream.avail_out))
                } while status == Z_OK
                return status
            }
        }
        guard status == Z_STREAM_END, stream.avail_in == 0 else {
            throw Self.zlibError(path, "could not be deflated", status)
        }
    }

    private static func error(_ path: String, _ message: String) -> WorkbookError {
        WorkbookError(file: "workbook", message: "\(path) \(message)")
    }

    private static func zlibError(_ path: String, _ message: String, _ status: Int32) -> WorkbookError {
        error(path, "\(message) (zlib error \(status))")
    }
}

private extension Data {
    mutating func append16(_ value: UInt16) {
        append(UInt8(truncatingIfNeeded: value))
        append(UInt8(truncatingIfNeeded: value >> 8))
    }

    mutating func append32(_ value: UInt32) {
        append16(UInt16(truncatingIfNeeded: value))
        append16(UInt16(truncatingIfNeeded: value >> 16))
    }

    mutating func patch32(at offset: Int, _ value: UInt32) {
        for k in 0..<4 { self[startIndex + offset + k] = UInt8(truncatingIfNeeded: value >> (8 * k)) }
    }
}
