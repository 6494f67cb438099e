/// What an element is to the story-text reader, by its tag name alone.
///
/// Tag names reach the parser's callbacks lower-cased; they are looked up by their bytes
/// packed into one integer, so an element costs one table look-up and no string.
enum HTMLTag: UInt8, Sendable {
    /// Text flows through (`span`, `b`, `em`, custom elements...): no paragraph break.
    case inline
    /// `a`: inline, and its text counts as link text.
    case link
    /// `br`: a line break, which ends a paragraph.
    case lineBreak
    /// An element that holds paragraphs or is one (`div`, `p`, `li`, `td`, `section`...).
    case block
    /// `h1`...`h6`.
    case heading
    /// `pre`: line breaks are kept.
    case preformatted
    /// `article`, `main`: a block that says it holds the page's main content.
    case mainContent
    /// `nav`, `header`, `footer`, `aside`, `figure`, `figcaption`, `dialog`, `menu`: what
    /// HTML itself names as furniture around the content.
    case furniture
    /// `form`: furniture, except on pages that wrap everything in one form (see `StoryExtractor`).
    case form
    /// Elements whose text is never reading text: `script`, `style`, `noscript`, `template`,
    /// `iframe`, `svg`, `button`, `select`, `textarea`, `head`...
    case hidden
    /// `title`: the page's title, read as metadata only.
    case title
    /// `meta`: metadata in attributes.
    case meta
    /// `time`: inline, with a `datetime` attribute.
    case time
    /// `script`: hidden, but a JSON-LD block is read for its publication time.
    case script

    /// Whether the element breaks paragraphs and is a node of the page's outline.
    var isBlock: Bool {
        switch self {
        case .block, .heading, .preformatted, .mainContent, .furniture, .form: return true
        default: return false
        }
    }

    /// The tag's role, from its name's NUL-terminated bytes; unknown names are inline.
    static func of(_ name: UnsafePointer<UInt8>) -> HTMLTag {
        var key: UInt64 = 0
        var length = 0
        while name[length] != 0 {
            guard length < 8 else { return longNames(name) }
            key |= UInt64(name[length]) << (8 * UInt64(length))
            length += 1
        }
        return table[FurnitureMarkers.WordHash(packed: key).value] ?? .inline
    }

    /// Names of more than eight bytes.
    private static func longNames(_ name: UnsafePointer<UInt8>) -> HTMLTag {
        if strcmpASCII(name, "blockquote") { return .block }
        if strcmpASCII(name, "figcaption") { return .furniture }
        return .inline
    }

    private static func strcmpASCII(_ name: UnsafePointer<UInt8>, _ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        let bytes = literal.utf8Start
        for index in 0..<count where name[index] != bytes[index] { return false }
        return name[count] == 0
    }

    static func packed(_ name: String) -> UInt64 {
        precondition(name.utf8.count <= 8)
        return name.utf8.enumerated().reduce(0) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
    }

    private static let table: HashedWords<HTMLTag> = {
        var entries: [(UInt64, HTMLTag)] = []
        func add(_ tag: HTMLTag, _ names: [String]) {
            for name in names { entries.append((FurnitureMarkers.WordHash(packed: packed(name)).value, tag)) }
        }
        add(.link, ["a"])
        add(.lineBreak, ["br"])
        add(.block, [
            "p", "div", "section", "ul", "ol", "li", "dl", "dt", "dd", "table", "tbody", "thead", "tfoot", "tr",
            "td", "th", "caption", "hr", "address", "center", "body", "html", "hgroup", "details", "summary",
            "fieldset", "legend",
        ])
        add(.heading, ["h1", "h2", "h3", "h4", "h5", "h6"])
        add(.preformatted, ["pre", "listing", "xmp"])
        add(.mainContent, ["article", "main"])
        add(.furniture, ["nav", "header", "footer", "aside", "figure", "dialog", "menu"])
        add(.form, ["form"])
        add(.hidden, [
            "style", "noscript", "template", "iframe", "svg", "math", "object", "embed", "canvas", "textarea",
            "select", "option", "optgroup", "button", "audio", "video", "map", "head", "noembed", "noframes",
            "frameset", "datalist", "output", "progress", "meter",
        ])
        add(.title, ["title"])
        add(.meta, ["meta"])
        add(.time, ["time"])
        add(.script, ["script"])
        return HashedWords(entries)
    }()
}
