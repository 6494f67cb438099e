import Foundation
import Synchronization

/// Decides a candidate pair on its MinHash signatures alone when they leave no doubt, so
/// that verification reads and merges shingle sets only for the pairs in between.
///
/// From the share of agreeing values, Chernoff's bound in its Kullback–Leibler form gives
/// the range of Jaccard similarities J that could have produced it at odds of 1e-9, counting
/// as evidence only the bins both texts filled themselves (one-permutation hashing lends a
/// short text's empty bins the values of filled ones). With the exact set sizes a and b, each
/// J fixes the shared shingles, J(a + b) / (1 + J), and so the overlap (containment of the
/// shorter). A pair is a copy when the copy rule holds at the bottom of the range: Jaccard,
/// or overlap above the band where paragraphs decide, with enough shared shingles while fewer
/// are quoted in either text than the rule allows. It is no copy when, at the top of the range, Jaccard stays below the threshold
/// and either the overlap stays below the least a copy needs or the shared shingles stay
/// below the rule's minimum.
struct SignatureVerdict: Sendable {
    enum Verdict { case copy, different, unsure }

    let rule: CopyRule
    let numPermutations: Int
    /// Indexed `filled * (K + 1) + equal`: the lowest and highest Jaccard similarity under
    /// which `equal` agreeing values of K, `filled` of them the texts' own, are not too unlikely.
    private let lowerJaccard: [Double]
    private let upperJaccard: [Double]

    static let odds = 1e-9

    /// `filledCounts`: the filled-bin counts the documents to be compared have (see
    /// `MinHasher.sketch`); bounds are made for those alone, since each count takes K + 1
    /// inversions of the divergence. A pair of other counts is left unsure.
    init(rule: CopyRule, numPermutations: Int, filledCounts: some Sequence<Int>) {
        self.rule = rule
        self.numPermutations = numPermutations
        (lowerJaccard, upperJaccard) = Self.tables(numPermutations: numPermutations, filledCounts: filledCounts)
    }

    init(rule: CopyRule, numPermutations: Int) {
        self.init(rule: rule, numPermutations: numPermutations, filledCounts: 1...numPermutations)
    }

    private struct Tables {
        var lower: [Double]
        var upper: [Double]
        var made: [Bool]
    }

    /// The bound tables depend on K alone; each row is made once a process, when first asked for.
    private static func tables(numPermutations k: Int, filledCounts: some Sequence<Int>) -> (lower: [Double], upper: [Double]) {
        madeTables.withLock { made in
            var tables = made[k] ?? Tables(
                lower: [Double](repeating: 0, count: (k + 1) * (k + 1)),
                upper: [Double](repeating: 1, count: (k + 1) * (k + 1)),
                made: [Bool](repeating: false, count: k + 1))
            let budget = log(1 / odds)
            for filled in filledCounts where filled >= 1 && filled <= k && !tables.made[filled] {
                for equal in 0...k {
                    let observed = Double(equal) / Double(k)
                    tables.lower[filled * (k + 1) + equal] = bound(observed: observed, samples: Double(filled), budget: budget, upward: false)
                    tables.upper[filled * (k + 1) + equal] = bound(observed: observed, samples: Double(filled), budget: budget, upward: true)
                }
                tables.made[filled] = true
            }
            made[k] = tables
            return (tables.lower, tables.upper)
        }
    }

    private static let madeTables = Mutex<[Int: Tables]>([:])

    /// The q beyond p (above it when `upward`) at which `samples` · KL(p ‖ q) reaches
    /// `budget`; 1 or 0 when no q in between does.
    static func bound(observed p: Double, samples: Double, budget: Double, upward: Bool) -> Double {
        func divergence(_ q: Double) -> Double {
            let left = p > 0 ? p * log(p / q) : 0
            let right = p < 1 ? (1 - p) * log((1 - p) / (1 - q)) : 0
            return left + right
        }
        let edge = upward ? 1 - 1e-12 : 1e-12
        guard upward ? p < edge : p > edge, samples * divergence(edge) >= budget else { return upward ? 1 : 0 }
        var inside = p
        var outside = edge
        // 30 halvings leave the bound within 1e-9 of its value.
        for _ in 0..<30 {
            let middle = (inside + outside) / 2
            if samples * divergence(middle) >= budget { outside = middle } else { inside = middle }
        }
        return outside
    }

    func verdict(_ first: Int, _ second: Int, in batch: SketchBatch) -> Verdict {
        let filled = min(batch.filledBins(of: first), batch.filledBins(of: second))
        guard filled > 0 else { return .unsure }
        let k = numPermutations
        let estimate = MinHasher.estimatedJaccard(batch.signatures[first], batch.signatures[second])
        let index = filled * (k + 1) + Int((estimate * Double(k)).rounded())
        let threshold = rule.threshold
        if batch.hasFurniture(first) || batch.hasFurniture(second) {
            return furnitureVerdict(first, second, in: batch, upperJaccard: upperJaccard[index])
        }
        let a = Double(batch.shingleCount(of: first))
        let b = Double(batch.shingleCount(of: second))
        if batch.pairsBundleWithStory(first, second) {
            // A bundle is no copy of a story (`BundleRule`); the sets are read only to tell
            // whether it holds a copy of it, unless the signatures already rule that out.
            return isClearlyDifferent(a, b, upperJaccard: upperJaccard[index]) ? .different : .unsure
        }

        let lowest = lowerJaccard[index]
        if lowest >= threshold { return .copy }
        let fewestShared = lowest * (a + b) / (1 + lowest)
        let mostQuoted = Double(min(batch.quotedShingleCount(of: first), batch.quotedShingleCount(of: second)))
        if fewestShared / min(a, b) >= rule.certainCopyOverlap && fewestShared >= Double(rule.minimumShared)
            && 2 * mostQuoted <= fewestShared {
            return .copy
        }
        return isClearlyDifferent(a, b, upperJaccard: upperJaccard[index]) ? .different : .unsure
    }

    /// Whether, at the top of the range, Jaccard stays below the threshold and either the
    /// overlap stays below the least a copy needs or the shared shingles stay below the minimum.
    private func isClearlyDifferent(_ a: Double, _ b: Double, upperJaccard highest: Double) -> Bool {
        let mostShared = highest * (a + b) / (1 + highest)
        return highest < rule.threshold
            && (mostShared / min(a, b) < rule.lowestCopyOverlap || mostShared < Double(rule.minimumShared))
    }

    /// A signature made with furniture that the sets have since left out can only bound what
    /// the kept sets share from above: the shingles the signatures' texts share at most, and
    /// no more than the smaller kept set. So it can tell two documents apart, never call
    /// them copies.
    private func furnitureVerdict(_ first: Int, _ second: Int, in batch: SketchBatch, upperJaccard highest: Double) -> Verdict {
        let signedA = Double(batch.signedShingleCount(of: first))
        let signedB = Double(batch.signedShingleCount(of: second))
        let a = Double(batch.shingleCount(of: first))
        let b = Double(batch.shingleCount(of: second))
        guard a > 0 && b > 0 else { return .unsure }
        let mostShared = min(highest * (signedA + signedB) / (1 + highest), a, b)
        let mostJaccard = mostShared / (a + b - mostShared)
        if mostJaccard < rule.threshold && (mostShared / min(a, b) < rule.lowestCopyOverlap || mostShared < Double(rule.minimumShared)) {
            return .different
        }
        return .unsure
    }
}
