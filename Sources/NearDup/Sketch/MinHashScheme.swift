/// How the K values of a signature are drawn.
public enum MinHashScheme: String, Sendable, CaseIterable, Equatable {
    /// One hash per shingle picks a bin and a value; empty bins are densified.
    /// O(n + K) per document: the default.
    case onePermutation = "oph"
    /// K independent hash functions, the minimum of each over the set (datasketch's scheme,
    /// with a different hash family). O(n·K), computed in SIMD lanes.
    case classic
}
