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

    public init(threshold: Double = 0.5, minimumShared: Int = 50) {
        self.threshold = threshold
        self.minimumShared = minimumShared
    }

    public func isCopy(_ similarity: PairSimilarity) -> Bool {
        if similarity.shared == 0 { return false }
        if similarity.jaccard >= threshold { return true }
        return similarity.overlap >= threshold && similarity.shared >= minimumShared
            && similarity.sharedQuoted * 2 <= similarity.shared
    }

    /// Whether a member of a cluster still shares real text with the cluster's representative:
    /// the check that stops two stories from chaining together through a third.
    public func supports(_ similarity: PairSimilarity) -> Bool {
        isCopy(similarity) || similarity.shared >= minimumShared
    }
}
