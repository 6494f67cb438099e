/// Accepts a pair on its MinHash signatures alone when they agree so much that the exact
/// comparison cannot say otherwise: the estimated Jaccard is at least seven standard errors
/// above the copy threshold, where a pair truly below it lands with odds under 1e-11.
///
/// Most candidate pairs in a reprint archive are near-identical copies; for them the merge of
/// two shingle sets is the dearest step of verification and tells nothing new. Documents with
/// fewer shingles than signature values are always compared exactly, since densification
/// copies values between bins and so makes their estimates less sure than K values suggest.
struct CertainCopy: Sendable {
    let cutoff: Double
    let numPermutations: Int

    init(threshold: Double, numPermutations: Int) {
        let standardError = (threshold * (1 - threshold) / Double(numPermutations)).squareRoot()
        cutoff = threshold + 7 * standardError
        self.numPermutations = numPermutations
    }

    func holds(_ first: Int, _ second: Int, in batch: SketchBatch) -> Bool {
        guard cutoff < 1,
              batch.shingleCount(of: first) >= numPermutations, batch.shingleCount(of: second) >= numPermutations
        else { return false }
        let k = numPermutations
        let estimate = MinHasher.estimatedJaccard(
            batch.signatures[(first * k)..<((first + 1) * k)], batch.signatures[(second * k)..<((second + 1) * k)])
        return estimate >= cutoff
    }
}
