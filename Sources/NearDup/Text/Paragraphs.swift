/// Splits text into paragraphs: lines, and the inline ` ### ` separator that
/// news scrapers use to join paragraphs on one line.
enum Paragraphs {
    static func split(_ text: String) -> [Substring] {
        var result: [Substring] = []
        for line in text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" || $0 == "\u{2029}" }) {
            if line.contains("###") {
                for part in line.split(separator: "###", omittingEmptySubsequences: true) where !isBlank(part) {
                    result.append(part)
                }
            } else if !isBlank(line) {
                result.append(line)
            }
        }
        return result
    }

    static func isBlank(_ text: Substring) -> Bool {
        text.unicodeScalars.allSatisfy(\.properties.isWhitespace)
    }
}
