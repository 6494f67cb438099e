import NearDup

/// Writing HTML as UTF-8 bytes: text and attribute values escaped, nothing else checked.
/// Pages are built by appending to one byte array, as the text pages are, so that ten
/// thousand pages take a few seconds.
enum HTMLBytes {
    /// Text content with `&`, `<` and `>` escaped.
    static func appendText(_ bytes: some Sequence<UInt8>, to output: inout [UInt8]) {
        for byte in bytes {
            switch byte {
            case 0x26: output.append(contentsOf: [0x26, 0x61, 0x6D, 0x70, 0x3B])  // &amp;
            case 0x3C: output.append(contentsOf: [0x26, 0x6C, 0x74, 0x3B])  // &lt;
            case 0x3E: output.append(contentsOf: [0x26, 0x67, 0x74, 0x3B])  // &gt;
            default: output.append(byte)
            }
        }
    }

    static func appendText(_ text: String, to output: inout [UInt8]) {
        appendText(text.utf8, to: &output)
    }

    /// An attribute value (to go between double quotes): also `"` escaped.
    static func appendAttribute(_ bytes: some Sequence<UInt8>, to output: inout [UInt8]) {
        for byte in bytes {
            if byte == 0x22 {
                output.append(contentsOf: [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B])  // &quot;
            } else {
                appendText(CollectionOfOne(byte), to: &output)
            }
        }
    }

    static func appendAttribute(_ text: String, to output: inout [UInt8]) {
        appendAttribute(text.utf8, to: &output)
    }

    /// Text with the site's typography: straight apostrophes as `&#8217;` or as `’`, the
    /// way publishing systems rewrite wire copy (`plain` leaves the text as it is).
    static func appendStyledText(_ bytes: [UInt8], typography: Typography, to output: inout [UInt8]) {
        guard typography != .plain else { return appendText(bytes, to: &output) }
        for (index, byte) in bytes.enumerated() {
            let isApostrophe = byte == 0x27 && index > 0 && ByteText.isLetter(bytes[index - 1])
            if isApostrophe {
                output.append(contentsOf: typography == .entities ? Array("&#8217;".utf8) : [0xE2, 0x80, 0x99])
            } else {
                appendText(CollectionOfOne(byte), to: &output)
            }
        }
    }

    enum Typography: Sendable {
        case plain, entities, unicode
    }

    /// "Oil prices climb as OPEC meets" -> "oil-prices-climb-as-opec-meets" (at most `words` words).
    static func slug(_ bytes: [UInt8], words: Int = 8) -> String {
        var output: [UInt8] = []
        var count = 0
        var pendingDash = false
        for byte in bytes {
            if ByteText.isLetter(byte) || ByteText.isDigit(byte) {
                if pendingDash {
                    if count == words { break }
                    output.append(0x2D)
                }
                if pendingDash || output.isEmpty { count += 1 }
                pendingDash = false
                output.append(ByteText.lower(byte))
            } else if !output.isEmpty {
                pendingDash = true
            }
        }
        return output.isEmpty ? "story" : String(decoding: output, as: UTF8.self)
    }
}
