/// Photo captions, recognised by their grammar: a description that ends with a photo credit,
/// "(AP Photo/Evan Vucci)", "(Photo by Jane Doe via AP)", "REUTERS/Kevin Lamarque",
/// "AFP PHOTO / Mandel Ngan", "Chip Somodevilla/Getty Images", or a line that opens with
/// "Credit:" or "Photograph:" and does not end a sentence. A wire service's photo desk sends one caption to every outlet
/// that runs the picture, beside unrelated stories too, so captions are furniture.
///
/// Works on ASCII within UTF-8 bytes, like the other boilerplate rules.
enum CaptionRule {
    /// Lines opening with one of these (case-insensitive) are credits or captions.
    private static let creditPrefixes = ASCIIPatterns([
        "credit:", "credits:", "photo credit", "image credit", "photograph:", "photograph by", "photographs:",
        "picture:", "pictured:", "(photo:", "(photo by", "(image:", "photo illustration",
    ])
    /// A credit's words, as the last parenthesised group of a caption holds them.
    private static let groupCredits = ASCIIPatterns([
        "ap photo", "via ap", "getty images", "afp photo", "afp via", "reuters/", "/reuters", "photo by", "photo:",
        "photograph:", "photo credit", "image credit", "credit:", "/ap", "/afp", "/epa", "epa-efe", "shutterstock",
        "ap images", "pool photo", "file photo", "image:", "photo courtesy", "courtesy of", "afp/",
    ])
    /// A credit's words at the end of a caption with no parentheses. Each holds a `/` or a
    /// `:`, or one of `unmarkedCredits`.
    private static let trailingCredits = ASCIIPatterns([
        "reuters/", "afp photo", "ap photo/", "/getty images", "via getty images", "- getty images", "getty images for ",
        "/afp", "/ap images", "/epa", "epa-efe/", "photo: ", "photograph: ", "credit: ", "/shutterstock",
    ])
    /// The trailing credits without a `/` or `:`: few enough to be looked for thirty-two bytes at a time.
    private static let unmarkedCredits = ASCIIPatterns(["getty images", "afp photo"])

    /// The longest caption, in words: long AP captions run to about seventy.
    static let longestCaption = 90
    /// How far from the end a trailing credit may start, in bytes.
    private static let creditReach = 120
    /// A caption's words, at most, take no more bytes than this.
    private static let longestCaptionBytes = longestCaption * 16

    /// Whether the trimmed, non-empty `line` is a photo caption or credit line.
    static func isCaption(_ bytes: [UInt8], _ line: Range<Int>) -> Bool {
        // A credit ends the caption: a line that ends a sentence, as story paragraphs do, has
        // none. Asked first, so most paragraphs cost a look at their last byte.
        var end = line.upperBound
        while end > line.lowerBound && bytes[end - 1] == 0x20 { end -= 1 }
        guard end > line.lowerBound, line.count <= Self.longestCaptionBytes,
              !BoilerplateFilter.endsSentence(bytes, line.lowerBound..<end) || bytes[end - 1] == 0x29
        else { return false }
        if creditPrefixes.matchPrefix(of: bytes, line) {
            return TextBytes.wordCount(bytes, line, limit: longestCaption + 1) <= longestCaption
        }
        let reachStart = max(line.lowerBound, end - creditReach)
        let hasCredit: Bool
        if bytes[end - 1] == 0x29, let open = openingParenthesis(bytes, before: end - 1, from: reachStart) {
            // "(AP Photo/J. Scott Applewhite, File)": the last group names the picture's source.
            let group = (open + 1)..<(end - 1)
            hasCredit = groupCredits.occurs(in: bytes, group) && TextBytes.wordCount(bytes, group, limit: 16) <= 15
        } else {
            // "... in Moscow. REUTERS/Maxim Shemetov": the credit follows the last sentence.
            var start = end - 1
            var isMarked = false
            while start > reachStart {
                let byte = bytes[start - 1]
                if byte == 0x2E || byte == 0x3F || byte == 0x21 { break }
                if byte == 0x2F || byte == 0x3A { isMarked = true }
                start -= 1
            }
            let tail = start..<end
            hasCredit = (isMarked ? trailingCredits : unmarkedCredits).occurs(in: bytes, tail)
                && TextBytes.wordCount(bytes, tail, limit: 16) <= 15
        }
        return hasCredit && TextBytes.wordCount(bytes, line, limit: longestCaption + 1) <= longestCaption
    }

    /// The `(` that opens the group closed at `close`, searching back no further than `limit`.
    private static func openingParenthesis(_ bytes: [UInt8], before close: Int, from limit: Int) -> Int? {
        var depth = 0
        var index = close - 1
        while index >= limit {
            switch bytes[index] {
            case 0x29: depth += 1
            case 0x28:
                if depth == 0 { return index }
                depth -= 1
            default: break
            }
            index -= 1
        }
        return nil
    }
}
