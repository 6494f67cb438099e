/// The first words of a document as a reader would see them: markup gone, whitespace collapsed.
public enum DocumentPreview {
    public static func firstWords(of text: String, count: Int = 12) -> String {
        let source = MarkupStripper.mayContainMarkup(text) ? MarkupStripper.strip(String(text.prefix(4_000))) : String(text.prefix(2_000))
        let words = source.split(whereSeparator: { $0.isWhitespace || $0 == "#" }).prefix(count + 1)
        let shown = words.prefix(count).joined(separator: " ")
        return words.count > count ? shown + " …" : shown
    }
}
