import NearDup

/// Reads a `.json` file that holds one JSON document rather than one object a line: an
/// object (one document) or an array of objects (each a document), spread over lines as
/// a pretty-printer or an export leaves it.
///
/// The file is in memory as a whole (JSON documents are not streamed). Each object is
/// validated and read as a JSON Lines record is, with the same fields; its place is the
/// line its '{' is on. An element that is not an object, or an object without an id or
/// text, is one bad record; broken JSON leaves no next element to trust and stops the
/// reading.
struct JSONDocumentReader {
    let fields: FieldSelection

    /// Calls `body` with each document of `bytes`, the file's text as UTF-8 (without a
    /// byte-order mark); `rangeOffset` is the offset of `bytes` in the file, for record ranges.
    func forEachDocument(in bytes: UnsafeRawBufferPointer, file: String, rangeOffset: Int,
                         onInvalid: (InputError) throws -> Void, _ body: (Document) throws -> Void) throws {
        let plan = RecordFieldPlan(fields)
        var parser = JSONRecordParser(fieldNames: plan.names)
        if plan.names.filter({ $0 == fields.text }).count == 1 { parser.textSlot = RecordFieldPlan.textSlot }
        var values = [JSONFieldValue?](repeating: nil, count: plan.names.count)
        var texts = [String?](repeating: nil, count: plan.names.count)
        var text: [UInt8]?
        var scratch: [UInt8] = []
        var lines = LineCounter()

        func location(_ offset: Int) -> SourceLocation {
            SourceLocation(file: file, line: lines.line(ofOffset: offset, in: bytes))
        }
        func syntaxError(_ error: JSONSyntaxError) -> InputError {
            // The parser counts columns from the start of the file; say line and column.
            var offset = 0, scalars = 1
            while offset < bytes.count, scalars < error.column {
                offset += 1
                while offset < bytes.count, bytes[offset] & 0xC0 == 0x80 { offset += 1 }
                scalars += 1
            }
            var lineStart = offset
            while lineStart > 0, bytes[lineStart - 1] != 0x0A { lineStart -= 1 }
            let column = 1 + bytes[lineStart..<offset].filter { $0 & 0xC0 != 0x80 }.count
            return InputError("invalid JSON: \(error.message) at column \(column)", at: location(offset))
        }
        func readObject(at start: Int) throws -> Int {
            let origin = location(start)
            let end: Int
            do {
                end = try parser.parseObject(bytes, at: start, into: &values, text: &text, scratch: &scratch)
            } catch {
                throw syntaxError(error)
            }
            let document: Document
            do throws(InputError) {
                for slot in values.indices {
                    texts[slot] = try JSONLineDecoder.text(of: values[slot], named: plan.names[slot],
                                                       required: slot <= RecordFieldPlan.textSlot, at: origin)
                }
                let range = (rangeOffset + start)..<(rangeOffset + end)
                document = try plan.document(from: texts, text: text, at: origin, recordRange: range, noun: "field")
            } catch {
                try onInvalid(error)
                return end
            }
            try body(document)
            return end
        }

        var i = Self.skipWhitespace(in: bytes, from: 0)
        guard i < bytes.count else { return }
        switch bytes[i] {
        case UInt8(ascii: "{"):
            i = try readObject(at: i)
        case UInt8(ascii: "["):
            i = Self.skipWhitespace(in: bytes, from: i + 1)
            var element = 0
            if i < bytes.count, bytes[i] == UInt8(ascii: "]") {
                i += 1
                break
            }
            while true {
                element += 1
                guard i < bytes.count else { throw InputError("the file ends inside the array, expected a value", at: location(i)) }
                if bytes[i] == UInt8(ascii: "{") {
                    i = try readObject(at: i)
                } else {
                    let start = i
                    do {
                        i = try JSONRecordParser.skipValue(bytes, at: i)
                    } catch {
                        throw syntaxError(error)
                    }
                    try onInvalid(InputError("array element \(element) is \(Self.typeName(of: bytes[start])), expected an object", at: location(start)))
                }
                i = Self.skipWhitespace(in: bytes, from: i)
                guard i < bytes.count else { throw InputError("the file ends inside the array, expected ',' or ']'", at: location(i)) }
                if bytes[i] == UInt8(ascii: "]") {
                    i += 1
                    break
                }
                guard bytes[i] == UInt8(ascii: ",") else {
                    throw InputError("invalid JSON: expected ',' or ']' after array element \(element)", at: location(i))
                }
                i = Self.skipWhitespace(in: bytes, from: i + 1)
                if i < bytes.count, bytes[i] == UInt8(ascii: "]") {
                    throw InputError("invalid JSON: trailing comma before ']'", at: location(i))
                }
            }
        default:
            throw InputError("a .json file must hold a JSON object, an array of objects, or one object a line; this one starts with \(Self.typeName(of: bytes[i]))", at: location(i))
        }
        i = Self.skipWhitespace(in: bytes, from: i)
        if i < bytes.count {
            throw InputError("invalid JSON: more after the end of the JSON document", at: location(i))
        }
    }

    private static func skipWhitespace(in bytes: UnsafeRawBufferPointer, from start: Int) -> Int {
        var i = start
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
        return i
    }

    /// What kind of JSON value starts with `byte`, for messages.
    private static func typeName(of byte: UInt8) -> String {
        switch byte {
        case UInt8(ascii: "\""): "a string"
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): "a number"
        case UInt8(ascii: "["): "an array"
        case UInt8(ascii: "{"): "an object"
        case UInt8(ascii: "t"), UInt8(ascii: "f"): "a boolean"
        case UInt8(ascii: "n"): "null"
        default: "something that is not JSON"
        }
    }
}

/// Counts lines up to increasing offsets of one buffer without rescanning from its start.
private struct LineCounter {
    private var offset = 0
    private var line = 1

    mutating func line(ofOffset target: Int, in bytes: UnsafeRawBufferPointer) -> Int {
        if target < offset {
            offset = 0
            line = 1
        }
        while offset < min(target, bytes.count) {
            if bytes[offset] == 0x0A { line += 1 }
            offset += 1
        }
        return line
    }
}
