/// Sorts values whose top bits are uniformly spread (hashes, or hashes with a small
/// number in the low bits): one counting pass scatters them into at least n buckets by their
/// top bits, which leaves each value at most a few places from where it belongs, and one
/// insertion pass over the whole array finishes it. Linear in expectation, against n log n
/// comparisons for a general sort, and the finishing pass seldom takes its inner branch,
/// where sorting many buckets of one or two values one by one mispredicts at every bucket.
/// Arrays too long for the bucket table (over 2^18 values), and values crowded into a
/// bucket, sort each bucket on its own; short arrays skip the buckets.
enum UniformHashSort {
    /// Sorts `values` ascending. `scratch` and `counts` are reusable space; counts are 32-bit,
    /// which halves the table that every value's count and scatter touch.
    static func sort(_ values: inout [UInt64], scratch: inout [UInt64], counts: inout [UInt32]) {
        sortSpread(&values, scratch: &scratch, counts: &counts)
    }

    static func sort(_ values: inout [UInt32], scratch: inout [UInt32], counts: inout [UInt32]) {
        sortSpread(&values, scratch: &scratch, counts: &counts)
    }

    @inline(__always)
    private static func sortSpread<Value: FixedWidthInteger & UnsignedInteger>(
        _ values: inout [Value], scratch: inout [Value], counts: inout [UInt32]
    ) {
        let count = values.count
        guard count > 1 else { return }
        precondition(count <= Int(UInt32.max), "more values than 32-bit counts hold")
        if count <= 64 {
            values.withUnsafeMutableBufferPointer { insertionSort($0) }
            return
        }
        let bucketBits = min(18, max(4, Int.bitWidth - (count - 1).leadingZeroBitCount))
        let shift = Value(Value.bitWidth - bucketBits)
        let bucketCount = 1 << bucketBits
        // Scratch space only grows, so it is filled only when it does.
        if scratch.count < count { scratch.append(contentsOf: repeatElement(0, count: count - scratch.count)) }
        if counts.count < bucketCount + 1 { counts.append(contentsOf: repeatElement(0, count: bucketCount + 1 - counts.count)) }
        scratch.withUnsafeMutableBufferPointer { scratch in
            values.withUnsafeBufferPointer { values in scratch.baseAddress!.update(from: values.baseAddress!, count: count) }
        }
        // Read back through an immutable buffer, the copy cannot alias the counts, which
        // halves the instructions of the counting loop.
        scratch.withUnsafeBufferPointer { scratch in
            values.withUnsafeMutableBufferPointer { target in
                counts.withUnsafeMutableBufferPointer { counts in
                    let source = UnsafeBufferPointer(rebasing: scratch[..<count])
                    counts.baseAddress!.update(repeating: 0, count: bucketCount + 1)
                    for value in source { counts[Int(value >> shift) + 1] &+= 1 }
                    var largestBucket: UInt32 = 0
                    for bucket in 0..<bucketCount {
                        largestBucket = max(largestBucket, counts[bucket + 1])
                        counts[bucket + 1] &+= counts[bucket]
                    }
                    // counts[b] is the start of bucket b; after the scatter, its end.
                    for value in source {
                        let bucket = Int(value >> shift)
                        target[Int(counts[bucket])] = value
                        counts[bucket] &+= 1
                    }
                    // Values that are not spread (a crowded bucket) would make one pass quadratic.
                    if count <= bucketCount && largestBucket <= 64 {
                        insertionSort(target)
                        return
                    }
                    var start = 0
                    for bucket in 0..<bucketCount {
                        let end = Int(counts[bucket])
                        var bucket = UnsafeMutableBufferPointer(rebasing: target[start..<end])
                        // A crowded bucket means repeated values, not a few: sort it in n log n.
                        if bucket.count > 64 { bucket.sort() } else { insertionSort(bucket) }
                        start = end
                    }
                }
            }
        }
    }

    @inline(__always)
    private static func insertionSort<Value: FixedWidthInteger>(_ values: UnsafeMutableBufferPointer<Value>) {
        guard values.count > 1 else { return }
        for index in 1..<values.count {
            let value = values[index]
            var position = index
            while position > 0 && values[position - 1] > value {
                values[position] = values[position - 1]
                position -= 1
            }
            values[position] = value
        }
    }

    /// The plain twin: the standard library's sort.
    static func sortScalar<Value: FixedWidthInteger>(_ values: inout [Value]) {
        values.sort()
    }
}
