/// A shingle hash carries one mark in its lowest bit: set when the shingle was quoted.
/// Identity is the upper 63 bits, so a passage matches whether or not it was quoted.
public enum ShingleHash {
    @inlinable
    public static func make(_ hash: UInt64, isQuoted: Bool) -> UInt64 {
        (hash & ~1) | (isQuoted ? 1 : 0)
    }

    @inlinable
    public static func identity(_ hash: UInt64) -> UInt64 { hash >> 1 }

    @inlinable
    public static func isQuoted(_ hash: UInt64) -> Bool { hash & 1 == 1 }

    /// After sorting, one entry per identity; unquoted when any occurrence was unquoted
    /// (the unquoted form sorts first).
    static func removeDuplicates(_ hashes: inout [UInt64]) {
        guard hashes.count > 1 else { return }
        var write = 1
        for read in 1..<hashes.count where identity(hashes[read]) != identity(hashes[write - 1]) {
            hashes[write] = hashes[read]
            write += 1
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
