import Foundation
import Testing
@_spi(Kernels) @testable import NearDup
@testable import NearDupIO

/// The normaliser's fast paths against plain twins: the ASCII folding kernel against the
/// byte-at-a-time fold, and the word-at-a-time byte helpers and pattern tables against
/// direct loops. Output must be identical, bytes and quoted-word flags alike.
@Suite("Normalizer equivalence")
struct NormalizerEquivalenceTests {
    private let folder = ScalarFolder()

    /// Pieces that exercise every branch of the fold and of the rules: case, digits,
    /// apostrophes and quotes (straight and typographic), compatibility forms, combining
    /// marks, separators, markup, entities, boilerplate and dateline openings.
    private static let pieces: [String] = [
        "a", "B", "z", "Q", "0", "9", "word", "Word", "WORD", " ", "  ", "\n", "\n\n", "\r", "\r\n", "\t",
        "\"", "'", "`", "\u{B4}", "\u{2019}", "\u{2018}", "\u{201C}", "\u{201D}", "\u{201E}", "\u{AB}", "\u{BB}",
        "\u{2BC}", "é", "É", "ß", "ﬁ", "½", "Ａ", "①", "\u{301}", "\u{200D}", "\u{A0}", "\u{2003}", "—", "–",
        "-", "•", "·", "*", ">", "|", "#", "###", "<p>", "</p>", "<br/>", "<script>x</script>", "&amp;",
        "&#8217;", "&quot;", "&nbsp;", "<!-- c -->", "<", "&", "Ω", "Ж", "中", "😀", "ǅ", "İ", "ﷺ", "Reuters",
        "(Reuters) - ", "WASHINGTON - ", "By John Smith", "Related articles", "Read more", "July 28, 2018",
        "Copyright", "All Rights Reserved", "click here to", "reuters.com", "/", ".", ",", ":", ";", "?",
        "!", ")", "(", "\u{FEFF}", "\u{7F}", "\u{1F}", "ＡＢＣ", "Ⅻ", "㎞", "ﾊ", "\u{E000}", "\u{10FFFF}",
    ]

    private static func randomText(_ generator: inout SketchSamples.SplitMix64, pieces count: Int) -> String {
        var text = ""
        for _ in 0..<count {
            text += pieces[Int(generator.next() % UInt64(pieces.count))]
        }
        return text
    }

    private static func randomBytes(_ generator: inout SketchSamples.SplitMix64, count: Int) -> [UInt8] {
        // Mostly ASCII, with lead and continuation bytes in any order.
        (0..<count).map { _ in
            let value = generator.next()
            return value % 4 == 0 ? UInt8(truncatingIfNeeded: value >> 8) : UInt8(truncatingIfNeeded: value >> 8) & 0x7F
        }
    }

    /// Folds `bytes[range]` after `prefix` with both kernels and expects the same result.
    private func expectSameFold(_ bytes: [UInt8], _ range: Range<Int>, after prefix: [UInt8] = [],
                                sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        var fast = prefix
        var reference = prefix
        var fastQuoted: [Bool] = []
        var referenceQuoted: [Bool] = []
        folder.appendFolded(bytes, range, to: &fast, quotedWords: &fastQuoted)
        folder.appendFoldedReference(bytes, range, to: &reference, quotedWords: &referenceQuoted)
        #expect(fast == reference, "\(bytes[range])", sourceLocation: sourceLocation)
        #expect(fastQuoted == referenceQuoted, "\(bytes[range])", sourceLocation: sourceLocation)
    }

    @Test func foldKernelsAgreeOnRandomText() {
        var generator = SketchSamples.SplitMix64(seed: 17)
        for round in 0..<3_000 {
            let bytes = Array(Self.randomText(&generator, pieces: Int(generator.next() % 60)).utf8)
            let prefixes: [[UInt8]] = [[], Array("x".utf8), Array("x ".utf8)]
            expectSameFold(bytes, 0..<bytes.count, after: prefixes[round % prefixes.count])
        }
    }

    @Test func foldKernelsAgreeOnRandomBytesAndRanges() {
        var generator = SketchSamples.SplitMix64(seed: 23)
        for _ in 0..<3_000 {
            let bytes = Self.randomBytes(&generator, count: Int(generator.next() % 80))
            let lower = bytes.isEmpty ? 0 : Int(generator.next() % UInt64(bytes.count + 1))
            let upper = lower + Int(generator.next() % UInt64(bytes.count - lower + 1))
            expectSameFold(bytes, lower..<upper)
        }
    }

    @Test func foldKernelsAgreeAcrossChunkBoundaries() {
        // Long ASCII runs are folded in chunks; words and quotes run across them.
        var generator = SketchSamples.SplitMix64(seed: 29)
        for length in [2_047, 2_048, 2_049, 4_097, 10_000] {
            let words = ["Alpha", "beta's", "\"quoted", "text\"", "42", "--", "x"]
            var text = ""
            while text.utf8.count < length {
                text += words[Int(generator.next() % UInt64(words.count))] + " "
            }
            let bytes = Array(text.utf8)
            expectSameFold(bytes, 0..<bytes.count)
            expectSameFold(bytes, 1..<(bytes.count - 1))
        }
    }

    @Test func foldKernelsAgreeOnASCIIBlocks() {
        // The ASCII kernel takes eight bytes at a time unless one is an apostrophe or a quote:
        // runs of separators, words and quotes at every offset, across blocks and chunks.
        var generator = SketchSamples.SplitMix64(seed: 43)
        let alphabet = Array("aZ09 ,.\n\t-\"'`@[{\u{7F}\u{0}".utf8)
        for round in 0..<4_000 {
            let length = round % 10 == 0 ? 900 + Int(generator.next() % 300) : Int(generator.next() % 70)
            let bytes = (0..<length).map { _ in
                // Mostly word bytes and single separators, as in prose.
                let value = generator.next()
                return value % 3 == 0 ? alphabet[Int(value >> 8) % alphabet.count] : alphabet[Int(value >> 8) % 4]
            }
            let lower = Int(generator.next() % 9)
            expectSameFold(bytes, Swift.min(lower, bytes.count)..<bytes.count, after: round % 2 == 0 ? [] : Array("x".utf8))
        }
    }

    @Test func foldKernelsAgreeOnTheFixtures() throws {
        let fixtures = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        let paths = ["archive", "news-dev/census_articles.csv", "news-dev/spotify_articles.csv", "corpus/sample.jsonl", "corpus/tree"]
            .map { fixtures.appendingPathComponent($0).path }
        let documents = try CorpusReader().readDocuments(from: paths)
        #expect(documents.count > 100)
        for document in documents {
            var bytes = Array(document.text.utf8)
            expectSameFold(bytes, 0..<bytes.count)
            if MarkupStripper.mayContainMarkup(bytes) { bytes = MarkupStripper.strip(bytes) }
            var fast: [UInt8] = []
            var reference: [UInt8] = []
            var fastQuoted: [Bool] = []
            var referenceQuoted: [Bool] = []
            for paragraph in BoilerplateFilter.filter(bytes, Paragraphs.ranges(in: bytes)) {
                folder.appendFolded(bytes, paragraph, to: &fast, quotedWords: &fastQuoted)
                folder.appendFoldedReference(bytes, paragraph, to: &reference, quotedWords: &referenceQuoted)
            }
            #expect(fast == reference, "\(document.id)")
            #expect(fastQuoted == referenceQuoted, "\(document.id)")
            // The normaliser reads paragraphs one at a time; the lists above are its twin.
            var normalized: [UInt8] = []
            var normalizedQuoted: [Bool] = []
            TextNormalizer().normalize(document.text, into: &normalized, quotedWords: &normalizedQuoted)
            if reference.last == UInt8(ascii: " ") { reference.removeLast() }
            #expect(normalized == reference, "\(document.id)")
            #expect(normalizedQuoted == referenceQuoted, "\(document.id)")
        }
    }

    // MARK: Byte helpers

    @Test func wordCountMatchesAPlainCount() {
        var generator = SketchSamples.SplitMix64(seed: 31)
        let alphabet: [UInt8] = [0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x08, 0x0E, 0x1F, 0x21, 0x41, 0x61, 0xA0, 0x89, 0x8D, 0xE2]
        for _ in 0..<5_000 {
            // Long enough for the thirty-two-byte blocks, the eight-byte words and the tail.
            let bytes = (0..<Int(generator.next() % 140)).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
            let lower = Int(generator.next() % UInt64(bytes.count + 1))
            let range = lower..<bytes.count
            var expected = 0
            var previousIsSpace = true
            for index in range {
                let isSpace = [0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D].contains(bytes[index])
                if previousIsSpace && !isSpace { expected += 1 }
                previousIsSpace = isSpace
            }
            #expect(TextBytes.wordCount(bytes, range) == expected, "\(bytes[range])")
            for limit in [1, 3, 31] {
                #expect(TextBytes.wordCount(bytes, range, limit: limit) == min(expected, limit))
            }
        }
    }

    @Test func byteSearchesMatchPlainLoops() {
        var generator = SketchSamples.SplitMix64(seed: 37)
        let alphabet: [UInt8] = [0x0A, 0x0D, 0x23, 0x26, 0x3C, 0x2D, 0xE2, 0x01, 0x09, 0x0B, 0x22, 0x24, 0x80, 0xFF, 0x61]
        for _ in 0..<5_000 {
            // Mostly sparse matches, so that whole blocks are skipped.
            let bytes = (0..<Int(generator.next() % 120)).map { _ in
                let value = generator.next()
                return value % 8 == 0 ? alphabet[Int(value >> 8) % alphabet.count] : 0x61
            }
            let start = Int(generator.next() % UInt64(bytes.count + 1))
            let end = start + Int(generator.next() % UInt64(bytes.count - start + 1))
            let targets = (0..<3).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
            let expected = (start..<end).first { targets.contains(bytes[$0]) }
            #expect(TextBytes.firstIndex(of: targets[0], targets[1], targets[2], in: bytes, from: start, before: end) == expected)
            #expect(TextBytes.firstIndex(of: targets[0], targets[1], targets[2], in: bytes, from: start)
                    == (start..<bytes.count).first { targets.contains(bytes[$0]) })
        }
    }

    @Test func patternTablesMatchPlainComparisons() {
        let list: [StaticString] = ["all rights reserved", "click here to", "may not be published", "ap", "©", "reuters"]
        let patterns = ASCIIPatterns(list)
        let searchList: [StaticString] = ["all rights reserved", "click here to", "may not be published"]
        let searchable = ASCIIPatterns(searchList)
        var generator = SketchSamples.SplitMix64(seed: 41)
        let fragments = ["All Rights Reserved", "CLICK here to", "may not", "AP", "ap", "©", "Reuters", "reuter", "all",
                         " ", "x", ".", "click here t", "MAY NOT BE PUBLISHED", "\u{C2}"]
        for _ in 0..<5_000 {
            var text = ""
            for _ in 0..<Int(generator.next() % 6) { text += fragments[Int(generator.next() % UInt64(fragments.count))] }
            let bytes = Array(text.utf8)
            let range = 0..<bytes.count
            #expect(patterns.matchPrefix(of: bytes, range) == list.contains { TextBytes.hasPrefix(bytes, range, $0) }, "\(text)")
            #expect(patterns.matchWhole(bytes, range) == list.contains { TextBytes.equals(bytes, range, $0) }, "\(text)")
            #expect(searchable.occurs(in: bytes, range) == searchList.contains { TextBytes.contains(bytes, range, $0) }, "\(text)")
        }
    }

    @Test func patternSearchMatchesAPlainSearchInLongText() {
        // The search tests thirty-two places at once for short lists and skips ahead by the
        // bytes that end each window for longer ones: patterns of unequal length at every
        // offset of long lines, lines ending before the text does, and near misses.
        let lists: [[StaticString]] = [
            ["all rights reserved", "may not be published, broadcast, rewritten", "click here to"],
            ["ab", "reuters", "bab"], ["xyz"], ["(c) ", "\u{A9} 20", ", x"],
            ["all rights reserved", "click here to", "ab", "xyz", "(c) ", "reuters"],
        ]
        let fragments = ["All Rights Reserved", "all rights reserve", "MAY NOT BE PUBLISHED, BROADCAST, REWRITTEN", "click here",
                         "Click Here To", "ab", "Reuters", "reuter", "bab", "xy", "XYZ", "the ", "a", " ", ",", "\u{E9}",
                         "(C) ", "(c)", "\u{A9} 2018", ", X", ", "]
        var generator = SketchSamples.SplitMix64(seed: 47)
        for list in lists {
            let patterns = ASCIIPatterns(list)
            for _ in 0..<2_000 {
                var text = ""
                for _ in 0..<Int(generator.next() % 40) {
                    text += generator.next() % 4 == 0 ? fragments[Int(generator.next() % UInt64(fragments.count))] : "lorem "
                }
                let bytes = Array(text.utf8)
                let lower = Int(generator.next() % UInt64(bytes.count + 1))
                let upper = generator.next() % 2 == 0 ? bytes.count : lower + Int(generator.next() % UInt64(bytes.count - lower + 1))
                let range = lower..<upper
                #expect(patterns.occurs(in: bytes, range) == list.contains { TextBytes.contains(bytes, range, $0) }, "\(text)")
            }
        }
    }
}
