import Foundation

/// The shared strings of a workbook being written: each distinct text once, in the order first
/// used, and its index for the cells that show it.
///
/// Texts are told apart by their UTF-8 bytes, in a hash table of our own, not by `String`'s
/// `==`: Swift hashes and compares a string by its canonical (NFC) form, which for Vietnamese
/// names (nearly every character outside ASCII) was the largest part of writing a sheet. Two
/// texts that are canonically equal but spelled with different bytes (a precomposed `ễ` and `ê`
/// followed by a combining tilde) now get two entries where they got one; both are valid
/// SpreadsheetML and show the same, and a plan's names come from one source, so its texts are
/// spelled one way. The table, like the file, is the same for the same sheets.
struct SharedStringTable {
    /// The UTF-8 bytes of every distinct text, one after another, and where each starts (with
    /// the end of the last at the end).
    private var text: [UInt8] = []
    private var starts: [Int] = [0]
    /// Open addressing: each slot holds a text's index + 1, or 0 when empty; a power of two long.
    private var slots = [Int32](repeating: 0, count: 1024)
    private var hashes: [UInt64] = []
    /// How many cells refer to a shared string (sharedStrings.xml's `count`).
    private(set) var uses = 0

    /// How many distinct texts (sharedStrings.xml's `uniqueCount`).
    var count: Int { hashes.count }
    var isEmpty: Bool { hashes.isEmpty }

    /// The index of `string`, added at the end when it is new.
    mutating func index(_ string: String) -> Int {
        uses += 1
        var string = string
        return string.withUTF8 { index(bytes: $0) }
    }

    private mutating func index(bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let hash = Self.hash(bytes)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash ^ (hash >> 32)) & mask
        while slots[slot] != 0 {
            let k = Int(slots[slot]) - 1
            if hashes[k] == hash, equal(k, bytes) { return k }
            slot = (slot + 1) & mask
        }
        let k = hashes.count
        text.append(contentsOf: bytes)
        starts.append(text.count)
        hashes.append(hash)
        slots[slot] = Int32(k + 1)
        if hashes.count * 2 > slots.count { grow() }
        return k
    }

    /// Eight bytes at a time, each word multiplied in and folded back; the table needs no
    /// defence against chosen collisions, only a spread of ordinary names.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let raw = UnsafeRawBufferPointer(bytes)
        var hash = 0xCBF2_9CE4_8422_2325 ^ UInt64(bytes.count)
        var i = 0
        while i + 8 <= raw.count {
            hash = (hash ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0x9E37_79B9_7F4A_7C15
            hash ^= hash >> 32
            i += 8
        }
        var tail: UInt64 = 0
        while i < raw.count {
            tail = tail << 8 | UInt64(raw[i])
            i += 1
        }
        hash = (hash ^ tail) &* 0x9E37_79B9_7F4A_7C15
        return hash ^ (hash >> 29)
    }

    private func equal(_ k: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let (start, end) = (starts[k], starts[k + 1])
        guard end - start == bytes.count else { return false }
        return text.withUnsafeBufferPointer { stored in
            bytes.isEmpty || memcmp(stored.baseAddress! + start, bytes.baseAddress!, bytes.count) == 0
        }
    }

    private mutating func grow() {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for (k, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash ^ (hash >> 32)) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(k + 1)
        }
    }

    /// The `<si>` elements of every text in order, each `<si>` + `textElement(text)` + `</si>`:
    /// a text that needs no escape and has no space at either end is copied as its bytes, any
    /// other goes through `textElement`, so the bytes are those `textElement` writes.
    func elements(_ textElement: (String) -> String) -> [UInt8] {
        var xml: [UInt8] = []
        xml.reserveCapacity(text.count + count * 16)
        for k in 0..<count {
            let bytes = text[starts[k]..<starts[k + 1]]
            xml.append(contentsOf: "<si>".utf8)
            if Self.plain(bytes) {
                xml.append(contentsOf: "<t>".utf8)
                xml.append(contentsOf: bytes)
                xml.append(contentsOf: "</t>".utf8)
            } else {
                xml.append(contentsOf: textElement(String(decoding: bytes, as: UTF8.self)).utf8)
            }
            xml.append(contentsOf: "</si>".utf8)
        }
        return xml
    }

    /// No byte XML or OOXML's `_xHHHH_` escape must change (controls, `&`, `<`, `>`, `_`), and
    /// ASCII other than a space at both ends (so no whitespace `xml:space` must keep). Empty
    /// text is not plain: `textElement` decides it too.
    static func plain(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard let first = bytes.first, let last = bytes.last, first > 0x20, first < 0x80, last > 0x20, last < 0x80 else {
            return false
        }
        for byte in bytes where byte < 0x20 || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<")
            || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "_") {
            return false
        }
        return true
    }
}
