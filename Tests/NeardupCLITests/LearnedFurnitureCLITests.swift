import Foundation
import Testing

/// Stories of one site under one template are not copies of each other, and a wire story's
/// copies on other sites still are.
@Suite("neardup on page furniture", .serialized)
struct LearnedFurnitureCLITests {
    private static let widgets = [
        "Sign up for the Harbor Ledger morning briefing and get the day's top stories, local weather and traffic in your inbox before breakfast every weekday.",
        "Enter City and State or Zip Code to set your local weather. Your weather is set to the place you entered last; change it at any time from the menu.",
        "Get breaking news alerts from the Harbor Ledger on your phone. Turn on notifications? You can turn them off again in the settings of your browser.",
        "Comments are moderated. Keep them on topic, civil and free of personal attacks; we remove comments that break these rules and may block repeat offenders.",
    ]

    @Test func storiesUnderOneTemplateAreNotCopies() throws {
        let stories = try String(contentsOfFile: NeardupTool.bundledStories, encoding: .utf8)
            .split(separator: "\n")
            .compactMap { line -> String? in
                let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
                return object?["text"] as? String
            }
            .filter { (90...160).contains($0.split(separator: " ").count) }
        let site = Array(stories.prefix(8))
        try #require(site.count == 8)
        var lines: [String] = []
        for (index, story) in site.enumerated() {
            let page = story + "\n\n" + Self.widgets.joined(separator: "\n\n")
            lines.append(try record(id: "ledger-\(index)", source: "Harbor Ledger", text: page))
        }
        // The first story as two other outlets ran it: copies, whatever the template.
        lines.append(try record(id: "courier-0", source: "Valley Courier", text: "Valley Courier | World\n\n" + site[0]))
        lines.append(try record(id: "post-0", source: "Lake Post", text: site[0] + "\n\nLake Post. All rights reserved."))
        let folder = try NeardupTool.temporaryDirectory()
        try NeardupTool.write(lines.joined(separator: "\n") + "\n", to: folder + "/site.jsonl")

        let run = try NeardupTool.run(["cluster", folder + "/site.jsonl", "--learn-furniture", "all"])
        #expect(run.status == 0, "\(run.stderr)")
        var clusterOf: [String: String] = [:]
        for line in run.stdout.split(separator: "\n") {
            let object = try NeardupTool.jsonObject(String(line))
            clusterOf[object["id"] as! String] = "\(object["cluster"]!)"
        }
        let ledgerClusters = Set((0..<8).map { clusterOf["ledger-\($0)"]! })
        #expect(ledgerClusters.count == 8, "unrelated stories of one site were joined: \(clusterOf)")
        #expect(clusterOf["courier-0"] == clusterOf["ledger-0"] && clusterOf["post-0"] == clusterOf["ledger-0"], "\(clusterOf)")

        let timings = try NeardupTool.run(["cluster", folder + "/site.jsonl", "--output", folder + "/a.jsonl", "--timings", "--learn-furniture", "all"])
        #expect(timings.stderr.contains("learned furniture: 4 paragraphs left out of 8 pages"), "\(timings.stderr)")
        // Plain text takes part only when asked for; off is off.
        for choice in [[], ["--learn-furniture", "off"]] {
            let off = try NeardupTool.run(["cluster", folder + "/site.jsonl"] + choice)
            #expect(off.stderr.contains("documents are copies") && !off.stderr.contains(" 2 documents are copies"), "\(off.stderr)")
        }
    }

    private func record(id: String, source: String, text: String) throws -> String {
        let data = try JSONSerialization.data(withJSONObject: ["id": id, "source": source, "text": text], options: [.sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }
}
