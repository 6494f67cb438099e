/// A shingle as the exact comparisons keep it: 32 bits, half a `ShingleHash`.
///
/// Every sketched document's set waits in memory or in the scratch file until verification
/// reads it back, so its width sets how many bytes a run writes, reads and faults in: at a
/// million news articles, 5.3 GB of sets at 64 bits. The top 24 bits are the identity (the
/// hash identity's top 24), bits 1...7 the paragraph (127 for any later one) and bit 0 the
/// quote mark, as in `ShingleHash`.
///
/// Two distinct shingles share an identity with odds of 1 in 2^24: two sets of 600 shingles
/// count a spurious shared shingle about once in 50 comparisons, and a 600-shingle set
/// merges two of its own about once in 100 documents. Either moves a count by a shingle,
/// which tips only a pair sitting exactly on one of the copy rule's edges.
public enum ShingleEntry {
    @usableFromInline static let paragraphBits = 7
    @usableFromInline static let markBits = paragraphBits + 1
    @usableFromInline static let identityBits = 32 - markBits
    /// The last paragraph an entry can hold; later paragraphs share it.
    public static let lastParagraph = (1 << paragraphBits) - 1

    /// The entry of a shingle hash: its identity's top bits, its paragraph and its quote mark.
    @inlinable
    public static func make(_ hash: UInt64) -> UInt32 {
        let identity = UInt32(truncatingIfNeeded: hash >> UInt64(64 - identityBits))
        let paragraph = UInt32(min(ShingleHash.paragraph(hash), lastParagraph))
        return identity << UInt32(markBits) | paragraph << 1 | (ShingleHash.isQuoted(hash) ? 1 : 0)
    }

    @inlinable
    public static func identity(_ entry: UInt32) -> UInt32 { entry >> UInt32(markBits) }

    @inlinable
    public static func isQuoted(_ entry: UInt32) -> Bool { entry & 1 == 1 }

    @inlinable
    public static func paragraph(_ entry: UInt32) -> Int { Int(entry >> 1) & lastParagraph }

    /// The sorted, duplicate-free entries of shingle hashes in any order, repeats allowed.
    public static func set(of hashes: [UInt64]) -> [UInt32] {
        var entries: [UInt32] = []
        var scratch: [UInt32] = []
        var counts: [UInt32] = []
        makeSet(of: hashes, into: &entries, scratch: &scratch, counts: &counts)
        return entries
    }

    /// Replaces `entries` with the set of `hashes`' entries; `scratch` and `counts` are
    /// reusable sorting space.
    static func makeSet(of hashes: [UInt64], into entries: inout [UInt32], scratch: inout [UInt32], counts: inout [UInt32]) {
        // Resized, not cleared: every entry is written below, so only growth needs filling.
        if entries.count > hashes.count {
            entries.removeLast(entries.count - hashes.count)
        } else if entries.count < hashes.count {
            entries.append(contentsOf: repeatElement(0, count: hashes.count - entries.count))
        }
        entries.withUnsafeMutableBufferPointer { entries in
            for (index, hash) in hashes.enumerated() { entries[index] = make(hash) }
        }
        UniformHashSort.sort(&entries, scratch: &scratch, counts: &counts)
        removeDuplicates(&entries)
    }

    /// After sorting, one entry per identity, with the first paragraph the shingle stands in;
    /// unquoted when any occurrence was unquoted (as `ShingleHash.removeDuplicates`).
    static func removeDuplicates(_ entries: inout [UInt32]) {
        guard entries.count > 1 else { return }
        var write = 1
        for read in 1..<entries.count {
            let entry = entries[read]
            if identity(entry) != identity(entries[write - 1]) {
                entries[write] = entry
                write += 1
            } else {
                entries[write - 1] &= entry | ~1
            }
        }
        entries.removeLast(entries.count - write)
    }
}
