/// What the furniture search keeps of one paragraph of a sketched document: enough to see
/// the same paragraph on other pages, and how much of its page it is, without its text.
package struct ParagraphFingerprint: Sendable, Hashable {
    /// A hash of the paragraph's words (normalised), 32 bits: paragraphs are grouped by it.
    package var hash: UInt32
    /// Words in the paragraph (saturating).
    package var words: UInt16
    /// The paragraph's number in its document, as shingle entries mark it.
    package var paragraph: UInt8
    /// Entries of the document's set that stand in this paragraph (saturating): what
    /// leaving it out takes from the set, known without reading the set again.
    package var entries: UInt16 = 0

    package init(hash: UInt32, words: UInt16, paragraph: UInt8) {
        self.hash = hash
        self.words = words
        self.paragraph = paragraph
    }
}
