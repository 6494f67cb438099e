/// Splits text into paragraphs.
///
/// Text that marks paragraphs with blank lines or indented first lines (hard-wrapped wire
/// copy, e-mail, plain-text archives) keeps its wrapped lines together; text without such
/// marks (scraped web pages) has a paragraph per line. The inline ` ### ` separator that
/// news scrapers use is a break in both. Works on UTF-8 bytes: every separator is ASCII,
/// so byte offsets are character boundaries.
enum Paragraphs {
    static func split(_ text: String) -> [Substring] {
        let utf8 = text.utf8
        let joinsWrappedLines = hasParagraphMarks(utf8)
        var result: [Substring] = []
        var start = utf8.startIndex
        var index = utf8.startIndex
        func emit(_ end: String.Index) {
            if start < end {
                let paragraph = text[start..<end]
                if !isBlank(paragraph) { result.append(paragraph) }
            }
        }
        while index < utf8.endIndex {
            let byte = utf8[index]
            if byte == 0x0A || byte == 0x0D {
                let next = utf8.index(after: index)
                if !joinsWrappedLines || next == utf8.endIndex || isParagraphStart(utf8, at: next) {
                    emit(index)
                    start = next
                }
                index = next
            } else if byte == 0x23, isSeparator(utf8, at: index) {
                emit(index)
                while index < utf8.endIndex && utf8[index] == 0x23 { index = utf8.index(after: index) }
                start = index
            } else {
                index = utf8.index(after: index)
            }
        }
        emit(utf8.endIndex)
        return result
    }

    /// A line that is blank or indented starts a new paragraph in wrapped text.
    private static func isParagraphStart(_ utf8: String.UTF8View, at index: String.Index) -> Bool {
        let byte = utf8[index]
        return byte == 0x0A || byte == 0x0D || byte == 0x20 || byte == 0x09
    }

    private static func hasParagraphMarks(_ utf8: String.UTF8View) -> Bool {
        var previous: UInt8 = 0
        for byte in utf8 {
            if previous == 0x0A && (byte == 0x0A || byte == 0x20 || byte == 0x09) { return true }
            if previous == 0x0D && byte == 0x0D { return true }
            previous = byte
        }
        return false
    }

    /// `###` (three or more) is a paragraph separator.
    private static func isSeparator(_ utf8: String.UTF8View, at index: String.Index) -> Bool {
        var cursor = index
        var count = 0
        while cursor < utf8.endIndex && utf8[cursor] == 0x23 && count < 3 {
            count += 1
            cursor = utf8.index(after: cursor)
        }
        return count == 3
    }

    static func isBlank(_ text: Substring) -> Bool {
        for byte in text.utf8 where byte != 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D {
            if byte < 0x80 { return false }
            return text.unicodeScalars.allSatisfy(\.properties.isWhitespace)
        }
        return true
    }
}
