/// Whether bytes are UTF-8, checked in place: `String(validating:)` copied each part whole (5 MB
/// for a big sheet) only to say yes. ASCII, nearly all of a worksheet, is passed eight bytes at
/// a time.
enum UTF8Check {
    static func isValid(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = b.baseAddress else { return true }
        let n = b.count
        var i = 0
        while i < n {
            if i + 8 <= n, UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                i += 8
                continue
            }
            let lead = b[i]
            if lead < 0x80 { i += 1; continue }
            let length: Int
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return false
            }
            guard i + length <= n else { return false }
            var value = UInt32(lead) & (0x7F >> UInt32(length))
            for k in 1..<length {
                let next = b[i + k]
                guard next & 0xC0 == 0x80 else { return false }
                value = value << 6 | UInt32(next & 0x3F)
            }
            // Overlong forms, surrogates, and past U+10FFFF.
            if length == 3, value < 0x800 || (0xD800...0xDFFF).contains(value) { return false }
            if length == 4, value < 0x1_0000 || value > 0x10_FFFF { return false }
            i += length
        }
        return true
    }
}
