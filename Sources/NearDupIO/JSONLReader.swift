import NearDup
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads JSON Lines: one JSON object a line, each a document.
///
/// The file is read in chunks through one reusable buffer and each line is parsed in
/// place, so memory stays flat however large the file is (a gzipped file is decompressed
/// through the same buffer). A UTF-8 byte-order mark at the start, CRLF line ends and
/// blank lines are accepted; anything else that is not one valid JSON object a line is
/// an error naming the file and line.
///
/// A `.json` file may instead hold one JSON document (an object, or an array of objects,
/// over several lines): it is then read whole by `JSONDocumentReader`.
///
/// Text in another encoding than UTF-8 is decoded line by line (`decoding`); UTF-16 is
/// decoded as the file is read. Valid UTF-8, the usual case, takes the one strict parse
/// it always took: replacing invalid bytes is tried only on a line that failed it.
package struct JSONLReader: Sendable {
    package var fields: FieldSelection
    /// Bytes read at a time; a longer line grows the buffer for that line only.
    package var chunkSize: Int
    /// The encoding of lines, and what becomes of bytes that are not valid in it.
    package var decoding: TextDecoding

    package init(fields: FieldSelection = .init(), chunkSize: Int = 1 << 20, decoding: TextDecoding = .init()) {
        self.fields = fields
        self.chunkSize = chunkSize
        self.decoding = decoding
    }

    /// Calls `body` with each document of the JSONL file at `path` ("-" for standard input,
    /// gzip data is decompressed), in order. The first bad record stops the reading
    /// with an `InputError` naming the file and line.
    package func forEachDocument(in path: String, _ body: (Document) throws -> Void) throws {
        try forEachDocument(in: path, onInvalid: { throw $0 }, body)
    }

    /// Calls `body` with each document of the JSONL file at `path`, in order, and
    /// `onInvalid` with the error of each line that is not a valid record (not one JSON
    /// object, id or text missing or of the wrong type, invalid UTF-8); that line is then
    /// skipped. `onInvalid` may throw to stop. Failures that are not one line's fault
    /// (the file cannot be opened or read, damaged gzip data) are thrown. `onNotice` hears
    /// of replaced bytes and of a `.json` file read as one JSON document.
    package func forEachDocument(in path: String, onInvalid: (InputError) throws -> Void,
                                onNotice: (ReadNotice) throws -> Void = { _ in },
                                _ body: (Document) throws -> Void) throws {
        let input = try ChunkedFileReader(path: path, chunkSize: chunkSize)
        let file = input.displayName
        try input.ensureUnread(3, line: 1)
        // Lines of a single-byte encoding are decoded one by one; a byte-order mark wins.
        var lineDecoder: TextDecoder?
        if input.unread.starts(with: [0xEF, 0xBB, 0xBF]) {
            input.consume(3)
        } else if !input.isDecodedFromUTF16 {
            if decoding.encoding == .utf16 {
                throw InputError(TextDecoder.missingByteOrderMark, at: SourceLocation(file: file, line: 1))
            }
            if decoding.encoding != .utf8 { lineDecoder = TextDecoder(decoding) }
        }
        if Self.mayHoldOneDocument(path), try Self.holdsOneDocument(input) {
            try readOneDocument(input, lineDecoder: lineDecoder, onInvalid: onInvalid, onNotice: onNotice, body)
            return
        }
        var records = JSONLineDecoder(fields: fields, replacingInvalidBytes: decoding.invalidBytes == .replace, lineDecoder: lineDecoder)

        var lineNumber = 0
        var searched = 0 // bytes of `unread` already known to hold no line feed
        while true {
            var unread = input.unread
            let lineLength: Int
            if searched < unread.count, let base = unread.baseAddress,
               let found = memchr(base + searched, 0x0A, unread.count - searched) {
                lineLength = UnsafeRawPointer(found) - base
            } else {
                searched = unread.count
                if try input.readMore(line: lineNumber + 1) { continue }
                // readMore may have moved the bytes even though none were added.
                unread = input.unread
                guard !unread.isEmpty else { return }
                lineLength = unread.count
            }
            lineNumber += 1
            let line = UnsafeRawBufferPointer(rebasing: unread[..<lineLength])
            let recordLength = min(lineLength + 1, unread.count)
            if !Self.isBlank(line) {
                let origin = SourceLocation(file: file, line: lineNumber)
                let range = input.position..<(input.position + recordLength)
                let document: Document
                let replacedBytes: Int
                do throws(InputError) {
                    (document, replacedBytes) = try records.document(from: line, at: origin, recordRange: range)
                } catch {
                    try onInvalid(error)
                    input.consume(recordLength)
                    searched = 0
                    continue
                }
                if replacedBytes > 0 { try onNotice(.replacedBytes(count: replacedBytes, at: origin)) }
                try body(document)
            }
            input.consume(recordLength)
            searched = 0
            records.releaseScratch(longerThan: chunkSize) // a long line's scratch goes with it, as the read buffer's does
        }
    }

    /// The rest of `input` as one JSON document, decoded or repaired first as `decoding` says.
    private func readOneDocument(_ input: ChunkedFileReader, lineDecoder: TextDecoder?, onInvalid: (InputError) throws -> Void,
                                 onNotice: (ReadNotice) throws -> Void, _ body: (Document) throws -> Void) throws {
        let file = input.displayName
        while try input.readMore(line: 1) {}
        try onNotice(.jsonDocument(path: file))
        let reader = JSONDocumentReader(fields: fields)
        let start = input.position
        var replaced: DecodedText?
        if let lineDecoder {
            switch lineDecoder.decodeRecord(input.unread) {
            case .success(let text): replaced = text
            case .failure(let failure): throw InputError(failure.message, at: SourceLocation(file: file, line: failure.line))
            }
        } else if decoding.invalidBytes == .replace, UTF8Validation.firstInvalidOffset(in: input.unread) != nil {
            replaced = UTF8Validation.replacingInvalidBytes(in: input.unread)
        }
        guard let replaced else {
            try reader.forEachDocument(in: input.unread, file: file, rangeOffset: start, onInvalid: onInvalid, body)
            return
        }
        try replaced.utf8.withUnsafeBytes { bytes in
            try reader.forEachDocument(in: bytes, file: file, rangeOffset: start, onInvalid: onInvalid, body)
        }
        if replaced.replacedBytes > 0 {
            // Counted once for the file: its documents' offsets moved with the replacements.
            try onNotice(.replacedBytes(count: replaced.replacedBytes, at: SourceLocation(file: file, line: 0)))
        }
    }

    /// Whether `path` may hold one JSON document instead of JSON Lines: a `.json` file.
    static func mayHoldOneDocument(_ path: String) -> Bool {
        var name = path.lowercased()
        if name.hasSuffix(".gz") { name.removeLast(3) }
        return name.hasSuffix(".json")
    }

    /// Whether the unread input starts one JSON document rather than JSON Lines: with '['
    /// (an array), or with '{' on a first line that does not hold the whole object.
    private static func holdsOneDocument(_ input: ChunkedFileReader) throws -> Bool {
        var offset = 0
        while true {
            let unread = input.unread
            while offset < unread.count, [0x20, 0x0A, 0x0D, 0x09].contains(unread[offset]) { offset += 1 }
            if offset < unread.count { break }
            guard try input.readMore(line: 1) else { return false }
        }
        if input.unread[offset] == UInt8(ascii: "[") { return true }
        guard input.unread[offset] == UInt8(ascii: "{") else { return false }
        var lineEnd: Int?
        while true {
            let unread = input.unread
            lineEnd = unread[offset...].firstIndex(of: 0x0A)
            if lineEnd != nil { break }
            guard try input.readMore(line: 1) else { break }
        }
        let unread = input.unread
        let line = UnsafeRawBufferPointer(rebasing: unread[offset..<(lineEnd ?? unread.count)])
        var values: [JSONFieldValue?] = []
        var scratch: [UInt8] = []
        do {
            try JSONRecordParser(fieldNames: []).parse(line, into: &values, scratch: &scratch)
            return false
        } catch {
            return error.message.hasPrefix("unexpected end of line")
        }
    }

    /// A line of only spaces, tabs and carriage returns holds no record.
    private static func isBlank(_ line: UnsafeRawBufferPointer) -> Bool {
        line.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
    }
}
