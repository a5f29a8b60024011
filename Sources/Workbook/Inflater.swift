import CZlibDeflate
import Foundation

/// A part's raw deflate stream inflated by zlib, given exactly the part's compressed bytes and
/// allowed at most `limit` bytes out.
///
/// Why not ZIPFoundation's `Data.decompress`, which read workbooks before: in 0.9.20 it tells
/// zlib a whole buffer of input is there whatever the chunk it was given holds, and drops the
/// input zlib has not taken when it asks for the next chunk. Padding its last chunk stopped one
/// read past the end (FuzzWorkbook, run 6), but the fuzzer then found zlib reading unmapped
/// memory under it again (run 8). Here zlib sees the compressed bytes once, with their exact
/// count, and every return code is read.
enum Inflater {
    enum Failure: Error {
        /// Not a deflate stream zlib accepts.
        case damaged
        /// The stream needs bytes after the part's last one.
        case truncated
        /// More than `limit` bytes out.
        case tooLarge
    }

    /// The bytes out, at most `limit`; `expected` (the zip's uncompressed size, which a damaged
    /// file may misstate) only sizes the first allocation. Bytes after the stream's end are
    /// ignored, as zip readers do.
    static func inflate(_ compressed: Data, expected: Int, limit: Int) throws(Failure) -> Data {
        guard compressed.count <= Int(UInt32.max) else { throw .tooLarge }
        var stream = z_stream()
        guard inflateInit2_(&stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw .damaged
        }
        defer { inflateEnd(&stream) }
        var output = Data(capacity: min(max(expected, 0), limit))
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        let outcome: Failure? = compressed.withUnsafeBytes { input in
            stream.next_in = UnsafeMutablePointer(mutating: input.bindMemory(to: UInt8.self).baseAddress)
            stream.avail_in = UInt32(input.count)
            while true {
                let result = chunk.withUnsafeMutableBufferPointer { out -> Int32 in
                    stream.next_out = out.baseAddress
                    stream.avail_out = UInt32(out.count)
                    return CZlibDeflate.inflate(&stream, Z_NO_FLUSH)
                }
                let produced = chunk.count - Int(stream.avail_out)
                guard produced <= limit - output.count else { return .tooLarge }
                output.append(contentsOf: chunk[0..<produced])
                switch result {
                case Z_STREAM_END: return nil
                case Z_OK: continue
                // No progress: with no input left the stream ended too soon.
                case Z_BUF_ERROR: return stream.avail_in == 0 ? .truncated : .damaged
                default: return .damaged
                }
            }
        }
        if let outcome { throw outcome }
        return output
    }
}
