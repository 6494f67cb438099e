/// Groups documents joined by verified copy edges, without chaining.
///
/// Union-find alone would join story A and story C when a page B reproduces a passage of
/// each. So each group is checked against its representative: members that share no real
/// text with it are taken out and grouped again among themselves, with the edges they have.
public struct Clusterer {
    /// Picks the member that represents a group (the likely original).
    public var representative: (_ members: [Int]) -> Int
    /// Whether a member shares enough with a representative to stay in its cluster.
    public var supports: (_ member: Int, _ representative: Int) -> Bool

    public init(representative: @escaping ([Int]) -> Int, supports: @escaping (Int, Int) -> Bool) {
        self.representative = representative
        self.supports = supports
    }

    /// Groups of 2+ documents, representative first, then members in input order;
    /// groups ordered by their first member's input position.
    public func clusters(count: Int, edges: [DocumentPair]) -> [[Int]] {
        var found: [[Int]] = []
        for component in components(of: Array(0..<count), edges: edges) where component.count > 1 {
            split(component, edges: edges, into: &found)
        }
        return found.sorted { $0.min()! < $1.min()! }
    }

    private func split(_ members: [Int], edges: [DocumentPair], into found: inout [[Int]]) {
        let representative = representative(members)
        var kept = [representative]
        var rest: [Int] = []
        for member in members where member != representative {
            if supports(member, representative) { kept.append(member) } else { rest.append(member) }
        }
        if kept.count > 1 {
            found.append([representative] + kept.dropFirst().sorted())
        }
        guard rest.count > 1 else { return }
        let inRest = Set(rest)
        let restEdges = edges.filter { inRest.contains($0.first) && inRest.contains($0.second) }
        for component in components(of: rest, edges: restEdges) where component.count > 1 {
            split(component, edges: restEdges, into: &found)
        }
    }

    /// Connected components of `members` (sorted), each sorted, ordered by smallest member.
    private func components(of members: [Int], edges: [DocumentPair]) -> [[Int]] {
        var index: [Int: Int] = [:]
        for (position, member) in members.enumerated() { index[member] = position }
        var sets = UnionFind(count: members.count)
        for edge in edges {
            if let a = index[edge.first], let b = index[edge.second] { sets.union(a, b) }
        }
        var groups: [Int: [Int]] = [:]
        var order: [Int] = []
        for (position, member) in members.enumerated() {
            let root = sets.find(position)
            if groups[root] == nil { order.append(root) }
            groups[root, default: []].append(member)
        }
        return order.map { groups[$0]!.sorted() }
    }
}
