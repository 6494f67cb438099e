/// What the later stages keep of a document after it has been read and sketched:
/// signatures in memory, and shingle sets until verification asks for them.
///
/// Sets stay in the part where they were sketched (one per parallel chunk), so joining
/// parts copies only their small per-document entries, not the sets. A part may move to a
/// scratch file (`spill(to:)`); verification then reads back only the sets it compares,
/// so memory grows with the number of documents, not with their length.
struct SketchBatch: Sendable {
    /// Each part's documents' shingle sets, back to back.
    private var parts: [ShinglePart] = []
    /// For each document, its part and the range of its set there.
    private var locations: [ShingleLocation] = []
    /// Each document's signature of K values.
    private(set) var signatures = SignatureTable()
    /// The signature of each document's lead.
    private(set) var leadSignatures = SignatureTable()
    /// The scratch file that spilled parts live in.
    private var spill: ShingleSpill?

    /// Parts kept in memory under the scratch file's budget.
    private(set) var keptParts = 0

    private enum ShinglePart: Sendable {
        case inMemory([UInt32])
        /// Held in memory under the scratch file's budget, until the sets outgrow it.
        case kept([UInt32])
        /// Written to the scratch file from this byte offset.
        case spilled(offset: Int)
    }

    private struct ShingleLocation: Sendable {
        var part: UInt32
        var start: UInt32
        var count: UInt32
        /// Signature values the document's shingles gave themselves (see `MinHasher.sketch`).
        var filledBins: UInt32
        /// Shingles of the set that were quoted.
        var quoted: UInt32
    }

    init() {}

    /// A batch with room for `documents` documents of about `shingles` shingles in all, so
    /// that it grows without copying what it holds.
    init(reservingFor documents: Int, shingles: Int, signatureLength: Int, leadSignatureLength: Int) {
        var part: [UInt32] = []
        part.reserveCapacity(shingles)
        parts = [.inMemory(part)]
        locations.reserveCapacity(documents)
        signatures = SignatureTable(rowLength: signatureLength)
        signatures.reserveCapacity(documents)
        leadSignatures = SignatureTable(rowLength: leadSignatureLength)
        leadSignatures.reserveCapacity(documents)
    }

    /// `shingles`: the document's sorted, duplicate-free shingle set.
    mutating func append(shingles documentShingles: [UInt32], signature: [UInt32], filledBins: Int, leadSignature: [UInt32]) {
        let quoted = documentShingles.count(where: ShingleEntry.isQuoted)
        if parts.isEmpty { parts.append(.inMemory([])) }
        guard case .inMemory(var shingles) = parts[parts.count - 1] else {
            preconditionFailure("documents are appended before their part is spilled")
        }
        // Emptied first, so the part's array is uniquely held and grows in place.
        parts[parts.count - 1] = .inMemory([])
        let start = shingles.count
        shingles.append(contentsOf: documentShingles)
        parts[parts.count - 1] = .inMemory(shingles)
        locations.append(.init(
            part: UInt32(parts.count - 1), start: UInt32(start), count: UInt32(documentShingles.count),
            filledBins: UInt32(filledBins), quoted: UInt32(quoted)))
        signatures.append(signature)
        leadSignatures.append(leadSignature)
    }

    mutating func append(_ other: SketchBatch) {
        precondition(other.spill == nil || other.spill === spill || spill == nil)
        let base = UInt32(parts.count)
        parts.append(contentsOf: other.parts)
        locations.append(contentsOf: other.locations.map { location in
            var moved = location
            moved.part += base
            return moved
        })
        signatures.append(contentsOf: other.signatures)
        leadSignatures.append(contentsOf: other.leadSignatures)
        keptParts += other.keptParts
        if spill == nil { spill = other.spill }
    }

    var count: Int { locations.count }

    /// Gives back the spare capacity that growing by appends leaves (up to half of each part).
    mutating func shrinkToFit() {
        parts = parts.map { part in
            guard case .inMemory(let shingles) = part else { return part }
            return .inMemory(Array(shingles[...]))
        }
    }

    /// Moves every part still in memory to `spill`, which then holds this batch's sets,
    /// except parts that fit in its memory budget; once the sets outgrow it, kept parts move too.
    mutating func spill(to spill: ShingleSpill) throws(ScratchFileError) {
        precondition(self.spill == nil || self.spill === spill)
        self.spill = spill
        for index in parts.indices {
            switch parts[index] {
            case .inMemory(let shingles):
                if spill.keepsInMemory(shingles.count * MemoryLayout<UInt32>.stride) {
                    parts[index] = .kept(Array(shingles[...]))
                    keptParts += 1
                } else {
                    parts[index] = .spilled(offset: try spill.append(shingles))
                }
            case .kept(let shingles) where spill.hasOverflowed:
                parts[index] = .spilled(offset: try spill.append(shingles))
                spill.releaseFromMemory(shingles.count * MemoryLayout<UInt32>.stride)
                keptParts -= 1
            case .kept, .spilled:
                continue
            }
        }
    }

    /// Distinct shingles of the document (0 for an empty text).
    func shingleCount(of document: Int) -> Int { Int(locations[document].count) }

    func filledBins(of document: Int) -> Int { Int(locations[document].filledBins) }

    func quotedShingleCount(of document: Int) -> Int { Int(locations[document].quoted) }

    /// The document's shingle set: a slice of its part when the part is in memory, with no
    /// copy, else read from the scratch file into `buffer`. The slice shares `buffer`'s storage
    /// then, so a caller lets go of it before reading into the same buffer again.
    func shingleSet(of document: Int, readingInto buffer: inout [UInt32]) throws(ScratchFileError) -> ArraySlice<UInt32> {
        let location = locations[document]
        let range = Int(location.start)..<Int(location.start + location.count)
        switch parts[Int(location.part)] {
        case .inMemory(let shingles), .kept(let shingles):
            return shingles[range]
        case .spilled(let offset):
            try spill!.read(count: range.count, at: offset + range.lowerBound * MemoryLayout<UInt32>.stride, into: &buffer)
            return buffer[...]
        }
    }
}
