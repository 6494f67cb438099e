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
        // Each word's key as a number, the same for the same key on both sides: the alignment
        // and the word diffs compare numbers, not strings.
        var numbers: [String: Int32] = [:]
        func keys(_ words: [String]) -> [Int32] {
            words.map { word in
                let key = word.diffKey
                if let number = numbers[key] { return number }
                let number = Int32(numbers.count)
                numbers[key] = number
                return number
            }
        }
        let originalKeys = originalWords.map(keys)
        let copyKeys = copyWords.map(keys)
        var entries: [Entry] = []
        for step in Self.align(originalKeys.map(Self.keySet), copyKeys.map(Self.keySet)) {
            switch step {
            case .pair(let a, let b):
                let words = Self.wordDiff(originalWords[a], copyWords[b], keys: originalKeys[a], copyKeys[b])
                let isSame = words.allSatisfy { if case .kept = $0 { true } else { false } }
                entries.append(isSame ? .same(original: a, copy: b) : .changed(original: a, copy: b, words: words))
            case .onlyOriginal(let a): entries.append(.dropped(original: a))
            case .onlyCopy(let b): entries.append(.added(copy: b))
            }
        }
        self.entries = entries
    }

    /// A line longer than this is no hard-wrapped line: its block holds a paragraph a line.
    static let longestWrappedLine = 100

    /// Paragraphs as an editor sees them, each one's words joined by single spaces: blocks
    /// between blank lines, except that a block of unwrapped lines (one longer than
    /// `longestWrappedLine`) is a paragraph a line, as is text with no blank line. Text that
    /// puts a paragraph on each line and a blank line somewhere (under a header, say) would
    /// otherwise be one paragraph of the whole story, and its diff a single block;
    /// hard-wrapped print text keeps its lines joined. `compare` and `report` both read text so.
    public static func paragraphs(of text: String) -> [String] {
        let allLines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        // A blank line between lines of text; not the empty line after a final line end.
        let isBlank = { (line: Substring) in line.isAllWhitespace }
        let hasBlankLine = allLines.drop(while: isBlank).reversed().drop(while: isBlank).contains(where: isBlank)
        var paragraphs: [String] = []
        var block: [Substring] = []
        func close() {
            let lines = block.map { $0.wordsSeparatedByWhitespace().joined(separator: " ") }.filter { !$0.isEmpty }
            block = []
            guard !lines.isEmpty else { return }
            if !hasBlankLine || lines.contains(where: { $0.count > longestWrappedLine }) {
                paragraphs += lines
            } else {
                paragraphs.append(lines.joined(separator: " "))
            }
        }
        for line in allLines {
            if line.isAllWhitespace { close() } else { block.append(line) }
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
        paragraph.wordsSeparatedByWhitespace().map(String.init)
    }

    /// A paragraph's distinct keys, sorted.
    private static func keySet(_ keys: [Int32]) -> [Int32] {
        var set = keys.sorted()
        var end = 0
        for key in set where end == 0 || set[end - 1] != key {
            set[end] = key
            end += 1
        }
        set.removeLast(set.count - end)
        return set
    }

    private static func dice(_ a: [Int32], _ b: [Int32]) -> Double {
        guard !a.isEmpty || !b.isEmpty else { return 1 }
        var (i, j, shared) = (0, 0, 0)
        while i < a.count && j < b.count {
            if a[i] == b[j] {
                shared += 1
                (i, j) = (i + 1, j + 1)
            } else if a[i] < b[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return 2 * Double(shared) / Double(a.count + b.count)
    }

    /// The order-keeping alignment whose aligned pairs share most (sum of their Dice
    /// coefficients), by dynamic programming over both paragraph lists.
    private static func align(_ a: [[Int32]], _ b: [[Int32]]) -> [Step] {
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

    /// The copy's words against the original's, by their longest common subsequence of keys
    /// (`ka`, `kb`). Words the two begin with are kept as the walk below would keep them, so
    /// the table is made for the rest alone.
    private static func wordDiff(_ a: [String], _ b: [String], keys ka: [Int32], _ kb: [Int32]) -> [Word] {
        guard a.count * b.count <= largestWordTable else { return a.map(Word.removed) + b.map(Word.inserted) }
        if ka == kb { return b.map(Word.kept) }
        var prefix = 0
        while prefix < ka.count, prefix < kb.count, ka[prefix] == kb[prefix] { prefix += 1 }
        let kept = b[..<prefix].map(Word.kept)
        let (a, b, ka, kb) = (Array(a[prefix...]), Array(b[prefix...]), Array(ka[prefix...]), Array(kb[prefix...]))
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
        var words = kept
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
