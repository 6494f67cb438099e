import Foundation
import Testing
@testable import NearDup

/// Pages through the whole pipeline: what the sketching stage takes from them reaches
/// clustering (dates) and the result (no-story pages, previews).
@Suite("Pages in the pipeline")
struct PagePipelineTests {
    private static let files = [
        "harbour-courier/brazil-inflation-plan.html", "harbour-courier/gulf-barge-rates.html",
        "harbour-courier/senate-export-licensing.html", "valley-ledger/argentine-grain.html",
        "valley-ledger/brazil-inflation-plan.html", "valley-ledger/lantern-festival-gallery.html",
        "valley-ledger/nuclear-plant-veto.html",
    ]

    /// The fixture pages as records whose text field holds the whole page (as JSONL would).
    private static func records() throws -> [Document] {
        try files.enumerated().map { index, name in
            Document(id: name, text: try StoryExtractorTests.fixturePage(name), origin: SourceLocation(file: "pages.jsonl", line: index + 1),
                     recordRange: index..<(index + 1))
        }
    }

    @Test(arguments: [1, 2])
    func theSameStoryClustersAcrossTemplatesAndUnrelatedStoriesDoNot(threads: Int) throws {
        var options = NearDupOptions()
        options.threads = threads
        let result = ClusteringPipeline(options: options).run(try Self.records())
        #expect(result.clusters.count == 1)
        let cluster = try #require(result.clusters.first)
        // The earliest copy, by the publication times the pages state, is the representative.
        #expect(cluster.members == [4, 0])
        #expect(result.statistics.noStoryPages == 1)
        #expect(result.statistics.emptyDocuments == 0)
        #expect(result.pages.map(\.document) == Array(0..<7))
        #expect(result.pages[4].published == "1987-02-26T21:02:00Z")
        #expect(result.pages[5].hasStory == false)
        #expect(result.pages[0].firstWords.hasPrefix("Brazil Anti-Inflation Plan Limps To Anniversary RIO DE JANEIRO"))
    }

    @Test func withoutExtractionTheTemplatesMakeUnrelatedPagesCopies() throws {
        var options = NearDupOptions()
        options.extractsHTMLStories = false
        let result = ClusteringPipeline(options: options).run(try Self.records())
        #expect(result.clusters.contains { $0.members.contains(1) && $0.members.contains(2) })
        #expect(result.pages.isEmpty)
    }

    @Test func theSessionCutsChunksOfLongPagesAndKeepsTheirOrder() throws {
        var options = NearDupOptions()
        options.threads = 2
        var session = try ClusteringSession(pipeline: ClusteringPipeline(options: options), chunkSize: 2)
        for document in try Self.records() { try session.add(document) }
        let result = try session.finish()
        #expect(result.clusters.map(\.members) == [[4, 0]])
        #expect(result.pages.map(\.document) == Array(0..<7))
    }
}
