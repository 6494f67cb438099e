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
        }
    }

    /// A new document's rows: it starts as a cluster of its own, with no furniture.
    func insert(_ sketched: SketchEngine.Sketched, id: String, textHash: UInt64, position: Int) throws {
        try insert(DocumentRow(sketched, id: id, textHash: textHash, position: position))
        try insertSketch(sketched.sketch, position: position)
    }

    func insert(_ row: DocumentRow) throws {
        let facts = row.facts
        try db.cachedStatement(sql: """
            INSERT INTO documents (position, id, text_hash, representative, similarity, source, date_seconds,
                date_nanoseconds, text_bytes, kept_entries, furniture, has_fingerprints, headline, published, has_story)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [
                row.position, row.id, Int64(bitPattern: row.textHash), row.representative, row.similarity,
                facts.source.map { Int64($0) }, facts.date?.secondsSince1970, facts.date.map { Int64($0.nanoseconds) },
                facts.textBytes, row.keptEntries, row.furniture.isEmpty ? nil : Data(row.furniture), row.hasFingerprints,
                row.page?.headline, row.page?.published, row.page?.hasStory,
            ])
    }

    func insertSketch(_ sketch: StoredSketch, position: Int) throws {
        let flags = (sketch.isBundle ? 1 : 0) | (sketch.isAwayFromHeadline ? 2 : 0)
        try db.cachedStatement(sql: """
            INSERT INTO sketches (position, filled_bins, flags, signature, lead_signature, fingerprints, entries, paragraphs)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [
                position, sketch.filledBins, flags, SketchCoding.data(sketch.signature),
                SketchCoding.data(sketch.leadSignature), SketchCoding.data(sketch.fingerprints),
                CompactCoding.data(sortedSet: sketch.entries), CompactCoding.data(packing: sketch.paragraphs),
            ])
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
            let rows = try Row.fetchCursor(
                db.cachedStatement(sql: """
                    SELECT d.position, d.source, d.date_seconds, d.date_nanoseconds, d.text_bytes, d.furniture,
                        s.filled_bins, s.flags, s.signature, s.lead_signature, s.fingerprints, s.entries, s.paragraphs
                    FROM documents d JOIN sketches s ON s.position = d.position
                    WHERE d.position IN (\(Self.placeholders(batch.count))) ORDER BY d.position
                    """),
                arguments: StatementArguments(batch))
            while let row = try rows.next() { found.append(try Self.document(row)) }
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
        let statement = try db.cachedStatement(sql: """
            SELECT d.position, d.source, d.date_seconds, d.date_nanoseconds, d.text_bytes, d.furniture,
                s.filled_bins, s.flags, s.signature, s.lead_signature, s.fingerprints, x'00' AS entries, x'0000' AS paragraphs
            FROM documents d JOIN sketches s ON s.position = d.position
            WHERE d.source = ? AND d.has_fingerprints ORDER BY d.position
            """)
        return try Row.fetchAll(statement, arguments: [Int64(source)]).map { try Self.document($0) }
    }

    private static func document(_ row: Row) throws -> IndexedDocument {
        let seconds: Int64? = row[2]
        let nanoseconds: Int64? = row[3]
        let flags: Int = row[7]
        let entries: [UInt32]
        let paragraphs: [UInt8]
        do {
            (entries, paragraphs) = (try CompactCoding.sortedSet(row[11]), try CompactCoding.packed(row[12]))
        } catch {
            let position: Int = row[0]
            throw IndexError.store(path: IndexSchema.fileName, message: "the sketch of the document at position \(position) does not decode (`neardup index check` lists what is wrong)")
        }
        let sketch = StoredSketch(
            signature: SketchCoding.values(row[8]), leadSignature: SketchCoding.values(row[9]),
            entries: entries, paragraphs: paragraphs,
            fingerprints: SketchCoding.fingerprints(row[10]), filledBins: row[6],
            isBundle: flags & 1 != 0, isAwayFromHeadline: flags & 2 != 0)
        let source: Int64? = row[1]
        let facts = DocumentFacts(
            date: seconds.map { PublicationDate(secondsSince1970: $0, nanoseconds: Int32(nanoseconds ?? 0)) },
            textBytes: row[4], source: source.map { UInt32(truncatingIfNeeded: $0) })
        let furniture: Data? = row[5]
        return IndexedDocument(position: row[0], sketch: sketch, facts: facts, furniture: furniture.map { [UInt8]($0) } ?? [])
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

    /// The representative and date of each of `positions` in the index, without its sketch.
    func clusterFacts(of positions: [Int]) throws -> [Int: (representative: Int, date: PublicationDate?)] {
        var found: [Int: (representative: Int, date: PublicationDate?)] = [:]
        for batch in Self.batches(of: positions) {
            let rows = try Row.fetchCursor(
                db.cachedStatement(sql: """
                    SELECT position, representative, date_seconds, date_nanoseconds FROM documents
                    WHERE position IN (\(Self.placeholders(batch.count)))
                    """),
                arguments: StatementArguments(batch))
            while let row = try rows.next() {
                let seconds: Int64? = row[2]
                let nanoseconds: Int64? = row[3]
                found[row[0]] = (row[1], seconds.map { PublicationDate(secondsSince1970: $0, nanoseconds: Int32(nanoseconds ?? 0)) })
            }
        }
        return found
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
            let rows = try Row.fetchCursor(
                db.cachedStatement(sql: """
                    SELECT first, second, overlap FROM edges WHERE first IN (\(places)) AND bundle IS NULL
                    UNION ALL SELECT first, second, overlap FROM edges WHERE second IN (\(places)) AND bundle IS NULL
                    """),
                arguments: StatementArguments(batch + batch))
            while let row = try rows.next() { found.append(((row[0], row[1]), row[2])) }
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
