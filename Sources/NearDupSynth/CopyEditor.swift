import NearDup

/// Word-level copy edits an outlet's desk makes to wire copy: synonyms, house number
/// style ("mln" -> "million", "1,750" -> "1750"), "U.S." -> "US", and contractions
/// ("did not" -> "didn't"). Each enabled class edits each occurrence with
/// `occurrenceProbability`, and no more than `budget` of the words change, so a copy
/// stays a copy.
struct CopyEditor {
    struct Classes: OptionSet, Sendable {
        let rawValue: UInt8
        static let synonyms = Classes(rawValue: 1)
        static let numberFormats = Classes(rawValue: 2)
        static let usStyle = Classes(rawValue: 4)
        static let contractions = Classes(rawValue: 8)
        static let all: Classes = [.synonyms, .numberFormats, .usStyle, .contractions]
    }

    var classes: Classes
    var occurrenceProbability: Double
    var budget: Double
    /// Edits made, by class: synonyms, number formats, US style, contractions.
    private(set) var counts = [0, 0, 0, 0]

    var total: Int { counts.reduce(0, +) }

    init(classes: Classes, occurrenceProbability: Double, budget: Double) {
        self.classes = classes
        self.occurrenceProbability = occurrenceProbability
        self.budget = budget
    }

    /// An outlet desk's edits to one reprint: with `copyEditProbability`, each class on with
    /// its probability; returns the log entry ("copyedit:synonyms=2,us=1") when a word changed.
    static func deskEdits(_ paragraphs: inout [BodyParagraph], configuration: SynthConfiguration, random: inout SynthRandom) -> String? {
        guard random.chance(configuration.copyEditProbability) else { return nil }
        var classes: Classes = []
        if random.chance(configuration.synonymProbability) { classes.insert(.synonyms) }
        if random.chance(configuration.numberFormatProbability) { classes.insert(.numberFormats) }
        if random.chance(configuration.usStyleProbability) { classes.insert(.usStyle) }
        if random.chance(configuration.contractionProbability) { classes.insert(.contractions) }
        var editor = CopyEditor(classes: classes, occurrenceProbability: configuration.copyEditOccurrenceProbability,
                                budget: configuration.copyEditBudget)
        editor.edit(&paragraphs, random: &random)
        guard editor.total > 0 else { return nil }
        let names = ["synonyms", "numbers", "us", "contractions"]
        return "copyedit:" + zip(names, editor.counts).filter { $0.1 > 0 }.map { "\($0.0)=\($0.1)" }.joined(separator: ",")
    }

    /// Edits the paragraphs in place.
    mutating func edit(_ paragraphs: inout [BodyParagraph], random: inout SynthRandom) {
        guard !classes.isEmpty else { return }
        let words = paragraphs.reduce(0) { $0 + $1.words }
        var remaining = max(1, Int(Double(words) * budget))
        for index in paragraphs.indices where remaining > 0 {
            let edited = edit(paragraphs[index].bytes, remaining: &remaining, random: &random)
            if edited != paragraphs[index].bytes {
                paragraphs[index].bytes = edited
                paragraphs[index].words = ByteText.wordCount(edited)
            }
        }
    }

    private enum Kind: UInt8 { case synonym, number, us, contraction }

    private struct Entry {
        var kind: Kind
        var replacement: [UInt8]
    }

    private static let synonymPairs: [(String, String)] = [
        ("said", "stated"), ("company", "firm"), ("about", "around"), ("expected", "anticipated"), ("rose", "climbed"),
        ("fell", "declined"), ("buy", "purchase"), ("big", "large"), ("help", "assist"), ("began", "started"),
        ("talks", "negotiations"), ("announced", "disclosed"), ("increase", "rise"), ("earlier", "previously"),
        ("spokesman", "representative"), ("total", "overall"), ("agreed", "consented"), ("plans", "intends"),
        ("officials", "authorities"), ("quickly", "rapidly"), ("chief", "head"), ("major", "leading"),
        ("reported", "posted"), ("statement", "release"),
    ]
    private static let numberWords: [(String, String)] = [
        ("mln", "million"), ("bln", "billion"), ("pct", "percent"), ("dlrs", "dollars"), ("cts", "cents"),
        ("mths", "months"), ("yrs", "years"), ("qtr", "quarter"),
    ]
    private static let usWords: [(String, String)] = [("u.s", "US"), ("u.k", "UK"), ("u.n", "UN")]
    private static let negatables: [(String, String)] = [
        ("do", "don't"), ("does", "doesn't"), ("did", "didn't"), ("is", "isn't"), ("are", "aren't"), ("was", "wasn't"),
        ("were", "weren't"), ("has", "hasn't"), ("have", "haven't"), ("had", "hadn't"), ("will", "won't"),
        ("would", "wouldn't"), ("could", "couldn't"), ("should", "shouldn't"),
    ]

    private static let lexicon: (table: WordTable, entries: [Entry]) = {
        var table = WordTable(capacity: 128)
        var entries: [Entry] = []
        func add(_ word: String, _ entry: Entry) {
            if table.insert(ByteText.hash(Array(word.utf8)), value: entries.count) { entries.append(entry) }
        }
        for (a, b) in synonymPairs {
            add(a, Entry(kind: .synonym, replacement: Array(b.utf8)))
            add(b, Entry(kind: .synonym, replacement: Array(a.utf8)))
        }
        for (a, b) in numberWords { add(a, Entry(kind: .number, replacement: Array(b.utf8))) }
        for (a, b) in usWords { add(a, Entry(kind: .us, replacement: Array(b.utf8))) }
        return (table, entries)
    }()

    private static let contractionTable: (table: WordTable, forms: [[UInt8]]) = {
        var table = WordTable(capacity: 32)
        var forms: [[UInt8]] = []
        for (word, form) in negatables where table.insert(ByteText.hash(Array(word.utf8)), value: forms.count) {
            forms.append(Array(form.utf8))
        }
        return (table, forms)
    }()

    private static let notHash = ByteText.hash(Array("not".utf8))

    private func enabled(_ kind: Kind) -> Bool {
        switch kind {
        case .synonym: classes.contains(.synonyms)
        case .number: classes.contains(.numberFormats)
        case .us: classes.contains(.usStyle)
        case .contraction: classes.contains(.contractions)
        }
    }

    private mutating func edit(_ bytes: [UInt8], remaining: inout Int, random: inout SynthRandom) -> [UInt8] {
        let tokens = ByteText.tokens(bytes)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 8)
        var index = 0
        while index < tokens.count {
            if !output.isEmpty { output.append(ByteText.space) }
            let token = tokens[index]
            let core = ByteText.core(of: token, in: bytes)
            defer { index += 1 }
            guard remaining > 0, !core.isEmpty else {
                output.append(contentsOf: bytes[token])
                continue
            }
            let key = ByteText.hash(bytes[core], lowercased: true)
            // did not -> didn't: the pair must have no punctuation between the words.
            if classes.contains(.contractions), index + 1 < tokens.count, core.upperBound == token.upperBound,
               let form = Self.contractionTable.table.value(for: key) {
                let next = tokens[index + 1]
                let nextCore = ByteText.core(of: next, in: bytes)
                if nextCore.lowerBound == next.lowerBound, ByteText.hash(bytes[nextCore], lowercased: true) == Self.notHash,
                   random.chance(occurrenceProbability) {
                    output.append(contentsOf: bytes[token.lowerBound..<core.lowerBound])
                    appendMatchingCase(Self.contractionTable.forms[form], like: bytes[core.lowerBound], to: &output)
                    output.append(contentsOf: bytes[nextCore.upperBound..<next.upperBound])
                    counts[3] += 1
                    remaining -= 1
                    index += 1
                    continue
                }
            }
            if let entryIndex = Self.lexicon.table.value(for: key) {
                let entry = Self.lexicon.entries[entryIndex]
                if enabled(entry.kind), random.chance(occurrenceProbability) {
                    output.append(contentsOf: bytes[token.lowerBound..<core.lowerBound])
                    if entry.kind == .us {
                        output.append(contentsOf: entry.replacement)
                        // "U.S." loses its final stop unless it ends the paragraph.
                        var suffix = bytes[core.upperBound..<token.upperBound]
                        if suffix.first == 0x2E, index + 1 < tokens.count { suffix = suffix.dropFirst() }
                        output.append(contentsOf: suffix)
                    } else {
                        appendMatchingCase(entry.replacement, like: bytes[core.lowerBound], to: &output)
                        output.append(contentsOf: bytes[core.upperBound..<token.upperBound])
                    }
                    counts[Int(entry.kind.rawValue)] += 1
                    remaining -= 1
                    continue
                }
            }
            // 1,750 -> 1750
            if classes.contains(.numberFormats), bytes[core].contains(0x2C),
               bytes[core].allSatisfy({ ByteText.isDigit($0) || $0 == 0x2C || $0 == 0x2E }),
               random.chance(occurrenceProbability) {
                output.append(contentsOf: bytes[token.lowerBound..<core.lowerBound])
                output.append(contentsOf: bytes[core].filter { $0 != 0x2C })
                output.append(contentsOf: bytes[core.upperBound..<token.upperBound])
                counts[1] += 1
                remaining -= 1
                continue
            }
            output.append(contentsOf: bytes[token])
        }
        return output
    }

    private func appendMatchingCase(_ word: [UInt8], like original: UInt8, to output: inout [UInt8]) {
        guard let first = word.first else { return }
        output.append(ByteText.isUpper(original) ? ByteText.upper(first) : first)
        output.append(contentsOf: word.dropFirst())
    }
}
