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
        try insertSketches([(position, sketched.sketch)])
    }

    /// The position and text hash of the document with this id.
    func document(id: String) throws -> (position: Int, textHash: UInt64)? {
        guard let row = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT position, text_hash FROM documents WHERE id = ?"), arguments: [id])
        else { return nil }
        return (row[0], UInt64(bitPattern: row[1] as Int64))
    }

    /// The documents at `positions` that are in the index, whole, in position order.
    func documents(_ positions: some Sequence<Int>) throws -> [IndexedDocument] {
        var found: [IndexedDocument] = []
        for batch in Self.batches(of: Set(positions).sorted()) {
            try forEachRow("""
                SELECT d.position, d.source, d.date_seconds, d.date_nanoseconds, d.text_bytes, d.furniture,
                    s.filled_bins, s.flags, s.signature, s.lead_signature, s.fingerprints, s.entries, s.paragraphs
                FROM documents d JOIN sketches s ON s.position = d.position
                WHERE d.position IN (\(Self.placeholders(batch.count))) ORDER BY d.position
                """, arguments: batch) { found.append(try Self.document($0)) }
        }
        return found
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
        var found: [IndexedDocument] = []
        try forEachRow("""
            SELECT d.position, d.source, d.date_seconds, d.date_nanoseconds, d.text_bytes, d.furniture,
                s.filled_bins, s.flags, s.signature, s.lead_signature, s.fingerprints, x'00' AS entries, x'0000' AS paragraphs
            FROM documents d JOIN sketches s ON s.position = d.position
            WHERE d.source = ? AND d.has_fingerprints ORDER BY d.position
            """, arguments: [Int(source)]) { found.append(try Self.document($0)) }
        return found
    }

    private static func document(_ row: RawRow) throws -> IndexedDocument {
        let position = row.int(0)
        let flags = row.int(7)
        let sketch: StoredSketch
        do {
            sketch = StoredSketch(
                signature: row.withBytes(8) { SketchCoding.values($0) }, leadSignature: row.withBytes(9) { SketchCoding.values($0) },
                entries: try row.withBytes(11) { try CompactCoding.sortedSet($0) }, paragraphs: try row.withBytes(12) { try CompactCoding.packed($0) },
                fingerprints: row.withBytes(10) { SketchCoding.fingerprints($0) }, filledBins: row.int(6),
                isBundle: flags & 1 != 0, isAwayFromHeadline: flags & 2 != 0)
        } catch {
            throw IndexError.store(path: IndexSchema.fileName, message: "the sketch of the document at position \(position) does not decode (`neardup index check` lists what is wrong)")
        }
        let facts = DocumentFacts(
            date: row.optionalInt(2).map { PublicationDate(secondsSince1970: Int64($0), nanoseconds: Int32(row.optionalInt(3) ?? 0)) },
            textBytes: row.int(4), source: row.optionalInt(1).map { UInt32(truncatingIfNeeded: $0) })
        return IndexedDocument(position: position, sketch: sketch, facts: facts, furniture: row.withBytes(5) { [UInt8]($0) })
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
