/// The first words of a document as a reader would see them: markup gone, whitespace collapsed.
///
/// Words are read scalar by scalar, not character by character: `scan` takes a preview of
/// every document on the reading thread, and grapheme breaking made that the slowest part
/// of reading.
public enum DocumentPreview {
    public static func firstWords(of text: String, count: Int = 12) -> String {
        let source = MarkupStripper.mayContainMarkup(text)
            ? MarkupStripper.strip(String(String.UnicodeScalarView(text.unicodeScalars.prefix(4_000))))
            : text
        let scalars = source.unicodeScalars
        // Words within the first 2,000 scalars, read only as far as count + 1 words.
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
