#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A strict parser for one line holding one JSON object, that builds only the few
/// members asked for.
///
/// A general JSON parser builds every value of every record; NearDup needs two to four
/// strings per record, and the body text is most of the bytes. This parser validates the
/// whole line as RFC 8259 does (so a damaged record is an error, not a silently odd
/// document) but copies out only the requested members, each decoded in one pass by
/// `JSONStringKernel`; the members it skips are checked eight bytes at a time.
///
/// Duplicate member names are accepted and the last one wins, as Foundation does.
public struct JSONRecordParser: Sendable {
    /// The member names whose values `parse` returns, in this order.
    public let fieldNames: [String]
    private let nameBytes: [[UInt8]]

    /// Whether requested strings go through `JSONStringKernel` first; false keeps to the
    /// strict scan alone, the reference the kernel is tested against.
    var usesStringKernel = true

    /// The field whose string value `parse(_:into:text:scratch:)` hands over as UTF-8 bytes
    /// rather than as a String (a document's body text: most of the bytes, which the
    /// pipeline reads as bytes). No other field may have its name.
    var textSlot: Int?

    /// Containers nested deeper than this are rejected rather than risking the stack.
    public static let maximumDepth = 512

    public init(fieldNames: [String]) {
        self.fieldNames = fieldNames
        self.nameBytes = fieldNames.map { Array($0.utf8) }
    }

    /// Parses one line (without its line terminator) and returns the values of
    /// `fieldNames` in order, nil for a member the object does not have.
    public func parse(_ line: some Collection<UInt8>) throws(JSONSyntaxError) -> [JSONFieldValue?] {
        var values = [JSONFieldValue?](repeating: nil, count: fieldNames.count)
        var scratch: [UInt8] = []
        let outcome = line.withContiguousStorageIfAvailable { buffer in
            Result { () throws(JSONSyntaxError) in try parse(UnsafeRawBufferPointer(buffer), into: &values, scratch: &scratch) }
        } ?? Array(line).withUnsafeBytes { buffer in
            Result { () throws(JSONSyntaxError) in try parse(buffer, into: &values, scratch: &scratch) }
        }
        try outcome.get()
        return values
    }

    /// Parses `bytes` into `values`, which must have one slot per field name; slots of
    /// members the object lacks are set to nil. For readers that own the buffer; they keep
    /// `scratch` between lines so that decoding strings allocates nothing.
    func parse(_ bytes: UnsafeRawBufferPointer, into values: inout [JSONFieldValue?],
               scratch: inout [UInt8]) throws(JSONSyntaxError) {
        var text: [UInt8]?
        try parse(bytes, into: &values, text: &text, scratch: &scratch)
    }

    /// Also sets `text` to the bytes of the `textSlot` field when it is a string, whose slot
    /// in `values` is then nil; to nil otherwise.
    func parse(_ bytes: UnsafeRawBufferPointer, into values: inout [JSONFieldValue?], text: inout [UInt8]?,
               scratch: inout [UInt8]) throws(JSONSyntaxError) {
        precondition(values.count == fieldNames.count)
        text = nil
        for index in values.indices {
            values[index] = nil
        }
        guard let base = bytes.baseAddress, bytes.count > 0 else {
            throw JSONSyntaxError("expected '{' (a record must be a JSON object), found an empty line", column: 1)
        }
        var scanner = JSONLineScanner(bytes: base.assumingMemoryBound(to: UInt8.self), count: bytes.count)
        scanner.usesStringKernel = usesStringKernel
        scanner.textSlot = textSlot
        swap(&scanner.scratch, &scratch)
        defer { swap(&scanner.scratch, &scratch) }
        try scanner.parseRecord(names: nameBytes, fieldNames: fieldNames, into: &values)
        text = scanner.text
    }

    /// Parses the object that starts at `offset` of `bytes` (after any whitespace), a whole
    /// JSON text in which line breaks are whitespace, as `parse` does a line; returns the
    /// offset just past its closing brace. A syntax error's column counts from `bytes`' start.
    func parseObject(_ bytes: UnsafeRawBufferPointer, at offset: Int, into values: inout [JSONFieldValue?],
                     text: inout [UInt8]?, scratch: inout [UInt8]) throws(JSONSyntaxError) -> Int {
        precondition(values.count == fieldNames.count)
        text = nil
        for index in values.indices {
            values[index] = nil
        }
        guard let base = bytes.baseAddress, offset < bytes.count else {
            throw JSONSyntaxError("expected '{' (a record must be a JSON object), found the end of the file", column: 1)
        }
        var scanner = JSONLineScanner(bytes: base.assumingMemoryBound(to: UInt8.self), count: bytes.count)
        scanner.position = offset
        scanner.usesStringKernel = usesStringKernel
        scanner.textSlot = textSlot
        swap(&scanner.scratch, &scratch)
        defer { swap(&scanner.scratch, &scratch) }
        try scanner.parseObject(names: nameBytes, fieldNames: fieldNames, into: &values)
        text = scanner.text
        return scanner.position
    }

    /// Checks the JSON value that starts at `offset` of `bytes` and returns the offset just
    /// past it.
    static func skipValue(_ bytes: UnsafeRawBufferPointer, at offset: Int) throws(JSONSyntaxError) -> Int {
        guard let base = bytes.baseAddress, offset < bytes.count else {
            throw JSONSyntaxError("unexpected end of the file, expected a value", column: 1)
        }
        var scanner = JSONLineScanner(bytes: base.assumingMemoryBound(to: UInt8.self), count: bytes.count)
        scanner.position = offset
        try scanner.skipAnyValue()
        return scanner.position
    }
}

// MARK: - JSONLineScanner

private let quote: UInt8 = 0x22
private let backslash: UInt8 = 0x5C

/// The cursor over one line; every method leaves `position` just past what it consumed.
private struct JSONLineScanner {
    let bytes: UnsafePointer<UInt8>
    let count: Int
    var position = 0
    /// Where requested strings are decoded before they become Strings.
    var scratch: [UInt8] = []
    var usesStringKernel = true
    var textSlot: Int?
    /// The `textSlot` field's string, as bytes.
    var text: [UInt8]?

    init(bytes: UnsafePointer<UInt8>, count: Int) {
        self.bytes = bytes
        self.count = count
    }

    // MARK: Record

    mutating func parseRecord(names: [[UInt8]], fieldNames: [String], into values: inout [JSONFieldValue?]) throws(JSONSyntaxError) {
        try parseObject(names: names, fieldNames: fieldNames, into: &values)
        skipWhitespace()
        if position < count {
            throw failure("unexpected \(describe(bytes[position])) after the JSON object")
        }
    }

    /// One object, from `position` (after any whitespace) to just past its closing brace.
    @inline(__always)
    mutating func parseObject(names: [[UInt8]], fieldNames: [String], into values: inout [JSONFieldValue?]) throws(JSONSyntaxError) {
        skipWhitespace()
        guard position < count, bytes[position] == UInt8(ascii: "{") else {
            throw failure("expected '{' (a record must be a JSON object)")
        }
        position += 1
        skipWhitespace()
        if position < count, bytes[position] == UInt8(ascii: "}") {
            position += 1
        } else {
            while true {
                try expectMemberName()
                let keyStart = position
                let (keyEnd, keyEscaped) = try scanString()
                try expectColon()
                var firstMatch = -1
                for index in names.indices where nameMatches(names[index], fieldNames[index], start: keyStart, end: keyEnd, escaped: keyEscaped) {
                    if firstMatch < 0 {
                        if index == textSlot {
                            // A later member of the same name replaces it, string or not.
                            text = try extractUTF8String()
                            values[index] = text == nil ? try extractValue() : nil
                        } else {
                            values[index] = try extractValue()
                        }
                        firstMatch = index
                    } else {
                        values[index] = values[firstMatch]
                    }
                }
                if firstMatch < 0 {
                    try skipValue(depth: 2)
                }
                if try endOfContainer(closing: UInt8(ascii: "}")) { break }
            }
        }
    }

    /// Any one value, validated and passed over.
    mutating func skipAnyValue() throws(JSONSyntaxError) {
        skipWhitespace()
        try skipValue(depth: 1)
    }

    private func nameMatches(_ name: [UInt8], _ fieldName: String, start: Int, end: Int, escaped: Bool) -> Bool {
        if escaped {
            return decodeEscaped(from: start, to: end) == fieldName
        }
        guard name.count == end - start else { return false }
        return name.withUnsafeBufferPointer { name in
            name.isEmpty || memcmp(name.baseAddress!, bytes + start, name.count) == 0
        }
    }

    /// The value of a requested member as UTF-8 bytes when it is a string; nil, with nothing
    /// consumed, when it is not.
    private mutating func extractUTF8String() throws(JSONSyntaxError) -> [UInt8]? {
        guard position < count, bytes[position] == quote else { return nil }
        position += 1
        let start = position
        if usesStringKernel, let (value, end) = JSONStringKernel.utf8(in: bytes, from: start, count: count, scratch: &scratch) {
            position = end + 1
            return value
        }
        let (end, escaped) = try scanString()
        return escaped
            ? Array(decodeEscaped(from: start, to: end).utf8)
            : Array(UnsafeBufferPointer(start: bytes + start, count: end - start))
    }

    /// The value of a requested member, built as a Swift value.
    private mutating func extractValue() throws(JSONSyntaxError) -> JSONFieldValue {
        guard position < count else { throw failure("unexpected end of line, expected a value") }
        switch bytes[position] {
        case quote:
            position += 1
            let start = position
            if usesStringKernel, let (value, end) = JSONStringKernel.string(in: bytes, from: start, count: count, scratch: &scratch) {
                position = end + 1
                return .string(value)
            }
            // The strict scan reports what is wrong, at the same place as ever.
            let (end, escaped) = try scanString()
            return .string(escaped ? decodeEscaped(from: start, to: end) : plainString(from: start, to: end))
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            let start = position
            try scanNumber()
            return .number(plainString(from: start, to: position))
        case UInt8(ascii: "{"):
            try skipValue(depth: 2)
            return .object
        case UInt8(ascii: "["):
            try skipValue(depth: 2)
            return .array
        case UInt8(ascii: "t"):
            try expectLiteral("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try expectLiteral("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try expectLiteral("null")
            return .null
        default:
            throw unexpectedValueStart()
        }
    }

    // MARK: Skipping (validation without building)

    private mutating func skipValue(depth: Int) throws(JSONSyntaxError) {
        guard position < count else { throw failure("unexpected end of line, expected a value") }
        switch bytes[position] {
        case quote:
            position += 1
            _ = try scanString()
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            try scanNumber()
        case UInt8(ascii: "{"):
            guard depth <= JSONRecordParser.maximumDepth else {
                throw failure("nesting deeper than \(JSONRecordParser.maximumDepth) levels")
            }
            position += 1
            skipWhitespace()
            if position < count, bytes[position] == UInt8(ascii: "}") {
                position += 1
                return
            }
            while true {
                try expectMemberName()
                _ = try scanString()
                try expectColon()
                try skipValue(depth: depth + 1)
                if try endOfContainer(closing: UInt8(ascii: "}")) { return }
            }
        case UInt8(ascii: "["):
            guard depth <= JSONRecordParser.maximumDepth else {
                throw failure("nesting deeper than \(JSONRecordParser.maximumDepth) levels")
            }
            position += 1
            skipWhitespace()
            if position < count, bytes[position] == UInt8(ascii: "]") {
                position += 1
                return
            }
            while true {
                try skipValue(depth: depth + 1)
                if try endOfContainer(closing: UInt8(ascii: "]")) { return }
                if position < count, bytes[position] == UInt8(ascii: "]") {
                    throw failure("trailing comma before ']'")
                }
            }
        case UInt8(ascii: "t"):
            try expectLiteral("true")
        case UInt8(ascii: "f"):
            try expectLiteral("false")
        case UInt8(ascii: "n"):
            try expectLiteral("null")
        default:
            throw unexpectedValueStart()
        }
    }

    // MARK: Punctuation

    /// Expects the opening quote of a member name, after '{' or ','.
    private mutating func expectMemberName() throws(JSONSyntaxError) {
        guard position < count else { throw failure("unexpected end of line, expected a member name") }
        let byte = bytes[position]
        if byte == quote {
            position += 1
            return
        }
        if byte == UInt8(ascii: "}") {
            throw failure("trailing comma before '}'")
        }
        if byte == UInt8(ascii: "'") {
            throw failure("single quotes are not allowed, expected '\"' to begin a member name")
        }
        throw failure("expected '\"' to begin a member name, found \(describe(byte))")
    }

    private mutating func expectColon() throws(JSONSyntaxError) {
        skipWhitespace()
        guard position < count, bytes[position] == UInt8(ascii: ":") else {
            throw failure("expected ':' after the member name")
        }
        position += 1
        skipWhitespace()
    }

    /// After a member or element: consumes ',' (returning false) or the closing
    /// bracket (returning true).
    private mutating func endOfContainer(closing: UInt8) throws(JSONSyntaxError) -> Bool {
        skipWhitespace()
        guard position < count else {
            throw failure("unexpected end of line, \(Self.separatorExpectation(closing))")
        }
        let byte = bytes[position]
        if byte == closing {
            position += 1
            return true
        }
        if byte == UInt8(ascii: ",") {
            position += 1
            skipWhitespace()
            return false
        }
        throw failure(Self.separatorExpectation(closing))
    }

    private static func separatorExpectation(_ closing: UInt8) -> String {
        closing == UInt8(ascii: "}") ? "expected ',' or '}'" : "expected ',' or ']'"
    }

    @inline(__always)
    private mutating func skipWhitespace() {
        while position < count {
            switch bytes[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    private mutating func expectLiteral(_ literal: StaticString) throws(JSONSyntaxError) {
        let length = literal.utf8CodeUnitCount
        let text = literal.utf8Start
        for k in 0..<length {
            guard position + k < count, bytes[position + k] == text[k] else {
                throw failure("invalid literal, expected '\(literal)'")
            }
        }
        position += length
    }

    private func unexpectedValueStart() -> JSONSyntaxError {
        let byte = bytes[position]
        if byte == UInt8(ascii: "'") {
            return failure("single quotes are not allowed, expected a value")
        }
        if byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]") {
            return failure("expected a value, found '\(Character(Unicode.Scalar(byte)))'")
        }
        return failure("expected a value, found \(describe(byte))")
    }

    // MARK: Numbers

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`
    private mutating func scanNumber() throws(JSONSyntaxError) {
        if bytes[position] == UInt8(ascii: "-") {
            position += 1
        }
        guard position < count, isDigit(bytes[position]) else {
            throw failure("invalid number, expected a digit")
        }
        if bytes[position] == UInt8(ascii: "0") {
            position += 1
            if position < count, isDigit(bytes[position]) {
                throw failure("invalid number, leading zeros are not allowed")
            }
        } else {
            skipDigits()
        }
        if position < count, bytes[position] == UInt8(ascii: ".") {
            position += 1
            guard position < count, isDigit(bytes[position]) else {
                throw failure("invalid number, expected a digit after '.'")
            }
            skipDigits()
        }
        if position < count, bytes[position] | 0x20 == UInt8(ascii: "e") {
            position += 1
            if position < count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") {
                position += 1
            }
            guard position < count, isDigit(bytes[position]) else {
                throw failure("invalid number, expected a digit in the exponent")
            }
            skipDigits()
        }
    }

    @inline(__always)
    private func isDigit(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "0") < 10
    }

    @inline(__always)
    private mutating func skipDigits() {
        while position < count, isDigit(bytes[position]) {
            position += 1
        }
    }

    // MARK: Strings

    /// Validates a string whose opening quote was consumed. Returns the end of its
    /// content (the closing quote's offset) and whether it holds escapes; leaves
    /// `position` after the closing quote.
    @inline(__always)
    private mutating func scanString() throws(JSONSyntaxError) -> (end: Int, escaped: Bool) {
        var i = position
        var escaped = false
        while true {
            while i + 8 <= count {
                let word = UnsafeRawPointer(bytes + i).loadUnaligned(as: UInt64.self)
                let special = Self.specialBytes(word)
                if special == 0 {
                    i += 8
                } else {
                    i += special.trailingZeroBitCount >> 3
                    break
                }
            }
            guard i < count else {
                position = i
                throw failure("unterminated string")
            }
            let byte = bytes[i]
            if byte == quote {
                position = i + 1
                return (i, escaped)
            } else if byte == backslash {
                escaped = true
                // The common escapes (\n, \", \\ ...) are checked here; \u and errors out of line.
                if i + 1 < count, Self.isSingleByteEscape(bytes[i + 1]) {
                    i += 2
                } else {
                    try validateEscape(at: &i)
                }
            } else if byte < 0x20 {
                position = i
                throw failure("control character U+\(hex(UInt32(byte), digits: 4)) in a string must be escaped")
            } else if byte >= 0x80 {
                guard let length = UTF8Validation.multibyteSequenceLength(bytes, at: i, count: count) else {
                    position = i
                    throw failure("invalid UTF-8 byte 0x\(hex(UInt32(byte), digits: 2)) in a string")
                }
                i += length
            } else {
                i += 1
            }
        }
    }

    /// A mask with bit 7 of every byte lane that is '"', '\', below 0x20 or above 0x7F
    /// (exact for the lowest flagged lane, which is all `scanString` uses).
    @inline(__always)
    private static func specialBytes(_ rawWord: UInt64) -> UInt64 {
        let word = UInt64(littleEndian: rawWord)
        return JSONStringKernel.specialBytes(word) | word & 0x8080_8080_8080_8080
    }

    @inline(__always)
    private static func isSingleByteEscape(_ byte: UInt8) -> Bool {
        switch byte {
        case quote, backslash, UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
             UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            true
        default:
            false
        }
    }

    /// Checks the escape at `i` (a backslash) and moves `i` past it.
    private mutating func validateEscape(at i: inout Int) throws(JSONSyntaxError) {
        guard i + 1 < count else {
            position = i + 1
            throw failure("unterminated string")
        }
        switch bytes[i + 1] {
        case quote, backslash, UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
             UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            i += 2
        case UInt8(ascii: "u"):
            let unit = try hexEscape(at: i)
            switch unit {
            case 0xD800...0xDBFF:
                guard i + 7 < count, bytes[i + 6] == backslash, bytes[i + 7] == UInt8(ascii: "u"),
                      case 0xDC00...0xDFFF = try hexEscape(at: i + 6) else {
                    position = i
                    throw failure("lone surrogate \\u\(hex(UInt32(unit), digits: 4)) (a high surrogate must be followed by a low one)")
                }
                i += 12
            case 0xDC00...0xDFFF:
                position = i
                throw failure("lone surrogate \\u\(hex(UInt32(unit), digits: 4)) (a low surrogate without a high one)")
            default:
                i += 6
            }
        default:
            position = i
            let byte = bytes[i + 1]
            let shown = byte >= 0x20 && byte < 0x7F ? "\\\(Character(Unicode.Scalar(byte)))" : "\\ followed by \(describe(byte))"
            throw failure("invalid escape '\(shown)'")
        }
    }

    /// The code unit of the `\uXXXX` escape whose backslash is at `i`.
    private mutating func hexEscape(at i: Int) throws(JSONSyntaxError) -> UInt16 {
        var unit: UInt16 = 0
        for k in 2..<6 {
            guard i + k < count, let digit = JSONStringKernel.hexDigit(bytes[i + k]) else {
                position = i
                throw failure("invalid \\u escape, expected four hex digits")
            }
            unit = unit << 4 | UInt16(digit)
        }
        return unit
    }

    /// A validated escape-free run as a String.
    @inline(__always)
    private func plainString(from start: Int, to end: Int) -> String {
        String(decoding: UnsafeBufferPointer(start: bytes + start, count: end - start), as: UTF8.self)
    }

    /// Decodes a validated string with escapes. The result is never longer than the
    /// escaped form, so it is written straight into the new String's storage, eight
    /// bytes at a time between escapes (a word may be stored past the run's end: it
    /// stays inside the capacity and is overwritten next).
    private func decodeEscaped(from start: Int, to end: Int) -> String {
        String(unsafeUninitializedCapacity: end - start) { output in
            let out = output.baseAddress!
            var written = 0
            var i = start
            while i < end {
                if i + 8 <= end {
                    let word = UnsafeRawPointer(bytes + i).loadUnaligned(as: UInt64.self)
                    UnsafeMutableRawPointer(out + written).storeBytes(of: word, as: UInt64.self)
                    let mask = Self.backslashes(word)
                    if mask == 0 {
                        i += 8
                        written += 8
                        continue
                    }
                    let run = mask.trailingZeroBitCount >> 3
                    i += run
                    written += run
                } else if bytes[i] != backslash {
                    out[written] = bytes[i]
                    i += 1
                    written += 1
                    continue
                }
                // bytes[i] is a backslash.
                let escape = bytes[i + 1]
                i += 2
                let simple: UInt8
                switch escape {
                case UInt8(ascii: "n"): simple = 0x0A
                case UInt8(ascii: "t"): simple = 0x09
                case UInt8(ascii: "r"): simple = 0x0D
                case UInt8(ascii: "b"): simple = 0x08
                case UInt8(ascii: "f"): simple = 0x0C
                case UInt8(ascii: "u"):
                    var scalar = UInt32(hexUnit(at: i))
                    i += 4
                    if (0xD800...0xDBFF).contains(scalar) {
                        let low = UInt32(hexUnit(at: i + 2))
                        i += 6
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    }
                    written += JSONStringKernel.encodeUTF8(scalar, into: out + written)
                    continue
                default: simple = escape // '"', '\\', '/'
                }
                out[written] = simple
                written += 1
            }
            return written
        }
    }

    /// Bit 7 set in the lowest lane holding a backslash (higher lanes may be false positives).
    @inline(__always)
    private static func backslashes(_ rawWord: UInt64) -> UInt64 {
        let word = UInt64(littleEndian: rawWord)
        let ones: UInt64 = 0x0101_0101_0101_0101
        let flipped = word ^ (ones &* 0x5C)
        return (flipped &- ones) & ~flipped & 0x8080_8080_8080_8080
    }

    /// Four hex digits already validated by `scanString`.
    @inline(__always)
    private func hexUnit(at i: Int) -> UInt16 {
        var unit: UInt16 = 0
        for k in 0..<4 {
            unit = unit << 4 | UInt16(JSONStringKernel.hexDigit(bytes[i + k])!)
        }
        return unit
    }

    // MARK: Messages

    /// An error at `position`, with the column counted in Unicode scalars.
    private func failure(_ message: String) -> JSONSyntaxError {
        let end = min(position, count)
        var column = 1
        for i in 0..<end where bytes[i] & 0xC0 != 0x80 {
            column += 1
        }
        return JSONSyntaxError(message, column: column)
    }

    private func describe(_ byte: UInt8) -> String {
        if byte >= 0x21 && byte < 0x7F {
            return "'\(Character(Unicode.Scalar(byte)))'"
        }
        return "byte 0x\(hex(UInt32(byte), digits: 2))"
    }

    private func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
