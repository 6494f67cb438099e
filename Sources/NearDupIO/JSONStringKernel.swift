/// Decodes one JSON string in a single pass: finds its closing quote, checks its
/// escapes and control characters, and writes the decoded bytes out as it goes.
///
/// Scanning a requested string, decoding it and then building a `String` read its bytes
/// three times; this reads them once, leaving bytes of 0x80 and above to be validated
/// as UTF-8 afterwards, and only when there are any. Anything the kernel rejects, or
/// that fails UTF-8 validation, goes back to the parser's strict scan, which reports the
/// exact error. The SWAR variant copies eight bytes at a time between
/// escapes; `decodePlain` is its byte-at-a-time twin.
enum JSONStringKernel {
    /// Where the string ends and how much was written.
    struct Decoded: Equatable {
        /// Offset of the closing quote.
        var end: Int
        /// Bytes written to the output.
        var written: Int
        /// Whether the string's own bytes (escapes aside) include any of 0x80 and above,
        /// the only bytes that can make the output invalid UTF-8.
        var hasNonASCII: Bool
    }

    private static let quote: UInt8 = 0x22
    private static let backslash: UInt8 = 0x5C

    /// Decodes the string whose content starts at `start` (just past its opening quote)
    /// into `output`, which must hold at least `count - start` bytes; nil when the string
    /// is unterminated, holds a raw control character, an invalid escape or a lone surrogate.
    static func decode(_ bytes: UnsafePointer<UInt8>, from start: Int, count: Int,
                       into output: UnsafeMutablePointer<UInt8>) -> Decoded? {
        var i = start
        var written = 0
        var high: UInt64 = 0
        while true {
            // A word is stored before it is checked: written + 8 <= i - start + 8 <= count - start.
            while i + 8 <= count {
                let raw = UnsafeRawPointer(bytes + i).loadUnaligned(as: UInt64.self)
                UnsafeMutableRawPointer(output + written).storeBytes(of: raw, as: UInt64.self)
                let word = UInt64(littleEndian: raw)
                let special = specialBytes(word)
                if special == 0 {
                    high |= word
                    i += 8
                    written += 8
                } else {
                    let run = special.trailingZeroBitCount >> 3
                    // Only the run's lanes count: those past it are not string content yet.
                    high |= run == 0 ? 0 : word & (UInt64.max >> (64 - 8 * run))
                    i += run
                    written += run
                    break
                }
            }
            guard i < count else { return nil }
            let byte = bytes[i]
            if byte == quote {
                return Decoded(end: i, written: written, hasNonASCII: high & 0x8080_8080_8080_8080 != 0)
            } else if byte == backslash {
                guard decodeEscape(bytes, at: &i, count: count, into: output, written: &written) else { return nil }
            } else if byte < 0x20 {
                return nil
            } else {
                high |= UInt64(byte)
                output[written] = byte
                i += 1
                written += 1
            }
        }
    }

    /// The byte-at-a-time twin of `decode`: same results, no word loads.
    static func decodePlain(_ bytes: UnsafePointer<UInt8>, from start: Int, count: Int,
                            into output: UnsafeMutablePointer<UInt8>) -> Decoded? {
        var i = start
        var written = 0
        var hasNonASCII = false
        while i < count {
            let byte = bytes[i]
            if byte == quote {
                return Decoded(end: i, written: written, hasNonASCII: hasNonASCII)
            } else if byte == backslash {
                guard decodeEscape(bytes, at: &i, count: count, into: output, written: &written) else { return nil }
            } else if byte < 0x20 {
                return nil
            } else {
                hasNonASCII = hasNonASCII || byte >= 0x80
                output[written] = byte
                i += 1
                written += 1
            }
        }
        return nil
    }

    /// A mask with bit 7 of every byte lane that is '"', '\' or below 0x20, lanes in memory
    /// order from the low end (exact for the lowest flagged lane, which is all `decode` uses).
    @inline(__always)
    static func specialBytes(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let quotes = word ^ (ones &* 0x22)
        let backslashes = word ^ (ones &* 0x5C)
        let hasQuote = (quotes &- ones) & ~quotes
        let hasBackslash = (backslashes &- ones) & ~backslashes
        let hasControl = (word &- ones &* 0x20) & ~word
        return (hasQuote | hasBackslash | hasControl) & 0x8080_8080_8080_8080
    }

    /// Decodes the escape whose backslash is at `i`, moving `i` past it; false when it is
    /// not a valid JSON escape (a high surrogate must be followed by an escaped low one).
    @inline(__always)
    private static func decodeEscape(_ bytes: UnsafePointer<UInt8>, at i: inout Int, count: Int,
                                     into output: UnsafeMutablePointer<UInt8>, written: inout Int) -> Bool {
        guard i + 1 < count else { return false }
        let decoded: UInt8
        switch bytes[i + 1] {
        case UInt8(ascii: "n"): decoded = 0x0A
        case UInt8(ascii: "t"): decoded = 0x09
        case UInt8(ascii: "r"): decoded = 0x0D
        case UInt8(ascii: "b"): decoded = 0x08
        case UInt8(ascii: "f"): decoded = 0x0C
        case quote, backslash, UInt8(ascii: "/"): decoded = bytes[i + 1]
        case UInt8(ascii: "u"):
            guard let unit = hexUnit(bytes, at: i + 2, count: count) else { return false }
            var scalar = UInt32(unit)
            switch unit {
            case 0xD800...0xDBFF:
                guard i + 7 < count, bytes[i + 6] == backslash, bytes[i + 7] == UInt8(ascii: "u"),
                      let low = hexUnit(bytes, at: i + 8, count: count), (0xDC00...0xDFFF).contains(low) else {
                    return false
                }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (UInt32(low) - 0xDC00)
                i += 12
            case 0xDC00...0xDFFF:
                return false
            default:
                i += 6
            }
            written += encodeUTF8(scalar, into: output + written)
            return true
        default:
            return false
        }
        output[written] = decoded
        written += 1
        i += 2
        return true
    }

    /// The four hex digits at `i` as a code unit, or nil.
    @inline(__always)
    private static func hexUnit(_ bytes: UnsafePointer<UInt8>, at i: Int, count: Int) -> UInt16? {
        guard i + 4 <= count else { return nil }
        var unit: UInt16 = 0
        for k in 0..<4 {
            guard let digit = hexDigit(bytes[i + k]) else { return nil }
            unit = unit << 4 | UInt16(digit)
        }
        return unit
    }

    /// The value of one hex digit, or nil (shared with the strict scan).
    @inline(__always)
    static func hexDigit(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// Writes `scalar` as UTF-8 at `out` and returns its length (shared with the strict scan).
    static func encodeUTF8(_ scalar: UInt32, into out: UnsafeMutablePointer<UInt8>) -> Int {
        switch scalar {
        case ..<0x80:
            out[0] = UInt8(scalar)
            return 1
        case ..<0x800:
            out[0] = UInt8(0xC0 | scalar >> 6)
            out[1] = UInt8(0x80 | scalar & 0x3F)
            return 2
        case ..<0x10000:
            out[0] = UInt8(0xE0 | scalar >> 12)
            out[1] = UInt8(0x80 | scalar >> 6 & 0x3F)
            out[2] = UInt8(0x80 | scalar & 0x3F)
            return 3
        default:
            out[0] = UInt8(0xF0 | scalar >> 18)
            out[1] = UInt8(0x80 | scalar >> 12 & 0x3F)
            out[2] = UInt8(0x80 | scalar >> 6 & 0x3F)
            out[3] = UInt8(0x80 | scalar & 0x3F)
            return 4
        }
    }
}

extension JSONStringKernel {
    /// The string starting at `start` in `bytes` (just past its opening quote), decoded
    /// and validated as UTF-8, with its closing quote's offset; nil for anything the
    /// strict scan would reject. `scratch` is reused between calls and grows as needed.
    static func string(in bytes: UnsafePointer<UInt8>, from start: Int, count: Int,
                       scratch: inout [UInt8]) -> (value: String, end: Int)? {
        decoded(in: bytes, from: start, count: count, scratch: &scratch) { valid in
            // Valid by now; the String's own check of it is the cheap all-ASCII one when it is ASCII.
            valid.isEmpty ? "" : String(unsafeUninitializedCapacity: valid.count) { target in
                target.baseAddress!.update(from: valid.baseAddress!, count: valid.count)
                return valid.count
            }
        }
    }

    /// The same string as its UTF-8 bytes: validated here, so no String need check them again.
    static func utf8(in bytes: UnsafePointer<UInt8>, from start: Int, count: Int,
                     scratch: inout [UInt8]) -> (value: [UInt8], end: Int)? {
        decoded(in: bytes, from: start, count: count, scratch: &scratch) { Array($0) }
    }

    /// Decodes and validates the string into `scratch`, then makes the value of its bytes.
    @inline(__always)
    private static func decoded<Value>(
        in bytes: UnsafePointer<UInt8>, from start: Int, count: Int, scratch: inout [UInt8],
        _ make: (UnsafeBufferPointer<UInt8>) -> Value
    ) -> (value: Value, end: Int)? {
        let capacity = count - start
        if scratch.count < capacity || scratch.isEmpty {
            scratch = [UInt8](repeating: 0, count: max(capacity, 2 * scratch.count, 64))
        }
        return scratch.withUnsafeMutableBufferPointer { output in
            let source = output.baseAddress!
            guard let decoded = decode(bytes, from: start, count: count, into: source) else { return nil }
            if decoded.hasNonASCII,
               UTF8Validation.firstInvalidOffset(in: UnsafeRawBufferPointer(start: source, count: decoded.written)) != nil {
                return nil
            }
            return (make(UnsafeBufferPointer(start: source, count: decoded.written)), decoded.end)
        }
    }
}
