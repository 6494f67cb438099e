/// Drops the parts of a page that one outlet adds to a syndicated story and another does not:
/// headline, byline, dateline, photo captions and credits (`CaptionRule`), "Related article:" /
/// "Read more" lines, wire credits and site footers. They carry no evidence of copying, and left in they lower the similarity
/// of true copies and raise that of unrelated pages from the same site.
///
/// Works on byte ranges of the UTF-8 text; every rule looks at ASCII only. Paragraphs are
/// judged one at a time, in order, as the normaliser reads them.
struct BoilerplateFilter {
    /// Paragraphs judged so far.
    private var position = 0
    /// Headline-like lines still to drop after a "Related articles" heading.
    private var headlinesToSkip = 0
    /// Whether a paragraph has been kept yet (a bare-place dateline only opens a story).
    private var hasKept = false

    /// Lines starting with one of these (case-insensitive, after bullets) are outlet furniture.
    private static let furniturePrefixes = ASCIIPatterns([
        "related article", "related stories", "related story", "related coverage", "related content",
        "related news", "related:", "read more", "read also", "also read", "see also", "more:",
        "recommended:", "original url", "original article", "source url", "click here",
        "this article originally appeared", "this story was originally", "this article was originally",
        "reporting by", "additional reporting", "(reporting by", "(additional reporting",
        "editing by", "(editing by", "writing by", "(writing by", "compiled by", "photo:",
        "file photo", "image:", "caption:", "(ap photo", "watch:", "listen:",
        "trending:", "our standards:", "the thomson reuters trust",
    ])
    /// Prefixes that also open ordinary sentences ("Copyright claims rose..."): furniture only
    /// on a short line.
    private static let shortFurniturePrefixes = ASCIIPatterns([
        "sign up", "subscribe", "follow us", "follow @", "share this", "share on", "copyright", "©",
        "(c) ", "advertisement", "photo by", "ap photo", "getty images", "get the latest", "download the app",
        "toggle caption", "hide caption",
    ])
    private static let furnitureFragments = ASCIIPatterns([
        "all rights reserved", "may not be published, broadcast, rewritten", "click here to",
    ])
    private static let agencyNames = ASCIIPatterns([
        "reuters", "associated press", "the associated press", "ap", "afp", "agence france-presse",
        "agence france presse", "bloomberg", "upi", "dpa", "efe", "ansa", "xinhua", "tass", "interfax",
    ])
    private static let months = ASCIIPatterns([
        "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december", "jan.", "feb.", "aug.", "sept.", "sep.", "oct.", "nov.", "dec.",
    ])
    private static let dateLinePrefixes = ASCIIPatterns([
        "updated", "published", "posted", "last updated", "first published",
    ])

    /// The ranges of `paragraphs` that are story text, datelines cut from their start.
    static func filter(_ bytes: [UInt8], _ paragraphs: [Range<Int>]) -> [Range<Int>] {
        var filter = BoilerplateFilter()
        return paragraphs.indices.compactMap { index in
            filter.storyText(of: paragraphs[index], in: bytes, isLast: index == paragraphs.count - 1)
        }
    }

    /// The story text of the next paragraph, its dateline cut, or nil when it is boilerplate.
    /// `isLast` tells whether another paragraph follows (a lone paragraph is no headline).
    mutating func storyText(of paragraph: Range<Int>, in bytes: [UInt8], isLast: Bool) -> Range<Int>? {
        let position = self.position
        self.position += 1
        let line = Self.trimmed(bytes, paragraph)
        if line.isEmpty { return nil }
        // Every rule asks only whether a line has at most 30 words or fewer.
        let words = TextBytes.wordCount(bytes, line, limit: 31)
        let endsSentence = Self.endsSentence(bytes, line)
        if headlinesToSkip > 0 {
            if !endsSentence && words <= 20 {
                headlinesToSkip -= 1
                return nil
            }
            headlinesToSkip = 0
        }
        if TextBytes.hasPrefix(bytes, line, "related articles") || TextBytes.hasPrefix(bytes, line, "related links")
            || TextBytes.equals(bytes, line, "related") {
            headlinesToSkip = 5
            return nil
        }
        if position == 0 && !isLast && !endsSentence && words <= 25 {
            return nil  // headline: every outlet writes its own
        }
        if Self.isFurniture(bytes, line, words: words) || Self.isByline(bytes, line, words: words)
            || Self.isDateLine(bytes, line, words: words) || Self.isCredit(bytes, line, words: words, endsSentence: endsSentence)
            || CaptionRule.isCaption(bytes, line) {
            return nil
        }
        // A bare place ("WASHINGTON -") counts as a dateline only where a story opens;
        // one naming its agency ("(Reuters) -") anywhere, as digests hold several stories.
        let allowsBarePlace = !hasKept
        hasKept = true
        return Dateline.strip(bytes, line, allowsBarePlace: allowsBarePlace)
    }

    private static func isFurniture(_ bytes: [UInt8], _ line: Range<Int>, words: Int) -> Bool {
        if furniturePrefixes.matchPrefix(of: bytes, line) { return true }
        guard words <= 30 else { return false }
        if words <= 12 && shortFurniturePrefixes.matchPrefix(of: bytes, line) { return true }
        if furnitureFragments.occurs(in: bytes, line) { return true }
        guard words <= 4 else { return false }
        return agencyNames.matchWhole(bytes, trimmingTrailingPunctuation(bytes, line))
    }

    /// "By Reuters", "By JOHN SMITH, Associated Press", "By The Associated Press": a name
    /// follows, so the next word is capitalised (or markup), unlike "By the way".
    private static func isByline(_ bytes: [UInt8], _ line: Range<Int>, words: Int) -> Bool {
        guard words <= 10, TextBytes.hasPrefix(bytes, line, "by ") else { return false }
        var next = line.lowerBound + 3
        while next < line.upperBound && bytes[next] == 0x20 { next += 1 }
        guard next < line.upperBound else { return false }
        let first = bytes[next]
        guard first &- 0x41 < 26 || first == 0x3C || first >= 0xC0 else { return false }
        return words <= 4 || bytes[line.upperBound - 1] != 0x2E
    }

    /// "July 28, 2018", "Updated 5:31 PM ET, Fri June 1, 2018", "Published: June 1".
    private static func isDateLine(_ bytes: [UInt8], _ line: Range<Int>, words: Int) -> Bool {
        guard words <= 10, line.contains(where: { TextBytes.isDigit(bytes[$0]) }) else { return false }
        if dateLinePrefixes.matchPrefix(of: bytes, line) { return true }
        guard words <= 6, !TextBytes.contains(bytes, line, ". ") else { return false }
        // A month as a whole word.
        var start = line.lowerBound
        while start < line.upperBound {
            var end = start
            while end < line.upperBound && (TextBytes.isASCIILetter(bytes[end]) || bytes[end] == 0x2E) { end += 1 }
            if end > start && months.matchWhole(bytes, start..<end) { return true }
            start = end + 1
        }
        return false
    }

    /// Photo credits such as "Kremlin.ru" or "Reuters/Alexander Zemlianichenko".
    private static func isCredit(_ bytes: [UInt8], _ line: Range<Int>, words: Int, endsSentence: Bool) -> Bool {
        guard words <= 4, !endsSentence else { return false }
        if line.contains(where: { bytes[$0] == 0x2F }) { return true }
        // A word shaped like a domain: dot-separated parts of 2+ characters, the last letters only.
        var start = line.lowerBound
        while start < line.upperBound {
            var end = start
            while end < line.upperBound && bytes[end] != 0x20 { end += 1 }
            if isDomain(bytes, start..<end) { return true }
            start = end + 1
        }
        return false
    }

    /// Dot-separated parts of two or more bytes, at least two of them, the last letters only;
    /// read in place, as every short line asks.
    private static func isDomain(_ bytes: [UInt8], _ word: Range<Int>) -> Bool {
        var parts = 0
        var partStart = word.lowerBound
        for index in word.lowerBound...word.upperBound where index == word.upperBound || bytes[index] == 0x2E {
            guard index - partStart >= 2 else { return false }
            parts += 1
            if index == word.upperBound {
                return parts >= 2 && (partStart..<index).allSatisfy { TextBytes.isASCIILetter(bytes[$0]) }
            }
            partStart = index + 1
        }
        return false
    }

    /// Ends with . ? ! ) : ; or a closing quote (straight or curly).
    static func endsSentence(_ bytes: [UInt8], _ line: Range<Int>) -> Bool {
        guard let last = line.last else { return false }
        switch bytes[last] {
        case 0x2E, 0x3F, 0x21, 0x22, 0x27, 0x29, 0x3A, 0x3B: return true
        case 0x9D, 0x99:  // ” and ’ end in E2 80 9D / E2 80 99
            return line.count >= 3 && bytes[last - 1] == 0x80 && bytes[last - 2] == 0xE2
        default: return false
        }
    }

    /// Without surrounding whitespace, list bullets or quote markers (• · – — - * > |).
    static func trimmed(_ bytes: [UInt8], _ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper {
            let byte = bytes[lower]
            if TextBytes.isSpace(byte) || byte == 0x2A || byte == 0x3E || byte == 0x2D || byte == 0x7C {
                lower += 1
            } else if byte == 0xE2 && lower + 2 < upper && bytes[lower + 1] == 0x80
                && (bytes[lower + 2] == 0xA2 || bytes[lower + 2] == 0x93 || bytes[lower + 2] == 0x94) {
                lower += 3
            } else if byte == 0xC2 && lower + 1 < upper && (bytes[lower + 1] == 0xB7 || bytes[lower + 1] == 0xA0) {
                lower += 2
            } else {
                break
            }
        }
        while upper > lower && TextBytes.isSpace(bytes[upper - 1]) { upper -= 1 }
        return lower..<upper
    }

    private static func trimmingTrailingPunctuation(_ bytes: [UInt8], _ range: Range<Int>) -> Range<Int> {
        var upper = range.upperBound
        while upper > range.lowerBound {
            let byte = bytes[upper - 1]
            guard byte < 0x80, !TextBytes.isASCIILetter(byte), !TextBytes.isDigit(byte) else { break }
            upper -= 1
        }
        return range.lowerBound..<upper
    }
}
