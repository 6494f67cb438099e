/// What sketching made of one document, whole: the form an index keeps, from which the
/// later stages (candidates, verification, clustering) run again without the text.
package struct StoredSketch: Sendable, Equatable {
    package var signature: [UInt32]
    package var leadSignature: [UInt32]
    /// The sorted set of shingle entries, furniture included (an index leaves it out as it
    /// reads, since what is furniture changes as pages arrive).
    package var entries: [UInt32]
    /// The paragraph of each entry.
    package var paragraphs: [UInt8]
    package var fingerprints: [ParagraphFingerprint]
    package var filledBins: Int
    package var isBundle: Bool
    package var isAwayFromHeadline: Bool

    package init(
        signature: [UInt32], leadSignature: [UInt32], entries: [UInt32], paragraphs: [UInt8],
        fingerprints: [ParagraphFingerprint], filledBins: Int, isBundle: Bool, isAwayFromHeadline: Bool
    ) {
        self.signature = signature
        self.leadSignature = leadSignature
        self.entries = entries
        self.paragraphs = paragraphs
        self.fingerprints = fingerprints
        self.filledBins = filledBins
        self.isBundle = isBundle
        self.isAwayFromHeadline = isAwayFromHeadline
    }

    /// Entries left once the paragraphs `furniture` names are left out: a document with none
    /// left takes no part in candidate search.
    package func keptCount(leavingOut furniture: [UInt8]) -> Int {
        guard !furniture.isEmpty else { return entries.count }
        return paragraphs.count { !furniture.contains($0) }
    }
}

/// A document as an index holds it between commands: its place in input order, its sketch,
/// what choosing a representative needs, and the paragraphs learned to be furniture.
package struct IndexedDocument: Sendable {
    package var position: Int
    package var sketch: StoredSketch
    package var facts: DocumentFacts
    package var furniture: [UInt8]

    package init(position: Int, sketch: StoredSketch, facts: DocumentFacts, furniture: [UInt8]) {
        self.position = position
        self.sketch = sketch
        self.facts = facts
        self.furniture = furniture
    }
}
