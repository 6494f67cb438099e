import GRDB
import NearDup

/// Each document's component of copy edges is named by its smallest position, kept in
/// `documents.component` (format 4). An add finds the whole components that its new edges
/// join by their labels, through one index, instead of walking their edges out from the
/// documents it touched: at a million documents that walk read 100,000 documents' edges
/// for 10,000 new ones.
enum ComponentLabels {
    /// The label of each position below `count`, given the copy edges among them (an edge
    /// that names a position outside is left out).
    static func labels(count: Int, joinedBy edges: some Sequence<(Int, Int)>) -> [Int] {
        var sets = UnionFind(count: count)
        for (first, second) in edges where 0 <= first && first < count && 0 <= second && second < count {
            sets.union(first, second)
        }
        // Positions rise, so the first one met of each component is its smallest.
        var labelOfRoot = [Int](repeating: -1, count: count)
        var labels = [Int](repeating: 0, count: count)
        for position in 0..<count {
            let root = sets.find(position)
            if labelOfRoot[root] < 0 { labelOfRoot[root] = position }
            labels[position] = labelOfRoot[root]
        }
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
        try memberFacts(where: "position", in: positions)
    }

    /// Every member of the components with these labels, with its facts.
    func members(ofComponents labels: [Int]) throws -> [Int: MemberFacts] {
        try memberFacts(where: "component", in: labels)
    }

    private func memberFacts(where column: String, in values: [Int]) throws -> [Int: MemberFacts] {
        var found: [Int: MemberFacts] = [:]
        for batch in Self.batches(of: values) {
            try forEachRow("""
                SELECT position, representative, date_seconds, date_nanoseconds, component, similarity FROM documents
                WHERE \(column) IN (\(Self.placeholders(batch.count)))
                """, arguments: batch) { row in found[row.int(0)] = Self.memberFacts(row) }
        }
        return found
    }

    private static func memberFacts(_ row: RawRow) -> MemberFacts {
        MemberFacts(representative: row.int(1), similarity: row.double(5), date: row.date(seconds: 2, nanoseconds: 3), component: row.int(4))
    }

    /// Names every member of the component `old` by `label`.
    func relabel(component old: Int, as label: Int) throws {
        try db.cachedStatement(sql: "UPDATE documents SET component = ? WHERE component = ?").execute(arguments: [label, old])
    }

    /// Names each position by its label, many to a statement.
    func setComponents(_ labels: [(position: Int, label: Int)]) throws {
        for start in stride(from: 0, to: labels.count, by: Self.rowsPerStatement) {
            let batch = labels[start..<min(labels.count, start + Self.rowsPerStatement)]
            try db.cachedStatement(sql: """
                UPDATE documents SET component = v.column2 FROM (VALUES \(Array(repeating: "(?, ?)", count: batch.count).joined(separator: ", "))) AS v
                WHERE documents.position = v.column1
                """).execute(arguments: StatementArguments(batch.flatMap { [$0.position, $0.label] }))
        }
    }

    /// Names `positions` by `label`.
    func setComponent(_ label: Int, of positions: [Int]) throws {
        for batch in Self.batches(of: positions) {
            try db.cachedStatement(sql: """
                UPDATE documents SET component = ? WHERE position IN (\(Self.placeholders(batch.count))) AND component != ?
                """).execute(arguments: StatementArguments([label] + batch + [label]))
        }
    }

    /// The label of each position in the store, from its copy edges.
    private func labelsFromEdges() throws -> [Int] {
        let count = (try Int.fetchOne(db, sql: "SELECT max(position) FROM documents") ?? -1) + 1
        var edges: [(Int, Int)] = []
        try forEachRow("SELECT first, second FROM edges WHERE bundle IS NULL", arguments: []) { edges.append(($0.int(0), $0.int(1))) }
        return ComponentLabels.labels(count: count, joinedBy: edges)
    }

    /// Labels every document by the copy edges in the store (an index moved from format 3).
    func labelComponents() throws {
        let labels = try labelsFromEdges()
        try db.execute(sql: "UPDATE documents SET component = position")
        try setComponents(labels.enumerated().filter { $0.element != $0.offset }.map { ($0.offset, $0.element) })
    }

    /// The documents whose label is not their component's smallest position.
    func mislabelledDocuments() throws -> [Int] {
        let labels = try labelsFromEdges()
        var wrong: [Int] = []
        try forEachRow("SELECT position, component FROM documents ORDER BY position", arguments: []) { row in
            if row.int(1) != labels[row.int(0)] { wrong.append(row.int(0)) }
        }
        return wrong
    }
}
