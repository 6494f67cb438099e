/// How much two shingle sets share, measured exactly.
public struct PairSimilarity: Sendable, Equatable {
    public var shared: Int
    public var firstCount: Int
    public var secondCount: Int

    public init(shared: Int, firstCount: Int, secondCount: Int) {
        self.shared = shared
        self.firstCount = firstCount
        self.secondCount = secondCount
    }

    /// Exact similarity of two sorted, duplicate-free hash sets (one merge pass).
    public init(_ first: ArraySlice<UInt64>, _ second: ArraySlice<UInt64>) {
        var shared = 0
        var i = first.startIndex
        var j = second.startIndex
        while i < first.endIndex && j < second.endIndex {
            let a = first[i]
            let b = second[j]
            if a == b {
                shared += 1
                i += 1
                j += 1
            } else if a < b {
                i += 1
            } else {
                j += 1
            }
        }
        self.init(shared: shared, firstCount: first.count, secondCount: second.count)
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
