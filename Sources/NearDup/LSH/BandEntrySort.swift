/// Sorts band entries by key, keeping input order among equal keys: a least-significant-digit
/// radix sort, four passes of 16 bits. Entries are appended document by document, so equal
/// keys stay in document order. Linear in the entry count, which matters at tens of millions
/// of entries, where a comparison sort spends most of the candidate stage.
enum BandEntrySort {
    static func sort(_ entries: inout [BandEntry]) {
        guard entries.count > 1 else { return }
        if entries.count < 4_096 {
            entries.sort()
            return
        }
        var source = entries
        var target = entries
        var counts = [Int](repeating: 0, count: 1 << 16)
        for pass in 0..<4 {
            let shift = UInt64(pass * 16)
            for index in counts.indices { counts[index] = 0 }
            for entry in source { counts[Int((entry.key >> shift) & 0xFFFF)] += 1 }
            // Skip a pass whose digit is the same for every entry.
            if counts.contains(source.count) { continue }
            var total = 0
            for index in counts.indices {
                let count = counts[index]
                counts[index] = total
                total += count
            }
            for entry in source {
                let digit = Int((entry.key >> shift) & 0xFFFF)
                target[counts[digit]] = entry
                counts[digit] += 1
            }
            swap(&source, &target)
        }
        entries = source
    }
}
