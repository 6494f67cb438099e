import Foundation
import Testing
@testable import NearDup
@testable import NearDupIO
@testable import NearDupSynth

/// Runs the simulator on the bundled Reuters sample.
private enum SynthFixture {
    /// `Data/reuters/reuters-sample.jsonl` in the package source tree.
    static let basePath: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Data/reuters/reuters-sample.jsonl").path

    static let stories: [BaseStory] = (try? BaseStory.read(from: basePath)) ?? []

    struct Run {
        var documents: [SyntheticDocument]
        var result: SynthesisResult
        var corpus: [UInt8]
        var log: [UInt8]
    }

    static func run(count: Int, seed: UInt64, configure: (inout SynthConfiguration) -> Void = { _ in }) throws -> Run {
        var configuration = SynthConfiguration(seed: seed)
        configure(&configuration)
        var documents: [SyntheticDocument] = []
        var corpus: [UInt8] = []
        var log: [UInt8] = []
        let result = try ReprintSimulator(configuration: configuration).generate(count: count, from: stories) { document in
            documents.append(document)
            document.appendCorpusLine(to: &corpus)
            document.appendLogLine(to: &log)
        }
        return Run(documents: documents, result: result, corpus: corpus, log: log)
    }

    /// One shared run for the label checks.
    static let standard: Result<Run, Error> = Result { try run(count: 1500, seed: 11) }
}

/// Word 5-grams of a text: lower case, words are runs of letters and digits, and a word
/// broken by a hyphen at a line end is joined again.
private func fiveGrams(_ text: String) -> Set<[Substring]> {
    let joined = text.replacingOccurrences(of: "-\n", with: "").lowercased()
    let words = joined.split(whereSeparator: { !($0.isLetter || $0.isNumber) })
    guard words.count >= 5 else { return [Array(words)] }
    return Set((0...(words.count - 5)).map { Array(words[$0..<($0 + 5)]) })
}

/// Share of the smaller set's 5-grams found in the other.
private func containmentOfShorter(_ a: String, _ b: String) -> Double {
    let first = fiveGrams(a)
    let second = fiveGrams(b)
    let (small, large) = first.count <= second.count ? (first, second) : (second, first)
    guard !small.isEmpty else { return 0 }
    return Double(small.filter(large.contains).count) / Double(small.count)
}

@Suite("Synth: random numbers, sampling, arithmetic")
struct SynthPrimitiveTests {
    @Test func splitMixMatchesTheReferenceSequence() {
        // SplitMix64 from state 0: the reference implementation's first outputs.
        var mixer = SplitMix64(state: 0)
        #expect(mixer.next() == 0xE220_A839_7B1D_CDAF)
        #expect(mixer.next() == 0x6E78_9E6A_A1B9_65F4)
        #expect(mixer.next() == 0x06C4_5D18_8009_454F)
    }

    @Test func generatorIsSeededAndStreamsDiffer() {
        var a = SynthRandom(seed: 42)
        var b = SynthRandom(seed: 42)
        var c = SynthRandom(seed: 43)
        let first = (0..<8).map { _ in a.next() }
        #expect(first == (0..<8).map { _ in b.next() })
        #expect(first != (0..<8).map { _ in c.next() })
        var s1 = SynthRandom(seed: 42, stream: 1, 5)
        var s2 = SynthRandom(seed: 42, stream: 1, 6)
        #expect(s1.next() != s2.next())
    }

    @Test func boundedDrawsStayInRangeAndCoverIt() {
        var random = SynthRandom(seed: 9)
        var seen = [Int](repeating: 0, count: 7)
        for _ in 0..<7000 {
            let value = random.below(7)
            seen[value] += 1
        }
        #expect(seen.allSatisfy { (800...1200).contains($0) }, "\(seen)")
        for _ in 0..<1000 {
            let unit = random.unit()
            #expect(unit >= 0 && unit < 1)
            #expect((3...5).contains(random.int(in: 3...5)))
        }
        var items = Array(0..<50)
        random.shuffle(&items)
        #expect(items.sorted() == Array(0..<50))
        #expect(items != Array(0..<50))
    }

    @Test func deterministicMathAgreesWithTheCLibrary() {
        for x in [1e-6, 0.01, 0.5, 1, 2, 2.718281828, 10, 123.456, 1e6, 3e12] {
            #expect(abs(DeterministicMath.log(x) - Foundation.log(x)) <= 1e-12 * max(1, abs(Foundation.log(x))), "log \(x)")
        }
        for x in [-30.0, -2.5, -0.1, 0, 0.3, 1, 5.5, 40, 200] {
            #expect(abs(DeterministicMath.exp(x) - Foundation.exp(x)) <= 1e-13 * Foundation.exp(x), "exp \(x)")
        }
        #expect(abs(DeterministicMath.pow(3, -2) - 1.0 / 9) < 1e-15)
    }

    @Test func zipfProbabilitiesFollowThePowerLaw() {
        let zipf = ZipfSampler(maximum: 50, exponent: 2)
        var total = 0.0
        for k in 0...50 { total += zipf.probability(of: k) }
        #expect(abs(total - 1) < 1e-12)
        #expect(abs(zipf.probability(of: 0) - 0.6152) < 0.001)
        #expect(abs(zipf.probability(of: 1) / zipf.probability(of: 0) - 0.25) < 1e-9)
        #expect(abs(zipf.probability(of: 9) / zipf.probability(of: 0) - 0.01) < 1e-9)
        var random = SynthRandom(seed: 3)
        var counts = [Int](repeating: 0, count: 51)
        for _ in 0..<100_000 { counts[zipf.sample(&random)] += 1 }
        #expect(abs(Double(counts[0]) / 100_000 - zipf.probability(of: 0)) < 0.01)
        #expect(counts[50] > 0, "the tail is reached")
    }

    @Test func daysAreFormattedWithoutACalendar() {
        #expect(SynthDay(daysSinceEpoch: 0).iso == "1970-01-01")
        #expect(SynthDay(daysSinceEpoch: 6265).iso == "1987-02-26")
        #expect(SynthDay(daysSinceEpoch: 6265).printed == "THURSDAY, FEBRUARY 26, 1987")
        #expect(SynthDay(daysSinceEpoch: 11016).iso == "2000-02-29")
    }
}

@Suite("Synth: text operations")
struct SynthTextTests {
    private func paragraphs(_ texts: [String]) -> [BodyParagraph] {
        texts.enumerated().map { BodyParagraph(origin: Int32($0.offset), bytes: Array($0.element.utf8)) }
    }

    @Test func baseTextIsSplitAtIndentedLines() {
        let text = "Showers continued throughout the week in\nthe Bahia cocoa zone, <Comissaria Smith> said.\n    The dry period means the temporao\nwill be late.\n    More follows.\n REUTER"
        let split = BaseCorpus.paragraphs(of: text).map { String(decoding: $0, as: UTF8.self) }
        #expect(split == [
            "Showers continued throughout the week in the Bahia cocoa zone, Comissaria Smith said.",
            "The dry period means the temporao will be late.",
            "More follows.",
        ])
        let web = BaseCorpus.paragraphs(of: "One line.\nAnother line.").map { String(decoding: $0, as: UTF8.self) }
        #expect(web == ["One line.", "Another line."])
    }

    @Test func laterPassesRewriteNamesAndFigures() {
        let corpus = BaseCorpus(stories: SynthFixture.stories, minimumOriginalWords: 60)
        let variant = TextVariant(corpus: corpus)
        var changed = 0
        var words = 0
        for paragraph in corpus.paragraphs.prefix(600) where paragraph.words >= 20 {
            let rewritten = variant.apply(paragraph.bytes, key: 0x1234_5677)
            #expect(variant.apply(paragraph.bytes, key: 0) == paragraph.bytes, "the first pass is the text as written")
            #expect(ByteText.wordCount(rewritten) == paragraph.words, "words are swapped one for one")
            let before = ByteText.tokens(paragraph.bytes).map { Array(paragraph.bytes[$0]) }
            let after = ByteText.tokens(rewritten).map { Array(rewritten[$0]) }
            changed += zip(before, after).filter { $0 != $1 }.count
            words += before.count
        }
        let share = Double(changed) / Double(words)
        #expect(share > 0.05 && share < 0.25, "\(share)")
        let text = Array("Comissaria Smith said arrivals of 155,221 bags in 1986 rose 5.93 pct.".utf8)
        let rewritten = String(decoding: variant.apply(text, key: 99), as: UTF8.self)
        #expect(rewritten.hasPrefix("Comissaria ") && !rewritten.contains("Smith") && rewritten.contains(" said arrivals of "))
        #expect(rewritten.contains(" in 1986 ") && !rewritten.contains("155,221") && !rewritten.contains("5.93"), "\(rewritten)")
    }

    @Test func laterPassesNeverPutTwoParagraphsTogetherTwice() throws {
        let corpus = BaseCorpus(stories: SynthFixture.stories, minimumOriginalWords: 60)
        let plan = try StoryPlanner(corpus: corpus, configuration: SynthConfiguration(seed: 8)).plan(count: 8000)
        #expect(plan.mainPasses >= 5)
        var seen = Set<Int64>()
        var pairs = 0
        var repeated = 0
        for story in plan.stories {
            let paragraphs = plan.mainParagraphs[Int(story.paragraphs.lowerBound)..<Int(story.paragraphs.upperBound)].map(Int64.init).sorted()
            for i in paragraphs.indices {
                for j in (i + 1)..<paragraphs.count {
                    pairs += 1
                    if !seen.insert(paragraphs[i] << 32 | paragraphs[j]).inserted { repeated += 1 }
                }
            }
        }
        // Only pairs across the seam of two rows of the first pass can meet again.
        #expect(Double(repeated) / Double(pairs) < 0.002, "\(repeated) of \(pairs) pairs repeated")
    }

    @Test func copyEditsChangeWordsWithinTheirBudget() {
        var text = paragraphs(["The U.S. company did not say how many mln dlrs it paid for 1,750 shares, officials said."])
        var editor = CopyEditor(classes: .all, occurrenceProbability: 1, budget: 1)
        var random = SynthRandom(seed: 1)
        editor.edit(&text, random: &random)
        let edited = String(decoding: text[0].bytes, as: UTF8.self)
        #expect(edited == "The US firm didn't say how many million dollars it paid for 1750 shares, authorities stated.")
        #expect(editor.counts == [3, 3, 1, 1])

        var limited = paragraphs([String(repeating: "said it did not ", count: 25)])
        var small = CopyEditor(classes: .all, occurrenceProbability: 1, budget: 0.05)
        small.edit(&limited, random: &random)
        #expect(small.total == 5, "5% of 100 words")
    }

    @Test func ocrConfusesCharactersAndHyphenatesAtLineEnds() {
        var text = paragraphs(["The government said the summit will consider telecommunications and semiconductor markets."])
        var random = SynthRandom(seed: 5)
        let changed = OCRNoise.confuse(&text, rate: 1, random: &random)
        #expect(changed >= 8)
        #expect(String(decoding: text[0].bytes, as: UTF8.self) != "The government said the summit will consider telecommunications and semiconductor markets.")

        var output: [UInt8] = []
        var breaks = 0
        let long = Array("international telecommunications negotiations continued throughout extraordinary circumstances".utf8)
        OCRNoise.wrap(long, width: 20, hyphenation: 1, breaks: &breaks, random: &random, into: &output)
        let lines = String(decoding: output, as: UTF8.self).split(separator: "\n")
        #expect(breaks > 0)
        #expect(lines.contains { $0.hasSuffix("-") })
        #expect(lines.allSatisfy { $0.count <= 20 }, "\(lines)")
        #expect(String(decoding: output, as: UTF8.self).replacingOccurrences(of: "-\n", with: "").replacingOccurrences(of: "\n", with: " ")
            == String(decoding: long, as: UTF8.self))
    }

    @Test func paragraphEditsKeepTheLeadAndHalfTheStory() {
        var configuration = SynthConfiguration()
        configuration.excerptProbability = 0
        configuration.dropProbability = 1
        configuration.reorderProbability = 1
        let sentences = (0..<12).map { index in (0..<20).map { "w\(index)x\($0)" }.joined(separator: " ") + "." }
        let story = StoryText(title: Array("Title".utf8), paragraphs: paragraphs(sentences), names: [], version: 1, baseStories: [])
        for seed in 0..<200 as Range<UInt64> {
            var random = SynthRandom(seed: seed)
            let local = [BodyParagraph(origin: BodyParagraph.local, bytes: Array("Local angle paragraph.".utf8))]
            let outcome = ParagraphEdits(configuration: configuration).apply(to: story, additions: local, random: &random)
            #expect(outcome.paragraphs.first?.origin == 0, "the lead stays first")
            let originals = outcome.paragraphs.filter { $0.origin >= 0 }.count
            #expect(originals >= 6, "at least half of the original's paragraphs")
            #expect(originals >= 2 * (outcome.paragraphs.count - originals) + 1)
        }
        configuration.excerptProbability = 1
        for seed in 0..<100 as Range<UInt64> {
            var random = SynthRandom(seed: seed)
            let outcome = ParagraphEdits(configuration: configuration).apply(to: story, additions: [], random: &random)
            let words = outcome.paragraphs.reduce(0) { $0 + $1.words }
            #expect(words >= 80 && words <= 240 * 7 / 10 + 20, "\(words)")
            #expect(outcome.paragraphs.enumerated().allSatisfy { $0.offset == Int($0.element.origin) }, "an excerpt is a prefix")
        }
    }
}

@Suite("Synth: the simulator", .serialized)
struct SynthSimulatorTests {
    @Test func baseIsReadable() {
        #expect(SynthFixture.stories.count == 2000)
    }

    @Test func sameSeedGivesIdenticalOutputAndAnotherSeedDoesNot() throws {
        let first = try SynthFixture.run(count: 400, seed: 5)
        let again = try SynthFixture.run(count: 400, seed: 5)
        let other = try SynthFixture.run(count: 400, seed: 6)
        #expect(first.corpus == again.corpus)
        #expect(first.log == again.log)
        #expect(first.result.labelsJSON() == again.result.labelsJSON())
        #expect(first.corpus != other.corpus)
        #expect(first.result.clusters != other.result.clusters)
        #expect(first.documents.count == 400)
    }

    @Test func labelsAreConsistentWithTheDocuments() throws {
        let run = try SynthFixture.standard.get()
        let documents = run.documents
        let byID = Dictionary(uniqueKeysWithValues: documents.map { ($0.id, $0) })
        #expect(byID.count == documents.count, "ids are unique")
        var clusterOf: [String: Int] = [:]
        for (index, cluster) in run.result.clusters.enumerated() {
            #expect(cluster.count >= 2)
            for id in cluster {
                #expect(byID[id] != nil, "\(id) is in the corpus")
                #expect(clusterOf.updateValue(index, forKey: id) == nil, "\(id) is in one cluster only")
            }
            // A cluster is exactly one story's documents.
            let stories = Set(cluster.compactMap { byID[$0]?.story })
            #expect(stories.count == 1)
            #expect(cluster.filter { byID[$0]?.kind == .original || byID[$0]?.kind == .negative }.count == 1, "one original")
        }
        for document in documents {
            switch document.kind {
            case .digest:
                #expect(clusterOf[document.id] == nil, "a digest is a singleton")
                #expect((3...5).contains(document.items.count))
            case .negative:
                // Never with the story it shadows.
                if let index = clusterOf[document.id] {
                    #expect(run.result.clusters[index].allSatisfy { byID[$0]?.story == document.story })
                }
                #expect(document.shadows != nil && document.shadows != document.story)
            default:
                break
            }
            let storyDocuments = documents.filter { $0.story != nil && $0.story == document.story }
            if document.story != nil, storyDocuments.count >= 2 {
                #expect(clusterOf[document.id] != nil, "a reprinted story's documents are labelled")
            }
        }
        let kinds = Set(documents.map(\.kind))
        #expect(kinds.isSuperset(of: [.original, .reprint, .digest, .negative, .writeThru]), "\(kinds)")
        // Documents of one cluster are spread over the output, not grouped.
        let largest = try #require(run.result.clusters.max { $0.count < $1.count })
        let positions = largest.compactMap { id in documents.firstIndex { $0.id == id } }
        #expect(positions.max()! - positions.min()! > documents.count / 2)
    }

    @Test func everyCopySharesAtLeastHalfOfTheShorterTextWithItsOriginal() throws {
        let run = try SynthFixture.standard.get()
        let byID = Dictionary(uniqueKeysWithValues: run.documents.map { ($0.id, $0) })
        var checked = 0
        var lowest = 1.0
        for cluster in run.result.clusters {
            let original = try #require(cluster.compactMap { byID[$0] }.first { $0.kind == .original || $0.kind == .negative })
            for id in cluster where id != original.id {
                let copy = try #require(byID[id])
                let containment = containmentOfShorter(copy.body, original.body)
                lowest = min(lowest, containment)
                #expect(containment >= 0.5, "\(id) vs \(original.id): \(containment) \(copy.edits)")
                checked += 1
            }
        }
        #expect(checked > 200)
        #expect(lowest < 0.95, "some copies are edited enough to be hard")
    }

    @Test func negativesAndDigestsShareLittleWithTheStoriesTheyUse() throws {
        let run = try SynthFixture.standard.get()
        var originals: [String: SyntheticDocument] = [:]
        for document in run.documents where document.kind == .original || document.kind == .negative {
            originals[document.story!] = document
        }
        var negatives = 0
        for document in run.documents where document.kind == .negative {
            let parent = try #require(originals[document.shadows!])
            let share = containmentOfShorter(document.body, parent.body)
            #expect(share < 0.3, "\(document.id) shares \(share) with \(parent.id)")
            negatives += 1
        }
        #expect(negatives > 0)
        for document in run.documents where document.kind == .digest {
            for key in document.items {
                let story = try #require(originals[key])
                #expect(containmentOfShorter(document.body, story.body) < 0.5)
            }
        }
    }

    @Test func copiesFollowTheZipfLawOnFiveThousandDocuments() throws {
        var configuration = SynthConfiguration(seed: 21)
        configuration.negativeProbability = 0
        configuration.digestShare = 0
        let corpus = BaseCorpus(stories: SynthFixture.stories, minimumOriginalWords: configuration.minimumBaseStoryWords)
        let plan = try StoryPlanner(corpus: corpus, configuration: configuration).plan(count: 5000)
        #expect(plan.documents.count == 5000)
        let copies = plan.stories.dropLast().map { Int($0.documentCount) - 1 }
        let zipf = ZipfSampler(maximum: 50, exponent: 2)
        let share = { (k: Int) in Double(copies.filter { $0 == k }.count) / Double(copies.count) }
        #expect(abs(share(0) - zipf.probability(of: 0)) < 0.04, "\(share(0))")
        #expect(abs(share(1) - zipf.probability(of: 1)) < 0.03, "\(share(1))")
        #expect(share(0) > share(1) && share(1) > share(2))
        #expect(copies.max()! >= 25, "a few stories have dozens of copies")
        #expect(abs(Double(copies.reduce(0, +)) / Double(copies.count) - zipf.mean) < 0.5)
    }

    @Test func generatorRecordNamesTheParameters() throws {
        let run = try SynthFixture.run(count: 60, seed: 2)
        let object = try JSONSerialization.jsonObject(with: Data(run.result.labelsJSON().utf8)) as? [String: Any]
        let generator = try #require(object?["generator"] as? [String: Any])
        let probabilities = try #require(generator["reprint_probabilities"] as? [String: Any])
        #expect((probabilities["excerpt"] as? NSNumber)?.doubleValue == 0.25)
        #expect((generator["documents"] as? NSNumber)?.intValue == 60)
        #expect((object?["clusters"] as? [[String]])?.count == run.result.clusters.count)
        // Corpus lines parse and carry exactly the four fields.
        for line in String(decoding: run.corpus, as: UTF8.self).split(separator: "\n") {
            let record = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(Set(record.keys) == ["id", "source", "date", "text"])
        }
    }

    @Test func badInputsAreReported() {
        #expect(throws: ReprintSimulator.SimulationError.self) {
            try ReprintSimulator().generate(count: 0, from: SynthFixture.stories) { _ in }
        }
        let tiny = [BaseStory(id: "a", title: "Short", text: "Too short to be an original.")]
        #expect(throws: ReprintSimulator.SimulationError.self) {
            try ReprintSimulator().generate(count: 5, from: tiny) { _ in }
        }
        var configuration = SynthConfiguration()
        configuration.excerptProbability = 2
        #expect(configuration.validationError() != nil)
    }
}
