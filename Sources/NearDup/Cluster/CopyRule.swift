/// Decides whether two documents are copies of one story from their exact similarity.
///
/// Two numbers are needed: the share of the shorter text found in the longer (so an excerpt
/// that keeps the lead joins its full story, whatever the length ratio), and an absolute amount
/// of shared text (so one shared quote or a stock sentence never makes two stories one).
/// Near-identical short texts, too short for the amount, pass on Jaccard alone. And when most
/// of what two texts share is quotation in both, they are two stories quoting one statement.
///
/// Near the threshold the overlap cannot tell a copy from a look-alike: a reworded rewrite
/// of a story falls below it, and this week's report against last week's, or a new story that
/// reuses background paragraphs, rises above it. There the shorter text's paragraphs decide
/// (`ParagraphCoverage`), when it has enough of them to judge.
public struct CopyRule: Sendable, Equatable {
    /// Minimum overlap (containment of the shorter) and Jaccard.
    public var threshold: Double
    /// Minimum shared shingles for a pair to be joined on overlap alone.
    public var minimumShared: Int
    /// Whether paragraphs decide near the threshold (`paragraphOverlaps`).
    public var judgesParagraphs: Bool

    /// Paragraphs the shorter text needs for them to decide.
    public static let judgedParagraphs = 3

    public init(threshold: Double = 0.5, minimumShared: Int = 50, judgesParagraphs: Bool = true) {
        self.threshold = threshold
        self.minimumShared = minimumShared
        self.judgesParagraphs = judgesParagraphs
    }

    /// The overlaps at which paragraphs decide: from three fifths of the threshold to four
    /// thirds of it (0.3 to 0.67 by default). Below, two texts share too little for their
    /// paragraphs to tell; above, a copy is plain from the overlap.
    public var paragraphOverlaps: Range<Double> { threshold * 0.6 ..< threshold * 4 / 3 }

    /// The least overlap at which a pair can be a copy.
    var lowestCopyOverlap: Double { judgesParagraphs ? paragraphOverlaps.lowerBound : threshold }

    /// The least overlap at which a pair is a copy whatever its paragraphs.
    var certainCopyOverlap: Double { judgesParagraphs ? paragraphOverlaps.upperBound : threshold }

    /// The rule on the numbers alone: Jaccard, or overlap with enough shared text that is
    /// mostly not quotation in both.
    public func isCopy(_ similarity: PairSimilarity) -> Bool {
        if similarity.shared == 0 { return false }
        if similarity.jaccard >= threshold { return true }
        return similarity.overlap >= threshold && sharesEnough(similarity)
    }

    /// The rule with the sets at hand, as verification applies it: near the threshold, when
    /// the shorter text has at least `judgedParagraphs` paragraphs to judge, a copy is one
    /// that reproduces most of them (`ParagraphCoverage.isMostlyReproduced`).
    /// `paragraphs` gives the paragraphs of the first set's entries (true) or the second's
    /// (false); it is asked only near the threshold.
    public func isCopy<Failure: Error>(
        _ similarity: PairSimilarity, first: ArraySlice<UInt32>, second: ArraySlice<UInt32>,
        paragraphs: (_ ofFirst: Bool) throws(Failure) -> ArraySlice<UInt8>
    ) throws(Failure) -> Bool {
        guard judgesParagraphs, similarity.shared > 0, similarity.jaccard < threshold,
              paragraphOverlaps.contains(similarity.overlap)
        else { return isCopy(similarity) }
        let coverage = try ParagraphCoverage.ofShorter(first, second, paragraphs: paragraphs)
        guard coverage.paragraphs >= Self.judgedParagraphs else { return isCopy(similarity) }
        return sharesEnough(similarity) && coverage.isMostlyReproduced
    }

    func sharesEnough(_ similarity: PairSimilarity) -> Bool {
        similarity.shared >= minimumShared && similarity.sharedQuoted * 2 <= similarity.shared
    }

    /// Whether a member of a cluster still shares real text with the cluster's representative:
    /// the check that stops two stories from chaining together through a third.
    public func supports(_ similarity: PairSimilarity) -> Bool {
        isCopy(similarity) || similarity.shared >= minimumShared
    }
}
