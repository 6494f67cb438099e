/// Finds candidate pairs by band-key collisions without comparing all pairs:
/// for each band, one (band key, document) entry per document, sorted, read as runs of equal keys.
/// Each run is linked as a star to its first document, so a run of m documents costs m − 1
/// pairs, however long it is.
///
/// No run is skipped for its length. A long run is either a story copied many times or text
/// that many pages share around different stories (a site's furniture); how many pages share
/// a band cannot tell the two apart, but verification, which reads what each pair shares, can.
/// A star keeps that check linear in the run's length.
package struct CandidateFinder: Sendable {
    package let layout: BandLayout

    package init(layout: BandLayout) {
        self.layout = layout
    }

    package struct Result: Sendable {
        /// Distinct pairs (first < second), sorted.
        package var pairs: [DocumentPair]
        /// Documents in the longest run of one band key: a story copied that many times, or
        /// text shared by that many pages.
        package var longestRun: Int

        /// Adds the pairs of another search over the same documents.
        package mutating func merge(_ other: Result) {
            pairs = pairs.sortedUnion(with: other.pairs)
            longestRun = max(longestRun, other.longestRun)
        }
    }

    /// `signatures` holds `count` signatures of `layout.bands * layout.rows` or more values each,
    /// `stride` values apart; documents for which `isIndexed` is false (empty texts) take no part.
    package func candidates(
        signatures: [UInt32], stride: Int, count: Int, threads: Int = 1, isIndexed: (Int) -> Bool
    ) -> Result {
        precondition(signatures.count >= count * stride)
        let values = signatures.count == count * stride ? signatures : Array(signatures[..<(count * stride)])
        let table = SignatureTable(values, rowLength: stride)
        return candidates(signatures: table, threads: threads, isIndexed: isIndexed)
    }

    /// One signature of `layout.bands * layout.rows` or more values per document; documents
    /// for which `isIndexed` is false (empty texts) take no part.
    ///
    /// Bands are searched one at a time, so the entries held at once are one per document.
    /// An entry packs the band key's top bits above the document number: sorting the packed
    /// values orders by key, and equal keys by document.
    package func candidates(signatures: SignatureTable, threads: Int = 1, isIndexed: (Int) -> Bool) -> Result {
        let count = signatures.count
        precondition(count == 0 || layout.bands * layout.rows <= signatures.rowLength)
        let indexed = (0..<count).filter(isIndexed)
        // Bands are shared out in fixed groups; the union of their pairs is the same for any split.
        let bandsPerChunk = max(1, (layout.bands + max(1, threads) - 1) / max(1, threads))
        let parts = ParallelChunks(count: layout.bands, chunkSize: bandsPerChunk, threads: threads).map { bands in
            search(bands: bands, signatures: signatures, count: count, indexed: indexed)
        }
        // Each part's pairs come sorted and distinct.
        let pairs = parts.dropFirst().reduce(parts.first?.pairs ?? []) { $0.sortedUnion(with: $1.pairs) }
        return Result(
            pairs: pairs.map(DocumentPair.init(packed:)),
            longestRun: parts.reduce(0) { max($0, $1.longestRun) })
    }

    /// Sorted, distinct pairs (`first << 32 | second`) of some bands, and their longest run.
    private func search(
        bands: Range<Int>, signatures: SignatureTable, count: Int, indexed: [Int]
    ) -> (pairs: [UInt64], longestRun: Int) {
        let documentBits = max(1, Int.bitWidth - count.leadingZeroBitCount)
        let documentMask: UInt64 = (1 << UInt64(documentBits)) - 1
        var entries: [UInt64] = []
        entries.reserveCapacity(indexed.count)
        var scratch: [UInt64] = []
        var counts: [UInt32] = []
        var pairs: [UInt64] = []
        var pairsAfterLastCompaction = 0
        var longestRun = 0
        for band in bands {
            entries.removeAll(keepingCapacity: true)
            let firstRow = band * layout.rows
            signatures.forEachRow(indexed) { document, segment, start in
                let key = bandKey(segment, from: start + firstRow, band: band)
                entries.append(key & ~documentMask | UInt64(document))
            }
            UniformHashSort.sort(&entries, scratch: &scratch, counts: &counts)
            var start = 0
            while start < entries.count {
                let key = entries[start] & ~documentMask
                var end = start + 1
                while end < entries.count && entries[end] & ~documentMask == key { end += 1 }
                let length = end - start
                longestRun = max(longestRun, length)
                if length > 1 {
                    // A star on the run's first document: m - 1 pairs for m documents.
                    let hub = entries[start] & documentMask
                    for index in (start + 1)..<end {
                        pairs.append(hub << 32 | entries[index] & documentMask)
                    }
                }
                start = end
            }
            // Pairs repeat across bands; compact when the list has doubled since the last time.
            if pairs.count > 2 * max(pairsAfterLastCompaction, 1 << 16) {
                PackedPairSort.sort(&pairs, scratch: &scratch)
                pairs.removeAdjacentDuplicates()
                pairsAfterLastCompaction = pairs.count
            }
        }
        PackedPairSort.sort(&pairs, scratch: &scratch)
        pairs.removeAdjacentDuplicates()
        return (pairs, longestRun)
    }

    /// The document's key in each band, in band order: two documents are candidates when a key
    /// agrees (an index keeps them to find a new document's candidates without a search).
    package func bandKeys(of signature: ArraySlice<UInt32>) -> [UInt64] {
        precondition(layout.bands * layout.rows <= signature.count)
        let values = Array(signature)
        return (0..<layout.bands).map { bandKey(values, from: $0 * layout.rows, band: $0) }
    }

    /// The band's r values hashed with the band number: two rows fit one 64-bit word, which
    /// a bijective mixer turns into the key without collisions; more rows go through XXH3.
    @inline(__always)
    private func bandKey(_ signatures: [UInt32], from start: Int, band: Int) -> UInt64 {
        let rows = layout.rows
        let bandSeed = UInt64(band) &* 0x9E37_79B9_7F4A_7C15
        switch rows {
        case 1: return mix64(UInt64(signatures[start]) ^ bandSeed)
        case 2: return mix64((UInt64(signatures[start]) << 32 | UInt64(signatures[start + 1])) ^ bandSeed)
        default: return XXH3.hash(words: signatures[start..<(start + rows)], seed: bandSeed)
        }
    }
}

/// Two documents by input position, smaller first.
///
/// Packed in one 64-bit word, whose order is the pairs' order: a million documents give
/// millions of candidate pairs, and half the bytes means half the fresh memory each list of
/// them takes.
package struct DocumentPair: Sendable, Hashable, Comparable {
    /// The smaller position in the high half, the larger in the low half.
    private let packed: UInt64

    package var first: Int { Int(packed >> 32) }
    package var second: Int { Int(packed & 0xFFFF_FFFF) }

    package init(_ a: UInt32, _ b: UInt32) {
        packed = UInt64(min(a, b)) << 32 | UInt64(max(a, b))
    }

    package init(_ a: Int, _ b: Int) {
        precondition(a >= 0 && b >= 0 && max(a, b) <= Int(UInt32.max), "document positions are 32-bit")
        self.init(UInt32(a), UInt32(b))
    }

    /// A pair already packed as `first << 32 | second`, with first < second.
    init(packed: UInt64) {
        self.packed = packed
    }

    package static func < (lhs: DocumentPair, rhs: DocumentPair) -> Bool {
        lhs.packed < rhs.packed
    }
}
