/// MinHash signatures of shingle sets: P[values at one position equal] = Jaccard.
///
/// The default scheme is one-permutation hashing with optimal densification (Shrivastava
/// 2017): each shingle hash is mixed with the seed once; its high bits pick one of K bins and
/// its low 31 bits are the value kept if smaller than the bin's minimum. Empty bins borrow the
/// value of the bin that a fixed, seed-derived probe sequence reaches first, which keeps the
/// estimator unbiased for small sets. Cost is O(n + K) per document instead of O(n·K) for K
/// separate hash functions. The classic scheme (K functions) is kept for comparison and for
/// users who want datasketch's estimator; its kernel runs in SIMD lanes.
@_spi(Kernels) public struct MinHasher: Sendable, Equatable {
    /// Signature length K.
    public let numPermutations: Int
    public let seed: UInt64
    public let scheme: MinHashScheme
    /// Which twin runs: the unsafe-buffer kernels (`simd`: vector lanes for the classic scheme,
    /// cached probes for one-permutation hashing) or their plain scalar twins.
    public let variant: KernelVariant
    /// Stands for "no shingle" in a signature of an empty set.
    public static let emptyValue = UInt32.max

    private let valueKey: UInt64
    private let onePermutationKernel: OnePermutationKernel
    private let classicKernel: ClassicMinHashKernel?

    public init(numPermutations: Int = 128, seed: UInt64 = 1, scheme: MinHashScheme = .onePermutation, variant: KernelVariant = .simd) {
        precondition(numPermutations > 0 && numPermutations <= 1 << 16, "numPermutations must be in 1...65536")
        self.numPermutations = numPermutations
        self.seed = seed
        self.scheme = scheme
        self.variant = variant
        self.valueKey = mix64(seed &+ 0x9E37_79B9_7F4A_7C15)
        self.onePermutationKernel = OnePermutationKernel(bins: numPermutations, seed: seed)
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
    /// (The concrete overload keeps callers in other modules off the unspecialised generic.)
    @discardableResult
    public func sketch(_ hashes: [UInt64], into signature: inout [UInt32]) -> Int {
        sketch(hashes[...], into: &signature)
    }

    /// Writes the signature into `signature`, which must hold `numPermutations` values, and
    /// returns how many of its values the set gave itself: all K in the classic scheme (none
    /// for an empty set); in one-permutation hashing the bins the set filled, the others
    /// having borrowed a filled bin's value.
    @discardableResult
    public func sketch<Hashes: Collection<UInt64>>(_ hashes: Hashes, into signature: inout [UInt32]) -> Int {
        precondition(signature.count == numPermutations)
        if let classicKernel {
            let keys = hashes.map { UInt32(truncatingIfNeeded: mix64(ShingleHash.identity($0) ^ valueKey)) }
            switch variant {
            case .scalar: classicKernel.sketchScalar(keys: keys, into: &signature)
            case .simd: classicKernel.sketchSIMD(keys: keys, into: &signature)
            }
            return keys.isEmpty ? 0 : numPermutations
        }
        switch variant {
        case .scalar:
            return onePermutationKernel.sketchScalar(Array(hashes), into: &signature)
        case .simd:
            let kernel = onePermutationKernel
            return signature.withUnsafeMutableBufferPointer { signature in
                hashes.withContiguousStorageIfAvailable { kernel.sketch($0, into: signature) }
                    ?? Array(hashes).withUnsafeBufferPointer { kernel.sketch($0, into: signature) }
            }
        }
    }

    /// Estimated Jaccard similarity: the fraction of bins with equal values. Verification
    /// asks it of every candidate pair, so it compares eight bins per vector step (agreement
    /// is a coin toss near the threshold, so a branch per bin mispredicts half the time);
    /// `estimatedJaccardScalar` is its plain twin.
    public static func estimatedJaccard(_ first: ArraySlice<UInt32>, _ second: ArraySlice<UInt32>) -> Double {
        precondition(first.count == second.count)
        guard !first.isEmpty else { return 0 }
        let equal = first.withUnsafeBufferPointer { first in
            second.withUnsafeBufferPointer { second in
                let (a, b) = (UnsafeRawPointer(first.baseAddress!), UnsafeRawPointer(second.baseAddress!))
                let empty = SIMD8<UInt32>(repeating: emptyValue)
                var lanes = SIMD8<UInt32>()
                var index = 0
                while index + 8 <= first.count {
                    let valuesA = a.loadUnaligned(fromByteOffset: index * 4, as: SIMD8<UInt32>.self)
                    let valuesB = b.loadUnaligned(fromByteOffset: index * 4, as: SIMD8<UInt32>.self)
                    lanes = lanes.replacing(with: lanes &+ 1, where: (valuesA .== valuesB) .& (valuesA .!= empty))
                    index += 8
                }
                var equal = Int(lanes.wrappedSum())
                while index < first.count {
                    let value = first[index]
                    equal &+= (value == second[index]) && (value != emptyValue) ? 1 : 0
                    index += 1
                }
                return equal
            }
        }
        return Double(equal) / Double(first.count)
    }

    static func estimatedJaccardScalar(_ first: ArraySlice<UInt32>, _ second: ArraySlice<UInt32>) -> Double {
        precondition(first.count == second.count)
        guard !first.isEmpty else { return 0 }
        var equal = 0
        for (a, b) in zip(first, second) where a == b && a != emptyValue { equal += 1 }
        return Double(equal) / Double(first.count)
    }
}
