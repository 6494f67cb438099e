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

    /// Exact similarity of two sorted, duplicate-free sets of shingle entries (one merge pass).
    public init(_ first: ArraySlice<UInt32>, _ second: ArraySlice<UInt32>) {
        let (shared, sharedQuoted) = first.withUnsafeBufferPointer { first in
            second.withUnsafeBufferPointer { second in Self.intersection(first, second) }
        }
        self.init(shared: shared, sharedQuoted: sharedQuoted, firstCount: first.count, secondCount: second.count)
    }

    /// Blocks of eight against eight in vector lanes: every element of one block is compared
    /// with every element of the other (eight rotations), then the block with the smaller last
    /// value moves on, so each common shingle is counted exactly once. A branch-free scalar
    /// merge finishes the tails.
    private static func intersection(
        _ first: UnsafeBufferPointer<UInt32>, _ second: UnsafeBufferPointer<UInt32>
    ) -> (shared: Int, sharedQuoted: Int) {
        var sharedLanes = SIMD8<UInt32>()
        var quotedLanes = SIMD8<UInt32>()
        var i = 0
        var j = 0
        if let a = first.baseAddress, let b = second.baseAddress {
            let one = SIMD8<UInt32>(repeating: 1)
            let markBits = SIMD8<UInt32>(repeating: UInt32(ShingleEntry.markBits))
            while i + 8 <= first.count && j + 8 <= second.count {
                let blockA = UnsafeRawPointer(a + i).loadUnaligned(as: SIMD8<UInt32>.self)
                var blockB = UnsafeRawPointer(b + j).loadUnaligned(as: SIMD8<UInt32>.self)
                let identitiesA = blockA &>> markBits
                for _ in 0..<8 {
                    let equal = identitiesA .== (blockB &>> markBits)
                    sharedLanes &+= SIMD8<UInt32>().replacing(with: one, where: equal)
                    quotedLanes &+= SIMD8<UInt32>().replacing(with: blockA & blockB & one, where: equal)
                    blockB = SIMD8(blockB[1], blockB[2], blockB[3], blockB[4], blockB[5], blockB[6], blockB[7], blockB[0])
                }
                let lastA = ShingleEntry.identity(a[i + 7])
                let lastB = ShingleEntry.identity(b[j + 7])
                i &+= lastA <= lastB ? 8 : 0
                j &+= lastB <= lastA ? 8 : 0
            }
        }
        var shared = Int(sharedLanes.wrappedSum())
        var sharedQuoted = Int(quotedLanes.wrappedSum())
        while i < first.count && j < second.count {
            let a = first[i]
            let b = second[j]
            let identityA = ShingleEntry.identity(a)
            let identityB = ShingleEntry.identity(b)
            let equal = identityA == identityB
            shared &+= equal ? 1 : 0
            sharedQuoted &+= equal ? Int(a & b & 1) : 0
            i &+= identityA <= identityB ? 1 : 0
            j &+= identityB <= identityA ? 1 : 0
        }
        return (shared, sharedQuoted)
    }

    /// The plain twin of the merge: safe indices and branches.
    static func intersectionScalar(_ first: ArraySlice<UInt32>, _ second: ArraySlice<UInt32>) -> (shared: Int, sharedQuoted: Int) {
        var shared = 0
        var sharedQuoted = 0
        var i = first.startIndex
        var j = second.startIndex
        while i < first.endIndex && j < second.endIndex {
            let a = ShingleEntry.identity(first[i])
            let b = ShingleEntry.identity(second[j])
            if a == b {
                shared += 1
                if ShingleEntry.isQuoted(first[i]) && ShingleEntry.isQuoted(second[j]) { sharedQuoted += 1 }
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
