/// What the later stages keep of a document after it has been read and sketched.
///
/// Shingle sets stay in the part where they were sketched (one per parallel chunk), so
/// joining parts copies only their small per-document entries, not the shingles.
struct SketchBatch: Sendable {
    /// Sorted, duplicate-free shingle hashes of each part's documents, back to back.
    private var shingleParts: [[UInt64]] = []
    /// For each document, its part and the range of its shingles there.
    private var locations: [ShingleLocation] = []
    /// K values per document, back to back.
    private(set) var signatures: [UInt32] = []
    /// The signatures of each document's lead, back to back.
    private(set) var leadSignatures: [UInt32] = []

    private struct ShingleLocation: Sendable {
        var part: Int
        var start: Int
        var end: Int
    }

    mutating func append(shingles documentShingles: [UInt64], signature: [UInt32], leadSignature: [UInt32]) {
        if shingleParts.isEmpty { shingleParts.append([]) }
        let part = shingleParts.count - 1
        let start = shingleParts[part].count
        shingleParts[part].append(contentsOf: documentShingles)
        locations.append(.init(part: part, start: start, end: shingleParts[part].count))
        signatures.append(contentsOf: signature)
        leadSignatures.append(contentsOf: leadSignature)
    }

    mutating func append(_ other: SketchBatch) {
        let base = shingleParts.count
        shingleParts.append(contentsOf: other.shingleParts)
        locations.append(contentsOf: other.locations.map { .init(part: $0.part + base, start: $0.start, end: $0.end) })
        signatures.append(contentsOf: other.signatures)
        leadSignatures.append(contentsOf: other.leadSignatures)
    }

    var count: Int { locations.count }

    func shingles(of document: Int) -> ArraySlice<UInt64> {
        let location = locations[document]
        return shingleParts[location.part][location.start..<location.end]
    }

    func shingleCount(of document: Int) -> Int {
        locations[document].end - locations[document].start
    }
}
