/// The time stamp that opens an item of a live blog or running story: "11:09", "2:05 p.m.",
/// "14.05 GMT", "9:30 - ...", "5 mins ago". One story's paragraphs do not open with clock
/// times; a page whose paragraphs do, several times over, is a bundle of items (see
/// `BundleRule`), whatever its markup, so the sign is read from the text alone.
enum ItemStamp {
    /// Whether the paragraph at `range` of `bytes` opens with an item's time stamp.
    static func opens(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        var index = range.lowerBound
        let end = range.upperBound
        while index < end && TextBytes.isSpace(bytes[index]) { index += 1 }
        guard let (hour, afterHour) = number(bytes, from: index, end: end, maximumDigits: 2) else { return false }
        index = afterHour
        if index < end && (bytes[index] == 0x3A || bytes[index] == 0x2E) {
            // A clock: hours, then two digits of minutes.
            guard hour <= 24, let (minute, afterMinute) = number(bytes, from: index + 1, end: end, maximumDigits: 2),
                  afterMinute - index == 3, minute < 60
            else { return false }
            return endsClock(bytes, from: afterMinute, end: end)
        }
        return endsAge(bytes, from: index, end: end)
    }

    /// After a clock: the paragraph's end, a line break, a.m./p.m., a zone in capitals, or a
    /// separator before the item's text.
    private static func endsClock(_ bytes: [UInt8], from start: Int, end: Int) -> Bool {
        var index = start
        guard index < end else { return true }
        let first = bytes[index]
        if isLetter(first) || isDigit(first) {
            // "2:05pm"; anything else glued to the clock is not one.
            return isMeridiem(bytes, from: index, end: end)
        }
        while index < end && bytes[index] == 0x20 { index += 1 }
        guard index < end else { return true }
        switch bytes[index] {
        case 0x0A, 0x0D, 0x2D, 0x7C, 0x3A: return true  // line break, "-", "|", ":"
        case 0xE2:
            // En dash, em dash, bullet.
            guard index + 2 < end && bytes[index + 1] == 0x80 else { return false }
            let last = bytes[index + 2]
            return last == 0x93 || last == 0x94 || last == 0xA2
        default:
            if isMeridiem(bytes, from: index, end: end) { return true }
            var letters = index
            while letters < end && bytes[letters] >= 0x41 && bytes[letters] <= 0x5A { letters += 1 }
            let zoneLength = letters - index
            return (2...5).contains(zoneLength) && (letters == end || !isLetter(bytes[letters]))
        }
    }

    /// "am", "pm", "a.m.", "p.m." in either case, not followed by a letter.
    private static func isMeridiem(_ bytes: [UInt8], from start: Int, end: Int) -> Bool {
        var index = start
        guard index < end, bytes[index] | 0x20 == 0x61 || bytes[index] | 0x20 == 0x70 else { return false }
        index += 1
        if index < end && bytes[index] == 0x2E { index += 1 }
        guard index < end, bytes[index] | 0x20 == 0x6D else { return false }
        index += 1
        return index == end || !isLetter(bytes[index])
    }

    /// "5 mins ago", "2 hours ago", "1h ago".
    private static func endsAge(_ bytes: [UInt8], from start: Int, end: Int) -> Bool {
        var index = start
        if index < end && bytes[index] == 0x20 { index += 1 }
        let unitStart = index
        while index < end && isLetter(bytes[index]) { index += 1 }
        guard ageUnits.contains(where: { equalsIgnoringCase(bytes, unitStart..<index, $0) }) else { return false }
        return index + 4 <= end && equalsIgnoringCase(bytes, index..<index + 4, " ago")
    }

    private static let ageUnits: [StaticString] = ["m", "min", "mins", "minute", "minutes", "h", "hr", "hrs", "hour", "hours"]

    /// Whether `bytes[range]` spells `word` (lower-case ASCII) in either case, without copying.
    private static func equalsIgnoringCase(_ bytes: [UInt8], _ range: Range<Int>, _ word: StaticString) -> Bool {
        guard range.count == word.utf8CodeUnitCount else { return false }
        let letters = word.utf8Start
        for (offset, index) in range.enumerated() where bytes[index] | 0x20 != letters[offset] | 0x20 { return false }
        return true
    }

    /// The decimal number of one to `maximumDigits` digits at `start`, not followed by another digit.
    private static func number(_ bytes: [UInt8], from start: Int, end: Int, maximumDigits: Int) -> (Int, Int)? {
        var value = 0
        var index = start
        while index < end && isDigit(bytes[index]) {
            guard index - start < maximumDigits else { return nil }
            value = value * 10 + Int(bytes[index] - 0x30)
            index += 1
        }
        return index > start ? (value, index) : nil
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }
    private static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) &- 0x61 < 26 }
}

/// The stamped items of a text read paragraph by paragraph (or block by block): an item is
/// a stamp and what follows up to the next one, and counts when it holds text: a sentence
/// ended by a full stop, or `minimumWords` words. A live blog's posts are sentences; a
/// "latest news" ticker beside a story ("15m ago" over a headline, again and again) holds
/// headlines, and is no bundle.
struct StampedItems {
    static let minimumWords = 15

    private var closed = 0
    /// Words of the item being read; -1 before the first stamp.
    private var openWords = -1
    private var openHasSentence = false

    /// Reads the next paragraph: whether it opens with a stamp, its words, and whether it
    /// ends with a full stop (`endsSentence`).
    mutating func read(opensItem: Bool, words: Int, endsSentence: Bool = false) {
        if opensItem {
            if holdsText { closed += 1 }
            openWords = 0
            openHasSentence = false
        }
        guard openWords >= 0 else { return }
        openWords += words
        // "10:30 a.m." alone ends with a full stop too.
        if endsSentence && words >= 4 { openHasSentence = true }
    }

    private var holdsText: Bool { openWords >= Self.minimumWords || openWords >= 0 && openHasSentence }

    /// Items read so far that hold text.
    var count: Int { closed + (holdsText ? 1 : 0) }

    /// Whether the paragraph at `range` ends with a full stop, a closing quote after one allowed.
    static func endsSentence(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        var end = range.upperBound
        while end > range.lowerBound && TextBytes.isSpace(bytes[end - 1]) { end -= 1 }
        if end > range.lowerBound && (bytes[end - 1] == 0x22 || bytes[end - 1] == 0x27) { end -= 1 }
        if end - 3 >= range.lowerBound && bytes[end - 3] == 0xE2 && bytes[end - 2] == 0x80 && bytes[end - 1] == 0x9D { end -= 3 }
        return end > range.lowerBound && bytes[end - 1] == 0x2E
    }
}
