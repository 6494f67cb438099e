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
