import Foundation

/// Accepts a pair on its MinHash signatures alone when they agree so much that the exact
/// comparison cannot say otherwise: the estimated Jaccard is at least seven standard errors
/// of K values above the copy threshold (0.81 for t = 0.5, K = 128).
///
/// Most candidate pairs in a reprint archive are near-identical copies; for them reading
/// back and merging two shingle sets is the dearest step of verification and tells nothing
/// new. Only values a text gave itself count as evidence: in one-permutation hashing a short
/// text leaves bins empty, which borrow a filled bin's value, so both texts must have filled
/// enough bins that Hoeffding's bound over those alone puts the odds of accepting a pair at
/// or below the threshold under 1e-9 (109 of 128 bins at the defaults, about what 2K
/// distinct shingles fill).
struct CertainCopy: Sendable {
    let cutoff: Double
    let numPermutations: Int
    /// Bins each text must have filled itself; above K when no signature can be certain.
    let minimumFilledBins: Int

    init(threshold: Double, numPermutations: Int) {
        let standardError = (threshold * (1 - threshold) / Double(numPermutations)).squareRoot()
        let margin = 7 * standardError
        cutoff = threshold + margin
        self.numPermutations = numPermutations
        // exp(-2 F margin²) ≤ 1e-9
        let needed = margin > 0 ? (log(1e9) / (2 * margin * margin)).rounded(.up) : .infinity
        minimumFilledBins = needed <= Double(numPermutations) ? Int(needed) : numPermutations + 1
    }

    func holds(_ first: Int, _ second: Int, in batch: SketchBatch) -> Bool {
        guard cutoff < 1,
              batch.filledBins(of: first) >= minimumFilledBins, batch.filledBins(of: second) >= minimumFilledBins
        else { return false }
        let k = numPermutations
        let estimate = MinHasher.estimatedJaccard(
            batch.signatures[(first * k)..<((first + 1) * k)], batch.signatures[(second * k)..<((second + 1) * k)])
        return estimate >= cutoff
    }
}
