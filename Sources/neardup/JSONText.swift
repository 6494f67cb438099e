/// JSON string literals and numbers for hand-written JSON output.
enum JSONText {
    /// Whether `text` goes between quotes as it is: most ids do, one scan and one copy.
    static func needsNoEscape(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 >= 0x20 && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }
    }

    /// Appends `text` as a JSON string literal, without making one first when it needs no escape.
    static func appendQuoted(_ text: String, to bytes: inout [UInt8]) {
        guard needsNoEscape(text) else { return bytes.append(contentsOf: quoted(text).utf8) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: text.utf8)
        bytes.append(UInt8(ascii: "\""))
    }

    static func quoted(_ text: String) -> String {
        if needsNoEscape(text) {
            return "\"" + text + "\""
        }
        var result = "\""
        result.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        result += "\""
        return result
    }

    static func quoted(_ text: String?) -> String {
        text.map { quoted($0) } ?? "null"
    }

    /// Fixed four decimals, so outputs compare byte for byte.
    static func number(_ value: Double) -> String {
        fixed(value, digits: 4)
    }

    /// Appends `number(value)`'s bytes, without making the string.
    static func appendNumber(_ value: Double, to bytes: inout [UInt8]) {
        appendFixed(value, digits: 4, to: &bytes)
    }
}

func fixed(_ value: Double, digits: Int) -> String {
    var bytes: [UInt8] = []
    appendFixed(value, digits: digits, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
}

/// Appends `value` rounded to `digits` decimals, digit by digit: a report of a million lines
/// made several strings a line when each number was built as one.
func appendFixed(_ value: Double, digits: Int, to bytes: inout [UInt8]) {
    let scale = pow10(digits)
    let rounded = (value * scale).rounded() / scale
    let scaled = Int64(rounded * scale)
    if scaled < 0 { bytes.append(UInt8(ascii: "-")) }
    guard digits > 0 else { return appendDecimal(scaled.magnitude, to: &bytes) }
    let unit = UInt64(scale)
    appendDecimal(scaled.magnitude / unit, to: &bytes)
    bytes.append(UInt8(ascii: "."))
    var fraction = scaled.magnitude % unit
    bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: digits))
    var position = bytes.count - 1
    while fraction > 0 {
        bytes[position] = UInt8(ascii: "0") + UInt8(fraction % 10)
        fraction /= 10
        position -= 1
    }
}

/// Appends the decimal digits of `value`.
func appendDecimal(_ value: Int, to bytes: inout [UInt8]) {
    if value < 0 { bytes.append(UInt8(ascii: "-")) }
    appendDecimal(value.magnitude, to: &bytes)
}

private func appendDecimal(_ value: some UnsignedInteger & FixedWidthInteger, to bytes: inout [UInt8]) {
    let start = bytes.count
    var rest = value
    repeat {
        bytes.append(UInt8(ascii: "0") + UInt8(rest % 10))
        rest /= 10
    } while rest > 0
    bytes[start...].reverse()
}

private func pow10(_ digits: Int) -> Double {
    var result = 1.0
    for _ in 0..<digits { result *= 10 }
    return result
}
