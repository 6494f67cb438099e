import Foundation
import CFuzzDriver
import NearDup
import NearDupIO

// Feeds the bytes to JSONRecordParser as one line and, for inputs that are one line of
// valid UTF-8, compares accept/reject with Foundation's JSONSerialization (a record is a
// JSON object, so Foundation is asked for a top-level object). Known, intended
// differences are allowed (input with a NUL byte must be rejected and is not compared:
// Foundation reads it as UTF-16 or UTF-32):
//  - Foundation accepts trailing commas in objects and arrays; the parser does not.
//  - Foundation rejects numbers it cannot represent (beyond Double); the parser keeps the
//    literal text and accepts them.
//  - Foundation rejects unpaired surrogate escapes (\uD800); the parser may accept them.
//  - Foundation skips a leading UTF-8 byte-order mark; the parser is given lines after the
//    reader has removed it, and rejects it.
//  - Nesting deeper than JSONRecordParser.maximumDepth is rejected by the parser.
// When both accept, the requested string, null, array and object members must agree.

private let fieldNames = ["id", "text", "source"]
private let parser = JSONRecordParser(fieldNames: fieldNames)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let ours: [JSONFieldValue?]?
    do {
        ours = try parser.parse(bytes)
        if ours!.count != fieldNames.count { fatalError("parse returned \(ours!.count) values") }
    } catch {
        ours = nil
        if error.column < 1 { fatalError("error column \(error.column) < 1: \(error)") }
    }

    // A raw NUL is never valid JSON (control characters in strings must be escaped).
    // Foundation is not asked: it takes NUL bytes as a sign of UTF-16 or UTF-32 and
    // accepts e.g. 00 7B 00 7D as "{}" in UTF-16BE.
    if bytes.contains(0) {
        if ours != nil { fatalError("JSONRecordParser accepts a line with a NUL byte") }
        return 0
    }
    // Differential check only for a single line of valid UTF-8.
    guard !bytes.contains(0x0A), String(validating: bytes, as: UTF8.self) != nil else { return 0 }
    let foundation = try? JSONSerialization.jsonObject(with: Data(bytes), options: []) as? [String: Any]

    switch (ours, foundation) {
    case (nil, nil):
        break
    case (nil, .some):
        let bom = bytes.starts(with: [0xEF, 0xBB, 0xBF])
        if !bom && !hasTrailingComma(bytes) && depth(bytes) <= JSONRecordParser.maximumDepth {
            fatalError("JSONRecordParser rejects what Foundation accepts")
        }
    case (.some, nil):
        if !hasNumber(bytes) && !hasSurrogateEscape(bytes) {
            fatalError("JSONRecordParser accepts what Foundation rejects")
        }
    case let (values?, object?):
        for (index, name) in fieldNames.enumerated() {
            compare(values[index], object[name], name: name, bytes: bytes)
        }
    }
    return 0
}

private func compare(_ ours: JSONFieldValue?, _ theirs: Any?, name: String, bytes: UnsafeBufferPointer<UInt8>) {
    switch ours {
    case nil:
        if theirs != nil { fatalError("member \(name) missing, Foundation has it") }
    case .string(let value)?:
        guard let other = theirs as? String else { fatalError("member \(name): string vs \(String(describing: theirs))") }
        if value != other && !hasSurrogateEscape(bytes) {
            fatalError("member \(name): \(value.debugDescription) vs Foundation \(other.debugDescription)")
        }
    case .null?:
        if !(theirs is NSNull) { fatalError("member \(name): null vs \(String(describing: theirs))") }
    case .array?:
        if !(theirs is [Any]) { fatalError("member \(name): array vs \(String(describing: theirs))") }
    case .object?:
        if !(theirs is [String: Any]) { fatalError("member \(name): object vs \(String(describing: theirs))") }
    case .number?, .bool?:
        if theirs == nil { fatalError("member \(name) present, Foundation lacks it") }
    }
}

/// A ',' followed (after whitespace) by ']' or '}' outside strings.
private func hasTrailingComma(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var inString = false, escaped = false, afterComma = false
    for byte in bytes {
        if inString {
            if escaped { escaped = false } else if byte == 0x5C { escaped = true } else if byte == 0x22 { inString = false }
            continue
        }
        switch byte {
        case 0x22: inString = true; afterComma = false
        case 0x2C: afterComma = true
        case 0x20, 0x09, 0x0D, 0x0A: break
        case 0x5D, 0x7D: if afterComma { return true }
        default: afterComma = false
        }
    }
    return false
}

/// Maximum bracket nesting outside strings.
private func depth(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    var inString = false, escaped = false, current = 0, maximum = 0
    for byte in bytes {
        if inString {
            if escaped { escaped = false } else if byte == 0x5C { escaped = true } else if byte == 0x22 { inString = false }
            continue
        }
        switch byte {
        case 0x22: inString = true
        case 0x5B, 0x7B: current += 1; maximum = max(maximum, current)
        case 0x5D, 0x7D: current -= 1
        default: break
        }
    }
    return maximum
}

/// A digit outside strings (a number literal Foundation may refuse to represent).
private func hasNumber(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var inString = false, escaped = false
    for byte in bytes {
        if inString {
            if escaped { escaped = false } else if byte == 0x5C { escaped = true } else if byte == 0x22 { inString = false }
            continue
        }
        if byte == 0x22 { inString = true } else if byte >= 0x30 && byte <= 0x39 { return true }
    }
    return false
}

/// A \uD800–\uDFFF escape anywhere.
private func hasSurrogateEscape(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard bytes.count >= 6 else { return false }
    for i in 0..<(bytes.count - 5) where bytes[i] == 0x5C && bytes[i + 1] == 0x75 {
        let d = bytes[i + 2] | 0x20, third = bytes[i + 3] | 0x20
        if d == 0x64 && (third == 0x38 || third == 0x39 || (third >= 0x61 && third <= 0x66)) { return true }
    }
    return false
}

// SwiftPM links an executable with `main` aliased to `FuzzJSONRecord_main`; hand control to libFuzzer.
@_cdecl("FuzzJSONRecord_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 1) { empty in
            fuzz(data ?? UnsafePointer(empty.baseAddress!), size)
        }
    }
}
