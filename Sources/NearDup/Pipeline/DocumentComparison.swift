/// A close look at two documents: exact similarity and the passages they share.
public struct DocumentComparison: Sendable {
    public var similarity: PairSimilarity
    /// How many of the shorter text's paragraphs the longer reproduces.
    public var coverage: ParagraphCoverage
    /// Whether the copy rule joins them.
    public var isCopy: Bool
    /// Whether each text bundles several time-stamped items (`BundleRule`): a bundle and a text
    /// that is none are judged from the bundle's side.
    public var isBundle: [Bool]
    /// What was left out of each text read as a web page, and why; empty for plain text.
    public var dropped: [[DroppedText]]
    /// Maximal runs of normalised words of the first document whose every word k-gram also
    /// occurs in the second, in the first document's order.
    public var sharedPassages: [String]

    public init(_ first: String, _ second: String, options: PipelineOptions = .init()) {
        let pipeline = ClusteringPipeline(options: options)
        (similarity, coverage, isCopy, isBundle) = pipeline.exactComparison(first, second)
        dropped = [first, second].map { text in
            guard options.readsPages && HTMLDetection.isPage(Array(text.utf8)) else { return [] }
            return StoryExtractor().explain(text).dropped
        }
        let size: Int
        if case .words(let words) = options.shingle { size = words } else { size = 5 }
        let firstWords = pipeline.normalizedText(first).split(separator: " ")
        let secondWords = pipeline.normalizedText(second).split(separator: " ")
        sharedPassages = Self.passages(of: firstWords, in: secondWords, size: size)
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
