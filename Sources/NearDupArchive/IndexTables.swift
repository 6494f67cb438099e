import Foundation
import GRDB
import NearDup

/// Row-level reads and writes of the index's tables, inside a command's transaction.
struct IndexTables {
    let db: Database

    // MARK: Documents

    /// A document's row: what a command reads of it without its sketch.
    struct DocumentRow {
        var position: Int
        var id: String
        var textHash: UInt64
        var facts: DocumentFacts
        var page: PageReading?
        var hasFingerprints: Bool
        var keptEntries: Int
        var furniture: [UInt8] = []
        var representative: Int
        var similarity = 1.0
        /// Its component's label (`ComponentLabels`).
        var component: Int

        /// A new document: a cluster of its own, with no furniture.
        init(_ sketched: SketchEngine.Sketched, id: String, textHash: UInt64, position: Int) {
            self.position = position
            self.id = id
            self.textHash = textHash
            facts = sketched.facts
            page = sketched.page
            hasFingerprints = !sketched.sketch.fingerprints.isEmpty
            keptEntries = sketched.sketch.entries.count
            representative = position
            component = position
        }
    }

    /// A new document's rows: it starts as a cluster of its own, with no furniture.
    func insert(_ sketched: SketchEngine.Sketched, id: String, textHash: UInt64, position: Int) throws {
        try insertDocuments([DocumentRow(sketched, id: id, textHash: textHash, position: position)])
        try insertSketches([EncodedSketch(position: position, sketch: sketched.sketch)])
    }

    /// The position and text hash of the document with this id.
    func document(id: String) throws -> (position: Int, textHash: UInt64)? {
        guard let row = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT position, text_hash FROM documents WHERE id = ?"), arguments: [id])
        else { return nil }
        return (row[0], UInt64(bitPattern: row[1] as Int64))
    }

    /// Positions looked up a statement's worth at a time: one statement per document cost
    /// more in starting and ending statements than in the lookups.
    static func batches(of positions: [Int]) -> [ArraySlice<Int>] {
        stride(from: 0, to: positions.count, by: rowsPerStatement).map { positions[$0..<min(positions.count, $0 + rowsPerStatement)] }
    }

    /// "?, ?, ..." for `count` values.
    static func placeholders(_ count: Int) -> String {
        Array(repeating: "?", count: count).joined(separator: ", ")
    }

    /// The documents of `source` that have fingerprints, with empty sets (the furniture
    /// search reads fingerprints and signatures alone), in position order.
    func pagesWithFingerprints(source: UInt32) throws -> [IndexedDocument] {
        var rows = SketchRows()
        try forEachRow("""
            SELECT \(SketchRows.columns(withSets: false))
            FROM documents d JOIN sketches s ON s.position = d.position
            WHERE d.source = ? AND d.has_fingerprints ORDER BY d.position
            """, arguments: [Int(source)]) { rows.append($0) }
        return try rows.decoded()
    }

    /// Records the paragraphs found to be furniture, and the entries left without them.
    func setFurniture(_ furniture: [UInt8], keptEntries: Int, of position: Int) throws {
        try db.cachedStatement(sql: "UPDATE documents SET furniture = ?, kept_entries = ? WHERE position = ?")
            .execute(arguments: [furniture.isEmpty ? nil : Data(furniture), keptEntries, position])
    }

    func keptEntries(of position: Int) throws -> Int {
        try Int.fetchOne(db.cachedStatement(sql: "SELECT kept_entries FROM documents WHERE position = ?"), arguments: [position]) ?? 0
    }

    func setCluster(of position: Int, representative: Int, similarity: Double) throws {
        try db.cachedStatement(sql: "UPDATE documents SET representative = ?, similarity = ? WHERE position = ?")
            .execute(arguments: [representative, similarity, position])
    }

    /// Deletes the document's rows, band keys and edges.
    func delete(_ position: Int, keys: [UInt64]) throws {
        try deletePostings(of: position, keys: keys)
        try db.cachedStatement(sql: "DELETE FROM edges WHERE first = ? OR second = ?").execute(arguments: [position, position])
        try db.cachedStatement(sql: "DELETE FROM sketches WHERE position = ?").execute(arguments: [position])
        try db.cachedStatement(sql: "DELETE FROM documents WHERE position = ?").execute(arguments: [position])
    }

    // MARK: Edges

    /// The copy edges (no bundle relations) that touch any of `positions`, as pairs (an edge
    /// between two of them may come twice).
    func copyEdges(of positions: [Int]) throws -> [(pair: (Int, Int), overlap: Double)] {
        var found: [(pair: (Int, Int), overlap: Double)] = []
        for batch in Self.batches(of: positions) {
            let places = Self.placeholders(batch.count)
            try forEachRow("""
                SELECT first, second, overlap FROM edges WHERE first IN (\(places)) AND bundle IS NULL
                UNION ALL SELECT first, second, overlap FROM edges WHERE second IN (\(places)) AND bundle IS NULL
                """, arguments: batch + batch) { row in
                found.append(((row.int(0), row.int(1)), row.double(2)))
            }
        }
        return found
    }

    /// Both ends of every edge (copy or bundle relation) that touches `position`.
    func edgeEnds(of position: Int) throws -> [(Int, Int)] {
        let rows = try Row.fetchAll(
            db.cachedStatement(sql: "SELECT first, second FROM edges WHERE first = ? UNION ALL SELECT first, second FROM edges WHERE second = ?"),
            arguments: [position, position])
        return rows.map { ($0[0], $0[1]) }
    }

    func deleteEdge(_ first: Int, _ second: Int) throws {
        try db.cachedStatement(sql: "DELETE FROM edges WHERE first = ? AND second = ?").execute(arguments: [first, second])
    }

    func insertEdge(_ first: Int, _ second: Int, outcome: SketchEngine.PairOutcome) throws {
        let statement = try db.cachedStatement(sql: "INSERT OR REPLACE INTO edges (first, second, overlap, bundle) VALUES (?, ?, ?, ?)")
        switch outcome {
        case .copy(let overlap): try statement.execute(arguments: [first, second, overlap, nil])
        case .bundleHolds(let bundle, let containment): try statement.execute(arguments: [first, second, containment, bundle])
        }
    }

    // MARK: Meta

    func meta(_ name: String) throws -> String? {
        try String.fetchOne(db.cachedStatement(sql: "SELECT value FROM meta WHERE name = ?"), arguments: [name])
    }

    func setMeta(_ name: String, _ value: String) throws {
        try db.cachedStatement(sql: "INSERT OR REPLACE INTO meta (name, value) VALUES (?, ?)").execute(arguments: [name, value])
    }
}
