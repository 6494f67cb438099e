/// What the later stages keep of a document after it has been read and sketched.
struct SketchBatch {
    /// Sorted, duplicate-free shingle hashes of every document, back to back.
    var shingles: [UInt64] = []
    /// `shingleOffsets[i]..<shingleOffsets[i + 1]` are document i's shingles.
    var shingleOffsets: [Int] = [0]
    /// K values per document, back to back.
    var signatures: [UInt32] = []
    /// The signatures of each document's lead, back to back.
    var leadSignatures: [UInt32] = []

    mutating func append(shingles documentShingles: [UInt64], signature: [UInt32], leadSignature: [UInt32]) {
        shingles.append(contentsOf: documentShingles)
        shingleOffsets.append(shingles.count)
        signatures.append(contentsOf: signature)
        leadSignatures.append(contentsOf: leadSignature)
    }

    mutating func append(_ other: SketchBatch) {
        let base = shingles.count
        shingles.append(contentsOf: other.shingles)
        shingleOffsets.append(contentsOf: other.shingleOffsets.dropFirst().map { $0 + base })
        signatures.append(contentsOf: other.signatures)
        leadSignatures.append(contentsOf: other.leadSignatures)
    }

    var count: Int { shingleOffsets.count - 1 }

    func shingles(of document: Int) -> ArraySlice<UInt64> {
        shingles[shingleOffsets[document]..<shingleOffsets[document + 1]]
    }

    func shingleCount(of document: Int) -> Int {
        shingleOffsets[document + 1] - shingleOffsets[document]
    }
}
