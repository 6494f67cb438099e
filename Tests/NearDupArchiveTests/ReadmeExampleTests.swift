import Foundation
import NearDupArchive
import Testing
import TestScratch

/// The README's library example, run as written: the lines between the markers below are the
/// README's code block, which `theReadmeShowsThisExample` checks line by line.
@Suite struct ReadmeExampleTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func text(_ name: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent("Data/archive/\(name)"), encoding: .utf8)
    }

    @Test func theExampleRuns() throws {
        let indexFolder = try TestScratch.directory("readme") + "/archive.index"
        let wireStory = try Self.text("reuters-wire-putin-invites-trump.txt")
        let reprint = try Self.text("moscowtimes-2018-07-28-putin-invites-trump.txt")
        let excerpt = try Self.text("fernbrook-ledger-truncated-putin-invites-trump.txt")
        var printed: [String] = []
        func print(_ items: Any...) { printed.append(items.map { "\($0)" }.joined(separator: " ")) }
        // README example begins
        let index = try NearDupIndex(directory: indexFolder)
        try index.add(id: "reuters-1", text: wireStory, date: "2018-07-27T18:00:00Z", source: "Reuters")
        try index.add(id: "moscowtimes-1", text: reprint, date: "2018-07-28", source: "The Moscow Times")

        for match in try index.query(text: excerpt) {
            print(match.id, match.relation, match.similarity)
        }
        print(try index.clusters())
        // README example ends
        #expect(printed.count == 3)
        #expect(printed[0].hasPrefix("moscowtimes-1 copy 0.95") || printed[0].hasPrefix("reuters-1 copy 0.95"))
        #expect(printed[2] == #"[["reuters-1", "moscowtimes-1"]]"#)
    }

    @Test func theReadmeShowsThisExample() throws {
        let source = try String(contentsOf: URL(fileURLWithPath: #filePath), encoding: .utf8)
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        let begin = try #require(lines.firstIndex { $0.hasSuffix("// README example begins") })
        let end = try #require(lines.firstIndex { $0.hasSuffix("// README example ends") })
        let example = lines[(begin + 1)..<end].map { $0.hasPrefix("        ") ? String($0.dropFirst(8)) : String($0) }
        let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
        let block = "```swift\nimport NearDupArchive\n\n" + example.joined(separator: "\n") + "\n```"
        #expect(readme.contains(block), "the README's library example is not the one this test runs")
    }
}
