/// What a copy changed against an original, as an editor reads it: paragraphs aligned in
/// order, each kept as it is, kept with words changed, dropped or added.
///
/// Paragraphs are aligned by the words they share (the Dice coefficient of their word sets,
/// at least `matchThreshold`), choosing the order-keeping alignment that shares most; the
/// words of each aligned pair are then diffed by their longest common subsequence. Words
/// compare without case and without the punctuation around them, so "Trump," and "trump"
/// are the same word.
public struct ParagraphDiff: Sendable, Equatable {
    public enum Word: Sendable, Equatable {
        case kept(String)
        /// In the original only.
        case removed(String)
        /// In the copy only.
        case inserted(String)
    }

    public enum Entry: Sendable, Equatable {
        /// Paragraph numbers (from 0) of the original and the copy.
        case same(original: Int, copy: Int)
        /// The copy's words, with what it removed and inserted, in reading order.
        case changed(original: Int, copy: Int, words: [Word])
        case dropped(original: Int)
        case added(copy: Int)
    }

    public let original: [String]
    public let copy: [String]
    /// In reading order: an added paragraph where the copy has it, a dropped one where the
    /// original had it.
    public let entries: [Entry]

    /// Paragraphs whose word sets share less than this are not aligned.
    public static let matchThreshold = 0.5

    public init(original: String, copy: String) {
        self.init(originalParagraphs: Self.paragraphs(of: original), copyParagraphs: Self.paragraphs(of: copy))
    }

    public init(originalParagraphs: [String], copyParagraphs: [String]) {
        original = originalParagraphs
        copy = copyParagraphs
        let originalWords = original.map(Self.words)
        let copyWords = copy.map(Self.words)
        var entries: [Entry] = []
        for step in Self.align(originalWords.map(Self.keySet), copyWords.map(Self.keySet)) {
            switch step {
            case .pair(let a, let b):
                let words = Self.wordDiff(originalWords[a], copyWords[b])
                let isSame = words.allSatisfy { if case .kept = $0 { true } else { false } }
                entries.append(isSame ? .same(original: a, copy: b) : .changed(original: a, copy: b, words: words))
            case .onlyOriginal(let a): entries.append(.dropped(original: a))
            case .onlyCopy(let b): entries.append(.added(copy: b))
            }
        }
        self.entries = entries
    }

    /// Paragraphs: blocks between blank lines, or lines when the text has no blank line.
    public static func paragraphs(of text: String) -> [String] {
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        let hasBlankLine = lines.contains { $0.allSatisfy(\.isWhitespace) }
        var paragraphs: [String] = []
        var current: [Substring] = []
        func close() {
            let joined = current.map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }.joined(separator: " ")
            if !joined.isEmpty { paragraphs.append(joined) }
            current = []
        }
        for line in lines {
            if line.allSatisfy(\.isWhitespace) {
                close()
            } else {
                current.append(line)
                if !hasBlankLine { close() }
            }
        }
        close()
        return paragraphs
    }

    // MARK: Counts

    /// Paragraphs of the original the copy keeps, as they are or with words changed.
    public var keptParagraphs: Int { entries.count { if case .dropped = $0 { false } else if case .added = $0 { false } else { true } } }
    public var droppedParagraphs: Int { entries.count { if case .dropped = $0 { true } else { false } } }
    public var addedParagraphs: Int { entries.count { if case .added = $0 { true } else { false } } }
    /// Words removed or inserted inside kept paragraphs.
    public var changedWords: Int {
        entries.reduce(0) { total, entry in
            guard case .changed(_, _, let words) = entry else { return total }
            return total + words.count { if case .kept = $0 { false } else { true } }
        }
    }

    // MARK: Alignment

    private enum Step { case pair(Int, Int), onlyOriginal(Int), onlyCopy(Int) }

    private static func words(_ paragraph: String) -> [String] {
        paragraph.split(whereSeparator: \.isWhitespace).map(String.init)
    }

    /// What a word compares by: lowercased, without the punctuation around it.
    private static func key(_ word: String) -> String {
        let isWordCharacter = { (character: Character) in character.isLetter || character.isNumber }
        guard let first = word.firstIndex(where: isWordCharacter), let last = word.lastIndex(where: isWordCharacter) else {
            return word.lowercased()
        }
        return word[first...last].lowercased()
    }

    private static func keySet(_ words: [String]) -> Set<String> { Set(words.map(key)) }

    private static func dice(_ a: Set<String>, _ b: Set<String>) -> Double {
        guard !a.isEmpty || !b.isEmpty else { return 1 }
        let (small, large) = a.count <= b.count ? (a, b) : (b, a)
        let shared = small.count { large.contains($0) }
        return 2 * Double(shared) / Double(a.count + b.count)
    }

    /// The order-keeping alignment whose aligned pairs share most (sum of their Dice
    /// coefficients), by dynamic programming over both paragraph lists.
    private static func align(_ a: [Set<String>], _ b: [Set<String>]) -> [Step] {
        let (n, m) = (a.count, b.count)
        var best = [[Double]](repeating: [Double](repeating: 0, count: m + 1), count: n + 1)
        var similarity = [[Double]](repeating: [Double](repeating: 0, count: m), count: n)
        for i in 0..<n {
            for j in 0..<m {
                let score = dice(a[i], b[j])
                similarity[i][j] = score >= matchThreshold ? score : 0
            }
        }
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                var value = max(best[i + 1][j], best[i][j + 1])
                if similarity[i][j] > 0 { value = max(value, similarity[i][j] + best[i + 1][j + 1]) }
                best[i][j] = value
            }
        }
        var steps: [Step] = []
        var (i, j) = (0, 0)
        while i < n || j < m {
            if i < n, j < m, similarity[i][j] > 0, best[i][j] == similarity[i][j] + best[i + 1][j + 1] {
                steps.append(.pair(i, j))
                (i, j) = (i + 1, j + 1)
            } else if i < n, j == m || best[i][j] == best[i + 1][j] {
                steps.append(.onlyOriginal(i))
                i += 1
            } else {
                steps.append(.onlyCopy(j))
                j += 1
            }
        }
        return steps
    }

    /// Cells of the word table above which a pair of paragraphs is shown as one block removed
    /// and one inserted: 16 million, paragraphs of 4,000 words each.
    private static let largestWordTable = 1 << 24

    /// The copy's words against the original's, by their longest common subsequence.
    private static func wordDiff(_ a: [String], _ b: [String]) -> [Word] {
        guard a.count * b.count <= largestWordTable else { return a.map(Word.removed) + b.map(Word.inserted) }
        let (ka, kb) = (a.map(key), b.map(key))
        let (n, m) = (a.count, b.count)
        // common[i][j]: the longest common subsequence of a[i...] and b[j...], in one array.
        var common = [Int32](repeating: 0, count: (n + 1) * (m + 1))
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                common[i * (m + 1) + j] = ka[i] == kb[j]
                    ? common[(i + 1) * (m + 1) + j + 1] + 1
                    : max(common[(i + 1) * (m + 1) + j], common[i * (m + 1) + j + 1])
            }
        }
        var words: [Word] = []
        var (i, j) = (0, 0)
        while i < n || j < m {
            if i < n, j < m, ka[i] == kb[j] {
                words.append(.kept(b[j]))
                (i, j) = (i + 1, j + 1)
            } else if i < n, j == m || common[(i + 1) * (m + 1) + j] >= common[i * (m + 1) + j + 1] {
                words.append(.removed(a[i]))
                i += 1
            } else {
                words.append(.inserted(b[j]))
                j += 1
            }
        }
        return words
    }
}

private extension Substring {
    func trimmingWhitespace() -> Substring {
        guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return self[first...last]
    }
}
