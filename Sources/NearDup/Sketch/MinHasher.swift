/// MinHash signatures of shingle sets: P[values at one position equal] = Jaccard.
///
/// The default scheme is one-permutation hashing with optimal densification (Shrivastava
/// 2017): each shingle hash is mixed with the seed once; its high bits pick one of K bins and
/// its low 31 bits are the value kept if smaller than the bin's minimum. Empty bins borrow the
/// value of the bin that a fixed, seed-derived probe sequence reaches first, which keeps the
/// estimator unbiased for small sets. Cost is O(n + K) per document instead of O(n·K) for K
/// separate hash functions. The classic scheme (K functions) is kept for comparison and for
/// users who want datasketch's estimator; its kernel runs in SIMD lanes.
public struct MinHasher: Sendable, Equatable {
    /// Signature length K.
    public let numPermutations: Int
    public let seed: UInt64
    public let scheme: MinHashScheme
    /// Kernel for the classic scheme; one-permutation hashing has a single, scalar loop.
    public let variant: KernelVariant
    /// Stands for "no shingle" in a signature of an empty set.
    public static let emptyValue = UInt32.max

    private let valueKey: UInt64
    private let probeKey: UInt64
    private let classicKernel: ClassicMinHashKernel?

    public init(numPermutations: Int = 128, seed: UInt64 = 1, scheme: MinHashScheme = .onePermutation, variant: KernelVariant = .simd) {
        precondition(numPermutations > 0 && numPermutations <= 1 << 16, "numPermutations must be in 1...65536")
        self.numPermutations = numPermutations
        self.seed = seed
        self.scheme = scheme
        self.variant = variant
        self.valueKey = mix64(seed &+ 0x9E37_79B9_7F4A_7C15)
        self.probeKey = mix64(seed ^ 0xD6E8_FEB8_6659_FD93)
        self.classicKernel = scheme == .classic ? ClassicMinHashKernel(numPermutations: numPermutations, seed: seed) : nil
    }

    public static func == (lhs: MinHasher, rhs: MinHasher) -> Bool {
        lhs.numPermutations == rhs.numPermutations && lhs.seed == rhs.seed && lhs.scheme == rhs.scheme
            && lhs.variant == rhs.variant
    }

    /// The signature of a set of shingle hashes (duplicates allowed; order irrelevant).
    public func signature<Hashes: Collection<UInt64>>(of hashes: Hashes) -> [UInt32] {
        var signature = [UInt32](repeating: Self.emptyValue, count: numPermutations)
        sketch(hashes, into: &signature)
        return signature
    }

    /// Writes the signature into `signature`, which must hold `numPermutations` values.
    public func sketch<Hashes: Collection<UInt64>>(_ hashes: Hashes, into signature: inout [UInt32]) {
        precondition(signature.count == numPermutations)
        if let classicKernel {
            let keys = hashes.map { UInt32(truncatingIfNeeded: mix64(ShingleHash.identity($0) ^ valueKey)) }
            switch variant {
            case .scalar: classicKernel.sketchScalar(keys: keys, into: &signature)
            case .simd: classicKernel.sketchSIMD(keys: keys, into: &signature)
            }
            return
        }
        for index in signature.indices { signature[index] = Self.emptyValue }
        var filled = [Bool](repeating: false, count: numPermutations)
        let bins = UInt64(numPermutations)
        for hash in hashes {
            let mixed = mix64(ShingleHash.identity(hash) ^ valueKey)
            let bin = Int(((mixed >> 32) &* bins) >> 32)
            let value = UInt32(truncatingIfNeeded: mixed) & 0x7FFF_FFFF
            filled[bin] = true
            if value < signature[bin] { signature[bin] = value }
        }
        densify(&signature, filled: filled)
    }

    /// Fills each empty bin from the first non-empty bin of its probe sequence.
    private func densify(_ signature: inout [UInt32], filled: [Bool]) {
        guard filled.contains(true), filled.contains(false) else { return }
        let source = signature
        for bin in 0..<numPermutations where !filled[bin] {
            var attempt: UInt64 = 0
            while true {
                let probe = mix64(probeKey ^ (UInt64(bin) << 32 | attempt))
                let candidate = Int(((probe >> 32) &* UInt64(numPermutations)) >> 32)
                if filled[candidate] {
                    signature[bin] = source[candidate]
                    break
                }
                attempt += 1
            }
        }
    }

    /// Estimated Jaccard similarity: the fraction of bins with equal values.
    public static func estimatedJaccard(_ first: ArraySlice<UInt32>, _ second: ArraySlice<UInt32>) -> Double {
        precondition(first.count == second.count)
        guard !first.isEmpty else { return 0 }
        var equal = 0
        for (a, b) in zip(first, second) where a == b && a != emptyValue { equal += 1 }
        return Double(equal) / Double(first.count)
    }
}
