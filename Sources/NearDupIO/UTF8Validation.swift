/// Strict UTF-8 checks shared by the readers.
///
/// The readers validate bytes themselves, rather than letting `String(decoding:)`
/// repair them, so that a bad byte becomes an error with a file and line instead
/// of a silent U+FFFD in the text.
enum UTF8Validation {
    /// The length of the well-formed UTF-8 sequence that starts at `bytes[offset]`
    /// with a lead byte of 0x80 or above, or nil when the sequence is ill-formed
    /// or cut off at `count` (Unicode Table 3-7: no overlongs, no surrogates, nothing above U+10FFFF).
    @inline(__always)
    static func multibyteSequenceLength(_ bytes: UnsafePointer<UInt8>, at offset: Int, count: Int) -> Int? {
        let lead = bytes[offset]
        @inline(__always) func continuation(_ k: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> Bool {
            offset + k < count && (low...high).contains(bytes[offset + k])
        }
        switch lead {
        case 0xC2...0xDF:
            return continuation(1) ? 2 : nil
        case 0xE0:
            return continuation(1, 0xA0) && continuation(2) ? 3 : nil
        case 0xE1...0xEC, 0xEE...0xEF:
            return continuation(1) && continuation(2) ? 3 : nil
        case 0xED:
            return continuation(1, 0x80, 0x9F) && continuation(2) ? 3 : nil
        case 0xF0:
            return continuation(1, 0x90) && continuation(2) && continuation(3) ? 4 : nil
        case 0xF1...0xF3:
            return continuation(1) && continuation(2) && continuation(3) ? 4 : nil
        case 0xF4:
            return continuation(1, 0x80, 0x8F) && continuation(2) && continuation(3) ? 4 : nil
        default:
            return nil
        }
    }

    /// The offset of the first byte that does not start a well-formed sequence, or nil when
    /// the whole buffer is valid UTF-8. ASCII runs are skipped eight bytes at a time.
    static func firstInvalidOffset(in buffer: UnsafeRawBufferPointer) -> Int? {
        guard let base = buffer.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return nil }
        let count = buffer.count
        var i = 0
        while i < count {
            if i + 8 <= count {
                let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 == 0 {
                    i += 8
                    continue
                }
            }
            if base[i] < 0x80 {
                i += 1
            } else if let length = multibyteSequenceLength(base, at: i, count: count) {
                i += length
            } else {
                return i
            }
        }
        return nil
    }

    /// The 1-based line of `offset` within `buffer`, counting LF bytes before it.
    static func line(ofOffset offset: Int, in buffer: UnsafeRawBufferPointer, firstLine: Int = 1) -> Int {
        var line = firstLine
        for byte in buffer[..<offset] where byte == 0x0A {
            line += 1
        }
        return line
    }
}

extension UTF8Validation {
    /// `buffer` with every byte that does not belong to a well-formed sequence replaced by
    /// U+FFFD, and how many bytes were replaced: the lossy reading `--invalid-utf8 replace`
    /// asks for, taken only after a strict check has failed.
    static func replacingInvalidBytes(in buffer: UnsafeRawBufferPointer) -> DecodedText {
        guard let base = buffer.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return DecodedText(utf8: []) }
        let count = buffer.count
        var output: [UInt8] = []
        output.reserveCapacity(count + 16)
        var replaced = 0
        var i = 0
        while i < count {
            if base[i] < 0x80 {
                output.append(base[i])
                i += 1
            } else if let length = multibyteSequenceLength(base, at: i, count: count) {
                output.append(contentsOf: UnsafeBufferPointer(start: base + i, count: length))
                i += length
            } else {
                output += [0xEF, 0xBF, 0xBD]
                replaced += 1
                i += 1
            }
        }
        return DecodedText(utf8: output, replacedBytes: replaced)
    }
}
