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
public struct JSONLReader: Sendable {
    public var fields: FieldSelection
    /// Bytes read at a time; a longer line grows the buffer for that line only.
    public var chunkSize: Int

    public init(fields: FieldSelection = .init(), chunkSize: Int = 1 << 20) {
        self.fields = fields
        self.chunkSize = chunkSize
    }

    /// Calls `body` with each document of the JSONL file at `path` ("-" for standard input,
    /// a `.gz` path is decompressed), in order. The first bad record stops the reading
    /// with an `InputError` naming the file and line.
    public func forEachDocument(in path: String, _ body: (Document) throws -> Void) throws {
        try forEachDocument(in: path, onInvalid: { throw $0 }, body)
    }

    /// Calls `body` with each document of the JSONL file at `path`, in order, and
    /// `onInvalid` with the error of each line that is not a valid record (not one JSON
    /// object, id or text missing or of the wrong type, invalid UTF-8); that line is then
    /// skipped. `onInvalid` may throw to stop. Failures that are not one line's fault
    /// (the file cannot be opened or read, damaged gzip data) are thrown.
    public func forEachDocument(in path: String, onInvalid: (InputError) throws -> Void,
                                _ body: (Document) throws -> Void) throws {
        let plan = RecordFieldPlan(fields)
        var parser = JSONRecordParser(fieldNames: plan.names)
        // The text comes as bytes, unless another field shares its name and so its value.
        if plan.names.filter({ $0 == fields.text }).count == 1 { parser.textSlot = RecordFieldPlan.textSlot }
        var text: [UInt8]?
        var values = [JSONFieldValue?](repeating: nil, count: plan.names.count)
        var texts = [String?](repeating: nil, count: plan.names.count)
        var scratch: [UInt8] = []

        let input = try ChunkedFileReader(path: path, chunkSize: chunkSize)
        let file = input.displayName
        try input.ensureUnread(3, line: 1)
        if input.unread.starts(with: [0xEF, 0xBB, 0xBF]) {
            input.consume(3)
        }

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
                do throws(InputError) {
                    do {
                        try parser.parse(line, into: &values, text: &text, scratch: &scratch)
                    } catch {
                        throw InputError("invalid JSON: \(error)", at: origin)
                    }
                    for slot in values.indices {
                        texts[slot] = try Self.text(of: values[slot], named: plan.names[slot], required: slot <= RecordFieldPlan.textSlot, at: origin)
                    }
                    document = try plan.document(from: texts, text: text, at: origin, recordRange: range, noun: "field")
                } catch {
                    try onInvalid(error)
                    input.consume(recordLength)
                    searched = 0
                    continue
                }
                try body(document)
            }
            input.consume(recordLength)
            searched = 0
            if scratch.count > chunkSize {
                scratch = [] // a long line's scratch goes with it, as the read buffer's does
            }
        }
    }

    /// A line of only spaces, tabs and carriage returns holds no record.
    private static func isBlank(_ line: UnsafeRawBufferPointer) -> Bool {
        line.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
    }

    /// A member's value as document text. Strings and numbers are text; null is absence
    /// for optional fields; anything else is a mistake worth reporting.
    private static func text(of value: JSONFieldValue?, named name: String, required: Bool, at origin: SourceLocation) throws(InputError) -> String? {
        switch value {
        case nil:
            return nil
        case .string(let text), .number(let text):
            return text
        case .null where !required:
            return nil
        case let other?:
            throw InputError("field \"\(name)\" is \(other.typeName), expected a string or a number", at: origin)
        }
    }
}
