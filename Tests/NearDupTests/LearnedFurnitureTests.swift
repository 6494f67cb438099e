import Foundation
import Testing
@testable import NearDup

/// Page furniture learned from the corpus: what a site repeats around unrelated stories is
/// left out, what copies of one story share is not.
@Suite("Learned furniture")
struct LearnedFurnitureTests {
    /// Sentences of `count` words that no other call shares (numbered words).
    private static func prose(_ tag: String, words count: Int) -> String {
        (0..<count).map { "\(tag)\($0 % 7 == 0 ? "" : "w")\($0)" }.joined(separator: " ") + "."
    }

    private static let footer = [
        "Sign up for our morning newsletter and get the best of the Gazette in your inbox every day before breakfast.",
        "Enter City and State or Zip Code to set your weather. Your weather is set to the place you entered last time.",
        "Get breaking news alerts on your phone. Turn on notifications? You can change this in the settings at any time.",
        "Copyright The Gazette. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.",
    ].joined(separator: "\n\n")

    private func document(_ id: String, source: String, _ paragraphs: [String]) -> Document {
        Document(id: id, text: paragraphs.joined(separator: "\n\n"), source: source, origin: SourceLocation(file: "t", line: 0))
    }

    @Test func aSitesFooterDoesNotMakeItsStoriesCopies() {
        // Six unrelated short stories on one site, each under the same long footer: the
        // footer is most of each page, so without learning every pair is a copy.
        let documents = (0..<6).map { index in
            document("gazette-\(index)", source: "Gazette", [Self.prose("s\(index)x", words: 45), Self.footer])
        }
        var options = NearDupOptions()
        options.minimumSharedWords = 20
        options.furnitureLearning = .all
        let learned = ClusteringPipeline(options: options).run(documents)
        #expect(learned.clusters.isEmpty, "\(learned.clusters.map(\.members))")
        #expect(learned.statistics.furniture.documents == 6)
        #expect(learned.statistics.furniture.paragraphs >= 2)

        options.furnitureLearning = .off
        let unlearned = ClusteringPipeline(options: options).run(documents)
        #expect(unlearned.clusters.count == 1, "the footer alone makes them copies")
    }

    @Test func pagesOfNothingButTheSitesFurnitureAreCopiesOfNothing() {
        // Five stories under the footer teach it; three galleries whose captions were set
        // aside kept only the footer, and without this rule would be copies of each other.
        var documents = (0..<5).map { index in
            document("story-\(index)", source: "Gazette", [Self.prose("s\(index)x", words: 120), Self.footer])
        }
        documents += (0..<3).map { document("gallery-\($0)", source: "Gazette", [Self.footer]) }
        var options = NearDupOptions()
        options.minimumSharedWords = 20
        options.furnitureLearning = .all
        let result = ClusteringPipeline(options: options).run(documents)
        #expect(result.clusters.isEmpty, "\(result.clusters.map(\.members))")
        #expect(result.statistics.furniture.documents == 8)
    }

    @Test func copiesOfOneStoryOnOneSiteStayCopies() {
        // One story run three times by one site (updates) beside two unrelated stories: the
        // story's paragraphs recur, but on pages that are mostly that story.
        let story = (0..<5).map { Self.prose("story\($0)x", words: 40) }
        var documents = (0..<3).map { index in
            document("update-\(index)", source: "Gazette", story + ["Updated \(index) hours ago with more reporting."])
        }
        documents += (0..<2).map { document("other-\($0)", source: "Gazette", [Self.prose("other\($0)x", words: 200)]) }
        var options = NearDupOptions()
        options.furnitureLearning = .all
        let result = ClusteringPipeline(options: options).run(documents)
        #expect(result.clusters.count == 1)
        #expect(result.clusters.first?.members == [0, 1, 2])
        #expect(result.statistics.furniture.paragraphs == 0)
    }

    @Test func withoutASourceNothingIsLearned() {
        let documents = (0..<6).map { index in
            Document(id: "\(index)", text: Self.prose("s\(index)x", words: 60) + "\n\n" + Self.footer,
                     origin: SourceLocation(file: "t", line: 0))
        }
        var options = NearDupOptions()
        options.furnitureLearning = .all
        let result = ClusteringPipeline(options: options).run(documents)
        #expect(result.statistics.furniture.paragraphs == 0)
    }

    @Test func plainTextTakesPartOnlyWhenAskedFor() {
        let documents = (0..<6).map { index in
            document("gazette-\(index)", source: "Gazette", [Self.prose("s\(index)x", words: 45), Self.footer])
        }
        #expect(ClusteringPipeline().run(documents).statistics.furniture.paragraphs == 0, "by default only HTML pages take part")
    }

    @Test func theFilterKernelAndItsTwinAgree() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let count = Int.random(in: 0...400, using: &generator)
            let entries = (0..<count).map { _ in UInt32.random(in: 0...UInt32.max, using: &generator) }
            let paragraphs = (0..<count).map { _ in UInt8.random(in: 0...20, using: &generator) }
            var isLeftOut = [Bool](repeating: false, count: 256)
            for _ in 0..<Int.random(in: 0...5, using: &generator) { isLeftOut[Int.random(in: 0...20, using: &generator)] = true }
            let lower = Int.random(in: 0...count, using: &generator)
            let range = lower..<Int.random(in: lower...count, using: &generator)
            var (fastEntries, fastParagraphs) = (entries, paragraphs)
            var (plainEntries, plainParagraphs) = (entries, paragraphs)
            let fast = FurnitureFilterKernel.compact(entries: &fastEntries, paragraphs: &fastParagraphs, range: range, isLeftOut: isLeftOut)
            let plain = FurnitureFilterKernel.compactScalar(
                entries: &plainEntries, paragraphs: &plainParagraphs, range: range, isLeftOut: isLeftOut)
            #expect(fast == plain)
            let kept = range.lowerBound..<(range.lowerBound + fast.kept)
            #expect(fastEntries[kept] == plainEntries[kept])
            #expect(fastParagraphs[kept] == plainParagraphs[kept])
            #expect(plainParagraphs[kept].allSatisfy { !isLeftOut[Int($0)] })
        }
    }
}
