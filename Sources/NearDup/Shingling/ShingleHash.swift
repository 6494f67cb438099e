/// A shingle hash carries two marks in its low bits: bit 0 is set when the shingle was
/// quoted, and bits 1...12 hold the paragraph its first word stands in (4095 for any later
/// one). Identity is the upper 51 bits, so a passage matches whether or not it was quoted and
/// wherever it stands; sorting by the whole value keeps equal identities together.
package enum ShingleHash {
    @usableFromInline static let paragraphBits = 12
    @usableFromInline static let markBits = paragraphBits + 1
    /// The last paragraph index a hash can hold; later paragraphs share it.
    package static let lastParagraph = (1 << paragraphBits) - 1

    @inlinable
    package static func make(_ hash: UInt64, isQuoted: Bool, paragraph: Int = 0) -> UInt64 {
        let marks = UInt64(min(paragraph, lastParagraph)) << 1 | (isQuoted ? 1 : 0)
        return hash & ~((1 << UInt64(markBits)) - 1) | marks
    }

    @inlinable
    package static func identity(_ hash: UInt64) -> UInt64 { hash >> UInt64(markBits) }

    @inlinable
    package static func isQuoted(_ hash: UInt64) -> Bool { hash & 1 == 1 }

    @inlinable
    package static func paragraph(_ hash: UInt64) -> Int { Int(truncatingIfNeeded: hash >> 1) & lastParagraph }

    /// After sorting, one entry per identity, with the first paragraph the shingle stands in;
    /// unquoted when any occurrence was unquoted.
    static func removeDuplicates(_ hashes: inout [UInt64]) {
        guard hashes.count > 1 else { return }
        var write = 1
        for read in 1..<hashes.count {
            let hash = hashes[read]
            if identity(hash) != identity(hashes[write - 1]) {
                hashes[write] = hash
                write += 1
            } else {
                // Sorted by paragraph within an identity: keep the first, quoted only if all are.
                hashes[write - 1] &= hash | ~1
            }
        }
        hashes.removeLast(hashes.count - write)
    }
}

extension Array where Element: Equatable {
    /// Keeps the first of each run of equal neighbours (a set, once sorted).
    mutating func removeAdjacentDuplicates() {
        guard count > 1 else { return }
        var write = 1
        for read in 1..<count where self[read] != self[write - 1] {
            self[write] = self[read]
            write += 1
        }
        removeLast(count - write)
    }
}
