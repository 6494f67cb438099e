/// Reads what a page's authors say a block is, in its `class`, `id`, `role` and `aria-label`
/// attributes: the words templates use for menus, rails, promos, newsletter and consent boxes,
/// share bars, comments, related and "most read" lists, ads, breadcrumbs and author boxes, and
/// those that mark the story's own body. Generic words of web design, never outlet names.
///
/// A value is cut into words at anything that is not a letter or digit and where a lower-case
/// letter meets an upper-case one (`mostPopular`, `share-bar`, `c-newsletter_signup`), and
/// each word, and each pair of neighbouring words, is looked up in a small hash table. A class
/// name that states a condition of the page (`has-sidebar`, `with-comments`, `is-sticky`,
/// `no-ads`, `contentWithSidebar`) says nothing about its own element and is passed over
/// from that word on.
enum FurnitureMarkers {
    /// What the words of one attribute value say.
    struct Reading: Equatable {
        var isFurniture = false
        var isStoryBody = false
        /// A byline or author box: furniture as a block, and where the author's name is.
        var namesAuthor = false
    }

    /// Reads a `class`, `id` or `aria-label` value (NUL-terminated, as the parser gives it).
    static func read(_ value: UnsafePointer<UInt8>) -> Reading {
        var reading = Reading()
        var index = 0
        // Hash of the current word, of the previous word followed by a space and the current
        // one (a pair), and of the previous word alone.
        var word = WordHash()
        var pair = WordHash()
        var previous: WordHash?
        var wordIndexInName = 0
        var skipsName = false
        var previousByte: UInt8 = 0
        func endWord() {
            guard word.length > 0 else { return }
            // "has-sidebar", "contentWithSidebar": what follows is a condition, not the element.
            if conditionWords.contains(word.value) && (wordIndexInName == 0 || midNameConditionWords.contains(word.value)) {
                skipsName = true
            }
            if !skipsName {
                if authorWords.contains(word.value) { reading.namesAuthor = true }
                switch words[word.value] {
                case .furniture?: reading.isFurniture = true
                case .storyBody?: reading.isStoryBody = true
                case nil: break
                }
                if previous != nil {
                    switch pairs[pair.value] {
                    case .furniture?: reading.isFurniture = true
                    case .storyBody?: reading.isStoryBody = true
                    case nil: break
                    }
                }
            }
            previous = word
            wordIndexInName += 1
            pair = word
            pair.append(0x20)
            word = WordHash()
        }
        while true {
            let byte = value[index]
            if byte == 0 { break }
            let isUpper = byte &- 0x41 < 26
            let isLower = byte &- 0x61 < 26
            let isDigit = byte &- 0x30 < 10
            if isUpper || isLower || isDigit {
                // camelCase: a capital after a small letter starts a word.
                if isUpper && previousByte &- 0x61 < 26 { endWord() }
                let lower = isUpper ? byte | 0x20 : byte
                word.append(lower)
                if previous != nil { pair.append(lower) }
            } else {
                endWord()
                if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                    // A new class name.
                    previous = nil
                    wordIndexInName = 0
                    skipsName = false
                }
            }
            previousByte = byte
            index += 1
        }
        endWord()
        // A value that names the story's body is not furniture for also naming, say, its share bar.
        if reading.isStoryBody { reading.isFurniture = false }
        return reading
    }

    /// Whether a `role` value names furniture (navigation, banner, complementary...).
    static func isFurnitureRole(_ value: UnsafePointer<UInt8>) -> Bool {
        var hash = WordHash()
        var index = 0
        while value[index] != 0 {
            hash.append(value[index] &- 0x41 < 26 ? value[index] | 0x20 : value[index])
            index += 1
        }
        return furnitureRoles.contains(hash.value)
    }

    /// Whether a `role` value marks the main content.
    static func isMainRole(_ value: UnsafePointer<UInt8>) -> Bool {
        var hash = WordHash()
        var index = 0
        while value[index] != 0 {
            hash.append(value[index] &- 0x41 < 26 ? value[index] | 0x20 : value[index])
            index += 1
        }
        return hash.value == WordHash("main").value || hash.value == WordHash("article").value
    }

    private enum Meaning: Sendable { case furniture, storyBody }

    /// FNV-1a over lower-case bytes: a word of a class name costs a multiply a byte.
    struct WordHash: Equatable {
        var value: UInt64 = 0xCBF2_9CE4_8422_2325
        var length = 0

        init() {}

        init(_ text: String) {
            for byte in text.utf8 { append(byte) }
        }

        /// A key of up to eight bytes packed in an integer, mixed so that its bits spread.
        init(packed: UInt64) {
            value = (packed ^ 0xCBF2_9CE4_8422_2325) &* 0xFF51_AFD7_ED55_8CCD
            value ^= value >> 33
        }

        mutating func append(_ byte: UInt8) {
            value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            length += 1
        }
    }

    /// Words that mark furniture wherever they appear in a class name or id.
    private static let furnitureWords = [
        // Menus and navigation.
        "nav", "navbar", "navigation", "menu", "menubar", "submenu", "megamenu", "breadcrumb", "breadcrumbs",
        "masthead", "header", "footer", "toolbar", "pagination", "pager", "skip", "topbar",
        // Rails and side columns.
        "sidebar", "rail", "aside", "sidecar",
        // Promotion, sign-up and consent.
        "promo", "promos", "promotion", "teaser", "teasers", "newsletter", "newsletters", "subscribe",
        "subscription", "signup", "paywall", "cookie", "cookies", "consent", "gdpr", "banner", "modal", "popup",
        "overlay", "login", "signin",
        // Sharing and comments.
        "share", "sharing", "sharebar", "social", "sociallinks", "comment", "comments", "disqus", "reactions",
        // Related and popular lists.
        "related", "recommended", "recommendations", "recirc", "recirculation", "popular", "mostpopular",
        "mostread", "mostviewed", "trending", "outbrain", "taboola", "carousel", "slideshow", "gallery",
        // Advertising.
        "ad", "ads", "advert", "adverts", "advertisement", "advertising", "adslot", "adunit", "dfp", "sponsor",
        "sponsored", "sponsors",
        // Author boxes, captions and other widgets.
        "byline", "author", "authors", "bio", "caption", "captions", "credit", "credits", "widget", "widgets",
        "ticker", "tags", "keywords", "sronly",
    ]

    /// Pairs of neighbouring words that mark furniture though neither does alone.
    private static let furniturePairs = [
        "most read", "most popular", "most viewed", "most shared", "most commented", "most emailed",
        "more stories", "more news", "more articles", "more from", "more on", "read more", "read next",
        "up next", "top stories", "latest news", "latest stories", "latest headlines", "you may", "also like",
        "sr only", "visually hidden", "screen reader", "site header", "site footer", "tag list", "link list",
    ]

    /// Words and pairs that name the story's own body.
    private static let storyBodyWords = ["articlebody", "storybody", "storytext", "articletext", "postbody", "entrycontent"]
    private static let storyBodyPairs = [
        "article body", "story body", "article text", "story text", "article content", "story content",
        "post body", "post content", "entry content", "entry body", "body text", "article copy", "story copy",
    ]

    private static let authorWords = wordSet(["byline", "author"])

    /// First words of class names that state a condition of the page, not what the element is.
    private static let conditionWords = wordSet(
        ["has", "is", "with", "without", "no", "show", "hide", "enable", "enabled", "disable", "supports", "can"])

    /// Of those, the ones that also start a condition in the middle of a name.
    private static let midNameConditionWords = wordSet(["with", "without", "has"])

    private static let furnitureRoles = wordSet(
        ["navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar", "toolbar", "tablist",
         "dialog", "alertdialog", "alert", "tooltip", "form", "button"])

    private static let words = HashedWords(
        furnitureWords.map { (WordHash($0).value, Meaning.furniture) } + storyBodyWords.map { (WordHash($0).value, Meaning.storyBody) })

    private static let pairs = HashedWords(
        furniturePairs.map { (WordHash($0).value, Meaning.furniture) } + storyBodyPairs.map { (WordHash($0).value, Meaning.storyBody) })

    private static func wordSet(_ words: [String]) -> HashedWords<Bool> {
        HashedWords(words.map { (WordHash($0).value, true) })
    }
}
