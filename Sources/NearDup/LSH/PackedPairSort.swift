/// Sorts candidate pairs packed in 64-bit values (`first << 32 | second`) by their digits,
/// least significant first, where a comparison sort spends log n comparisons on each value:
/// at a million documents, the band search sorts tens of millions of pairs.
///
/// One pass counts every digit of every value; a digit that all values share needs no pass
/// (the bits between a pair's two numbers are zero), so packed pairs of up to 2^20 documents
/// take four or five passes. Each pass scatters stably into the other buffer, so the order
/// of the previous digits holds within each value of the current one.
enum PackedPairSort {
    static let digitBits = 11
    private static let digitCount = 1 << digitBits
    /// Below this, the counting passes cost more than they save.
    static let smallest = 512

    /// Sorts `values` ascending; `scratch` is reusable space.
    static func sort(_ values: inout [UInt64], scratch: inout [UInt64]) {
        let count = values.count
        guard count >= smallest else {
            values.sort()
            return
        }
        // Grown only, so reuse costs no fill.
        if scratch.count < count { scratch.append(contentsOf: repeatElement(0, count: count - scratch.count)) }
        let digits = (UInt64.bitWidth + digitBits - 1) / digitBits
        var counts = [Int](repeating: 0, count: digits * digitCount)
        let mask = UInt64(digitCount - 1)
        values.withUnsafeBufferPointer { values in
            counts.withUnsafeMutableBufferPointer { counts in
                for value in values {
                    for digit in 0..<digits {
                        counts[digit * digitCount + Int(value >> UInt64(digit * digitBits) & mask)] += 1
                    }
                }
            }
        }
        var sortedIsInValues = true
        for digit in 0..<digits {
            let histogram = digit * digitCount..<(digit + 1) * digitCount
            // Every value has the same digit here: nothing to move.
            if counts[histogram].contains(count) { continue }
            var start = 0
            for index in histogram {
                let size = counts[index]
                counts[index] = start
                start += size
            }
            let shift = UInt64(digit * digitBits)
            let offset = histogram.lowerBound
            if sortedIsInValues {
                scatter(count, from: values, into: &scratch, shift: shift, mask: mask, starts: &counts, offset: offset)
            } else {
                scatter(count, from: scratch, into: &values, shift: shift, mask: mask, starts: &counts, offset: offset)
            }
            sortedIsInValues.toggle()
        }
        if !sortedIsInValues {
            values.withUnsafeMutableBufferPointer { values in
                scratch.withUnsafeBufferPointer { scratch in values.baseAddress!.update(from: scratch.baseAddress!, count: count) }
            }
        }
    }

    /// Moves each of the first `count` values to the next free place of its digit's bucket.
    private static func scatter(
        _ count: Int, from source: [UInt64], into target: inout [UInt64], shift: UInt64, mask: UInt64,
        starts: inout [Int], offset: Int
    ) {
        source.withUnsafeBufferPointer { source in
            target.withUnsafeMutableBufferPointer { target in
                starts.withUnsafeMutableBufferPointer { starts in
                    for value in source[..<count] {
                        let bucket = offset + Int(value >> shift & mask)
                        target[starts[bucket]] = value
                        starts[bucket] += 1
                    }
                }
            }
        }
    }

    /// The plain twin: the standard library's sort.
    static func sortScalar(_ values: inout [UInt64]) {
        values.sort()
    }
}
