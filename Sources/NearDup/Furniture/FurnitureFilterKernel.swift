/// Compacts one document's set in place, leaving out the entries of furniture paragraphs.
///
/// It runs once over every set that has furniture (most pages of a scraped archive), so it
/// reads and writes through unsafe buffers; `compactScalar` is its plain twin, and tests
/// check that both give the same sets.
enum FurnitureFilterKernel {
    /// Moves the kept entries of `range` (and their paragraphs) to its start, in order;
    /// returns how many were kept and how many of those are quoted. `isLeftOut` has one flag
    /// per paragraph number (256).
    static func compact(
        entries: inout [UInt32], paragraphs: inout [UInt8], range: Range<Int>, isLeftOut: [Bool]
    ) -> (kept: Int, quoted: Int) {
        precondition(range.upperBound <= entries.count && entries.count == paragraphs.count && isLeftOut.count == 256)
        return entries.withUnsafeMutableBufferPointer { entries in
            paragraphs.withUnsafeMutableBufferPointer { paragraphs in
                isLeftOut.withUnsafeBufferPointer { isLeftOut in
                    var kept = range.lowerBound
                    var quoted = 0
                    for index in range {
                        let paragraph = paragraphs[index]
                        let entry = entries[index]
                        // Written unconditionally, advanced only when kept: no branch on the flag.
                        entries[kept] = entry
                        paragraphs[kept] = paragraph
                        let keeps = isLeftOut[Int(paragraph)] ? 0 : 1
                        quoted += Int(entry & 1) & keeps
                        kept += keeps
                    }
                    return (kept - range.lowerBound, quoted)
                }
            }
        }
    }

    /// The plain twin of `compact`.
    static func compactScalar(
        entries: inout [UInt32], paragraphs: inout [UInt8], range: Range<Int>, isLeftOut: [Bool]
    ) -> (kept: Int, quoted: Int) {
        var kept = range.lowerBound
        var quoted = 0
        for index in range where !isLeftOut[Int(paragraphs[index])] {
            entries[kept] = entries[index]
            paragraphs[kept] = paragraphs[index]
            if ShingleEntry.isQuoted(entries[kept]) { quoted += 1 }
            kept += 1
        }
        return (kept - range.lowerBound, quoted)
    }
}
