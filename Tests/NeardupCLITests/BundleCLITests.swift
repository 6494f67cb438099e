import Foundation
import Testing

/// `scan` reports a live blog's copy of a story as its own relation, not as membership.
@Suite("Bundles in reports")
struct BundleCLITests {
    static let story = [
        "Canada's industrial product price index rose 3.3 pct in January after falling in each of the two "
            + "previous months, Statistics Canada said on Thursday in its monthly report on producer prices.",
        "On a year over year basis the federal agency said the index fell 2.5 pct in January, the largest "
            + "yearly decline on record, as lumber, pulp and petroleum products weighed on the total.",
        "The agency said prices of primary metal products rose 1.1 pct in the month, led by copper and nickel, "
            + "while prices of motor vehicles and other transport equipment were unchanged from December.",
    ]

    static let items = [
        "Bangladesh will receive a grant equivalent to 47 mln U.S. dlrs from Japan during 1987 under an agreement "
            + "signed here on Saturday, officials of the finance ministry said after the ceremony.",
        "Xerox Corp said it is launching in May a more powerful version of its desktop publishing software that "
            + "offers eighty new features and runs on the company's own workstations as well as personal computers.",
        "Texas Instruments said its executive vice president will take an early retirement effective in July and "
            + "that a successor would be named by the board of directors at its next regular meeting.",
    ]

    @Test func scanNamesTheStoryABundleHoldsAndKeepsItOutOfTheCluster() throws {
        let folder = try NeardupTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (story, items) = (Self.story, Self.items)
        let blog = ["Live: markets and company news through the day",
                    "10:31", items[2], "10:05", items[1], "09:40"] + story + ["09:12", items[0]]
        let files = [
            "a-story.txt": "Canada Industrial Prices Up 3.3 Pct\n\n" + story.joined(separator: "\n\n"),
            "b-copy.txt": "Canada industrial prices up 3.3 pct in month\n\n" + story.joined(separator: "\n\n"),
            "c-live.txt": blog.joined(separator: "\n\n"),
        ]
        for (name, text) in files { try text.write(toFile: folder + "/" + name, atomically: true, encoding: .utf8) }

        let text = try NeardupTool.run(["scan", folder])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stderr.contains("3 documents read, 1 cluster, 1 document is a copy"))
        #expect(text.stdout.contains("Bundles (live blogs, running stories) that hold copies of stories, and are no copy of them:"))
        #expect(text.stdout.contains("holds a copy of a-story.txt (cluster 0)  1.00"), "\(text.stdout)")
        #expect(!text.stdout.contains("c-live.txt  1.00"), "the blog is in no cluster")

        let json = try NeardupTool.run(["scan", "--format", "json", folder])
        #expect(json.status == 0, "\(json.stderr)")
        let report = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let copies = report?["bundled_copies"] as? [[String: Any]] ?? []
        #expect(copies.count >= 1)
        #expect(copies.allSatisfy { $0["bundle"] as? String == "c-live.txt" && $0["representative"] as? String == "a-story.txt" })
        let summary = report?["summary"] as? [String: Any]
        #expect(summary?["bundles"] as? Int == 1)
    }
}
