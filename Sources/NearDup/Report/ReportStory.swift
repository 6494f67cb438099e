/// What a report shows of one document: its paragraphs as the diff aligns them (a web page's
/// story text, headline first, read as the pipeline reads pages) and, for a page, the blocks
/// read as furniture and left out.
public struct ReportStory: Sendable {
    /// Paragraphs as `ParagraphDiff` reads them: each one's words joined by single spaces,
    /// so that a reader can split a paragraph back into exactly the words the diff counted.
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
        paragraphs = ParagraphDiff.paragraphs(of: story)
    }
}
