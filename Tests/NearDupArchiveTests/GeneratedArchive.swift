import Foundation
import TestScratch
@testable import NearDup
@testable import NearDupIO
@testable import NearDupSynth

/// Generated corpora with known truth, read back as documents, and the batch run's records
/// over them: what an index must reproduce.
enum GeneratedArchive {
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let stories: [BaseStory] = (try? BaseStory.read(from: root.appendingPathComponent("Data/reuters/reuters-sample.jsonl").path)) ?? []

    /// `count` reprinted stories, as plain text or web pages; `dated`: with their publication
    /// dates read, so each cluster's likely original is its earliest copy.
    static func documents(count: Int, seed: UInt64, pages: Bool, dated: Bool = false) throws -> [Document] {
        var configuration = SynthConfiguration(seed: seed)
        if pages { configuration.format = .html }
        var corpus: [UInt8] = []
        _ = try ReprintSimulator(configuration: configuration).generate(count: count, from: stories) { document in
            document.appendCorpusLine(to: &corpus)
        }
        let path = try TestScratch.directory("archive") + "/corpus.jsonl"
        try Data(corpus).write(to: URL(fileURLWithPath: path))
        var documents: [Document] = []
        try CorpusReader(fields: FieldSelection(date: dated ? "date" : nil)).forEachDocument(in: path) { documents.append($0) }
        return documents
    }

    /// One record per document, as `neardup cluster` writes it.
    struct Record: Equatable, CustomStringConvertible {
        var id: String
        var cluster: Int
        var representative: String
        var similarity: Double

        var description: String { "\(id) \(cluster) \(representative) \(similarity)" }
    }

    static func batchRecords(_ documents: [Document], options: NearDupOptions = NearDupOptions()) -> [Record] {
        let result = ClusteringPipeline(options: options).run(documents)
        return zip(documents, result.assignments).map { document, assignment in
            Record(id: document.id, cluster: assignment.cluster, representative: documents[assignment.representative].id,
                   similarity: assignment.similarity)
        }
    }
}
