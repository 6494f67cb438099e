import GRDB
import GRDBSQLite

extension IndexTables {
    /// Inserts band-key rows into one level (skipping rows already there), many rows per
    /// statement, bound through SQLite's own calls: at tens of millions of rows, making GRDB's
    /// argument values cost more than the inserts. Gives the count of rows inserted.
    func insertBandRows(_ rows: ArraySlice<(key: UInt64, position: Int)>, level: Int) throws -> Int {
        let perStatement = Self.rowsPerStatement
        let values = Array(repeating: "(\(level), ?, ?)", count: perStatement).joined(separator: ", ")
        let statement = try db.makeStatement(sql: "INSERT OR IGNORE INTO band_postings (level, key, position) VALUES \(values)")
        let handle = statement.sqliteStatement
        var inserted = 0
        var start = rows.startIndex
        while rows.endIndex - start >= perStatement {
            var parameter: Int32 = 1
            for row in rows[start..<(start + perStatement)] {
                sqlite3_bind_int64(handle, parameter, Int64(bitPattern: row.key))
                sqlite3_bind_int64(handle, parameter + 1, Int64(row.position))
                parameter += 2
            }
            let code = sqlite3_step(handle)
            sqlite3_reset(handle)
            guard code == SQLITE_DONE else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
            }
            inserted += Int(sqlite3_changes(db.sqliteConnection))
            start += perStatement
        }
        if start < rows.endIndex {
            let tail = rows[start...]
            let values = Array(repeating: "(\(level), ?, ?)", count: tail.count).joined(separator: ", ")
            try db.execute(
                sql: "INSERT OR IGNORE INTO band_postings (level, key, position) VALUES \(values)",
                arguments: StatementArguments(tail.flatMap { [Int64(bitPattern: $0.key), Int64($0.position)] }))
            inserted += db.changesCount
        }
        return inserted
    }
}
