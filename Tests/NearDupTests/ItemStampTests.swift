import Testing
@testable import NearDup

@Suite("ItemStamp")
struct ItemStampTests {
    private func opens(_ paragraph: String) -> Bool {
        let bytes = Array(paragraph.utf8)
        return ItemStamp.opens(bytes, 0..<bytes.count)
    }

    @Test(arguments: [
        "11:09", "\n09:36", "2:05 p.m. Police said the suspect was held overnight.", "2:05pm", "10:30 AM",
        "14.05 GMT", "9:30 - Markets open lower", "9:30 \u{2014} Markets open lower", "21:40 | Update", "12:15 ET",
        "5 mins ago", "1h ago", "2 hours ago",
    ])
    func liveItemsOpenWithTheirTime(paragraph: String) {
        #expect(opens(paragraph))
    }

    @Test(arguments: [
        "14.05 percent of voters said so.", "The 11:09 train was late.", "1987 was a year of records.", "25:10",
        "10:75", "3.5 pct rise in January", "12 minutes later the police arrived.", "06/01/1987 11:15", "10:30 alarm clocks",
        "",
    ])
    func storyParagraphsDoNot(paragraph: String) {
        #expect(!opens(paragraph))
    }

    @Test func aTextIsABundleFromThreeStampedItems() {
        #expect(!BundleRule.isBundle(stampedItems: 2))
        #expect(BundleRule.isBundle(stampedItems: 3))
        #expect(BundleRule.isBundle(stampedItems: 0, headedItems: 4))
    }

    @Test func onlyItemsWithTextCount() {
        var ticker = StampedItems()
        for _ in 0..<4 {
            ticker.read(opensItem: true, words: 2)  // "15m ago"
            ticker.read(opensItem: false, words: 10)  // a headline
        }
        #expect(ticker.count == 0)
        ticker.read(opensItem: false, words: 400)  // the story after the last one
        #expect(ticker.count == 1)

        var blog = StampedItems()
        blog.read(opensItem: false, words: 30)  // the summary before the first item
        for _ in 0..<3 {
            blog.read(opensItem: true, words: 1)
            blog.read(opensItem: false, words: 25)
        }
        #expect(blog.count == 3)

        var shortPosts = StampedItems()
        for _ in 0..<3 {
            shortPosts.read(opensItem: true, words: 1)
            shortPosts.read(opensItem: false, words: 9, endsSentence: true)  // "NOTE: Share data restated to reflect the split."
        }
        #expect(shortPosts.count == 3, "a post of one short sentence is still a post")
    }

    @Test(arguments: [("He resigned.", true), ("He said \"no.\"", true), ("He said \u{201C}no.\u{201D}", true),
                      ("The best smart LED light bulbs", false), ("Can Nikon ever catch up?", false)])
    func aFullStopEndsASentence(paragraph: String, ends: Bool) {
        let bytes = Array(paragraph.utf8)
        #expect(StampedItems.endsSentence(bytes, 0..<bytes.count) == ends)
    }

    /// A scraped article whose text opens with a site's "latest news" ticker, as extractors
    /// leave it: four stamped headlines, then the story.
    @Test func aTickerOfStampedHeadlinesDoesNotMakeAStoryABundle() {
        let ticker = [
            "15m ago", "Can Nikon and Canon ever catch up with the mirrorless cameras of their rivals?",
            "24m ago", "Gogoro puts its hot-swappable batteries in two new speedy scooters",
            "40m ago", "The best smart LED light bulbs for every room of the house",
            "54m ago",
        ].joined(separator: " ### ")
        let story = BundleTests.story.joined(separator: " ### ")
        let documents = [
            Document(id: "article", text: ticker + " ### " + story, origin: SourceLocation(file: "t", line: 1)),
            Document(id: "copy", text: story, origin: SourceLocation(file: "t", line: 2)),
        ]
        let result = ClusteringPipeline().run(documents)
        #expect(result.statistics.bundles == 0)
        #expect(result.clusters.count == 1)
    }
}
