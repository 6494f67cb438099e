/// Puts band-key entries in key order, as the store orders keys (signed), keeping entries of
/// one key in the order they came. Keys are hashes, spread evenly over the range they span:
/// one counting pass scatters the entries into buckets of that range, a few entries each,
/// and a stable insertion sort finishes each bucket. Linear in expectation, where a comparison sort of millions of
/// entries took most of the time of writing them.
enum KeyOrder {
    static func sort(_ entries: inout [(key: UInt64, position: Int)]) {
        let count = entries.count
        guard count > 1 else { return }
        // The store's order: the sign bit flipped makes signed order unsigned.
        func rank(_ key: UInt64) -> UInt64 { key ^ (1 << 63) }
        // Buckets split the range the keys span (a slice of all keys, when they come a slice
        // at a time): a few dozen entries a bucket at most, and a table that stays in cache.
        var (lowest, highest) = (UInt64.max, UInt64.min)
        for entry in entries {
            lowest = min(lowest, rank(entry.key))
            highest = max(highest, rank(entry.key))
        }
        let bucketBits = min(18, max(1, Int.bitWidth - count.leadingZeroBitCount - 3))
        let spanBits = UInt64.bitWidth - (highest - lowest).leadingZeroBitCount
        let shift = UInt64(max(0, spanBits - bucketBits))
        func bucket(_ key: UInt64) -> Int { Int((rank(key) - lowest) >> shift) }
        var starts = [Int](repeating: 0, count: (1 << bucketBits) + 1)
        for entry in entries { starts[bucket(entry.key) + 1] += 1 }
        for index in 1..<starts.count { starts[index] += starts[index - 1] }
        var sorted = entries
        var next = starts
        for entry in entries {
            let place = bucket(entry.key)
            sorted[next[place]] = entry
            next[place] += 1
        }
        for slot in 0..<(starts.count - 1) where starts[slot + 1] - starts[slot] > 1 {
            var index = starts[slot] + 1
            while index < starts[slot + 1] {
                let entry = sorted[index]
                var place = index
                while place > starts[slot] && rank(sorted[place - 1].key) > rank(entry.key) {
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
