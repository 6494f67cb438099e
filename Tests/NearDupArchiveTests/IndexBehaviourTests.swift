import Foundation
import GRDB
import NearDup
import NearDupArchive
import Testing
import TestScratch

/// Paragraphs of made-up words, the same for the same seed: stories that share nothing by chance.
private func paragraphs(_ count: Int, seed: UInt64) -> [String] {
    var state = seed &* 0x9E37_79B9_7F4A_7C15 | 1
    func next() -> UInt64 {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return state
    }
    return (0..<count).map { _ in
        (0..<60).map { _ in "w\(next() % 5_000)" }.joined(separator: " ") + "."
    }
}

@Suite struct IndexBehaviourTests {
    @Test func removingTheDocumentThatHeldAGroupTogetherSplitsIt() throws {
        let story = paragraphs(8, seed: 1)
        let index = try NearDupIndex(inMemoryWith: NearDupOptions())
        try index.add(id: "original", text: story.joined(separator: "\n\n"))
        try index.add(id: "first-half", text: story[0..<4].joined(separator: "\n\n"))
        try index.add(id: "second-half", text: story[4..<8].joined(separator: "\n\n"))
        #expect(try index.clusters() == [["original", "first-half", "second-half"]])
        try index.remove(ids: ["original"])
        #expect(try index.clusters() == [])
        #expect(try index.assignments().map(\.representative) == ["first-half", "second-half"])
    }

    @Test func aRemovedRepresentativeGetsASuccessor() throws {
        let story = paragraphs(6, seed: 2)
        let index = try NearDupIndex(inMemoryWith: NearDupOptions())
        try index.add(id: "wire", text: story.joined(separator: "\n\n"), date: "2018-07-15T07:00:00Z")
        try index.add(id: "reprint", text: story.joined(separator: "\n\n") + "\n\nRelated article: another thing.", date: "2018-07-15T09:00:00Z")
        try index.add(id: "excerpt", text: story[0..<4].joined(separator: "\n\n"), date: "2018-07-15T08:00:00Z")
        #expect(try index.clusters() == [["wire", "reprint", "excerpt"]])
        try index.remove(ids: ["wire"])
        #expect(try index.clusters() == [["excerpt", "reprint"]])
    }

    @Test func aRepeatedDocumentIsSkippedAndADifferentTextUnderItsIdIsRefusedUnlessReplaced() throws {
        let index = try NearDupIndex(inMemoryWith: NearDupOptions())
        let text = paragraphs(3, seed: 3).joined(separator: "\n\n")
        #expect(try index.add(id: "a", text: text).added == 1)
        let again = try index.add(id: "a", text: text)
        #expect(again.added == 0 && again.repeated == 1)
        #expect(throws: IndexError.differentText(id: "a")) { try index.add(id: "a", text: text + " More.") }
        let replaced = try index.add(id: "a", text: text + " More.", replacing: true)
        #expect(replaced.added == 1 && replaced.replaced == 1)
        #expect(try index.assignments().map(\.id) == ["a"])
    }

    @Test func aQueryFindsItsCopiesWithoutChangingTheIndex() throws {
        let story = paragraphs(6, seed: 4)
        let index = try NearDupIndex(inMemoryWith: NearDupOptions())
        try index.add(id: "wire", text: story.joined(separator: "\n\n"))
        try index.add(id: "other", text: paragraphs(6, seed: 5).joined(separator: "\n\n"))
        let matches = try index.query(text: "Headline of a reprint\n\n" + story[0..<5].joined(separator: "\n\n"))
        #expect(matches.map(\.id) == ["wire"])
        #expect(matches.first?.relation == .copy)
        #expect(matches.first.map { $0.similarity > 0.9 } == true)
        #expect(try index.query(text: paragraphs(6, seed: 6).joined(separator: "\n\n")).isEmpty)
        #expect(try index.assignments().count == 2)
    }

    @Test func optionsThatDecideClustersAreFixedWhenTheIndexIsCreated() throws {
        let folder = try TestScratch.directory("index") + "/archive.index"
        var options = NearDupOptions()
        options.threshold = 0.6
        try NearDupIndex(directory: folder, options: options).add(id: "a", text: paragraphs(3, seed: 7).joined(separator: "\n\n"))
        // Reopened without options, the index's own apply.
        let reopened = try NearDupIndex(directory: folder)
        #expect(reopened.options.threshold == 0.6)
        #expect(try reopened.assignments().map(\.id) == ["a"])
        var other = options
        other.threshold = 0.5
        #expect {
            try NearDupIndex(directory: folder, options: other)
        } throws: { error in
            guard case IndexError.optionsDiffer(_, let differences) = error else { return false }
            return differences == ["threshold 0.6, not 0.5"]
        }
        // Threads decide nothing.
        var threaded = options
        threaded.threads = 1
        _ = try NearDupIndex(directory: folder, options: threaded)
    }

    @Test func checkFindsWhatIsMissing() throws {
        let folder = try TestScratch.directory("index") + "/archive.index"
        let index = try NearDupIndex(directory: folder)
        let story = paragraphs(5, seed: 8).joined(separator: "\n\n")
        try index.add(contentsOf: [
            Document(id: "a", text: story, origin: .init(file: "a", line: 1)),
            Document(id: "b", text: story + "\n\nA footer line of the site.", origin: .init(file: "b", line: 1)),
        ])
        #expect(try index.check() == [])
        let queue = try DatabaseQueue(path: folder + "/index.sqlite")
        try queue.write { db in
            try db.execute(sql: "DELETE FROM documents WHERE position = (SELECT representative FROM documents WHERE position = 0)")
        }
        try queue.write { db in
            // The keys whose first document is position 0 (its list starts with a zero byte).
            try db.execute(sql: "DELETE FROM band_runs WHERE substr(positions, 1, 1) = x'00'")
            try db.execute(sql: "UPDATE sketches SET entries = x'8503' WHERE position = 0")
            try db.execute(sql: "UPDATE documents SET component = 7")
        }
        let problems = try NearDupIndex(directory: folder, creating: false).check()
        #expect(problems.contains { $0.contains("sketches that do not read back whole") })
        #expect(problems.contains { $0.contains("sketches without a document") })
        #expect(problems.contains { $0.contains("representative is missing") })
        #expect(problems.contains { $0.contains("without their band keys") })
        #expect(problems.contains { $0.contains("not labelled by their component") })
    }

    @Test func aFolderThatIsNoIndexIsNotTakenForOne() throws {
        let folder = try TestScratch.directory("index")
        try Data("notes".utf8).write(to: URL(fileURLWithPath: folder + "/notes.txt"))
        #expect(throws: IndexError.self) { try NearDupIndex(directory: folder) }
        #expect(throws: IndexError.self) { try NearDupIndex(directory: folder + "/missing", creating: false) }
    }
}
