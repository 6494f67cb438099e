import Testing
@testable import NearDup

/// Where a page's story lies: beside its headline, whatever the template's class names say,
/// and never in a site footer that happens to be as long as a short story.
@Suite("Story placement")
struct StoryPlacementTests {
    private let extractor = StoryExtractor()

    private static let story = [
        "RIO DE JANEIRO - Brazil's anti-inflation plan is limping to its first anniversary amid evidence that the "
            + "freeze it imposed on prices, wages and the exchange rate has not held.",
        "Officials said on Thursday that prices rose sharply in the last three months as shortages spread and "
            + "producers charged premiums above the list prices set by the government.",
        "Economists in Sao Paulo said the plan now needs changes to the way wages are adjusted if it is to "
            + "survive another year without a return to monthly indexation.",
    ]
    private static let about = "About The Valley Ledger: The Valley Ledger is an independent regional news service read "
        + "across the valley and the surrounding counties since 1882. We publish local news, business, sports and opinion."
    private static let copyright = "Copyright The Valley Ledger. All rights reserved. This material may not be "
        + "published, broadcast, rewritten or redistributed without permission."

    private static func paragraphs(_ texts: [String], _ attributes: String = "") -> String {
        texts.map { "<p\(attributes)>\($0)</p>" }.joined(separator: "\n")
    }

    @Test func aGeneratedClassThatSaysFooterDoesNotHideTheStory() {
        let page = """
            <html><head><title>Brazil plan limps</title></head><body>
            <div class="c-header__body"><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></div>
            <div class="m-widget__caption" id="main-content"><div class="c-nav__caption">
            <h1>Brazil Anti-Inflation Plan Limps To Anniversary</h1>
            <div class="c-footer__link">
            \(Self.paragraphs(Self.story, #" class="c-article__list""#))
            </div>
            <div class="c-nav__inner" id="comments"><p>Comments are a place for respectful debate. Comments that are abusive will be removed.</p></div>
            </div></div>
            <div class="l-main">\(Self.paragraphs([Self.about, Self.copyright]))</div>
            </body></html>
            """
        let extracted = extractor.extract(page)
        for paragraph in Self.story { #expect(extracted.text.contains(paragraph)) }
        #expect(!extracted.text.contains("About The Valley Ledger"))
        #expect(!extracted.text.contains("Comments are a place"), "the comments keep their mark")
        #expect(extracted.isBesideHeadline)
    }

    @Test func aClassOnEachParagraphIsJudgedByTheirContainer() {
        let page = """
            <html><body><div class="page"><div class="content"><div class="story">
            <h1>Brazil Anti-Inflation Plan Limps To Anniversary</h1>
            <div class="c-footer__caption">
            \(Self.story.map { "<div class=\"c-footer__title\">\($0)</div>" }.joined(separator: "\n"))
            </div></div></div>
            <div class="l-main">\(Self.paragraphs([Self.about]))</div></div></body></html>
            """
        let extracted = extractor.extract(page)
        for paragraph in Self.story { #expect(extracted.text.contains(paragraph)) }
        #expect(!extracted.text.contains("About The Valley Ledger"))
    }

    @Test func aShortStoryIsNotJoinedByAFooterAsLongAsItself() {
        let page = """
            <html><body><div class="wrap"><div class="story-wrapper"><h1>Brazil Anti-Inflation Plan Limps To Anniversary</h1>
            <div class="entry">\(Self.paragraphs(Array(Self.story.prefix(2))))</div></div>
            <div class="rail"><h2>Most read</h2><ol><li><a href="/a">Central bank holds rates</a></li></ol></div></div>
            <div class="bottom">\(Self.paragraphs([Self.about, Self.copyright]))</div></body></html>
            """
        let extracted = extractor.extract(page)
        #expect(extracted.text.contains(Self.story[1]))
        #expect(!extracted.text.contains("About The Valley Ledger"))
        #expect(!extracted.text.contains("All rights reserved"))
    }

    @Test func theStorysNamedBodyBesideTheHeadlineKeepsALongerFooterOut() {
        // A two-paragraph story above a footer longer than itself: from the headline's
        // grandparent up, the first element with half the page's text holds both.
        let page = """
            <html><body><div class="page"><div class="main"><div class="article">
            <h1>Brazil Anti-Inflation Plan Limps To Anniversary</h1>
            <div itemprop="articleBody">\(Self.paragraphs(Array(Self.story.prefix(2))))</div>
            </div></div>
            <div class="bottom">\(Self.paragraphs([Self.about, Self.copyright, Self.about.uppercased()]))</div>
            </div></body></html>
            """
        let extracted = extractor.extract(page)
        #expect(extracted.text.contains(Self.story[1]))
        #expect(!extracted.text.contains("About The Valley Ledger"))
    }

    @Test func aClassOnAnInlineElementOfEachParagraphIsJudgedByTheirContainer() {
        let page = """
            <html><body><div class="page"><div class="content"><div class="story">
            <h1>Brazil Anti-Inflation Plan Limps To Anniversary</h1>
            <div class="body">\(Self.story.map { "<p><span class=\"m-widget__wrap\">\($0)</span></p>" }.joined(separator: "\n"))</div>
            </div></div>
            <div class="l-main">\(Self.paragraphs([Self.about]))</div></div></body></html>
            """
        let extracted = extractor.extract(page)
        for paragraph in Self.story { #expect(extracted.text.contains(paragraph)) }
        #expect(!extracted.text.contains("About The Valley Ledger"))
    }

    @Test func withoutAnH1TheHeadlineThePageStatesAnchorsTheStory() {
        // A table layout: the headline in <b>, the story in a cell whose class says "widget",
        // the site's blurb below the table.
        let page = """
            <html><head><title>Brazil Anti-Inflation Plan Limps To Anniversary | The Valley Ledger</title>
            <meta property="og:title" content="Brazil Anti-Inflation Plan Limps To Anniversary"></head>
            <body><table><tr><td class="rail"><b>Top Stories</b><br><a href="/a">Central bank holds rates</a></td>
            <td class="m-widget__media"><font size="5"><b>Brazil Anti-Inflation Plan Limps To Anniversary</b></font><br>
            <font size="2">By Kim Ortega</font><br><br>
            \(Self.story.joined(separator: "<br><br>\n"))
            </td></tr></table>
            <div class="bottom">\(Self.about)<br>\(Self.copyright)</div></body></html>
            """
        let extracted = extractor.extract(page)
        for paragraph in Self.story { #expect(extracted.text.contains(paragraph)) }
        #expect(!extracted.text.contains("About The Valley Ledger"))
    }

    @Test func aFooterBelowAPageOfCaptionsLiesAwayFromTheHeadline() {
        let captions = (1...6).map { "<figure><img src=\"p\($0).jpg\"><figcaption>Delegates wait in line at a bank branch in Brussels, January 5, 1987. (AP Photo/Jane Doe)</figcaption></figure>" }
        let page = """
            <html><body><div class="content"><div class="story"><h1>In pictures: the bank queues of Brussels</h1>
            \(captions.joined(separator: "\n"))
            </div></div>
            <div class="bottom">\(Self.paragraphs([Self.about, Self.copyright]))</div></body></html>
            """
        let extracted = extractor.extract(page)
        #expect(!extracted.isBesideHeadline, "what is left is no story of this page's headline")
        #expect(!extracted.text.contains("Delegates wait"))
    }
}
