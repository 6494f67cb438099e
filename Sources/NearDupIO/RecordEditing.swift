/// Changes to a record's original bytes that add to it and leave every byte of it in
/// place, for writing records out with a note attached (for instance which document a
/// removed copy duplicates).
package enum RecordEditing {
    /// The line terminator at the end of `record` (CRLF, LF, or a lone CR at the end of a
    /// file), or an empty array when it has none.
    package static func lineTerminator(of record: [UInt8]) -> [UInt8] {
        if record.last == 0x0A {
            return record.count >= 2 && record[record.count - 2] == 0x0D ? [0x0D, 0x0A] : [0x0A]
        }
        return record.last == 0x0D ? [0x0D] : []
    }

    /// `record` ending with a line terminator: itself when it has one, else with
    /// `terminator` appended (the last line of a file may have none).
    package static func terminated(_ record: [UInt8], with terminator: [UInt8] = [0x0A]) -> [UInt8] {
        lineTerminator(of: record).isEmpty ? record + terminator : record
    }

    /// A JSONL record with the string member `"name": "value"` inserted just before the
    /// object's closing brace; every other byte, the line end included, as it was. Nil
    /// when the line does not end with a '}' (it is then no JSON object).
    package static func jsonLine(_ record: [UInt8], addingMember name: String, value: String) -> [UInt8]? {
        var end = record.count - lineTerminator(of: record).count
        while end > 0, isJSONWhitespace(record[end - 1]) { end -= 1 }
        guard end > 0, record[end - 1] == UInt8(ascii: "}") else { return nil }
        let brace = end - 1
        var before = brace
        while before > 0, isJSONWhitespace(record[before - 1]) { before -= 1 }
        let isEmptyObject = before > 0 && record[before - 1] == UInt8(ascii: "{")
        var member: [UInt8] = isEmptyObject ? [] : Array(", ".utf8)
        member += jsonString(name) + Array(": ".utf8) + jsonString(value)
        var edited = record
        edited.insert(contentsOf: member, at: brace)
        return edited
    }

    /// A CSV record with one more field, `value`, after its last; the record's own bytes
    /// and line end as they were.
    package static func csvRecord(_ record: [UInt8], appendingField value: String) -> [UInt8] {
        let terminator = lineTerminator(of: record)
        var edited = Array(record[..<(record.count - terminator.count)])
        edited.append(UInt8(ascii: ","))
        edited += csvField(value)
        edited += terminator
        return edited
    }

    /// `text` as a JSON string literal: quotes, backslashes and control characters escaped.
    package static func jsonString(_ text: String) -> [UInt8] {
        var out: [UInt8] = [UInt8(ascii: "\"")]
        out.reserveCapacity(text.utf8.count + 2)
        let hex = Array("0123456789abcdef".utf8)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case 0x0A: out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 0x0D: out += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case 0x09: out += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case ..<0x20: out += Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
        return out
    }

    /// `text` as one CSV field: quoted, with quotes doubled, when it holds a comma, a
    /// quote or a line break; as it is otherwise.
    package static func csvField(_ text: String) -> [UInt8] {
        let bytes = Array(text.utf8)
        guard bytes.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }) else {
            return bytes
        }
        var out: [UInt8] = [UInt8(ascii: "\"")]
        for byte in bytes {
            out.append(byte)
            if byte == UInt8(ascii: "\"") { out.append(byte) }
        }
        out.append(UInt8(ascii: "\""))
        return out
    }

    private static func isJSONWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}
