/// Bundles: live blogs, "The Latest" running files, digests, news in brief. A bundle holds
/// several separately stamped or headlined items, and one of them is often a short story
/// also published on its own; measured from the story's side, the bundle contains it and
/// would join its cluster, then bring in the bundle's other snapshots and the stories of
/// their items.
///
/// So a bundle is a copy only of another bundle (a snapshot of the same live blog): never of
/// a text that is none, not even when an early snapshot is mostly the one story it carries.
/// That a bundle holds a copy of a story is a relation of its own
/// (`ClusteringResult.BundledCopy`), never membership.
package enum BundleRule {
    /// Items opening with a time stamp and holding text (`StampedItems`) that make a text a
    /// bundle: fewer can be a story's timeline of an event.
    package static let minimumStampedItems = 3

    /// Headlined items of a paragraph or two (`StoryPage.headedItems`) that make a page a
    /// bundle (a digest, "news in brief"): a feature has fewer such short sections.
    package static let minimumHeadedItems = 4

    static func isBundle(stampedItems: Int, headedItems: Int = 0) -> Bool {
        stampedItems >= minimumStampedItems || headedItems >= minimumHeadedItems
    }
}

extension CopyRule {
    /// Whether the bundle holds a copy of the other text: the other's share found in it.
    func bundleHoldsCopy(_ similarity: PairSimilarity, bundleIsFirst: Bool) -> Bool {
        let otherCount = bundleIsFirst ? similarity.secondCount : similarity.firstCount
        guard otherCount > 0 else { return false }
        return Double(similarity.shared) / Double(otherCount) >= threshold && sharesEnough(similarity)
    }
}
