import Foundation
import Testing
@_spi(Kernels) @testable import NearDup
@testable import NearDupIO
import NearDupEval

/// Reads the bundled corpora once per test.
private enum PipelineFixtures {
    static func path(_ relativePath: String) -> String {
        Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent(relativePath).path
    }

    static func documents(_ relativePath: String) throws -> [Document] {
        try CorpusReader(fields: FieldSelection()).readDocuments(from: [path(relativePath)])
    }

    static func adjustedRandIndex(of result: ClusteringResult, documents: [Document], labels relativePath: String) throws -> Double {
        let truth = try LabelSet(contentsOf: path(relativePath))
        let metrics = ClusteringMetrics(predicted: result.assignments.map(\.cluster), truth: truth.labels(for: documents.map(\.id)))
        return metrics.adjustedRandIndex
    }

    static let putinFiles: Set<String> = [
        "reuters-wire-putin-invites-trump.txt",
        "moscowtimes-2018-07-28-putin-invites-trump.txt",
        "fernbrook-ledger-truncated-putin-invites-trump.txt",
        "kestrel-bay-gazette-ocr-putin-invites-trump.txt",
        "marlow-ridge-observer-byline-footer-putin-invites-trump.txt",
    ]
    static let censusFiles: Set<String> = ["cbsnews.com-8200.txt", "syracuse.com-8818.txt", "dailymail.co.uk-9990.txt"]
}

@Suite("ClusteringPipeline")
struct PipelineTests {
    // MARK: The bundled archive

    @Test func archiveFormsTheTwoLabelledClusters() throws {
        let documents = try PipelineFixtures.documents("archive")
        #expect(documents.count == 24)
        let result = ClusteringPipeline().run(documents)
        let clusters = result.clusters.map { cluster in cluster.members.map { documents[$0].id } }
        #expect(clusters.count == 2)

        let putin = try #require(clusters.first { $0.contains("reuters-wire-putin-invites-trump.txt") })
        #expect(Set(putin) == PipelineFixtures.putinFiles)
        #expect(putin.count == 5, "no document twice, no other file")
        #expect(putin.first == "reuters-wire-putin-invites-trump.txt", "the wire story represents its reprints")

        let census = try #require(clusters.first { $0.contains("cbsnews.com-8200.txt") })
        #expect(Set(census) == PipelineFixtures.censusFiles)
        #expect(result.copyCount == 6)
    }

    @Test func archiveMatchesItsLabelsExactly() throws {
        let documents = try PipelineFixtures.documents("archive")
        let result = ClusteringPipeline().run(documents)
        let ari = try PipelineFixtures.adjustedRandIndex(of: result, documents: documents, labels: "archive.labels.json")
        #expect(ari == 1)
    }

    @Test func resultAccountsForEveryDocumentOnce() throws {
        let documents = try PipelineFixtures.documents("archive")
        let result = ClusteringPipeline().run(documents)
        #expect(result.assignments.count == documents.count)
        #expect(result.statistics.documents == documents.count)
        #expect(result.statistics.emptyDocuments == 0)
        #expect(result.statistics.copyEdges <= result.statistics.candidatePairs)

        let members = result.clusters.flatMap(\.members)
        #expect(Set(members).count == members.count, "no document in two clusters")
        for cluster in result.clusters {
            #expect(cluster.members.count >= 2)
            #expect(cluster.similarities.count == cluster.members.count)
            #expect(cluster.similarities[0] == 1)
            #expect(cluster.similarities.allSatisfy { $0 >= 0.5 && $0 <= 1 })
            #expect(Array(cluster.members.dropFirst()) == cluster.members.dropFirst().sorted(), "members after the representative in input order")
            for (member, similarity) in zip(cluster.members, cluster.similarities) {
                let assignment = result.assignments[member]
                #expect(assignment.representative == cluster.representative)
                #expect(assignment.similarity == similarity)
                #expect(assignment.cluster == result.assignments[cluster.representative].cluster)
            }
        }
        // Documents outside every cluster represent themselves, each under its own number.
        let clustered = Set(members)
        for position in documents.indices where !clustered.contains(position) {
            #expect(result.assignments[position].representative == position)
            #expect(result.assignments[position].similarity == 1)
        }
        #expect(Set(result.assignments.map(\.cluster)).count == documents.count - result.copyCount)
    }

    @Test func clusterNumbersCountUpInOrderOfFirstAppearance() throws {
        let documents = try PipelineFixtures.documents("archive")
        let result = ClusteringPipeline().run(documents)
        var next = 0
        for assignment in result.assignments {
            #expect(assignment.cluster <= next)
            if assignment.cluster == next { next += 1 }
        }
        #expect(next == documents.count - result.copyCount)
        let firstMembers = result.clusters.map { $0.members.min()! }
        #expect(firstMembers == firstMembers.sorted(), "clusters ordered by first input position")
    }

    @Test func representativeDoesNotDependOnInputOrder() throws {
        let documents = try PipelineFixtures.documents("archive")
        let reversed = Array(documents.reversed())
        let result = ClusteringPipeline().run(reversed)
        let putin = try #require(result.clusters.first { cluster in
            cluster.members.contains { reversed[$0].id == "moscowtimes-2018-07-28-putin-invites-trump.txt" }
        })
        #expect(reversed[putin.representative].id == "reuters-wire-putin-invites-trump.txt")
        #expect(Set(putin.members.map { reversed[$0].id }) == PipelineFixtures.putinFiles)
    }

    @Test func earliestDatedCopyRepresentsItsCluster() throws {
        var documents = try PipelineFixtures.documents("archive")
        let moscowTimes = try #require(documents.firstIndex { $0.id == "moscowtimes-2018-07-28-putin-invites-trump.txt" })
        let wire = try #require(documents.firstIndex { $0.id == "reuters-wire-putin-invites-trump.txt" })
        documents[moscowTimes].date = "2018-07-27T10:00:00Z"
        documents[wire].date = "2018-07-27T18:00:00Z"
        let result = ClusteringPipeline().run(documents)
        let putin = try #require(result.clusters.first { $0.members.contains(wire) })
        #expect(putin.representative == moscowTimes)
    }

    /// Copies that share the earliest date (a day without a time, say) are told apart as
    /// undated copies are: the most complete one represents them.
    @Test func copiesSharingTheEarliestDateFallBackToTheMostComplete() throws {
        var documents = try PipelineFixtures.documents("archive")
        let undated = ClusteringPipeline().run(documents)
        for index in documents.indices { documents[index].date = "2018-07-27" }
        let dated = ClusteringPipeline().run(documents)
        #expect(dated.clusters == undated.clusters)
        #expect(dated.clusters.count > 0)
    }

    @Test func emptyDocumentsStayAlone() {
        let story = (0..<200).map { "word\($0)" }.joined(separator: " ")
        let documents = [
            Document(id: "a", text: story, origin: .init(file: "mem", line: 1)),
            Document(id: "empty1", text: "", origin: .init(file: "mem", line: 2)),
            Document(id: "b", text: story, origin: .init(file: "mem", line: 3)),
            Document(id: "empty2", text: "  ... ", origin: .init(file: "mem", line: 4)),
        ]
        let result = ClusteringPipeline().run(documents)
        #expect(result.statistics.emptyDocuments == 2)
        #expect(result.clusters.map(\.members) == [[0, 2]])
        #expect(result.assignments.map(\.cluster) == [0, 1, 0, 2])
    }

    @Test func noDocumentsGiveAnEmptyResult() {
        let result = ClusteringPipeline().run([])
        #expect(result.clusters.isEmpty)
        #expect(result.assignments.isEmpty)
        #expect(result.statistics.documents == 0)
    }

    // MARK: Labelled news sets

    @Test(arguments: [("news-dev/census_articles.csv", "news-dev/census.labels.json", 32),
                      ("news-dev/spotify_articles.csv", "news-dev/spotify.labels.json", 36)])
    func defaultPipelineAgreesWithLabelledNews(corpus: String, labels: String, count: Int) throws {
        let documents = try PipelineFixtures.documents(corpus)
        #expect(documents.count == count)
        let result = ClusteringPipeline().run(documents)
        let ari = try PipelineFixtures.adjustedRandIndex(of: result, documents: documents, labels: labels)
        #expect(ari >= 0.90, "adjusted Rand index \(ari) on \(corpus)")
    }

    // MARK: Determinism

    /// Enough documents for several parallel chunks: the labelled sets and the archive,
    /// each also as a lightly edited copy.
    private func largeCorpus() throws -> [Document] {
        let originals = try PipelineFixtures.documents("archive")
            + PipelineFixtures.documents("news-dev/census_articles.csv")
            + PipelineFixtures.documents("news-dev/spotify_articles.csv")
        var documents: [Document] = []
        for round in 0..<7 {
            for (index, original) in originals.enumerated() {
                var words = original.text.split(separator: " ", omittingEmptySubsequences: false)
                // Drop every (7 + round)th word from a round-dependent offset: a different edit each time.
                let step = 7 + round
                words = words.enumerated().filter { ($0.offset + index + round) % step != 0 || round == 0 }.map(\.element)
                documents.append(Document(id: "\(round)-\(original.id)", text: words.joined(separator: " "),
                                          source: original.source, origin: original.origin))
            }
        }
        return documents
    }

    @Test func threadCountDoesNotChangeTheOutcome() throws {
        let documents = try largeCorpus()
        #expect(documents.count > 2 * 256, "more than one chunk of work per thread")
        var single = NearDupOptions()
        single.threads = 1
        var parallel = NearDupOptions()
        parallel.threads = 2
        let one = ClusteringPipeline(options: single).run(documents)
        let two = ClusteringPipeline(options: parallel).run(documents)
        #expect(one.assignments == two.assignments)
        #expect(one.clusters == two.clusters)
        #expect(one.statistics == two.statistics)
        // Edited copies of one text end up together.
        #expect(one.clusters.count >= 24)
    }

    @Test func repeatedRunsAreIdentical() throws {
        let documents = try PipelineFixtures.documents("news-dev/spotify_articles.csv")
        let first = ClusteringPipeline().run(documents)
        let second = ClusteringPipeline().run(documents)
        #expect(first.assignments == second.assignments)
        #expect(first.clusters == second.clusters)
    }

    /// Streaming in chunks of any size, on one thread or on workers, with shingles in memory,
    /// in a scratch file or partly in each, gives what one run over all documents gives.
    /// `setsInMemory` is the scratch file's memory budget; nil means no scratch file.
    @Test(arguments: [
        (1, 1, nil), (7, 2, 0), (7, 3, nil), (7, 2, 100_000), (256, 1, nil), (256, 2, 0), (256, 1, 1 << 30),
        (10_000, 2, 0),
    ] as [(Int, Int, Int?)])
    func sessionMatchesARunOverAllDocuments(chunkSize: Int, threads: Int, setsInMemory: Int?) throws {
        let documents = try largeCorpus()
        let whole = ClusteringPipeline().run(documents)
        let scratch = setsInMemory.map { _ in FileManager.default.temporaryDirectory.path }
        var options = NearDupOptions()
        options.threads = threads
        var session = try ClusteringSession(
            pipeline: ClusteringPipeline(options: options), chunkSize: chunkSize, scratchDirectory: scratch,
            setsInMemory: setsInMemory ?? 0)
        for document in documents { try session.add(document) }
        #expect(session.count == documents.count)
        let streamed = try session.finish()
        if let setsInMemory {
            // Sets that outgrow the budget all go to the file, those kept first too; a budget
            // that holds them all keeps them all in memory.
            #expect((session.scratchFileBytes > 0) == (setsInMemory < 1 << 30))
            #expect((session.setsInMemoryBytes > 0) == (setsInMemory >= 1 << 30))
        }
        #expect(streamed.assignments == whole.assignments)
        #expect(streamed.clusters == whole.clusters)
        #expect(streamed.statistics == whole.statistics)
    }

    @Test func seedChangesSketchesNotTheVerifiedClusters() throws {
        let documents = try PipelineFixtures.documents("archive")
        var options = NearDupOptions()
        options.seed = 12_345
        let reseeded = ClusteringPipeline(options: options).run(documents)
        let standard = ClusteringPipeline().run(documents)
        #expect(reseeded.clusters.map(\.members) == standard.clusters.map(\.members))
    }

    // MARK: Options

    @Test func defaultBandLayoutAimsBelowTheCopyThreshold() {
        let options = NearDupOptions()
        // A copy a quarter of its original's length, overlapping at 0.5: J = 0.5 / (1 + 4 − 0.5).
        #expect(abs(options.candidateJaccard - 0.5 / 4.5) < 1e-12)
        let layout = options.resolvedBandLayout
        #expect(layout.bands * layout.rows <= options.numPermutations)
        #expect(layout.candidateProbability(similarity: options.candidateJaccard * 2) > 0.5)
        var fixed = NearDupOptions()
        fixed.bandLayout = BandLayout(bands: 4, rows: 2)
        #expect(fixed.resolvedBandLayout == BandLayout(bands: 4, rows: 2))
    }

    @Test func compareFindsSharedPassages() throws {
        let documents = try PipelineFixtures.documents("archive")
        let wire = try #require(documents.first { $0.id == "reuters-wire-putin-invites-trump.txt" })
        let truncated = try #require(documents.first { $0.id == "fernbrook-ledger-truncated-putin-invites-trump.txt" })
        let unrelated = try #require(documents.first { $0.id == "cbsnews.com-8200.txt" })
        let copy = DocumentComparison(truncated.text, wire.text)
        #expect(copy.isCopy)
        #expect(copy.similarity.containmentOfFirst > 0.8)
        #expect(copy.similarity.jaccard < copy.similarity.containmentOfFirst)
        #expect(!copy.sharedPassages.isEmpty)
        let normalizedWire = ClusteringPipeline().normalizedText(wire.text)
        #expect(copy.sharedPassages.allSatisfy { normalizedWire.contains($0) })
        let other = DocumentComparison(wire.text, unrelated.text)
        #expect(!other.isCopy)
        #expect(other.similarity.jaccard < 0.05)
    }
}

/// Deciding pairs on their signatures: only where no sets on the other side of the copy
/// rule could have given them, at odds of 1e-9.
@Suite("Signature verdict")
struct SignatureVerdictTests {
    private func batch(_ sets: [[UInt64]]) -> SketchBatch {
        let hasher = MinHasher()
        var batch = SketchBatch()
        for set in sets {
            var signature = [UInt32](repeating: 0, count: hasher.numPermutations)
            let filled = hasher.sketch(set, into: &signature)
            var paragraphs: [UInt8] = []
            let entries = ShingleEntry.set(of: set, paragraphs: &paragraphs)
            batch.append(shingles: entries, paragraphs: paragraphs, signature: signature, filledBins: filled, leadSignature: [])
        }
        return batch
    }

    private func randomSet(_ count: Int, seed: UInt64, quoted: Bool = false) -> [UInt64] {
        var generator = SketchSamples.SplitMix64(seed: seed)
        return (0..<count).map { _ in ShingleHash.make(generator.next(), isQuoted: quoted) }
    }

    @Test func boundsFollowChernoff() {
        let budget = log(1e9)
        // No agreement in 128 independent values: 128 · log(1 / (1 − q)) = budget.
        let none = SignatureVerdict.bound(observed: 0, samples: 128, budget: budget, upward: true)
        #expect(abs(none - (1 - exp(-budget / 128))) < 1e-9)
        // Full agreement: 128 · log(1 / q) = budget.
        let all = SignatureVerdict.bound(observed: 1, samples: 128, budget: budget, upward: false)
        #expect(abs(all - exp(-budget / 128)) < 1e-9)
        // More agreement or fewer samples allow more; the range always holds the estimate.
        #expect(SignatureVerdict.bound(observed: 0.2, samples: 128, budget: budget, upward: true) > none)
        #expect(SignatureVerdict.bound(observed: 0, samples: 32, budget: budget, upward: true) > none)
        for observed in stride(from: 0.0, through: 1.0, by: 0.125) {
            let low = SignatureVerdict.bound(observed: observed, samples: 100, budget: budget, upward: false)
            let high = SignatureVerdict.bound(observed: observed, samples: 100, budget: budget, upward: true)
            #expect(low <= observed && observed <= high)
        }
    }

    @Test func decidesOnlyWhatTheSignaturesLeaveNoDoubtAbout() {
        let story = randomSet(600, seed: 1)
        let unrelated = randomSet(600, seed: 2)
        let excerpt = Array(story.prefix(400))
        let halfCopy = Array(story.prefix(300)) + randomSet(300, seed: 3)
        let short = randomSet(40, seed: 4)
        let quotedStory = randomSet(600, seed: 5, quoted: true)
        let quotedExcerpt = Array(quotedStory.prefix(400))
        let sets = [story, unrelated, excerpt, halfCopy, short, quotedStory, quotedExcerpt]
        let batch = batch(sets)
        let verdict = SignatureVerdict(rule: CopyRule(), numPermutations: 128)
        #expect(verdict.verdict(0, 0, in: batch) == .copy)
        #expect(verdict.verdict(0, 1, in: batch) == .different)
        #expect(verdict.verdict(0, 2, in: batch) == .copy, "two thirds of its story, wholly inside it")
        // Half of each shared: the copy rule's edge, which only the sets can settle.
        #expect(verdict.verdict(0, 3, in: batch) == .unsure)
        // A 40-shingle text fills few bins: as far as they tell, it could lie inside the story.
        #expect(verdict.verdict(0, 4, in: batch) == .unsure)
        // All quoted: the exact count of shared quotations decides.
        #expect(verdict.verdict(5, 6, in: batch) == .unsure)
    }
}
