/// Finds which candidate pairs are copies, reading and merging shingle sets only where needed.
///
/// Signatures decide the pairs they leave no doubt about (`SignatureVerdict`). The others are
/// compared exactly, except a pair whose documents copies found before it already join: one
/// more edge inside a group does not change the group, and the clusterer checks members
/// against their representative on the sets anyway. On reprinted news, where a story's copies
/// are all candidates of one another, that skips about half of the exact comparisons.
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

    typealias Copy = (pair: DocumentPair, overlap: Double?)

    /// The copies among `pairs` (sorted), in pair order, each with its exact overlap when
    /// sets were compared.
    func copies(among pairs: [DocumentPair], documentCount: Int, batch: SketchBatch) throws(ScratchFileError) -> [Copy] {
        let verdicts = self.verdicts
        let decided = ParallelChunks(count: pairs.count, chunkSize: 16_384, threads: threads).map { range in
            pairs[range].map { verdicts.verdict($0.first, $0.second, in: batch) }
        }.joined()
        var groups = UnionFind(count: documentCount)
        var copies: [Copy] = []
        var unsure: [DocumentPair] = []
        for (pair, verdict) in zip(pairs, decided) {
            switch verdict {
            case .copy:
                copies.append((pair, nil))
                groups.union(pair.first, pair.second)
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
                Result { () throws(ScratchFileError) -> [Copy] in
                    try compare(block[range], groups: groupsAtStart[range], batch: batch)
                }
            }
            for part in parts {
                for copy in try part.get() {
                    copies.append(copy)
                    groups.union(copy.pair.first, copy.pair.second)
                }
            }
        }
        copies.sort { $0.pair < $1.pair }
        return copies
    }

    /// Compares one chunk's pairs on their sets, skipping those already joined. Pairs come
    /// sorted by first document, so the first document's set is read once for its run.
    private func compare(
        _ pairs: ArraySlice<DocumentPair>, groups: ArraySlice<(Int32, Int32)>, batch: SketchBatch
    ) throws(ScratchFileError) -> [Copy] {
        var joined = ChunkJoins()
        var firstSet: [UInt64] = []
        var secondSet: [UInt64] = []
        var loadedFirst = -1
        var copies: [Copy] = []
        for (pair, (firstGroup, secondGroup)) in zip(pairs, groups) where !joined.areJoined(firstGroup, secondGroup) {
            if loadedFirst != pair.first {
                try batch.shingleSet(of: pair.first, into: &firstSet)
                loadedFirst = pair.first
            }
            try batch.shingleSet(of: pair.second, into: &secondSet)
            let similarity = PairSimilarity(firstSet[...], secondSet[...])
            if rule.isCopy(similarity, first: firstSet[...], second: secondSet[...]) {
                copies.append((pair, similarity.overlap))
                joined.join(firstGroup, secondGroup)
            }
        }
        return copies
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
