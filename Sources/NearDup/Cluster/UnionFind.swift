/// Disjoint sets over 0..<count with path halving and union by size.
package struct UnionFind: Sendable {
    private var parent: [Int32]
    private var size: [Int32]

    package init(count: Int) {
        parent = (0..<count).map { Int32($0) }
        size = [Int32](repeating: 1, count: count)
    }

    package mutating func find(_ element: Int) -> Int {
        var node = Int32(element)
        while parent[Int(node)] != node {
            let grandparent = parent[Int(parent[Int(node)])]
            parent[Int(node)] = grandparent
            node = grandparent
        }
        return Int(node)
    }

    @discardableResult
    package mutating func union(_ a: Int, _ b: Int) -> Bool {
        var rootA = find(a)
        var rootB = find(b)
        if rootA == rootB { return false }
        if size[rootA] < size[rootB] { swap(&rootA, &rootB) }
        parent[rootB] = Int32(rootA)
        size[rootA] += size[rootB]
        return true
    }
}
