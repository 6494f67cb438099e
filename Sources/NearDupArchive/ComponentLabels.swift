import GRDB
import NearDup

/// Each document's component of copy edges is named by its smallest position, kept in
/// `documents.component` (format 4). An add finds the whole components that its new edges
/// join by their labels, through one index, instead of walking their edges out from the
/// documents it touched: at a million documents that walk read 100,000 documents' edges
/// for 10,000 new ones.
enum ComponentLabels {
    /// The label of every position that `edges` join to another.
    static func labels(joinedBy edges: some Sequence<(Int, Int)>) -> [Int: Int] {
        var place: [Int: Int] = [:]
        var ends: [(Int, Int)] = []
        func placed(_ position: Int) -> Int {
            if let found = place[position] { return found }
            place[position] = place.count
            return place.count - 1
        }
        for (first, second) in edges { ends.append((placed(first), placed(second))) }
        var sets = UnionFind(count: place.count)
        for (first, second) in ends { sets.union(first, second) }
        var smallest: [Int: Int] = [:]
        for (position, index) in place {
            let root = sets.find(index)
            smallest[root] = min(smallest[root] ?? position, position)
        }
        var labels: [Int: Int] = [:]
        for (position, index) in place { labels[position] = smallest[sets.find(index)] }
        return labels
    }
}

extension IndexTables {
    /// What settling a cluster asks of a member, read without its sketch.
    struct MemberFacts {
        var representative: Int
        var similarity: Double
        var date: PublicationDate?
        /// Its component's label.
        var component: Int
    }

    /// The facts of each of `positions` in the index.
    func memberFacts(of positions: [Int]) throws -> [Int: MemberFacts] {
        var found: [Int: MemberFacts] = [:]
        for batch in Self.batches(of: positions) {
            try forEachRow("""
                SELECT position, representative, date_seconds, date_nanoseconds, component, similarity FROM documents
                WHERE position IN (\(Self.placeholders(batch.count)))
                """, arguments: batch) { row in found[row.int(0)] = Self.memberFacts(row) }
        }
        return found
    }

    /// Every member of the components with these labels, with its facts.
    func members(ofComponents labels: [Int]) throws -> [Int: MemberFacts] {
        var found: [Int: MemberFacts] = [:]
        for batch in Self.batches(of: labels) {
            try forEachRow("""
                SELECT position, representative, date_seconds, date_nanoseconds, component, similarity FROM documents
                WHERE component IN (\(Self.placeholders(batch.count)))
                """, arguments: batch) { row in found[row.int(0)] = Self.memberFacts(row) }
        }
        return found
    }

    private static func memberFacts(_ row: RawRow) -> MemberFacts {
        let date = row.optionalInt(2).map { PublicationDate(secondsSince1970: Int64($0), nanoseconds: Int32(row.optionalInt(3) ?? 0)) }
        return MemberFacts(representative: row.int(1), similarity: row.double(5), date: date, component: row.int(4))
    }

    /// Names every member of the component `old` by `label`.
    func relabel(component old: Int, as label: Int) throws {
        try db.cachedStatement(sql: "UPDATE documents SET component = ? WHERE component = ?").execute(arguments: [label, old])
    }

    /// Names `positions` by `label`.
    func setComponent(_ label: Int, of positions: [Int]) throws {
        for batch in Self.batches(of: positions) {
            try db.cachedStatement(sql: """
                UPDATE documents SET component = ? WHERE position IN (\(Self.placeholders(batch.count))) AND component != ?
                """).execute(arguments: StatementArguments([label] + batch + [label]))
        }
    }

    /// Labels every document by the copy edges in the store (an index moved from format 3).
    func labelComponents() throws {
        var edges: [(Int, Int)] = []
        try forEachRow("SELECT first, second FROM edges WHERE bundle IS NULL", arguments: []) { edges.append(($0.int(0), $0.int(1))) }
        try db.execute(sql: "UPDATE documents SET component = position")
        let statement = try db.cachedStatement(sql: "UPDATE documents SET component = ? WHERE position = ?")
        for (position, label) in ComponentLabels.labels(joinedBy: edges) where label != position {
            try statement.execute(arguments: [label, position])
        }
    }

    /// The documents whose label is not their component's smallest position.
    func mislabelledDocuments() throws -> [Int] {
        var edges: [(Int, Int)] = []
        try forEachRow("SELECT first, second FROM edges WHERE bundle IS NULL", arguments: []) { edges.append(($0.int(0), $0.int(1))) }
        let labels = ComponentLabels.labels(joinedBy: edges)
        var wrong: [Int] = []
        try forEachRow("SELECT position, component FROM documents ORDER BY position", arguments: []) { row in
            let position = row.int(0)
            if row.int(1) != labels[position] ?? position { wrong.append(position) }
        }
        return wrong
    }
}
