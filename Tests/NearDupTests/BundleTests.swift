import Testing
@testable import NearDup

/// A live blog whose snapshots carry a short story among other items: the story's copies
/// form one cluster, the snapshots another, and each snapshot is reported as holding a copy.
@Suite("Bundles")
struct BundleTests {
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
        "Pacific Western Airlines said it integrated the senior management of two carriers it recently acquired "
            + "in preparation for the merger of the companies this summer, with no loss of routes.",
    ]

    /// A snapshot: items newest first, each opened by its time; `upTo` items of the blog.
    static func snapshot(upTo count: Int) -> String {
        var posts = ["Live: markets and company news through the day"]
        let stamped = [("09:12", [items[0]]), ("09:40", story), ("10:05", [items[1]]), ("10:31", [items[2]]), ("11:02", [items[3]])]
        for (time, paragraphs) in stamped.prefix(count).reversed() {
            posts.append(time)
            posts += paragraphs
        }
        return posts.joined(separator: "\n\n")
    }

    private static func document(_ id: String, _ text: String, line: Int) -> Document {
        Document(id: id, text: text, origin: SourceLocation(file: "blog.jsonl", line: line))
    }

    @Test func aLiveBlogNeverJoinsTheClusterOfAStoryItCarries() {
        let copy = "Canada industrial prices up 3.3 pct in month\n\n" + Self.story.joined(separator: "\n\n")
            + "\n\nRelated: more business news at our site."
        let documents = [
            Self.document("story", "Canada Industrial Prices Up 3.3 Pct\n\n" + Self.story.joined(separator: "\n\n"), line: 1),
            Self.document("copy", copy, line: 2),
            Self.document("blog-early", Self.snapshot(upTo: 4), line: 3),
            Self.document("blog-late", Self.snapshot(upTo: 5), line: 4),
        ]
        let result = ClusteringPipeline().run(documents)
        let clusters = Set(result.clusters.map { Set($0.members.map { documents[$0].id }) })
        #expect(clusters == [["story", "copy"], ["blog-early", "blog-late"]])
        #expect(result.statistics.bundles == 2)
        let held = Set(result.bundledCopies.map { "\(documents[$0.bundle].id) holds \(documents[$0.document].id)" })
        #expect(held.isSuperset(of: ["blog-late holds story", "blog-early holds story"]), "\(held)")
        #expect(result.bundledCopies.allSatisfy { $0.containment >= 0.5 })
    }

    @Test func anEarlySnapshotThatIsMostlyTheStoryIsStillNoCopyOfIt() {
        let documents = [
            Self.document("story", "Canada Industrial Prices Up 3.3 Pct\n\n" + Self.story.joined(separator: "\n\n"), line: 1),
            Self.document("blog-first", Self.snapshot(upTo: 3), line: 2),
        ]
        let result = ClusteringPipeline().run(documents)
        #expect(result.statistics.bundles == 1)
        #expect(result.clusters.isEmpty)
        #expect(result.bundledCopies.map(\.bundle) == [1])
    }

    @Test func withoutItsStampsTheSameTextJoinsTheStory() {
        // What the rule prevents: unstamped, the blog contains the story and joins it.
        let unstamped = Self.snapshot(upTo: 4).split(separator: "\n\n").filter { !$0.contains(":") || $0.count > 8 }
            .joined(separator: "\n\n")
        let documents = [
            Self.document("story", "Canada Industrial Prices Up 3.3 Pct\n\n" + Self.story.joined(separator: "\n\n"), line: 1),
            Self.document("blog", unstamped, line: 2),
        ]
        let result = ClusteringPipeline().run(documents)
        #expect(result.statistics.bundles == 0)
        #expect(result.clusters.count == 1)
    }
}
