/// Photo captions, recognised by their grammar: a description that ends with a photo credit,
/// "(AP Photo/Evan Vucci)", "(Photo by Jane Doe via AP)", "REUTERS/Kevin Lamarque",
/// "AFP PHOTO / Mandel Ngan", "Chip Somodevilla/Getty Images", or a line that opens with
/// "Credit:" or "Photograph:". A wire service's photo desk sends one caption to every outlet
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
    /// A credit's words at the end of a caption with no parentheses.
    private static let trailingCredits = ASCIIPatterns([
        "reuters/", "afp photo", "ap photo/", "/getty images", "via getty images", "- getty images", "getty images for ",
        "/afp", "/ap images", "/epa", "epa-efe/", "photo: ", "photograph: ", "credit: ", "/shutterstock",
    ])

    /// The longest caption, in words: long AP captions run to about seventy.
    static let longestCaption = 90
    /// How far from the end a trailing credit may start, in bytes.
    private static let creditReach = 120

    /// Whether the trimmed, non-empty `line` is a photo caption or credit line.
    static func isCaption(_ bytes: [UInt8], _ line: Range<Int>) -> Bool {
        guard !line.isEmpty else { return false }
        if creditPrefixes.matchPrefix(of: bytes, line) {
            return TextBytes.wordCount(bytes, line, limit: longestCaption + 1) <= longestCaption
        }
        var end = line.upperBound
        while end > line.lowerBound && (bytes[end - 1] == 0x2E || bytes[end - 1] == 0x20) { end -= 1 }
        guard end > line.lowerBound else { return false }
        let reachStart = max(line.lowerBound, end - creditReach)
        let hasCredit: Bool
        if bytes[end - 1] == 0x29, let open = openingParenthesis(bytes, before: end - 1, from: reachStart) {
            // "(AP Photo/J. Scott Applewhite, File)": the last group names the picture's source.
            let group = (open + 1)..<(end - 1)
            hasCredit = TextBytes.wordCount(bytes, group, limit: 16) <= 15 && groupCredits.occurs(in: bytes, group)
        } else {
            // "... in Moscow. REUTERS/Maxim Shemetov": the credit follows the last sentence.
            var start = end - 1
            while start > reachStart && bytes[start - 1] != 0x2E && bytes[start - 1] != 0x3F && bytes[start - 1] != 0x21 {
                start -= 1
            }
            let tail = start..<end
            hasCredit = TextBytes.wordCount(bytes, tail, limit: 16) <= 15 && trailingCredits.occurs(in: bytes, tail)
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
