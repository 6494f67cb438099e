import NearDup

/// Small byte-level helpers for ASCII-punctuated UTF-8 text: the simulator keeps its
/// paragraphs as byte arrays with single spaces between words, which makes word-level
/// edits cheap and allocation-free.
enum ByteText {
    static let space: UInt8 = 0x20
    static let newline: UInt8 = 0x0A

    static func isUpper(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }
    static func isLower(_ byte: UInt8) -> Bool { byte >= 0x61 && byte <= 0x7A }
    static func isLetter(_ byte: UInt8) -> Bool { isUpper(byte) || isLower(byte) }
    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    static func isWordByte(_ byte: UInt8) -> Bool { isLetter(byte) || isDigit(byte) || byte >= 0x80 }
    static func lower(_ byte: UInt8) -> UInt8 { isUpper(byte) ? byte + 0x20 : byte }
    static func upper(_ byte: UInt8) -> UInt8 { isLower(byte) ? byte - 0x20 : byte }

    /// FNV-1a over bytes, finished with SplitMix64's mix (a stable, platform-free hash).
    static func hash<S: Sequence>(_ bytes: S, lowercased: Bool = false) -> UInt64 where S.Element == UInt8 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes {
            h ^= UInt64(lowercased ? lower(byte) : byte)
            h &*= 0x0000_0100_0000_01B3
        }
        return SplitMix64.mix(h)
    }

    static func hash(_ text: String) -> UInt64 { hash(Array(text.utf8)) }

    /// Words (runs of non-spaces) in a single-spaced paragraph.
    static func wordCount(_ bytes: [UInt8]) -> Int {
        var count = 0
        var inWord = false
        for byte in bytes {
            if byte == space || byte == newline {
                inWord = false
            } else if !inWord {
                inWord = true
                count += 1
            }
        }
        return count
    }

    /// Byte ranges of the space-separated tokens of a single-spaced paragraph.
    static func tokens(_ bytes: [UInt8]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        result.reserveCapacity(bytes.count / 5)
        var start = -1
        for index in bytes.indices {
            if bytes[index] == space {
                if start >= 0 { result.append(start..<index) }
                start = -1
            } else if start < 0 {
                start = index
            }
        }
        if start >= 0 { result.append(start..<bytes.count) }
        return result
    }

    /// The word inside a token: leading and trailing punctuation removed
    /// (`"(Moody's,"` -> `Moody's`).
    static func core(of token: Range<Int>, in bytes: [UInt8]) -> Range<Int> {
        var lower = token.lowerBound
        var upper = token.upperBound
        while lower < upper && !isWordByte(bytes[lower]) { lower += 1 }
        while upper > lower && !isWordByte(bytes[upper - 1]) { upper -= 1 }
        return lower..<upper
    }

    /// Does the token end a sentence (".", "?" or "!" before any closing quotes/brackets)?
    static func endsSentence<C: RandomAccessCollection>(_ token: Range<Int>, in bytes: C) -> Bool where C.Element == UInt8, C.Index == Int {
        var index = token.upperBound - 1
        while index >= token.lowerBound, bytes[index] == 0x22 || bytes[index] == 0x27 || bytes[index] == 0x29 {
            index -= 1
        }
        guard index >= token.lowerBound else { return false }
        let byte = bytes[index]
        return byte == 0x2E || byte == 0x3F || byte == 0x21
    }

    /// Sentences of a paragraph: split after ".", "?" or "!" (before closing quotes) when
    /// the next word starts with a capital or a quotation mark, and the word is no
    /// abbreviation ("U.S.", "Mr.", "Corp.").
    static func sentences(_ bytes: [UInt8]) -> [[UInt8]] {
        let tokens = tokens(bytes)
        var result: [[UInt8]] = []
        var start = 0
        for (index, token) in tokens.enumerated() {
            let last = index == tokens.count - 1
            let breaks = endsSentence(token, in: bytes) && !isAbbreviation(bytes[token])
                && (last || { let next = bytes[tokens[index + 1].lowerBound]; return isUpper(next) || next == 0x22 }())
            if breaks || last {
                result.append(Array(bytes[tokens[start].lowerBound..<token.upperBound]))
                start = index + 1
            }
        }
        return result
    }

    private static let abbreviations: Set<[UInt8]> = Set([
        "mr", "mrs", "ms", "dr", "st", "co", "corp", "inc", "ltd", "jr", "sr", "gen", "gov", "sen", "rep", "no",
        "jan", "feb", "mar", "apr", "aug", "sep", "sept", "oct", "nov", "dec", "vs", "ave", "bros", "dept",
    ].map { Array($0.utf8) })

    /// "U.S.", "p.m." (a stop inside the word) or a listed abbreviation such as "Corp.".
    static func isAbbreviation(_ token: ArraySlice<UInt8>) -> Bool {
        guard token.last == 0x2E else { return false }
        let word = token.dropLast()
        if word.contains(0x2E) { return true }
        return abbreviations.contains(word.map(lower))
    }

    /// Whitespace runs collapsed to one space, ends trimmed.
    static func collapsingWhitespace<C: Collection>(_ bytes: C) -> [UInt8] where C.Element == UInt8 {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var pendingSpace = false
        for byte in bytes {
            if byte == space || byte == newline || byte == 0x09 || byte == 0x0D {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.append(space) }
                pendingSpace = false
                result.append(byte)
            }
        }
        return result
    }

    /// "BAHIA COCOA REVIEW" -> "Bahia Cocoa Review"; short words after the first stay lower case.
    static func titleCased(_ bytes: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var first = true
        for token in tokens(bytes) {
            if !result.isEmpty { result.append(space) }
            let word = bytes[token].map(lower)
            let keepLower = !first && smallWords.contains(word)
            var atStart = true
            for byte in word {
                result.append(atStart && !keepLower ? upper(byte) : byte)
                if isLetter(byte) { atStart = false } else if byte == 0x2D { atStart = true }
            }
            first = false
        }
        return result
    }

    private static let smallWords: Set<[UInt8]> = Set(
        ["a", "an", "and", "at", "by", "for", "in", "of", "on", "or", "the", "to", "vs", "with"].map { Array($0.utf8) })

    /// Lower case with only the first letter capitalised.
    static func sentenceCased(_ bytes: [UInt8]) -> [UInt8] {
        var result = bytes.map(lower)
        if let first = result.firstIndex(where: isLetter) { result[first] = upper(result[first]) }
        return result
    }

    static func uppercased(_ bytes: [UInt8]) -> [UInt8] { bytes.map(upper) }
}

extension Array where Element == UInt8 {
    mutating func append(_ text: String) {
        append(contentsOf: text.utf8)
    }
}
