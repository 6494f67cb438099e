/// Finds which candidate pairs are copies, reading and merging shingle sets only where needed.
///
/// Signatures decide the pairs they leave no doubt about (`SignatureVerdict`). The others are
/// compared exactly, except a pair whose documents copies found before it already join: one
/// more edge inside a group does not change the group, and the clusterer checks members
/// against their representative on the sets anyway. On reprinted news, where a story's copies
/// are all candidates of one another, that skips about half of the exact comparisons. The
/// skipped pairs are handed on: when the clusterer splits a group, it checks those among the
/// members split off, so the clusters are the ones that checking every pair gives.
///
/// So that the outcome does not depend on the thread count, pairs go in blocks of a fixed
/// number of fixed chunks. A chunk skips the pairs joined when its block began or by its own
/// copies before them; a block's copies join the others once the whole block is done.
struct CopyVerification {
    let rule: CopyRule
    let verdicts: SignatureVerdict
    let threads: Int
    /// Pairs a chunk compares in order, and chunks a block runs in parallel; fixed, not
    /// derived from `threads`, since they decide which pairs are skipped.
    var chunkSize = 4_096
    var chunksPerBlock = 16
    /// Whether a sample of a pair's sets may rule out a copy before they are merged whole
    /// (`SampledComparison`); off, every pair in doubt is merged whole.
    var comparesSamplesFirst = true
    /// Whether a pair whose documents earlier copies already join is skipped. An index keeps
    /// every copy edge, since a later removal may split the group the skipped pair lay in.
    var skipsJoinedPairs = true

    typealias Copy = (pair: DocumentPair, overlap: Double?)

    struct Outcome {
        /// The copies, in pair order, each with its exact overlap when sets were compared.
        var copies: [Copy]
        /// The pairs left unchecked because copies already joined their documents, in pair order.
        var skipped: [DocumentPair]
        /// Bundles found to hold a copy of another document's text (`BundleRule`), in pair order.
        var bundledCopies: [ClusteringResult.BundledCopy] = []
    }

    /// Checks `pairs` (sorted).
    func verify(_ pairs: [DocumentPair], documentCount: Int, batch: SketchBatch) throws(ScratchFileError) -> Outcome {
        let verdicts = self.verdicts
        let decided = ParallelChunks(count: pairs.count, chunkSize: 16_384, threads: threads).map { range in
            pairs[range].map { verdicts.verdict($0.first, $0.second, in: batch) }
        }.joined()
        var groups = UnionFind(count: documentCount)
        var copies: [Copy] = []
        var skipped: [DocumentPair] = []
        var bundledCopies: [ClusteringResult.BundledCopy] = []
        var unsure: [DocumentPair] = []
        for (pair, verdict) in zip(pairs, decided) {
            switch verdict {
            case .copy:
                copies.append((pair, nil))
                if skipsJoinedPairs { groups.union(pair.first, pair.second) }
            case .unsure:
                unsure.append(pair)
            case .different:
                break
            }
        }
        let blockSize = chunkSize * chunksPerBlock
        for blockStart in stride(from: 0, to: unsure.count, by: blockSize) {
            let block = Array(unsure[blockStart..<min(unsure.count, blockStart + blockSize)])
            let groupsAtStart = block.map { (Int32(groups.find($0.first)), Int32(groups.find($0.second))) }
            let parts = ParallelChunks(count: block.count, chunkSize: chunkSize, threads: threads).map { range in
                Result { () throws(ScratchFileError) -> Outcome in
                    try compare(block[range], groups: groupsAtStart[range], batch: batch)
                }
            }
            for part in parts {
                let outcome = try part.get()
                for copy in outcome.copies {
                    copies.append(copy)
                    groups.union(copy.pair.first, copy.pair.second)
                }
                skipped += outcome.skipped
                bundledCopies += outcome.bundledCopies
            }
        }
        copies.sort { $0.pair < $1.pair }
        bundledCopies.sort { ($0.bundle, $0.document) < ($1.bundle, $1.document) }
        return Outcome(copies: copies, skipped: skipped, bundledCopies: bundledCopies)
    }

    /// Compares one chunk's pairs on their sets, skipping those already joined. Pairs come
    /// sorted by first document, so the first document's set is read once for its run.
    private func compare(
        _ pairs: ArraySlice<DocumentPair>, groups: ArraySlice<(Int32, Int32)>, batch: SketchBatch
    ) throws(ScratchFileError) -> Outcome {
        var joined = ChunkJoins()
        let sampled = SampledComparison(rule: rule)
        var firstBuffer: [UInt32] = []
        var secondBuffer: [UInt32] = []
        var firstSet: ArraySlice<UInt32> = []
        var secondSet: ArraySlice<UInt32> = []
        var paragraphBuffer: [UInt8] = []
        var loadedFirst = -1
        var copies: [Copy] = []
        var skipped: [DocumentPair] = []
        var bundledCopies: [ClusteringResult.BundledCopy] = []
        for (pair, (firstGroup, secondGroup)) in zip(pairs, groups) {
            if skipsJoinedPairs && joined.areJoined(firstGroup, secondGroup) {
                skipped.append(pair)
                continue
            }
            // Each set is let go before its buffer is read into again, so the read copies nothing.
            if loadedFirst != pair.first {
                firstSet = []
                firstSet = try batch.shingleSet(of: pair.first, readingInto: &firstBuffer)
                loadedFirst = pair.first
            }
            secondSet = []
            secondSet = try batch.shingleSet(of: pair.second, readingInto: &secondBuffer)
            let similarity: PairSimilarity
            if comparesSamplesFirst {
                guard let exact = sampled.similarity(firstSet, secondSet) else { continue }
                similarity = exact
            } else {
                similarity = PairSimilarity(firstSet, secondSet)
            }
            let paragraphs = { (ofFirst: Bool) throws(ScratchFileError) in
                try batch.paragraphs(of: ofFirst ? pair.first : pair.second, readingInto: &paragraphBuffer)
            }
            let isCopy: Bool
            if batch.pairsBundleWithStory(pair.first, pair.second) {
                let bundleIsFirst = batch.isBundle(pair.first)
                isCopy = false
                if rule.bundleHoldsCopy(similarity, bundleIsFirst: bundleIsFirst) {
                    bundledCopies.append(.init(
                        bundle: bundleIsFirst ? pair.first : pair.second, document: bundleIsFirst ? pair.second : pair.first,
                        containment: bundleIsFirst ? similarity.containmentOfSecond : similarity.containmentOfFirst))
                }
            } else {
                isCopy = try rule.isCopy(similarity, first: firstSet, second: secondSet, paragraphs: paragraphs)
            }
            if isCopy {
                copies.append((pair, similarity.overlap))
                joined.join(firstGroup, secondGroup)
            }
        }
        return Outcome(copies: copies, skipped: skipped, bundledCopies: bundledCopies)
    }
}

/// The groups one chunk has joined so far, over the groups its block began with: a few
/// thousand entries at most, so a dictionary serves.
private struct ChunkJoins {
    private var parent: [Int32: Int32] = [:]

    private func root(_ group: Int32) -> Int32 {
        var node = group
        while let next = parent[node] { node = next }
        return node
    }

    func areJoined(_ a: Int32, _ b: Int32) -> Bool { a == b || root(a) == root(b) }

    mutating func join(_ a: Int32, _ b: Int32) {
        let (rootA, rootB) = (root(a), root(b))
        if rootA != rootB { parent[rootA] = rootB }
    }
}
