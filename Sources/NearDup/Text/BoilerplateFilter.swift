/// Drops the parts of a page that one outlet adds to a syndicated story and another does not:
/// headline, byline, dateline, photo credits, "Related article:" / "Read more" lines, wire credits
/// and site footers. They carry no evidence of copying, and left in they lower the similarity
/// of true copies and raise that of unrelated pages from the same site.
enum BoilerplateFilter {
    /// Lines starting with one of these (case-insensitive, after bullets) are outlet furniture.
    private static let furniturePrefixes: [String] = [
        "related article", "related stories", "related story", "related coverage", "related content",
        "related news", "related:", "read more", "read also", "also read", "see also", "more:",
        "recommended:", "original url", "original article", "source url", "click here",
        "this article originally appeared", "this story was originally", "this article was originally",
        "reporting by", "additional reporting", "(reporting by", "(additional reporting",
        "editing by", "(editing by", "writing by", "(writing by", "compiled by", "photo:",
        "file photo", "image:", "caption:", "(ap photo", "watch:", "listen:",
        "trending:", "our standards:", "the thomson reuters trust",
    ]
    /// Prefixes that also open ordinary sentences ("Copyright claims rose..."): furniture only
    /// on a short line.
    private static let shortFurniturePrefixes: [String] = [
        "sign up", "subscribe", "follow us", "follow @", "share this", "share on", "copyright", "©",
        "(c) ", "advertisement", "photo by", "ap photo", "getty images", "get the latest", "download the app",
    ]
    private static let furnitureFragments: [String] = [
        "all rights reserved", "may not be published, broadcast, rewritten", "click here to",
    ]
    private static let agencyNames: Set<String> = [
        "reuters", "associated press", "the associated press", "ap", "afp", "agence france-presse",
        "agence france presse", "bloomberg", "upi", "dpa", "efe", "ansa", "xinhua", "tass", "interfax",
    ]
    private static let months: Set<String> = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december", "jan.", "feb.", "aug.", "sept.", "sep.", "oct.", "nov.", "dec.",
    ]

    static func filter(_ paragraphs: [Substring]) -> [Substring] {
        var kept: [Substring] = []
        kept.reserveCapacity(paragraphs.count)
        var headlinesToSkip = 0
        for (position, paragraph) in paragraphs.enumerated() {
            let line = trimmed(paragraph)
            if line.isEmpty { continue }
            let words = wordCount(line)
            // Furniture is short or announces itself in its first words; body paragraphs are
            // long, so only their opening bytes are examined.
            let head = lowercasedHead(of: line)
            let lower = words <= 30 ? line.lowercased() : ""
            if headlinesToSkip > 0 {
                if !endsSentence(line) && words <= 20 {
                    headlinesToSkip -= 1
                    continue
                }
                headlinesToSkip = 0
            }
            if head.starts(with: "related articles".utf8) || head.starts(with: "related links".utf8) || lower == "related" {
                headlinesToSkip = 5
                continue
            }
            if position == 0 && paragraphs.count > 1 && !endsSentence(line) && words <= 25 {
                continue  // headline: every outlet writes its own
            }
            if isFurniture(head: head, lower: lower, words: words) || isByline(line, lower: lower, words: words)
                || isDateLine(lower, words: words) || isCredit(line, words: words) {
                continue
            }
            // A bare place ("WASHINGTON -") counts as a dateline only where a story opens;
            // one naming its agency ("(Reuters) -") anywhere, as digests hold several stories.
            kept.append(Dateline.strip(from: line, allowsBarePlace: kept.isEmpty))
        }
        return kept
    }

    /// The first bytes of a line, ASCII letters lower-cased.
    private static func lowercasedHead(of line: Substring) -> [UInt8] {
        line.utf8.prefix(48).map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }
    }

    /// `lower` is the whole line lower-cased when it has at most 30 words, else empty.
    private static func isFurniture(head: [UInt8], lower: String, words: Int) -> Bool {
        for prefix in furniturePrefixes where head.starts(with: prefix.utf8) { return true }
        if words <= 12 {
            for prefix in shortFurniturePrefixes where head.starts(with: prefix.utf8) { return true }
        }
        guard !lower.isEmpty else { return false }
        for fragment in furnitureFragments where lower.containsBytes(of: fragment) { return true }
        return agencyNames.contains(lower.trimmingTrailingPunctuation())
    }

    /// "By Reuters", "By JOHN SMITH, Associated Press", "By The Associated Press": a name
    /// follows, so the next word is capitalised (or markup), unlike "By the way".
    private static func isByline(_ line: Substring, lower: String, words: Int) -> Bool {
        guard lower.hasPrefix("by "), words <= 10 else { return false }
        let next = line.dropFirst(3).drop(while: { $0 == " " }).first
        guard let next, next.isUppercase || next == "<" else { return false }
        return words <= 4 || !lower.hasSuffix(".")
    }

    /// "July 28, 2018", "Updated 5:31 PM ET, Fri June 1, 2018", "Published: June 1".
    private static func isDateLine(_ lower: String, words: Int) -> Bool {
        guard words <= 10, lower.contains(where: \.isNumber) else { return false }
        if lower.hasPrefix("updated") || lower.hasPrefix("published") || lower.hasPrefix("posted")
            || lower.hasPrefix("last updated") || lower.hasPrefix("first published") {
            return true
        }
        guard words <= 6, !lower.containsBytes(of: ". ") else { return false }
        return lower.split(whereSeparator: { !$0.isLetter && $0 != "." }).contains { months.contains(String($0)) }
    }

    /// Photo credits such as "Kremlin.ru" or "Reuters/Alexander Zemlianichenko".
    private static func isCredit(_ line: Substring, words: Int) -> Bool {
        guard words <= 4, !endsSentence(line) else { return false }
        return line.contains("/") || line.split(separator: " ").contains { word in
            let parts = word.split(separator: ".")
            return parts.count >= 2 && parts.allSatisfy { $0.count >= 2 } && parts.last!.allSatisfy(\.isLetter)
        }
    }

    static func endsSentence(_ line: Substring) -> Bool {
        guard let last = line.last else { return false }
        return ".?!\"”’'):;".contains(last)
    }

    /// Words separated by ASCII whitespace (enough to tell a headline from a paragraph).
    static func wordCount(_ line: Substring) -> Int {
        var count = 0
        var inWord = false
        for byte in line.utf8 {
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                inWord = false
            } else if !inWord {
                inWord = true
                count += 1
            }
        }
        return count
    }

    /// Without surrounding whitespace, list bullets or quote markers.
    static func trimmed(_ line: Substring) -> Substring {
        var result = line
        while let first = result.first, first.isWhitespace || "•*>·–—-|".contains(first) { result = result.dropFirst() }
        while let last = result.last, last.isWhitespace { result = result.dropLast() }
        return result
    }
}

private extension String {
    /// Substring search on UTF-8 bytes (Foundation's locale-aware search is far slower).
    func containsBytes(of needle: String) -> Bool {
        let haystack = Array(utf8)
        let pattern = Array(needle.utf8)
        guard !pattern.isEmpty, haystack.count >= pattern.count else { return pattern.isEmpty }
        for start in 0...(haystack.count - pattern.count) where haystack[start] == pattern[0] {
            if haystack[start..<(start + pattern.count)].elementsEqual(pattern) { return true }
        }
        return false
    }

    func trimmingTrailingPunctuation() -> String {
        var result = Substring(self)
        while let last = result.last, last.isPunctuation || last.isWhitespace { result = result.dropLast() }
        return String(result)
    }
}
