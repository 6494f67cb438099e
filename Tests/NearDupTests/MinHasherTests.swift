import Foundation
import Testing
@_spi(Kernels) @testable import NearDup

/// Seeded random sets for the sketch and LSH tests.
enum SketchSamples {
    /// A small seeded generator, so statistical tests see the same sets on every run.
    struct SplitMix64: RandomNumberGenerator {
        private var state: UInt64

        init(seed: UInt64) { state = seed }

        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Two sets of shingle-like hashes with a known exact Jaccard similarity.
    struct SetPair {
        var first: [UInt64]
        var second: [UInt64]
        var jaccard: Double

        /// `shared` values in both, `onlyFirst` and `onlySecond` in one each; all distinct
        /// (also in the identity bits that MinHash reads).
        init(shared: Int, onlyFirst: Int, onlySecond: Int, using generator: inout SketchSamples.SplitMix64) {
            var seen: Set<UInt64> = []
            func fresh(_ count: Int) -> [UInt64] {
                var values: [UInt64] = []
                values.reserveCapacity(count)
                while values.count < count {
                    let value = generator.next() & ~1
                    if seen.insert(value).inserted { values.append(value) }
                }
                return values
            }
            let common = fresh(shared)
            first = common + fresh(onlyFirst)
            second = common + fresh(onlySecond)
            first.shuffle(using: &generator)
            second.shuffle(using: &generator)
            jaccard = Double(shared) / Double(shared + onlyFirst + onlySecond)
        }

        /// A pair whose union has `unionSize` values and whose Jaccard is as close to `target` as
        /// whole counts allow, each set holding at least `minimumSize` values.
        init(target: Double, unionSize: Int, minimumSize: Int = 50, using generator: inout SketchSamples.SplitMix64) {
            let shared = max(1, Int((target * Double(unionSize)).rounded()))
            let rest = unionSize - shared
            let floor = max(0, minimumSize - shared)
            let onlyFirst = floor + Int.random(in: 0...max(0, rest - 2 * floor), using: &generator)
            self.init(shared: shared, onlyFirst: onlyFirst, onlySecond: rest - onlyFirst, using: &generator)
        }
    }
}

@Suite("MinHasher")
struct MinHasherTests {
    private func randomSet(_ count: Int, seed: UInt64) -> [UInt64] {
        var generator = SketchSamples.SplitMix64(seed: seed)
        return (0..<count).map { _ in generator.next() }
    }

    private func estimate(_ a: [UInt32], _ b: [UInt32]) -> Double {
        MinHasher.estimatedJaccard(a[...], b[...])
    }

    @Test func signatureHasKValues() {
        #expect(MinHasher().signature(of: randomSet(100, seed: 1)).count == 128)
        #expect(MinHasher(numPermutations: 7).signature(of: randomSet(100, seed: 1)).count == 7)
        #expect(MinHasher().numPermutations == 128)
    }

    @Test func sameInputAndSeedGiveTheSameSignature() {
        let set = randomSet(500, seed: 3)
        let a = MinHasher(numPermutations: 128, seed: 9).signature(of: set)
        let b = MinHasher(numPermutations: 128, seed: 9).signature(of: set)
        #expect(a == b)
        #expect(estimate(a, b) == 1)
    }

    @Test func differentSeedsGiveDifferentSignatures() {
        let set = randomSet(500, seed: 3)
        let a = MinHasher(seed: 1).signature(of: set)
        let b = MinHasher(seed: 2).signature(of: set)
        #expect(a != b)
        // Independent hash families: only chance agreements between the two signatures.
        #expect(estimate(a, b) < 0.1)
    }

    @Test func orderAndDuplicatesDoNotMatter() {
        let set = randomSet(300, seed: 5)
        var generator = SketchSamples.SplitMix64(seed: 77)
        let shuffled = set.shuffled(using: &generator)
        let doubled = set + set.reversed()
        let hasher = MinHasher()
        #expect(hasher.signature(of: set) == hasher.signature(of: shuffled))
        #expect(hasher.signature(of: set) == hasher.signature(of: doubled))
        #expect(hasher.signature(of: set) == hasher.signature(of: Set(set)))
    }

    @Test func quotedMarkIsIgnored() {
        let set = randomSet(200, seed: 11)
        let marked = set.map { ShingleHash.make($0, isQuoted: true) }
        let unmarked = set.map { ShingleHash.make($0, isQuoted: false) }
        #expect(MinHasher().signature(of: marked) == MinHasher().signature(of: unmarked))
    }

    @Test func emptySetGivesAllEmptyValues() {
        let signature = MinHasher().signature(of: [UInt64]())
        #expect(signature.count == 128)
        #expect(signature.allSatisfy { $0 == MinHasher.emptyValue })
        // Two empty documents are not similar to each other.
        #expect(estimate(signature, signature) == 0)
    }

    @Test func sketchOverwritesTheBuffer() {
        let hasher = MinHasher(numPermutations: 64)
        var buffer = [UInt32](repeating: 5, count: 64)
        hasher.sketch(randomSet(50, seed: 2), into: &buffer)
        #expect(buffer == hasher.signature(of: randomSet(50, seed: 2)))
        hasher.sketch([UInt64](), into: &buffer)
        #expect(buffer.allSatisfy { $0 == MinHasher.emptyValue })
    }

    @Test func nonEmptySignatureHasNoEmptyBins() {
        // Even a one-element set fills every bin (densification), with its one value.
        let one = MinHasher().signature(of: [0x1234_5678_9ABC_DEF0])
        #expect(one.allSatisfy { $0 != MinHasher.emptyValue })
        #expect(Set(one).count == 1)
        let few = MinHasher().signature(of: randomSet(10, seed: 4))
        #expect(few.allSatisfy { $0 != MinHasher.emptyValue })
    }

    /// The count of values a set gave itself: the bins it filled in one-permutation hashing
    /// (each distinct value of the signature comes from one), all K in the classic scheme.
    @Test func sketchCountsTheBinsTheSetFilledItself() {
        var signature = [UInt32](repeating: 0, count: 128)
        let hasher = MinHasher()
        #expect(hasher.sketch([UInt64](), into: &signature) == 0)
        #expect(hasher.sketch([0x1234_5678_9ABC_DEF0], into: &signature) == 1)
        for size in [10, 100, 256, 5_000] {
            let filled = hasher.sketch(randomSet(size, seed: UInt64(size)), into: &signature)
            #expect(filled == Set(signature).count, "size \(size)")
        }
        // 256 shingles leave about e^-2 of 128 bins empty; 5,000 leave none.
        #expect(hasher.sketch(randomSet(256, seed: 9), into: &signature) < 128)
        #expect(hasher.sketch(randomSet(5_000, seed: 9), into: &signature) == 128)
        #expect(MinHasher(scheme: .classic).sketch(randomSet(3, seed: 1), into: &signature) == 128)
    }

    @Test func identicalAndDisjointSetsEstimateOneAndNearZero() {
        let a = randomSet(1_000, seed: 21)
        let b = randomSet(1_000, seed: 22)
        let hasher = MinHasher()
        #expect(estimate(hasher.signature(of: a), hasher.signature(of: a)) == 1)
        #expect(estimate(hasher.signature(of: a), hasher.signature(of: b)) <= 0.05)
    }

    @Test func estimatedJaccardCountsEqualBins() {
        let a: [UInt32] = [1, 2, 3, 4, 5, 6, 7, 8]
        let b: [UInt32] = [1, 2, 9, 4, 9, 9, 9, 8]
        #expect(estimate(a, b) == 0.5)
        // Works on slices of a larger buffer, as the pipeline stores signatures back to back.
        let joined = a + b
        #expect(MinHasher.estimatedJaccard(joined[0..<8], joined[8..<16]) == 0.5)
        #expect(MinHasher.estimatedJaccard([UInt32]()[...], [UInt32]()[...]) == 0)
    }

    /// The estimator against exact Jaccard: unbiased, with the standard error of K samples.
    /// Correlated hash functions (a classic bug) show up here as a spread far above 1.
    @Test(arguments: MinHashScheme.allCases)
    func estimateIsUnbiasedWithTheExpectedSpread(scheme: MinHashScheme) {
        let k = 128
        let hasher = MinHasher(numPermutations: k, seed: 42, scheme: scheme)
        var generator = SketchSamples.SplitMix64(seed: 2_024)
        let trials = 200
        var errors: [Double] = []
        var variances: [Double] = []
        for trial in 0..<trials {
            let target = 0.05 + 0.9 * Double(trial) / Double(trials - 1)
            let unionSize = Int.random(in: 100...2_000, using: &generator)
            let pair = SketchSamples.SetPair(target: target, unionSize: unionSize, using: &generator)
            #expect(pair.first.count >= 50 && pair.first.count <= 2_000)
            #expect(pair.second.count >= 50 && pair.second.count <= 2_000)
            #expect(abs(pair.jaccard - target) < 0.01)
            let estimate = estimate(hasher.signature(of: pair.first), hasher.signature(of: pair.second))
            errors.append(estimate - pair.jaccard)
            variances.append(pair.jaccard * (1 - pair.jaccard) / Double(k))
        }
        let meanError = errors.reduce(0, +) / Double(trials)
        let standardErrorOfMean = (variances.reduce(0, +)).squareRoot() / Double(trials)
        #expect(abs(meanError) < 3 * standardErrorOfMean,
                "mean error \(meanError), standard error of the mean \(standardErrorOfMean)")
        // Each error scaled by its own expected standard error should have unit spread.
        let scaled = zip(errors, variances).map { $0 / $1.squareRoot() }
        let spread = (scaled.map { $0 * $0 }.reduce(0, +) / Double(trials)).squareRoot()
        #expect(spread > 0.7 && spread < 1.3, "errors spread \(spread) x sqrt(J(1-J)/K)")
    }

    @Test func largerSignaturesEstimateMoreClosely() {
        var generator = SketchSamples.SplitMix64(seed: 99)
        var small = 0.0
        var large = 0.0
        for _ in 0..<40 {
            let pair = SketchSamples.SetPair(shared: 500, onlyFirst: 250, onlySecond: 250, using: &generator)
            let k32 = MinHasher(numPermutations: 32)
            let k512 = MinHasher(numPermutations: 512)
            small += pow(estimate(k32.signature(of: pair.first), k32.signature(of: pair.second)) - pair.jaccard, 2)
            large += pow(estimate(k512.signature(of: pair.first), k512.signature(of: pair.second)) - pair.jaccard, 2)
        }
        // Expected squared error falls 16-fold from K=32 to K=512.
        #expect(large * 4 < small)
    }
}
