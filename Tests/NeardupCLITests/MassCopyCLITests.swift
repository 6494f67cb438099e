import Foundation
import Testing

/// A story copied thousands of times is one cluster: how many pages share a band says
/// nothing about whether they are copies; verification decides.
@Suite("neardup on mass-copied text", .serialized)
struct MassCopyCLITests {
    @Test func fiveThousandTwoHundredCopiesAreOneCluster() throws {
        let stories = try String(contentsOfFile: NeardupTool.bundledStories, encoding: .utf8)
            .split(separator: "\n")
            .compactMap { line -> String? in
                let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
                return object?["text"] as? String
            }
            .filter { $0.split(separator: " ").count > 150 }
        let story = try #require(stories.first)
        let copies = 5_200
        var lines: [String] = []
        for index in 0..<copies {
            // Each copy under its own outlet's header line, as reprints carry.
            let text = "The Outlet \(index) | World | Edition \(index % 97)\n\n" + story
            lines.append(#"{"id": "copy-\#(index)", "text": \#(try json(text))}"#)
        }
        for (index, other) in stories.dropFirst().prefix(100).enumerated() {
            lines.insert(#"{"id": "other-\#(index)", "text": \#(try json(other))}"#, at: index * 50)
        }
        let folder = try NeardupTool.temporaryDirectory()
        try NeardupTool.write(lines.joined(separator: "\n") + "\n", to: folder + "/mass.jsonl")
        let run = try NeardupTool.run(["cluster", folder + "/mass.jsonl"])
        #expect(run.status == 0, "\(run.stderr)")
        var clusterOfCopy: Set<String> = []
        for line in run.stdout.split(separator: "\n") {
            let record = try NeardupTool.jsonObject(String(line))
            if (record["id"] as? String)?.hasPrefix("copy-") == true { clusterOfCopy.insert("\(record["cluster"]!)") }
        }
        #expect(clusterOfCopy.count == 1, "the copies fall into \(clusterOfCopy.count) clusters")
    }

    private func json(_ text: String) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: [text]), as: UTF8.self).dropFirst().dropLast().description
    }
}
