import Foundation
import GRDB
import NearDup

/// Band keys in levels, as a log-structured merge tree keeps them: a command's new keys go
/// into the small level 0, and each level that outgrows its share passes a slice of its key
/// range down to the next. A key's run is the union of its documents over the levels.
///
/// One table keyed by (level, key) holds every level, a row per key and level with the key's
/// documents there as a position list (`CompactCoding`): a key shared by a story's copies
/// takes one row, not one per copy. Keys of new documents are random, so in a single
/// key-ordered table each add would touch nearly every page of it; here an add touches
/// level 0 and the slices passed down, a few times its own size.
extension IndexTables {
    /// Keys level 0 holds before it passes a slice down (an index stores its own, as
    /// `first_level_rows`); each level holds `levelGrowth` times the one above it.
    static let firstLevelRows = 1 << 21
    static let levelGrowth = 8

    static func capacity(ofLevel level: Int, firstLevelRows: Int = firstLevelRows) -> Int {
        (0..<level).reduce(firstLevelRows) { capacity, _ in
            let (grown, overflow) = capacity.multipliedReportingOverflow(by: levelGrowth)
            return overflow ? .max : grown
        }
    }

    /// The levels that hold keys, level 0 first.
    func bandLevels() throws -> [Int] {
        try Int.fetchAll(db.cachedStatement(sql: "SELECT level FROM band_levels WHERE rows > 0 ORDER BY level"))
    }

    private static func list(_ levels: [Int]) -> String {
        levels.isEmpty ? "-1" : levels.map(String.init).joined(separator: ", ")
    }

    /// The documents with this key, in position order (the first `limit` of them): the first
    /// is the run's hub.
    func run(of key: UInt64, limit: Int = Int(Int32.max)) throws -> [Int] {
        let lists = try Data.fetchAll(
            db.cachedStatement(sql: "SELECT positions FROM band_runs WHERE level IN (\(Self.list(try bandLevels()))) AND key = ?"),
            arguments: [Int64(bitPattern: key)])
        var run: [Int] = []
        for list in lists { run = CompactCoding.union(run, try Self.positions(list)) }
        return Array(run.prefix(limit))
    }

    /// The first document with this key.
    func hub(of key: UInt64) throws -> Int? {
        try run(of: key, limit: 1).first
    }

    static func positions(_ list: Data) throws -> [Int] {
        do {
            return try CompactCoding.positions(list)
        } catch {
            throw undecodedList
        }
    }

    static func firstPosition(_ list: some Sequence<UInt8>) throws -> Int {
        do {
            return try CompactCoding.firstPosition(list)
        } catch {
            throw undecodedList
        }
    }

    private static let undecodedList = IndexError.store(
        path: IndexSchema.fileName, message: "a band key's documents do not decode (`neardup index check` lists what is wrong)")

    /// Adds documents that come after every indexed one to the runs of their keys: `entries`
    /// (key, position), sorted, so that pages are visited in order. Gives each key's hub as
    /// it was before (nil when the key is new) with the key's new positions.
    ///
    /// Keys are looked up and rows written many to a statement: one statement per key cost
    /// SQLite more in starting and ending statements than in the work itself.
    func appendToRuns(_ entries: [(key: UInt64, position: Int)], _ body: (_ hub: Int?, _ positions: ArraySlice<Int>) throws -> Void) throws {
        // Runs of one key: where each starts in `entries`.
        var starts: [Int] = []
        for index in entries.indices where index == 0 || entries[index].key != entries[index - 1].key { starts.append(index) }
        starts.append(entries.count)
        let levels = Self.list(try bandLevels())
        var hubs: [UInt64: Int] = [:]
        var firstLevel: [UInt64: Data] = [:]
        for batch in stride(from: 0, to: starts.count - 1, by: Self.rowsPerStatement) {
            let runs = batch..<min(starts.count - 1, batch + Self.rowsPerStatement)
            try forEachRow(
                "SELECT level, key, positions FROM band_runs WHERE level IN (\(levels)) AND key IN (\(Self.placeholders(runs.count)))",
                arguments: runs.lazy.map { Int(Int64(bitPattern: entries[starts[$0]].key)) }
            ) { row in
                let key = UInt64(bitPattern: Int64(row.int(1)))
                let first = try row.withBytes(2) { try Self.firstPosition($0) }
                hubs[key] = min(hubs[key] ?? first, first)
                if row.int(0) == 0 { firstLevel[key] = row.withBytes(2) { Data($0) } }
            }
        }
        var written = BandRunBatch()
        written.reserve(runs: starts.count - 1, positions: entries.count)
        var newKeys = 0
        for run in 0..<(starts.count - 1) {
            let key = entries[starts[run]].key
            let positions = entries[starts[run]..<starts[run + 1]].map(\.position)
            try body(hubs[key], positions[...])
            let before = try firstLevel[key].map(Self.positions) ?? []
            if before.isEmpty { newKeys += 1 }
            written.append(key: key, positions: CompactCoding.union(before, positions))
        }
        try writeRuns(written, level: 0)
        try countRows(newKeys, inLevel: 0)
    }

    /// Rows or keys per statement (SQLite allows 32,766 parameters).
    static let rowsPerStatement = 256

    /// Adds a document (at any position) to the runs of its keys.
    func insertPostings(of position: Int, keys: [UInt64]) throws {
        var newKeys = 0
        for key in keys {
            let list = try Data.fetchOne(
                db.cachedStatement(sql: "SELECT positions FROM band_runs WHERE level = 0 AND key = ?"), arguments: [Int64(bitPattern: key)])
            let before = try list.map(Self.positions) ?? []
            if before.isEmpty { newKeys += 1 }
            try writeRun(key: key, positions: CompactCoding.union(before, [position]), level: 0)
        }
        try countRows(newKeys, inLevel: 0)
    }

    /// Takes a document out of the runs of its keys; the next document of a run it led leads it.
    func deletePostings(of position: Int, keys: [UInt64]) throws {
        for level in try bandLevels() {
            var emptied = 0
            for key in keys {
                guard let list = try Data.fetchOne(
                    db.cachedStatement(sql: "SELECT positions FROM band_runs WHERE level = ? AND key = ?"),
                    arguments: [level, Int64(bitPattern: key)])
                else { continue }
                let positions = try Self.positions(list)
                guard positions.contains(position) else { continue }
                let rest = positions.filter { $0 != position }
                if rest.isEmpty {
                    try db.cachedStatement(sql: "DELETE FROM band_runs WHERE level = ? AND key = ?")
                        .execute(arguments: [level, Int64(bitPattern: key)])
                    emptied += 1
                } else {
                    try writeRun(key: key, positions: rest, level: level)
                }
            }
            try countRows(-emptied, inLevel: level)
        }
    }

    private func writeRun(key: UInt64, positions: [Int], level: Int) throws {
        try db.cachedStatement(sql: "INSERT OR REPLACE INTO band_runs (level, key, positions) VALUES (?, ?, ?)")
            .execute(arguments: [level, Int64(bitPattern: key), CompactCoding.data(positions: positions)])
    }

    func countRows(_ change: Int, inLevel level: Int) throws {
        guard change != 0 else { return }
        try db.cachedStatement(sql: """
            INSERT INTO band_levels (level, rows, cursor) VALUES (?, ?, 0)
            ON CONFLICT (level) DO UPDATE SET rows = rows + excluded.rows
            """).execute(arguments: [level, change])
    }

    /// Passes slices down from every level over its capacity, each from where the last slice
    /// of that level ended, until each holds at most its capacity. A key passed down joins
    /// its row in the level below (`IndexSchema.mergePositions`).
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
                    db.cachedStatement(sql: "SELECT key FROM band_runs WHERE level = ? AND key >= ? ORDER BY key LIMIT 1 OFFSET ?"),
                    arguments: [level, cursor, slice])
                // The slice ends before `end`, or runs to the last key.
                let upper = end.flatMap { $0 > cursor ? $0 : (cursor == .max ? nil : cursor + 1) }
                let condition = "key >= ?" + (upper == nil ? "" : " AND key < ?")
                var arguments: StatementArguments = [cursor]
                if let upper { arguments += [upper] }
                let countBelow = "SELECT count(*) FROM band_runs WHERE level = \(level + 1) AND \(condition)"
                let before = try Int.fetchOne(db, sql: countBelow, arguments: arguments) ?? 0
                try db.execute(
                    sql: """
                        INSERT INTO band_runs (level, key, positions)
                        SELECT \(level + 1), key, positions FROM band_runs WHERE level = \(level) AND \(condition)
                        ON CONFLICT (level, key) DO UPDATE SET positions = \(IndexSchema.mergePositions)(positions, excluded.positions)
                        """,
                    arguments: arguments)
                let after = try Int.fetchOne(db, sql: countBelow, arguments: arguments) ?? 0
                try countRows(after - before, inLevel: level + 1)
                try db.execute(sql: "DELETE FROM band_runs WHERE level = \(level) AND \(condition)", arguments: arguments)
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
    /// the entries of one slice of the key range, so memory holds a slice or two, not all of
    /// them. The next slice is sorted on other threads while this one writes the last.
    /// `entries`: how many there are in all (at least the keys there are).
    func loadRuns(
        documents: Range<Int>, entries total: Int, threads: Int, entriesPerPass: Int = rowsPerLoadPass,
        keys: @escaping @Sendable (Int) -> [(key: UInt64, position: Int)]
    ) throws {
        let level = (0...).first { Self.capacity(ofLevel: $0) >= total }!
        // At most 256 passes: a pass is a range of keys' top bytes.
        let passes = min(256, max(1, (total + entriesPerPass - 1) / entriesPerPass))
        // Keys in the order the store sorts them (as signed integers), by their top byte.
        @Sendable func runs(ofPass pass: Int) -> BandRunBatch {
            @Sendable func slice(_ key: UInt64) -> Int { Int((key ^ (1 << 63)) >> 56) * passes / 256 }
            // Keys are made again for each pass, on `threads` threads, in document order.
            let parts = ParallelChunks(count: documents.count, chunkSize: 1 << 16, threads: threads).map { range in
                var entries: [(key: UInt64, position: Int)] = []
                for document in range.lazy.map({ documents.lowerBound + $0 }) {
                    for entry in keys(document) where slice(entry.key) == pass { entries.append(entry) }
                }
                return entries
            }
            var entries: [(key: UInt64, position: Int)] = []
            entries.reserveCapacity(parts.reduce(0) { $0 + $1.count })
            for part in parts { entries += part }
            // Entries come in position order and the sort is stable: equal keys stay in it.
            KeyOrder.sort(&entries)
            var runs = BandRunBatch()
            runs.reserve(runs: entries.count / 2, positions: entries.count)
            var start = entries.startIndex
            while start < entries.endIndex {
                var end = start + 1
                while end < entries.endIndex && entries[end].key == entries[start].key { end += 1 }
                runs.append(key: entries[start].key, positions: entries[start..<end].lazy.map(\.position))
                start = end
            }
            return runs
        }
        var next = BackgroundWork { runs(ofPass: 0) }
        // A failed write waits for the slice being sorted before it is reported.
        defer { _ = try? next.value() }
        var written = 0
        for pass in 0..<passes {
            let batch = try next.value()
            if pass + 1 < passes { next = BackgroundWork { runs(ofPass: pass + 1) } }
            try writeRuns(batch, level: level)
            written += batch.count
        }
        try countRows(written, inLevel: level)
    }

    /// About 65 MB of entries sorted at a time, while the last slice's rows are written: as
    /// fast at a million documents as twice as many, in less memory.
    static let rowsPerLoadPass = 4 << 20
}
