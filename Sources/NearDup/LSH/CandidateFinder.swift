/// Finds candidate pairs by band-key collisions without comparing all pairs:
/// emit one (band key, document) entry per band, sort, and read runs of equal keys.
/// Each run is linked as a star to its first document, so a run of m documents costs m − 1
/// pairs, and runs longer than `maxRunLength` (text that every page shares) are skipped and counted.
public struct CandidateFinder: Sendable {
    public let layout: BandLayout
    public let maxRunLength: Int

    public init(layout: BandLayout, maxRunLength: Int = 5_000) {
        self.layout = layout
        self.maxRunLength = maxRunLength
    }

    public struct Result: Sendable {
        /// Distinct pairs (first < second), sorted.
        public var pairs: [DocumentPair]
        /// Runs longer than `maxRunLength` that were skipped.
        public var skippedRuns: Int

        /// Adds the pairs and skipped runs of another search over the same documents.
        public mutating func merge(_ other: Result) {
            pairs.append(contentsOf: other.pairs)
            pairs.sort()
            pairs.removeAdjacentDuplicates()
            skippedRuns += other.skippedRuns
        }
    }

    /// `signatures` holds `count` signatures of `layout.bands * layout.rows` or more values each,
    /// `stride` values apart; documents for which `isIndexed` is false (empty texts) take no part.
    public func candidates(signatures: [UInt32], stride: Int, count: Int, isIndexed: (Int) -> Bool) -> Result {
        precondition(layout.bands * layout.rows <= stride)
        var entries: [BandEntry] = []
        entries.reserveCapacity(count * layout.bands)
        for document in 0..<count where isIndexed(document) {
            for band in 0..<layout.bands {
                let start = document * stride + band * layout.rows
                let key = XXH3.hash(words: signatures[start..<(start + layout.rows)], seed: UInt64(band))
                entries.append(BandEntry(key: key, document: UInt32(document)))
            }
        }
        BandEntrySort.sort(&entries)
        var pairs: [DocumentPair] = []
        var skippedRuns = 0
        var start = 0
        while start < entries.count {
            var end = start + 1
            while end < entries.count && entries[end].key == entries[start].key { end += 1 }
            let length = end - start
            if length > maxRunLength {
                skippedRuns += 1
            } else if length > 1 {
                let hub = entries[start].document
                for index in (start + 1)..<end where entries[index].document != hub {
                    pairs.append(DocumentPair(hub, entries[index].document))
                }
            }
            start = end
        }
        pairs.sort()
        pairs.removeAdjacentDuplicates()
        return Result(pairs: pairs, skippedRuns: skippedRuns)
    }
}

struct BandEntry: Comparable {
    var key: UInt64
    var document: UInt32

    static func < (lhs: BandEntry, rhs: BandEntry) -> Bool {
        lhs.key != rhs.key ? lhs.key < rhs.key : lhs.document < rhs.document
    }
}

/// Two documents by input position, smaller first.
public struct DocumentPair: Sendable, Hashable, Comparable {
    public let first: Int
    public let second: Int

    public init(_ a: UInt32, _ b: UInt32) {
        self.init(Int(a), Int(b))
    }

    public init(_ a: Int, _ b: Int) {
        first = min(a, b)
        second = max(a, b)
    }

    public static func < (lhs: DocumentPair, rhs: DocumentPair) -> Bool {
        lhs.first != rhs.first ? lhs.first < rhs.first : lhs.second < rhs.second
    }
}
