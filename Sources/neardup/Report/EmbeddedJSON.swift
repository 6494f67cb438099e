/// A JSON value of the data a report carries for its script: built from typed values, never
/// from text pasted together.
indirect enum ReportJSON: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    /// Written with `digits` decimals.
    case fixed(Double, digits: Int)
    case string(String)
    case array([ReportJSON])
    /// Members in the order given.
    case object([(String, ReportJSON)])

    static func == (lhs: ReportJSON, rhs: ReportJSON) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case let (.bool(a), .bool(b)): a == b
        case let (.int(a), .int(b)): a == b
        case let (.fixed(a, da), .fixed(b, db)): a == b && da == db
        case let (.string(a), .string(b)): a == b
        case let (.array(a), .array(b)): a == b
        case let (.object(a), .object(b)): a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: false
        }
    }
}

/// The one place data enters the page's `<script>` elements: JSON in which `<`, `>` and `&`
/// are written as `\u003c`, `\u003e`, `\u0026`, so that no `</script>` or `<!--` can end or
/// bend the element whatever the text holds, and U+2028 and U+2029 as escapes, which some
/// JavaScript parsers take for line ends. No raw line end is written either: a report may
/// put one value a line and split them apart in the page.
enum EmbeddedJSON {
    static func encode(_ value: ReportJSON) -> [UInt8] {
        var bytes: [UInt8] = []
        append(value, to: &bytes)
        return bytes
    }

    static func append(_ value: ReportJSON, to bytes: inout [UInt8]) {
        switch value {
        case .null: bytes += Array("null".utf8)
        case .bool(let flag): bytes += Array((flag ? "true" : "false").utf8)
        case .int(let number): bytes += Array(String(number).utf8)
        case .fixed(let number, let digits): appendFixed(number, digits: digits, to: &bytes)
        case .string(let text): appendString(text, to: &bytes)
        case .array(let items):
            bytes.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                append(item, to: &bytes)
            }
            bytes.append(UInt8(ascii: "]"))
        case .object(let members):
            bytes.append(UInt8(ascii: "{"))
            for (index, (key, item)) in members.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                appendString(key, to: &bytes)
                bytes.append(UInt8(ascii: ":"))
                append(item, to: &bytes)
            }
            bytes.append(UInt8(ascii: "}"))
        }
    }

    /// Two encoded JSON objects as one: the members of `first`, then those of `second`.
    static func append(_ first: [UInt8], joinedWith second: [UInt8], to bytes: inout [UInt8]) {
        precondition(first.first == UInt8(ascii: "{") && first.last == UInt8(ascii: "}")
                     && second.first == UInt8(ascii: "{") && second.last == UInt8(ascii: "}"), "not JSON objects")
        bytes += first.dropLast()
        if first.count > 2 && second.count > 2 { bytes.append(UInt8(ascii: ",")) }
        bytes += second.dropFirst()
    }

    private static func appendFixed(_ number: Double, digits: Int, to bytes: inout [UInt8]) {
        guard number.isFinite else { return bytes += Array("null".utf8) }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = Int((abs(number) * scale).rounded())
        var text = String(scaled / Int(scale))
        if digits > 0 {
            let fraction = String(scaled % Int(scale))
            text += "." + String(repeating: "0", count: digits - fraction.count) + fraction
        }
        if number < 0 && scaled != 0 { text = "-" + text }
        bytes += Array(text.utf8)
    }

    static func appendString(_ text: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        let utf8 = Array(text.utf8)
        var index = 0
        while index < utf8.count {
            let byte = utf8[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""): bytes += [0x5C, 0x22]
            case UInt8(ascii: "\\"): bytes += [0x5C, 0x5C]
            case UInt8(ascii: "\n"): bytes += [0x5C, UInt8(ascii: "n")]
            case UInt8(ascii: "\r"): bytes += [0x5C, UInt8(ascii: "r")]
            case UInt8(ascii: "\t"): bytes += [0x5C, UInt8(ascii: "t")]
            case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"), 0..<0x20: appendEscape(UInt32(byte), to: &bytes)
            // U+2028 and U+2029: E2 80 A8 and E2 80 A9.
            case 0xE2 where index + 1 < utf8.count && utf8[index] == 0x80 && (utf8[index + 1] == 0xA8 || utf8[index + 1] == 0xA9):
                appendEscape(utf8[index + 1] == 0xA8 ? 0x2028 : 0x2029, to: &bytes)
                index += 2
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private static func appendEscape(_ value: UInt32, to bytes: inout [UInt8]) {
        let hex = Array("0123456789abcdef".utf8)
        bytes += [0x5C, UInt8(ascii: "u"), hex[Int(value >> 12 & 0xF)], hex[Int(value >> 8 & 0xF)],
                  hex[Int(value >> 4 & 0xF)], hex[Int(value & 0xF)]]
    }
}
