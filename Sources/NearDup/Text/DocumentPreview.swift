/// The first words of a document as a reader would see them: markup gone, whitespace collapsed.
///
/// `scan` takes a preview of every document on the reading thread, so words are found in the
/// UTF-8 bytes: an ASCII byte is classed by comparison, and only other scalars ask Unicode's
/// White_Space property, a table lookup that made up half the preview's time. Grapheme
/// breaking, which reading by characters would need, cost more still.
package enum DocumentPreview {
    package static func firstWords(of text: String, count: Int = 12) -> String {
        let source = MarkupStripper.mayContainMarkup(text)
            ? MarkupStripper.strip(String(String.UnicodeScalarView(text.unicodeScalars.prefix(4_000))))
            : text
        return source.utf8.withContiguousStorageIfAvailable { firstWords(inUTF8: $0, count: count) }
            ?? Array(source.utf8).withUnsafeBufferPointer { firstWords(inUTF8: $0, count: count) }
    }

    /// The first words of a document's text, read from its UTF-8 bytes in place unless they
    /// may hold markup.
    package static func firstWords(of document: Document, count: Int = 12) -> String {
        let text = document.utf8Text
        guard !MarkupStripper.mayContainMarkup(text) else { return firstWords(of: document.text, count: count) }
        return text.withUnsafeBufferPointer { firstWords(inUTF8: $0, count: count) }
    }

    /// The first words of text known to be valid UTF-8 and free of markup (a page's story text).
    static func firstWords(ofValidUTF8 bytes: [UInt8], count: Int = 12) -> String {
        bytes.withUnsafeBufferPointer { firstWords(inUTF8: $0, count: count) }
    }

    /// Words within the first 2,000 scalars of valid UTF-8, read only as far as count + 1 words.
    private static func firstWords(inUTF8 bytes: UnsafeBufferPointer<UInt8>, count: Int) -> String {
        var shown: [UInt8] = []
        var words = 0
        var wordStart: Int?
        var scalars = 0
        var index = 0
        func endWord(from start: Int, to end: Int) {
            if words < count {
                if words > 0 { shown.append(0x20) }
                shown.append(contentsOf: bytes[start..<end])
            }
            words += 1
        }
        while index < bytes.count && scalars < 2_000 && words <= count {
            let (length, isSeparator) = separatorScalar(in: bytes, at: index)
            if isSeparator {
                if let start = wordStart { endWord(from: start, to: index) }
                wordStart = nil
            } else if wordStart == nil {
                wordStart = index
            }
            index += length
            scalars += 1
        }
        if let start = wordStart, words <= count { endWord(from: start, to: index) }
        let preview = String(decoding: shown, as: UTF8.self)
        return words > count ? preview + " …" : preview
    }

    /// The length of the scalar at `index` and whether it separates words: White_Space or "#".
    @inline(__always)
    private static func separatorScalar(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (length: Int, isSeparator: Bool) {
        let lead = bytes[index]
        if lead < 0x80 { return (1, lead == 0x20 || lead == 0x23 || lead &- 0x09 < 5) }
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        var value = UInt32(lead) & (0x7F >> UInt32(length))
        for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        return (length, Unicode.Scalar(value)?.properties.isWhitespace ?? false)
    }

    /// The plain twin: scalar by scalar, every scalar's White_Space property asked.
    static func firstWordsByScalar(of text: String, count: Int = 12) -> String {
        let source = MarkupStripper.mayContainMarkup(text)
            ? MarkupStripper.strip(String(String.UnicodeScalarView(text.unicodeScalars.prefix(4_000))))
            : text
        let scalars = source.unicodeScalars
        var words: [Substring.UnicodeScalarView] = []
        var wordStart: String.Index?
        var read = 0
        var index = scalars.startIndex
        while index < scalars.endIndex && read < 2_000 && words.count <= count {
            let scalar = scalars[index]
            if scalar.properties.isWhitespace || scalar == "#" {
                if let start = wordStart { words.append(scalars[start..<index]) }
                wordStart = nil
            } else if wordStart == nil {
                wordStart = index
            }
            index = scalars.index(after: index)
            read += 1
        }
        if let start = wordStart, words.count <= count { words.append(scalars[start..<index]) }
        let shown = words.prefix(count).map { String($0) }.joined(separator: " ")
        return words.count > count ? shown + " …" : shown
    }
}
