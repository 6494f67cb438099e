/// Candidate pairs cut into groups that are verified and clustered one at a time, so only
/// one group's shingle sets are in memory at once.
///
/// A group is made of whole connected components of the candidate graph: a cluster never
/// reaches outside its component, so each group is resolved on its own. Components are
/// taken in order of their first document and packed until a group holds `shingleBudget`
/// shingles; a component larger than that is a group by itself. The cut depends only on
/// the data, never on the thread count.
struct CandidateGroups {
    struct Group: Sendable {
        /// Input positions of the group's documents, in increasing order.
        var documents: [Int]
        /// The candidate pairs among them, sorted.
        var pairs: [DocumentPair]
    }

    private(set) var groups: [Group] = []

    init(pairs: [DocumentPair], count: Int, shingleBudget: Int, shingleCount: (Int) -> Int) {
        guard !pairs.isEmpty else { return }
        var components = UnionFind(count: count)
        var paired = [Bool](repeating: false, count: count)
        for pair in pairs {
            components.union(pair.first, pair.second)
            paired[pair.first] = true
            paired[pair.second] = true
        }
        // Number the components by first document, and give each its group as it comes.
        let none = Int32(-1)
        var groupOfRoot = [Int32](repeating: none, count: count)
        var groupOfDocument = [Int32](repeating: none, count: count)
        var componentShingles = [Int](repeating: 0, count: count)
        for document in 0..<count where paired[document] {
            componentShingles[components.find(document)] += shingleCount(document)
        }
        var groupShingles = 0
        for document in 0..<count where paired[document] {
            let root = components.find(document)
            if groupOfRoot[root] == none {
                let size = componentShingles[root]
                if groups.isEmpty || groupShingles > 0 && groupShingles + size > shingleBudget {
                    groups.append(Group(documents: [], pairs: []))
                    groupShingles = 0
                }
                groupShingles += size
                groupOfRoot[root] = Int32(groups.count - 1)
            }
            let group = Int(groupOfRoot[root])
            groupOfDocument[document] = Int32(group)
            groups[group].documents.append(document)
        }
        for pair in pairs { groups[Int(groupOfDocument[pair.first])].pairs.append(pair) }
    }
}
