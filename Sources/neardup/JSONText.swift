/// JSON string literals and numbers for hand-written JSON output.
enum JSONText {
    static func quoted(_ text: String) -> String {
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
    var text = String(Int64(rounded * scale))
    let negative = text.hasPrefix("-")
    if negative { text.removeFirst() }
    while text.count <= digits { text = "0" + text }
    guard digits > 0 else { return (negative ? "-" : "") + text }
    let split = text.index(text.endIndex, offsetBy: -digits)
    return (negative ? "-" : "") + text[..<split] + "." + text[split...]
}

private func pow10(_ digits: Int) -> Double {
    var result = 1.0
    for _ in 0..<digits { result *= 10 }
    return result
}
