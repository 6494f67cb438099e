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
    /// Every document's paragraph fingerprints, back to back (see `LearnedFurniture`).
    private var fingerprints: [ParagraphFingerprint] = []
    /// For sets in the scratch file that have furniture: which paragraph numbers to leave out.
    private var spilledFurniture: [Int: [Bool]] = [:]

    /// What reading each HTML page found, by document, in input order (texts have none).
    private(set) var pages: [PageReading] = []

    /// A part's sets, and beside them each entry's paragraph.
    private struct PartSets: Sendable {
        var entries: [UInt32] = []
        var paragraphs: [UInt8] = []

        var bytes: Int { entries.count * MemoryLayout<UInt32>.stride + paragraphs.count }

        /// Copies without the spare capacity that growing by appends leaves.
        var compacted: PartSets { PartSets(entries: Array(entries[...]), paragraphs: Array(paragraphs[...])) }
    }

    private enum ShinglePart: Sendable {
        case inMemory(PartSets)
        /// Held in memory under the scratch file's budget, until the sets outgrow it.
        case kept(PartSets)
        /// Written to the scratch file: the entries from one byte offset, the paragraphs from another.
        case spilled(entries: Int, paragraphs: Int)
    }

    private struct ShingleLocation: Sendable {
        var part: UInt32
        var start: UInt32
        /// Entries of the set, furniture left out.
        var count: UInt32
        /// Entries the signature was made from (`count` when no furniture was left out).
        var signedCount: UInt32
        /// Signature values the document's shingles gave themselves (see `MinHasher.sketch`).
        var filledBins: UInt32
        /// Kept shingles of the set that were quoted.
        var quoted: UInt32
        var firstFingerprint: UInt32
        var fingerprintCount: UInt8
        /// The set lies in the scratch file with its furniture (`signedCount` entries), which
        /// is left out as it is read (`spilledFurniture`).
        var filtersOnRead = false
        /// The text bundles several stamped items (`BundleRule`).
        var isBundle = false
        /// A page whose story text lies away from its headline (`StoryPage.isBesideHeadline`).
        var isAwayFromHeadline = false
    }

    init() {}

    /// A batch with room for `documents` documents of about `shingles` shingles in all, so
    /// that it grows without copying what it holds.
    init(reservingFor documents: Int, shingles: Int, signatureLength: Int, leadSignatureLength: Int) {
        var part = PartSets()
        part.entries.reserveCapacity(shingles)
        part.paragraphs.reserveCapacity(shingles)
        parts = [.inMemory(part)]
        locations.reserveCapacity(documents)
        signatures = SignatureTable(rowLength: signatureLength)
        signatures.reserveCapacity(documents)
        leadSignatures = SignatureTable(rowLength: leadSignatureLength)
        leadSignatures.reserveCapacity(documents)
    }

    /// `shingles`: the document's sorted, duplicate-free set of entries; `paragraphs`: the
    /// paragraph of each; `fingerprints`: one per paragraph.
    mutating func append(
        shingles documentShingles: [UInt32], paragraphs: [UInt8], signature: [UInt32], filledBins: Int, leadSignature: [UInt32],
        fingerprints documentFingerprints: [ParagraphFingerprint] = [], isBundle: Bool = false,
        isAwayFromHeadline: Bool = false
    ) {
        precondition(paragraphs.count == documentShingles.count)
        if parts.isEmpty { parts.append(.inMemory(PartSets())) }
        guard case .inMemory(var sets) = parts[parts.count - 1] else {
            preconditionFailure("documents are appended before their part is spilled")
        }
        // Emptied first, so the part's arrays are uniquely held and grow in place.
        parts[parts.count - 1] = .inMemory(PartSets())
        let start = sets.entries.count
        sets.entries.append(contentsOf: documentShingles)
        sets.paragraphs.append(contentsOf: paragraphs)
        parts[parts.count - 1] = .inMemory(sets)
        appendLocation(
            start: start, shingles: documentShingles, signature: signature, filledBins: filledBins, leadSignature: leadSignature,
            fingerprints: documentFingerprints, isBundle: isBundle, isAwayFromHeadline: isAwayFromHeadline)
    }

    /// Appends a document whose set becomes a part of its own, sharing the arrays given
    /// rather than copying them: for documents already in memory one by one.
    mutating func appendSharing(
        shingles documentShingles: [UInt32], paragraphs: [UInt8], signature: [UInt32], filledBins: Int, leadSignature: [UInt32],
        fingerprints documentFingerprints: [ParagraphFingerprint], isBundle: Bool, isAwayFromHeadline: Bool
    ) {
        precondition(paragraphs.count == documentShingles.count)
        parts.append(.inMemory(PartSets(entries: documentShingles, paragraphs: paragraphs)))
        appendLocation(
            start: 0, shingles: documentShingles, signature: signature, filledBins: filledBins, leadSignature: leadSignature,
            fingerprints: documentFingerprints, isBundle: isBundle, isAwayFromHeadline: isAwayFromHeadline)
    }

    /// Records where the document just put in the last part lies, and the rest of its sketch.
    private mutating func appendLocation(
        start: Int, shingles documentShingles: [UInt32], signature: [UInt32], filledBins: Int, leadSignature: [UInt32],
        fingerprints documentFingerprints: [ParagraphFingerprint], isBundle: Bool, isAwayFromHeadline: Bool
    ) {
        let quoted = documentShingles.count(where: ShingleEntry.isQuoted)
        locations.append(.init(
            part: UInt32(parts.count - 1), start: UInt32(start), count: UInt32(documentShingles.count),
            signedCount: UInt32(documentShingles.count), filledBins: UInt32(filledBins), quoted: UInt32(quoted),
            firstFingerprint: UInt32(fingerprints.count), fingerprintCount: UInt8(clamping: documentFingerprints.count),
            isBundle: isBundle, isAwayFromHeadline: isAwayFromHeadline))
        fingerprints.append(contentsOf: documentFingerprints.prefix(Int(UInt8.max)))
        signatures.append(signature)
        leadSignatures.append(leadSignature)
    }

    /// Records what reading the document about to be appended as a page found; `page.document`
    /// is its position in this batch.
    mutating func appendPage(_ page: PageReading) {
        pages.append(page)
    }

    /// Gives each undated document the publication time its page states, so that the earliest
    /// copy can be the representative.
    func applyPublicationTimes(to documents: inout [DocumentFacts]) {
        for page in pages where documents[page.document].date == nil {
            documents[page.document].date = page.published.flatMap { PublicationDate($0) }
        }
    }

    mutating func append(_ other: SketchBatch) {
        precondition(other.spill == nil || other.spill === spill || spill == nil)
        let documentBase = locations.count
        pages.append(contentsOf: other.pages.map { page in
            var moved = page
            moved.document += documentBase
            return moved
        })
        let base = UInt32(parts.count)
        let fingerprintBase = UInt32(fingerprints.count)
        parts.append(contentsOf: other.parts)
        locations.append(contentsOf: other.locations.map { location in
            var moved = location
            moved.part += base
            moved.firstFingerprint += fingerprintBase
            return moved
        })
        fingerprints.append(contentsOf: other.fingerprints)
        signatures.append(contentsOf: other.signatures)
        leadSignatures.append(contentsOf: other.leadSignatures)
        keptParts += other.keptParts
        if spill == nil { spill = other.spill }
    }

    var count: Int { locations.count }

    /// Gives back the spare capacity that growing by appends leaves (up to half of each part).
    mutating func shrinkToFit() {
        parts = parts.map { part in
            guard case .inMemory(let sets) = part else { return part }
            return .inMemory(sets.compacted)
        }
    }

    /// Moves every part still in memory to `spill`, which then holds this batch's sets,
    /// except parts that fit in its memory budget; once the sets outgrow it, kept parts move too.
    mutating func spill(to spill: ShingleSpill) throws(ScratchFileError) {
        precondition(self.spill == nil || self.spill === spill)
        self.spill = spill
        for index in parts.indices {
            switch parts[index] {
            case .inMemory(let sets):
                if spill.keepsInMemory(sets.bytes) {
                    parts[index] = .kept(sets.compacted)
                    keptParts += 1
                } else {
                    parts[index] = .spilled(entries: try spill.append(sets.entries), paragraphs: try spill.append(sets.paragraphs))
                }
            case .kept(let sets) where spill.hasOverflowed:
                parts[index] = .spilled(entries: try spill.append(sets.entries), paragraphs: try spill.append(sets.paragraphs))
                spill.releaseFromMemory(sets.bytes)
                keptParts -= 1
            case .kept, .spilled:
                continue
            }
        }
    }

    /// Distinct shingles of the document, furniture left out (0 for an empty text).
    func shingleCount(of document: Int) -> Int { Int(locations[document].count) }

    func filledBins(of document: Int) -> Int { Int(locations[document].filledBins) }

    /// Distinct shingles the document's signature was made from: furniture included.
    func signedShingleCount(of document: Int) -> Int { Int(locations[document].signedCount) }

    /// Whether some paragraphs were left out of the document's set as furniture (its
    /// signature still holds them).
    func hasFurniture(_ document: Int) -> Bool { locations[document].signedCount != locations[document].count }

    func quotedShingleCount(of document: Int) -> Int { Int(locations[document].quoted) }

    /// Whether the document is a page whose story text lies away from its headline: all its
    /// text may be furniture (see `LearnedFurniture`).
    func isAwayFromHeadline(_ document: Int) -> Bool { locations[document].isAwayFromHeadline }

    /// Whether the document bundles several stamped items (`BundleRule`).
    func isBundle(_ document: Int) -> Bool { locations[document].isBundle }

    /// Whether exactly one of the two is a bundle: the pair is then judged from the bundle's side.
    func pairsBundleWithStory(_ first: Int, _ second: Int) -> Bool { locations[first].isBundle != locations[second].isBundle }

    /// Whether any document's paragraphs take part in the furniture search.
    var hasFingerprints: Bool { !fingerprints.isEmpty }

    /// The fingerprints of the document's paragraphs, in order.
    func fingerprints(of document: Int) -> ArraySlice<ParagraphFingerprint> {
        let location = locations[document]
        let start = Int(location.firstFingerprint)
        return fingerprints[start..<(start + Int(location.fingerprintCount))]
    }

    /// The document's shingle set: a slice of its part when the part is in memory, with no
    /// copy, else read from the scratch file into `buffer`. The slice shares `buffer`'s storage
    /// then, so a caller lets go of it before reading into the same buffer again.
    func shingleSet(of document: Int, readingInto buffer: inout [UInt32]) throws(ScratchFileError) -> ArraySlice<UInt32> {
        if locations[document].filtersOnRead {
            var paragraphs: [UInt8] = []
            try readFiltered(document, entries: &buffer, paragraphs: &paragraphs)
            return buffer[...]
        }
        return try column(of: document, { $0.entries }, spilledAt: { entries, _ in entries }, readingInto: &buffer)
    }

    /// The paragraph of each entry of the document's set, as `shingleSet` gives the set.
    func paragraphs(of document: Int, readingInto buffer: inout [UInt8]) throws(ScratchFileError) -> ArraySlice<UInt8> {
        if locations[document].filtersOnRead {
            var entries: [UInt32] = []
            try readFiltered(document, entries: &entries, paragraphs: &buffer)
            return buffer[...]
        }
        return try column(of: document, { $0.paragraphs }, spilledAt: { _, paragraphs in paragraphs }, readingInto: &buffer)
    }

    /// A set in the scratch file as it was written, furniture and all, then filtered: reading
    /// is a copy already, so leaving entries out costs little more.
    private func readFiltered(_ document: Int, entries: inout [UInt32], paragraphs: inout [UInt8]) throws(ScratchFileError) {
        let location = locations[document]
        guard case .spilled(let entryOffset, let paragraphOffset) = parts[Int(location.part)],
              let isLeftOut = spilledFurniture[document] else {
            preconditionFailure("only sets in the scratch file are filtered as they are read")
        }
        let start = Int(location.start)
        let count = Int(location.signedCount)
        try spill!.read(count: count, at: entryOffset + start * MemoryLayout<UInt32>.stride, into: &entries)
        try spill!.read(count: count, at: paragraphOffset + start, into: &paragraphs)
        let (kept, _) = FurnitureFilterKernel.compact(
            entries: &entries, paragraphs: &paragraphs, range: 0..<count, isLeftOut: isLeftOut)
        entries.removeLast(count - kept)
        paragraphs.removeLast(count - kept)
    }

    /// Leaves the given paragraphs of each document out of its set from now on (its signature
    /// keeps them). Called once, when every document is in the batch. A set in memory is
    /// compacted where it lies; a set in the scratch file is filtered each time it is read.
    mutating func leaveOut(_ furnitureParagraphs: [Int: [UInt8]]) throws(ScratchFileError) {
        var byPart: [Int: [(document: Int, paragraphs: [UInt8])]] = [:]
        for (document, paragraphs) in furnitureParagraphs where !paragraphs.isEmpty {
            byPart[Int(locations[document].part), default: []].append((document, paragraphs))
        }
        // Whether each paragraph number is left out, for the document at hand.
        var isLeftOut = [Bool](repeating: false, count: ShingleEntry.lastParagraph + 1)
        for (partIndex, documents) in byPart.sorted(by: { $0.key < $1.key }) {
            var held: PartSets?
            var isKept = false
            switch parts[partIndex] {
            case .inMemory(let sets): held = sets
            case .kept(let sets): (held, isKept) = (sets, true)
            case .spilled: break
            }
            if var sets = held {
                // Taken out of the batch first, so the part's arrays are uniquely held and
                // change in place.
                held = nil
                parts[partIndex] = .inMemory(PartSets())
                for (document, paragraphs) in documents {
                    for paragraph in paragraphs { isLeftOut[Int(paragraph)] = true }
                    let location = locations[document]
                    let (kept, quoted) = FurnitureFilterKernel.compact(
                        entries: &sets.entries, paragraphs: &sets.paragraphs,
                        range: Int(location.start)..<Int(location.start + location.count), isLeftOut: isLeftOut)
                    for paragraph in paragraphs { isLeftOut[Int(paragraph)] = false }
                    locations[document].count = UInt32(kept)
                    locations[document].quoted = UInt32(quoted)
                }
                parts[partIndex] = isKept ? .kept(sets) : .inMemory(sets)
            } else {
                // Left out as the set is read; its kept size follows from the fingerprints.
                for (document, paragraphs) in documents {
                    var table = [Bool](repeating: false, count: ShingleEntry.lastParagraph + 1)
                    for paragraph in paragraphs { table[Int(paragraph)] = true }
                    var leftOut = 0
                    for fingerprint in self.fingerprints(of: document) where table[Int(fingerprint.paragraph)] {
                        leftOut += Int(fingerprint.entries)
                    }
                    spilledFurniture[document] = table
                    locations[document].filtersOnRead = true
                    locations[document].count = UInt32(max(0, Int(locations[document].signedCount) - leftOut))
                }
            }
        }
    }

    /// The document's range of one of its part's arrays (`values`), or of the same array in
    /// the scratch file, which starts at the byte offset `spilledAt` picks.
    @inline(__always)
    private func column<Value: FixedWidthInteger>(
        of document: Int, _ values: (PartSets) -> [Value], spilledAt: (_ entries: Int, _ paragraphs: Int) -> Int,
        readingInto buffer: inout [Value]
    ) throws(ScratchFileError) -> ArraySlice<Value> {
        let location = locations[document]
        let range = Int(location.start)..<Int(location.start + location.count)
        switch parts[Int(location.part)] {
        case .inMemory(let sets), .kept(let sets):
            return values(sets)[range]
        case .spilled(let entries, let paragraphs):
            let offset = spilledAt(entries, paragraphs) + range.lowerBound * MemoryLayout<Value>.stride
            try spill!.read(count: range.count, at: offset, into: &buffer)
            return buffer[...]
        }
    }
}
