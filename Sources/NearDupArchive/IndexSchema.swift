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
/// - `band_hubs` and `band_spokes`: the band keys of every document with entries left. A key's
///   documents in position order are a run, linked as a star to its first, as batch candidate
///   search does: the first is the key's hub, the others its spokes. Most keys have a hub
///   alone, so a new key costs one insert into a table keyed by it.
/// - `edges`: verified pairs: copies, or a bundle holding a copy of the other's text.
enum IndexSchema {
    static let formatVersion = 1
    static let fileName = "index.sqlite"

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
            try db.execute(sql: "INSERT INTO meta (name, value) VALUES ('format', ?), ('next_position', '0')", arguments: [String(formatVersion)])
        }
        return migrator
    }
}
