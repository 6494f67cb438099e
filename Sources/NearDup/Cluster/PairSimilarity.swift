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
        let (shared, sharedQuoted) = first.withUnsafeBufferPointer { first in
            second.withUnsafeBufferPointer { second in Self.intersection(first, second) }
        }
        self.init(shared: shared, sharedQuoted: sharedQuoted, firstCount: first.count, secondCount: second.count)
    }

    /// Blocks of four against four in vector lanes: every element of one block is compared
    /// with every element of the other (four rotations), then the block with the smaller last
    /// value moves on, so each common shingle is counted exactly once. A branch-free scalar
    /// merge finishes the tails.
    private static func intersection(
        _ first: UnsafeBufferPointer<UInt64>, _ second: UnsafeBufferPointer<UInt64>
    ) -> (shared: Int, sharedQuoted: Int) {
        var sharedLanes = SIMD4<UInt64>()
        var quotedLanes = SIMD4<UInt64>()
        var i = 0
        var j = 0
        if let a = first.baseAddress, let b = second.baseAddress {
            let one = SIMD4<UInt64>(repeating: 1)
            let markBits = SIMD4<UInt64>(repeating: UInt64(ShingleHash.markBits))
            while i + 4 <= first.count && j + 4 <= second.count {
                let blockA = UnsafeRawPointer(a + i).loadUnaligned(as: SIMD4<UInt64>.self)
                var blockB = UnsafeRawPointer(b + j).loadUnaligned(as: SIMD4<UInt64>.self)
                let identitiesA = blockA &>> markBits
                for _ in 0..<4 {
                    let equal = identitiesA .== (blockB &>> markBits)
                    sharedLanes &+= SIMD4<UInt64>().replacing(with: one, where: equal)
                    quotedLanes &+= SIMD4<UInt64>().replacing(with: blockA & blockB & one, where: equal)
                    blockB = SIMD4(blockB[1], blockB[2], blockB[3], blockB[0])
                }
                let lastA = ShingleHash.identity(a[i + 3])
                let lastB = ShingleHash.identity(b[j + 3])
                i &+= lastA <= lastB ? 4 : 0
                j &+= lastB <= lastA ? 4 : 0
            }
        }
        var shared = Int(sharedLanes.wrappedSum())
        var sharedQuoted = Int(quotedLanes.wrappedSum())
        while i < first.count && j < second.count {
            let a = first[i]
            let b = second[j]
            let identityA = ShingleHash.identity(a)
            let identityB = ShingleHash.identity(b)
            let equal = identityA == identityB
            shared &+= equal ? 1 : 0
            sharedQuoted &+= equal ? Int(a & b & 1) : 0
            i &+= identityA <= identityB ? 1 : 0
            j &+= identityB <= identityA ? 1 : 0
        }
        return (shared, sharedQuoted)
    }

    /// The plain twin of the merge: safe indices and branches.
    static func intersectionScalar(_ first: ArraySlice<UInt64>, _ second: ArraySlice<UInt64>) -> (shared: Int, sharedQuoted: Int) {
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
        return (shared, sharedQuoted)
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
