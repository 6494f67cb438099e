/// Splits text into paragraphs.
///
/// Text that marks paragraphs with blank lines or indented first lines (hard-wrapped wire
/// copy, e-mail, plain-text archives) keeps its wrapped lines together; text without such
/// marks (scraped web pages) has a paragraph per line. The inline ` ### ` separator that
/// news scrapers use is a break in both.
///
/// Paragraphs are found one at a time, as the normaliser reads them, so a document needs no
/// list of them.
struct Paragraphs: Sequence, IteratorProtocol {
    private let bytes: [UInt8]
    private let joinsWrappedLines: Bool
    /// Where the paragraph being read starts, and where the search for its end goes on.
    private var start = 0
    private var index = 0
    private var isFinished = false

    /// The non-blank paragraphs of UTF-8 `bytes`.
    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        joinsWrappedLines = Self.hasParagraphMarks(bytes)
    }

    /// Byte ranges of the non-blank paragraphs of UTF-8 `bytes`.
    static func ranges(in bytes: [UInt8]) -> [Range<Int>] {
        Array(Paragraphs(bytes))
    }

    /// The byte range of the next non-blank paragraph, or nil after the last.
    mutating func next() -> Range<Int>? {
        while let found = TextBytes.firstIndex(of: 0x0A, 0x0D, 0x23, in: bytes, from: index) {
            var candidate: Range<Int>?
            if bytes[found] != 0x23 {
                let next = found + 1
                if !joinsWrappedLines || next == bytes.count || Self.startsParagraph(bytes[next]) {
                    candidate = start..<Swift.max(start, found)
                    start = next
                }
                index = next
            } else if found + 2 < bytes.count && bytes[found + 1] == 0x23 && bytes[found + 2] == 0x23 {
                candidate = start..<Swift.max(start, found)
                index = found + 3
                while index < bytes.count && bytes[index] == 0x23 { index += 1 }
                start = index
            } else {
                index = found + 1
            }
            if let candidate, isParagraph(candidate) { return candidate }
        }
        guard !isFinished else { return nil }
        isFinished = true
        let last = start..<Swift.max(start, bytes.count)
        return isParagraph(last) ? last : nil
    }

    private func isParagraph(_ range: Range<Int>) -> Bool {
        guard let first = range.first else { return false }
        // Almost every paragraph opens with a visible ASCII byte.
        if bytes[first] < 0x80 && !TextBytes.isSpace(bytes[first]) { return true }
        return !Self.isBlank(bytes, range)
    }

    /// The paragraphs of `text` as strings.
    static func split(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        return ranges(in: bytes).map { String(decoding: bytes[$0], as: UTF8.self) }
    }

    /// A line that is blank or indented starts a new paragraph in wrapped text.
    private static func startsParagraph(_ byte: UInt8) -> Bool {
        byte == 0x0A || byte == 0x0D || byte == 0x20 || byte == 0x09
    }

    private static func hasParagraphMarks(_ bytes: [UInt8]) -> Bool {
        var index = 0
        while let found = TextBytes.firstIndex(of: 0x0A, 0x0D, 0x0D, in: bytes, from: index) {
            index = found + 1
            guard index < bytes.count else { return false }
            let byte = bytes[index]
            if bytes[found] == 0x0A && (byte == 0x0A || byte == 0x20 || byte == 0x09) { return true }
            if bytes[found] == 0x0D && byte == 0x0D { return true }
        }
        return false
    }

    static func isBlank(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        for index in range where !TextBytes.isSpace(bytes[index]) {
            if bytes[index] < 0x80 { return false }
            // Non-ASCII: blank only if every character is Unicode whitespace (NBSP, em space...).
            return String(decoding: bytes[range], as: UTF8.self).unicodeScalars.allSatisfy(\.properties.isWhitespace)
        }
        return true
    }
}
