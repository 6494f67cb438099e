import Foundation

/// How a signature is cut into b bands of r rows for locality-sensitive hashing.
/// Two documents become candidates when all r values of some band agree, which happens
/// with probability 1 − (1 − s^r)^b for Jaccard similarity s.
public struct BandLayout: Sendable, Equatable, CustomStringConvertible {
    public let bands: Int
    public let rows: Int

    public init(bands: Int, rows: Int) {
        precondition(bands > 0 && rows > 0)
        self.bands = bands
        self.rows = rows
    }

    public var description: String { "\(bands) bands x \(rows) rows" }

    /// Probability that two documents of Jaccard similarity `similarity` share a band.
    public func candidateProbability(similarity: Double) -> Double {
        1 - Self.power(1 - Self.power(similarity, rows), bands)
    }

    /// `base` to a whole power by squaring: the layout search takes hundreds of thousands of
    /// powers, and `pow` made it the largest fixed cost of a run.
    @inline(__always)
    private static func power(_ base: Double, _ exponent: Int) -> Double {
        var result = 1.0
        var square = base
        var remaining = exponent
        while remaining > 0 {
            if remaining & 1 == 1 { result *= square }
            square *= square
            remaining >>= 1
        }
        return result
    }

    /// The layout with b·r ≤ `numPermutations` that minimises the weighted area of false
    /// positives (similarity below `threshold` yet candidate) plus false negatives (above it
    /// yet not a candidate), integrated over similarity.
    public static func optimal(
        threshold: Double,
        numPermutations: Int,
        falsePositiveWeight: Double = 0.5,
        falseNegativeWeight: Double = 0.5
    ) -> BandLayout {
        precondition(threshold > 0 && threshold < 1, "threshold must be in (0, 1)")
        let key = LayoutKey(threshold: threshold, numPermutations: numPermutations,
                            falsePositiveWeight: falsePositiveWeight, falseNegativeWeight: falseNegativeWeight)
        if let known = cache.value(for: key) { return known }
        let layout = search(key)
        cache.store(layout, for: key)
        return layout
    }

    private static let cache = LayoutCache()

    private static func search(_ key: LayoutKey) -> BandLayout {
        let (threshold, numPermutations) = (key.threshold, key.numPermutations)
        let (falsePositiveWeight, falseNegativeWeight) = (key.falsePositiveWeight, key.falseNegativeWeight)
        var best = BandLayout(bands: numPermutations, rows: 1)
        var bestError = Double.infinity
        for bands in 1...numPermutations {
            for rows in 1...(numPermutations / bands) {
                let layout = BandLayout(bands: bands, rows: rows)
                let falsePositive = integrate(from: 0, to: threshold) { layout.candidateProbability(similarity: $0) }
                let falseNegative = integrate(from: threshold, to: 1) { 1 - layout.candidateProbability(similarity: $0) }
                let error = falsePositiveWeight * falsePositive + falseNegativeWeight * falseNegative
                if error < bestError - 1e-12 {
                    bestError = error
                    best = layout
                }
            }
        }
        return best
    }

    /// Simpson's rule; the integrands are smooth polynomials.
    private static func integrate(from lower: Double, to upper: Double, _ function: (Double) -> Double) -> Double {
        let steps = 200
        let width = (upper - lower) / Double(steps)
        var sum = function(lower) + function(upper)
        for step in 1..<steps {
            sum += function(lower + Double(step) * width) * (step % 2 == 1 ? 4 : 2)
        }
        return sum * width / 3
    }
}

struct LayoutKey: Hashable {
    var threshold: Double
    var numPermutations: Int
    var falsePositiveWeight: Double
    var falseNegativeWeight: Double
}

/// The search integrates thousands of curves; its answer for given parameters never changes.
final class LayoutCache: @unchecked Sendable {
    private var layouts: [LayoutKey: BandLayout] = [:]
    private let lock = NSLock()

    func value(for key: LayoutKey) -> BandLayout? { lock.withLock { layouts[key] } }
    func store(_ layout: BandLayout, for key: LayoutKey) { lock.withLock { layouts[key] = layout } }
}
