import Foundation

/// The files of a zip held in memory, found through its central directory, each inflated on
/// demand by zlib (`Inflater`) with its CRC-32 checked by zlib's `crc32`.
///
/// Why not ZIPFoundation's `Archive` for reading: with 0.9.20 on Linux, a deflate stream that
/// does not end before the end of the file makes `Archive.extract` loop for ever (its provider
/// reads past the entry, and returns empty chunks at the end of the file, which its inflate loop
/// never stops on), and its in-memory archive traps on a zip that seeks past its end; both were
/// found by FuzzWorkbook. Here the inflater is given exactly the entry's compressed bytes and
/// needing more is an error. The writer is `ZipWriter`; ZIPFoundation is no longer used.
struct ZipDirectory {
    struct Entry {
        var path: String
        var method: UInt16
        var flags: UInt16
        var crc: UInt32
        var compressedSize: Int
        var uncompressedSize: Int
        var localHeader: Int
        var isDirectory: Bool { path.hasSuffix("/") }
    }

    /// What is wrong with the zip, in words for the message.
    struct Problem: Error {
        var message: String
    }

    let data: Data
    let entries: [Entry]

    init(_ data: Data, maxEntries: Int) throws(Problem) {
        self.data = data
        let bytes = Bytes(data: data)
        // The end of central directory record: within the last 65,557 bytes (22 + a comment).
        let n = data.count
        guard n >= 22 else { throw Problem(message: "too short to be a zip") }
        var eocd: Int?
        var k = n - 22
        while k >= max(0, n - 22 - 65_535) {
            if bytes.u32(k) == 0x0605_4B50 { eocd = k; break }
            k -= 1
        }
        guard let end = eocd, let count16 = bytes.u16(end + 10), let size32 = bytes.u32(end + 12),
              let offset32 = bytes.u32(end + 16) else {
            throw Problem(message: "has no zip directory (end of central directory record)")
        }
        var count = Int(count16), size = Int(size32), offset = Int(offset32)
        if count16 == 0xFFFF || size32 == 0xFFFF_FFFF || offset32 == 0xFFFF_FFFF {
            // ZIP64: the locator just before the record says where the 64-bit record is.
            guard end >= 20, bytes.u32(end - 20) == 0x0706_4B50, let at = bytes.u64(end - 12),
                  let record = Int(exactly: at), bytes.u32(record) == 0x0606_4B50,
                  let c = bytes.u64(record + 32), let s = bytes.u64(record + 40), let o = bytes.u64(record + 48),
                  let ci = Int(exactly: c), let si = Int(exactly: s), let oi = Int(exactly: o) else {
                throw Problem(message: "has a damaged ZIP64 directory")
            }
            (count, size, offset) = (ci, si, oi)
        }
        guard count <= maxEntries else { throw Problem(message: "holds more than \(maxEntries) files: not a workbook") }
        guard offset >= 0, size >= 0, offset <= n, size <= n - offset else {
            throw Problem(message: "has a zip directory that lies outside the file")
        }
        var entries: [Entry] = []
        entries.reserveCapacity(count)
        var at = offset
        for _ in 0..<count {
            guard bytes.u32(at) == 0x0201_4B50, let flags = bytes.u16(at + 8), let method = bytes.u16(at + 10),
                  let crc = bytes.u32(at + 16), let compressed32 = bytes.u32(at + 20),
                  let uncompressed32 = bytes.u32(at + 24), let nameLength = bytes.u16(at + 28),
                  let extraLength = bytes.u16(at + 30), let commentLength = bytes.u16(at + 32),
                  let local32 = bytes.u32(at + 42),
                  let name = bytes.slice(at + 46, Int(nameLength)),
                  let extra = bytes.slice(at + 46 + Int(nameLength), Int(extraLength)) else {
                throw Problem(message: "has a damaged zip directory")
            }
            var compressed = Int(compressed32), uncompressed = Int(uncompressed32), local = Int(local32)
            if compressed32 == 0xFFFF_FFFF || uncompressed32 == 0xFFFF_FFFF || local32 == 0xFFFF_FFFF {
                // The ZIP64 extra field holds, in this order, the values that overflowed.
                let field = Self.zip64Field(Bytes(data: extra))
                var values = field.makeIterator()
                if uncompressed32 == 0xFFFF_FFFF { uncompressed = values.next() ?? -1 }
                if compressed32 == 0xFFFF_FFFF { compressed = values.next() ?? -1 }
                if local32 == 0xFFFF_FFFF { local = values.next() ?? -1 }
                guard uncompressed >= 0, compressed >= 0, local >= 0 else {
                    throw Problem(message: "has a damaged ZIP64 entry")
                }
            }
            let path = String(decoding: name, as: UTF8.self)
            entries.append(Entry(path: path.hasPrefix("/") ? String(path.dropFirst()) : path, method: method,
                                 flags: flags, crc: crc, compressedSize: compressed, uncompressedSize: uncompressed,
                                 localHeader: local))
            at += 46 + Int(nameLength) + Int(extraLength) + Int(commentLength)
        }
        self.entries = entries
    }

    /// The 64-bit values of a ZIP64 extended information field (header id 1), in order.
    private static func zip64Field(_ extra: Bytes) -> [Int] {
        var at = 0
        while let id = extra.u16(at), let length = extra.u16(at + 2) {
            if id == 1 {
                return stride(from: 0, to: Int(length) - 7, by: 8).compactMap { extra.u64(at + 4 + $0).flatMap { Int(exactly: $0) } }
            }
            at += 4 + Int(length)
        }
        return []
    }

    /// The inflated bytes of `entry`, at most `limit` of them.
    func contents(_ entry: Entry, limit: Int) throws(Problem) -> Data {
        let bytes = Bytes(data: data)
        guard entry.flags & 1 == 0 else { throw Problem(message: "is encrypted") }
        guard bytes.u32(entry.localHeader) == 0x0403_4B50, let nameLength = bytes.u16(entry.localHeader + 26),
              let extraLength = bytes.u16(entry.localHeader + 28) else {
            throw Problem(message: "has a damaged local header")
        }
        let start = entry.localHeader + 30 + Int(nameLength) + Int(extraLength)
        guard start <= data.count, entry.compressedSize <= data.count - start else {
            throw Problem(message: "is cut short: the file ends inside it")
        }
        let base = data.startIndex + start
        let compressed = data[base..<(base + entry.compressedSize)]
        let output: Data
        let crc: UInt32
        switch entry.method {
        case 0:
            guard compressed.count <= limit else { throw Self.tooLarge(limit) }
            output = Data(compressed)
            crc = ZipWriter.crc32(output)
        case 8:
            do {
                output = try Inflater.inflate(compressed, expected: entry.uncompressedSize, limit: limit)
            } catch {
                switch error {
                case .tooLarge: throw Self.tooLarge(limit)
                case .truncated: throw Problem(message: "is cut short: its compressed data ends too soon")
                case .damaged: throw Problem(message: "cannot be inflated: its compressed data is damaged")
                }
            }
            crc = ZipWriter.crc32(output)
        default:
            throw Problem(message: "is compressed by method \(entry.method), which a workbook never uses")
        }
        guard crc == entry.crc else { throw Problem(message: "is damaged: its checksum does not match") }
        return output
    }

    private static func tooLarge(_ limit: Int) -> Problem {
        Problem(message: "inflates to more than the \(limit) bytes a part may have (a damaged or hostile file?)")
    }

    /// Little-endian numbers at byte offsets of a buffer, nil past its end.
    struct Bytes {
        let data: Data

        func u16(_ at: Int) -> UInt16? {
            guard at >= 0, at <= data.count - 2 else { return nil }
            let i = data.startIndex + at
            return UInt16(data[i]) | UInt16(data[i + 1]) << 8
        }

        func u32(_ at: Int) -> UInt32? {
            guard let low = u16(at), let high = u16(at + 2) else { return nil }
            return UInt32(low) | UInt32(high) << 16
        }

        func u64(_ at: Int) -> UInt64? {
            guard let low = u32(at), let high = u32(at + 4) else { return nil }
            return UInt64(low) | UInt64(high) << 32
        }

        func slice(_ at: Int, _ count: Int) -> Data? {
            guard at >= 0, count >= 0, at <= data.count, count <= data.count - at else { return nil }
            return data[(data.startIndex + at)..<(data.startIndex + at + count)]
        }
    }
}
