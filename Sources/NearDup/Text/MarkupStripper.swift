/// Removes HTML tags and decodes character entities, keeping block boundaries as line breaks
/// so that line-based boilerplate rules still see paragraphs.
enum MarkupStripper {
    static func mayContainMarkup(_ text: String) -> Bool {
        text.utf8.contains(UInt8(ascii: "<")) || text.utf8.contains(UInt8(ascii: "&"))
    }

    private static let blockTags: Set<String> = [
        "p", "br", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th",
        "table", "section", "article", "header", "footer", "blockquote", "figure", "figcaption",
        "title", "hr", "pre", "nav", "aside", "dd", "dt",
    ]
    /// Elements whose content is never reading text.
    private static let hiddenTags: Set<String> = ["script", "style", "noscript", "template", "svg", "head"]

    static func strip(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var output = String.UnicodeScalarView()
        output.reserveCapacity(scalars.count)
        var index = 0
        var hiddenUntil: String?
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "<", let tag = parseTag(scalars, at: index) {
                index = tag.end
                if let hidden = hiddenUntil {
                    if tag.isClosing && tag.name == hidden { hiddenUntil = nil }
                    continue
                }
                if !tag.isClosing && hiddenTags.contains(tag.name) && !tag.isSelfClosing {
                    hiddenUntil = tag.name
                } else if blockTags.contains(tag.name) {
                    output.append("\n")
                } else {
                    output.append(" ")
                }
                continue
            }
            if hiddenUntil != nil {
                index += 1
                continue
            }
            if scalar == "&", let entity = HTMLEntities.decode(scalars, at: index) {
                output.append(contentsOf: entity.scalars)
                index = entity.end
                continue
            }
            output.append(scalar)
            index += 1
        }
        return String(output)
    }

    private struct Tag {
        var name: String
        var isClosing: Bool
        var isSelfClosing: Bool
        var end: Int
    }

    /// A tag starts with `<` followed by a letter, `/` or `!`; anything else is a literal `<`.
    private static func parseTag(_ scalars: [Unicode.Scalar], at start: Int) -> Tag? {
        var index = start + 1
        guard index < scalars.count else { return nil }
        if scalars[index] == "!" {
            // Comment or doctype.
            let isComment = index + 2 < scalars.count && scalars[index + 1] == "-" && scalars[index + 2] == "-"
            index += 1
            while index < scalars.count {
                if isComment {
                    if scalars[index] == ">" && index >= 2 && scalars[index - 1] == "-" && scalars[index - 2] == "-" && index - 2 > start + 3 {
                        return Tag(name: "!", isClosing: false, isSelfClosing: true, end: index + 1)
                    }
                } else if scalars[index] == ">" {
                    return Tag(name: "!", isClosing: false, isSelfClosing: true, end: index + 1)
                }
                index += 1
            }
            return nil
        }
        var isClosing = false
        if scalars[index] == "/" {
            isClosing = true
            index += 1
        }
        guard index < scalars.count, scalars[index].properties.isAlphabetic, scalars[index].isASCII else { return nil }
        var name = ""
        while index < scalars.count, scalars[index].isASCII,
              scalars[index].properties.isAlphabetic || ("0"..."9").contains(scalars[index]) {
            name.unicodeScalars.append(scalars[index])
            index += 1
        }
        // Scan to the closing '>' honouring quoted attribute values; give up after a bounded
        // distance so a stray '<' in prose does not swallow the document.
        var quote: Unicode.Scalar?
        let limit = min(scalars.count, index + 2048)
        while index < limit {
            let scalar = scalars[index]
            if let open = quote {
                if scalar == open { quote = nil }
            } else if scalar == "\"" || scalar == "'" {
                quote = scalar
            } else if scalar == ">" {
                let isSelfClosing = index > start && scalars[index - 1] == "/"
                return Tag(name: name.lowercased(), isClosing: isClosing, isSelfClosing: isSelfClosing, end: index + 1)
            }
            index += 1
        }
        return nil
    }
}
