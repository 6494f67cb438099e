/// How much two shingle sets share, measured exactly.
public struct PairSimilarity: Sendable, Equatable {
    public var shared: Int
    /// Shared shingles that both documents quote: what independent stories of one event share.
    public var sharedQuoted: Int
    public var firstCount: Int
    public var secondCount: Int

    public init(shared: Int, sharedQuoted: Int = 0, firstCount: Int, secondCount: Int) {
        self.shared = shared
        self.sharedQuoted = sharedQuoted
        self.firstCount = firstCount
        self.secondCount = secondCount
    }

    /// Exact similarity of two sorted, duplicate-free shingle sets (one merge pass).
    public init(_ first: ArraySlice<UInt64>, _ second: ArraySlice<UInt64>) {
        var shared = 0
        var sharedQuoted = 0
        var i = first.startIndex
        var j = second.startIndex
        while i < first.endIndex && j < second.endIndex {
            let a = ShingleHash.identity(first[i])
            let b = ShingleHash.identity(second[j])
            if a == b {
                shared += 1
                if ShingleHash.isQuoted(first[i]) && ShingleHash.isQuoted(second[j]) { sharedQuoted += 1 }
                i += 1
                j += 1
            } else if a < b {
                i += 1
            } else {
                j += 1
            }
        }
        self.init(shared: shared, sharedQuoted: sharedQuoted, firstCount: first.count, secondCount: second.count)
    }

    /// |A ∩ B| / |A ∪ B|.
    public var jaccard: Double {
        let union = firstCount + secondCount - shared
        return union == 0 ? 0 : Double(shared) / Double(union)
    }

    /// |A ∩ B| / |A|: how much of the first is found in the second.
    public var containmentOfFirst: Double { firstCount == 0 ? 0 : Double(shared) / Double(firstCount) }
    /// |A ∩ B| / |B|.
    public var containmentOfSecond: Double { secondCount == 0 ? 0 : Double(shared) / Double(secondCount) }

    /// Containment of the smaller set in the larger (overlap coefficient): 1 for an excerpt
    /// that copies nothing but the other's text, whatever its length.
    public var overlap: Double { max(containmentOfFirst, containmentOfSecond) }
}
