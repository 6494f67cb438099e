/// What the later stages keep of a document after it has been read and sketched.
///
/// Shingles stay in the part where they were sketched (one per parallel chunk), so joining
/// parts copies only their small per-document entries, not the shingles. They are kept in
/// text order until `makeSets` sorts those of the documents that an exact comparison needs:
/// in most archives that is a minority, and sorting is the dearest step of shingling.
struct SketchBatch: Sendable {
    /// Each part's documents' shingle hashes, back to back.
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
        /// Sorted and duplicate-free.
        var isSet = false
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

    /// Gives back the spare capacity that growing by appends leaves (up to half of each part).
    mutating func shrinkToFit() {
        shingleParts = shingleParts.map { Array($0[...]) }
    }

    /// The document's shingle set once `makeSets` covered it; its shingles in text order before.
    func shingles(of document: Int) -> ArraySlice<UInt64> {
        let location = locations[document]
        return shingleParts[location.part][location.start..<location.end]
    }

    /// Distinct shingles once `makeSets` covered the document; windows before (0 for an empty text).
    func shingleCount(of document: Int) -> Int {
        locations[document].end - locations[document].start
    }

    /// Turns the shingles of each document where `selected` is true into its sorted,
    /// duplicate-free set, part by part in parallel. Sets shrink in place: a part keeps its
    /// storage and each document's range only gets shorter.
    mutating func makeSets(where selected: [Bool], threads: Int) {
        precondition(selected.count == count)
        var selectedOfPart = [[Int]](repeating: [], count: shingleParts.count)
        for document in 0..<count where selected[document] && !locations[document].isSet {
            selectedOfPart[locations[document].part].append(document)
        }
        let documentsOfPart = selectedOfPart
        // Each part moves into a box of its own, so its thread sorts it in place, uncopied.
        let parts = shingleParts.map(PartBox.init)
        shingleParts = []
        let locations = self.locations
        let updated = ParallelChunks(count: parts.count, chunkSize: 1, threads: threads).map { range in
            let part = parts[range.lowerBound]
            var newLocations: [(document: Int, location: ShingleLocation)] = []
            var set: [UInt64] = []
            var scratch: [UInt64] = []
            var counts: [Int] = []
            for document in documentsOfPart[range.lowerBound] {
                var location = locations[document]
                set.removeAll(keepingCapacity: true)
                set.append(contentsOf: part.shingles[location.start..<location.end])
                Shingler.makeSet(&set, scratch: &scratch, counts: &counts)
                part.shingles.replaceSubrange(location.start..<(location.start + set.count), with: set)
                location.end = location.start + set.count
                location.isSet = true
                newLocations.append((document, location))
            }
            return newLocations
        }
        shingleParts = parts.map(\.shingles)
        for result in updated {
            for (document, location) in result { self.locations[document] = location }
        }
    }
}

/// One part's shingles, held by one thread at a time while their sets are made.
private final class PartBox: @unchecked Sendable {
    var shingles: [UInt64]

    init(_ shingles: [UInt64]) { self.shingles = shingles }
}
