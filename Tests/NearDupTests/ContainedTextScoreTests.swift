import Testing
@_spi(Kernels) @testable import NearDup

/// The score that names a likely original: for each contender, the sum over the other members
/// of the share of their text it contains, as one merge per pair would count it.
@Suite("Contained text score")
struct ContainedTextScoreTests {
    private static let one: UInt64 = 1 << 32

    private func expectedScore(of contender: [UInt32], members: [[UInt32]], skipping own: Int) -> UInt64 {
        var total: UInt64 = 0
        for (index, member) in members.enumerated() where index != own && !member.isEmpty {
            let shared = PairSimilarity(contender[...], member[...]).shared
            total += UInt64(shared) * (Self.one / UInt64(member.count))
        }
        return total
    }

    /// Members that share a story's text (as copies do) and members that share nothing, so
    /// the contenders' distinct shingles outgrow the table's first size.
    @Test(arguments: [(0.9, 4), (0.5, 9), (0.0, 16)])
    func scoresMatchOneMergePerPair(keptShare: Double, memberCount: Int) {
        var generator = SketchSamples.SplitMix64(seed: UInt64(memberCount))
        let story = (0..<400).map { _ in ShingleHash.make(generator.next(), isQuoted: generator.next() % 3 == 0) }
        let members: [[UInt32]] = (0..<memberCount).map { _ in
            let kept = story.filter { _ in Double(generator.next() % 1_000) < keptShare * 1_000 }
            let own = (0..<(50 + generator.next() % 300)).map { _ in ShingleHash.make(generator.next(), isQuoted: false) }
            return ShingleEntry.set(of: kept + own)
        }
        var scores = ContainedTextScore(contenders: members.map { $0[...] })
        for member in members { scores.add(member: member[...]) }
        for (index, contender) in members.enumerated() {
            #expect(scores.score(of: contender[...]) == expectedScore(of: contender, members: members, skipping: index))
        }
    }

    /// Small groups are scored by merging pairs: the scores must be the table's, with empty
    /// members, members of one size and members that share nothing among them.
    @Test(arguments: [3, 5, 8, 12])
    func mergedPairsScoreAsTheTable(memberCount: Int) {
        var generator = SketchSamples.SplitMix64(seed: 40 + UInt64(memberCount))
        for round in 0..<20 {
            let story = (0..<300).map { _ in ShingleHash.make(generator.next(), isQuoted: generator.next() % 4 == 0) }
            let members: [[UInt32]] = (0..<memberCount).map { index in
                if round % 4 == 0 && index == 1 { return [] }
                let kept = story.filter { _ in generator.next() % 4 < round % 5 }
                let own = (0..<(round % 3 == 0 ? 100 : generator.next() % 250)).map { _ in
                    ShingleHash.make(generator.next(), isQuoted: false)
                }
                return ShingleEntry.set(of: kept + own)
            }
            var table = ContainedTextScore(contenders: members.map { $0[...] })
            for member in members { table.add(member: member[...]) }
            let merged = ContainedTextScore.scoresByMerging(members.map { $0[...] })
            #expect(merged == members.map { table.score(of: $0[...]) })
        }
    }

    /// One space serves group after group: a score left behind by the group before, or a
    /// table made for a larger group, must not change the next group's scores.
    @Test func aReusedSpaceScoresAsAFreshOne() {
        var generator = SketchSamples.SplitMix64(seed: 8)
        let space = ContainedTextScoreSpace()
        // One story throughout: weights left in the table would land on the next group's shingles.
        let story = (0..<300).map { _ in ShingleHash.make(generator.next(), isQuoted: false) }
        for memberCount in [9, 3, 16, 4] {
            let members: [[UInt32]] = (0..<memberCount).map { _ in
                let kept = story.filter { _ in generator.next() % 3 != 0 }
                let own = (0..<(generator.next() % 200)).map { _ in ShingleHash.make(generator.next(), isQuoted: false) }
                return ShingleEntry.set(of: kept + own)
            }
            var fresh = ContainedTextScore(contenders: members.map { $0[...] })
            var reused = ContainedTextScore(contenders: members.map { $0[...] }, space: space)
            for member in members {
                fresh.add(member: member[...])
                reused.add(member: member[...])
            }
            for member in members { #expect(reused.score(of: member[...]) == fresh.score(of: member[...])) }
        }
    }

    /// A group of two skips the table: its pick must be the one the scores make.
    @Test func aPairIsRepresentedAsItsScoresRankIt() throws {
        var generator = SketchSamples.SplitMix64(seed: 3)
        let hasher = MinHasher()
        for round in 0..<60 {
            let story = (0..<300).map { _ in ShingleHash.make(generator.next(), isQuoted: false) }
            // Every third pair has two sets of one size; some share nothing.
            let sizes = round % 3 == 0 ? [200, 200] : [100 + Int(generator.next() % 200), 100 + Int(generator.next() % 200)]
            let hashes: [[UInt64]] = sizes.map { size in
                let kept = round % 5 == 0 ? [] : Array(story.shuffled(using: &generator).prefix(size / 2))
                let own = (0..<(size - kept.count)).map { _ in ShingleHash.make(generator.next(), isQuoted: false) }
                return kept + own
            }
            let sets = hashes.map(ShingleEntry.set(of:))
            let textBytes = [1_000 + Int(generator.next() % 3), 1_000 + Int(generator.next() % 3)]
            var batch = SketchBatch()
            for (set, setHashes) in zip(sets, hashes) {
                var signature = [UInt32](repeating: 0, count: hasher.numPermutations)
                let filled = hasher.sketch(setHashes, into: &signature)
                batch.append(
                    shingles: set, paragraphs: [UInt8](repeating: 0, count: set.count), signature: signature,
                    filledBins: filled, leadSignature: [])
            }
            let documents = textBytes.enumerated().map { index, bytes in
                DocumentFacts(Document(id: "\(index)", text: String(repeating: "x", count: bytes),
                                       origin: SourceLocation(file: "test", line: index + 1)), date: nil)
            }
            let compared = try ComparedDocuments([0, 1], batch: batch)
            let picked = ClusteringPipeline.likelyOriginal(of: [0, 1], documents: documents, compared: compared)
            #expect(picked == pickByScores(sets, textBytes: textBytes), "sizes \(sizes), text bytes \(textBytes)")
        }
    }

    /// The general choice: contenders longer first, the higher score wins, and of one score and
    /// one size, the shorter text.
    private func pickByScores(_ sets: [[UInt32]], textBytes: [Int]) -> Int {
        let order: [Int] = sets[1].count > sets[0].count ? [1, 0] : [0, 1]
        var scores = ContainedTextScore(contenders: order.map { sets[$0][...] })
        for set in sets { scores.add(member: set[...]) }
        let (first, second) = (order[0], order[1])
        let (firstScore, secondScore) = (scores.score(of: sets[first][...]), scores.score(of: sets[second][...]))
        if secondScore > firstScore { return second }
        let tied = secondScore == firstScore && sets[first].count == sets[second].count
        return tied && textBytes[second] < textBytes[first] ? second : first
    }
}
