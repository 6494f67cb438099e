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

/// A list of lower-case ASCII patterns of two or more bytes, matched ignoring ASCII case.
///
/// A bit per possible (lower-cased) first two bytes tells which places can start a pattern,
/// so almost every line and position is turned down without comparing any pattern.
struct ASCIIPatterns: Sendable {
    private let patterns: [[UInt8]]
    /// Each pattern's first two bytes as `first << 8 | second`.
    private let keys: [Int]
    /// Bit `key` is set when a pattern starts with those two bytes.
    private let openings: [UInt64]
    /// The distinct first two bytes of the patterns, for searching.
    private let pairs: [(first: ByteMatcher, second: ByteMatcher)]

    init(_ patterns: [StaticString]) {
        self.patterns = patterns.map { pattern in pattern.withUTF8Buffer { Array($0) } }
        keys = self.patterns.map { pattern in
            precondition(pattern.count >= 2, "patterns have at least two bytes")
            return Int(pattern[0]) << 8 | Int(pattern[1])
        }
        var openings = [UInt64](repeating: 0, count: 65_536 / 64)
        for key in keys {
            openings[key >> 6] |= 1 << UInt64(key & 63)
        }
        self.openings = openings
        var pairs: [(first: ByteMatcher, second: ByteMatcher)] = []
        var seen = Set<[UInt8]>()
        for pattern in self.patterns where seen.insert(Array(pattern[0..<2])).inserted {
            pairs.append((ByteMatcher(pattern[0]), ByteMatcher(pattern[1])))
        }
        self.pairs = pairs
    }

    /// Whether `bytes[range]` starts with one of the patterns.
    func matchPrefix(of bytes: [UInt8], _ range: Range<Int>) -> Bool {
        guard let key = openingKey(bytes, at: range.lowerBound, before: range.upperBound) else { return false }
        return keys.indices.contains { keys[$0] == key && Self.matches(patterns[$0], bytes, at: range.lowerBound, before: range.upperBound) }
    }

    /// Whether `bytes[range]` is one of the patterns.
    func matchWhole(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        guard let key = openingKey(bytes, at: range.lowerBound, before: range.upperBound) else { return false }
        return keys.indices.contains {
            keys[$0] == key && patterns[$0].count == range.count
                && Self.matches(patterns[$0], bytes, at: range.lowerBound, before: range.upperBound)
        }
    }

    /// Whether one of the patterns occurs anywhere in `bytes[range]`.
    func occurs(in bytes: [UInt8], _ range: Range<Int>) -> Bool {
        var start = range.lowerBound
        while let candidate = nextOpening(in: bytes, start..<range.upperBound) {
            if patterns.contains(where: { Self.matches($0, bytes, at: candidate, before: range.upperBound) }) { return true }
            start = candidate + 1
        }
        return false
    }

    /// The first place in `bytes[range]` whose two bytes start a pattern, or nil.
    private func nextOpening(in bytes: [UInt8], _ range: Range<Int>) -> Int? {
        var index = range.lowerBound
        let found: Int? = bytes.withUnsafeBufferPointer { buffer in
            guard let base = UnsafeRawPointer(buffer.baseAddress) else { return nil }
            // Eight places at a time: the words at `index` and `index + 1` hold each place's
            // first and second byte.
            while range.upperBound - index >= 9 {
                let firsts = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                let seconds = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: index + 1, as: UInt64.self))
                var matched: UInt64 = 0
                for pair in pairs {
                    matched |= pair.first.matches(firsts) & pair.second.matches(seconds)
                }
                if matched != 0 { return index + matched.trailingZeroBitCount / 8 }
                index += 8
            }
            return nil
        }
        if found != nil { return found }
        while index + 1 < range.upperBound {
            if openingKey(bytes, at: index, before: range.upperBound) != nil { return index }
            index += 1
        }
        return nil
    }

    /// One pattern byte, compared with eight text bytes at once ignoring ASCII case.
    private struct ByteMatcher: Sendable {
        /// 0x20 in every byte for a letter (the text is OR-ed with it), else 0.
        let caseMask: UInt64
        /// The pattern byte in every byte.
        let value: UInt64

        init(_ byte: UInt8) {
            let ones: UInt64 = 0x0101_0101_0101_0101
            caseMask = TextBytes.isASCIILetter(byte) ? ones &* 0x20 : 0
            value = ones &* UInt64(byte)
        }

        /// The high bit of each byte of `word` that equals the pattern byte, exactly.
        @inline(__always)
        func matches(_ word: UInt64) -> UInt64 {
            let difference = (word | caseMask) ^ value
            let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
            return ~(((difference & low) &+ low) | difference) & 0x8080_8080_8080_8080
        }
    }

    /// The lower-cased first two bytes at `start` as a key, when a pattern starts with them.
    @inline(__always)
    private func openingKey(_ bytes: [UInt8], at start: Int, before end: Int) -> Int? {
        guard end - start >= 2 else { return nil }
        let key = Int(TextBytes.lowercased(bytes[start])) << 8 | Int(TextBytes.lowercased(bytes[start + 1]))
        return openings[key >> 6] >> UInt64(key & 63) & 1 != 0 ? key : nil
    }

    private static func matches(_ pattern: [UInt8], _ bytes: [UInt8], at start: Int, before end: Int) -> Bool {
        guard end - start >= pattern.count else { return false }
        for offset in 0..<pattern.count where TextBytes.lowercased(bytes[start + offset]) != pattern[offset] {
            return false
        }
        return true
    }
}
