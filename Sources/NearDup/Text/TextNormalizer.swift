/// Turns a document's raw text into the canonical word stream that shingling reads:
/// lower-case words separated by single spaces, markup and syndication boilerplate gone.
///
/// Copies of one story differ in case, typography (curly quotes, ligatures, full-width
/// forms, accents), markup and the lines each outlet adds; folding all of that away is
/// what lets their shingles match.
public struct TextNormalizer: Sendable {
    public struct Options: Sendable, Equatable {
        /// Case, compatibility (NFKD), diacritic, punctuation and whitespace folding.
        public var foldsText: Bool
        /// HTML tags dropped and entities decoded.
        public var stripsMarkup: Bool
        /// Bylines, datelines, "Related article:" lines, footers and credits removed.
        public var removesBoilerplate: Bool

        public init(foldsText: Bool = true, stripsMarkup: Bool = true, removesBoilerplate: Bool = true) {
            self.foldsText = foldsText
            self.stripsMarkup = stripsMarkup
            self.removesBoilerplate = removesBoilerplate
        }
    }

    public var options: Options
    private let folder = ScalarFolder()

    public init(options: Options = .init()) {
        self.options = options
    }

    /// The normalised text as a `String` (for display, tests and `compare`).
    public func normalize(_ text: String) -> String {
        var output: [UInt8] = []
        normalize(text, into: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// Writes the normalised UTF-8 bytes of `text` into `output`, replacing its contents.
    /// `output` is meant to be reused across documents.
    public func normalize(_ text: String, into output: inout [UInt8]) {
        var quotedWords: [Bool] = []
        normalize(text, into: &output, quotedWords: &quotedWords)
    }

    /// Also records, for each output word, whether it stood inside quotation marks: stories
    /// that quote the same statement share those words without being copies of each other.
    @_spi(Kernels) public func normalize(_ text: String, into output: inout [UInt8], quotedWords: inout [Bool]) {
        var paragraphStarts: [Int32] = []
        normalize(text, into: &output, quotedWords: &quotedWords, paragraphStarts: &paragraphStarts)
    }

    /// Also records where each kept paragraph after the first starts, as the index of its
    /// first word: a rewritten copy keeps most of its story's paragraphs, each lightly edited,
    /// where a new story that reuses background text keeps a few of them whole.
    package func normalize(_ text: String, into output: inout [UInt8], quotedWords: inout [Bool], paragraphStarts: inout [Int32]) {
        normalize(utf8: Array(text.utf8), into: &output, quotedWords: &quotedWords, paragraphStarts: &paragraphStarts)
    }

    /// The same for text given as valid UTF-8 (as `Document.utf8Text` holds it). Returns how
    /// many live items with text open with a time stamp (`StampedItems`), read on the way.
    @discardableResult
    func normalize(utf8 text: [UInt8], into output: inout [UInt8], quotedWords: inout [Bool], paragraphStarts: inout [Int32]) -> Int {
        output.removeAll(keepingCapacity: true)
        quotedWords.removeAll(keepingCapacity: true)
        paragraphStarts.removeAll(keepingCapacity: true)
        var bytes = text
        if options.stripsMarkup, MarkupStripper.mayContainMarkup(bytes) {
            bytes = MarkupStripper.strip(bytes)
        }
        // One paragraph at a time, looking one ahead: the filter asks whether another follows.
        var paragraphs = Paragraphs(bytes)
        var filter = BoilerplateFilter()
        var upcoming = paragraphs.next()
        var items = StampedItems()
        while let paragraph = upcoming {
            upcoming = paragraphs.next()
            let opensItem = ItemStamp.opens(bytes, paragraph)
            var kept = paragraph
            if options.removesBoilerplate {
                guard let story = filter.storyText(of: paragraph, in: bytes, isLast: upcoming == nil) else {
                    items.read(opensItem: opensItem, words: 0)
                    continue
                }
                kept = story
            }
            let wordsBefore = quotedWords.count
            if options.foldsText {
                folder.appendFolded(bytes, kept, to: &output, quotedWords: &quotedWords)
            } else {
                Self.appendWhitespaceSeparated(bytes[kept], to: &output, quotedWords: &quotedWords)
            }
            if wordsBefore > 0 && quotedWords.count > wordsBefore { paragraphStarts.append(Int32(truncatingIfNeeded: wordsBefore)) }
            items.read(opensItem: opensItem, words: quotedWords.count - wordsBefore,
                       endsSentence: StampedItems.endsSentence(bytes, kept))
        }
        if output.last == UInt8(ascii: " ") { output.removeLast() }
        return items.count
    }

    /// Without folding, words are the text's own whitespace-separated runs, case and punctuation kept.
    private static func appendWhitespaceSeparated(_ paragraph: ArraySlice<UInt8>, to output: inout [UInt8], quotedWords: inout [Bool]) {
        var inWord = false
        for byte in paragraph {
            let isSpace = byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0B || byte == 0x0C
            if isSpace {
                if inWord { output.append(0x20); inWord = false }
            } else {
                if !inWord { quotedWords.append(false) }
                output.append(byte)
                inWord = true
            }
        }
        if inWord { output.append(0x20) }
    }
}
