import Foundation
import Testing
import TestScratch
@testable import NearDup
import NearDupEval

/// The set entry of a shingle whose identity is `value`; `quoted` sets the mark bit.
private func shingle(_ value: UInt32, quoted: Bool = false) -> UInt32 {
    value << UInt32(ShingleEntry.markBits) | (quoted ? 1 : 0)
}

private func shingleSet(_ values: [UInt32], quoted: Set<UInt32> = []) -> [UInt32] {
    values.map { shingle($0, quoted: quoted.contains($0)) }.sorted()
}

/// Deterministic prose: `count` distinct words drawn from a private vocabulary, so texts
/// built from different `topic`s share no word 5-grams.
private func prose(_ topic: String, words count: Int) -> String {
    (0..<count).map { "\(topic)\($0 % 97)x\($0 / 97)" }.joined(separator: " ")
}

@Suite("PairSimilarity")
struct PairSimilarityTests {
    @Test func exactValuesOnSmallSets() {
        let a = shingleSet([2, 4, 6, 8])
        let b = shingleSet([4, 8, 10])
        let similarity = PairSimilarity(a[...], b[...])
        #expect(similarity.shared == 2)
        #expect(similarity.firstCount == 4)
        #expect(similarity.secondCount == 3)
        #expect(similarity.jaccard == 2.0 / 5.0)
        #expect(similarity.containmentOfFirst == 0.5)
        #expect(similarity.containmentOfSecond == 2.0 / 3.0)
        #expect(similarity.overlap == 2.0 / 3.0)
        #expect(similarity.sharedQuoted == 0)
    }

    @Test func symmetricInJaccardAndShared() {
        let a = shingleSet([1, 3, 5, 7, 9, 11])
        let b = shingleSet([3, 4, 5, 6])
        let ab = PairSimilarity(a[...], b[...])
        let ba = PairSimilarity(b[...], a[...])
        #expect(ab.shared == 2 && ba.shared == 2)
        #expect(ab.jaccard == ba.jaccard)
        #expect(ab.jaccard == 0.25)
        #expect(ab.containmentOfFirst == ba.containmentOfSecond)
        #expect(ab.overlap == 0.5)
    }

    @Test func identicalDisjointAndEmptySets() {
        let a = shingleSet([1, 2, 3])
        let identical = PairSimilarity(a[...], a[...])
        #expect(identical.jaccard == 1 && identical.overlap == 1 && identical.shared == 3)
        let disjoint = PairSimilarity(a[...], shingleSet([4, 5])[...])
        #expect(disjoint.shared == 0 && disjoint.jaccard == 0 && disjoint.overlap == 0)
        let empty = PairSimilarity([UInt32]()[...], [UInt32]()[...])
        #expect(empty.jaccard == 0 && empty.overlap == 0 && empty.shared == 0)
        let oneEmpty = PairSimilarity(a[...], [UInt32]()[...])
        #expect(oneEmpty.jaccard == 0 && oneEmpty.containmentOfFirst == 0 && oneEmpty.containmentOfSecond == 0)
    }

    @Test func quotedMarkDoesNotChangeIdentity() {
        // Identity 4 is quoted in both, 8 only in the first, 6 in neither.
        let a = shingleSet([4, 6, 8], quoted: [4, 8])
        let b = shingleSet([4, 6, 8, 12], quoted: [4])
        let similarity = PairSimilarity(a[...], b[...])
        #expect(similarity.shared == 3)
        #expect(similarity.sharedQuoted == 1)
        #expect(similarity.jaccard == 0.75)
    }

    @Test func worksOnSlicesOfALargerBuffer() {
        let joined = shingleSet([1, 2, 3]) + shingleSet([2, 3, 4, 5])
        let similarity = PairSimilarity(joined[0..<3], joined[3..<7])
        #expect(similarity.shared == 2)
        #expect(similarity.jaccard == 2.0 / 5.0)
    }

    @Test func matchesShinglesOfRealText() {
        let pipeline = ClusteringPipeline()
        // Ten distinct words: 6 five-word shingles; the second drops the last two words: 4 shingles, all shared.
        let words = (1...10).map { "w\($0)" }
        let similarity = pipeline.similarity(words.joined(separator: " "), words.prefix(8).joined(separator: " "))
        #expect(similarity.firstCount == 6)
        #expect(similarity.secondCount == 4)
        #expect(similarity.shared == 4)
        #expect(similarity.containmentOfSecond == 1)
        #expect(similarity.jaccard == 4.0 / 6.0)
    }
}

@Suite("CopyRule")
struct CopyRuleTests {
    let rule = CopyRule(threshold: 0.5, minimumShared: 50)

    @Test func highJaccardIsACopyWhateverTheAmount() {
        #expect(rule.isCopy(PairSimilarity(shared: 10, firstCount: 12, secondCount: 12)))  // J = 10/14
        #expect(rule.isCopy(PairSimilarity(shared: 1, firstCount: 1, secondCount: 1)))
    }

    @Test func excerptWithEnoughSharedTextIsACopy() {
        // A 90-shingle excerpt whose 80 shingles are all in an 800-shingle story: J ≈ 0.1.
        let excerpt = PairSimilarity(shared: 80, firstCount: 90, secondCount: 800)
        #expect(excerpt.jaccard < 0.5)
        #expect(rule.isCopy(excerpt))
        #expect(rule.isCopy(PairSimilarity(shared: 80, firstCount: 800, secondCount: 90)), "either order")
    }

    @Test func shortSharedPassageIsNotACopy() {
        // 30 shared shingles are most of a short text but under the minimum amount.
        let passage = PairSimilarity(shared: 30, firstCount: 40, secondCount: 500)
        #expect(passage.overlap >= 0.5)
        #expect(!rule.isCopy(passage))
        #expect(!rule.isCopy(PairSimilarity(shared: 49, firstCount: 60, secondCount: 1_000)))
        #expect(rule.isCopy(PairSimilarity(shared: 50, firstCount: 60, secondCount: 1_000)))
    }

    @Test func mostlyQuotedSharedTextIsNotACopy() {
        #expect(!rule.isCopy(PairSimilarity(shared: 80, sharedQuoted: 60, firstCount: 100, secondCount: 400)))
        #expect(!rule.isCopy(PairSimilarity(shared: 80, sharedQuoted: 41, firstCount: 100, secondCount: 400)))
        #expect(rule.isCopy(PairSimilarity(shared: 80, sharedQuoted: 40, firstCount: 100, secondCount: 400)))
    }

    @Test func nothingSharedIsNeverACopy() {
        #expect(!rule.isCopy(PairSimilarity(shared: 0, firstCount: 0, secondCount: 0)))
        #expect(!rule.isCopy(PairSimilarity(shared: 0, firstCount: 100, secondCount: 100)))
        #expect(!rule.supports(PairSimilarity(shared: 0, firstCount: 100, secondCount: 100)))
    }

    @Test func lowOverlapIsNotACopyButMaySupport() {
        let boilerplate = PairSimilarity(shared: 60, firstCount: 400, secondCount: 500)
        #expect(!rule.isCopy(boilerplate))
        #expect(rule.supports(boilerplate), "enough real shared text to stay in a cluster")
        #expect(!rule.supports(PairSimilarity(shared: 20, firstCount: 400, secondCount: 500)))
        #expect(rule.supports(PairSimilarity(shared: 10, firstCount: 12, secondCount: 12)))
    }

    @Test func defaultsMatchThePipeline() {
        #expect(CopyRule() == rule)
        #expect(NearDupOptions().copyRule == rule)
        var characters = NearDupOptions()
        characters.shingle = .characters(7)
        #expect(characters.copyRule.minimumShared == 300)
    }

    // MARK: On real text, through the pipeline's own shingling

    private let pipeline = ClusteringPipeline()

    @Test func excerptThatKeepsTheLeadJoinsItsStory() {
        let story = prose("story", words: 900)
        let excerpt = story.split(separator: " ").prefix(120).joined(separator: " ")
        let similarity = pipeline.similarity(excerpt, story)
        #expect(similarity.jaccard < 0.5)
        #expect(similarity.containmentOfFirst == 1)
        #expect(NearDupOptions().copyRule.isCopy(similarity))
    }

    @Test func oneSharedPassageDoesNotJoinTwoStories() {
        let passage = prose("stock", words: 30)  // a stock paragraph: 26 shingles
        let first = prose("alpha", words: 300) + "\n" + passage
        let second = prose("beta", words: 300) + "\n" + passage
        let similarity = pipeline.similarity(first, second)
        #expect(similarity.shared == 26)
        #expect(!NearDupOptions().copyRule.isCopy(similarity))
        // The same passage making up most of a short note still does not join it.
        let note = prose("note", words: 8) + "\n" + passage
        let withNote = pipeline.similarity(note, first)
        #expect(withNote.overlap >= 0.5)
        #expect(!NearDupOptions().copyRule.isCopy(withNote))
    }

    @Test func storiesQuotingOneStatementAreNotCopies() {
        let statement = prose("quote", words: 90)
        let first = prose("gamma", words: 60) + " said: \u{201C}\(statement)\u{201D}"
        let second = prose("delta", words: 60) + " told reporters: \u{201C}\(statement)\u{201D}"
        let similarity = pipeline.similarity(first, second)
        #expect(similarity.shared >= 80)
        #expect(similarity.sharedQuoted * 2 > similarity.shared)
        #expect(similarity.overlap >= 0.5)
        #expect(!NearDupOptions().copyRule.isCopy(similarity))
        // The same shared text unquoted is a copy.
        let unquoted = pipeline.similarity(prose("gamma", words: 60) + " said " + statement,
                                           prose("delta", words: 60) + " told reporters " + statement)
        #expect(NearDupOptions().copyRule.isCopy(unquoted))
    }

    // MARK: Rewrites, judged by paragraph

    /// Eight paragraphs of 40 words, each paragraph on its own topic.
    private let story = (0..<8).map { prose("para\($0)", words: 40).split(separator: " ").map(String.init) }

    /// Every eighth word of `paragraph` replaced: three of every eight word 5-grams survive.
    private func edited(_ paragraph: [String], mark: String) -> [String] {
        paragraph.enumerated().map { $0.offset % 8 == 7 ? "\(mark)\($0.offset)" : $0.element }
    }

    /// Two neighbouring words of every thirteen replaced: each pair breaks six word 5-grams,
    /// so a 40-word paragraph keeps 22 of its 40 (55%): found, but not kept nearly whole.
    private func pairEdited(_ paragraph: [String], mark: String) -> [String] {
        paragraph.enumerated().map { [6, 7].contains($0.offset % 13) ? "\(mark)\($0.offset)" : $0.element }
    }

    private func text(_ paragraphs: [[String]]) -> String {
        paragraphs.map { $0.joined(separator: " ") }.joined(separator: "\n\n")
    }

    private var overlapOnly: NearDupOptions {
        var options = NearDupOptions()
        options.judgesParagraphs = false
        return options
    }

    @Test func rewriteThatKeepsTwoParagraphsJoinsBelowTheThreshold() {
        // Two paragraphs untouched, four copy-edited, two dropped, and the outlet's own text.
        let rewrite = Array(story[0..<2]) + story[2..<6].map { edited($0, mark: "fix") }
            + [prose("outlet", words: 200).split(separator: " ").map(String.init)]
        let comparison = DocumentComparison(text(story), text(rewrite))
        #expect(comparison.similarity.overlap > 0.3 && comparison.similarity.overlap < 0.5)
        #expect(comparison.coverage == ParagraphCoverage(paragraphs: 8, found: 6, kept: 2, reachesSecondHalf: true))
        #expect(comparison.isCopy)
        #expect(!DocumentComparison(text(story), text(rewrite), options: overlapOnly).isCopy)
    }

    @Test func reportThatChangesEveryParagraphIsNoCopyEvenAboveTheThreshold() {
        // This week's report against last week's: each sentence's frame kept, its figures new.
        let report = story.map { edited($0, mark: "figure") }
        let below = DocumentComparison(text(story), text(report))
        #expect(below.similarity.overlap > 0.3 && below.similarity.overlap < 0.5)
        #expect(below.coverage.found == 8 && below.coverage.kept == 0)
        #expect(!below.isCopy)
        // Fewer changed figures: the overlap passes the threshold, the paragraphs do not.
        let closer = story.map { pairEdited($0, mark: "figure") }
        let above = DocumentComparison(text(story), text(closer))
        #expect(above.similarity.overlap >= 0.5 && above.similarity.overlap < rule.paragraphOverlaps.upperBound)
        #expect(above.coverage.kept == 0)
        #expect(!above.isCopy)
        #expect(DocumentComparison(text(story), text(closer), options: overlapOnly).isCopy)
    }

    @Test func paragraphsDecideOnlyWhenThereAreEnoughOfThem() {
        // Two paragraphs, each edited as above: too few to judge, so the overlap decides.
        let short = (0..<2).map { prose("long\($0)", words: 60).split(separator: " ").map(String.init) }
        let copy = short.map { pairEdited($0, mark: "fix") }
        let comparison = DocumentComparison(text(short), text(copy))
        #expect(comparison.coverage.paragraphs < CopyRule.judgedParagraphs)
        #expect(comparison.similarity.overlap >= 0.5)
        #expect(comparison.isCopy)
    }

    @Test func pageWithOnlyTheStorysOpeningIsNoRewrite() {
        // A digest item or a teaser: the first half of the story, lightly edited, among other items.
        let opening = story[0..<4].map { paragraph in
            paragraph.enumerated().map { $0.offset == 20 ? "trim\($0.offset)" : $0.element }
        }
        let page = [prose("other", words: 150).split(separator: " ").map(String.init)] + opening
            + [prose("more", words: 150).split(separator: " ").map(String.init)]
        let comparison = DocumentComparison(text(story), text(page))
        #expect(comparison.similarity.overlap > 0.3 && comparison.similarity.overlap < 0.5)
        #expect(comparison.coverage.found == 4 && comparison.coverage.kept == 4)
        #expect(!comparison.coverage.reachesSecondHalf)
        #expect(!comparison.isCopy)
    }

    @Test func paragraphCoverageCountsOnlyParagraphsLongEnoughToJudge() {
        // Paragraph 0: 10 shingles, 7 found; paragraph 1: 10, 1 found; paragraph 2: 3, all found.
        let text = (0..<23).map { shingle($0) }
        let paragraphs = (0..<23).map { UInt8($0 < 10 ? 0 : $0 < 20 ? 1 : 2) }
        let other = ((0..<7).map { shingle($0) } + [shingle(10)] + (20..<23).map { shingle($0) } + [shingle(99)]).sorted()
        let coverage = ParagraphCoverage(of: text[...], paragraphs: paragraphs[...], in: other[...])
        #expect(coverage == ParagraphCoverage(paragraphs: 2, found: 1, kept: 1, reachesSecondHalf: false))
        #expect(!coverage.isMostlyReproduced)
        #expect(ParagraphCoverage(paragraphs: 4, found: 2, kept: 2, reachesSecondHalf: true).isMostlyReproduced)
        #expect(!ParagraphCoverage(paragraphs: 4, found: 1, kept: 1, reachesSecondHalf: true).isMostlyReproduced)
        #expect(!ParagraphCoverage(paragraphs: 4, found: 2, kept: 2, reachesSecondHalf: false).isMostlyReproduced)
    }
}

@Suite("UnionFind")
struct UnionFindTests {
    /// The root of every element, read once (find is mutating: it halves paths).
    private func roots(_ sets: inout UnionFind, count: Int) -> [Int] {
        (0..<count).map { sets.find($0) }
    }

    @Test func singletonsAreTheirOwnRoots() {
        var sets = UnionFind(count: 5)
        let found = roots(&sets, count: 5)
        #expect(found == [0, 1, 2, 3, 4])
    }

    @Test func unionJoinsAndReportsWhetherItDid() {
        var sets = UnionFind(count: 6)
        let joined = [sets.union(0, 1), sets.union(2, 3), sets.union(1, 3)]
        #expect(joined == [true, true, true])
        let again = sets.union(0, 2)
        #expect(!again, "already joined through 1 and 3")
        let itself = sets.union(4, 4)
        #expect(!itself)
        let found = roots(&sets, count: 6)
        #expect(found[1] == found[0] && found[2] == found[0] && found[3] == found[0])
        #expect(found[4] != found[0])
        #expect(found[5] != found[0] && found[5] != found[4])
    }

    @Test func longChainsCollapse() {
        let count = 10_000
        var sets = UnionFind(count: count)
        for element in 1..<count { sets.union(element - 1, element) }
        let found = roots(&sets, count: count)
        #expect(Set(found).count == 1)
    }

    @Test func componentCountMatchesEdges() {
        var sets = UnionFind(count: 10)
        for (a, b) in [(0, 1), (1, 2), (3, 4), (5, 6), (6, 7), (7, 5), (8, 8)] { sets.union(a, b) }
        let found = roots(&sets, count: 10)
        #expect(Set(found).count == 5)  // {0,1,2} {3,4} {5,6,7} {8} {9}
        #expect(found[0] == found[2] && found[3] == found[4] && found[5] == found[7])
        #expect(found[2] != found[3] && found[4] != found[5])
    }
}

@Suite("Clusterer")
struct ClustererTests {
    private func pairs(_ list: [(Int, Int)]) -> [DocumentPair] {
        list.map { DocumentPair($0.0, $0.1) }
    }

    @Test func connectedDocumentsFormOneClusterRepresentativeFirst() {
        let clusterer = Clusterer(representative: { $0.max()! }, supports: { _, _ in true })
        let groups = clusterer.clusters(count: 6, edges: pairs([(0, 2), (2, 4), (1, 5)]))
        #expect(groups == [[4, 0, 2], [5, 1]])
    }

    @Test func singletonsAreNotClusters() {
        let clusterer = Clusterer(representative: { $0[0] }, supports: { _, _ in true })
        #expect(clusterer.clusters(count: 4, edges: []).isEmpty)
        #expect(clusterer.clusters(count: 0, edges: []).isEmpty)
    }

    @Test func doesNotChainThroughAMiddleDocument() {
        // B (1) shares a passage with A (0) and another with C (2); C shares nothing with A.
        let related: Set<DocumentPair> = [DocumentPair(0, 1), DocumentPair(1, 2)]
        let clusterer = Clusterer(
            representative: { $0.min()! },
            supports: { member, representative in related.contains(DocumentPair(member, representative)) })
        let groups = clusterer.clusters(count: 3, edges: pairs([(0, 1), (1, 2)]))
        #expect(groups == [[0, 1]])
        #expect(!groups.joined().contains(2))
    }

    @Test func documentsSplitOffAreRegroupedAmongThemselves() {
        // A–B, B–C, C–D: A represents; C and D share nothing with A but are copies of each other.
        let close: Set<DocumentPair> = [DocumentPair(0, 1), DocumentPair(1, 2), DocumentPair(2, 3)]
        let clusterer = Clusterer(
            representative: { $0.min()! },
            supports: { member, representative in close.contains(DocumentPair(member, representative)) })
        let groups = clusterer.clusters(count: 5, edges: pairs([(0, 1), (1, 2), (2, 3)]))
        #expect(groups == [[0, 1], [2, 3]])
    }

    @Test func splitOffDocumentsWithoutAnEdgeStayAlone() {
        // 2 and 3 both hang off 1, but not off the representative 0 nor off each other.
        let clusterer = Clusterer(
            representative: { $0.min()! },
            supports: { member, _ in member == 1 })
        #expect(clusterer.clusters(count: 4, edges: pairs([(0, 1), (1, 2), (1, 3)])) == [[0, 1]])
    }

    @Test func uncheckedPairsAmongSplitOffDocumentsAreChecked() {
        // As above, but 2–3 was left unchecked (1 already joined them): checked once 2 and 3
        // are split off, it regroups them; a pair that is no copy leaves them alone.
        let asked = AskedPairs()
        for (copies, expected) in [(true, [[0, 1], [2, 3]]), (false, [[0, 1]])] {
            let clusterer = Clusterer(
                representative: { $0.min()! },
                supports: { member, _ in member == 1 },
                isCopy: { first, second in
                    asked.record(DocumentPair(first, second))
                    return copies
                })
            let groups = clusterer.clusters(
                count: 4, edges: pairs([(0, 1), (1, 2), (1, 3)]), unchecked: pairs([(0, 2), (2, 3)]))
            #expect(groups == expected)
        }
        // 0–2 is never asked: the representative's support decides about 2.
        #expect(asked.pairs == [DocumentPair(2, 3), DocumentPair(2, 3)])
    }

    /// The pairs a clusterer asked about, from whichever thread.
    private final class AskedPairs: @unchecked Sendable {
        private let lock = NSLock()
        private var asked: [DocumentPair] = []

        func record(_ pair: DocumentPair) { lock.withLock { asked.append(pair) } }
        var pairs: [DocumentPair] { lock.withLock { asked } }
    }

    @Test func groupsAreOrderedByFirstMember() {
        let clusterer = Clusterer(representative: { $0.max()! }, supports: { _, _ in true })
        let groups = clusterer.clusters(count: 8, edges: pairs([(5, 7), (1, 6), (0, 3)]))
        #expect(groups == [[3, 0], [6, 1], [7, 5]])
    }

    @Test func everyDocumentAppearsAtMostOnce() {
        var generator = SketchSamples.SplitMix64(seed: 12)
        let count = 200
        let edges = (0..<300).map { _ in
            DocumentPair(Int(generator.next() % UInt64(count)), Int(generator.next() % UInt64(count)))
        }.filter { $0.first != $0.second }
        let clusterer = Clusterer(representative: { $0.min()! }, supports: { member, representative in (member + representative) % 3 != 0 })
        let groups = clusterer.clusters(count: count, edges: edges)
        let members = groups.flatMap { $0 }
        #expect(Set(members).count == members.count)
        #expect(groups.allSatisfy { $0.count >= 2 })
    }
}

@Suite("ClusteringMetrics")
struct ClusteringMetricsTests {
    @Test func handComputedExample() {
        // predicted {0,1} {2,3} {4};  truth {0,1,2} {3,4};  n = 5, C(5,2) = 10 pairs.
        // Contingency cells: (p0,t0)=2, (p1,t0)=1, (p1,t1)=1, (p2,t1)=1.
        //   shared pairs Σ C(n_ij,2)        = 1
        //   predicted pairs Σ C(a_i,2)      = 1 + 1 + 0 = 2
        //   true pairs Σ C(b_j,2)           = 3 + 1 = 4
        //   expected = 2 · 4 / 10           = 0.8
        //   maximum  = (2 + 4) / 2          = 3
        //   ARI = (1 − 0.8) / (3 − 0.8)     = 0.2 / 2.2 = 1/11
        // Pair precision 1/2, recall 1/4, F1 = 2·(1/8)/(3/4) = 1/3.
        // B-cubed precision = (2²/2 + 1²/2 + 1²/2 + 1²/1) / 5 = 4/5;
        // B-cubed recall    = (2²/3 + 1²/3 + 1²/2 + 1²/2) / 5 = (8/3) / 5 = 8/15.
        let metrics = ClusteringMetrics(predicted: [0, 0, 1, 1, 2], truth: [0, 0, 0, 1, 1])
        #expect(metrics.documents == 5)
        #expect(abs(metrics.adjustedRandIndex - 1.0 / 11.0) < 1e-12)
        #expect(abs(metrics.pairPrecision - 0.5) < 1e-12)
        #expect(abs(metrics.pairRecall - 0.25) < 1e-12)
        #expect(abs(metrics.pairF1 - 1.0 / 3.0) < 1e-12)
        #expect(abs(metrics.bCubedPrecision - 0.8) < 1e-12)
        #expect(abs(metrics.bCubedRecall - 8.0 / 15.0) < 1e-12)
        let f1 = 2 * 0.8 * (8.0 / 15.0) / (0.8 + 8.0 / 15.0)
        #expect(abs(metrics.bCubedF1 - f1) < 1e-12)
    }

    @Test func identicalClusteringsScoreOneWhateverTheLabels() {
        let metrics = ClusteringMetrics(predicted: [7, 7, 3, 3, 3, 9, 11], truth: [0, 0, 1, 1, 1, 2, 3])
        #expect(metrics.adjustedRandIndex == 1)
        #expect(metrics.pairPrecision == 1 && metrics.pairRecall == 1 && metrics.pairF1 == 1)
        #expect(metrics.bCubedPrecision == 1 && metrics.bCubedRecall == 1 && metrics.bCubedF1 == 1)
    }

    @Test func mergingEverythingIsPenalised() {
        let metrics = ClusteringMetrics(predicted: [0, 0, 0, 0, 0, 0], truth: [0, 0, 1, 1, 2, 2])
        // All 15 pairs predicted, 3 true: precision 3/15; ARI = (3 − 3)/(9 − 3) = 0.
        #expect(abs(metrics.pairPrecision - 0.2) < 1e-12)
        #expect(metrics.pairRecall == 1)
        #expect(abs(metrics.adjustedRandIndex) < 1e-12)
        #expect(abs(metrics.bCubedPrecision - 1.0 / 3.0) < 1e-12)
        #expect(metrics.bCubedRecall == 1)
    }

    @Test func allSingletonsAgainstPairsHasNoPrecisionPairs() {
        let metrics = ClusteringMetrics(predicted: [0, 1, 2, 3], truth: [0, 0, 1, 1])
        #expect(metrics.pairRecall == 0)
        #expect(metrics.pairF1 == 0)
        #expect(metrics.adjustedRandIndex == 0)
        #expect(metrics.bCubedPrecision == 1)
        #expect(abs(metrics.bCubedRecall - 0.5) < 1e-12)
    }
}

@Suite("LabelSet")
struct LabelSetTests {
    private func labels(_ json: String) throws -> LabelSet {
        try LabelSet(data: Data(json.utf8), file: "truth.json")
    }

    @Test func parsesStringAndNumberIds() throws {
        let set = try labels(#"{"dataset": "x", "clusters": [[1, 2, 30], ["a", "b"], [7]], "note": {"k": 1}}"#)
        #expect(set.clusters == [["1", "2", "30"], ["a", "b"], ["7"]])
    }

    @Test func unlistedIdsAreSingletons() throws {
        let set = try labels(#"{"clusters": [["a", "c"], ["b", "d"]]}"#)
        let assigned = set.labels(for: ["a", "b", "c", "d", "e", "f"])
        #expect(assigned[0] == assigned[2])
        #expect(assigned[1] == assigned[3])
        #expect(assigned[0] != assigned[1])
        #expect(Set(assigned).count == 4)
        #expect(!assigned[0...3].contains(assigned[4]) && assigned[4] != assigned[5])
    }

    @Test func duplicateIdIsAnError() {
        #expect {
            try labels(#"{"clusters": [["a", "b"], ["c", "a"]]}"#)
        } throws: { error in
            guard let error = error as? InputError else { return false }
            return error.message.contains("\"a\"") && error.location.file == "truth.json"
        }
        // A number and its string form are the same id.
        #expect(throws: InputError.self) { try labels(#"{"clusters": [[5, "5"]]}"#) }
    }

    @Test(arguments: [
        "not json", "[]", #"{"groups": []}"#, #"{"clusters": {"a": 1}}"#, #"{"clusters": ["a", "b"]}"#,
        #"{"clusters": [["a", null]]}"#, #"{"clusters": [["a", ["b"]]]}"#,
    ])
    func malformedLabelsAreErrors(json: String) {
        #expect(throws: InputError.self) { try labels(json) }
    }

    @Test func readsTheBundledLabelsFile() throws {
        let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent("archive.labels.json")
        let set = try LabelSet(contentsOf: url.path)
        #expect(set.clusters.count == 2)
        #expect(set.clusters.map(\.count) == [5, 3])
        #expect(set.clusters[0].contains("reuters-wire-putin-invites-trump.txt"))
        #expect(throws: InputError.self) { try LabelSet(contentsOf: url.path + ".missing") }
    }
}

@Suite("AssignmentTable")
struct AssignmentTableTests {
    private func write(_ text: String, name: String) throws -> String {
        let url = URL(fileURLWithPath: try TestScratch.directory("assignments")).appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    @Test func readsJSONLines() throws {
        let path = try write("""
            {"id": "a", "cluster": 0, "representative": "a", "similarity": 1.0000}
            {"id": 17, "cluster": 1, "representative": "17", "similarity": 1.0000}

            {"id": "c", "cluster": 0, "representative": "a", "similarity": 0.9000}
            """, name: "out.jsonl")
        let table = try AssignmentTable(contentsOf: path)
        #expect(table == AssignmentTable(ids: ["a", "17", "c"], clusters: [0, 1, 0]))
    }

    @Test func readsCSVWithQuotedIds() throws {
        let path = try write("id,cluster,representative,similarity\na,0,a,1.0000\n\"b,\"\"x\"\"\",0,a,0.8000\n", name: "out.csv")
        let table = try AssignmentTable(contentsOf: path)
        #expect(table == AssignmentTable(ids: ["a", "b,\"x\""], clusters: [0, 0]))
    }

    @Test func readsCSVWithCRLFLineEnds() throws {
        let path = try write("id,cluster,representative,similarity\r\na,0,a,1.0000\r\nb,0,a,0.8000\r\n", name: "crlf.csv")
        let table = try AssignmentTable(contentsOf: path)
        #expect(table == AssignmentTable(ids: ["a", "b"], clusters: [0, 0]))
    }

    @Test func badLinesNameTheirLine() throws {
        let path = try write("{\"id\": \"a\", \"cluster\": 0}\n{\"id\": \"b\"}\n", name: "bad.jsonl")
        #expect {
            try AssignmentTable(contentsOf: path)
        } throws: { error in
            (error as? InputError)?.location == NearDup.SourceLocation(file: path, line: 2)
        }
        let duplicate = try write("{\"id\": \"a\", \"cluster\": 0}\n{\"id\": \"a\", \"cluster\": 1}\n", name: "dup.jsonl")
        #expect(throws: InputError.self) { try AssignmentTable(contentsOf: duplicate) }
    }
}
