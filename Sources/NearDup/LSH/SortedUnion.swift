extension Array where Element: Comparable {
    /// The union of two sorted, duplicate-free arrays, sorted and duplicate-free: one linear
    /// merge, where appending and sorting again costs a sort of both on one thread.
    func sortedUnion(with other: [Element]) -> [Element] {
        var union: [Element] = []
        union.reserveCapacity(count + other.count)
        var (i, j) = (startIndex, other.startIndex)
        while i < endIndex && j < other.endIndex {
            let (a, b) = (self[i], other[j])
            union.append(a < b ? a : b)
            if a <= b { i += 1 }
            if b <= a { j += 1 }
        }
        union.append(contentsOf: self[i...])
        union.append(contentsOf: other[j...])
        return union
    }
}
