/// What a report shows of one document: its paragraphs as the diff aligns them (a web page's
/// story text, headline first, read as the pipeline reads pages) and, for a page, the blocks
/// read as furniture and left out.
public struct ReportStory: Sendable {
    /// Each paragraph's words joined by single spaces, so that a reader can split a paragraph
    /// back into exactly the words `ParagraphDiff` counted.
    public var paragraphs: [String]
    public var dropped: [DroppedText]

    /// `extractor`: the calling thread's (a `StoryExtractor` reuses its buffers).
    public init(text: [UInt8], options: NearDupOptions, extractor: StoryExtractor) {
        let story: String
        if options.readsPages && HTMLDetection.isPage(text) {
            let explained = extractor.explain(String(decoding: text, as: UTF8.self))
            story = explained.page.text
            dropped = explained.dropped
        } else {
            story = String(decoding: text, as: UTF8.self)
            dropped = []
        }
        paragraphs = Self.paragraphs(of: story)
    }

    /// A line longer than this is no hard-wrapped line: its block holds a paragraph a line.
    static let longestWrappedLine = 100

    /// Paragraphs as an editor sees them: blocks between blank lines, except that a block of
    /// unwrapped lines (one longer than `longestWrappedLine`) is a paragraph a line, as is
    /// text with no blank line (`ParagraphDiff.paragraphs` reads that text the same way). Text
    /// that puts a paragraph on each line and a blank line somewhere (under a header, say)
    /// would otherwise be one paragraph of the whole story, and its diff a single block;
    /// hard-wrapped print text keeps its lines joined.
    public static func paragraphs(of text: String) -> [String] {
        let allLines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        // A blank line between lines of text; not the empty line after a final line end.
        let isBlank = { (line: Substring) in line.isAllWhitespace }
        let hasBlankLine = allLines.drop(while: isBlank).reversed().drop(while: isBlank).contains(where: isBlank)
        var paragraphs: [String] = []
        var block: [Substring] = []
        func close() {
            let lines = block.map { $0.wordsSeparatedByWhitespace().joined(separator: " ") }.filter { !$0.isEmpty }
            block = []
            guard !lines.isEmpty else { return }
            if !hasBlankLine || lines.contains(where: { $0.count > longestWrappedLine }) {
                paragraphs += lines
            } else {
                paragraphs.append(lines.joined(separator: " "))
            }
        }
        for line in allLines {
            if line.isAllWhitespace { close() } else { block.append(line) }
        }
        close()
        return paragraphs
    }
}
