/// Bundles: live blogs, "The Latest" running files, digests, news in brief. A bundle holds
/// several separately stamped items, and one of them is often a short story also published
/// on its own; measured from the story's side, the bundle contains it and would join its
/// cluster, then bring in the bundle's other snapshots and the stories of their items.
///
/// So a pair of which one text is a bundle and the other is not is judged as a whole from
/// the bundle's side: it is a copy only when most of the bundle lies in the other text (a
/// snapshot of the same bundle that was not recognised as one). That a bundle holds a copy
/// of a story is a relation of its own (`ClusteringResult.BundleItem`), never membership.
public enum BundleRule {
    /// Paragraphs opening with a time stamp (`ItemStamp`) that make a text a bundle: fewer
    /// can be a story's timeline of an event.
    public static let minimumStampedItems = 3

    static func isBundle(stampedParagraphs: Int) -> Bool { stampedParagraphs >= minimumStampedItems }
}

extension CopyRule {
    /// The rule for a bundle and a text that is none: Jaccard, or most of the bundle found in
    /// the other with enough shared text. The bundle's own paragraphs decide near the
    /// threshold when it is the shorter text, as for any pair.
    func isCopy<Failure: Error>(
        _ similarity: PairSimilarity, bundleIsFirst: Bool, first: ArraySlice<UInt32>, second: ArraySlice<UInt32>,
        paragraphs: (_ ofFirst: Bool) throws(Failure) -> ArraySlice<UInt8>
    ) throws(Failure) -> Bool {
        let bundleCount = bundleIsFirst ? similarity.firstCount : similarity.secondCount
        let otherCount = bundleIsFirst ? similarity.secondCount : similarity.firstCount
        if bundleCount <= otherCount {
            return try isCopy(similarity, first: first, second: second, paragraphs: paragraphs)
        }
        if similarity.shared == 0 { return false }
        if similarity.jaccard >= threshold { return true }
        return Double(similarity.shared) / Double(bundleCount) >= threshold && sharesEnough(similarity)
    }

    /// Whether the bundle holds a copy of the other text: the other's share found in it.
    func bundleHoldsCopy(_ similarity: PairSimilarity, bundleIsFirst: Bool) -> Bool {
        let otherCount = bundleIsFirst ? similarity.secondCount : similarity.firstCount
        guard otherCount > 0 else { return false }
        return Double(similarity.shared) / Double(otherCount) >= threshold && sharesEnough(similarity)
    }
}
