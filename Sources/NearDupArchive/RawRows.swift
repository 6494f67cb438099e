import GRDB
import GRDBSQLite
import NearDup

/// One row of a statement being stepped, read with SQLite's own calls: at hundreds of
/// thousands of rows a command, making GRDB's row values cost more than the reads.
struct RawRow {
    fileprivate let statement: OpaquePointer

    func int(_ column: Int32) -> Int { Int(sqlite3_column_int64(statement, column)) }

    func optionalInt(_ column: Int32) -> Int? { isNull(column) ? nil : int(column) }

    func double(_ column: Int32) -> Double { sqlite3_column_double(statement, column) }

    /// A date kept as seconds and nanoseconds in two columns; nil when the seconds are null.
    func date(seconds: Int32, nanoseconds: Int32) -> PublicationDate? {
        optionalInt(seconds).map { PublicationDate(secondsSince1970: Int64($0), nanoseconds: Int32(optionalInt(nanoseconds) ?? 0)) }
    }

    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(statement, column) == SQLITE_NULL }

    /// The column's bytes, valid inside `body` only.
    func withBytes<Result>(_ column: Int32, _ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        // The pointer first, then the count, as SQLite asks.
        let pointer = sqlite3_column_blob(statement, column)
        let count = Int(sqlite3_column_bytes(statement, column))
        return try body(UnsafeRawBufferPointer(start: count == 0 ? nil : pointer, count: count))
    }
}

extension IndexTables {
    /// Steps through the rows `sql` gives with `arguments` (integers) bound in order.
    func forEachRow(_ sql: String, arguments: some Sequence<Int>, _ body: (RawRow) throws -> Void) throws {
        let statement = try db.cachedStatement(sql: sql)
        let handle = statement.sqliteStatement
        sqlite3_reset(handle)
        defer {
            sqlite3_reset(handle)
            withExtendedLifetime(statement) {}
        }
        for (index, value) in arguments.enumerated() { sqlite3_bind_int64(handle, Int32(index + 1), Int64(value)) }
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
            }
            try body(RawRow(statement: handle))
        }
    }
}
