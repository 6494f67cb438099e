import Foundation
import Testing
@_spi(Kernels) @testable import NearDup

/// Excerpts that keep a story's lead are found however short they are against the story.
@Suite("Lead sketches")
struct LeadSketchTests {
    private func archiveText(_ name: String) throws -> String {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/archive/\(name)", withExtension: nil))
        return try String(contentsOf: url, encoding: .utf8)
    }

    @Test func shortExcerptOfALongStoryJoinsIt() throws {
        // A long page: the wire story followed by three unrelated articles (about 3,000 words).
        let story = try archiveText("reuters-wire-putin-invites-trump.txt")
        let long = try [story, archiveText("slate.com-604.txt"), archiveText("nytimes.com-10053.txt"),
                        archiveText("latimes.com-15482.txt")].joined(separator: "\n\n")
        // An excerpt: a new headline, then the first 90 words of the story's body.
        let body = story.split(separator: "\n", omittingEmptySubsequences: true).dropFirst().joined(separator: "\n")
        let excerptWords = body.split(separator: " ").prefix(90).joined(separator: " ")
        let excerpt = "Putin would welcome Trump in Moscow\n\n" + excerptWords
        let documents = [
            Document(id: "long", text: long, origin: SourceLocation(file: "test", line: 1)),
            Document(id: "excerpt", text: excerpt, origin: SourceLocation(file: "test", line: 2)),
        ]
        let pipeline = ClusteringPipeline()
        let similarity = pipeline.similarity(long, excerpt)
        #expect(similarity.jaccard < 0.1, "the excerpt is far below any whole-text LSH threshold")
        #expect(similarity.containmentOfSecond > 0.9)
        let result = pipeline.run(documents)
        #expect(result.clusters.map(\.members) == [[0, 1]])
    }

    @Test func leadIsTheFirstShinglesInTextOrder() {
        var shingler = Shingler(kind: .words(2), seed: 1, leadLength: 3)
        var hashes: [UInt64] = []
        shingler.shingleSet(of: Array("a b c d e f".utf8), into: &hashes)
        var reference = Shingler(kind: .words(2), seed: 1)
        var first: [UInt64] = []
        reference.shingleSet(of: Array("a b c d".utf8), into: &first)
        #expect(shingler.lead.count == 3)
        #expect(Set(shingler.lead) == Set(first))
    }
}
