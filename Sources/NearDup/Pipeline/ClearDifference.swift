import Foundation

/// Rejects a candidate pair on its MinHash signatures alone when they agree so little that
/// even the most similar sets they allow, at odds of 1e-9, would not be copies: neither a
/// Jaccard similarity nor an overlap (containment of the shorter) at the threshold.
///
/// Band collisions at the low Jaccard that LSH must reach to find short excerpts also bring
/// many pairs that merely share some text; reading back and merging their sets is most of
/// the cost of verification in a large archive. The bound is Chernoff's in its
/// Kullback–Leibler form over the bins both texts filled themselves (borrowed bins are no
/// evidence), which is far tighter than Hoeffding's when the observed agreement is small.
/// The overlap follows from Jaccard J and the set sizes a, b: J(a + b) / ((1 + J) min(a, b)).
struct ClearDifference: Sendable {
    let threshold: Double
    let numPermutations: Int
    /// `upperJaccard[filled * (K + 1) + equal]`: the largest Jaccard similarity under which
    /// `equal` agreeing values of K, with `filled` of them the texts' own, are not too unlikely.
    private let upperJaccard: [Double]

    static let odds = 1e-9

    init(threshold: Double, numPermutations: Int) {
        self.threshold = threshold
        self.numPermutations = numPermutations
        let k = numPermutations
        let budget = log(1 / Self.odds)
        var bounds = [Double](repeating: 1, count: (k + 1) * (k + 1))
        for filled in 1...k {
            for equal in 0...k {
                bounds[filled * (k + 1) + equal] = Self.upperBound(
                    observed: Double(equal) / Double(k), samples: Double(filled), budget: budget)
            }
        }
        upperJaccard = bounds
    }

    /// The q ≥ p at which `samples` · KL(p ‖ q) reaches `budget` (1 when none does).
    static func upperBound(observed p: Double, samples: Double, budget: Double) -> Double {
        func divergence(_ q: Double) -> Double {
            let left = p > 0 ? p * log(p / q) : 0
            let right = p < 1 ? (1 - p) * log((1 - p) / (1 - q)) : 0
            return left + right
        }
        guard p < 1, samples * divergence(1 - 1e-12) >= budget else { return 1 }
        var low = p
        var high = 1 - 1e-12
        for _ in 0..<60 {
            let middle = (low + high) / 2
            if samples * divergence(middle) >= budget { high = middle } else { low = middle }
        }
        return high
    }

    func holds(_ first: Int, _ second: Int, in batch: SketchBatch) -> Bool {
        let filled = min(batch.filledBins(of: first), batch.filledBins(of: second))
        guard filled > 0 else { return false }
        let k = numPermutations
        let estimate = MinHasher.estimatedJaccard(
            batch.signatures[(first * k)..<((first + 1) * k)], batch.signatures[(second * k)..<((second + 1) * k)])
        let equal = Int((estimate * Double(k)).rounded())
        let jaccard = upperJaccard[filled * (k + 1) + equal]
        guard jaccard < threshold else { return false }
        let a = Double(batch.shingleCount(of: first))
        let b = Double(batch.shingleCount(of: second))
        return jaccard * (a + b) / ((1 + jaccard) * min(a, b)) < threshold
    }
}
