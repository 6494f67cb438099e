import GRDB

/// Band keys in levels, as a log-structured merge tree keeps them: a command's new keys go
/// into the small level 0, and each level that outgrows its share passes a slice of its key
/// range down to the next. A key's run is the union of its documents over the levels.
///
/// One table keyed by (level, key, position) holds every level. Keys of new documents are
/// random, so in a single key-ordered table each add would touch nearly every page of it
/// (at a million documents, an add of 10,000 rewrote most of the 1.2 GB the keys take); here
/// an add touches level 0 and the slices passed down, a few times its own size.
extension IndexTables {
    /// Rows level 0 holds before it passes a slice down (an index stores its own, as
    /// `first_level_rows`); each level holds `levelGrowth` times the one above it.
    static let firstLevelRows = 1 << 21
    static let levelGrowth = 8

    static func capacity(ofLevel level: Int, firstLevelRows: Int = firstLevelRows) -> Int {
        (0..<level).reduce(firstLevelRows) { capacity, _ in
            let (grown, overflow) = capacity.multipliedReportingOverflow(by: levelGrowth)
            return overflow ? .max : grown
        }
    }

    /// The levels that hold rows, level 0 first.
    func bandLevels() throws -> [Int] {
        try Int.fetchAll(db.cachedStatement(sql: "SELECT level FROM band_levels WHERE rows > 0 ORDER BY level"))
    }

    private static func list(_ levels: [Int]) -> String {
        levels.isEmpty ? "-1" : levels.map(String.init).joined(separator: ", ")
    }

    /// The documents with this key, in position order (the first `limit` of them): the first
    /// is the run's hub.
    func run(of key: UInt64, limit: Int = Int(Int32.max)) throws -> [Int] {
        try Int.fetchAll(
            db.cachedStatement(sql: """
                SELECT position FROM band_postings WHERE level IN (\(Self.list(try bandLevels()))) AND key = ?
                ORDER BY position LIMIT ?
                """),
            arguments: [Int64(bitPattern: key), limit])
    }

    /// The first document with this key.
    func hub(of key: UInt64) throws -> Int? {
        try run(of: key, limit: 1).first
    }

    /// Adds documents that come after every indexed one to the runs of their keys: `entries`
    /// (key, position), sorted, so that pages are visited in order. Gives each key's hub as
    /// it was before (nil when the key is new) with the key's new positions.
    ///
    /// Rows go in statements of many rows each: one statement per row cost SQLite more in
    /// starting and ending statements than in the inserts themselves.
    func appendToRuns(_ entries: [(key: UInt64, position: Int)], _ body: (_ hub: Int?, _ positions: ArraySlice<Int>) throws -> Void) throws {
        // Runs of one key: where each starts in `entries`.
        var starts: [Int] = []
        for index in entries.indices where index == 0 || entries[index].key != entries[index - 1].key { starts.append(index) }
        starts.append(entries.count)
        let levels = Self.list(try bandLevels())
        var hubs: [UInt64: Int] = [:]
        for batch in stride(from: 0, to: starts.count - 1, by: Self.rowsPerStatement) {
            let runs = batch..<min(starts.count - 1, batch + Self.rowsPerStatement)
            let places = Self.placeholders(runs.count)
            let rows = try Row.fetchAll(
                db.cachedStatement(sql: """
                    SELECT key, min(position) FROM band_postings WHERE level IN (\(levels)) AND key IN (\(places)) GROUP BY key
                    """),
                arguments: StatementArguments(runs.map { Int64(bitPattern: entries[starts[$0]].key) }))
            for row in rows { hubs[UInt64(bitPattern: row[0])] = row[1] }
        }
        for run in 0..<(starts.count - 1) {
            try body(hubs[entries[starts[run]].key], entries[starts[run]..<starts[run + 1]].map(\.position)[...])
        }
        try countRows(try insertBandRows(entries[...], level: 0), inLevel: 0)
    }

    /// Rows or positions per statement (SQLite allows 32,766 parameters).
    static let rowsPerStatement = 256

    /// Adds a document (at any position) to the runs of its keys.
    func insertPostings(of position: Int, keys: [UInt64]) throws {
        var added = 0
        for key in keys {
            try db.cachedStatement(sql: "INSERT OR IGNORE INTO band_postings (level, key, position) VALUES (0, ?, ?)")
                .execute(arguments: [Int64(bitPattern: key), position])
            added += db.changesCount
        }
        try countRows(added, inLevel: 0)
    }

    /// Takes a document out of the runs of its keys; the next document of a run it led leads it.
    func deletePostings(of position: Int, keys: [UInt64]) throws {
        for level in try bandLevels() {
            var removed = 0
            for key in keys {
                try db.cachedStatement(sql: "DELETE FROM band_postings WHERE level = ? AND key = ? AND position = ?")
                    .execute(arguments: [level, Int64(bitPattern: key), position])
                removed += db.changesCount
            }
            try countRows(-removed, inLevel: level)
        }
    }

    func countRows(_ change: Int, inLevel level: Int) throws {
        guard change != 0 else { return }
        try db.cachedStatement(sql: """
            INSERT INTO band_levels (level, rows, cursor) VALUES (?, ?, 0)
            ON CONFLICT (level) DO UPDATE SET rows = rows + excluded.rows
            """).execute(arguments: [level, change])
    }

    /// Passes slices down from every level over its capacity, each from where the last slice
    /// of that level ended, until each holds at most its capacity.
    func settleBandLevels() throws {
        let firstLevelRows = try meta("first_level_rows").flatMap { Int($0) } ?? Self.firstLevelRows
        var level = 0
        while let (rows, cursor) = try levelState(level) {
            var (rows, cursor) = (rows, cursor)
            let capacity = Self.capacity(ofLevel: level, firstLevelRows: firstLevelRows)
            while rows > capacity {
                // Only the excess: a small slice touches a small part of the level below.
                let slice = rows - capacity
                let end = try Int64.fetchOne(
                    db.cachedStatement(sql: "SELECT key FROM band_postings WHERE level = ? AND key >= ? ORDER BY key LIMIT 1 OFFSET ?"),
                    arguments: [level, cursor, slice])
                // The slice ends before `end`, or runs to the last key; a key of more rows than
                // the slice goes down whole.
                let upper = end.flatMap { $0 > cursor ? $0 : (cursor == .max ? nil : cursor + 1) }
                let condition = "level = ? AND key >= ?" + (upper == nil ? "" : " AND key < ?")
                var arguments: StatementArguments = [level, cursor]
                if let upper { arguments += [upper] }
                try db.execute(
                    sql: "INSERT OR IGNORE INTO band_postings (level, key, position) SELECT \(level + 1), key, position FROM band_postings WHERE \(condition)",
                    arguments: arguments)
                try countRows(db.changesCount, inLevel: level + 1)
                try db.execute(sql: "DELETE FROM band_postings WHERE \(condition)", arguments: arguments)
                let removed = db.changesCount
                rows -= removed
                // From the first key on, a slice that found nothing means the level is empty.
                if removed == 0 && cursor == .min { rows = 0 }
                cursor = upper ?? .min
            }
            try db.cachedStatement(sql: "UPDATE band_levels SET rows = ?, cursor = ? WHERE level = ?")
                .execute(arguments: [rows, cursor, level])
            level += 1
        }
    }

    private func levelState(_ level: Int) throws -> (rows: Int, cursor: Int64)? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT rows, cursor FROM band_levels WHERE level = ?"), arguments: [level])
            .map { ($0[0], $0[1]) }
    }
}

extension IndexTables {
    /// Writes the band keys of documents added to an index that holds none, into the first
    /// level that holds them all, in key order: each page is written once, full. `keys` gives
    /// a document's (key, position) entries; it is called once per pass, and a pass sorts
    /// the entries of one slice of the key range, so memory holds a slice, not all of them.
    func loadRuns(documents: Range<Int>, rows: Int, keys: (Int) -> [(key: UInt64, position: Int)]) throws {
        let level = (0...).first { Self.capacity(ofLevel: $0) >= rows }!
        let passes = max(1, (rows + Self.rowsPerLoadPass - 1) / Self.rowsPerLoadPass)
        // Keys in the order the store sorts them (as signed integers), by their top byte.
        func slice(_ key: UInt64) -> Int { Int((key ^ (1 << 63)) >> 56) * passes / 256 }
        var written = 0
        for pass in 0..<passes {
            var entries: [(key: UInt64, position: Int)] = []
            entries.reserveCapacity(rows / passes + rows / (passes * 8))
            for document in documents {
                for entry in keys(document) where slice(entry.key) == pass { entries.append(entry) }
            }
            // Entries come in position order and the sort is stable: equal keys stay in it.
            entries.sort { Int64(bitPattern: $0.key) < Int64(bitPattern: $1.key) }
            written += try insertBandRows(entries[...], level: level)
        }
        try countRows(written, inLevel: level)
    }

    /// About 130 MB of entries sorted at a time.
    static let rowsPerLoadPass = 8 << 20
}
