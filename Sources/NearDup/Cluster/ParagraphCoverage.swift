/// How many of a text's paragraphs another text reproduces, each possibly edited.
///
/// A rewritten copy (a wire story that an outlet reworded, trimmed and wrapped in its own
/// material) keeps most of its story's paragraphs, but copy edits break many of each
/// paragraph's shingles, so its overall overlap can fall below the threshold. A new story
/// that reuses a few background paragraphs of an older one can reach the same overlap while
/// reproducing only those few. Counting paragraphs separates the two. A periodic report
/// (this week's stocks, this month's credit figures) shares the frame of every sentence with
/// the last one, but no sentence whole, since its figures change; a rewrite keeps some
/// paragraphs its editor did not touch. So a rewrite also needs two paragraphs kept nearly whole.
/// And a rewrite runs through its story: a page that carries only the story's opening (an
/// item of a news digest, a teaser) is an excerpt, which the overlap rule judges alone.
public struct ParagraphCoverage: Sendable, Equatable {
    /// Paragraphs of the text with enough shingles of their own to judge.
    public var paragraphs: Int
    /// Of those, the ones that have at least `foundShare` of their shingles in the other text.
    public var found: Int
    /// Of those, the ones that have at least `keptShare` of their shingles in the other text.
    public var kept: Int
    /// Whether a found paragraph lies in the second half of the judged ones.
    public var reachesSecondHalf: Bool

    /// A paragraph's shingles needed for it to count (about a sentence): shorter ones are
    /// captions, credits and one-line asides.
    public static let minimumShingles = 8
    /// The share of a paragraph's shingles that shows it was reproduced. One edited word
    /// breaks up to five word 5-grams, so a lightly edited paragraph keeps well under half.
    public static let foundShare = 0.2
    /// The share that shows a paragraph was kept nearly whole (a changed figure or two).
    public static let keptShare = 0.6

    public init(paragraphs: Int, found: Int, kept: Int, reachesSecondHalf: Bool) {
        self.paragraphs = paragraphs
        self.found = found
        self.kept = kept
        self.reachesSecondHalf = reachesSecondHalf
    }

    /// The coverage of `text` by `other`: two sorted, duplicate-free sets of shingle entries,
    /// and the paragraph of each of `text`'s entries.
    public init(of text: ArraySlice<UInt32>, paragraphs: ArraySlice<UInt8>, in other: ArraySlice<UInt32>) {
        precondition(paragraphs.count == text.count)
        let lastParagraph = Int(paragraphs.max() ?? 0)
        var totals = [Int32](repeating: 0, count: lastParagraph + 1)
        var hits = [Int32](repeating: 0, count: lastParagraph + 1)
        var j = other.startIndex
        for (entry, paragraph) in zip(text, paragraphs) {
            let paragraph = Int(paragraph)
            let identity = ShingleEntry.identity(entry)
            while j < other.endIndex && ShingleEntry.identity(other[j]) < identity { j += 1 }
            totals[paragraph] += 1
            if j < other.endIndex && ShingleEntry.identity(other[j]) == identity { hits[paragraph] += 1 }
        }
        var paragraphs = 0
        var found = 0
        var kept = 0
        // The position, among judged paragraphs, of the last one found (1-based; 0 for none).
        var lastFound = 0
        for (total, hit) in zip(totals, hits) where total >= Self.minimumShingles {
            paragraphs += 1
            if Double(hit) >= Self.foundShare * Double(total) {
                found += 1
                lastFound = paragraphs
            }
            if Double(hit) >= Self.keptShare * Double(total) { kept += 1 }
        }
        self.init(paragraphs: paragraphs, found: found, kept: kept, reachesSecondHalf: 2 * lastFound > paragraphs)
    }

    /// The coverage of the smaller of two sets by the other; `paragraphs` gives the paragraphs
    /// of the first set's entries (true) or of the second's (false), read only for the smaller.
    public static func ofShorter<Failure: Error>(
        _ first: ArraySlice<UInt32>, _ second: ArraySlice<UInt32>,
        paragraphs: (_ ofFirst: Bool) throws(Failure) -> ArraySlice<UInt8>
    ) throws(Failure) -> ParagraphCoverage {
        first.count <= second.count
            ? ParagraphCoverage(of: first, paragraphs: try paragraphs(true), in: second)
            : ParagraphCoverage(of: second, paragraphs: try paragraphs(false), in: first)
    }

    /// At least half of the paragraphs found, reaching into the second half, and at least
    /// two kept nearly whole.
    public var isMostlyReproduced: Bool { 2 * found >= paragraphs && reachesSecondHalf && kept >= 2 }
}
