import Testing
@testable import NearDup

/// A sample of two sets may rule a pair out before the sets are merged whole: what comes
/// back must be the exact similarity, and a pair ruled out must be no copy.
@Suite("Sampled comparison")
struct SampledComparisonTests {
    /// Pairs of sets of 20 to 3,000 shingles that share 0% to 100% of the shorter, a quarter
    /// of their shingles quoted.
    private func pairs(count: Int, seed: UInt64) -> [(first: [UInt32], second: [UInt32])] {
        var generator = SketchSamples.SplitMix64(seed: seed)
        func shingle() -> UInt64 { ShingleHash.make(generator.next(), isQuoted: generator.next() % 4 == 0) }
        return (0..<count).map { _ in
            let shorter = 20 + Int(generator.next() % 1_500)
            let longer = shorter + Int(generator.next() % 1_500)
            let sharedCount = Int(Double(shorter) * Double(generator.next() % 101) / 100)
            let shared = (0..<sharedCount).map { _ in shingle() }
            let first = ShingleEntry.set(of: shared + (0..<(shorter - sharedCount)).map { _ in shingle() })
            let second = ShingleEntry.set(of: shared + (0..<(longer - sharedCount)).map { _ in shingle() })
            return generator.next() % 2 == 0 ? (first, second) : (second, first)
        }
    }

    @Test func givesTheExactSimilarityOrRulesOutOnlyPairsThatAreNoCopies() {
        let rule = CopyRule()
        let sampled = SampledComparison(rule: rule)
        var ruledOut = 0
        for (first, second) in pairs(count: 600, seed: 11) {
            let exact = PairSimilarity(first[...], second[...])
            if let similarity = sampled.similarity(first[...], second[...]) {
                #expect(similarity == exact)
            } else {
                ruledOut += 1
                let isCopy = rule.isCopy(exact, first: first[...], second: second[...]) { ofFirst in
                    [UInt8](repeating: 0, count: (ofFirst ? first : second).count)[...]
                }
                #expect(!isCopy)
                #expect(exact.overlap < rule.lowestCopyOverlap)
            }
        }
        #expect(ruledOut > 30, "pairs sharing little of long sets are settled on a sample")
        // Slices that do not start at 0, as sets read into a shared buffer are.
        let (first, second) = pairs(count: 1, seed: 3)[0]
        let padded = [UInt32](repeating: 0, count: 5) + second
        #expect(sampled.similarity(first[...], padded[5...]) == PairSimilarity(first[...], second[...]))
    }

    @Test func neverRulesOutAnOverlapACopyCouldHave() {
        let sampled = SampledComparison(rule: CopyRule())
        let least = sampled.leastCopyOverlap
        var generator = SketchSamples.SplitMix64(seed: 5)
        // Samples of sets whose overlap is just the least a copy needs, drawn many times.
        for samples in [60, 200, 1_000] {
            for _ in 0..<2_000 {
                let shared = (0..<samples).count { _ in Double(generator.next() >> 11) / Double(1 << 53) < least }
                #expect(!sampled.rulesOut(shared: shared, samples: samples))
            }
        }
        #expect(sampled.rulesOut(shared: 10, samples: 200))
        #expect(!sampled.rulesOut(shared: 0, samples: 10), "too few samples to tell")
        #expect(!SampledComparison(rule: CopyRule(threshold: 0)).rulesOut(shared: 0, samples: 1_000))
    }
}
