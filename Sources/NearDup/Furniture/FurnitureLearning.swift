/// Which documents take part in learning page furniture from the corpus (`LearnedFurniture`).
public enum FurnitureLearning: String, Sendable, Equatable, CaseIterable {
    /// None: every paragraph counts as text.
    case off
    /// Documents read as HTML pages: site templates are where furniture comes from, and a
    /// corpus of plain text pays nothing for the search.
    case pages
    /// Every document with a source: also plain text scraped from pages, where widgets and
    /// captions survive the scraper's own extraction.
    case all
}
