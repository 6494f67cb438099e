import Foundation
import NearDup
@testable import NearDupArchive
import Testing
import TestScratch

/// Documents added to an empty index are loaded in one go; repeats and replacements inside
/// that one add are handled as separate adds would handle them.
@Suite struct IndexLoadTests {
    static func records(of index: NearDupIndex) throws -> [GeneratedArchive.Record] {
        try index.assignments().map { .init(id: $0.id, cluster: $0.cluster, representative: $0.representative, similarity: $0.similarity) }
    }

    static func renamed(_ document: Document, to id: String) -> Document {
        var copy = document
        copy.id = id
        return copy
    }

    @Test func aRepeatInTheFirstAddIsSkippedAndAReplacementCarriedThrough() throws {
        let documents = try GeneratedArchive.documents(count: 300, seed: 33, pages: true)
        let replacement = Self.renamed(documents[250], to: documents[40].id)
        // documents[10] again with its text; documents[40]'s id again with another text.
        let input = Array(documents[..<200]) + [documents[10]] + Array(documents[200..<240]) + [replacement]
            + Array(documents[240..<250]) + Array(documents[251...])
        let index = try NearDupIndex(inMemoryWith: NearDupOptions())
        let report = try index.add(contentsOf: input, replacing: true)
        #expect(report.repeated == 1 && report.replaced == 1)
        #expect(report.added == input.count - 1)
        // As a batch run over what is left, in the order added.
        let left = input.enumerated().filter { $0.offset != 200 && $0.element.id != documents[40].id }.map(\.element)
            .inserting(replacement, before: documents[240].id)
        #expect(try Self.records(of: index) == GeneratedArchive.batchRecords(left))
        #expect(try index.check() == [])
    }

    @Test func aDifferentTextUnderAnIdInTheFirstAddLeavesTheIndexEmpty() throws {
        let documents = try GeneratedArchive.documents(count: 120, seed: 34, pages: false)
        let input = documents + [Self.renamed(documents[119], to: documents[3].id)]
        let index = try NearDupIndex(inMemoryWith: NearDupOptions())
        #expect(throws: IndexError.differentText(id: documents[3].id)) { try index.add(contentsOf: input) }
        #expect(try index.assignments().isEmpty)
        try index.add(contentsOf: documents)
        #expect(try Self.records(of: index) == GeneratedArchive.batchRecords(documents))
    }
}

private extension Array where Element == Document {
    func inserting(_ document: Document, before id: String) -> [Document] {
        var result = self
        result.insert(document, at: result.firstIndex { $0.id == id }!)
        return result
    }
}

/// A load sketches each chunk while the last one's sketches are written, and sorts each
/// slice of band keys while the last one's rows are written; small chunks and slices make
/// many of both.
@Suite struct IndexLoadPipelineTests {
    @Test(arguments: [false, true])
    func manySmallChunksAndSlicesGiveTheBatchAnswer(pages: Bool) throws {
        let documents = try GeneratedArchive.documents(count: 900, seed: 36, pages: pages, dated: true)
        var options = NearDupOptions()
        options.threads = 2
        let index = try NearDupIndex(inMemoryWith: options, chunkSize: 70, loadPassEntries: 2_000)
        let loaded = Array(documents[..<600])
        #expect(try index.add(contentsOf: loaded).added == loaded.count)
        #expect(try IndexLoadTests.records(of: index) == GeneratedArchive.batchRecords(loaded))
        #expect(try index.check() == [])
        // The next add finds its copies through the band keys the load wrote.
        try index.add(contentsOf: documents[600...])
        #expect(try IndexLoadTests.records(of: index) == GeneratedArchive.batchRecords(documents))
        #expect(try index.check() == [])
    }

    @Test func workOnAnotherThreadGivesItsValueOrItsError() throws {
        struct Failure: Error, Equatable {}
        let work = BackgroundWork { (1...1_000).reduce(0, +) }
        #expect(try work.value() == 500_500)
        #expect(try work.value() == 500_500)
        let failing = BackgroundWork { () throws -> Int in throw Failure() }
        #expect(throws: Failure()) { try failing.value() }
        #expect(throws: Failure()) { try failing.value() }
    }
}
