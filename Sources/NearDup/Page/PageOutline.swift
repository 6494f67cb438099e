/// What one pass of the HTML parser records of a page: its text in blocks (paragraphs,
/// list items, headings, cells), where each block lies in the outline of the page's block
/// elements, and the metadata the page states. The story is chosen from this afterwards
/// (`StoryExtractor`), so the page is parsed once and no document tree is built.
///
/// Every array is kept between pages (`reset` empties without freeing): a worker thread
/// reads page after page through the same buffers.
struct PageOutline {
    /// A block element (`div`, `section`, `p`, `li`...). Nodes are numbered in document
    /// order, so a node's descendants are the nodes numbered `index + 1 ..< end`.
    struct Node {
        /// The enclosing block element; -1 for the page itself (node 0).
        var parent: Int32
        /// One past the last descendant.
        var end: Int32
        var depth: Int32
        /// `article`, `main`, `role=main`, `itemprop=articleBody`, or a class such as `story-body`.
        var namesStoryBody: Bool
        /// Its own class, id, role or aria-label names furniture.
        var marksFurniture = false
    }

    /// Why a block's text is furniture (none when empty).
    struct Furniture: OptionSet {
        let rawValue: UInt8
        /// Inside `nav`, `header`, `footer`, `aside`, `figure`, `figcaption`, `dialog`, `menu`.
        static let structure = Furniture(rawValue: 1)
        /// Inside a `form`.
        static let form = Furniture(rawValue: 2)
        /// Inside an element whose class, id, role or aria-label names furniture.
        static let marked = Furniture(rawValue: 4)
        /// Inside an element the page hides (`hidden`, `display: none`).
        static let hidden = Furniture(rawValue: 8)
    }

    /// A run of text between paragraph breaks.
    struct Block {
        var start: Int32
        var end: Int32
        var node: Int32
        /// Bytes of the text that lie inside links.
        var linkBytes: Int32
        var furniture: Furniture
        /// The innermost block element that marks the text as furniture (`Furniture.marked`);
        /// -1 none, -2 an inline element.
        var markedBy: Int32 = -1
        var isHeading: Bool

        var count: Int { Int(end - start) }
        var range: Range<Int> { Int(start)..<Int(end) }
    }

    /// Where a publication time was stated, best first.
    enum TimeSource: Int, Comparable {
        case articlePublishedTime, itemPropDatePublished, jsonLinkedData, metaDate, timeElement, timeElementInFurniture

        static func < (lhs: TimeSource, rhs: TimeSource) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// Blocks' text back to back, whitespace collapsed.
    var text: [UInt8] = []
    var blocks: [Block] = []
    var nodes: [Node] = []
    /// The `<title>` text.
    var title: [UInt8] = []
    var openGraphTitle: [UInt8] = []
    /// The index of the first block inside an `h1`, if any.
    var firstHeading: Int?
    /// The author's name, from `<meta name="author">` or the first byline element.
    var author: [UInt8] = []
    /// The best-placed publication time stated so far, as the page wrote it.
    var published: [UInt8] = []
    var publishedSource: TimeSource?
    /// JSON-LD blocks' text (up to a bound), read for `datePublished` and `headline`.
    var linkedData: [UInt8] = []

    mutating func reset() {
        text.removeAll(keepingCapacity: true)
        blocks.removeAll(keepingCapacity: true)
        nodes.removeAll(keepingCapacity: true)
        nodes.append(Node(parent: -1, end: 1, depth: 0, namesStoryBody: false))
        title.removeAll(keepingCapacity: true)
        openGraphTitle.removeAll(keepingCapacity: true)
        firstHeading = nil
        author.removeAll(keepingCapacity: true)
        published.removeAll(keepingCapacity: true)
        publishedSource = nil
        linkedData.removeAll(keepingCapacity: true)
    }

    /// Keeps `value` as the publication time when `source` is better placed than the one kept.
    mutating func offerPublished(_ value: [UInt8], from source: TimeSource) {
        (value + [0]).withUnsafeBufferPointer { offerPublished($0.baseAddress!, from: source) }
    }

    /// The same for a NUL-terminated value, as the parser gives attributes.
    mutating func offerPublished(_ value: UnsafePointer<UInt8>, from source: TimeSource) {
        if let kept = publishedSource, kept <= source { return }
        guard PublicationTime.looksLikeDate(value) else { return }
        published.removeAll(keepingCapacity: true)
        var index = 0
        while value[index] != 0 && index < 64 {
            published.append(value[index])
            index += 1
        }
        publishedSource = source
    }
}
