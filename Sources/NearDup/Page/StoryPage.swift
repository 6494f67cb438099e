/// What a news page holds once its furniture is gone: the story's text and what the page
/// states about it.
public struct StoryPage: Sendable, Equatable {
    /// The headline, then the story's paragraphs, separated by blank lines.
    public var text: String
    /// From the page's `h1`, else `og:title`, else `<title>`.
    public var headline: String?
    /// From `<meta name="author">` or the first byline element (`rel=author`, `itemprop=author`,
    /// a class naming the byline or author).
    public var byline: String?
    /// The publication time in ISO 8601 (see `PublicationTime`), when the page states one.
    public var published: String?
    /// False for a page with almost no story text once furniture is gone (a section front,
    /// a gallery, a video page): such a page is never a copy of a story.
    public var hasStory: Bool
    /// Words of story text, headline not counted.
    public var storyWords: Int
    /// Whether the story text was taken from beside the page's `h1` (true without one). Text
    /// taken from elsewhere, such as a site footer on a page of photos, is what the page had
    /// left once its furniture was gone, and learned furniture may take it too.
    public var isBesideHeadline: Bool
    /// Blocks beside the headline that open with a live item's time stamp (`ItemStamp`),
    /// furniture or not: with `BundleRule.minimumStampedItems`, the page is a bundle.
    public var stampedItems: Int
    /// Headlined items of a paragraph or two in the story (a digest's), when they make most
    /// of its sections: with `BundleRule.minimumHeadedItems`, the page is a bundle.
    public var headedItems: Int

    public init(text: String, headline: String?, byline: String?, published: String?, hasStory: Bool,
                isBesideHeadline: Bool = true, stampedItems: Int = 0, headedItems: Int = 0, storyWords: Int) {
        self.text = text
        self.headline = headline
        self.byline = byline
        self.published = published
        self.hasStory = hasStory
        self.isBesideHeadline = isBesideHeadline
        self.stampedItems = stampedItems
        self.headedItems = headedItems
        self.storyWords = storyWords
    }
}
