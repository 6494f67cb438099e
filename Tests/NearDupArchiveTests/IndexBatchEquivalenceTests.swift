import Foundation
import NearDup
import NearDupArchive
import Testing

/// Adding a corpus in batches, in input order, gives the partition, representatives and
/// similarities of one batch run over all of it; removing gives those of a run without the
/// removed documents.
@Suite struct IndexBatchEquivalenceTests {
    static func records(of index: NearDupIndex) throws -> [GeneratedArchive.Record] {
        try index.assignments().map { .init(id: $0.id, cluster: $0.cluster, representative: $0.representative, similarity: $0.similarity) }
    }

    static func added(_ documents: [Document], batchSize: Int) throws -> NearDupIndex {
        let index = try NearDupIndex(inMemoryWith: NearDupOptions())
        for start in stride(from: 0, to: documents.count, by: batchSize) {
            try index.add(contentsOf: documents[start..<min(documents.count, start + batchSize)])
        }
        return index
    }

    /// Batches of 3,334 come from a corpus large enough for two of them.
    static func corpusSize(batchSize: Int, otherwise: Int) -> Int { batchSize > otherwise ? batchSize + 300 : otherwise }

    @Test(arguments: [1, 100, 3_334])
    func textAddedInBatchesClustersAsOneRun(batchSize: Int) throws {
        let count = Self.corpusSize(batchSize: batchSize, otherwise: 1_200)
        let documents = try GeneratedArchive.documents(count: count, seed: 21, pages: false)
        let expected = GeneratedArchive.batchRecords(documents)
        #expect(Set(expected.map(\.cluster)).count < documents.count - 100, "the corpus has clusters to find")
        #expect(try Self.records(of: Self.added(documents, batchSize: batchSize)) == expected)
    }

    @Test(arguments: [1, 100, 3_334])
    func pagesAddedInBatchesClusterAsOneRunWithTheirFurnitureLearned(batchSize: Int) throws {
        let count = Self.corpusSize(batchSize: batchSize, otherwise: 700)
        let documents = try GeneratedArchive.documents(count: count, seed: 22, pages: true)
        let expected = GeneratedArchive.batchRecords(documents)
        #expect(Set(expected.map(\.cluster)).count < documents.count - 50)
        #expect(try Self.records(of: Self.added(documents, batchSize: batchSize)) == expected)
    }

    /// With dates, a cluster that new copies join is mostly settled by checking them alone
    /// against its original; the answer must still be the batch run's.
    @Test(arguments: [1, 100, 3_334])
    func datedTextAddedInBatchesClustersAsOneRun(batchSize: Int) throws {
        let count = Self.corpusSize(batchSize: batchSize, otherwise: 1_200)
        let documents = try GeneratedArchive.documents(count: count, seed: 24, pages: false, dated: true)
        #expect(documents.allSatisfy { $0.date != nil })
        let expected = GeneratedArchive.batchRecords(documents)
        #expect(Set(expected.map(\.cluster)).count < documents.count - 100, "the corpus has clusters to find")
        #expect(try Self.records(of: Self.added(documents, batchSize: batchSize)) == expected)
    }

    @Test(arguments: [1, 100])
    func datedPagesAddedInBatchesClusterAsOneRun(batchSize: Int) throws {
        let documents = try GeneratedArchive.documents(count: 700, seed: 25, pages: true, dated: true)
        let expected = GeneratedArchive.batchRecords(documents)
        #expect(Set(expected.map(\.cluster)).count < documents.count - 50)
        #expect(try Self.records(of: Self.added(documents, batchSize: batchSize)) == expected)
    }

    @Test(arguments: [false, true])
    func removingGivesTheRunWithoutTheRemoved(pages: Bool) throws {
        let documents = try GeneratedArchive.documents(count: 800, seed: 23, pages: pages)
        let index = try Self.added(documents, batchSize: 250)
        // Every seventh: copies, originals and singletons alike.
        let removed = Set(documents.enumerated().filter { $0.offset % 7 == 3 }.map(\.element.id))
        let report = try index.remove(ids: removed.sorted() + ["no-such-id"])
        #expect(report.removed == removed.count)
        #expect(report.missing == ["no-such-id"])
        let rest = documents.filter { !removed.contains($0.id) }
        #expect(try Self.records(of: index) == GeneratedArchive.batchRecords(rest))
        #expect(try index.check() == [])
    }
}
