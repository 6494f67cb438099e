/// Decodes HTML character references: numeric ones and the named ones news pages use.
enum HTMLEntities {
    private static let named: [String: Unicode.Scalar] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}",
        "mdash": "\u{2014}", "ndash": "\u{2013}", "hellip": "\u{2026}", "lsquo": "\u{2018}",
        "rsquo": "\u{2019}", "ldquo": "\u{201C}", "rdquo": "\u{201D}", "laquo": "\u{AB}",
        "raquo": "\u{BB}", "copy": "\u{A9}", "reg": "\u{AE}", "trade": "\u{2122}", "bull": "\u{2022}",
        "middot": "\u{B7}", "deg": "\u{B0}", "eacute": "\u{E9}", "egrave": "\u{E8}", "aacute": "\u{E1}",
        "agrave": "\u{E0}", "oacute": "\u{F3}", "uacute": "\u{FA}", "iacute": "\u{ED}", "ntilde": "\u{F1}",
        "ccedil": "\u{E7}", "uuml": "\u{FC}", "ouml": "\u{F6}", "auml": "\u{E4}", "szlig": "\u{DF}",
        "euro": "\u{20AC}", "pound": "\u{A3}", "cent": "\u{A2}", "yen": "\u{A5}", "shy": "\u{AD}",
        "zwj": "\u{200D}", "zwnj": "\u{200C}", "thinsp": "\u{2009}", "ensp": "\u{2002}", "emsp": "\u{2003}",
    ]

    /// The scalar an entity at `start` (pointing at `&`) stands for, and the index after it.
    static func decode(_ bytes: [UInt8], at start: Int) -> (scalar: Unicode.Scalar, end: Int)? {
        var index = start + 1
        guard index < bytes.count else { return nil }
        let limit = min(bytes.count, start + 12)
        if bytes[index] == 0x23 {  // '#'
            index += 1
            var radix: UInt32 = 10
            if index < limit, bytes[index] | 0x20 == 0x78 {  // 'x'
                radix = 16
                index += 1
            }
            var value: UInt32 = 0
            var digits = 0
            while index < limit, let digit = hexValue(bytes[index]), digit < radix {
                value = value &* radix &+ digit
                digits += 1
                index += 1
            }
            guard digits > 0, value <= 0x10FFFF else { return nil }
            if index < bytes.count, bytes[index] == 0x3B { index += 1 }
            return (Unicode.Scalar(value) ?? "\u{FFFD}", index)
        }
        let nameStart = index
        while index < limit, MarkupStripper.isASCIILetter(bytes[index]) { index += 1 }
        guard index < bytes.count, bytes[index] == 0x3B else { return nil }
        let name = String(decoding: bytes[nameStart..<index], as: UTF8.self)
        guard let scalar = named[name] ?? named[name.lowercased()] else { return nil }
        return (scalar, index + 1)
    }

    private static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case 0x30...0x39: return UInt32(byte - 0x30)
        case 0x41...0x46: return UInt32(byte - 0x41 + 10)
        case 0x61...0x66: return UInt32(byte - 0x61 + 10)
        default: return nil
        }
    }
}
