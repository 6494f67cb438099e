/// Turns normalised text into the set of its shingle hashes.
///
/// Word shingles hash each word once with XXH3, then hash the window of k word hashes, so a
/// shingle costs one short hash and no string. Character shingles hash each window of k
/// characters in place.
public struct Shingler: Sendable {
    public let kind: ShingleKind
    public let seed: UInt64
    private var tokenHashes: [UInt64] = []

    public init(kind: ShingleKind = .default, seed: UInt64 = 0) {
        self.kind = kind
        self.seed = seed
    }

    /// Replaces `hashes` with the sorted, duplicate-free shingle hashes of `normalized`
    /// (the output of `TextNormalizer`: words separated by single spaces).
    /// A text shorter than one shingle but not empty gives one shingle of all it has.
    public mutating func shingleSet(of normalized: [UInt8], into hashes: inout [UInt64]) {
        hashes.removeAll(keepingCapacity: true)
        switch kind {
        case .words(let size): appendWordShingles(of: normalized, size: size, to: &hashes)
        case .characters(let size): appendCharacterShingles(of: normalized, size: size, to: &hashes)
        }
        hashes.sort()
        hashes.removeAdjacentDuplicates()
    }

    private mutating func appendWordShingles(of text: [UInt8], size: Int, to hashes: inout [UInt64]) {
        tokenHashes.removeAll(keepingCapacity: true)
        let seed = self.seed
        text.withUnsafeBytes { bytes in
            var start = 0
            let count = bytes.count
            while start < count {
                var end = start
                while end < count && bytes[end] != 0x20 { end += 1 }
                if end > start {
                    tokenHashes.append(XXH3.hash(UnsafeRawBufferPointer(rebasing: bytes[start..<end]), seed: seed))
                }
                start = end + 1
            }
        }
        guard !tokenHashes.isEmpty else { return }
        let windows = max(1, tokenHashes.count - size + 1)
        let width = min(size, tokenHashes.count)
        hashes.reserveCapacity(windows)
        tokenHashes.withUnsafeBytes { words in
            for window in 0..<windows {
                let slice = UnsafeRawBufferPointer(rebasing: words[(window * 8)..<((window + width) * 8)])
                hashes.append(XXH3.hash(slice, seed: seed))
            }
        }
    }

    private func appendCharacterShingles(of text: [UInt8], size: Int, to hashes: inout [UInt64]) {
        guard !text.isEmpty else { return }
        // Start offsets of each UTF-8 scalar, so a window never splits a character.
        var starts: [Int] = []
        starts.reserveCapacity(text.count)
        for (offset, byte) in text.enumerated() where byte & 0xC0 != 0x80 { starts.append(offset) }
        let windows = max(1, starts.count - size + 1)
        let seed = self.seed
        text.withUnsafeBytes { bytes in
            for window in 0..<windows {
                let lower = starts[window]
                let upperScalar = window + size
                let upper = upperScalar < starts.count ? starts[upperScalar] : bytes.count
                hashes.append(XXH3.hash(UnsafeRawBufferPointer(rebasing: bytes[lower..<upper]), seed: seed))
            }
        }
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
