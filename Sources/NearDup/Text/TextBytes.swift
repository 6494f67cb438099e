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
                #if _endian(little)
                // Thirty-two bytes at a time: the vector marks the spaces, each word of the
                // mask counts its word starts as below.
                while range.upperBound - index >= 32 && count < limit {
                    let spaces = ByteVector.spaces(ByteVector.load(base, index))
                    // Lanes named one by one stay in registers.
                    count += wordStarts(spaces[0], after: &previousIsSpace)
                    count += wordStarts(spaces[1], after: &previousIsSpace)
                    count += wordStarts(spaces[2], after: &previousIsSpace)
                    count += wordStarts(spaces[3], after: &previousIsSpace)
                    index += 32
                }
                #endif
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

    /// The word starts in eight bytes whose whitespace bytes are all ones in `spaces`;
    /// `previousIsSpace` (1 or 0) carries the last byte's state from block to block.
    @inline(__always)
    private static func wordStarts(_ spaces: UInt64, after previousIsSpace: inout UInt64) -> Int {
        let marked = spaces & 0x8080_8080_8080_8080
        let predecessors = marked << 8 | previousIsSpace << 7
        previousIsSpace = marked >> 63
        return (~marked & predecessors & 0x8080_8080_8080_8080).nonzeroBitCount
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
                #if _endian(little)
                // Thirty-two bytes at a time, most of them skipped whole.
                let firsts = SIMD32<UInt8>(repeating: first)
                let seconds = SIMD32<UInt8>(repeating: second)
                let thirds = SIMD32<UInt8>(repeating: third)
                while end - index >= 32 {
                    let block = ByteVector.load(base, index)
                    let found = ByteVector.lanes((block .== firsts) .| (block .== seconds) .| (block .== thirds))
                    if let offset = ByteVector.firstMarked(found) { return index + offset }
                    index += 32
                }
                #endif
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
}

/// Thirty-two bytes as one vector, for the scans that look at every byte of a document.
///
/// Comparisons give a lane of all ones per matching byte; the mask is read back as four
/// little-endian words, byte `i` of the block in bits `8 * (i % 8)` of word `i / 8`, so the
/// word-at-a-time code takes over from there. Only arithmetic and comparisons between byte
/// vectors, and bitwise operations on 64-bit lanes, are used: those compile to single vector
/// instructions, where other forms (a scalar operand, bitwise operations on byte lanes)
/// may go lane by lane.
enum ByteVector {
    @inline(__always)
    static func load(_ base: UnsafeRawPointer, _ offset: Int) -> SIMD32<UInt8> {
        base.loadUnaligned(fromByteOffset: offset, as: SIMD32<UInt8>.self)
    }

    /// The mask as four words, each byte 0xFF where the lane is set and 0 elsewhere.
    @inline(__always)
    static func lanes(_ mask: SIMDMask<SIMD32<Int8>>) -> SIMD4<UInt64> {
        unsafeBitCast(mask, to: SIMD4<UInt64>.self)
    }

    /// The offset of the first set byte of `lanes`, or nil when none is set.
    @inline(__always)
    static func firstMarked(_ lanes: SIMD4<UInt64>) -> Int? {
        guard lanes[0] | lanes[1] | lanes[2] | lanes[3] != 0 else { return nil }
        if lanes[0] != 0 { return lanes[0].trailingZeroBitCount / 8 }
        if lanes[1] != 0 { return 8 + lanes[1].trailingZeroBitCount / 8 }
        if lanes[2] != 0 { return 16 + lanes[2].trailingZeroBitCount / 8 }
        return 24 + lanes[3].trailingZeroBitCount / 8
    }

    /// Whether no byte of `block` has its high bit set.
    @inline(__always)
    static func isASCII(_ block: SIMD32<UInt8>) -> Bool {
        let words = unsafeBitCast(block, to: SIMD4<UInt64>.self)
        return (words[0] | words[1] | words[2] | words[3]) & 0x8080_8080_8080_8080 == 0
    }

    /// `block` with the bits of `fold` (a byte repeated) set in every byte: 0x20 lower-cases
    /// ASCII letters.
    @inline(__always)
    static func folding(_ block: SIMD32<UInt8>, _ fold: UInt64) -> SIMD32<UInt8> {
        unsafeBitCast(unsafeBitCast(block, to: SIMD4<UInt64>.self) | SIMD4(repeating: fold), to: SIMD32<UInt8>.self)
    }

    /// The whitespace bytes of `block` (`TextBytes.isSpace`) as lanes.
    @inline(__always)
    static func spaces(_ block: SIMD32<UInt8>) -> SIMD4<UInt64> {
        // Tab, LF, VT, FF and CR are 0x09 through 0x0D: below 5 after subtracting 9.
        let control = (block &- SIMD32<UInt8>(repeating: 0x09)) .< SIMD32<UInt8>(repeating: 5)
        return lanes((block .== SIMD32<UInt8>(repeating: 0x20)) .| control)
    }
}
