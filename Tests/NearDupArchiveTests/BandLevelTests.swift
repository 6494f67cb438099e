import Foundation
import GRDB
import NearDup
@testable import NearDupArchive
import Testing
import TestScratch

/// Band keys kept in levels give the batch answer whichever level holds a key, and an index
/// of an earlier format (one table of hubs and one of spokes, or a row per key and document)
/// is moved to this one when opened.
@Suite struct BandLevelTests {
    static func records(of index: NearDupIndex) throws -> [GeneratedArchive.Record] {
        try index.assignments().map { .init(id: $0.id, cluster: $0.cluster, representative: $0.representative, similarity: $0.similarity) }
    }

    static func store(of folder: String) throws -> DatabaseQueue {
        try DatabaseQueue(path: folder + "/index.sqlite")
    }

    static func levelsHoldingKeys(_ folder: String) throws -> [Int] {
        try store(of: folder).read { db in try Int.fetchAll(db, sql: "SELECT level FROM band_runs GROUP BY level ORDER BY level") }
    }

    @Test(arguments: [false, true])
    func keysPassedDownThroughLevelsGiveTheBatchAnswer(pages: Bool) throws {
        let folder = try TestScratch.directory("levels") + "/archive.index"
        let documents = try GeneratedArchive.documents(count: 700, seed: 31, pages: pages)
        let index = try NearDupIndex(directory: folder)
        // Small levels, so that 700 documents fill four of them.
        try Self.store(of: folder).write { db in
            try db.execute(sql: "UPDATE meta SET value = '300' WHERE name = 'first_level_rows'")
        }
        for start in stride(from: 0, to: documents.count, by: 60) {
            try index.add(contentsOf: documents[start..<min(documents.count, start + 60)])
        }
        #expect(try Self.levelsHoldingKeys(folder).count >= 3)
        #expect(try Self.records(of: index) == GeneratedArchive.batchRecords(documents))
        #expect(try index.check() == [])

        let removed = Set(documents.enumerated().filter { $0.offset % 6 == 1 }.map(\.element.id))
        try index.remove(ids: removed.sorted())
        let rest = documents.filter { !removed.contains($0.id) }
        #expect(try Self.records(of: index) == GeneratedArchive.batchRecords(rest))
        #expect(try index.check() == [])
    }

    /// Sketches as formats 1 and 2 kept them: entries and paragraphs as raw arrays.
    static func writeSketchesRaw(_ db: Database) throws {
        for row in try Row.fetchAll(db, sql: "SELECT position, entries, paragraphs FROM sketches") {
            try db.execute(sql: "UPDATE sketches SET entries = ?, paragraphs = ? WHERE position = ?", arguments: [
                SketchCoding.data(try CompactCoding.sortedSet(row[1])), Data(try CompactCoding.packed(row[2])), row[0] as Int,
            ])
        }
    }

    /// Band keys as format 2 kept them: a row per key and document, levels counting rows.
    static func writeBandKeysOfFormatTwo(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE band_postings (
                level INTEGER NOT NULL, key INTEGER NOT NULL, position INTEGER NOT NULL, PRIMARY KEY (level, key, position)
            ) WITHOUT ROWID
            """)
        for row in try Row.fetchAll(db, sql: "SELECT level, key, positions FROM band_runs") {
            for position in try CompactCoding.positions(row[2] as Data) {
                try db.execute(sql: "INSERT INTO band_postings VALUES (?, ?, ?)", arguments: [row[0] as Int, row[1] as Int64, position])
            }
        }
        try db.execute(sql: """
            DROP TABLE band_runs;
            UPDATE band_levels SET rows = (SELECT count(*) FROM band_postings p WHERE p.level = band_levels.level);
            """)
    }

    /// Documents as formats 1 to 3 kept them: without their component's label.
    static func writeDocumentsOfFormatThree(_ db: Database) throws {
        try db.execute(sql: """
            DROP INDEX documents_by_component;
            ALTER TABLE documents DROP COLUMN component;
            UPDATE meta SET value = '3' WHERE name = 'format';
            DELETE FROM grdb_migrations WHERE identifier = 'format 4';
            """)
    }

    @Test func anIndexOfFormatThreeIsLabelledWhenOpened() throws {
        let folder = try TestScratch.directory("levels") + "/archive.index"
        let documents = try GeneratedArchive.documents(count: 400, seed: 34, pages: true)
        let expected: [GeneratedArchive.Record]
        let labels: [Int: Int]
        do {
            let index = try NearDupIndex(directory: folder)
            try index.add(contentsOf: documents[..<150])
            try index.add(contentsOf: documents[150..<300])
            expected = try Self.records(of: index)
            labels = try Self.store(of: folder).read { db in
                Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT position, component FROM documents").map { ($0[0] as Int, $0[1] as Int) })
            }
        }
        #expect(Set(labels.values).count < labels.count)
        try Self.store(of: folder).write(Self.writeDocumentsOfFormatThree)
        let index = try NearDupIndex(directory: folder, creating: false)
        let relabelled = try Self.store(of: folder).read { db in
            Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT position, component FROM documents").map { ($0[0] as Int, $0[1] as Int) })
        }
        #expect(relabelled == labels)
        #expect(try Self.records(of: index) == expected)
        #expect(try index.check() == [])
        try index.add(contentsOf: documents[300...])
        #expect(try Self.records(of: index) == GeneratedArchive.batchRecords(documents))
        #expect(try index.check() == [])
    }

    @Test func anIndexOfFormatTwoIsRecodedWhenOpened() throws {
        let folder = try TestScratch.directory("levels") + "/archive.index"
        let documents = try GeneratedArchive.documents(count: 400, seed: 33, pages: true)
        let expected: [GeneratedArchive.Record]
        let bytes: Int
        do {
            let index = try NearDupIndex(directory: folder)
            try index.add(contentsOf: documents[..<300])
            expected = try Self.records(of: index)
            bytes = try Self.store(of: folder).read { db in try Int.fetchOne(db, sql: "SELECT sum(length(entries)) FROM sketches")! }
        }
        try Self.store(of: folder).write { db in
            try Self.writeDocumentsOfFormatThree(db)
            try Self.writeSketchesRaw(db)
            try Self.writeBandKeysOfFormatTwo(db)
            try db.execute(sql: "UPDATE meta SET value = '2' WHERE name = 'format'; DELETE FROM grdb_migrations WHERE identifier = 'format 3'")
        }
        let (rawBytes, postings) = try Self.store(of: folder).read { db in
            (try Int.fetchOne(db, sql: "SELECT sum(length(entries)) FROM sketches")!, try Int.fetchOne(db, sql: "SELECT count(*) FROM band_postings")!)
        }
        #expect(rawBytes > bytes * 5 / 4)
        let index = try NearDupIndex(directory: folder, creating: false)
        let (recodedBytes, keys) = try Self.store(of: folder).read { db in
            (try Int.fetchOne(db, sql: "SELECT sum(length(entries)) FROM sketches")!, try Int.fetchOne(db, sql: "SELECT count(*) FROM band_runs")!)
        }
        #expect(recodedBytes == bytes)
        #expect(keys < postings)
        #expect(try Self.records(of: index) == expected)
        #expect(try index.check() == [])
        try index.add(contentsOf: documents[300...])
        #expect(try Self.records(of: index) == GeneratedArchive.batchRecords(documents))
        #expect(try index.check() == [])
    }

    @Test func anIndexOfFormatOneIsMovedToLevelsWhenOpened() throws {
        let folder = try TestScratch.directory("levels") + "/archive.index"
        let documents = try GeneratedArchive.documents(count: 400, seed: 32, pages: true)
        let expected: [GeneratedArchive.Record]
        do {
            let index = try NearDupIndex(directory: folder)
            try index.add(contentsOf: documents[..<300])
            expected = try Self.records(of: index)
        }
        // Format 1 as it was written: each key's first document in one table, the rest in another.
        try Self.store(of: folder).write { db in
            try Self.writeDocumentsOfFormatThree(db)
            try Self.writeBandKeysOfFormatTwo(db)
            try db.execute(sql: """
                CREATE TABLE band_hubs (key INTEGER PRIMARY KEY, position INTEGER NOT NULL);
                CREATE TABLE band_spokes (key INTEGER NOT NULL, position INTEGER NOT NULL, PRIMARY KEY (key, position)) WITHOUT ROWID;
                INSERT INTO band_hubs SELECT key, min(position) FROM band_postings GROUP BY key;
                INSERT INTO band_spokes SELECT b.key, b.position FROM band_postings b JOIN band_hubs h ON h.key = b.key
                    WHERE b.position > h.position;
                DROP TABLE band_postings;
                DROP TABLE band_levels;
                DELETE FROM meta WHERE name = 'first_level_rows';
                UPDATE meta SET value = '1' WHERE name = 'format';
                DELETE FROM grdb_migrations WHERE identifier IN ('format 2', 'format 3');
                """)
            try Self.writeSketchesRaw(db)
        }
        let index = try NearDupIndex(directory: folder, creating: false)
        #expect(try Self.records(of: index) == expected)
        #expect(try index.check() == [])
        #expect(try Self.levelsHoldingKeys(folder) == [0])
        try index.add(contentsOf: documents[300...])
        #expect(try Self.records(of: index) == GeneratedArchive.batchRecords(documents))
        #expect(try index.check() == [])
    }
}
