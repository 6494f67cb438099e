/// Puts band-key entries in key order, as the store orders keys (signed), keeping entries of
/// one key in the order they came. Keys are hashes, spread evenly: one counting pass scatters
/// the entries into buckets by their top bits, a few entries each, and a stable insertion
/// sort finishes each bucket. Linear in expectation, where a comparison sort of millions of
/// entries took most of the time of writing them.
enum KeyOrder {
    static func sort(_ entries: inout [(key: UInt64, position: Int)]) {
        let count = entries.count
        guard count > 1 else { return }
        // A few dozen entries a bucket at most, and a bucket table that stays in cache.
        let bucketBits = min(18, max(1, Int.bitWidth - count.leadingZeroBitCount - 3))
        let shift = UInt64(64 - bucketBits)
        // The store's order: the sign bit flipped makes signed order unsigned.
        func rank(_ key: UInt64) -> UInt64 { key ^ (1 << 63) }
        var starts = [Int](repeating: 0, count: (1 << bucketBits) + 1)
        for entry in entries { starts[Int(rank(entry.key) >> shift) + 1] += 1 }
        for bucket in 1..<starts.count { starts[bucket] += starts[bucket - 1] }
        var sorted = entries
        var next = starts
        for entry in entries {
            let bucket = Int(rank(entry.key) >> shift)
            sorted[next[bucket]] = entry
            next[bucket] += 1
        }
        for bucket in 0..<(starts.count - 1) where starts[bucket + 1] - starts[bucket] > 1 {
            var index = starts[bucket] + 1
            while index < starts[bucket + 1] {
                let entry = sorted[index]
                var place = index
                while place > starts[bucket] && rank(sorted[place - 1].key) > rank(entry.key) {
                    sorted[place] = sorted[place - 1]
                    place -= 1
                }
                sorted[place] = entry
                index += 1
            }
        }
        entries = sorted
    }
}
