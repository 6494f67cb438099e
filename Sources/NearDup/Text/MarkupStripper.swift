/// Removes HTML tags and decodes character entities, keeping block boundaries as line breaks
/// so that line-based boilerplate rules still see paragraphs. Works on UTF-8 bytes: tags and
/// entities are delimited by ASCII, so multi-byte characters pass through untouched.
enum MarkupStripper {
    /// True when the text has something that could be a tag (`<` then a letter, `/` or `!`)
    /// or an entity (`&` then a letter or `#`).
    static func mayContainMarkup(_ text: String) -> Bool {
        mayContainMarkup(Array(text.utf8))
    }

    static func mayContainMarkup(_ bytes: [UInt8]) -> Bool {
        var index = 0
        while let found = TextBytes.firstIndex(of: 0x3C, 0x26, 0x26, in: bytes, from: index) {
            index = found + 1
            guard index < bytes.count else { return false }
            let next = bytes[index]
            if bytes[found] == 0x3C && (isASCIILetter(next) || next == 0x2F || next == 0x21) { return true }
            if bytes[found] == 0x26 && (isASCIILetter(next) || next == 0x23) { return true }
        }
        return false
    }

    private static let blockTags: Set<String> = [
        "p", "br", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th",
        "table", "section", "article", "header", "footer", "blockquote", "figure", "figcaption",
        "title", "hr", "pre", "nav", "aside", "dd", "dt",
    ]
    /// Elements whose content is never reading text.
    private static let hiddenTags: Set<String> = ["script", "style", "noscript", "template", "svg", "head"]

    static func strip(_ text: String) -> String {
        String(decoding: strip(Array(text.utf8)), as: UTF8.self)
    }

    static func strip(_ bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        var hiddenUntil: String?
        var closings = TagClosings()
        while index < bytes.count {
            // Text up to the next `<` or `&` is copied as it is (or skipped inside a hidden element).
            let next = TextBytes.firstIndex(of: 0x3C, 0x26, 0x26, in: bytes, from: index) ?? bytes.count
            if hiddenUntil == nil && next > index { output.append(contentsOf: bytes[index..<next]) }
            index = next
            guard index < bytes.count else { break }
            let byte = bytes[index]
            if byte == 0x3C, let tag = parseTag(bytes, at: index, closings: &closings) {
                index = tag.end
                if let hidden = hiddenUntil {
                    if tag.isClosing && tag.name == hidden { hiddenUntil = nil }
                    continue
                }
                if !tag.isClosing && hiddenTags.contains(tag.name) && !tag.isSelfClosing {
                    hiddenUntil = tag.name
                } else {
                    output.append(blockTags.contains(tag.name) ? 0x0A : 0x20)
                }
                continue
            }
            if hiddenUntil != nil {
                index += 1
                continue
            }
            if byte == 0x26, let entity = HTMLEntities.decode(bytes, at: index) {
                UTF8.encode(entity.scalar) { output.append($0) }
                index = entity.end
                continue
            }
            output.append(byte)
            index += 1
        }
        return output
    }

    struct Tag {
        var name: String
        var isClosing: Bool
        var isSelfClosing: Bool
        var end: Int
    }

    static func isASCIILetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
    }

    /// Where the next `>` and the next `-->` lie, remembered from one tag to the next. A
    /// comment or declaration left open would otherwise send every later `<!` to the end of
    /// the text again (a page of `<!` took minutes a megabyte), and every `<` scans up to
    /// 2 KB for its `>`. Tags are parsed at increasing offsets, so a `>` found from an
    /// earlier offset is also the first from any later offset up to it.
    struct TagClosings {
        /// The first `>` at or after the last offset asked (`bracketAsked`), or nil before the
        /// first question; an earlier offset is searched afresh.
        private var bracket: Int?
        private var bracketAsked = 0
        private var comment: Int?
        private var commentAsked = 0

        /// The index of the first `>` at or after `start` (`bytes.count` when there is none).
        mutating func bracket(in bytes: [UInt8], from start: Int) -> Int {
            if let bracket, bracket >= start, start >= bracketAsked { return bracket }
            bracketAsked = start
            let found = TextBytes.firstIndex(of: 0x3E, 0x3E, 0x3E, in: bytes, from: start) ?? bytes.count
            bracket = found
            return found
        }

        /// The index of the `>` of the first `-->` whose `>` is at or after `start`
        /// (`bytes.count` when there is none).
        mutating func commentEnd(in bytes: [UInt8], from start: Int) -> Int {
            if let comment, comment >= start, start >= commentAsked { return comment }
            commentAsked = start
            var index = start
            while index < bytes.count {
                index = TextBytes.firstIndex(of: 0x3E, 0x3E, 0x3E, in: bytes, from: index) ?? bytes.count
                if index < bytes.count && bytes[index - 1] == 0x2D && bytes[index - 2] == 0x2D { break }
                if index < bytes.count { index += 1 }
            }
            comment = index
            return index
        }
    }

    /// A tag starts with `<` followed by a letter, `/` or `!`; anything else is a literal `<`.
    /// `closings`: what earlier tags of the same text found of the closings ahead.
    static func parseTag(_ bytes: [UInt8], at start: Int, closings: inout TagClosings) -> Tag? {
        var index = start + 1
        guard index < bytes.count else { return nil }
        if bytes[index] == 0x21 {  // comment or doctype
            let isComment = index + 2 < bytes.count && bytes[index + 1] == 0x2D && bytes[index + 2] == 0x2D
            index += isComment ? 3 : 1
            let end = isComment ? closings.commentEnd(in: bytes, from: index) : closings.bracket(in: bytes, from: index)
            guard end < bytes.count else { return nil }
            return Tag(name: "!", isClosing: false, isSelfClosing: true, end: end + 1)
        }
        var isClosing = false
        if bytes[index] == 0x2F {
            isClosing = true
            index += 1
        }
        guard index < bytes.count, isASCIILetter(bytes[index]) else { return nil }
        let nameStart = index
        while index < bytes.count, isASCIILetter(bytes[index]) || (0x30...0x39).contains(bytes[index]) { index += 1 }
        // Scan to the closing '>' honouring quoted attribute values; give up after a bounded
        // distance so a stray '<' in prose does not swallow the document. With no '>' at all
        // within it, there is nothing to scan.
        let limit = min(bytes.count, index + 2048)
        guard closings.bracket(in: bytes, from: index) < limit else { return nil }
        let name = String(decoding: bytes[nameStart..<index].map { $0 | 0x20 }, as: UTF8.self)
        var quote: UInt8 = 0
        while index < limit {
            let byte = bytes[index]
            if quote != 0 {
                if byte == quote { quote = 0 }
            } else if byte == 0x22 || byte == 0x27 {
                quote = byte
            } else if byte == 0x3E {
                return Tag(name: name, isClosing: isClosing, isSelfClosing: bytes[index - 1] == 0x2F, end: index + 1)
            }
            index += 1
        }
        return nil
    }
}
