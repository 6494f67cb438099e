/// Turns normalised text into the set of its shingle hashes.
///
/// Word shingles hash each word once with XXH3 and combine a window's k word hashes with a
/// multiply-add (`WordShingleKernel`), so a shingle costs no string and no second pass. Character shingles hash each window of k
/// characters in place.
///
/// The lowest bit of every shingle hash is a mark, not hash: 1 when all the shingle's words
/// stand inside quotation marks (see `ShingleHash`).
@_spi(Kernels) public struct Shingler: Sendable {
    public let kind: ShingleKind
    public let seed: UInt64
    /// How many shingles from the start of the text `lead` keeps.
    public var leadLength: Int
    /// The first `leadLength` shingles of the last text, in text order: an excerpt keeps its
    /// story's lead, so the lead alone finds excerpts that whole-text similarity misses.
    public private(set) var lead: [UInt64] = []
    private let wordKernel: WordShingleKernel
    /// Word shingles: the last text's word hashes, in its first `wordCount` entries.
    private var scratch: [UInt64] = []
    private var wordCount = 0
    private var entrySpace = ShingleEntry.SortSpace()
    private var bucketCounts: [UInt32] = []

    public init(kind: ShingleKind = .default, seed: UInt64 = 0, leadLength: Int = 0) {
        self.kind = kind
        self.seed = seed
        self.leadLength = leadLength
        wordKernel = WordShingleKernel(size: kind.size, seed: seed)
    }

    /// Replaces `hashes` with the sorted, duplicate-free shingle hashes of `normalized`
    /// (the output of `TextNormalizer`: words separated by single spaces).
    /// A text shorter than one shingle but not empty gives one shingle of all it has.
    /// `quotedWords`, when given, tells for each word whether it was quoted, and
    /// `paragraphStarts` where each paragraph after the first starts (see `TextNormalizer`).
    public mutating func shingleSet(
        of normalized: [UInt8], quotedWords: [Bool] = [], paragraphStarts: [Int32] = [], into hashes: inout [UInt64]
    ) {
        shingles(of: normalized, quotedWords: quotedWords, paragraphStarts: paragraphStarts, into: &hashes)
        Self.makeSet(&hashes, scratch: &scratch, counts: &bucketCounts)
    }

    /// Replaces `hashes` with the shingle hashes of `normalized` in text order, repeats kept:
    /// enough for MinHash, which `makeSet` can turn into the sorted set later, for the few
    /// documents that an exact comparison needs.
    public mutating func shingles(
        of normalized: [UInt8], quotedWords: [Bool] = [], paragraphStarts: [Int32] = [], into hashes: inout [UInt64]
    ) {
        hashes.removeAll(keepingCapacity: true)
        switch kind {
        case .words:
            wordCount = wordKernel.appendShingles(
                of: normalized, quotedWords: quotedWords, paragraphStarts: paragraphStarts, wordHashes: &scratch,
                to: &hashes)
        case .characters(let size):
            wordCount = 0
            appendCharacterShingles(of: normalized, size: size, to: &hashes)
        }
        lead.removeAll(keepingCapacity: true)
        lead.append(contentsOf: hashes.prefix(leadLength))
    }

    /// Replaces `fingerprints` with one per paragraph of the last text that `shingles` read
    /// (word shingles only; none for character shingles), up to the last paragraph that
    /// entries tell apart: paragraphs that recur on pages with other text are furniture
    /// (`LearnedFurniture`), and the fingerprints let them be found without keeping text.
    /// Each is made from the paragraph's word hashes, already at hand, in one multiply-add a word.
    package func paragraphFingerprints(paragraphStarts: [Int32], into fingerprints: inout [ParagraphFingerprint]) {
        fingerprints.removeAll(keepingCapacity: true)
        guard case .words = kind, wordCount > 0 else { return }
        var start = 0
        for paragraph in 0...paragraphStarts.count where paragraph < ShingleEntry.lastParagraph {
            let end = paragraph < paragraphStarts.count ? min(Int(paragraphStarts[paragraph]), wordCount) : wordCount
            guard end > start else { continue }
            var hash: UInt64 = 0x9E37_79B9_7F4A_7C15
            for word in start..<end { hash = (hash ^ scratch[word]) &* 0xFF51_AFD7_ED55_8CCD }
            fingerprints.append(ParagraphFingerprint(
                hash: UInt32(truncatingIfNeeded: mix64(hash) >> 32), words: UInt16(clamping: end - start),
                paragraph: UInt8(paragraph)))
            start = end
        }
    }

    /// Replaces `entries` with the sorted, duplicate-free `ShingleEntry` set of `hashes`
    /// (shingle hashes as `shingles` gives them), and `paragraphs` with each entry's paragraph.
    public mutating func entrySet(of hashes: [UInt64], into entries: inout [UInt32], paragraphs: inout [UInt8]) {
        ShingleEntry.makeSet(of: hashes, into: &entries, paragraphs: &paragraphs, space: &entrySpace)
    }

    /// Sorts shingle hashes and keeps one per identity (see `ShingleHash.removeDuplicates`).
    static func makeSet(_ hashes: inout [UInt64], scratch: inout [UInt64], counts: inout [UInt32]) {
        UniformHashSort.sort(&hashes, scratch: &scratch, counts: &counts)
        ShingleHash.removeDuplicates(&hashes)
    }

    private func appendCharacterShingles(of text: [UInt8], size: Int, to hashes: inout [UInt64]) {
        guard !text.isEmpty else { return }
        // Start offsets of each UTF-8 scalar, so a window never splits a character.
        var starts: [Int] = []
        starts.reserveCapacity(text.count)
        for (offset, byte) in text.enumerated() where byte & 0xC0 != 0x80 { starts.append(offset) }
        let windows = max(1, starts.count - size + 1)
        let seed = self.seed
        for window in 0..<windows {
            let lower = starts[window]
            let upperScalar = window + size
            let upper = upperScalar < starts.count ? starts[upperScalar] : text.count
            hashes.append(ShingleHash.make(XXH3.hash(text[lower..<upper], seed: seed), isQuoted: false))
        }
    }
}

