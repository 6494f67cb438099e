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
        while index < bytes.count {
            // Text up to the next `<` or `&` is copied as it is (or skipped inside a hidden element).
            let next = TextBytes.firstIndex(of: 0x3C, 0x26, 0x26, in: bytes, from: index) ?? bytes.count
            if hiddenUntil == nil && next > index { output.append(contentsOf: bytes[index..<next]) }
            index = next
            guard index < bytes.count else { break }
            let byte = bytes[index]
            if byte == 0x3C, let tag = parseTag(bytes, at: index) {
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

    private struct Tag {
        var name: String
        var isClosing: Bool
        var isSelfClosing: Bool
        var end: Int
    }

    static func isASCIILetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
    }

    /// A tag starts with `<` followed by a letter, `/` or `!`; anything else is a literal `<`.
    private static func parseTag(_ bytes: [UInt8], at start: Int) -> Tag? {
        var index = start + 1
        guard index < bytes.count else { return nil }
        if bytes[index] == 0x21 {  // comment or doctype
            let isComment = index + 2 < bytes.count && bytes[index + 1] == 0x2D && bytes[index + 2] == 0x2D
            index += isComment ? 3 : 1
            while index < bytes.count {
                if bytes[index] == 0x3E && (!isComment || (bytes[index - 1] == 0x2D && bytes[index - 2] == 0x2D)) {
                    return Tag(name: "!", isClosing: false, isSelfClosing: true, end: index + 1)
                }
                index += 1
            }
            return nil
        }
        var isClosing = false
        if bytes[index] == 0x2F {
            isClosing = true
            index += 1
        }
        guard index < bytes.count, isASCIILetter(bytes[index]) else { return nil }
        let nameStart = index
        while index < bytes.count, isASCIILetter(bytes[index]) || (0x30...0x39).contains(bytes[index]) { index += 1 }
        let name = String(decoding: bytes[nameStart..<index].map { $0 | 0x20 }, as: UTF8.self)
        // Scan to the closing '>' honouring quoted attribute values; give up after a bounded
        // distance so a stray '<' in prose does not swallow the document.
        var quote: UInt8 = 0
        let limit = min(bytes.count, index + 2048)
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
