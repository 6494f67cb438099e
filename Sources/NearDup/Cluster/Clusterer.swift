/// Groups documents joined by verified copy edges, without chaining.
///
/// Union-find alone would join story A and story C when a page B reproduces a passage of
/// each. So each group is checked against its representative: members that share no real
/// text with it are taken out and grouped again among themselves, with the edges they have.
package struct Clusterer: Sendable {
    /// Picks the member that represents a group (the likely original).
    package var representative: @Sendable (_ members: [Int]) -> Int
    /// Whether a member shares enough with a representative to stay in its cluster (asked only
    /// when no copy edge joins them: an edge is support already).
    package var supports: @Sendable (_ member: Int, _ representative: Int) -> Bool
    /// Whether two documents are copies: asked only of `unchecked` pairs, and only once the
    /// members they join are split off from their representative.
    package var isCopy: @Sendable (_ first: Int, _ second: Int) -> Bool

    package init(
        representative: @escaping @Sendable ([Int]) -> Int, supports: @escaping @Sendable (Int, Int) -> Bool,
        isCopy: @escaping @Sendable (Int, Int) -> Bool = { _, _ in false }
    ) {
        self.representative = representative
        self.supports = supports
        self.isCopy = isCopy
    }

    /// Groups of 2+ documents, representative first, then members in input order;
    /// groups ordered by their first member's input position. Components are independent,
    /// so they are split on up to `threads` threads; the result is the same for any count.
    ///
    /// `unchecked`: pairs inside components of `edges` that verification did not compare,
    /// since they could not change a component. When members are split off, the pairs among
    /// them are checked (`isCopy`), so they group as they would had every pair been compared.
    package func clusters(count: Int, edges: [DocumentPair], unchecked: [DocumentPair] = [], threads: Int = 1) -> [[Int]] {
        var sets = UnionFind(count: count)
        for edge in edges { sets.union(edge.first, edge.second) }
        // Each component is split with its own edges only, so the work stays local to it.
        var membersOfRoot: [Int: [Int]] = [:]
        for document in 0..<count { membersOfRoot[sets.find(document), default: []].append(document) }
        var edgesOfRoot: [Int: [DocumentPair]] = [:]
        for edge in edges { edgesOfRoot[sets.find(edge.first), default: []].append(edge) }
        var uncheckedOfRoot: [Int: [DocumentPair]] = [:]
        for pair in unchecked {
            let root = sets.find(pair.first)
            precondition(root == sets.find(pair.second), "an unchecked pair lies inside one component")
            uncheckedOfRoot[root, default: []].append(pair)
        }
        let components = membersOfRoot.filter { $0.value.count > 1 }.map {
            (members: $0.value, edges: edgesOfRoot[$0.key] ?? [], unchecked: uncheckedOfRoot[$0.key] ?? [])
        }
        let found = ParallelChunks(count: components.count, chunkSize: 16, threads: threads).map { range in
            var found: [[Int]] = []
            for component in components[range] {
                split(component.members, edges: component.edges, unchecked: component.unchecked, into: &found)
            }
            return found
        }.flatMap { $0 }
        return found.sorted { $0.min()! < $1.min()! }
    }

    private func split(_ members: [Int], edges: [DocumentPair], unchecked: [DocumentPair], into found: inout [[Int]]) {
        let representative = representative(members)
        // A verified copy edge to the representative is support enough; others are asked.
        var linked = Set<Int>()
        for edge in edges where edge.first == representative || edge.second == representative {
            linked.insert(edge.first == representative ? edge.second : edge.first)
        }
        var kept = [representative]
        var rest: [Int] = []
        for member in members where member != representative {
            if linked.contains(member) || supports(member, representative) { kept.append(member) } else { rest.append(member) }
        }
        if kept.count > 1 {
            found.append([representative] + kept.dropFirst().sorted())
        }
        guard rest.count > 1 else { return }
        let inRest = Set(rest)
        let restEdges = edges.filter { inRest.contains($0.first) && inRest.contains($0.second) }
            + unchecked.filter { inRest.contains($0.first) && inRest.contains($0.second) && isCopy($0.first, $0.second) }
        for component in components(of: rest, edges: restEdges) where component.count > 1 {
            split(component, edges: restEdges, unchecked: [], into: &found)
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
