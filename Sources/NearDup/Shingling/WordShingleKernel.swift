/// Word k-gram hashes of normalised text (words separated by single spaces), computed in
/// place: each word is hashed once with XXH3, and a window's hash is a multiply-add of its
/// word hashes under one odd multiplier per position, finished by a 64-bit mixer.
///
/// A word of up to 15 bytes (nearly all of them) is hashed as its bytes zero-padded to 16,
/// under the seed plus its length, so words of every length take one branch-free path; a
/// longer word is hashed as it is, under the seed.
///
/// The multiply-add is a bijection in each position (odd multipliers), so windows that differ
/// in one word never collide, and it costs k multiplications instead of a second XXH3 pass
/// over 8k bytes. Callers see only `Shingler`; the unsafe loop and its plain twin live here.
struct WordShingleKernel: Sendable {
    let size: Int
    let seed: UInt64
    /// One odd multiplier per window position.
    let multipliers: [UInt64]

    init(size: Int, seed: UInt64) {
        precondition(size > 0)
        self.size = size
        self.seed = seed
        multipliers = (0..<size).map { position in
            mix64(seed ^ 0x5851_F42D_4C95_7F2D &+ UInt64(position) &* 0x9E37_79B9_7F4A_7C15) | 1
        }
    }

    /// Appends one hash per window of `size` words (one window of all words when the text is
    /// shorter), the quoted mark set when every word of the window is quoted, and the paragraph
    /// of its first word. `quotedWords` is used only when it has one entry per word;
    /// `paragraphStarts` holds the first word of each paragraph after the first, ascending.
    /// `wordHashes` gets each word's hash in its first entries; the number of words is returned.
    @discardableResult
    func appendShingles(
        of text: [UInt8], quotedWords: [Bool], paragraphStarts: [Int32] = [], wordHashes: inout [UInt64],
        to hashes: inout [UInt64]
    ) -> Int {
        // A word takes at least one byte and one space, so count / 2 + 1 bounds the words.
        // The scratch array only grows, so it is not filled with zeros again for every text.
        let capacity = text.count / 2 + 1
        let wordCount = text.withUnsafeBufferPointer { text in
            wordHashes.withUnsafeMutableBufferPointer(growingTo: capacity) { words in
                Self.hashWords(text, seed: seed, into: words)
            }
        }
        guard wordCount > 0 else { return 0 }
        let width = min(size, wordCount)
        let windows = wordCount - width + 1
        let start = hashes.count
        hashes.append(contentsOf: repeatElement(0, count: windows))
        let marksQuotes = quotedWords.count == wordCount
        wordHashes.withUnsafeBufferPointer { allWords in
            let words = UnsafeBufferPointer(rebasing: allWords[..<wordCount])
            multipliers.withUnsafeBufferPointer { multipliers in
                quotedWords.withUnsafeBufferPointer { quoted in
                    hashes.withUnsafeMutableBufferPointer { hashes in
                        Self.combine(
                            words: words, width: width, multipliers: multipliers,
                            quoted: marksQuotes ? quoted : nil, paragraphStarts: paragraphStarts,
                            into: UnsafeMutableBufferPointer(rebasing: hashes[start...]))
                    }
                }
            }
        }
        return wordCount
    }

    /// Hashes each space-separated word; returns the number of words.
    ///
    /// While 16 bytes can be read, a word is found and hashed from one pair of loads: the
    /// space that ends it is searched in both halves at once and its bytes are masked in
    /// place, so the only branch taken per word is the one for words of 16 bytes or more.
    private static func hashWords(_ text: UnsafeBufferPointer<UInt8>, seed: UInt64, into words: UnsafeMutableBufferPointer<UInt64>) -> Int {
        guard let base = text.baseAddress else { return 0 }
        var count = 0
        var start = 0
        let end = text.count
        while start + 16 <= end {
            let low = UInt64(littleEndian: UnsafeRawPointer(base + start).loadUnaligned(as: UInt64.self))
            let high = UInt64(littleEndian: UnsafeRawPointer(base + start + 8).loadUnaligned(as: UInt64.self))
            let spaceInLow = firstSpaceMark(low)
            let spaceInHigh = firstSpaceMark(high)
            // Byte offset of the first space in the 16 bytes; 16 when there is none.
            let length = spaceInLow != 0
                ? spaceInLow.trailingZeroBitCount / 8
                : 8 + spaceInHigh.trailingZeroBitCount / 8
            if length < 16 {
                if length > 0 {
                    words[count] = paddedHash(low: low, high: high, length: length, seed: seed)
                    count += 1
                }
                start += length + 1
            } else {
                let stop = nextSpace(in: base, from: start + 16, end: end)
                words[count] = XXH3.hash(UnsafeRawBufferPointer(start: base + start, count: stop - start), seed: seed)
                count += 1
                start = stop + 1
            }
        }
        while start < end {
            let stop = nextSpace(in: base, from: start, end: end)
            let length = stop - start
            if length > 0 {
                if length < 16 {
                    var low: UInt64 = 0
                    var high: UInt64 = 0
                    for index in 0..<length {
                        let byte = UInt64(base[start + index]) << UInt64(8 * (index & 7))
                        if index < 8 { low |= byte } else { high |= byte }
                    }
                    words[count] = paddedHash(low: low, high: high, length: length, seed: seed)
                } else {
                    words[count] = XXH3.hash(UnsafeRawBufferPointer(start: base + start, count: length), seed: seed)
                }
                count += 1
            }
            start = stop + 1
        }
        return count
    }

    /// The top bit of each byte of `bytes` that is a space; exact for the lowest such byte,
    /// which is all the callers use (a borrow may mark bytes above it).
    @inline(__always)
    private static func firstSpaceMark(_ bytes: UInt64) -> UInt64 {
        let spacesZeroed = bytes ^ 0x2020_2020_2020_2020
        return (spacesZeroed &- 0x0101_0101_0101_0101) & ~spacesZeroed & 0x8080_8080_8080_8080
    }

    /// The hash of a word of 1...15 bytes, whose bytes start `low` and `high` (little-endian;
    /// bytes past the word are masked off here).
    @inline(__always)
    private static func paddedHash(low: UInt64, high: UInt64, length: Int, seed: UInt64) -> UInt64 {
        let lowBytes = min(length, 8)
        let highBytes = length - lowBytes
        let maskedLow = low & (UInt64.max &>> UInt64(64 - 8 * lowBytes))
        let maskedHigh = high & ((1 << UInt64(8 * highBytes)) &- 1)
        return XXH3.hashPadded16(low: maskedLow, high: maskedHigh, seed: seed &+ UInt64(length))
    }

    /// The offset of the first space at or after `start`, or `end`. Eight bytes at a time:
    /// a word of news text is about six letters, so one load usually finds its end, where a
    /// byte loop takes a branch per letter and mispredicts the last.
    @inline(__always)
    private static func nextSpace(in base: UnsafePointer<UInt8>, from start: Int, end: Int) -> Int {
        var position = start
        while position + 8 <= end {
            let found = firstSpaceMark(UInt64(littleEndian: UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self)))
            if found != 0 { return position + found.trailingZeroBitCount / 8 }
            position += 8
        }
        while position < end && base[position] != 0x20 { position += 1 }
        return position
    }

    /// Window hashes from word hashes, then their marks: a window is quoted when its count of
    /// unquoted words is 0, and belongs to the paragraph of its first word.
    private static func combine(
        words: UnsafeBufferPointer<UInt64>, width: Int, multipliers: UnsafeBufferPointer<UInt64>,
        quoted: UnsafeBufferPointer<Bool>?, paragraphStarts: [Int32], into output: UnsafeMutableBufferPointer<UInt64>
    ) {
        if width == 5 {
            // The default size, unrolled: five multipliers in registers, no loop per window.
            let (m0, m1, m2, m3, m4) = (multipliers[0], multipliers[1], multipliers[2], multipliers[3], multipliers[4])
            for window in 0..<output.count {
                let sum = 5 &+ words[window] &* m0 &+ words[window + 1] &* m1 &+ words[window + 2] &* m2
                    &+ words[window + 3] &* m3 &+ words[window + 4] &* m4
                output[window] = mix64(sum)
            }
        } else {
            for window in 0..<output.count {
                output[window] = windowHash(words, from: window, width: width, multipliers: multipliers)
            }
        }
        // Marks go on per paragraph: a run of windows shares one paragraph mark, so the loop
        // over a run holds no paragraph test, and quotation is counted without branching.
        let keptBits = ~((1 << UInt64(ShingleHash.markBits)) &- 1) as UInt64
        var unquoted = 0
        if let quoted {
            for index in 0..<width where !quoted[index] { unquoted += 1 }
        }
        var runStart = 0
        for paragraph in 0...paragraphStarts.count where runStart < output.count {
            let runEnd = paragraph < paragraphStarts.count ? min(Int(paragraphStarts[paragraph]), output.count) : output.count
            guard runStart < runEnd else { continue }
            let paragraphMark = UInt64(min(paragraph, ShingleHash.lastParagraph)) << 1
            if let quoted {
                for window in runStart..<runEnd {
                    if window > 0 {
                        unquoted = unquoted &+ (quoted[window &+ width &- 1] ? 0 : 1) &- (quoted[window &- 1] ? 0 : 1)
                    }
                    output[window] = output[window] & keptBits | paragraphMark | (unquoted == 0 ? 1 : 0)
                }
            } else {
                for window in runStart..<runEnd { output[window] = output[window] & keptBits | paragraphMark }
            }
            runStart = runEnd
        }
    }

    @inline(__always)
    private static func windowHash(
        _ words: UnsafeBufferPointer<UInt64>, from start: Int, width: Int, multipliers: UnsafeBufferPointer<UInt64>
    ) -> UInt64 {
        var sum = UInt64(truncatingIfNeeded: width)
        for position in 0..<width {
            sum &+= words[start + position] &* multipliers[position]
        }
        return mix64(sum)
    }

    /// The plain twin: safe arrays, one word and one window at a time, no shared state.
    func appendShinglesScalar(of text: [UInt8], quotedWords: [Bool], paragraphStarts: [Int32] = [], to hashes: inout [UInt64]) {
        var words: [UInt64] = []
        var current: [UInt8] = []
        for byte in text + [0x20] {
            if byte == 0x20 {
                if !current.isEmpty { words.append(Self.plainWordHash(current, seed: seed)) }
                current.removeAll()
            } else {
                current.append(byte)
            }
        }
        guard !words.isEmpty else { return }
        let width = min(size, words.count)
        let marksQuotes = quotedWords.count == words.count
        for window in 0...(words.count - width) {
            var sum = UInt64(width)
            for position in 0..<width { sum &+= words[window + position] &* multipliers[position] }
            let isQuoted = marksQuotes && quotedWords[window..<(window + width)].allSatisfy { $0 }
            let paragraph = paragraphStarts.count { Int($0) <= window }
            hashes.append(ShingleHash.make(mix64(sum), isQuoted: isQuoted, paragraph: paragraph))
        }
    }
}

extension WordShingleKernel {
    /// A word's hash as the type comment defines it, from a copy of its bytes.
    static func plainWordHash(_ word: [UInt8], seed: UInt64) -> UInt64 {
        guard word.count < 16 else { return XXH3.hash(word, seed: seed) }
        return XXH3.hash(word + [UInt8](repeating: 0, count: 16 - word.count), seed: seed &+ UInt64(word.count))
    }
}

extension Array {
    /// Runs `body` over the first `capacity` slots, which must already be reserved; the
    /// array keeps `capacity` elements, the ones past those `body` wrote being unspecified.
    fileprivate mutating func withUnsafeMutableBufferPointer<Result>(
        growingTo capacity: Int, _ body: (UnsafeMutableBufferPointer<Element>) -> Result
    ) -> Result where Element: FixedWidthInteger {
        if count < capacity { append(contentsOf: repeatElement(0, count: capacity - count)) }
        return withUnsafeMutableBufferPointer { body(UnsafeMutableBufferPointer(rebasing: $0[..<capacity])) }
    }
}
