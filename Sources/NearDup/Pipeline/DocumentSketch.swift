/// What the later stages keep of a document after it has been read and sketched:
/// signatures in memory, and shingles in text order until verification asks for them.
///
/// Shingles stay in the part where they were sketched (one per parallel chunk), so joining
/// parts copies only their small per-document entries, not the shingles. A part may move
/// to a scratch file (`spill(to:)`); verification then reads back only the documents it
/// compares, so memory grows with the number of documents, not with their length.
struct SketchBatch: Sendable {
    private var parts: [ShinglePart] = []
    /// For each document, its part and the range of its shingles there.
    private var locations: [ShingleLocation] = []
    /// K values per document, back to back.
    private(set) var signatures: [UInt32] = []
    /// The signatures of each document's lead, back to back.
    private(set) var leadSignatures: [UInt32] = []
    /// The scratch file that spilled parts live in.
    private var spill: ShingleSpill?

    private enum ShinglePart: Sendable {
        case inMemory([UInt64])
        /// Written to the scratch file from this byte offset.
        case spilled(offset: Int)
    }

    private struct ShingleLocation: Sendable {
        var part: UInt32
        var start: UInt32
        var count: UInt32
    }

    mutating func append(shingles documentShingles: [UInt64], signature: [UInt32], leadSignature: [UInt32]) {
        if parts.isEmpty { parts.append(.inMemory([])) }
        guard case .inMemory(var shingles) = parts[parts.count - 1] else {
            preconditionFailure("documents are appended before their part is spilled")
        }
        parts[parts.count - 1] = .inMemory([])
        let start = shingles.count
        shingles.append(contentsOf: documentShingles)
        parts[parts.count - 1] = .inMemory(shingles)
        locations.append(.init(part: UInt32(parts.count - 1), start: UInt32(start), count: UInt32(documentShingles.count)))
        signatures.append(contentsOf: signature)
        leadSignatures.append(contentsOf: leadSignature)
    }

    mutating func append(_ other: SketchBatch) {
        precondition(other.spill == nil || other.spill === spill || spill == nil)
        let base = UInt32(parts.count)
        parts.append(contentsOf: other.parts)
        locations.append(contentsOf: other.locations.map { .init(part: $0.part + base, start: $0.start, count: $0.count) })
        signatures.append(contentsOf: other.signatures)
        leadSignatures.append(contentsOf: other.leadSignatures)
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

    /// Moves every part still in memory to `spill`, which then holds this batch's shingles.
    mutating func spill(to spill: ShingleSpill) throws(ScratchFileError) {
        precondition(self.spill == nil || self.spill === spill)
        self.spill = spill
        for index in parts.indices {
            guard case .inMemory(let shingles) = parts[index] else { continue }
            parts[index] = .spilled(offset: try spill.append(shingles))
        }
    }

    /// Shingle windows of the document's text (0 for an empty text).
    func windowCount(of document: Int) -> Int { Int(locations[document].count) }

    /// The document's shingles in text order, into `buffer`.
    func shingles(of document: Int, into buffer: inout [UInt64]) throws(ScratchFileError) {
        let location = locations[document]
        let range = Int(location.start)..<Int(location.start + location.count)
        switch parts[Int(location.part)] {
        case .inMemory(let shingles):
            buffer.removeAll(keepingCapacity: true)
            buffer.append(contentsOf: shingles[range])
        case .spilled(let offset):
            try spill!.read(count: range.count, at: offset + range.lowerBound * MemoryLayout<UInt64>.stride, into: &buffer)
        }
    }
}
