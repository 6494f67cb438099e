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
            try db.makeStatement(sql: "INSERT \(head) VALUES " + Array(repeating: row, count: rows).joined(separator: ", "))
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

    /// SQLite copies the bytes bound with this.
    static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}
