import Foundation
import GRDB
import NearDup

extension NearDupIndex {
    /// The options stored in the index in `directory`, or nil when there is no index there.
    public static func storedOptions(directory: String) throws(IndexError) -> NearDupOptions? {
        let file = (directory as NSString).appendingPathComponent(IndexSchema.fileName)
        guard FileManager.default.fileExists(atPath: file) else { return nil }
        do {
            let queue = try DatabaseQueue(path: file, configuration: IndexSchema.connectionConfiguration(readOnly: true))
            let text = try queue.read { db in try String.fetchOne(db, sql: "SELECT value FROM meta WHERE name = 'options'") }
            return text.flatMap(IndexedOptions.init(json:))?.options(threads: ProcessInfo.processInfo.activeProcessorCount)
        } catch {
            throw .notAnIndex(path: directory, reason: String(describing: error))
        }
    }

    /// The number `assignments` gives the clusters of these representatives (ids), by id.
    /// Reads positions alone, in order, and stops once every one asked for is numbered.
    public func clusterNumbers(of representatives: Set<String>) throws -> [String: Int] {
        try reader.read { db in
            var wanted: [Int: String] = [:]
            for id in representatives {
                if let position = try Int.fetchOne(db, sql: "SELECT position FROM documents WHERE id = ?", arguments: [id]) {
                    wanted[position] = id
                }
            }
            var numbers: [String: Int] = [:]
            var seen = Set<Int>()
            let rows = try Row.fetchCursor(db, sql: "SELECT representative FROM documents ORDER BY position")
            while numbers.count < wanted.count, let row = try rows.next() {
                let representative: Int = row[0]
                guard seen.insert(representative).inserted else { continue }
                if let id = wanted[representative] { numbers[id] = seen.count - 1 }
            }
            return numbers
        }
    }

    /// What an index holds.
    public struct Statistics: Sendable {
        public var documents: Int
        /// Clusters of two or more documents.
        public var clusters: Int
        /// Documents in those clusters that are not their representative.
        public var copies: Int
        /// The index's files (the store, its write-ahead log and shared memory).
        public var bytesOnDisk: Int
        /// The options that decide clusters, as stored.
        public var options: String
    }

    public func statistics() throws -> Statistics {
        let (documents, clusters, copies, options) = try reader.read { db -> (Int, Int, Int, String) in
            let documents = try Int.fetchOne(db, sql: "SELECT count(*) FROM documents") ?? 0
            let row = try Row.fetchOne(db, sql: """
                SELECT count(*), coalesce(sum(size - 1), 0) FROM
                (SELECT count(*) AS size FROM documents GROUP BY representative HAVING size > 1)
                """)
            let options = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE name = 'options'") ?? ""
            return (documents, row?[0] ?? 0, row?[1] ?? 0, options)
        }
        var bytes = 0
        if path != ":memory:", let files = try? FileManager.default.contentsOfDirectory(atPath: path) {
            for file in files {
                let attributes = try? FileManager.default.attributesOfItem(atPath: (path as NSString).appendingPathComponent(file))
                bytes += (attributes?[.size] as? Int) ?? 0
            }
        }
        return Statistics(documents: documents, clusters: clusters, copies: copies, bytesOnDisk: bytes, options: options)
    }

    /// Every structure checked: the store's own pages, then the index's promises (each
    /// document has its sketch, band keys, cluster and component label; edges join documents
    /// that are there; clusters are led by their representative). Empty when the index is intact.
    public func check() throws -> [String] {
        return try reader.read { db -> [String] in
            var problems: [String] = []
            let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
            if integrity != ["ok"] { problems += integrity.prefix(10).map { "store: \($0)" } }
            if try String.fetchOne(db, sql: "SELECT value FROM meta WHERE name = 'format'") != String(IndexSchema.formatVersion) {
                problems.append("format version missing or unknown")
            }
            let next = Int(try String.fetchOne(db, sql: "SELECT value FROM meta WHERE name = 'next_position'") ?? "") ?? -1
            if let last = try Int.fetchOne(db, sql: "SELECT max(position) FROM documents"), last >= next {
                problems.append("document position \(last) is not below the next position \(next)")
            }
            let checks: [(String, String)] = [
                ("SELECT count(*) FROM documents d LEFT JOIN sketches s ON s.position = d.position WHERE s.position IS NULL",
                 "documents without a sketch"),
                ("SELECT count(*) FROM sketches s LEFT JOIN documents d ON d.position = s.position WHERE d.position IS NULL",
                 "sketches without a document"),
                ("SELECT count(*) FROM documents d LEFT JOIN documents r ON r.position = d.representative WHERE r.position IS NULL OR r.representative != r.position",
                 "documents whose representative is missing or not its own representative"),
                ("""
                 SELECT count(*) FROM (SELECT level, count(*) AS found FROM band_runs GROUP BY level) c
                 FULL JOIN band_levels l ON l.level = c.level WHERE coalesce(c.found, 0) != coalesce(l.rows, 0)
                 """, "band levels whose count of keys is wrong"),
                ("SELECT count(*) FROM edges e WHERE first >= second OR NOT EXISTS (SELECT 1 FROM documents WHERE position = e.first) OR NOT EXISTS (SELECT 1 FROM documents WHERE position = e.second)",
                 "edges that do not join two indexed documents in order"),
            ]
            for (sql, what) in checks {
                let count = try Int.fetchOne(db, sql: sql) ?? 0
                if count > 0 { problems.append("\(count) \(what)") }
            }
            // Each document with entries has all its band keys, and each sketch reads back whole.
            let keysPerDocument = options.resolvedBandLayout.bands + (options.leadShingles > 0 ? NearDupOptions.leadBandLayout.bands : 0)
            // Each document's keys counted in one pass over the runs.
            var keyCounts: [Int: Int] = [:]
            var undecodedRuns = 0
            let runs = try Data.fetchCursor(db, sql: "SELECT positions FROM band_runs")
            while let list = try runs.next() {
                guard let positions = try? CompactCoding.positions(list) else {
                    undecodedRuns += 1
                    continue
                }
                for position in positions { keyCounts[position, default: 0] += 1 }
            }
            if undecodedRuns > 0 { problems.append("\(undecodedRuns) band keys whose documents do not decode") }
            let rows = try Row.fetchCursor(db, sql: """
                SELECT d.position, d.kept_entries, length(s.signature), s.entries, s.paragraphs
                FROM documents d JOIN sketches s ON s.position = d.position ORDER BY d.position
                """)
            var wrongKeys = 0
            var wrongSketches = 0
            var example: Int?
            while let row = try rows.next() {
                let (position, kept): (Int, Int) = (row[0], row[1])
                let signatureBytes: Int = row[2]
                let entries = try? CompactCoding.sortedSet(row[3])
                let paragraphs = try? CompactCoding.packed(row[4])
                let keys = keyCounts.removeValue(forKey: position) ?? 0
                let expectedKeys = kept > 0 ? keysPerDocument : 0
                if keys != expectedKeys {
                    wrongKeys += 1
                    example = example ?? position
                }
                if signatureBytes != options.numPermutations * 4 || entries == nil || entries?.count != paragraphs?.count {
                    wrongSketches += 1
                    example = example ?? position
                }
            }
            if !keyCounts.isEmpty { problems.append("\(keyCounts.count) documents missing that band keys name") }
            if wrongKeys > 0 { problems.append("\(wrongKeys) documents without their band keys (the first at position \(example ?? -1))") }
            let mislabelled = try IndexTables(db: db).mislabelledDocuments()
            if let first = mislabelled.first {
                problems.append("\(mislabelled.count) documents not labelled by their component of copies (the first at position \(first))")
            }
            if wrongSketches > 0 { problems.append("\(wrongSketches) sketches that do not read back whole (the first at position \(example ?? -1))") }
            return problems
        }
    }
}
