import Testing
@_spi(Kernels) @testable import NearDup

/// Verification skips pairs that earlier copies already join: the groups must come out as
/// comparing every pair would make them, and the same at any thread count.
@Suite("Copy verification")
struct CopyVerificationTests {
    /// Stories of 300 shingles, each with variants that keep 45–85% of it and add their
    /// own text: pairs of variants fall on both sides of the threshold and in between, where
    /// only the sets decide.
    private func variants(stories: Int, perStory: Int) -> (batch: SketchBatch, sets: [[UInt32]]) {
        var generator = SketchSamples.SplitMix64(seed: 77)
        var hashes: [[UInt64]] = []
        for _ in 0..<stories {
            let story = (0..<300).map { _ in ShingleHash.make(generator.next(), isQuoted: false) }
            for _ in 0..<perStory {
                let keptShare = 0.45 + Double(generator.next() % 41) / 100
                let kept = story.filter { _ in Double(generator.next() % 1_000) < keptShare * 1_000 }
                let added = (0..<(generator.next() % 200)).map { _ in ShingleHash.make(generator.next(), isQuoted: false) }
                hashes.append(kept + added)
            }
        }
        let sets = hashes.map(ShingleEntry.set(of:))
        let hasher = MinHasher()
        var batch = SketchBatch()
        for (set, setHashes) in zip(sets, hashes) {
            var signature = [UInt32](repeating: 0, count: hasher.numPermutations)
            let filled = hasher.sketch(setHashes, into: &signature)
            batch.append(
                shingles: set, paragraphs: [UInt8](repeating: 0, count: set.count), signature: signature,
                filledBins: filled, leadSignature: [])
        }
        return (batch, sets)
    }

    private func groups(of pairs: [DocumentPair], count: Int) -> [Int] {
        var sets = UnionFind(count: count)
        for pair in pairs { sets.union(pair.first, pair.second) }
        return (0..<count).map { sets.find($0) }
    }

    /// Same partition, whatever the roots are called.
    private func samePartition(_ a: [Int], _ b: [Int]) -> Bool {
        var forward: [Int: Int] = [:]
        var backward: [Int: Int] = [:]
        for (x, y) in zip(a, b) {
            if forward[x, default: y] != y || backward[y, default: x] != x { return false }
            forward[x] = y
            backward[y] = x
        }
        return true
    }

    @Test func skippingJoinedPairsKeepsTheGroupsThatEveryPairGives() throws {
        let (batch, sets) = variants(stories: 12, perStory: 9)
        let count = sets.count
        var pairs: [DocumentPair] = []
        for first in 0..<count { for second in (first + 1)..<count { pairs.append(DocumentPair(first, second)) } }
        let rule = CopyRule()
        let verdicts = SignatureVerdict(rule: rule, numPermutations: 128)
        let everyCopy = pairs.filter { pair in
            let (a, b) = (sets[pair.first][...], sets[pair.second][...])
            // The variants have one paragraph each.
            return rule.isCopy(PairSimilarity(a, b), first: a, second: b) { ofFirst in
                [UInt8](repeating: 0, count: (ofFirst ? a : b).count)[...]
            }
        }
        var verification = CopyVerification(rule: rule, verdicts: verdicts, threads: 1)
        verification.chunkSize = 16
        verification.chunksPerBlock = 3
        let outcome = try verification.verify(pairs, documentCount: count, batch: batch)
        let copies = outcome.copies

        #expect(everyCopy.count > count, "the stories' variants are copies of one another")
        #expect(copies.count < everyCopy.count, "pairs already joined were skipped")
        #expect(copies.map(\.pair) == copies.map(\.pair).sorted())
        let joined = groups(of: copies.map(\.pair), count: count)
        #expect(samePartition(joined, groups(of: everyCopy, count: count)))
        // Only pairs inside a group were skipped, and every pair was either decided or skipped.
        #expect(outcome.skipped.allSatisfy { joined[$0.first] == joined[$0.second] })
        #expect(outcome.skipped == outcome.skipped.sorted())
        let compared = pairs.filter { verdicts.verdict($0.first, $0.second, in: batch) == .unsure }
        #expect(Set(outcome.skipped).isSubset(of: Set(compared)))
        for copy in copies where copy.overlap != nil {
            #expect(everyCopy.contains(copy.pair), "compared on the sets, and a copy there")
            let (a, b) = (sets[copy.pair.first][...], sets[copy.pair.second][...])
            #expect(copy.overlap == PairSimilarity(a, b).overlap)
        }
        // Signatures call a pair a copy only with no doubt; the sets agree here.
        for copy in copies where copy.overlap == nil { #expect(everyCopy.contains(copy.pair)) }

        for threads in [2, 3] {
            var parallel = CopyVerification(rule: rule, verdicts: verdicts, threads: threads)
            parallel.chunkSize = 16
            parallel.chunksPerBlock = 3
            let again = try parallel.verify(pairs, documentCount: count, batch: batch).copies
            #expect(again.map(\.pair) == copies.map(\.pair))
            #expect(again.map(\.overlap) == copies.map(\.overlap))
        }

        // Merging every pair in doubt whole gives what sampling first gives.
        verification.comparesSamplesFirst = false
        let merged = try verification.verify(pairs, documentCount: count, batch: batch)
        #expect(merged.copies.map(\.pair) == copies.map(\.pair))
        #expect(merged.copies.map(\.overlap) == copies.map(\.overlap))
        #expect(merged.skipped == outcome.skipped)
    }
}
