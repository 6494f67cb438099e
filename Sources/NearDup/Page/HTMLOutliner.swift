import CLibXML2

/// Reads a page with libxml2's HTML parser, in one pass through its SAX callbacks, into a
/// `PageOutline`: text as blocks, the outline of block elements, and stated metadata.
///
/// No document tree is built: the parser's recovery from broken markup (unclosed elements,
/// misnested tags, stray end tags) is kept, and what a tree would cost in allocations is not.
/// Text inside `script`, `style` and other elements that never hold reading text is not
/// copied at all; text inside furniture is kept, marked, so the story can still be found on a
/// page that wraps everything in, say, one `form`.
final class HTMLOutliner {
    private(set) var outline = PageOutline()

    /// An open element.
    private struct Frame {
        /// FNV-1a of the name, to match the end tag.
        var key: UInt64
        var tag: HTMLTag
        /// The node this element opened, or -1.
        var node: Int32
        /// State before this element, restored at its end.
        var furniture: PageOutline.Furniture
        var hiddenDepth: Bool
        var linkDepth: Int32
        var preDepth: Int32
        var headingDepth: Int32
        var inTopHeading: Bool
        var markingNode: Int32
    }

    private var frames: [Frame] = []
    private var node: Int32 = 0
    private var furniture: PageOutline.Furniture = []
    /// The innermost block element whose class, id, role or aria-label marks furniture; -1
    /// none, -2 an inline element.
    private var markingNode: Int32 = -1
    /// Inside an element whose text is never read.
    private var isHidden = false
    private var linkDepth: Int32 = 0
    private var preDepth: Int32 = 0
    private var headingDepth: Int32 = 0
    /// Inside an `h1`, whose first text is the page's headline.
    private var inTopHeading = false
    private var inTitle = false
    private var inLinkedData = false
    /// The frame of the first byline element, whose text is copied into `outline.author`, or -1.
    private var authorFrame = -1
    private var hasAuthorElement = false

    /// The open block's start in `outline.text`, or -1.
    private var blockStart: Int32 = -1
    private var blockLinkBytes: Int32 = 0
    /// Whitespace seen since the last byte kept: 0 none, 1 a space, 2 a line break, 3 a blank line.
    private var pendingSpace: UInt8 = 0

    static let longestLinkedData = 1 << 18

    /// Parses `html` (UTF-8) into `outline`.
    func read(_ html: UnsafeBufferPointer<UInt8>) {
        Self.initializeLibrary
        outline.reset()
        frames.removeAll(keepingCapacity: true)
        node = 0
        furniture = []
        markingNode = -1
        isHidden = false
        linkDepth = 0
        preDepth = 0
        headingDepth = 0
        inTopHeading = false
        inTitle = false
        inLinkedData = false
        authorFrame = -1
        hasAuthorElement = false
        blockStart = -1
        blockLinkBytes = 0
        pendingSpace = 0
        guard let base = html.baseAddress, html.count > 0, html.count < Int(Int32.max) else { return }
        let context = Unmanaged.passUnretained(self).toOpaque()
        _ = base.withMemoryRebound(to: CChar.self, capacity: html.count) { bytes in
            neardup_html_parse(bytes, Int32(html.count), context, Self.startElement, Self.endElement, Self.characters, Self.rawText)
        }
        endBlock()
        while let frame = frames.popLast() { close(frame) }
        // The page itself holds every node.
        outline.nodes[0].end = Int32(outline.nodes.count)
    }

    /// libxml2's global state, set up once before any thread parses.
    private static let initializeLibrary: Void = neardup_html_initialize()

    /// Parses `html` and does nothing with it: what the parser alone costs (`neardup bench`).
    static func parseOnly(_ html: UnsafeBufferPointer<UInt8>) {
        initializeLibrary
        guard let base = html.baseAddress, html.count > 0, html.count < Int(Int32.max) else { return }
        _ = base.withMemoryRebound(to: CChar.self, capacity: html.count) { bytes in
            neardup_html_parse(bytes, Int32(html.count), nil, { _, _, _ in }, { _, _ in }, { _, _, _ in }, { _, _, _ in })
        }
    }

    // MARK: - Callbacks

    private static let startElement: startElementSAXFunc = { context, name, attributes in
        guard let context, let name else { return }
        Unmanaged<HTMLOutliner>.fromOpaque(context).takeUnretainedValue().start(name, attributes)
    }

    private static let endElement: endElementSAXFunc = { context, name in
        guard let context, let name else { return }
        Unmanaged<HTMLOutliner>.fromOpaque(context).takeUnretainedValue().end(name)
    }

    private static let characters: charactersSAXFunc = { context, bytes, count in
        guard let context, let bytes, count > 0 else { return }
        Unmanaged<HTMLOutliner>.fromOpaque(context).takeUnretainedValue()
            .text(UnsafeBufferPointer(start: bytes, count: Int(count)))
    }

    /// Script and style text; only JSON-LD is read.
    private static let rawText: cdataBlockSAXFunc = { context, bytes, count in
        guard let context, let bytes, count > 0 else { return }
        let outliner = Unmanaged<HTMLOutliner>.fromOpaque(context).takeUnretainedValue()
        guard outliner.inLinkedData else { return }
        let room = longestLinkedData - outliner.outline.linkedData.count
        guard room > 0 else { return }
        outliner.outline.linkedData.append(contentsOf: UnsafeBufferPointer(start: bytes, count: min(Int(count), room)))
    }

    // MARK: - Elements

    private func start(_ name: UnsafePointer<UInt8>, _ attributes: UnsafeMutablePointer<UnsafePointer<UInt8>?>?) {
        let tag = HTMLTag.of(name)
        var frame = Frame(
            key: Self.key(name), tag: tag, node: -1, furniture: furniture, hiddenDepth: isHidden, linkDepth: linkDepth,
            preDepth: preDepth, headingDepth: headingDepth, inTopHeading: inTopHeading, markingNode: markingNode)
        var own: PageOutline.Furniture = []
        var namesStoryBody = tag == .mainContent
        var isLinkedData = false
        var namesAuthor = false
        // html and body carry page-wide classes (`has-sidebar`, `page-article`), never furniture.
        let readsAttributes = !(tag == .block && (frame.key == Self.htmlKey || frame.key == Self.bodyKey))
        if let attributes, readsAttributes {
            var index = 0
            var metaProperty: UnsafePointer<UInt8>?
            var metaContent: UnsafePointer<UInt8>?
            var itemProp: UnsafePointer<UInt8>?
            var dateTime: UnsafePointer<UInt8>?
            while let attribute = attributes[index] {
                let value = attributes[index + 1]
                index += 2
                guard let value else {
                    if Self.equals(attribute, "hidden") { own.insert(.hidden) }
                    continue
                }
                switch attribute[0] {
                case 0x63 /* c */:
                    if Self.equals(attribute, "class") {
                        let reading = FurnitureMarkers.read(value)
                        if reading.isFurniture { own.insert(.marked) }
                        if reading.isStoryBody { namesStoryBody = true }
                        if reading.namesAuthor { namesAuthor = true }
                    } else if Self.equals(attribute, "content") {
                        metaContent = value
                    }
                case 0x69 /* i */:
                    if Self.equals(attribute, "id") {
                        let reading = FurnitureMarkers.read(value)
                        if reading.isFurniture { own.insert(.marked) }
                        if reading.isStoryBody { namesStoryBody = true }
                    } else if Self.equals(attribute, "itemprop") {
                        itemProp = value
                    }
                case 0x72 /* r */:
                    if Self.equals(attribute, "role") {
                        if FurnitureMarkers.isFurnitureRole(value) { own.insert(.marked) }
                        if FurnitureMarkers.isMainRole(value) { namesStoryBody = true }
                    } else if Self.equals(attribute, "rel") && Self.equalsIgnoringCase(value, "author") {
                        namesAuthor = true
                    }
                case 0x61 /* a */:
                    if Self.equals(attribute, "aria-label") {
                        if FurnitureMarkers.read(value).isFurniture { own.insert(.marked) }
                    } else if Self.equals(attribute, "aria-hidden") && Self.equalsIgnoringCase(value, "true") {
                        own.insert(.marked)
                    }
                case 0x68 /* h */:
                    if Self.equals(attribute, "hidden") { own.insert(.hidden) }
                case 0x73 /* s */:
                    if Self.equals(attribute, "style") && Self.hidesElement(value) { own.insert(.hidden) }
                case 0x70 /* p */:
                    if Self.equals(attribute, "property") { metaProperty = value }
                case 0x6E /* n */:
                    if Self.equals(attribute, "name") { metaProperty = value }
                case 0x64 /* d */:
                    if Self.equals(attribute, "datetime") { dateTime = value }
                case 0x74 /* t */:
                    if tag == .script && Self.equals(attribute, "type") && Self.equalsIgnoringCase(value, "application/ld+json") {
                        isLinkedData = true
                    }
                default:
                    break
                }
            }
            if let itemProp {
                if Self.equalsIgnoringCase(itemProp, "articlebody") { namesStoryBody = true }
                if Self.equalsIgnoringCase(itemProp, "author") { namesAuthor = true }
                if Self.equalsIgnoringCase(itemProp, "datepublished"), let date = metaContent ?? dateTime {
                    outline.offerPublished(date, from: .itemPropDatePublished)
                }
            }
            if tag == .meta, let metaProperty, let metaContent { readMeta(metaProperty, metaContent) }
            if tag == .time, let dateTime {
                outline.offerPublished(dateTime, from: furniture.isEmpty && own.isEmpty ? .timeElement : .timeElementInFurniture)
            }
        }
        switch tag {
        case .furniture: own.insert(.structure)
        case .form: own.insert(.form)
        case .hidden: isHidden = true
        case .script:
            isHidden = true
            inLinkedData = isLinkedData
        case .title:
            inTitle = outline.title.isEmpty
        case .link: linkDepth += 1
        case .preformatted: preDepth += 1
        case .heading:
            headingDepth += 1
            if name[1] == 0x31 && name[2] == 0 { inTopHeading = true }
        default: break
        }
        if namesAuthor && !hasAuthorElement && outline.author.isEmpty && !isHidden {
            hasAuthorElement = true
            authorFrame = frames.count
        }
        if tag.isBlock || tag == .lineBreak || !own.isEmpty { endBlock() }
        furniture.formUnion(own)
        if tag.isBlock {
            let parent = outline.nodes[Int(node)]
            frame.node = Int32(outline.nodes.count)
            outline.nodes.append(PageOutline.Node(
                parent: node, end: frame.node + 1, depth: parent.depth + 1, namesStoryBody: namesStoryBody,
                marksFurniture: own.contains(.marked)))
            node = frame.node
            if own.contains(.marked) { markingNode = frame.node }
        } else {
            if namesStoryBody {
                // An inline element named as the story's body still marks its block.
                outline.nodes[Int(node)].namesStoryBody = true
            }
            if own.contains(.marked) { markingNode = -2 }
        }
        frames.append(frame)
    }

    private func end(_ name: UnsafePointer<UInt8>) {
        let key = Self.key(name)
        // The parser closes elements in order; a stray end tag matches nothing and is ignored.
        guard let match = frames.lastIndex(where: { $0.key == key }) else { return }
        while frames.count > match {
            close(frames.removeLast())
        }
    }

    private func close(_ frame: Frame) {
        let changesFurniture = frame.furniture != furniture
        if frame.tag.isBlock || changesFurniture || frame.tag == .heading { endBlock() }
        if frame.node >= 0 {
            outline.nodes[Int(frame.node)].end = Int32(outline.nodes.count)
            node = outline.nodes[Int(frame.node)].parent
        }
        if frame.tag == .title { inTitle = false }
        if frame.tag == .script { inLinkedData = false }
        furniture = frame.furniture
        markingNode = frame.markingNode
        isHidden = frame.hiddenDepth
        linkDepth = frame.linkDepth
        preDepth = frame.preDepth
        headingDepth = frame.headingDepth
        inTopHeading = frame.inTopHeading
        if frames.count == authorFrame { authorFrame = -1 }
    }

    private func readMeta(_ property: UnsafePointer<UInt8>, _ content: UnsafePointer<UInt8>) {
        if Self.equalsIgnoringCase(property, "og:title") {
            if outline.openGraphTitle.isEmpty { Self.appendCollapsed(content, to: &outline.openGraphTitle, limit: 1_000) }
        } else if Self.equalsIgnoringCase(property, "article:published_time") {
            outline.offerPublished(content, from: .articlePublishedTime)
        } else if Self.equalsIgnoringCase(property, "author") {
            if outline.author.isEmpty { Self.appendCollapsed(content, to: &outline.author, limit: 200) }
        } else if Self.metaDateNames.contains(where: { Self.equalsIgnoringCase(property, $0) }) {
            outline.offerPublished(content, from: .metaDate)
        }
    }

    private static let metaDateNames: [StaticString] = [
        "pubdate", "publishdate", "publish-date", "publish_date", "date", "dc.date", "dc.date.issued", "dcterms.date",
        "dcterms.created", "dcterms.issued", "og:published_time", "article.published", "sailthru.date", "parsely-pub-date",
    ]

    // MARK: - Text

    private func text(_ bytes: UnsafeBufferPointer<UInt8>) {
        if inTitle {
            Self.appendCollapsed(bytes, to: &outline.title, limit: 1_000)
            return
        }
        guard !isHidden else { return }
        if authorFrame >= 0 {
            Self.appendCollapsed(bytes, to: &outline.author, limit: 200)
        }
        let inLink = linkDepth > 0
        let keepsLines = preDepth > 0
        // The text is taken out of the outline while words are copied, so each append is
        // not an access to this object's stored properties.
        var text = outline.text
        outline.text = []
        defer { outline.text = text }
        let count = bytes.count
        var index = 0
        while index < count {
            let byte = bytes[index]
            if byte <= 0x20 && Self.isSpace(byte) || byte == 0xC2 && index + 1 < count && bytes[index + 1] == 0xA0 {
                // A no-break space (`&nbsp;`, C2 A0) separates words like any other.
                index += byte == 0xC2 ? 2 : 1
                if keepsLines && byte == 0x0A {
                    pendingSpace = pendingSpace >= 2 ? 3 : 2
                } else if pendingSpace == 0 {
                    pendingSpace = 1
                }
                continue
            }
            // A word: up to the next space.
            var end = index + 1
            while end < count {
                let next = bytes[end]
                if next <= 0x20 && Self.isSpace(next) || next == 0xC2 && end + 1 < count && bytes[end + 1] == 0xA0 { break }
                end += 1
            }
            if blockStart < 0 {
                blockStart = Int32(text.count)
                blockLinkBytes = 0
            } else if pendingSpace != 0 {
                if pendingSpace == 3 {
                    endBlock(at: Int32(text.count))
                    blockStart = Int32(text.count)
                    blockLinkBytes = 0
                } else {
                    text.append(pendingSpace == 2 ? 0x0A : 0x20)
                    if inLink { blockLinkBytes += 1 }
                }
            }
            pendingSpace = 0
            text.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<end]))
            if inLink { blockLinkBytes += Int32(end - index) }
            index = end
        }
    }

    /// ASCII whitespace, and NUL, which is no text.
    @inline(__always)
    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C || byte == 0
    }

    /// Ends the open block, if any, recording it.
    private func endBlock() {
        endBlock(at: Int32(outline.text.count))
    }

    /// The same, with the text's length given (while `text` holds the text).
    private func endBlock(at end: Int32) {
        pendingSpace = 0
        guard blockStart >= 0 else { return }
        if end > blockStart {
            let isHeading = headingDepth > 0
            if inTopHeading && outline.firstHeading == nil { outline.firstHeading = outline.blocks.count }
            outline.blocks.append(PageOutline.Block(
                start: blockStart, end: end, node: node, linkBytes: min(blockLinkBytes, end - blockStart),
                furniture: furniture, markedBy: markingNode, isHeading: isHeading))
        }
        blockStart = -1
        blockLinkBytes = 0
    }

    // MARK: - Bytes

    private static func key(_ name: UnsafePointer<UInt8>) -> UInt64 {
        var hash = FurnitureMarkers.WordHash()
        var index = 0
        while name[index] != 0 {
            hash.append(name[index])
            index += 1
        }
        return hash.value
    }

    private static let htmlKey = FurnitureMarkers.WordHash("html").value
    private static let bodyKey = FurnitureMarkers.WordHash("body").value

    /// Whether NUL-terminated `value` is `literal` (lower-case ASCII), exactly.
    static func equals(_ value: UnsafePointer<UInt8>, _ literal: StaticString) -> Bool {
        let bytes = literal.utf8Start
        let count = literal.utf8CodeUnitCount
        for index in 0..<count where value[index] != bytes[index] { return false }
        return value[count] == 0
    }

    /// The same, ignoring ASCII case and surrounding spaces in `value`.
    static func equalsIgnoringCase(_ value: UnsafePointer<UInt8>, _ literal: StaticString) -> Bool {
        var start = 0
        while value[start] == 0x20 { start += 1 }
        let bytes = literal.utf8Start
        let count = literal.utf8CodeUnitCount
        for index in 0..<count {
            let byte = value[start + index]
            guard byte != 0, (byte &- 0x41 < 26 ? byte | 0x20 : byte) == bytes[index] else { return false }
        }
        var end = start + count
        while value[end] == 0x20 { end += 1 }
        return value[end] == 0
    }

    /// `display: none` or `visibility: hidden` in a style attribute (spaces and case ignored).
    static func hidesElement(_ style: UnsafePointer<UInt8>) -> Bool {
        var index = 0
        while style[index] != 0 {
            if let end = Self.matchIgnoringSpaces(style, at: index, "display:none")
                ?? Self.matchIgnoringSpaces(style, at: index, "visibility:hidden") {
                // Not `display: none-ish`: the value ends there.
                let next = style[end]
                return next == 0 || next == 0x3B || next == 0x20 || next == 0x21
            }
            index += 1
        }
        return false
    }

    /// Where `literal` (lower case, no spaces) ends if it starts at `start`, spaces skipped.
    private static func matchIgnoringSpaces(_ value: UnsafePointer<UInt8>, at start: Int, _ literal: StaticString) -> Int? {
        let pattern = literal.utf8Start
        var index = start
        for offset in 0..<literal.utf8CodeUnitCount {
            while offset > 0 && (value[index] == 0x20 || value[index] == 0x09) { index += 1 }
            let byte = value[index]
            guard byte != 0, (byte &- 0x41 < 26 ? byte | 0x20 : byte) == pattern[offset] else { return nil }
            index += 1
        }
        return index
    }

    private static func appendCollapsed(_ value: UnsafePointer<UInt8>, to output: inout [UInt8], limit: Int) {
        var count = 0
        while value[count] != 0 { count += 1 }
        appendCollapsed(UnsafeBufferPointer(start: value, count: count), to: &output, limit: limit)
    }

    /// Appends `bytes` with whitespace runs made single spaces, up to `limit` bytes in all
    /// (pieces of one text may follow each other: a trailing space is left for the reader to trim).
    private static func appendCollapsed(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8], limit: Int) {
        guard output.count < limit else { return }
        for byte in bytes {
            guard output.count < limit else {
                // Cut at the limit: no character is left in part.
                while let last = output.last, last >= 0x80 {
                    output.removeLast()
                    if last >= 0xC0 { break }
                }
                return
            }
            if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C || byte == 0 {
                if let last = output.last, last != 0x20 { output.append(0x20) }
            } else {
                output.append(byte)
            }
        }
    }
}
