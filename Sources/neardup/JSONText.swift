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
}

func fixed(_ value: Double, digits: Int) -> String {
    let scale = pow10(digits)
    let rounded = (value * scale).rounded() / scale
    let scaled = Int64(rounded * scale)
    let sign = scaled < 0 ? "-" : ""
    guard digits > 0 else { return sign + String(scaled.magnitude) }
    let unit = UInt64(scale)
    let fraction = String(scaled.magnitude % unit)
    return sign + String(scaled.magnitude / unit) + "." + String(repeating: "0", count: digits - fraction.count) + fraction
}

private func pow10(_ digits: Int) -> Double {
    var result = 1.0
    for _ in 0..<digits { result *= 10 }
    return result
}
