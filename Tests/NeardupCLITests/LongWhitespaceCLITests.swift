import Foundation
import Testing

/// Pathological documents take time in proportion to their size, and normalise to the
/// same words as the plain story: megabytes of spaces, and a page full of `<!` that never
/// closes (each one used to send the markup stripper to the end of the text: 8 s for
/// 200 KB, minutes a megabyte).
@Suite("neardup long runs of whitespace and markup", .serialized)
struct LongWhitespaceCLITests {
    private static func record(_ id: String, _ text: String) throws -> String {
        let data = try JSONSerialization.data(withJSONObject: ["id": id, "text": text], options: [.sortedKeys])
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    @Test(.timeLimit(.minutes(2)))
    func spacesAndUnclosedMarkupNormaliseToTheStory() throws {
        let story = try String(contentsOfFile: NeardupTool.fixture("archive/reuters-wire-putin-invites-trump.txt"), encoding: .utf8)
        let spaces = String(repeating: " ", count: 3_000_000)
        var lines = try Self.record("plain", story)
        lines += try Self.record("spaces-around", spaces + story + spaces)
        lines += try Self.record("spaces-between-words", story.replacingOccurrences(of: " ", with: String(repeating: " ", count: 2_000)))
        lines += try Self.record("unclosed-declarations", String(repeating: "<!", count: 200_000) + " " + story)
        let path = try NeardupTool.temporaryDirectory() + "/long-runs.jsonl"
        try NeardupTool.write(lines, to: path)

        let started = Date()
        let run = try NeardupTool.run(["cluster", path, "--threads", "1"])
        let seconds = Date().timeIntervalSince(started)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(seconds < 20, "took \(seconds) s")
        // One cluster, every member holding all of the story's shingles.
        let objects = try run.stdout.split(separator: "\n").map { try NeardupTool.jsonObject(String($0)) }
        #expect(objects.count == 4)
        #expect(Set(objects.compactMap { $0["representative"] as? String }).count == 1, "\(run.stdout)")
        #expect(objects.allSatisfy { $0["similarity"] as? Double == 1 }, "\(run.stdout)")
    }
}
