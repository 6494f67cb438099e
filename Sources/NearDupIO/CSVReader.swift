import NearDup

/// Reads RFC 4180 CSV with a header row: each later record is a document.
///
/// Quoted fields may hold commas, doubled quotes and line breaks; a record's location
/// is the line it starts on. Lines end in LF or CRLF, a UTF-8 byte-order mark is
/// skipped and empty lines are ignored. The file streams through one reusable buffer
/// (a `.gz` file is decompressed through it). CSV has no null, so an empty source or
/// date field counts as absent.
public struct CSVReader: Sendable {
    public var fields: FieldSelection
    /// Bytes read at a time; a longer record grows the buffer for that record only.
    public var chunkSize: Int
    /// The encoding of records, and what becomes of bytes that are not valid in it.
    public var decoding: TextDecoding

    public init(fields: FieldSelection = .init(), chunkSize: Int = 1 << 20, decoding: TextDecoding = .init()) {
        self.fields = fields
        self.chunkSize = chunkSize
        self.decoding = decoding
    }

    /// The header row of a CSV file: its column names and where its bytes lie.
    public struct Header: Sendable, Equatable {
        /// Column names, in order.
        public var columns: [String]
        /// The header row's bytes in the (uncompressed) file, line terminator included:
        /// after a byte-order mark and any blank lines before it.
        public var range: Range<Int>
    }

    /// Calls `body` with each document of the CSV file at `path` ("-" for standard input,
    /// gzip data is decompressed), in order. The first bad record stops the reading with
    /// an `InputError` naming the file and line.
    public func forEachDocument(in path: String, _ body: (Document) throws -> Void) throws {
        try forEachDocument(in: path, onInvalid: { throw $0 }, body)
    }

    /// Calls `body` with each document of the CSV file at `path`, in order, and `onInvalid`
    /// with the error of each record that cannot be read (wrong field count, id or text
    /// column empty of meaning, invalid UTF-8, a misplaced quote); that record is then
    /// skipped. `onInvalid` may throw to stop. A bad header row, a quote left open at the
    /// end of the file (it swallows every record after it) and read failures are thrown.
    /// `onNotice` hears of records whose invalid bytes were replaced.
    public func forEachDocument(in path: String, onInvalid: (InputError) throws -> Void,
                                onNotice: (ReadNotice) throws -> Void = { _ in },
                                _ body: (Document) throws -> Void) throws {
        try scan(path, onHeader: { _ in true }, onInvalid: onInvalid, onNotice: onNotice, body)
    }

    /// The header row of the CSV file at `path`, checked as `forEachDocument` checks it.
    public func header(of path: String) throws -> Header {
        var found: Header?
        try scan(path, onHeader: { found = $0; return false }, onInvalid: { throw $0 }, onNotice: { _ in }, { _ in })
        return found!
    }

    /// Reads the header, hands it to `onHeader` (which says whether to go on), then the records.
    private func scan(_ path: String, onHeader: (Header) throws -> Bool, onInvalid: (InputError) throws -> Void,
                      onNotice: (ReadNotice) throws -> Void, _ body: (Document) throws -> Void) throws {
        let plan = RecordFieldPlan(fields)
        let input = try ChunkedFileReader(path: path, chunkSize: chunkSize)
        let file = input.displayName
        try input.ensureUnread(3, line: 1)
        // Records of a single-byte encoding are decoded one by one; a byte-order mark wins.
        var recordDecoder: TextDecoder?
        if input.unread.starts(with: [0xEF, 0xBB, 0xBF]) {
            input.consume(3)
        } else if !input.isDecodedFromUTF16 {
            if decoding.encoding == .utf16 {
                throw InputError(TextDecoder.missingByteOrderMark, at: SourceLocation(file: file, line: 1))
            }
            if decoding.encoding != .utf8 { recordDecoder = TextDecoder(decoding) }
        }
        // A decoded or repaired record, whose fields are then found again in it.
        var decodedStorage = UnsafeMutableRawBufferPointer.allocate(byteCount: 0, alignment: 16)
        defer { decodedStorage.deallocate() }

        var scanner = CSVRecordScanner()
        var line = 1
        var header: [String]?
        var columnOfSlot: [Int?] = []
        var values = [String?](repeating: nil, count: plan.names.count)

        while true {
            let unread = input.unread
            if unread.isEmpty && input.reachedEnd { break }
            let outcome = try scanner.scan(unread, isFinal: input.reachedEnd, file: file, firstLine: line)
            let length: Int, lineFeeds: Int
            switch outcome {
            case .incomplete:
                _ = try input.readMore(filling: true, line: line)
                continue
            case .malformed(let message, let lineFeedsBefore, let recordLength, let recordLineFeeds):
                let error = InputError(message, at: SourceLocation(file: file, line: line + lineFeedsBefore))
                guard header != nil else { throw error }
                try onInvalid(error)
                input.consume(recordLength)
                line += recordLineFeeds
                continue
            case .record(let recordLength, let recordLineFeeds):
                length = recordLength
                lineFeeds = recordLineFeeds
            }
            var record = UnsafeRawBufferPointer(rebasing: unread[..<length])
            let origin = SourceLocation(file: file, line: line)
            let range = input.position..<(input.position + length)
            var invalid: InputError?
            var document: Document?
            var decoded: DecodedText?
            if let recordDecoder {
                switch recordDecoder.decodeRecord(record) {
                case .success(let text): decoded = text
                case .failure(let failure): invalid = InputError(failure.message, at: SourceLocation(file: file, line: line + failure.line - 1))
                }
            } else if let bad = UTF8Validation.firstInvalidOffset(in: record) {
                if decoding.invalidBytes == .replace {
                    decoded = UTF8Validation.replacingInvalidBytes(in: record)
                } else {
                    let badLine = UTF8Validation.line(ofOffset: bad, in: record, firstLine: line)
                    invalid = InputError("invalid UTF-8 (byte 0x\(String(record[bad], radix: 16, uppercase: true)))", at: SourceLocation(file: file, line: badLine))
                }
            }
            if let decoded {
                if decodedStorage.count < decoded.utf8.count {
                    decodedStorage.deallocate()
                    decodedStorage = .allocate(byteCount: decoded.utf8.count * 2, alignment: 16)
                }
                decoded.utf8.withUnsafeBytes { decodedStorage.copyMemory(from: $0) }
                record = UnsafeRawBufferPointer(rebasing: decodedStorage[..<decoded.utf8.count])
                // Decoding leaves every quote, comma and line break where it was.
                _ = try scanner.scan(record, isFinal: true, file: file, firstLine: line)
            }
            if invalid != nil {
                // Reported below.
            } else if scanner.isBlankLine {
                // Nothing to read on an empty line.
            } else if let header {
                if scanner.fieldCount != header.count {
                    let fieldsNoun = scanner.fieldCount == 1 ? "field" : "fields"
                    invalid = InputError("record has \(scanner.fieldCount) \(fieldsNoun), the header has \(header.count)", at: origin)
                } else {
                    for slot in values.indices {
                        values[slot] = columnOfSlot[slot].map { scanner.field($0, in: record) }
                        if slot > RecordFieldPlan.textSlot, values[slot]?.isEmpty == true {
                            values[slot] = nil
                        }
                    }
                    do throws(InputError) {
                        document = try plan.document(from: values, at: origin, recordRange: range, noun: "column")
                    } catch {
                        invalid = error
                    }
                }
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
                input.consume(length)
                line += lineFeeds
                if try !onHeader(Header(columns: names, range: range)) { return }
                continue
            }
            if let invalid {
                guard header != nil else { throw invalid }
                try onInvalid(invalid)
            }
            input.consume(length)
            line += lineFeeds
            if let document {
                if let decoded, decoded.replacedBytes > 0 { try onNotice(.replacedBytes(count: decoded.replacedBytes, at: origin)) }
                try body(document)
            }
        }
        if header == nil {
            throw InputError("empty file, expected a header row naming the columns", at: SourceLocation(file: file, line: 1))
        }
    }
}
