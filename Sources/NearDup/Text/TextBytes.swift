/// Byte-level helpers for the normaliser. The rules only need ASCII case and ASCII
/// delimiters, and UTF-8 keeps every ASCII byte out of multi-byte sequences, so byte ranges
/// can be cut and compared without decoding characters.
enum TextBytes {
    @inline(__always)
    static func isSpace(_ byte: UInt8) -> Bool {
        // Space, tab, LF, VT, FF, CR as bits of one mask.
        byte < 64 && (UInt64(0x1_0000_3E00) >> byte) & 1 != 0
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

    /// Words separated by whitespace, counted up to `limit`: a line's rules only ask whether
    /// it is short, so counting stops there.
    static func wordCount(_ bytes: [UInt8], _ range: Range<Int>, limit: Int = .max) -> Int {
        bytes.withUnsafeBufferPointer { buffer in
            var count = 0
            var index = range.lowerBound
            var previousIsSpace: UInt64 = 1  // a word starts at a non-space byte after a space (or the start)
            if let base = UnsafeRawPointer(buffer.baseAddress) {
                // Eight bytes at a time: word starts are the non-space bytes whose predecessor is a space.
                while range.upperBound - index >= 8 && count < limit {
                    let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                    let spaces = spaceBytes(word)
                    let predecessors = spaces << 8 | previousIsSpace << 7
                    count += (~spaces & predecessors & 0x8080_8080_8080_8080).nonzeroBitCount
                    previousIsSpace = spaces >> 63
                    index += 8
                }
            }
            while index < range.upperBound && count < limit {
                let space: UInt64 = isSpace(buffer[index]) ? 1 : 0
                count += Int(previousIsSpace & (space ^ 1))
                previousIsSpace = space
                index += 1
            }
            return min(count, limit)
        }
    }

    /// The high bit of each byte of `word` that is whitespace (`isSpace`), exactly.
    @inline(__always)
    private static func spaceBytes(_ word: UInt64) -> UInt64 {
        let high: UInt64 = 0x8080_8080_8080_8080
        let low = word & 0x7F7F_7F7F_7F7F_7F7F  // per byte below 0x80, so sums never carry over
        let isBlank = ~((low ^ 0x2020_2020_2020_2020) &+ 0x7F7F_7F7F_7F7F_7F7F)  // == 0x20
        let isControl = (low &+ 0x7777_7777_7777_7777) & ~(low &+ 0x7272_7272_7272_7272)  // 0x09...0x0D
        return (isBlank | isControl) & ~word & high
    }

    /// The index of the first byte in `bytes[start..<end]` (to the end by default) that is
    /// `first`, `second` or `third`, or nil.
    static func firstIndex(of first: UInt8, _ second: UInt8, _ third: UInt8, in bytes: [UInt8], from start: Int,
                           before end: Int? = nil) -> Int? {
        bytes.withUnsafeBufferPointer { buffer in
            let end = end ?? buffer.count
            var index = start
            if let base = UnsafeRawPointer(buffer.baseAddress) {
                // Eight bytes at a time: a word's lowest flagged byte is the first match in it.
                let ones: UInt64 = 0x0101_0101_0101_0101
                while end - index >= 8 {
                    let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                    let found = zeroBytes(word ^ (ones &* UInt64(first))) | zeroBytes(word ^ (ones &* UInt64(second)))
                        | zeroBytes(word ^ (ones &* UInt64(third)))
                    if found != 0 { return index + found.trailingZeroBitCount / 8 }
                    index += 8
                }
            }
            while index < end {
                let byte = buffer[index]
                if byte == first || byte == second || byte == third { return index }
                index += 1
            }
            return nil
        }
    }

    /// The high bit of each zero byte of `word` set: exact up to the lowest zero byte (above
    /// it a borrow may flag a 0x01 byte too), which is all the searches need.
    @inline(__always)
    private static func zeroBytes(_ word: UInt64) -> UInt64 {
        (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080
    }

    /// The index of the first byte of `bytes[start..<end]` that is not ASCII, or `end`.
    static func endOfASCII(_ bytes: [UInt8], from start: Int, to end: Int) -> Int {
        bytes.withUnsafeBufferPointer { buffer in
            var index = start
            if let base = UnsafeRawPointer(buffer.baseAddress) {
                // Eight bytes at a time while none has its high bit set.
                while end - index >= 8 && base.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    index += 8
                }
            }
            while index < end && buffer[index] < 0x80 { index += 1 }
            return index
        }
    }
}
