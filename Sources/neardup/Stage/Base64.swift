/// Base64 (RFC 4648, with padding) of byte arrays: what the stages' lines carry their
/// payloads in. Byte by byte, as Foundation's `Data` spends most of its time elsewhere.
enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    /// The value of each byte as a base64 digit; 255 for a byte that is none.
    private static let values: [UInt8] = {
        var values = [UInt8](repeating: 255, count: 256)
        for (value, digit) in alphabet.enumerated() { values[Int(digit)] = UInt8(value) }
        return values
    }()

    static func encode(_ bytes: [UInt8], into text: inout [UInt8]) {
        text.reserveCapacity(text.count + (bytes.count + 2) / 3 * 4)
        var index = 0
        while index + 3 <= bytes.count {
            let group = UInt32(bytes[index]) << 16 | UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index + 2])
            text.append(alphabet[Int(group >> 18)])
            text.append(alphabet[Int(group >> 12 & 63)])
            text.append(alphabet[Int(group >> 6 & 63)])
            text.append(alphabet[Int(group & 63)])
            index += 3
        }
        let left = bytes.count - index
        guard left > 0 else { return }
        let group = UInt32(bytes[index]) << 16 | (left == 2 ? UInt32(bytes[index + 1]) << 8 : 0)
        text.append(alphabet[Int(group >> 18)])
        text.append(alphabet[Int(group >> 12 & 63)])
        text.append(left == 2 ? alphabet[Int(group >> 6 & 63)] : UInt8(ascii: "="))
        text.append(UInt8(ascii: "="))
    }

    /// The bytes of `text`; nil when it is not padded base64.
    static func decode(_ text: UnsafeRawBufferPointer) -> [UInt8]? {
        guard text.count % 4 == 0 else { return nil }
        guard !text.isEmpty else { return [] }
        var padding = 0
        if text[text.count - 1] == UInt8(ascii: "=") { padding += 1 }
        if text[text.count - 2] == UInt8(ascii: "=") { padding += 1 }
        let count = text.count / 4 * 3 - padding
        var invalid: UInt8 = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            var out = 0
            var index = 0
            let last = text.count - 4
            while index <= last {
                let isLast = index == last
                let a = values[Int(text[index])]
                let b = values[Int(text[index + 1])]
                let c = isLast && padding == 2 ? 0 : values[Int(text[index + 2])]
                let d = isLast && padding >= 1 ? 0 : values[Int(text[index + 3])]
                invalid |= (a | b | c | d) & 0x80
                let group = UInt32(a) << 18 | UInt32(b) << 12 | UInt32(c) << 6 | UInt32(d)
                buffer[out] = UInt8(truncatingIfNeeded: group >> 16)
                if out + 1 < count { buffer[out + 1] = UInt8(truncatingIfNeeded: group >> 8) }
                if out + 2 < count { buffer[out + 2] = UInt8(truncatingIfNeeded: group) }
                out += 3
                index += 4
            }
            initialized = count
        }
        return invalid == 0 ? bytes : nil
    }
}
