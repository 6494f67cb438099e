/// Byte-level helpers for the normaliser. The rules only need ASCII case and ASCII
/// delimiters, and UTF-8 keeps every ASCII byte out of multi-byte sequences, so byte ranges
/// can be cut and compared without decoding characters.
enum TextBytes {
    @inline(__always)
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0B || byte == 0x0C
    }

    @inline(__always)
    static func lowercased(_ byte: UInt8) -> UInt8 {
        byte &- 0x41 < 26 ? byte | 0x20 : byte
    }

    @inline(__always)
    static func isASCIILetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) &- 0x61 < 26
    }

    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool {
        byte &- 0x30 < 10
    }

    /// Whether `bytes[range]` starts with `prefix`, ASCII case ignored (`prefix` is lower case).
    static func hasPrefix(_ bytes: [UInt8], _ range: Range<Int>, _ prefix: StaticString) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard range.count >= count else { return false }
        return prefix.withUTF8Buffer { pattern in
            for offset in 0..<count where lowercased(bytes[range.lowerBound + offset]) != pattern[offset] {
                return false
            }
            return true
        }
    }

    /// Whether `bytes[range]` contains `needle`, ASCII case ignored (`needle` is lower case).
    static func contains(_ bytes: [UInt8], _ range: Range<Int>, _ needle: StaticString) -> Bool {
        let count = needle.utf8CodeUnitCount
        guard count > 0, range.count >= count else { return false }
        return needle.withUTF8Buffer { pattern in
            var start = range.lowerBound
            while start + count <= range.upperBound {
                if lowercased(bytes[start]) == pattern[0] {
                    var offset = 1
                    while offset < count && lowercased(bytes[start + offset]) == pattern[offset] { offset += 1 }
                    if offset == count { return true }
                }
                start += 1
            }
            return false
        }
    }

    /// Whether `bytes[range]` equals `word`, ASCII case ignored.
    static func equals(_ bytes: [UInt8], _ range: Range<Int>, _ word: StaticString) -> Bool {
        range.count == word.utf8CodeUnitCount && hasPrefix(bytes, range, word)
    }

    /// Words separated by whitespace.
    static func wordCount(_ bytes: [UInt8], _ range: Range<Int>) -> Int {
        var count = 0
        var inWord = false
        for index in range {
            if isSpace(bytes[index]) {
                inWord = false
            } else if !inWord {
                inWord = true
                count += 1
            }
        }
        return count
    }
}
