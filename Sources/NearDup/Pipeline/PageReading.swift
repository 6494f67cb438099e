/// What reading a document as an HTML page found, for the reports: kept for pages only, so a
/// text corpus pays nothing for it.
public struct PageReading: Sendable, Equatable {
    /// The document's input position.
    public var document: Int
    /// The page's publication time in ISO 8601, when it states one.
    public var published: String?
    public var headline: String?
    /// The first words of the story text (headline first), as `DocumentPreview` shows text.
    public var firstWords: String
    /// False when the page has almost no story text once furniture is gone: it is then never
    /// a copy of anything (see `StoryExtractor`).
    public var hasStory: Bool
}
