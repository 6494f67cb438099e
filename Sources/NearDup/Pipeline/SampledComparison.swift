import Foundation

/// Merges two shingle sets smallest values first, and stops once the part merged so far
/// rules out a copy.
///
/// Shingle identities are uniform hashes, so the shingles below a fixed cut of the hash range
/// are a uniform sample of each set, and the share of the shorter set's sample that the other
/// set holds estimates the overlap (containment of the shorter). At a quarter and at half of
/// the range, Chernoff's bound in its Kullback–Leibler form, at `SignatureVerdict`'s odds
/// split between the two looks, tells whether the overlap could still reach the least a copy
/// needs. At a million generated news articles, nine in ten pairs that the signatures leave
/// in doubt and the sets reject share under a fifth of the shorter text; at 100,000, the
/// looks settle about 62,000 of the 110,000 rejected. A pair not ruled out is merged to the
/// end: every similarity given is exact.
struct SampledComparison: Sendable {
    /// Fractions of the hash range looked at, in order.
    static let cuts = [0.25, 0.5]

    /// The least overlap of a copy (`CopyRule.lowestCopyOverlap`).
    let leastCopyOverlap: Double
    private let budget: Double
    /// Samples below which even one sharing nothing rules nothing out.
    private let fewestSamples: Double

    init(rule: CopyRule) {
        leastCopyOverlap = rule.lowestCopyOverlap
        budget = log(Double(Self.cuts.count) / SignatureVerdict.odds)
        fewestSamples = leastCopyOverlap > 0 && leastCopyOverlap < 1 ? budget / -log(1 - leastCopyOverlap) : .infinity
    }

    /// Whether `shared` of `samples` shingles of the shorter set, drawn uniformly, rule out
    /// an overlap of `leastCopyOverlap` at the odds.
    func rulesOut(shared: Int, samples: Int) -> Bool {
        guard Double(samples) >= fewestSamples else { return false }
        let observed = Double(shared) / Double(samples)
        guard observed < leastCopyOverlap else { return false }
        return Double(samples) * Self.divergence(observed, leastCopyOverlap) >= budget
    }

    /// The exact similarity of two sorted sets, or nil once a sample rules out a copy.
    func similarity(_ first: ArraySlice<UInt32>, _ second: ArraySlice<UInt32>) -> PairSimilarity? {
        let firstIsShorter = first.count <= second.count
        var merged = (first: first.startIndex, second: second.startIndex)
        var shared = 0
        var sharedQuoted = 0
        for fraction in Self.cuts where Double(min(first.count, second.count)) * fraction >= fewestSamples {
            let cut = UInt32(fraction * Double(1 << ShingleEntry.identityBits))
            let ends = (first: Self.end(below: cut, in: first, from: merged.first),
                        second: Self.end(below: cut, in: second, from: merged.second))
            let part = PairSimilarity(first[merged.first..<ends.first], second[merged.second..<ends.second])
            shared += part.shared
            sharedQuoted += part.sharedQuoted
            merged = ends
            let samples = firstIsShorter ? ends.first - first.startIndex : ends.second - second.startIndex
            if rulesOut(shared: shared, samples: samples) { return nil }
        }
        let rest = PairSimilarity(first[merged.first...], second[merged.second...])
        return PairSimilarity(
            shared: shared + rest.shared, sharedQuoted: sharedQuoted + rest.sharedQuoted,
            firstCount: first.count, secondCount: second.count)
    }

    /// The position of the first value in `set[start...]` whose identity is `cut` or more.
    private static func end(below cut: UInt32, in set: ArraySlice<UInt32>, from start: Int) -> Int {
        var low = start
        var high = set.endIndex
        while low < high {
            let middle = (low + high) / 2
            if ShingleEntry.identity(set[middle]) < cut { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// KL(p ‖ q) for Bernoulli variables, with 0 < q < 1.
    private static func divergence(_ p: Double, _ q: Double) -> Double {
        (p > 0 ? p * log(p / q) : 0) + (p < 1 ? (1 - p) * log((1 - p) / (1 - q)) : 0)
    }
}
