/// The first words of a document as a reader would see them: markup gone, whitespace collapsed.
public enum DocumentPreview {
    public static func firstWords(of text: String, count: Int = 12) -> String {
        let source = MarkupStripper.mayContainMarkup(text) ? MarkupStripper.strip(String(text.prefix(4_000))) : text
        // Words within the first 2,000 characters, read only as far as count + 1 words.
        var words: [Substring] = []
        var wordStart: String.Index?
        var characters = 0
        var index = source.startIndex
        while index < source.endIndex && characters < 2_000 && words.count <= count {
            let character = source[index]
            if character.isWhitespace || character == "#" {
                if let start = wordStart { words.append(source[start..<index]) }
                wordStart = nil
            } else if wordStart == nil {
                wordStart = index
            }
            index = source.index(after: index)
            characters += 1
        }
        if let start = wordStart, words.count <= count { words.append(source[start..<index]) }
        let shown = words.prefix(count).joined(separator: " ")
        return words.count > count ? shown + " …" : shown
    }
}
