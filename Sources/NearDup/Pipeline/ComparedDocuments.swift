/// The exact shingle sets of one group of documents (a component of copy edges), held
/// while the group is clustered and let go after.
struct ComparedDocuments: Sendable {
    /// Input positions, in increasing order.
    let documents: [Int]
    private let sets: [ArraySlice<UInt32>]
    /// Where the sets' paragraphs are read from, for the few pairs that ask.
    private let batch: SketchBatch

    init(_ documents: [Int], batch: SketchBatch) throws(ScratchFileError) {
        self.documents = documents
        self.batch = batch
        var sets: [ArraySlice<UInt32>] = []
        sets.reserveCapacity(documents.count)
        for document in documents {
            var buffer: [UInt32] = []
            sets.append(try batch.shingleSet(of: document, readingInto: &buffer))
        }
        self.sets = sets
    }

    /// The document's shingle set; it must be one of `documents`.
    func shingles(of document: Int) -> ArraySlice<UInt32> { sets[index(of: document)] }

    /// The paragraph of each entry of the document's set, read when asked: only the paragraph
    /// test needs them, for pairs near the threshold.
    func paragraphs(of document: Int) throws(ScratchFileError) -> ArraySlice<UInt8> {
        _ = index(of: document)
        var buffer: [UInt8] = []
        return try batch.paragraphs(of: document, readingInto: &buffer)
    }

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
