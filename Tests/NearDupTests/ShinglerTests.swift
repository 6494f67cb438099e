import Testing
@_spi(Kernels) @testable import NearDup

@Suite("Shingler")
struct ShinglerTests {
    private func shingles(_ text: String, kind: ShingleKind, quoted: [Bool] = [], seed: UInt64 = 0) -> [UInt64] {
        var shingler = Shingler(kind: kind, seed: seed)
        var hashes: [UInt64] = []
        shingler.shingleSet(of: Array(text.utf8), quotedWords: quoted, into: &hashes)
        return hashes
    }

    private func normalized(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        TextNormalizer().normalize(text, into: &bytes)
        return bytes
    }

    /// The hash a character shingle of exactly these bytes must have.
    private func characterShingle(_ text: Substring, seed: UInt64 = 0) -> UInt64 {
        ShingleHash.make(XXH3.hash(Array(text.utf8), seed: seed), isQuoted: false)
    }

    private func words(_ count: Int) -> String {
        (0..<count).map { "word\($0)" }.joined(separator: " ")
    }

    // MARK: Word shingles

    @Test(arguments: [(10, 5), (5, 5), (40, 3), (100, 1), (64, 8)])
    func distinctWordsGiveOneShinglePerWindow(wordCount: Int, k: Int) {
        let hashes = shingles(words(wordCount), kind: .words(k))
        #expect(hashes.count == wordCount - k + 1)
    }

    @Test func repeatedWindowsAreCountedOnce() {
        // Windows: "a b", "b a", "a b", "b a", ... — two distinct shingles.
        #expect(shingles("a b a b a b a b", kind: .words(2)).count == 2)
        #expect(shingles("same same same same same same", kind: .words(3)).count == 1)
        // A passage repeated twice adds only the shingles that cross the seam.
        let passage = words(20)
        #expect(shingles(passage + " " + passage, kind: .words(5)).count == 16 + 4)
    }

    @Test func outputIsSortedAndDuplicateFree() {
        let hashes = shingles("the cat sat on the mat and the cat sat on the hat", kind: .words(3))
        #expect(hashes == hashes.sorted())
        #expect(Set(hashes.map(ShingleHash.identity)).count == hashes.count)
    }

    @Test func sameTextGivesTheSameSetWhateverTheBufferHeld() {
        var shingler = Shingler(kind: .words(4), seed: 7)
        var first: [UInt64] = []
        shingler.shingleSet(of: Array(words(30).utf8), into: &first)
        var second: [UInt64] = Array(repeating: 42, count: 100)
        shingler.shingleSet(of: Array("unrelated text that fills the buffer first".utf8), into: &second)
        shingler.shingleSet(of: Array(words(30).utf8), into: &second)
        #expect(first == second)
        #expect(first.count == 27)
    }

    @Test func shingleIdentityDependsOnWordOrder() {
        let forward = Set(shingles("alpha beta gamma", kind: .words(3)))
        let backward = Set(shingles("gamma beta alpha", kind: .words(3)))
        #expect(forward.count == 1 && backward.count == 1)
        #expect(forward != backward)
        // Reordered paragraphs keep the shingles inside each paragraph.
        let a = words(30)
        let b = (100..<130).map { "word\($0)" }.joined(separator: " ")
        let ab = Set(shingles(a + " " + b, kind: .words(5)))
        let ba = Set(shingles(b + " " + a, kind: .words(5)))
        #expect(ab.intersection(ba).count == 26 + 26)
    }

    @Test func textShorterThanOneShingleGivesOne() {
        #expect(shingles("just three words", kind: .words(5)).count == 1)
        #expect(shingles("one", kind: .words(5)).count == 1)
        #expect(shingles("ab", kind: .characters(7)).count == 1)
        #expect(shingles("just three words", kind: .words(5)) != shingles("just three", kind: .words(5)))
    }

    @Test func emptyTextGivesNoShingles() {
        #expect(shingles("", kind: .words(5)).isEmpty)
        #expect(shingles("", kind: .characters(5)).isEmpty)
        #expect(shingles("   ", kind: .words(5)).isEmpty)
        var shingler = Shingler()
        var hashes: [UInt64] = [1, 2, 3]
        shingler.shingleSet(of: [], into: &hashes)
        #expect(hashes.isEmpty)
    }

    @Test func seedChangesTheHashes() {
        let text = words(20)
        let a = shingles(text, kind: .words(5), seed: 1)
        let b = shingles(text, kind: .words(5), seed: 2)
        #expect(a.count == b.count)
        #expect(Set(a).isDisjoint(with: Set(b)))
        #expect(a == shingles(text, kind: .words(5), seed: 1))
    }

    // MARK: Character shingles

    @Test func characterShinglesAreExactWindows() {
        let text = "abcdef"
        let expected = Set(["abc", "bcd", "cde", "def"].map { characterShingle(Substring($0)) })
        #expect(Set(shingles(text, kind: .characters(3))) == expected)
    }

    @Test func characterShinglesNeverSplitAMultiByteCharacter() {
        let text = "aé日b🙂c"
        let scalars = Array(text.unicodeScalars)
        let expectedWindows = (0...(scalars.count - 2)).map { start -> Substring in
            var window = String.UnicodeScalarView()
            window.append(contentsOf: scalars[start..<(start + 2)])
            return Substring(String(window))
        }
        let expected = Set(expectedWindows.map { characterShingle($0) })
        let actual = shingles(text, kind: .characters(2))
        #expect(actual.count == scalars.count - 1)
        #expect(Set(actual) == expected)
        // Single characters: one shingle per distinct scalar, each a whole UTF-8 sequence.
        let singles = Set(shingles("éé日日", kind: .characters(1)))
        #expect(singles == [characterShingle("é"), characterShingle("日")])
    }

    @Test func composedAndDecomposedTextShingleAlikeOnceNormalised() {
        let composed = normalized("Caf\u{E9} cr\u{E8}me in Z\u{FC}rich, \u{420}\u{43E}\u{441}\u{441}\u{438}\u{44F}")
        let decomposed = normalized("Cafe\u{301} cre\u{300}me in Zu\u{308}rich, \u{420}\u{43E}\u{441}\u{441}\u{438}\u{44F}")
        #expect(composed == decomposed)
        var shingler = Shingler(kind: .characters(4))
        var a: [UInt64] = []
        var b: [UInt64] = []
        shingler.shingleSet(of: composed, into: &a)
        shingler.shingleSet(of: decomposed, into: &b)
        #expect(a == b)
        #expect(!a.isEmpty)
        // The Cyrillic word stays multi-byte after folding, and its windows are whole characters.
        let russian = normalized("\u{420}\u{43E}\u{441}\u{441}\u{438}\u{44F}")
        #expect(String(decoding: russian, as: UTF8.self) == "россия")
        shingler.shingleSet(of: russian, into: &a)
        let expected = Set(["росс", "осси", "ссия"].map { characterShingle(Substring($0)) })
        #expect(Set(a) == expected)
    }

    // MARK: ShingleKind

    @Test func shingleKindParsesNamesAndShortForms() {
        #expect(ShingleKind("words:5") == .words(5))
        #expect(ShingleKind("chars:7") == .characters(7))
        #expect(ShingleKind("characters:3") == .characters(3))
        #expect(ShingleKind("word:2") == .words(2))
        #expect(ShingleKind("WORDS:4") == .words(4))
        #expect(ShingleKind("w3") == .words(3))
        #expect(ShingleKind("c9") == .characters(9))
        #expect(ShingleKind("words:1") == .words(1))
        #expect(ShingleKind("words:64") == .words(64))
    }

    @Test(arguments: ["", "words", "words:", "words:0", "words:65", "words:-1", "words:abc", "lines:5", "5",
                      "x5", "w", "c", "words:5:6", "chars: 7"])
    func shingleKindRejectsBadValues(text: String) {
        #expect(ShingleKind(text) == nil)
    }

    @Test func shingleKindDescriptionRoundTrips() {
        for kind in [ShingleKind.words(5), .characters(7), .default] {
            #expect(ShingleKind(kind.description) == kind)
            #expect(kind.size == (kind == .characters(7) ? 7 : 5))
        }
        #expect(ShingleKind.default == .words(5))
    }

    // MARK: Quoted mark

    @Test func quotedMarkIsSetOnlyWhenAllWordsAreQuoted() {
        let text = "w0 w1 w2 w3 w4 w5"
        let quoted = [true, true, true, false, true, true]
        let marked = shingles(text, kind: .words(3), quoted: quoted)
        let plain = shingles(text, kind: .words(3))
        #expect(marked.count == 4)
        #expect(marked.map(ShingleHash.identity).sorted() == plain.map(ShingleHash.identity).sorted())
        #expect(plain.allSatisfy { !ShingleHash.isQuoted($0) })
        // Only the window "w0 w1 w2" is wholly inside the quote.
        let firstWindow = ShingleHash.identity(shingles("w0 w1 w2", kind: .words(3))[0])
        for hash in marked {
            #expect(ShingleHash.isQuoted(hash) == (ShingleHash.identity(hash) == firstWindow))
        }
        #expect(marked.filter(ShingleHash.isQuoted).count == 1)
    }

    @Test func allQuotedTextMarksEveryShingle() {
        let text = words(12)
        let marked = shingles(text, kind: .words(5), quoted: Array(repeating: true, count: 12))
        #expect(marked.count == 8)
        #expect(marked.allSatisfy(ShingleHash.isQuoted))
        let none = shingles(text, kind: .words(5), quoted: Array(repeating: false, count: 12))
        #expect(none.allSatisfy { !ShingleHash.isQuoted($0) })
    }

    @Test func flagsOfTheWrongLengthAreIgnored() {
        let marked = shingles("a b c d", kind: .words(2), quoted: [true, true, true])
        #expect(marked.count == 3)
        #expect(marked.allSatisfy { !ShingleHash.isQuoted($0) })
    }

    @Test func unquotedOccurrenceWinsOverQuotedOne() {
        // "a b" occurs quoted first and unquoted later; the set keeps one, unquoted.
        let marked = shingles("a b x a b", kind: .words(2), quoted: [true, true, false, false, false])
        #expect(marked.count == 3)  // "a b", "b x", "x a"
        #expect(marked.allSatisfy { !ShingleHash.isQuoted($0) })
    }

    @Test func quotedMarkFollowsTheNormaliser() {
        var bytes: [UInt8] = []
        var flags: [Bool] = []
        TextNormalizer().normalize("He said \u{201C}we will go there\u{201D} today", into: &bytes, quotedWords: &flags)
        var shingler = Shingler(kind: .words(3))
        var hashes: [UInt64] = []
        shingler.shingleSet(of: bytes, quotedWords: flags, into: &hashes)
        // Windows: he said we | said we will | we will go* | will go there* | go there today
        #expect(hashes.count == 5)
        #expect(hashes.filter(ShingleHash.isQuoted).count == 2)
    }

    @Test func shingleHashMarks() {
        let hash: UInt64 = 0xDEAD_BEEF_0000_3FFF
        #expect(ShingleHash.isQuoted(ShingleHash.make(hash, isQuoted: true)))
        #expect(!ShingleHash.isQuoted(ShingleHash.make(hash, isQuoted: false)))
        #expect(ShingleHash.identity(ShingleHash.make(hash, isQuoted: true)) == ShingleHash.identity(ShingleHash.make(hash, isQuoted: false, paragraph: 9)))
        #expect(ShingleHash.make(hash, isQuoted: false) == 0xDEAD_BEEF_0000_2000)
        #expect(ShingleHash.make(hash, isQuoted: true, paragraph: 5) == 0xDEAD_BEEF_0000_200B)
        #expect(ShingleHash.paragraph(ShingleHash.make(hash, isQuoted: true, paragraph: 37)) == 37)
        // Paragraphs past the last one a hash can hold share it.
        #expect(ShingleHash.paragraph(ShingleHash.make(hash, isQuoted: false, paragraph: 50_000)) == ShingleHash.lastParagraph)
    }

    @Test func aRepeatedShingleKeepsItsFirstParagraphAndIsQuotedOnlyIfEveryOccurrenceIs() {
        let base: UInt64 = 0x1234_5678_9ABC_0000 << 4
        var hashes = [
            ShingleHash.make(base, isQuoted: true, paragraph: 4), ShingleHash.make(base, isQuoted: false, paragraph: 7),
            ShingleHash.make(base, isQuoted: true, paragraph: 2),
        ]
        hashes.sort()
        ShingleHash.removeDuplicates(&hashes)
        #expect(hashes == [ShingleHash.make(base, isQuoted: false, paragraph: 2)])

        var quotedOnly = [ShingleHash.make(base, isQuoted: true, paragraph: 3), ShingleHash.make(base, isQuoted: true, paragraph: 1)]
        quotedOnly.sort()
        ShingleHash.removeDuplicates(&quotedOnly)
        #expect(quotedOnly == [ShingleHash.make(base, isQuoted: true, paragraph: 1)])
    }

    @Test func shinglesCarryTheParagraphOfTheirFirstWord() {
        let text = "one two three four five six\n\nseven eight nine ten eleven\n\ntwelve thirteen fourteen fifteen sixteen"
        let normalizer = TextNormalizer(options: .init(removesBoilerplate: false))
        var normalized: [UInt8] = []
        var quoted: [Bool] = []
        var starts: [Int32] = []
        normalizer.normalize(text, into: &normalized, quotedWords: &quoted, paragraphStarts: &starts)
        #expect(starts == [6, 11])
        var shingler = Shingler(kind: .words(3))
        var hashes: [UInt64] = []
        shingler.shingles(of: normalized, quotedWords: quoted, paragraphStarts: starts, into: &hashes)
        // Windows start at words 0...13: six in the first paragraph, five in the second.
        #expect(hashes.map(ShingleHash.paragraph) == [0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2])
    }
}
