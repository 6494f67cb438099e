/// A list of lower-case ASCII patterns of two or more bytes, matched ignoring ASCII case.
///
/// A bit per possible (lower-cased) first two bytes tells which places can start a pattern,
/// so almost every line is turned down without comparing any pattern. Searching a line
/// slides a window as long as the shortest pattern and moves it by the Wu–Manber shift of
/// the two bytes it ends with, so most bytes are never looked at.
struct ASCIIPatterns: Sendable {
    private let patterns: [[UInt8]]
    /// Each pattern's first two bytes as `first << 8 | second`.
    private let keys: [Int]
    /// Bit `key` is set when a pattern starts with those two bytes.
    private let openings: [UInt64]
    /// The length of the shortest pattern: the window `occurs` slides.
    private let window: Int
    /// For each slot of the two (lower-cased) bytes that end a window, how far the window
    /// can move without passing a place where a pattern starts; 0 when one may start there.
    private let shifts: [UInt8]

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
        guard range.count >= window else { return false }
        let last = range.upperBound - window
        return shifts.withUnsafeBufferPointer { shifts in
            var start = range.lowerBound
            while start <= last {
                let end = start + window
                let shift = Int(shifts[Self.slot(bytes[end - 2], bytes[end - 1])])
                if shift == 0 {
                    if patterns.contains(where: { Self.matches($0, bytes, at: start, before: range.upperBound) }) { return true }
                    start += 1
                } else {
                    start += shift
                }
            }
            return false
        }
    }

    private static let slotCount = 4_096

    /// Where two bytes, lower-cased, fall in `shifts`.
    @inline(__always)
    private static func slot(_ first: UInt8, _ second: UInt8) -> Int {
        (Int(TextBytes.lowercased(first)) << 5 ^ Int(TextBytes.lowercased(second))) & (slotCount - 1)
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
