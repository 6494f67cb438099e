/// A list of lower-case ASCII patterns of two or more bytes, matched ignoring ASCII case.
///
/// The patterns are kept in order of their first two bytes, with a table of where those
/// starting with each byte lie, so almost every line is turned down by one look-up and a
/// place that can start a pattern is compared only with the few sharing its first byte. The
/// tables are small enough to stay in the first-level cache. Searching a line slides a window
/// as long as the shortest pattern and moves it by the Wu–Manber shift of the two bytes it
/// ends with, so most bytes are never looked at.
struct ASCIIPatterns: Sendable {
    /// The patterns in order of `keys`.
    private let patterns: [[UInt8]]
    /// Each pattern's first two bytes as `first << 8 | second`, in increasing order.
    private let keys: [UInt16]
    /// The patterns starting with byte `b` are `buckets[b]..<buckets[b + 1]`.
    private let buckets: [UInt8]
    /// The length of the shortest pattern: the window `occurs` slides.
    private let window: Int
    /// For each slot of the two bytes that end a window, how far the window can move
    /// without passing a place where a pattern starts; 0 when one may start there.
    private let shifts: [UInt8]
    /// Each pattern's first and last byte, for `occurs` to test thirty-two places at once.
    private let ends: [Ends]
    /// The length of the longest pattern.
    private let longest: Int

    /// A pattern's first two bytes and its last, each with the bit that folds case when it
    /// is a letter.
    private struct Ends {
        var first: UInt8
        var firstFold: UInt64
        var second: UInt8
        var secondFold: UInt64
        var last: UInt8
        var lastFold: UInt64
        var length: Int

        init(_ pattern: [UInt8]) {
            func fold(_ byte: UInt8) -> UInt64 { TextBytes.isASCIILetter(byte) ? 0x2020_2020_2020_2020 : 0 }
            first = pattern[0]
            second = pattern[1]
            last = pattern[pattern.count - 1]
            firstFold = fold(first)
            secondFold = fold(second)
            lastFold = fold(last)
            length = pattern.count
        }
    }

    /// Up to this many patterns `occurs` compares thirty-two places at once; the sliding
    /// window pays off for longer lists.
    private static let vectorPatternLimit = 4

    init(_ patterns: [StaticString]) {
        precondition(patterns.count < 256, "bucket bounds are bytes")
        let byKey = patterns.map { pattern in pattern.withUTF8Buffer { Array($0) } }.map { pattern in
            precondition(pattern.count >= 2, "patterns have at least two bytes")
            return (key: UInt16(pattern[0]) << 8 | UInt16(pattern[1]), pattern: pattern)
        }.sorted { $0.key < $1.key }
        self.patterns = byKey.map(\.pattern)
        keys = byKey.map(\.key)
        buckets = (0...256).map { byte in UInt8(byKey.firstIndex { Int($0.key >> 8) >= byte } ?? byKey.count) }
        // Two bytes at offset j of a pattern's first `window` bytes end a window that
        // starts where the pattern does after a move of `window - 2 - j`, so no window
        // ending with them may move further. Slots shared by several byte pairs take the
        // smallest move, which is always safe.
        let window = self.patterns.map(\.count).min() ?? 2
        var shifts = [UInt8](repeating: UInt8(Swift.min(window - 1, 255)), count: Self.slotCount)
        for pattern in self.patterns {
            for offset in 0..<(window - 1) {
                let slot = Self.slot(pattern[offset], pattern[offset + 1])
                shifts[slot] = Swift.min(shifts[slot], UInt8(Swift.min(window - 2 - offset, 255)))
            }
        }
        self.window = window
        self.shifts = shifts
        ends = self.patterns.map(Ends.init)
        longest = self.patterns.map(\.count).max() ?? 2
    }

    /// Whether `bytes[range]` starts with one of the patterns.
    func matchPrefix(of bytes: [UInt8], _ range: Range<Int>) -> Bool {
        matchesAt(range.lowerBound, in: bytes, before: range.upperBound)
    }

    /// Whether `bytes[range]` is one of the patterns.
    func matchWhole(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        guard let candidates = candidates(bytes, at: range.lowerBound, before: range.upperBound) else { return false }
        for index in candidates.range
        where keys[index] == candidates.key && patterns[index].count == range.count
            && Self.matches(patterns[index], bytes, at: range.lowerBound, before: range.upperBound) {
            return true
        }
        return false
    }

    /// Whether one of the patterns starts at `start` and ends by `end`.
    @inline(__always)
    private func matchesAt(_ start: Int, in bytes: [UInt8], before end: Int) -> Bool {
        guard let candidates = candidates(bytes, at: start, before: end) else { return false }
        for index in candidates.range
        where keys[index] == candidates.key && Self.matches(patterns[index], bytes, at: start, before: end) {
            return true
        }
        return false
    }

    /// Whether one of the patterns occurs anywhere in `bytes[range]`.
    func occurs(in bytes: [UInt8], _ range: Range<Int>) -> Bool {
        guard range.count >= window else { return false }
        let last = range.upperBound - window
        var start = range.lowerBound
        #if _endian(little)
        if ends.count <= Self.vectorPatternLimit {
            if occursByVector(in: bytes, range, from: &start) { return true }
        }
        #endif
        return shifts.withUnsafeBufferPointer { shifts in
            while start <= last {
                let end = start + window
                let shift = Int(shifts[Self.slot(bytes[end - 2], bytes[end - 1])])
                if shift == 0 {
                    if matchesAt(start, in: bytes, before: range.upperBound) { return true }
                    start += 1
                } else {
                    start += shift
                }
            }
            return false
        }
    }

    /// Tests thirty-two starting places at a time, from `start` on, by each pattern's first
    /// two bytes and its last, and compares the patterns in full only where all three agree;
    /// stops where a load would leave `bytes`, with `start` at the first place not yet tested.
    private func occursByVector(in bytes: [UInt8], _ range: Range<Int>, from start: inout Int) -> Bool {
        let last = range.upperBound - window
        return bytes.withUnsafeBufferPointer { buffer in
            guard let base = UnsafeRawPointer(buffer.baseAddress) else { return false }
            while start <= last && start + longest + 31 <= buffer.count {
                let head = ByteVector.load(base, start)
                let next = ByteVector.load(base, start + 1)
                var hits = SIMD4<UInt64>()
                for end in ends {
                    let tail = ByteVector.load(base, start + end.length - 1)
                    let firsts = ByteVector.folding(head, end.firstFold) .== SIMD32<UInt8>(repeating: end.first)
                    let seconds = ByteVector.folding(next, end.secondFold) .== SIMD32<UInt8>(repeating: end.second)
                    let lasts = ByteVector.folding(tail, end.lastFold) .== SIMD32<UInt8>(repeating: end.last)
                    hits |= ByteVector.lanes(firsts .& seconds .& lasts)
                }
                if hits[0] | hits[1] | hits[2] | hits[3] != 0 {
                    for lane in 0..<4 {
                        var marked = hits[lane] & 0x8080_8080_8080_8080
                        while marked != 0 {
                            let position = start + lane * 8 + marked.trailingZeroBitCount / 8
                            if position <= last && matchesAt(position, in: bytes, before: range.upperBound) { return true }
                            marked &= marked - 1
                        }
                    }
                }
                start += 32
            }
            return false
        }
    }

    private static let slotCount = 4_096

    /// Where two bytes fall in `shifts`. Bit 5 set makes upper and lower case agree (and
    /// merges a few other pairs, which only makes shifts smaller).
    @inline(__always)
    private static func slot(_ first: UInt8, _ second: UInt8) -> Int {
        (Int(first | 0x20) << 5 ^ Int(second | 0x20)) & (slotCount - 1)
    }

    /// The patterns that may start at `start`, which share its first byte, and the
    /// lower-cased first two bytes there as a key; nil when no pattern starts with that byte.
    @inline(__always)
    private func candidates(_ bytes: [UInt8], at start: Int, before end: Int) -> (range: Range<Int>, key: UInt16)? {
        guard end - start >= 2 else { return nil }
        let first = Int(TextBytes.lowercased(bytes[start]))
        let lower = Int(buckets[first])
        let upper = Int(buckets[first + 1])
        guard lower < upper else { return nil }
        return (lower..<upper, UInt16(first) << 8 | UInt16(TextBytes.lowercased(bytes[start + 1])))
    }

    private static func matches(_ pattern: [UInt8], _ bytes: [UInt8], at start: Int, before end: Int) -> Bool {
        guard end - start >= pattern.count else { return false }
        for offset in 0..<pattern.count where TextBytes.lowercased(bytes[start + offset]) != pattern[offset] {
            return false
        }
        return true
    }
}
