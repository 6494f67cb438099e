/// The exact shingle sets of one candidate group's documents: read back from the sketches
/// (memory or scratch file) and made into sorted, duplicate-free sets in parallel.
///
/// Documents are named by input position; the sets live only while their group is resolved.
struct ComparedDocuments: Sendable {
    /// Input positions, in increasing order.
    let documents: [Int]
    private let sets: [[UInt64]]

    init(_ documents: [Int], batch: SketchBatch, threads: Int) throws(ScratchFileError) {
        self.documents = documents
        let loaded = ParallelChunks(count: documents.count, chunkSize: 64, threads: threads).map { range in
            Result { () throws(ScratchFileError) -> [[UInt64]] in
                var scratch: [UInt64] = []
                var counts: [Int] = []
                var sets: [[UInt64]] = []
                sets.reserveCapacity(range.count)
                for document in documents[range] {
                    var set: [UInt64] = []
                    try batch.shingles(of: document, into: &set)
                    Shingler.makeSet(&set, scratch: &scratch, counts: &counts)
                    sets.append(set)
                }
                return sets
            }
        }
        var sets: [[UInt64]] = []
        sets.reserveCapacity(documents.count)
        for part in loaded { sets.append(contentsOf: try part.get()) }
        self.sets = sets
    }

    /// The document's shingle set; it must be one of `documents`.
    func shingles(of document: Int) -> ArraySlice<UInt64> { sets[index(of: document)][...] }

    /// Distinct shingles of the document.
    func shingleCount(of document: Int) -> Int { sets[index(of: document)].count }

    private func index(of document: Int) -> Int {
        var low = 0
        var high = documents.count
        while low < high {
            let middle = (low + high) / 2
            if documents[middle] < document { low = middle + 1 } else { high = middle }
        }
        precondition(low < documents.count && documents[low] == document, "document \(document) is not in this group")
        return low
    }
}
