/// Accepts a pair on its MinHash signatures alone when they agree so much that the exact
/// comparison cannot say otherwise: the estimated Jaccard is at least seven standard errors
/// of K values above the copy threshold (0.81 for t = 0.5, K = 128).
///
/// Most candidate pairs in a reprint archive are near-identical copies; for them the merge of
/// two shingle sets is the dearest step of verification and tells nothing new. Both texts
/// must have at least 2K shingles: a shorter text leaves bins empty, which borrow values from
/// filled ones, so its K values are not all independent. With 2K shingles about 86% of the
/// bins are filled, and Hoeffding's bound over those alone puts the odds that a pair at or
/// below the threshold is accepted under 1e-9.
struct CertainCopy: Sendable {
    let cutoff: Double
    let numPermutations: Int

    init(threshold: Double, numPermutations: Int) {
        let standardError = (threshold * (1 - threshold) / Double(numPermutations)).squareRoot()
        cutoff = threshold + 7 * standardError
        self.numPermutations = numPermutations
    }

    /// Whether `first` and `second` (both of `compared`) are copies on their signatures alone.
    func holds(_ first: Int, _ second: Int, in compared: ComparedDocuments, signatures: [UInt32]) -> Bool {
        let minimumShingles = 2 * numPermutations
        guard cutoff < 1,
              compared.shingleCount(of: first) >= minimumShingles, compared.shingleCount(of: second) >= minimumShingles
        else { return false }
        let k = numPermutations
        let estimate = MinHasher.estimatedJaccard(
            signatures[(first * k)..<((first + 1) * k)], signatures[(second * k)..<((second + 1) * k)])
        return estimate >= cutoff
    }
}
