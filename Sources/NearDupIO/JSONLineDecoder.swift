import NearDup

/// Makes one JSON Lines record into a document: the parse, the repair of invalid bytes when
/// asked, and the fields' checks, with buffers kept from one line to the next. `JSONLReader`
/// runs it over a file's lines; a stage of a distributed run, over records given one a line.
package struct JSONLineDecoder {
    private let plan: RecordFieldPlan
    private var parser: JSONRecordParser
    private let replacingInvalidBytes: Bool
    /// Decodes lines of a single-byte encoding to UTF-8 first; nil for UTF-8.
    private let lineDecoder: TextDecoder?
    private var text: [UInt8]?
    private var values: [JSONFieldValue?]
    private var texts: [String?]
    private var scratch: [UInt8] = []

    package init(fields: FieldSelection, replacingInvalidBytes: Bool) {
        self.init(fields: fields, replacingInvalidBytes: replacingInvalidBytes, lineDecoder: nil)
    }

    init(fields: FieldSelection, replacingInvalidBytes: Bool, lineDecoder: TextDecoder?) {
        plan = RecordFieldPlan(fields)
        parser = JSONRecordParser(fieldNames: plan.names)
        // The text comes as bytes, unless another field shares its name and so its value.
        if plan.names.filter({ $0 == fields.text }).count == 1 { parser.textSlot = RecordFieldPlan.textSlot }
        self.replacingInvalidBytes = replacingInvalidBytes
        self.lineDecoder = lineDecoder
        values = [JSONFieldValue?](repeating: nil, count: plan.names.count)
        texts = [String?](repeating: nil, count: plan.names.count)
    }

    /// The document of one record (`line`, without its line feed), and how many invalid bytes
    /// became U+FFFD; an error naming `origin` when the line is no valid record.
    package mutating func document(
        from line: UnsafeRawBufferPointer, at origin: SourceLocation, recordRange: Range<Int>
    ) throws(InputError) -> (document: Document, replacedBytes: Int) {
        var replacedBytes = 0
        if let lineDecoder {
            replacedBytes = try Self.parseDecoded(line, with: lineDecoder, parser, into: &values, text: &text, scratch: &scratch, at: origin)
        } else {
            do {
                try parser.parse(line, into: &values, text: &text, scratch: &scratch)
            } catch {
                replacedBytes = try Self.parseRepaired(line, failure: error, replacing: replacingInvalidBytes,
                                                       parser, into: &values, text: &text, scratch: &scratch, at: origin)
            }
        }
        for slot in values.indices {
            texts[slot] = try Self.text(of: values[slot], named: plan.names[slot], required: slot <= RecordFieldPlan.textSlot, at: origin)
        }
        return (try plan.document(from: texts, text: text, at: origin, recordRange: recordRange, noun: "field"), replacedBytes)
    }

    /// Lets the parse's scratch buffer go when a long line grew it past `limit` bytes.
    package mutating func releaseScratch(longerThan limit: Int) {
        if scratch.count > limit { scratch = [] }
    }

    /// Parses a line of a single-byte encoding after decoding it to UTF-8; returns the
    /// bytes replaced.
    private static func parseDecoded(_ line: UnsafeRawBufferPointer, with decoder: TextDecoder, _ parser: JSONRecordParser,
                                     into values: inout [JSONFieldValue?], text: inout [UInt8]?, scratch: inout [UInt8],
                                     at origin: SourceLocation) throws(InputError) -> Int {
        switch decoder.decodeRecord(line) {
        case .failure(let failure):
            throw InputError(failure.message, at: origin)
        case .success(let decoded):
            let outcome = decoded.utf8.withUnsafeBytes { bytes in
                Result { () throws(JSONSyntaxError) in try parser.parse(bytes, into: &values, text: &text, scratch: &scratch) }
            }
            if case .failure(let error) = outcome { throw InputError("invalid JSON: \(error)", at: origin) }
            return decoded.replacedBytes
        }
    }

    /// After a line failed to parse: with `replacing`, when it holds invalid UTF-8, parses
    /// it again with each bad byte replaced by U+FFFD and returns how many were; otherwise
    /// throws the first failure.
    private static func parseRepaired(_ line: UnsafeRawBufferPointer, failure: JSONSyntaxError, replacing: Bool, _ parser: JSONRecordParser,
                                      into values: inout [JSONFieldValue?], text: inout [UInt8]?, scratch: inout [UInt8],
                                      at origin: SourceLocation) throws(InputError) -> Int {
        guard replacing, UTF8Validation.firstInvalidOffset(in: line) != nil else {
            throw InputError("invalid JSON: \(failure)", at: origin)
        }
        let repaired = UTF8Validation.replacingInvalidBytes(in: line)
        let outcome = repaired.utf8.withUnsafeBytes { bytes in
            Result { () throws(JSONSyntaxError) in try parser.parse(bytes, into: &values, text: &text, scratch: &scratch) }
        }
        if case .failure(let error) = outcome { throw InputError("invalid JSON: \(error)", at: origin) }
        return repaired.replacedBytes
    }

    /// A member's value as document text. Strings and numbers are text; null is absence
    /// for optional fields; anything else is a mistake worth reporting.
    static func text(of value: JSONFieldValue?, named name: String, required: Bool, at origin: SourceLocation) throws(InputError) -> String? {
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
