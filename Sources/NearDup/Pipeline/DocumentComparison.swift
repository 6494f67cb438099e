/// A close look at two documents: exact similarity and the passages they share.
public struct DocumentComparison: Sendable {
    public var similarity: PairSimilarity
    /// How many of the shorter text's paragraphs the longer reproduces.
    public var coverage: ParagraphCoverage
    /// Whether the copy rule joins them.
    public var isCopy: Bool
    /// Whether each text bundles several stamped or headlined items (`BundleRule`): a bundle is
    /// a copy only of another bundle.
    public var isBundle: [Bool]
    /// What was left out of each text read as a web page, and why; empty for plain text.
    public var dropped: [[DroppedText]]
    /// Each text's paragraphs (normalised) left out as furniture learned from its archive.
    public var learnedFurniture: [[String]]
    /// Maximal runs of normalised words of the first document whose every word k-gram also
    /// occurs in the second, in the first document's order.
    public var sharedPassages: [String]
    /// What the second changed against the first, paragraph by paragraph and word by word,
    /// in the text as written (a page's story text).
    public var diff: ParagraphDiff

    /// `furniture`: each text's paragraph numbers found to be furniture in its archive
    /// (`ClusteringPipeline.learnedFurniture`), left out as `cluster` leaves them out.
    public init(_ first: String, _ second: String, options: NearDupOptions = .init(), furniture: [[UInt8]] = [[], []]) {
        let pipeline = ClusteringPipeline(options: options)
        (similarity, coverage, isCopy, isBundle) = pipeline.exactComparison(first, second, leavingOut: furniture)
        // A page is read once: for what was left out of it, and for its story text.
        let explained = [first, second].map { text in
            options.readsPages && HTMLDetection.isPage(Array(text.utf8)) ? StoryExtractor().explain(text) : nil
        }
        dropped = explained.map { $0?.dropped ?? [] }
        let size: Int
        if case .words(let words) = options.shingle { size = words } else { size = 5 }
        let paragraphs = [first, second].map(pipeline.normalizedParagraphs)
        learnedFurniture = zip(paragraphs, furniture).map { paragraphs, numbers in
            Set(numbers).sorted().compactMap { Int($0) < paragraphs.count ? paragraphs[Int($0)] : nil }.filter { !$0.isEmpty }
        }
        // Passages are looked for in what verification compares.
        let kept = zip(paragraphs, furniture).map { paragraphs, numbers in
            paragraphs.enumerated().filter { !numbers.contains(UInt8(clamping: $0.offset)) }.map(\.element).joined(separator: " ")
        }
        let firstWords = kept[0].split(separator: " ")
        let secondWords = kept[1].split(separator: " ")
        sharedPassages = Self.passages(of: firstWords, in: secondWords, size: size)
        diff = ParagraphDiff(original: explained[0]?.page.text ?? first, copy: explained[1]?.page.text ?? second)
    }

    private static func passages(of words: [Substring], in other: [Substring], size: Int) -> [String] {
        guard words.count >= size, other.count >= size else { return [] }
        var grams: Set<[Substring]> = []
        for start in 0...(other.count - size) { grams.insert(Array(other[start..<(start + size)])) }
        var covered = [Bool](repeating: false, count: words.count)
        for start in 0...(words.count - size) where grams.contains(Array(words[start..<(start + size)])) {
            for index in start..<(start + size) { covered[index] = true }
        }
        var passages: [String] = []
        var index = 0
        while index < words.count {
            guard covered[index] else { index += 1; continue }
            var end = index
            while end < words.count && covered[end] { end += 1 }
            passages.append(words[index..<end].joined(separator: " "))
            index = end
        }
        return passages
    }
}
