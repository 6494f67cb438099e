/// A shingle as the exact comparisons keep it: 32 bits, half a `ShingleHash`.
///
/// Every sketched document's set waits in memory or in the scratch file until verification
/// reads it back, so its width sets how many bytes a run writes, reads and faults in: at a
/// million news articles, 5.3 GB of sets at 64 bits. An entry holds the top 31 bits of the
/// hash's identity and, in bit 0, the quote mark. The paragraph each shingle stands in goes
/// in a byte of its own beside the set (`set(of:paragraphs:)`): only the paragraph test
/// asks for it, and only for pairs near the threshold.
///
/// Two distinct shingles share an identity with odds of 1 in 2^31: two sets of 600 shingles
/// count a spurious shared shingle about once in 6,000 comparisons.
package enum ShingleEntry {
    @usableFromInline static let markBits = 1
    @usableFromInline static let identityBits = 32 - markBits
    /// The last paragraph a set's paragraph bytes hold; later paragraphs share it.
    package static let lastParagraph = Int(UInt8.max)

    /// The entry of a shingle hash: its identity's top bits and its quote mark.
    @inlinable
    package static func make(_ hash: UInt64) -> UInt32 {
        UInt32(truncatingIfNeeded: hash >> UInt64(64 - identityBits)) << UInt32(markBits) | (ShingleHash.isQuoted(hash) ? 1 : 0)
    }

    @inlinable
    package static func identity(_ entry: UInt32) -> UInt32 { entry >> UInt32(markBits) }

    @inlinable
    package static func isQuoted(_ entry: UInt32) -> Bool { entry & 1 == 1 }

    /// The sorted, duplicate-free entries of shingle hashes in any order, repeats allowed.
    package static func set(of hashes: [UInt64]) -> [UInt32] {
        var paragraphs: [UInt8] = []
        return set(of: hashes, paragraphs: &paragraphs)
    }

    /// Also the paragraph of each entry: the first its shingle stands in.
    package static func set(of hashes: [UInt64], paragraphs: inout [UInt8]) -> [UInt32] {
        var entries: [UInt32] = []
        var space = SortSpace()
        makeSet(of: hashes, into: &entries, paragraphs: &paragraphs, space: &space)
        return entries
    }

    /// Reusable space for `makeSet`.
    struct SortSpace {
        var keys: [UInt64] = []
        var scratch: [UInt64] = []
        var counts: [UInt32] = []
    }

    /// Replaces `entries` with the set of `hashes`' entries and `paragraphs` with each one's
    /// paragraph. The hashes are sorted with the identity bits below the kept ones cleared,
    /// so equal entries lie together ordered by paragraph: the first has the first paragraph,
    /// and an entry is quoted only if every occurrence was.
    static func makeSet(of hashes: [UInt64], into entries: inout [UInt32], paragraphs: inout [UInt8], space: inout SortSpace) {
        let dropped: UInt64 = (1 << UInt64(64 - identityBits)) - (1 << UInt64(ShingleHash.markBits))
        space.keys.resize(toCount: hashes.count)
        space.keys.withUnsafeMutableBufferPointer { keys in
            for (index, hash) in hashes.enumerated() { keys[index] = hash & ~dropped }
        }
        UniformHashSort.sort(&space.keys, scratch: &space.scratch, counts: &space.counts)
        entries.resize(toCount: hashes.count)
        paragraphs.resize(toCount: hashes.count)
        var count = 0
        space.keys.withUnsafeBufferPointer { keys in
            entries.withUnsafeMutableBufferPointer { entries in
                paragraphs.withUnsafeMutableBufferPointer { paragraphs in
                    for key in keys {
                        let entry = make(key)
                        if count > 0 && identity(entries[count - 1]) == identity(entry) {
                            entries[count - 1] &= entry | ~1
                        } else {
                            entries[count] = entry
                            paragraphs[count] = UInt8(min(ShingleHash.paragraph(key), lastParagraph))
                            count += 1
                        }
                    }
                }
            }
        }
        entries.removeLast(entries.count - count)
        paragraphs.removeLast(paragraphs.count - count)
    }
}
