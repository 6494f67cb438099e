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
        #expect(!BundleRule.isBundle(stampedParagraphs: 2))
        #expect(BundleRule.isBundle(stampedParagraphs: 3))
    }
}
