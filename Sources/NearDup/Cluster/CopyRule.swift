/// Decides whether two documents are copies of one story from their exact similarity.
///
/// Two numbers are needed: the share of the shorter text found in the longer (so an excerpt
/// that keeps the lead joins its full story, whatever the length ratio), and an absolute amount
/// of shared text (so one shared quote or a stock sentence never makes two stories one).
/// Near-identical short texts, too short for the amount, pass on Jaccard alone. And when most
/// of what two texts share is quotation in both, they are two stories quoting one statement.
public struct CopyRule: Sendable, Equatable {
    /// Minimum overlap (containment of the shorter) and Jaccard.
    public var threshold: Double
    /// Minimum shared shingles for a pair to be joined on overlap alone.
    public var minimumShared: Int

    /// Whether a pair below the threshold may still be a rewritten copy, found by
    /// `ParagraphCoverage`: most of the shorter text's paragraphs reproduced, with the
    /// shared amount and the quotation limit of the overlap rule.
    public var findsRewrites: Bool

    public init(threshold: Double = 0.5, minimumShared: Int = 50, findsRewrites: Bool = false) {
        self.threshold = threshold
        self.minimumShared = minimumShared
        self.findsRewrites = findsRewrites
    }

    /// The least overlap a rewrite needs: three fifths of the threshold (0.3 by default),
    /// below which two texts share too little for their paragraphs to tell.
    public var rewriteOverlap: Double { threshold * 0.6 }

    /// The least overlap at which any pair can be a copy.
    var lowestCopyOverlap: Double { findsRewrites ? rewriteOverlap : threshold }

    public func isCopy(_ similarity: PairSimilarity) -> Bool {
        if similarity.shared == 0 { return false }
        if similarity.jaccard >= threshold { return true }
        return similarity.overlap >= threshold && similarity.shared >= minimumShared
            && similarity.sharedQuoted * 2 <= similarity.shared
    }

    /// The rule with the sets at hand: a pair that fails on its numbers is still a copy
    /// when it may be a rewrite and most of the shorter text's paragraphs are found in the other.
    public func isCopy(_ similarity: PairSimilarity, first: ArraySlice<UInt64>, second: ArraySlice<UInt64>) -> Bool {
        if isCopy(similarity) { return true }
        guard findsRewrites, similarity.overlap >= rewriteOverlap, similarity.shared >= minimumShared,
              similarity.sharedQuoted * 2 <= similarity.shared
        else { return false }
        let (shorter, longer) = first.count <= second.count ? (first, second) : (second, first)
        return ParagraphCoverage(of: shorter, in: longer).isMostlyReproduced
    }

    /// Whether a member of a cluster still shares real text with the cluster's representative:
    /// the check that stops two stories from chaining together through a third.
    public func supports(_ similarity: PairSimilarity) -> Bool {
        isCopy(similarity) || similarity.shared >= minimumShared
    }
}
