import Foundation
import GRDB
import GRDBSQLite

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
    /// Writes band-key rows into one level (replacing a key's row there), many rows per
    /// statement, bound through SQLite's own calls: at tens of millions of rows, making GRDB's
    /// argument values cost more than the inserts.
    func writeRuns(_ batch: BandRunBatch, level: Int) throws {
        func statement(rows: Int) throws -> Statement {
            let values = Array(repeating: "(\(level), ?, ?)", count: rows).joined(separator: ", ")
            return try db.makeStatement(sql: "INSERT OR REPLACE INTO band_runs (level, key, positions) VALUES \(values)")
        }
        let full = batch.count >= Self.rowsPerStatement ? try statement(rows: Self.rowsPerStatement) : nil
        try batch.bytes.withUnsafeBytes { bytes in
            var start = 0
            while start < batch.count {
                let rows = min(Self.rowsPerStatement, batch.count - start)
                // The statement is held until its step is done: its handle is freed with it.
                let current = try rows == Self.rowsPerStatement ? full! : statement(rows: rows)
                let handle = current.sqliteStatement
                defer { withExtendedLifetime(current) {} }
                var parameter: Int32 = 1
                for row in start..<(start + rows) {
                    let from = row == 0 ? 0 : batch.ends[row - 1]
                    sqlite3_bind_int64(handle, parameter, Int64(bitPattern: batch.keys[row]))
                    sqlite3_bind_blob(handle, parameter + 1, bytes.baseAddress! + from, Int32(batch.ends[row] - from), Self.transient)
                    parameter += 2
                }
                let code = sqlite3_step(handle)
                sqlite3_reset(handle)
                guard code == SQLITE_DONE else {
                    throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
                }
                start += rows
            }
        }
    }

    /// SQLite copies the bytes bound with this.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}
