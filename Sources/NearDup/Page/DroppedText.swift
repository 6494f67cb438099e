/// A block of a page's text left out of its story, and why: what `compare` shows so that a
/// user can see what a pair was judged on.
public struct DroppedText: Sendable, Equatable {
    public enum Reason: String, Sendable, CaseIterable {
        /// Inside `nav`, `header`, `footer`, `aside`, `figure`, `dialog`, `menu`.
        case pageStructure = "page structure"
        /// Inside a `form`.
        case form
        /// Inside an element whose class, id, role or aria-label names furniture.
        case templateMarker = "class or role"
        /// Hidden by the page.
        case hidden
        /// A photo caption or credit (`CaptionRule`).
        case caption
        /// Mostly link text: lists of headlines.
        case links
        /// Outside the element that holds the story.
        case outsideStory = "outside the story"
    }

    public var reason: Reason
    public var text: String
    public var words: Int
}
