/// Turns a news page into its story text: the page is parsed once by a real HTML parser
/// (`HTMLOutliner`), furniture is set aside by structure (`nav`, `header`, `footer`,
/// `aside`, `figure`, `form`...), by what the template's class, id, role and aria-label
/// words say (`FurnitureMarkers`), by link density and by caption grammar (`CaptionRule`),
/// and the story is the text of the block that holds most of the page's paragraph text.
///
/// Choosing the block: a "paragraph" is a block of text of ten words or more, not furniture,
/// at most a quarter link text and no caption. The story's block is the deepest element that
/// holds four fifths of all paragraph text: a rail of headlines or a footer blurb lies outside
/// it, a story split into several `div`s by ads lies inside. An element that says it is the
/// story's body (`article`, `main`, `itemprop=articleBody`, a class such as `story-body`)
/// inside that block, holding three fifths, is taken instead. Every non-furniture block in it
/// is then story text, save link-dense ones (over half link text: lists of headlines) and
/// captions. This works on `div`-only templates as on semantic ones, since only the
/// amounts of text decide.
///
/// A class that names furniture is overruled on an element beside the headline that holds
/// most of the prose (`overruleMarks`): generated class names can say "footer" of a story.
/// A page with fewer than `minimumStoryWords` words of story text has no story. Before
/// saying so, the choice is made again without a `form` around the whole page and with
/// marked text beside the headline, in case that was all that hid it.
///
/// One extractor per thread: it reuses its buffers from page to page.
public final class StoryExtractor {
    /// Fewer words of story text make a page with no story.
    public static let minimumStoryWords = 30
    /// About `minimumStoryWords` words of news text, in bytes.
    private static let storyBytes = minimumStoryWords * 6

    private let outliner = HTMLOutliner()
    private var words: [Int32] = []
    private var isCaption: [Bool] = []
    /// Each block's furniture, less the marks `overruleMarks` found wrong.
    private var furniture: [PageOutline.Furniture] = []
    private var goodText: [Int] = []
    private var chosen: [Int] = []
    /// The `h1`'s node, and the nodes beside it (its grandparent's), when the page has one.
    private var headingNode = -1
    private var nearby = 0..<0
    /// The element the story was taken from.
    private var picked = 0

    public init() {}

    /// The story of a page given as text.
    public func extract(_ html: String) -> StoryPage {
        extract(Array(html.utf8))
    }

    /// The story of a page given as UTF-8 bytes.
    public func extract(_ html: [UInt8]) -> StoryPage {
        var text: [UInt8] = []
        var page = extract(html, into: &text)
        page.text = String(decoding: text, as: UTF8.self)
        return page
    }

    /// Writes the story text into `text` (replacing its contents) and returns the rest of the
    /// page's facts, with an empty `text`.
    func extract(_ html: [UInt8], into text: inout [UInt8]) -> StoryPage {
        html.withUnsafeBufferPointer { outliner.read($0) }
        let outline = outliner.outline
        text.removeAll(keepingCapacity: true)
        measureBlocks(outline)
        overruleMarks(outline)

        let headline = headlineBytes(outline)
        var storyWords = choose(outline, excluding: [.structure, .form, .marked, .hidden], headline: headline)
        if storyWords < Self.minimumStoryWords {
            let chosenBefore = chosen
            let wordsWithout = choose(outline, excluding: [.structure, .marked, .hidden], marksBesideHeadline: true, headline: headline)
            if wordsWithout >= Self.minimumStoryWords {
                storyWords = wordsWithout
            } else {
                chosen = chosenBefore
            }
        }
        if !headline.isEmpty {
            text.append(contentsOf: headline)
        }
        for index in chosen {
            if !text.isEmpty { text.append(contentsOf: [0x0A, 0x0A]) }
            text.append(contentsOf: outline.text[outline.blocks[index].range])
        }
        return StoryPage(
            text: "",
            headline: headline.isEmpty ? nil : String(decoding: headline, as: UTF8.self),
            byline: Self.trimmed(outline.author).map { String(decoding: $0, as: UTF8.self) },
            published: publicationTime(outline),
            hasStory: storyWords >= Self.minimumStoryWords,
            isBesideHeadline: isBesideHeadline(picked, outline),
            stampedItems: stampedItems(outline),
            headedItems: headedItems(outline),
            storyWords: storyWords)
    }

    /// The story of a page and every block of text left out of it, with the reason.
    public func explain(_ html: String) -> (page: StoryPage, dropped: [DroppedText]) {
        var text: [UInt8] = []
        var page = extract(Array(html.utf8), into: &text)
        page.text = String(decoding: text, as: UTF8.self)
        let outline = outliner.outline
        let kept = Set(chosen)
        let subtree = Int32(picked)..<outline.nodes[picked].end
        var dropped: [DroppedText] = []
        for (index, block) in outline.blocks.enumerated() where !kept.contains(index) && index != outline.firstHeading {
            let reason: DroppedText.Reason
            if block.furniture.contains(.hidden) {
                reason = .hidden
            } else if block.furniture.contains(.structure) {
                reason = .pageStructure
            } else if block.furniture.contains(.form) {
                reason = .form
            } else if furniture[index].contains(.marked) {
                reason = .templateMarker
            } else if isCaption[index] {
                reason = .caption
            } else if Int(block.linkBytes) * 2 > block.count {
                reason = .links
            } else if !subtree.contains(block.node) {
                reason = .outsideStory
            } else {
                continue  // a heading repeating the headline
            }
            dropped.append(DroppedText(
                reason: reason, text: String(decoding: outline.text[block.range], as: UTF8.self), words: Int(words[index])))
        }
        return (page, dropped)
    }

    /// Words, and whether each block is a caption.
    private func measureBlocks(_ outline: PageOutline) {
        words.removeAll(keepingCapacity: true)
        isCaption.removeAll(keepingCapacity: true)
        for block in outline.blocks {
            words.append(Int32(Self.words(outline.text, block.range)))
            isCaption.append(CaptionRule.isCaption(outline.text, block.range))
        }
    }

    /// A class or id that names furniture ("footer", "promo", "related") is taken at its word,
    /// save on an element beside the headline (holding the `h1`, or inside the `h1`'s
    /// grandparent) that holds most of the paragraph text beside the headline: that much prose
    /// next to the headline is the story, whatever a template's generated class names say. A
    /// site footer below a page of photo captions lies away from the headline and stays furniture.
    private func overruleMarks(_ outline: PageOutline) {
        let nodes = outline.nodes
        furniture.removeAll(keepingCapacity: true)
        furniture.append(contentsOf: outline.blocks.lazy.map(\.furniture))
        headingNode = -1
        nearby = 0..<0
        guard let heading = outline.firstHeading ?? headlineBlock(outline) else { return }
        headingNode = Int(outline.blocks[heading].node)
        var near = headingNode
        for _ in 0..<2 where nodes[near].parent > 0 { near = Int(nodes[near].parent) }
        nearby = near..<Int(nodes[near].end)
        guard outline.blocks.contains(where: { $0.furniture.contains(.marked) && $0.markedBy != -1 }) else { return }
        measureProse(outline) { !outline.blocks[$0].furniture.isDisjoint(with: [.structure, .form, .hidden]) }
        let besideHeadline = goodText[near]
        guard besideHeadline > 0 else { return }
        for (index, block) in outline.blocks.enumerated() where block.furniture.contains(.marked) && block.markedBy != -1 {
            // The innermost marking element decides: any outer one holds at least as much text.
            // A class on a lone paragraph of prose (an element with no blocks inside), or on an
            // inline element within it, styles the paragraph; its container is judged instead.
            var judged = Int(block.markedBy)
            if judged < 0 {
                guard nodes[Int(block.node)].end == block.node + 1 else { continue }
                judged = Int(block.node)
            }
            if nodes[judged].end == judged + 1 && goodText[judged] > 0 && nodes[judged].parent > 0 {
                judged = Int(nodes[judged].parent)
            }
            if isBesideHeadline(judged, outline) && goodText[judged] * 2 > besideHeadline {
                furniture[index].remove(.marked)
            }
        }
    }

    /// Items with text beside the headline, marked or not, that open with a time stamp
    /// (`StampedItems`): a live blog's items are often all marked by its template's classes,
    /// and only the story among them kept.
    private func stampedItems(_ outline: PageOutline) -> Int {
        var items = StampedItems()
        for (index, block) in outline.blocks.enumerated()
        where block.furniture.isDisjoint(with: [.structure, .hidden]) && isBesideHeadline(Int(block.node), outline) {
            items.read(opensItem: ItemStamp.opens(outline.text, block.range), words: Int(words[index]),
                       endsSentence: StampedItems.endsSentence(outline.text, block.range))
        }
        return items.count
    }

    /// On a page without an `h1`, the block that states the headline as `og:title` or
    /// `<title>` does ("<b>Headline</b>" in a table cell): four words or more, no link text.
    private func headlineBlock(_ outline: PageOutline) -> Int? {
        let stated = [outline.openGraphTitle, outline.title].compactMap(Self.trimmed).filter { !$0.isEmpty }
        guard !stated.isEmpty else { return nil }
        for (index, block) in outline.blocks.enumerated()
        where block.linkBytes == 0 && block.furniture.isDisjoint(with: [.structure, .hidden]) && words[index] >= 4 && block.count <= 400 {
            let text = outline.text[block.range]
            if stated.contains(where: { $0.firstRange(of: text) != nil }) { return index }
        }
        return nil
    }

    /// Headings in the story, each over one or two paragraphs, when such short sections are
    /// three in four of its sections: a digest or "news in brief" page, whose items are
    /// headlined stories of a paragraph or two. A feature's subheadings stand over longer
    /// sections; 0 when the short ones are fewer.
    private func headedItems(_ outline: PageOutline) -> Int {
        var sections = 0
        var short = 0
        var paragraphs = -1
        for index in chosen {
            if outline.blocks[index].isHeading {
                if (1...2).contains(paragraphs) { short += 1 }
                sections += 1
                paragraphs = 0
            } else if paragraphs >= 0 {
                paragraphs += 1
            }
        }
        if (1...2).contains(paragraphs) { short += 1 }
        return short * 4 >= sections * 3 ? short : 0
    }

    /// Whether `node` holds the `h1` or lies inside its grandparent; true on a page without one.
    private func isBesideHeadline(_ node: Int, _ outline: PageOutline) -> Bool {
        headingNode < 0 || nearby.contains(node) || node < headingNode && headingNode < Int(outline.nodes[node].end)
    }

    /// Fills `goodText` with each element's bytes of prose, its descendants' included: blocks
    /// of ten words or more that `isExcluded` lets through, no heading, no caption, at most a
    /// quarter link text.
    private func measureProse(_ outline: PageOutline, excluding isExcluded: (Int) -> Bool) {
        let nodes = outline.nodes
        goodText.removeAll(keepingCapacity: true)
        goodText.append(contentsOf: repeatElement(0, count: nodes.count))
        for (index, block) in outline.blocks.enumerated()
        where !isExcluded(index) && !block.isHeading && !isCaption[index] && words[index] >= 10
            && Int(block.linkBytes) * 4 <= block.count {
            goodText[Int(block.node)] += block.count
        }
        // Nodes come in document order, each after its parent.
        for node in stride(from: nodes.count - 1, to: 0, by: -1) {
            goodText[Int(nodes[node].parent)] += goodText[node]
        }
    }

    /// Picks the story's blocks into `chosen`, setting aside blocks with any of the furniture
    /// in `excluded`, and returns the story's words.
    /// With `marksBesideHeadline`, text that a class marks as furniture is taken beside the
    /// headline all the same (an over-broad class on the story's own elements), never away from it.
    private func choose(
        _ outline: PageOutline, excluding excluded: PageOutline.Furniture, marksBesideHeadline: Bool = false, headline: [UInt8]
    ) -> Int {
        func isExcluded(_ index: Int) -> Bool {
            let found = furniture[index].intersection(excluded)
            return !found.isEmpty
                && !(marksBesideHeadline && found == .marked && isBesideHeadline(Int(outline.blocks[index].node), outline))
        }
        chosen.removeAll(keepingCapacity: true)
        picked = 0
        let nodes = outline.nodes
        let blocks = outline.blocks
        measureProse(outline, excluding: isExcluded)
        guard goodText[0] > 0 else { return 0 }
        // The story is looked for beside the headline first: in the element beside it that
        // says it is the story's body (`article`, `itemprop=articleBody`...) and holds a
        // story's worth of text and most of what lies beside the headline, else from the h1's
        // grandparent up to the first element holding half the page's paragraph text; so a
        // site footer as long as a short story is no part of it.
        var scope = 0
        if headingNode >= 0 {
            let besideHeadline = goodText[nearby.lowerBound]
            var named = -1
            for node in 1..<nodes.count
            where nodes[node].namesStoryBody && goodText[node] >= Self.storyBytes && goodText[node] * 2 >= besideHeadline
                && isBesideHeadline(node, outline) && (named < 0 || goodText[node] > goodText[named]) {
                named = node
            }
            if named > 0 {
                scope = named
            } else {
                scope = nearby.lowerBound
                while scope > 0 && goodText[scope] * 2 < goodText[0] { scope = Int(nodes[scope].parent) }
            }
        }
        let total = goodText[scope]
        var pick = scope
        for node in scope + 1..<Int(nodes[scope].end) where goodText[node] * 5 >= total * 4 && nodes[node].depth > nodes[pick].depth {
            pick = node
        }
        var named = pick
        for node in pick..<Int(nodes[pick].end)
        where nodes[node].namesStoryBody && goodText[node] * 5 >= total * 3 && nodes[node].depth > nodes[named].depth {
            named = node
        }
        pick = named
        picked = pick
        let subtree = Int32(pick)..<nodes[pick].end
        var storyWords = 0
        for (index, block) in blocks.enumerated()
        where subtree.contains(block.node) && !isExcluded(index) && !isCaption[index]
            && Int(block.linkBytes) * 2 <= block.count {
            if block.isHeading && outline.text[block.range].elementsEqual(headline, by: { $0 == $1 || $0 == 0x0A && $1 == 0x20 }) {
                continue
            }
            chosen.append(index)
            if !block.isHeading { storyWords += Int(words[index]) }
        }
        return storyWords
    }

    /// Words separated by spaces, and each Chinese, Japanese or Korean character as one: those
    /// scripts do not separate words, and a character carries about a word's meaning.
    static func words(_ text: [UInt8], _ range: Range<Int>) -> Int {
        var ideographs = 0
        // Three-byte UTF-8 sequences led by E3...ED encode kana, CJK ideographs and Hangul.
        for index in range where text[index] &- 0xE3 <= 0x0A { ideographs += 1 }
        return TextBytes.wordCount(text, range) + ideographs
    }

    /// The first `h1`, else `og:title`, else `<title>`.
    private func headlineBytes(_ outline: PageOutline) -> [UInt8] {
        if let heading = outline.firstHeading {
            // One line, though a heading may hold preformatted text.
            return outline.text[outline.blocks[heading].range].map { $0 == 0x0A ? 0x20 : $0 }
        }
        if let title = Self.trimmed(outline.openGraphTitle) { return Array(title) }
        if let title = Self.trimmed(outline.title) { return Array(title) }
        return []
    }

    private func publicationTime(_ outline: PageOutline) -> String? {
        var outline = outline
        if let date = Self.jsonString(named: "\"datePublished\"", in: outline.linkedData) {
            outline.offerPublished(date, from: .jsonLinkedData)
        }
        guard !outline.published.isEmpty else { return nil }
        return PublicationTime.iso8601(outline.published)
    }

    /// The string value of the first member `name` (quoted) in JSON text, without decoding
    /// escapes (dates have none).
    private static func jsonString(named name: StaticString, in json: [UInt8]) -> [UInt8]? {
        let key = Array(UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
        guard json.count > key.count, let found = json.firstRange(of: key) else { return nil }
        var index = found.upperBound
        while index < json.count && TextBytes.isSpace(json[index]) { index += 1 }
        guard index < json.count, json[index] == 0x3A else { return nil }
        index += 1
        while index < json.count && TextBytes.isSpace(json[index]) { index += 1 }
        guard index < json.count, json[index] == 0x22 else { return nil }
        let start = index + 1
        guard let end = json[start...].prefix(64).firstIndex(of: 0x22) else { return nil }
        return Array(json[start..<end])
    }

    /// Without surrounding whitespace, no-break spaces included.
    private static func trimmed(_ bytes: [UInt8]) -> ArraySlice<UInt8>? {
        var slice = bytes[...]
        while true {
            if let first = slice.first, TextBytes.isSpace(first) {
                slice = slice.dropFirst()
            } else if slice.starts(with: [0xC2, 0xA0]) {
                slice = slice.dropFirst(2)
            } else if let last = slice.last, TextBytes.isSpace(last) {
                slice = slice.dropLast()
            } else if slice.count >= 2 && slice[slice.endIndex - 2] == 0xC2 && slice.last == 0xA0 {
                slice = slice.dropLast(2)
            } else {
                break
            }
        }
        return slice.isEmpty ? nil : slice
    }
}
