import Foundation
import Testing
@_spi(Kernels) @testable import NearDup

@Suite("BandLayout")
struct BandLayoutTests {
    @Test func candidateProbabilityFollowsTheBandingFormula() {
        let layout = BandLayout(bands: 20, rows: 5)
        for s in stride(from: 0.0, through: 1.0, by: 0.05) {
            let expected = 1 - pow(1 - pow(s, 5), 20)
            #expect(abs(layout.candidateProbability(similarity: s) - expected) < 1e-12)
        }
        #expect(layout.candidateProbability(similarity: 0) == 0)
        #expect(layout.candidateProbability(similarity: 1) == 1)
        // Hand-computed: one band of two rows at s = 0.5 matches with probability 0.25.
        #expect(abs(BandLayout(bands: 1, rows: 2).candidateProbability(similarity: 0.5) - 0.25) < 1e-12)
        // Two bands of one row: 1 - (1 - 0.5)^2 = 0.75.
        #expect(abs(BandLayout(bands: 2, rows: 1).candidateProbability(similarity: 0.5) - 0.75) < 1e-12)
    }

    /// Band collisions of real signatures, found by the candidate search itself, happen at
    /// the rate 1 - (1 - s^r)^b: correlated hash functions or a broken band key would show
    /// up as a rate off the curve.
    @Test(arguments: MinHashScheme.allCases, [BandLayout(bands: 64, rows: 2), BandLayout(bands: 16, rows: 8)])
    func bandCollisionsFollowTheBandingCurve(scheme: MinHashScheme, layout: BandLayout) {
        let hasher = MinHasher(numPermutations: 128, seed: 5, scheme: scheme)
        let finder = CandidateFinder(layout: layout)
        var generator = SketchSamples.SplitMix64(seed: 77)
        let pairsPerTarget = 200
        for target in [0.1, 0.3, 0.5, 0.7, 0.9] {
            var collisions = 0
            var expected = 0.0
            var variance = 0.0
            for _ in 0..<pairsPerTarget {
                let pair = SketchSamples.SetPair(target: target, unionSize: 400, minimumSize: 130, using: &generator)
                let signatures = hasher.signature(of: pair.first) + hasher.signature(of: pair.second)
                let found = finder.candidates(signatures: signatures, stride: 128, count: 2, isIndexed: { _ in true })
                collisions += found.pairs.isEmpty ? 0 : 1
                let p = layout.candidateProbability(similarity: pair.jaccard)
                expected += p
                variance += p * (1 - p)
            }
            let rate = Double(collisions) / Double(pairsPerTarget)
            let expectedRate = expected / Double(pairsPerTarget)
            // Four standard errors, and at least one pair's worth, from the curve.
            let tolerance = max(4 * variance.squareRoot() / Double(pairsPerTarget), 1.5 / Double(pairsPerTarget))
            #expect(abs(rate - expectedRate) <= tolerance,
                    "\(scheme) \(layout) at s = \(target): \(rate) collide, curve says \(expectedRate)")
        }
    }

    @Test func candidateProbabilityRisesWithSimilarity() {
        let layout = BandLayout(bands: 16, rows: 8)
        var previous = -1.0
        for s in stride(from: 0.0, through: 1.0, by: 0.01) {
            let p = layout.candidateProbability(similarity: s)
            #expect(p >= previous)
            previous = p
        }
    }

    @Test(arguments: [(0.1, 128), (0.2, 128), (0.5, 128), (0.7, 128), (0.9, 128), (0.5, 64), (0.8, 256)])
    func optimalLayoutSeparatesAroundTheThreshold(threshold: Double, permutations: Int) {
        let layout = BandLayout.optimal(threshold: threshold, numPermutations: permutations)
        #expect(layout.bands * layout.rows <= permutations)
        #expect(layout.bands >= 1 && layout.rows >= 1)
        let wellBelow = threshold / 2
        let wellAbove = threshold + (1 - threshold) / 2
        #expect(layout.candidateProbability(similarity: wellBelow) < 0.5, "\(layout) at \(wellBelow)")
        #expect(layout.candidateProbability(similarity: wellAbove) > 0.5, "\(layout) at \(wellAbove)")
    }

    @Test func optimalLayoutMovesWithTheThreshold() {
        // A higher threshold needs more rows per band (a steeper, later curve).
        let low = BandLayout.optimal(threshold: 0.2, numPermutations: 128)
        let high = BandLayout.optimal(threshold: 0.8, numPermutations: 128)
        #expect(low.rows < high.rows)
        #expect(low.candidateProbability(similarity: 0.5) > high.candidateProbability(similarity: 0.5))
    }

    @Test func weightingFalseNegativesFavoursRecall() {
        let balanced = BandLayout.optimal(threshold: 0.5, numPermutations: 128)
        let recall = BandLayout.optimal(threshold: 0.5, numPermutations: 128, falsePositiveWeight: 0.1, falseNegativeWeight: 0.9)
        #expect(recall.candidateProbability(similarity: 0.45) >= balanced.candidateProbability(similarity: 0.45))
    }

    /// The search's layouts equal those of a plain search that integrates with `pow`, in the
    /// order the search documents (bands, then rows; the first of equal errors wins).
    @Test(arguments: [(0.5 / 4.5, 128), (0.5, 128), (0.3, 64), (0.8 / 4.8, 256), (0.05, 32)])
    func optimalLayoutMatchesAPlainSearch(threshold: Double, permutations: Int) {
        func integral(_ lower: Double, _ upper: Double, _ function: (Double) -> Double) -> Double {
            let width = (upper - lower) / 200
            var sum = function(lower) + function(upper)
            for step in 1..<200 { sum += function(lower + Double(step) * width) * (step % 2 == 1 ? 4 : 2) }
            return sum * width / 3
        }
        var best = (bands: 0, rows: 0, error: Double.infinity)
        for bands in 1...permutations {
            for rows in 1...(permutations / bands) {
                let probability = { (s: Double) in 1 - pow(1 - pow(s, Double(rows)), Double(bands)) }
                let error = 0.5 * integral(0, threshold, probability) + 0.5 * integral(threshold, 1) { 1 - probability($0) }
                if error < best.error - 1e-12 { best = (bands, rows, error) }
            }
        }
        #expect(BandLayout.optimal(threshold: threshold, numPermutations: permutations) == BandLayout(bands: best.bands, rows: best.rows))
    }

    @Test func optimalLayoutIsDeterministic() {
        #expect(BandLayout.optimal(threshold: 0.3, numPermutations: 128) == BandLayout.optimal(threshold: 0.3, numPermutations: 128))
        #expect(BandLayout(bands: 16, rows: 8).description == "16 bands x 8 rows")
    }
}

@Suite("CandidateFinder")
struct CandidateFinderTests {
    private func randomSignature(_ generator: inout SketchSamples.SplitMix64, count: Int = 128) -> [UInt32] {
        (0..<count).map { _ in UInt32(truncatingIfNeeded: generator.next()) & 0x7FFF_FFFF }
    }

    private func find(_ signatures: [[UInt32]], layout: BandLayout = .init(bands: 16, rows: 8),
                      indexed: ((Int) -> Bool)? = nil) -> CandidateFinder.Result {
        let stride = signatures.first?.count ?? 128
        return CandidateFinder(layout: layout).candidates(
            signatures: signatures.flatMap { $0 }, stride: stride, count: signatures.count,
            isIndexed: indexed ?? { _ in true })
    }

    @Test func identicalSignaturesArePaired() {
        var generator = SketchSamples.SplitMix64(seed: 1)
        let a = randomSignature(&generator)
        let b = randomSignature(&generator)
        let c = randomSignature(&generator)
        let result = find([a, b, a, c])
        #expect(result.pairs == [DocumentPair(0, 2)])
        #expect(result.longestRun <= 2)
    }

    @Test func unrelatedSignaturesAreNotPaired() {
        var generator = SketchSamples.SplitMix64(seed: 2)
        let signatures = (0..<50).map { _ in randomSignature(&generator) }
        #expect(find(signatures).pairs.isEmpty)
    }

    @Test func oneMatchingBandIsEnough() {
        var generator = SketchSamples.SplitMix64(seed: 3)
        let a = randomSignature(&generator)
        var b = randomSignature(&generator)
        b[40..<48] = a[40..<48]  // band 5 of 16 x 8
        #expect(find([a, b]).pairs == [DocumentPair(0, 1)])
        var c = randomSignature(&generator)
        c[41..<49] = a[41..<49]  // same values, straddling two bands: no whole band agrees
        #expect(find([a, c]).pairs.isEmpty)
    }

    @Test func sameValuesInDifferentBandsDoNotCollide() {
        var generator = SketchSamples.SplitMix64(seed: 4)
        let a = randomSignature(&generator)
        var b = randomSignature(&generator)
        b[8..<16] = a[0..<8]  // band 0's values of a appear as band 1 of b
        #expect(find([a, b]).pairs.isEmpty)
    }

    @Test func unindexedDocumentsAreNeverPaired() {
        let empty = [UInt32](repeating: MinHasher.emptyValue, count: 128)
        var generator = SketchSamples.SplitMix64(seed: 5)
        let a = randomSignature(&generator)
        // Two empty documents share every band, yet take no part.
        let result = find([empty, a, empty, a, empty], indexed: { $0 % 2 == 1 })
        #expect(result.pairs == [DocumentPair(1, 3)])
        // Empty documents from the real sketcher.
        let sketched = MinHasher().signature(of: [UInt64]())
        #expect(find([sketched, sketched], indexed: { _ in false }).pairs.isEmpty)
    }

    @Test func runsAreLinkedAsAStar() {
        var generator = SketchSamples.SplitMix64(seed: 6)
        let a = randomSignature(&generator)
        let b = randomSignature(&generator)
        let result = find([a, a, b, a])
        #expect(result.pairs.contains(DocumentPair(0, 1)))
        #expect(result.pairs.contains(DocumentPair(0, 3)))
        #expect(!result.pairs.contains { $0.first == 2 || $0.second == 2 })
        // Three identical documents: m - 1 = 2 links, all to one hub, never all three pairs.
        let triple = find([a, a, a])
        #expect(triple.pairs.contains(DocumentPair(0, 1)))
        #expect(triple.pairs.contains(DocumentPair(0, 2)))
        #expect(triple.pairs.count == 2)
    }

    @Test func pairsAreSortedDistinctAndOrdered() {
        var generator = SketchSamples.SplitMix64(seed: 7)
        let a = randomSignature(&generator)
        let b = randomSignature(&generator)
        let result = find([b, a, b, a, b])
        #expect(result.pairs == result.pairs.sorted())
        #expect(Set(result.pairs).count == result.pairs.count)
        #expect(result.pairs.allSatisfy { $0.first < $0.second })
        #expect(result.pairs == [DocumentPair(0, 2), DocumentPair(0, 4), DocumentPair(1, 3)])
    }

    @Test func documentPairPutsTheSmallerFirst() {
        let pair = DocumentPair(7, 3)
        #expect(pair.first == 3 && pair.second == 7)
        #expect(DocumentPair(UInt32(2), UInt32(1)) == DocumentPair(1, 2))
        #expect(DocumentPair(1, 9) < DocumentPair(2, 3))
        #expect(DocumentPair(1, 3) < DocumentPair(1, 4))
    }

    /// Packed in one word, pairs keep every position up to 2^32 - 1 and sort by first
    /// document, then second, as before.
    @Test func packedPairsKeepPositionsAndOrder() {
        var generator = SketchSamples.SplitMix64(seed: 3)
        let largest = Int(UInt32.max)
        var pairs = [DocumentPair(largest, 0), DocumentPair(largest - 1, largest), DocumentPair(1 << 31, 5)]
        var positions = [(0, largest), (largest - 1, largest), (5, 1 << 31)]
        for _ in 0..<500 {
            let a = Int(generator.next() % UInt64(largest + 1))
            let b = Int(generator.next() % 1_000)
            pairs.append(DocumentPair(a, b))
            positions.append((min(a, b), max(a, b)))
        }
        #expect(pairs.map { [$0.first, $0.second] } == positions.map { [$0.0, $0.1] })
        let sorted = pairs.sorted()
        #expect(sorted.map { [$0.first, $0.second] } == positions.sorted { $0 < $1 }.map { [$0.0, $0.1] })
    }

    @Test func longRunsAreLinkedAsStars() {
        var generator = SketchSamples.SplitMix64(seed: 8)
        let shared = randomSignature(&generator)
        let other = randomSignature(&generator)
        let layout = BandLayout(bands: 16, rows: 8)
        // 20,000 copies share all 16 bands: every run is 20,000 long, and each is one star.
        let copies = 20_000
        let result = find(Array(repeating: shared, count: copies) + [other, other], layout: layout)
        #expect(result.longestRun == copies)
        #expect(result.pairs.count == copies - 1 + 1)
        #expect(result.pairs.prefix(copies - 1) == (1..<copies).map { DocumentPair(0, $0) }[...])
        #expect(result.pairs.last == DocumentPair(copies, copies + 1))
    }

    @Test func signaturesMayBeLongerThanTheLayout() {
        var generator = SketchSamples.SplitMix64(seed: 9)
        let a = randomSignature(&generator)
        var b = randomSignature(&generator)
        b[0..<100] = a[0..<100]  // agree on every value the 10 x 10 layout reads
        let result = find([a, b], layout: BandLayout(bands: 10, rows: 10))
        #expect(result.pairs == [DocumentPair(0, 1)])
        var c = a
        c[100..<128] = b[100..<128]
        c[0] ^= 1; c[10] ^= 1; c[20] ^= 1; c[30] ^= 1; c[40] ^= 1
        c[50] ^= 1; c[60] ^= 1; c[70] ^= 1; c[80] ^= 1; c[90] ^= 1
        #expect(find([a, c], layout: BandLayout(bands: 10, rows: 10)).pairs.isEmpty, "rows past b x r play no part")
    }

    /// Over random set pairs of known Jaccard s, the share that become candidates matches
    /// 1 - (1 - s^r)^b.
    @Test(arguments: [0.2, 0.5, 0.8])
    func empiricalCandidateRateMatchesTheCurve(similarity: Double) {
        let layout = BandLayout(bands: 8, rows: 4)
        let hasher = MinHasher(numPermutations: 128, seed: 5)
        var generator = SketchSamples.SplitMix64(seed: UInt64(similarity * 1_000))
        let trials = 400
        let unionSize = 1_000
        let shared = Int(similarity * Double(unionSize))
        var candidates = 0
        var bandMatches = 0
        for _ in 0..<trials {
            let onlyFirst = (unionSize - shared) / 2
            let pair = SketchSamples.SetPair(shared: shared, onlyFirst: onlyFirst, onlySecond: unionSize - shared - onlyFirst,
                                             using: &generator)
            #expect(abs(pair.jaccard - similarity) < 1e-9)
            let a = hasher.signature(of: pair.first)
            let b = hasher.signature(of: pair.second)
            if !find([a, b], layout: layout).pairs.isEmpty { candidates += 1 }
            for band in 0..<layout.bands {
                let rows = (band * layout.rows)..<((band + 1) * layout.rows)
                if a[rows] == b[rows] { bandMatches += 1 }
            }
        }
        let expected = layout.candidateProbability(similarity: similarity)
        let rate = Double(candidates) / Double(trials)
        let tolerance = max(0.03, 4 * (expected * (1 - expected) / Double(trials)).squareRoot())
        #expect(abs(rate - expected) <= tolerance, "s=\(similarity): rate \(rate), expected \(expected)")

        let bandExpected = pow(similarity, Double(layout.rows))
        let bandRate = Double(bandMatches) / Double(trials * layout.bands)
        let bandTolerance = max(0.01, 4 * (bandExpected * (1 - bandExpected) / Double(trials * layout.bands)).squareRoot())
        #expect(abs(bandRate - bandExpected) <= bandTolerance, "s=\(similarity): band rate \(bandRate), expected \(bandExpected)")
    }

    @Test func sortedUnionMergesSortedDistinctArrays() {
        var generator = SketchSamples.SplitMix64(seed: 21)
        for _ in 0..<50 {
            let a = Array(Set((0..<Int(generator.next() % 60)).map { _ in generator.next() % 100 })).sorted()
            let b = Array(Set((0..<Int(generator.next() % 60)).map { _ in generator.next() % 100 })).sorted()
            #expect(a.sortedUnion(with: b) == Array(Set(a + b)).sorted())
        }
        #expect([UInt64]().sortedUnion(with: [3, 4]) == [3, 4])
    }
}

@Suite("FlatGroups")
struct FlatGroupsTests {
    @Test func groupsKeepTheirElementsInOrder() {
        let elements = Array(0..<40)
        let groups = elements.map { Int32(($0 * 7) % 5) }
        let flat = FlatGroups(elements, groupIDs: groups, groupCount: 6)
        #expect(flat.count == 6)
        for group in 0..<5 {
            #expect(Array(flat[group]) == elements.filter { groups[$0] == Int32(group) })
        }
        #expect(flat[5].isEmpty)
    }
}
