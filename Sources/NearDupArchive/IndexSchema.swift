import Foundation
import GRDB

/// The index's tables. The format version is stored in the index and checked when it is
/// opened; a later version adds migrations, never changes this one.
///
/// - `documents`: one row per document by position (input order, never reused): id, a hash
///   of its text (to tell a repeated document from a changed one), what choosing a
///   representative needs (date, length, source), the paragraphs learned to be furniture and
///   the entries left without them, and its cluster (representative and overlap with it).
/// - `sketches`: signatures, the shingle set and its paragraphs, fingerprints: read for the
///   documents a command compares, never all at once.
/// - `band_runs` and `band_levels`: the band keys of every document with entries left, in
///   levels (`BandRuns`), a row per key and level. A key's documents in position order are a
///   run, linked as a star to its first, as batch candidate search does.
/// - `edges`: verified pairs: copies, or a bundle holding a copy of the other's text.
///
/// Format 1 kept each run as its first document (`band_hubs`) and the others (`band_spokes`),
/// both keyed by key alone; format 2 replaces them. Formats 1 and 2 kept the entries and
/// their paragraphs as raw arrays and a row per band key and document (`band_postings`);
/// format 3 keeps the arrays in `CompactCoding` and a row per key (a quarter of the index
/// smaller). Format 4 names each document's component of copy edges (`ComponentLabels`).
/// An index of an earlier format is moved to this one when it is opened.
enum IndexSchema {
    static let formatVersion = 4
    static let fileName = "index.sqlite"

    /// How every connection to an index file is opened. Each waits out another process's
    /// lock (a writer's commit or checkpoint, a last connection closing) instead of failing:
    /// readers run beside an `add`, and any connection may briefly meet an exclusive lock.
    static func connectionConfiguration(readOnly: Bool = false) -> Configuration {
        var configuration = Configuration()
        configuration.readonly = readOnly
        configuration.busyMode = .timeout(60)
        if !readOnly {
            configuration.prepareDatabase { db in
                try db.execute(sql: "PRAGMA page_size = 16384; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536")
                db.add(function: mergePositionsFunction)
            }
        }
        return configuration
    }

    /// The SQL function that joins two position lists of one band key (`CompactCoding`), for
    /// a slice of keys passed down a level in one statement.
    static let mergePositions = "neardup_merge_positions"

    private static let mergePositionsFunction = DatabaseFunction(mergePositions, argumentCount: 2, pure: true) { values in
        guard let first = Data.fromDatabaseValue(values[0]), let second = Data.fromDatabaseValue(values[1]) else {
            throw DatabaseError(message: "\(mergePositions) takes two position lists")
        }
        return CompactCoding.data(positions: CompactCoding.union(try CompactCoding.positions(first), try CompactCoding.positions(second)))
    }

    /// The indexes a load makes anew once its rows are in, as format 1 made them: kept up
    /// row by row, each random insert into them read pages back from the command's log.
    static let rebuiltIndexes = [
        ("documents_by_source", "CREATE INDEX documents_by_source ON documents (source, position) WHERE has_fingerprints"),
        ("documents_by_representative", "CREATE INDEX documents_by_representative ON documents (representative)"),
        ("edges_by_second", "CREATE INDEX edges_by_second ON edges (second)"),
        // Covering what settling a cluster reads of each member.
        ("documents_by_component",
         "CREATE INDEX documents_by_component ON documents (component, representative, similarity, date_seconds, date_nanoseconds)"),
    ]

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("format 1") { db in
            try db.execute(sql: """
                CREATE TABLE meta (name TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL) WITHOUT ROWID;
                CREATE TABLE documents (
                    position INTEGER PRIMARY KEY,
                    id TEXT NOT NULL UNIQUE,
                    text_hash INTEGER NOT NULL,
                    representative INTEGER NOT NULL,
                    similarity REAL NOT NULL,
                    source INTEGER,
                    date_seconds INTEGER,
                    date_nanoseconds INTEGER,
                    text_bytes INTEGER NOT NULL,
                    kept_entries INTEGER NOT NULL,
                    furniture BLOB,
                    has_fingerprints INTEGER NOT NULL,
                    headline TEXT,
                    published TEXT,
                    has_story INTEGER
                );
                CREATE INDEX documents_by_source ON documents (source, position) WHERE has_fingerprints;
                CREATE INDEX documents_by_representative ON documents (representative);
                CREATE TABLE sketches (
                    position INTEGER PRIMARY KEY,
                    filled_bins INTEGER NOT NULL,
                    flags INTEGER NOT NULL,
                    signature BLOB NOT NULL,
                    lead_signature BLOB NOT NULL,
                    fingerprints BLOB NOT NULL,
                    entries BLOB NOT NULL,
                    paragraphs BLOB NOT NULL
                );
                CREATE TABLE band_hubs (key INTEGER PRIMARY KEY, position INTEGER NOT NULL);
                CREATE TABLE band_spokes (key INTEGER NOT NULL, position INTEGER NOT NULL, PRIMARY KEY (key, position)) WITHOUT ROWID;
                CREATE TABLE edges (
                    first INTEGER NOT NULL,
                    second INTEGER NOT NULL,
                    overlap REAL NOT NULL,
                    bundle INTEGER,
                    PRIMARY KEY (first, second)
                ) WITHOUT ROWID;
                CREATE INDEX edges_by_second ON edges (second);
                """)
            try db.execute(sql: "INSERT INTO meta (name, value) VALUES ('format', '1'), ('next_position', '0')")
        }
        migrator.registerMigration("format 2") { db in
            try db.execute(sql: """
                CREATE TABLE band_postings (
                    level INTEGER NOT NULL,
                    key INTEGER NOT NULL,
                    position INTEGER NOT NULL,
                    PRIMARY KEY (level, key, position)
                ) WITHOUT ROWID;
                CREATE TABLE band_levels (level INTEGER PRIMARY KEY, rows INTEGER NOT NULL, cursor INTEGER NOT NULL);
                """)
            // The keys of format 1 go to the first level that holds them all.
            let rows = try Int.fetchOne(db, sql: "SELECT (SELECT count(*) FROM band_hubs) + (SELECT count(*) FROM band_spokes)") ?? 0
            let level = (0...).first { IndexTables.capacity(ofLevel: $0) >= rows }!
            try db.execute(sql: """
                INSERT INTO band_postings (level, key, position)
                SELECT \(level), key, position FROM (SELECT key, position FROM band_hubs UNION ALL SELECT key, position FROM band_spokes)
                ORDER BY key, position;
                DROP TABLE band_hubs;
                DROP TABLE band_spokes;
                UPDATE meta SET value = '2' WHERE name = 'format';
                """)
            if rows > 0 { try db.execute(sql: "INSERT INTO band_levels (level, rows, cursor) VALUES (?, ?, 0)", arguments: [level, rows]) }
            try db.execute(sql: "INSERT INTO meta (name, value) VALUES ('first_level_rows', ?)", arguments: [String(IndexTables.firstLevelRows)])
        }
        migrator.registerMigration("format 3") { db in
            try recodeSketches(db)
            try groupBandKeys(db)
            try db.execute(sql: "UPDATE meta SET value = '3' WHERE name = 'format'")
        }
        migrator.registerMigration("format 4") { db in
            try db.execute(sql: "ALTER TABLE documents ADD COLUMN component INTEGER NOT NULL DEFAULT 0")
            try IndexTables(db: db).labelComponents()
            try db.execute(sql: rebuiltIndexes.first { $0.0 == "documents_by_component" }!.1)
            try db.execute(sql: "UPDATE meta SET value = '4' WHERE name = 'format'")
        }
        return migrator
    }

    /// Moves format 2's band keys (a row per key and document) to rows per key and level,
    /// with the key's documents as a position list; levels count keys from here on.
    private static func groupBandKeys(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE band_runs (
                level INTEGER NOT NULL,
                key INTEGER NOT NULL,
                positions BLOB NOT NULL,
                PRIMARY KEY (level, key)
            ) WITHOUT ROWID;
            """)
        let tables = IndexTables(db: db)
        let rows = try Row.fetchCursor(db, sql: "SELECT level, key, position FROM band_postings ORDER BY level, key, position")
        // Runs are written a level and a few thousand at a time.
        var pending = BandRunBatch()
        var pendingLevel = 0
        var current: (level: Int, key: Int64, positions: [Int])?
        func close() throws {
            guard let run = current else { return }
            if run.level != pendingLevel || pending.count == 4096 {
                try tables.writeRuns(pending, level: pendingLevel)
                pending.removeAll()
                pendingLevel = run.level
            }
            pending.append(key: UInt64(bitPattern: run.key), positions: run.positions)
            current = nil
        }
        while let row = try rows.next() {
            let (level, key, position): (Int, Int64, Int) = (row[0], row[1], row[2])
            if let run = current, run.level == level, run.key == key {
                current!.positions.append(position)
                continue
            }
            try close()
            current = (level, key, [position])
        }
        try close()
        try tables.writeRuns(pending, level: pendingLevel)
        try db.execute(sql: """
            DROP TABLE band_postings;
            UPDATE band_levels SET rows = (SELECT count(*) FROM band_runs WHERE band_runs.level = band_levels.level), cursor = 0;
            """)
    }

    /// Rewrites every sketch's entries and paragraphs from raw arrays into `CompactCoding`,
    /// a slice of positions at a time.
    private static func recodeSketches(_ db: Database) throws {
        var after = -1
        while true {
            let rows = try Row.fetchAll(
                db, sql: "SELECT position, entries, paragraphs FROM sketches WHERE position > ? ORDER BY position LIMIT 4096",
                arguments: [after])
            guard let last = rows.last else { return }
            for row in rows {
                let entries: [UInt32] = SketchCoding.values(row[1])
                let paragraphs = [UInt8](row[2] as Data)
                try db.cachedStatement(sql: "UPDATE sketches SET entries = ?, paragraphs = ? WHERE position = ?").execute(arguments: [
                    CompactCoding.data(sortedSet: entries), CompactCoding.data(packing: paragraphs), row[0] as Int,
                ])
            }
            after = last[0]
        }
    }
}
