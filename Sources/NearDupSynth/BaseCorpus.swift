import NearDup

/// The base stories cut into paragraphs and indexed for the simulator.
///
/// Hard-wrapped text (Reuters marks each paragraph with an indented first line) is
/// split at indented or blank lines and its wrapped lines are joined; text without such
/// marks has a paragraph per line; paragraphs of more than 50 words are cut into chunks
/// of whole sentences of up to 40 words. Reuters' company tags lose their angle brackets
/// ("<Airbus Industrie>" -> "Airbus Industrie") and its closing "REUTER" signature is
/// dropped. Stories whose body repeats an earlier one (or shares a fifth of the smaller
/// one's word 5-grams with it: another version of the same story), "CORRECTED" re-issues
/// and paragraphs already seen elsewhere are left out, so no text enters the corpus twice
/// from the base itself.
///
/// Stories of at least `minimumOriginalWords` words supply the originals' paragraphs
/// (the main pool); shorter ones are filler: paragraphs added by write-thrus and by
/// outlets. Capitalised words never seen in lower case are the base's names, which
/// `TextVariant` swaps to make later passes over the base differ from the first.
struct BaseCorpus: Sendable {
    struct Paragraph: Sendable {
        var bytes: [UInt8]
        var words: Int
        var story: Int
        /// Starts with a capital, ends a sentence, has 15+ words and is mostly words:
        /// may open a story.
        var canLead: Bool
    }

    struct Story: Sendable {
        var id: String
        var title: [UInt8]
        var paragraphs: Range<Int>
        var words: Int
        /// The base it comes from (`BaseStory.group`).
        var group = 0
    }

    private(set) var paragraphs: [Paragraph] = []
    private(set) var stories: [Story] = []
    /// Stories long enough to be originals, in base order.
    private(set) var longStories: [Int] = []
    /// Paragraphs of the long stories (the pool originals are built from).
    private(set) var mainPool: [Int] = []
    /// Paragraphs of the short stories (filler).
    private(set) var fillerPool: [Int] = []
    private(set) var names: [[UInt8]] = []
    private(set) var nameTable = WordTable()
    private(set) var acronyms: [[UInt8]] = []
    private(set) var acronymTable = WordTable()
    /// Base stories read, and those left out as repeats.
    private(set) var storiesRead = 0
    private(set) var storiesSkipped = 0

    init(stories base: [BaseStory], minimumOriginalWords: Int) {
        storiesRead = base.count
        var seenBodies = WordTable(capacity: base.count)
        var seenParagraphs = WordTable(capacity: base.count * 6)
        var seenShingles = WordTable(capacity: base.count * 64)
        var shingleCounts: [Int] = []
        for story in base {
            if story.title.uppercased().hasPrefix("CORRECTED") {
                storiesSkipped += 1
                continue
            }
            let split = Self.paragraphs(of: story.text).flatMap(Self.chunks)
            let bodyKey = ByteText.hash(split.joined(separator: [ByteText.space]), lowercased: true)
            guard !split.isEmpty, seenBodies.insert(bodyKey, value: 0) else {
                storiesSkipped += 1
                continue
            }
            // A re-issue or another version of a story already taken would make two
            // originals copies of each other.
            let shingles = Self.shingles(of: split)
            if repeatsEarlierStory(shingles, index: seenShingles, sizes: shingleCounts) {
                storiesSkipped += 1
                continue
            }
            for shingle in shingles { seenShingles.insert(shingle, value: shingleCounts.count) }
            shingleCounts.append(shingles.count)
            let storyIndex = stories.count
            let first = paragraphs.count
            var words = 0
            for bytes in split where seenParagraphs.insert(ByteText.hash(bytes, lowercased: true), value: 0) {
                let count = ByteText.wordCount(bytes)
                paragraphs.append(Paragraph(bytes: bytes, words: count, story: storyIndex, canLead: Self.canLead(bytes, words: count)))
                words += count
            }
            guard paragraphs.count > first else {
                storiesSkipped += 1
                continue
            }
            var title = ByteText.collapsingWhitespace(story.title.utf8.filter { $0 != 0x3C && $0 != 0x3E })
            if title.isEmpty {
                title = Array(ByteText.tokens(paragraphs[first].bytes).prefix(8).flatMap { paragraphs[first].bytes[$0] + [ByteText.space] }.dropLast())
            }
            stories.append(Story(id: story.id, title: title, paragraphs: first..<paragraphs.count, words: words, group: story.group))
        }
        for (index, story) in stories.enumerated() {
            if story.words >= minimumOriginalWords {
                longStories.append(index)
                mainPool.append(contentsOf: story.paragraphs)
            } else {
                fillerPool.append(contentsOf: story.paragraphs)
            }
        }
        if fillerPool.isEmpty { fillerPool = mainPool }
        collectNames()
    }

    /// Stories sharing this share of the smaller one's word 5-grams are versions of one story.
    static let repeatShare = 0.2

    /// Word 5-gram hashes (words: runs of letters and digits, lower-cased), sorted, unique.
    static func shingles(of paragraphs: [[UInt8]]) -> [UInt64] {
        var words: [UInt64] = []
        for paragraph in paragraphs {
            var hash: UInt64 = 0xCBF2_9CE4_8422_2325
            var inWord = false
            for byte in paragraph {
                if ByteText.isLetter(byte) || ByteText.isDigit(byte) {
                    hash = (hash ^ UInt64(ByteText.lower(byte))) &* 0x0000_0100_0000_01B3
                    inWord = true
                } else if inWord {
                    words.append(hash)
                    hash = 0xCBF2_9CE4_8422_2325
                    inWord = false
                }
            }
            if inWord { words.append(hash) }
        }
        guard words.count >= 5 else { return words.isEmpty ? [] : [SplitMix64.mix(words.reduce(0) { $0 &* 31 &+ $1 })] }
        var result: [UInt64] = []
        result.reserveCapacity(words.count - 4)
        for start in 0...(words.count - 5) {
            var hash: UInt64 = 0
            for word in words[start..<(start + 5)] { hash = SplitMix64.mix(hash ^ word) }
            result.append(hash)
        }
        result.sort()
        var unique: [UInt64] = []
        unique.reserveCapacity(result.count)
        for hash in result where unique.last != hash { unique.append(hash) }
        return unique
    }

    /// Does a kept story hold `repeatShare` of the smaller one's 5-grams?
    private func repeatsEarlierStory(_ shingles: [UInt64], index: WordTable, sizes: [Int]) -> Bool {
        var owners: [Int] = []
        for shingle in shingles {
            if let owner = index.value(for: shingle) { owners.append(owner) }
        }
        guard !owners.isEmpty else { return false }
        owners.sort()
        var start = 0
        while start < owners.count {
            var end = start
            while end < owners.count && owners[end] == owners[start] { end += 1 }
            let smaller = max(1, min(shingles.count, sizes[owners[start]]))
            if Double(end - start) >= Self.repeatShare * Double(smaller) { return true }
            start = end
        }
        return false
    }

    /// Paragraphs longer than this are cut into chunks of whole sentences of at most
    /// `chunkWords` words (a longer sentence stays whole).
    static let longParagraphWords = 50
    static let chunkWords = 40

    /// A long paragraph as chunks (see `longParagraphWords`); others unchanged. Later passes
    /// reuse paragraphs one by one, and an excerpt is at least 80 words, so no paragraph
    /// that recurs in another story can make up most of an excerpt.
    static func chunks(_ paragraph: [UInt8]) -> [[UInt8]] {
        guard ByteText.wordCount(paragraph) > longParagraphWords else { return [paragraph] }
        var result: [[UInt8]] = []
        var current: [UInt8] = []
        var words = 0
        for sentence in ByteText.sentences(paragraph) {
            let count = ByteText.wordCount(sentence)
            if words > 0 && words + count > chunkWords {
                result.append(current)
                current = []
                words = 0
            }
            if !current.isEmpty { current.append(ByteText.space) }
            current.append(contentsOf: sentence)
            words += count
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    /// Paragraphs of one base text, each with single spaces.
    static func paragraphs(of text: String) -> [[UInt8]] {
        let bytes = Array(text.utf8)
        var lines: [ArraySlice<UInt8>] = []
        var start = 0
        for index in bytes.indices where bytes[index] == ByteText.newline {
            lines.append(bytes[start..<index])
            start = index + 1
        }
        lines.append(bytes[start...])
        func isBlank(_ line: ArraySlice<UInt8>) -> Bool { line.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D } }
        let marked = lines.dropFirst().contains { line in isBlank(line) || line.first == 0x20 || line.first == 0x09 }
        var result: [[UInt8]] = []
        var current: [UInt8] = []
        func flush() {
            let cleaned = ByteText.collapsingWhitespace(current.lazy.filter { $0 != 0x3C && $0 != 0x3E })
            if !cleaned.isEmpty { result.append(cleaned) }
            current.removeAll(keepingCapacity: true)
        }
        for line in lines {
            if isBlank(line) {
                flush()
                continue
            }
            if !marked || line.first == 0x20 || line.first == 0x09 { flush() }
            if !current.isEmpty { current.append(ByteText.space) }
            current.append(contentsOf: line)
        }
        flush()
        // Reuters' closing signature.
        if var last = result.last {
            for signature in [" REUTER", " Reuter", " reuter"] where last.count >= signature.utf8.count {
                if last.suffix(signature.utf8.count).elementsEqual(signature.utf8) {
                    last.removeLast(signature.utf8.count)
                    break
                }
            }
            if last == Array("REUTER".utf8) || last == Array("Reuter".utf8) || last.isEmpty {
                result.removeLast()
            } else {
                result[result.count - 1] = last
            }
        }
        return result
    }

    private static func canLead(_ bytes: [UInt8], words: Int) -> Bool {
        guard words >= 15, let first = bytes.first, ByteText.isUpper(first) || first == 0x22,
              bytes.last == 0x2E else { return false }
        let letters = bytes.reduce(0) { $0 + (ByteText.isLetter($1) ? 1 : 0) }
        return letters * 10 >= bytes.count * 7
    }

    private static let notNames: Set<[UInt8]> = Set([
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "mr", "mrs", "ms", "dr", "inc", "corp", "co", "ltd", "plc", "i", "reuter", "reuters", "st",
        "and", "the", "of", "to", "in", "for", "on", "at", "by", "vs", "us", "uk", "a",
    ].map { Array($0.utf8) })

    /// Names: capitalised words (and 2-5 letter acronyms) never seen in lower case.
    private mutating func collectNames() {
        var lowercase = WordTable(capacity: 1 << 14)
        for paragraph in paragraphs {
            for token in ByteText.tokens(paragraph.bytes) {
                let core = ByteText.core(of: token, in: paragraph.bytes)
                if let first = core.first, ByteText.isLower(paragraph.bytes[first]) {
                    lowercase.insert(ByteText.hash(paragraph.bytes[core]), value: 0)
                }
            }
        }
        for paragraph in paragraphs {
            let bytes = paragraph.bytes
            for token in ByteText.tokens(bytes) {
                var core = ByteText.core(of: token, in: bytes)
                if core.count > 2, bytes[core.upperBound - 2] == 0x27, bytes[core.upperBound - 1] == 0x73 {
                    core = core.lowerBound..<(core.upperBound - 2)
                }
                guard core.count >= 2, ByteText.isUpper(bytes[core.lowerBound]),
                      bytes[core].allSatisfy(ByteText.isLetter) else { continue }
                let word = Array(bytes[core])
                let lowered = word.map(ByteText.lower)
                if Self.notNames.contains(lowered) || lowercase.contains(ByteText.hash(lowered)) { continue }
                let key = ByteText.hash(word)
                if word.dropFirst().contains(where: ByteText.isLower) {
                    if nameTable.insert(key, value: names.count) { names.append(word) }
                } else if word.count <= 5 {
                    if acronymTable.insert(key, value: acronyms.count) { acronyms.append(word) }
                }
            }
        }
    }
}
