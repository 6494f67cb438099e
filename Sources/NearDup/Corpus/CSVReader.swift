/// Reads RFC 4180 CSV with a header row: each later record is a document.
///
/// Quoted fields may hold commas, doubled quotes and line breaks; a record's location
/// is the line it starts on. Lines end in LF or CRLF, a UTF-8 byte-order mark is
/// skipped and empty lines are ignored. The file streams through one reusable buffer.
/// CSV has no null, so an empty source or date field counts as absent.
public struct CSVReader: Sendable {
    public var fields: FieldSelection
    /// Bytes read at a time; a longer record grows the buffer for that record only.
    public var chunkSize: Int

    public init(fields: FieldSelection = .init(), chunkSize: Int = 1 << 20) {
        self.fields = fields
        self.chunkSize = chunkSize
    }

    /// Calls `body` with each document of the CSV file at `path` ("-" for standard input), in order.
    public func forEachDocument(in path: String, _ body: (Document) throws -> Void) throws {
        let plan = RecordFieldPlan(fields)
        let input = try ChunkedFileReader(path: path, chunkSize: chunkSize)
        let file = input.displayName
        try input.ensureUnread(3)
        if input.unread.starts(with: [0xEF, 0xBB, 0xBF]) {
            input.consume(3)
        }

        var scanner = CSVRecordScanner()
        var line = 1
        var header: [String]?
        var columnOfSlot: [Int?] = []
        var values = [String?](repeating: nil, count: plan.names.count)

        while true {
            let unread = input.unread
            if unread.isEmpty && input.reachedEnd { break }
            let outcome = try scanner.scan(unread, isFinal: input.reachedEnd, file: file, firstLine: line)
            guard case .record(let length, let lineFeeds) = outcome else {
                _ = try input.readMore(filling: true)
                continue
            }
            let record = UnsafeRawBufferPointer(rebasing: unread[..<length])
            if let bad = UTF8Validation.firstInvalidOffset(in: record) {
                let badLine = UTF8Validation.line(ofOffset: bad, in: record, firstLine: line)
                throw InputError("invalid UTF-8 (byte 0x\(String(record[bad], radix: 16, uppercase: true)))", at: SourceLocation(file: file, line: badLine))
            }
            let origin = SourceLocation(file: file, line: line)
            if scanner.isBlankLine {
                // Nothing to read on an empty line.
            } else if let header {
                guard scanner.fieldCount == header.count else {
                    let fieldsNoun = scanner.fieldCount == 1 ? "field" : "fields"
                    throw InputError("record has \(scanner.fieldCount) \(fieldsNoun), the header has \(header.count)", at: origin)
                }
                for slot in values.indices {
                    values[slot] = columnOfSlot[slot].map { scanner.field($0, in: record) }
                    if slot > RecordFieldPlan.textSlot, values[slot]?.isEmpty == true {
                        values[slot] = nil
                    }
                }
                try body(try plan.document(from: values, at: origin, noun: "column"))
            } else {
                let names = (0..<scanner.fieldCount).map { scanner.field($0, in: record) }
                columnOfSlot = plan.names.map { names.firstIndex(of: $0) }
                let missing = [plan.selection.id, plan.selection.text].filter { !names.contains($0) }
                if !missing.isEmpty {
                    let quoted = missing.map { "\"\($0)\"" }.joined(separator: " and ")
                    let columnsNoun = missing.count == 1 ? "column" : "columns"
                    throw InputError("missing \(columnsNoun) \(quoted); the header has columns: \(names.joined(separator: ", "))", at: origin)
                }
                header = names
            }
            input.consume(length)
            line += lineFeeds
        }
        if header == nil {
            throw InputError("empty file, expected a header row naming the columns", at: SourceLocation(file: file, line: 1))
        }
    }
}
