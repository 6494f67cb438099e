import Foundation
import GRDB
import GRDBSQLite
import NearDup

/// Band-key rows to write: keys with their position lists (`CompactCoding`), encoded back
/// to back in one buffer, so that millions of rows cost no allocation each.
struct BandRunBatch {
    private(set) var keys: [UInt64] = []
    private(set) var bytes: [UInt8] = []
    /// Where each key's list ends in `bytes`.
    private(set) var ends: [Int] = []

    var count: Int { keys.count }

    mutating func reserve(runs: Int, positions: Int) {
        keys.reserveCapacity(runs)
        ends.reserveCapacity(runs)
        bytes.reserveCapacity(positions * 3)
    }

    /// `positions` in order; one that repeats is written once.
    mutating func append(key: UInt64, positions: some Sequence<Int>) {
        keys.append(key)
        CompactCoding.append(positions: positions, to: &bytes)
        ends.append(bytes.count)
    }

    mutating func removeAll() {
        keys.removeAll(keepingCapacity: true)
        bytes.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
    }
}

extension IndexTables {
    /// Inserts `count` rows, many to a statement (`INSERT <head> VALUES (row), (row), ...`),
    /// bound through SQLite's own calls: at millions of rows, making GRDB's argument values
    /// cost more than the inserts. `bind` binds row `row`'s values from parameter `first` on.
    func insertRows(
        _ head: String, row: String, count: Int,
        bind: (_ statement: OpaquePointer, _ row: Int, _ first: Int32) -> Void
    ) throws {
        let parameters = Int32(row.count { $0 == "?" })
        func statement(rows: Int) throws -> Statement {
            try db.cachedStatement(sql: "INSERT \(head) VALUES " + Array(repeating: row, count: rows).joined(separator: ", "))
        }
        let full = count >= Self.rowsPerStatement ? try statement(rows: Self.rowsPerStatement) : nil
        var start = 0
        while start < count {
            let rows = min(Self.rowsPerStatement, count - start)
            // The statement is held until its step is done: its handle is freed with it.
            let current = try rows == Self.rowsPerStatement ? full! : statement(rows: rows)
            let handle = current.sqliteStatement
            for index in 0..<rows { bind(handle, start + index, 1 + Int32(index) * parameters) }
            let code = sqlite3_step(handle)
            sqlite3_reset(handle)
            withExtendedLifetime(current) {}
            guard code == SQLITE_DONE else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
            }
            start += rows
        }
    }

    /// Writes band-key rows into one level, replacing a key's row there.
    func writeRuns(_ batch: BandRunBatch, level: Int) throws {
        try batch.bytes.withUnsafeBytes { bytes in
            try insertRows("OR REPLACE INTO band_runs (level, key, positions)", row: "(\(level), ?, ?)", count: batch.count) { statement, row, first in
                let from = row == 0 ? 0 : batch.ends[row - 1]
                sqlite3_bind_int64(statement, first, Int64(bitPattern: batch.keys[row]))
                sqlite3_bind_blob(statement, first + 1, bytes.baseAddress! + from, Int32(batch.ends[row] - from), Self.transient)
            }
        }
    }

    /// Writes verified pairs, replacing a pair's row; `offset` is added to every position.
    func insertEdges(_ edges: [(pair: (Int, Int), outcome: SketchEngine.PairOutcome)], offset: Int = 0) throws {
        try insertRows("OR REPLACE INTO edges (first, second, overlap, bundle)", row: "(?, ?, ?, ?)", count: edges.count) { statement, row, first in
            let edge = edges[row]
            sqlite3_bind_int64(statement, first, Int64(offset + edge.pair.0))
            sqlite3_bind_int64(statement, first + 1, Int64(offset + edge.pair.1))
            switch edge.outcome {
            case .copy(let overlap):
                sqlite3_bind_double(statement, first + 2, overlap)
                sqlite3_bind_null(statement, first + 3)
            case .bundleHolds(let bundle, let containment):
                sqlite3_bind_double(statement, first + 2, containment)
                sqlite3_bind_int64(statement, first + 3, Int64(offset + bundle))
            }
        }
    }

    /// Writes documents' rows.
    func insertDocuments(_ rows: [DocumentRow]) throws {
        try insertRows("""
            INTO documents (position, id, text_hash, representative, similarity, source, date_seconds, date_nanoseconds,
                text_bytes, kept_entries, furniture, has_fingerprints, headline, published, has_story, component)
            """, row: "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", count: rows.count) { statement, index, first in
            let row = rows[index]
            let facts = row.facts
            Self.bind(statement, first, row.position)
            Self.bind(statement, first + 1, text: row.id)
            Self.bind(statement, first + 2, Int(Int64(bitPattern: row.textHash)))
            Self.bind(statement, first + 3, row.representative)
            sqlite3_bind_double(statement, first + 4, row.similarity)
            Self.bind(statement, first + 5, facts.source.map(Int.init))
            Self.bind(statement, first + 6, facts.date.map { Int($0.secondsSince1970) })
            Self.bind(statement, first + 7, facts.date.map { Int($0.nanoseconds) })
            Self.bind(statement, first + 8, facts.textBytes)
            Self.bind(statement, first + 9, row.keptEntries)
            if row.furniture.isEmpty { sqlite3_bind_null(statement, first + 10) } else { Self.bind(statement, first + 10, bytes: row.furniture) }
            Self.bind(statement, first + 11, row.hasFingerprints ? 1 : 0)
            Self.bind(statement, first + 12, text: row.page?.headline)
            Self.bind(statement, first + 13, text: row.page?.published)
            Self.bind(statement, first + 14, row.page.map { $0.hasStory ? 1 : 0 })
            Self.bind(statement, first + 15, row.component)
        }
    }

    /// Writes sketches, their entries and paragraphs in `CompactCoding`.
    func insertSketches(_ sketches: [EncodedSketch]) throws {
        try insertRows("""
            INTO sketches (position, filled_bins, flags, signature, lead_signature, fingerprints, entries, paragraphs)
            """, row: "(?, ?, ?, ?, ?, ?, ?, ?)", count: sketches.count) { statement, index, first in
            let sketch = sketches[index]
            Self.bind(statement, first, sketch.position)
            Self.bind(statement, first + 1, sketch.filledBins)
            Self.bind(statement, first + 2, sketch.flags)
            Self.bind(statement, first + 3, bytes: sketch.signature)
            Self.bind(statement, first + 4, bytes: sketch.leadSignature)
            Self.bind(statement, first + 5, bytes: sketch.fingerprints)
            Self.bind(statement, first + 6, bytes: sketch.entries)
            Self.bind(statement, first + 7, bytes: sketch.paragraphs)
        }
    }

    private static func bind(_ statement: OpaquePointer, _ parameter: Int32, _ value: Int?) {
        if let value { sqlite3_bind_int64(statement, parameter, Int64(value)) } else { sqlite3_bind_null(statement, parameter) }
    }

    private static func bind(_ statement: OpaquePointer, _ parameter: Int32, text: String?) {
        guard var contiguous = text else {
            sqlite3_bind_null(statement, parameter)
            return
        }
        contiguous.withUTF8 { utf8 in
            _ = utf8.withMemoryRebound(to: CChar.self) { sqlite3_bind_text(statement, parameter, $0.baseAddress, Int32(utf8.count), transient) }
        }
    }

    /// Bytes, never NULL: an empty blob stays an empty blob.
    private static func bind(_ statement: OpaquePointer, _ parameter: Int32, bytes: some ContiguousBytes) {
        bytes.withUnsafeBytes { raw in
            _ = raw.isEmpty
                ? sqlite3_bind_zeroblob(statement, parameter, 0)
                : sqlite3_bind_blob(statement, parameter, raw.baseAddress, Int32(raw.count), transient)
        }
    }

    /// SQLite copies the bytes bound with this.
    static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}
