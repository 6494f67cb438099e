import Foundation
import Testing
@testable import NearDup

/// Hand-made pages in the ways real news templates are built, around real Reuters stories.
@Suite("StoryExtractor")
struct StoryExtractorTests {
    private let extractor = StoryExtractor()

    static func fixturePage(_ relativePath: String) throws -> String {
        let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent("pages/" + relativePath)
        return String(decoding: try Data(contentsOf: url), as: UTF8.self)
    }

    private static let story = [
        "The Brazilian government's anti-inflation plan is limping to its first anniversary amid evidence that "
            + "the freeze it imposed on prices, wages and the exchange rate has not held.",
        "Officials said on Thursday that prices rose sharply in the last three months as shortages spread and "
            + "producers charged premiums above the list prices set by the government.",
        "Economists in Sao Paulo said the cruzado plan now needs changes to the way wages are adjusted if it is "
            + "to survive another year without a return to monthly indexation.",
    ]

    @Test func semanticTemplateKeepsTheStoryAndItsParagraphs() throws {
        let page = extractor.extract(try Self.fixturePage("harbour-courier/brazil-inflation-plan.html"))
        let paragraphs = page.text.components(separatedBy: "\n\n")
        #expect(paragraphs.first == "Brazil Anti-Inflation Plan Limps To Anniversary")
        #expect(paragraphs.count == 7, "headline and six story paragraphs, each its own")
        #expect(paragraphs[1].hasPrefix("RIO DE JANEIRO, Feb 26 - Brazil's \"Cruzado\" anti- inflation plan"))
        for furniture in ["Most read", "Central bank holds rates", "We use cookies", "morning briefing", "Share on Facebook",
                          "Harbour Media Group", "Politics", "AP Photo", "Kim Ortega", "Sign up"] {
            #expect(!page.text.contains(furniture), "\(furniture) is furniture")
        }
        #expect(page.headline == "Brazil Anti-Inflation Plan Limps To Anniversary")
        #expect(page.byline == "By Kim Ortega", "the byline element's text")
        #expect(page.published == "1987-02-26T23:10:00Z", "the offset is folded into UTC")
        #expect(page.hasStory)
    }

    @Test func divOnlyTemplateFindsTheSameStory() throws {
        let semantic = extractor.extract(try Self.fixturePage("harbour-courier/brazil-inflation-plan.html"))
        let divs = extractor.extract(try Self.fixturePage("valley-ledger/brazil-inflation-plan.html"))
        #expect(divs.text == semantic.text, "the same story in two templates reads the same")
        for furniture in ["Advertisement", "REUTERS/", "Never miss a story", "Comments are closed", "WhatsApp", "Mill Street",
                          "unlimited access", "This website uses cookies"] {
            #expect(!divs.text.contains(furniture), "\(furniture) is furniture")
        }
        #expect(divs.published == "1987-02-26T21:02:00Z", "from JSON-LD")
        #expect(divs.byline == "By Valley Ledger staff")
    }

    @Test func galleryOfCaptionsHasNoStory() throws {
        let page = extractor.extract(try Self.fixturePage("valley-ledger/lantern-festival-gallery.html"))
        #expect(!page.hasStory)
        #expect(page.storyWords < StoryExtractor.minimumStoryWords)
        #expect(page.headline == "In pictures: lantern festival lights up the harbour")
    }

    /// A site whose rail has no telling class names: its "Most read" list is the same on
    /// every page, a list of links, and must be in neither story.
    @Test func mostReadListIdenticalAcrossASiteIsInNoStory() {
        let rail = """
            <div class="css-r41l"><div class="css-h3d">Most read</div><ol>
            <li><a href="/1">Central bank holds rates steady as inflation cools</a></li>
            <li><a href="/2">Storm leaves thousands without power across the coast</a></li>
            <li><a href="/3">City council approves new budget after a long debate</a></li>
            <li><a href="/4">Local team clinches the title in an overtime thriller</a></li></ol></div>
            """
        func page(_ paragraphs: [String]) -> String {
            "<html><body><div class=\"css-a1\"><div class=\"css-b2\">"
                + paragraphs.map { "<div class=\"css-p\">\($0)</div>" }.joined()
                + "</div>\(rail)</div></body></html>"
        }
        let other = [
            "Senators introduced a bill on Thursday to overhaul the way the government licenses exports of "
                + "high technology goods to allied countries, saying the rules cost jobs.",
            "The bill would end licences for most shipments to allies and set deadlines for the agencies that "
                + "review the remaining applications, its sponsors said in a statement.",
        ]
        for paragraphs in [Self.story, other] {
            let extracted = extractor.extract(page(paragraphs))
            #expect(extracted.text == paragraphs.joined(separator: "\n\n"))
            #expect(!extracted.text.contains("Central bank"))
        }
    }

    @Test func classWordsMarkFurnitureButNotConditionsOfThePage() {
        let html = """
            <html><body class="sidebar-left"><div id="contentWithSidebar" class="has-comments">
            <div class="newsletterSignup"><p>Sign up for our daily newsletter and get every story that matters in your inbox each morning.</p></div>
            \(Self.story.map { "<p>\($0)</p>" }.joined())
            <div class="related-links"><p>Brazil raises interest rates again as the cruzado plan falters under pressure from prices.</p></div>
            <div class="c-ad"><p>Advertisement</p></div>
            <div aria-label="Most popular"><p>Ten things the economists at the central bank never tell you about inflation.</p></div>
            <div role="complementary"><p>Our reporters explain how they covered this story and which documents they read for it.</p></div>
            <div style="display: none"><p>Hidden text that a reader of the page never sees on the screen at all.</p></div>
            </div></body></html>
            """
        #expect(extractor.extract(html).text == Self.story.joined(separator: "\n\n"))
    }

    @Test func aPageWrappedInOneFormStillHasItsStory() {
        let html = "<html><body><form id=\"aspnetForm\"><div class=\"page\">"
            + Self.story.map { "<p>\($0)</p>" }.joined() + "</div></form></body></html>"
        let page = extractor.extract(html)
        #expect(page.hasStory)
        #expect(page.text == Self.story.joined(separator: "\n\n"))
    }

    @Test func linkDenseBlocksAndCaptionsInsideTheStoryAreDropped() {
        let html = """
            <html><body><article>
            <p>\(Self.story[0])</p>
            <p><a href="/a">Read our full coverage of the cruzado plan</a> and <a href="/b">the latest on Brazil</a></p>
            <p>The finance minister speaks to reporters in Brasilia on Thursday. (AP Photo/Eraldo Peres)</p>
            <p>\(Self.story[1])</p>
            <p>Workers unload sugar at the port of Santos. REUTERS/Paulo Whitaker</p>
            <p>\(Self.story[2])</p>
            </article></body></html>
            """
        #expect(extractor.extract(html).text == Self.story.joined(separator: "\n\n"))
    }

    @Test func entitiesInlineMarkupAndLineBreaksReadAsText() {
        let html = "<html><body><main><p>Prices&nbsp;rose <b>sharply</b> in S&amp;P&#8217;s index,<br>analysts said "
            + "on Thursday in a note to clients that warned of further increases in the coming months.</p></main></body></html>"
        let page = extractor.extract(html)
        #expect(page.text == "Prices rose sharply in S&P\u{2019}s index,\n\nanalysts said on Thursday in a note to "
            + "clients that warned of further increases in the coming months.")
    }

    @Test func publicationTimeComesFromTheBestPlacedStatement() {
        let html = """
            <html><head><meta name="date" content="2019-05-01"><meta property="article:published_time" content="2019-05-31T10:03:00-04:00">
            </head><body><time datetime="2018-01-01">old</time><p>\(Self.story[0])</p></body></html>
            """
        #expect(extractor.extract(html).published == "2019-05-31T14:03:00Z")
        #expect(extractor.extract("<html><body><time datetime='2019-06-01'>June 1</time></body></html>").published == "2019-06-01")
        #expect(extractor.extract("<html><body><time datetime='June 1, 2019'>June 1</time></body></html>").published == nil)
    }

    @Test func brokenMarkupIsRecoveredFrom() {
        let html = "<html><body><div><p>\(Self.story[0])<p>\(Self.story[1])</div></span></b><p>\(Self.story[2])"
        #expect(extractor.extract(html).text == Self.story.joined(separator: "\n\n"))
        #expect(!extractor.extract("").hasStory)
        #expect(!extractor.extract("<").hasStory)
    }
}

@Suite("PublicationTime")
struct PublicationTimeTests {
    private func iso(_ text: String) -> String? { PublicationTime.iso8601(Array(text.utf8)) }

    @Test func offsetsAreFoldedIntoUTC() {
        #expect(iso("2019-05-31T22:30:00-04:00") == "2019-06-01T02:30:00Z")
        #expect(iso("2020-01-01T01:00:00+0200") == "2019-12-31T23:00:00Z")
        #expect(iso("2020-02-29T23:30:00.123+01:00") == "2020-02-29T22:30:00Z")
        #expect(iso("2019-05-31T14:03Z") == "2019-05-31T14:03:00Z")
    }

    @Test func datesAndLocalTimesAreKeptAsGiven() {
        #expect(iso(" 2019-05-31") == "2019-05-31")
        #expect(iso("2019-05-31 14:03:07") == "2019-05-31T14:03:07")
    }

    @Test func whatIsNotADateIsRefused() {
        #expect(iso("2019-02-30") == nil)
        #expect(iso("May 31, 2019") == nil)
        #expect(iso("2019-13-01") == nil)
        #expect(iso("2019-05-31T25:00") == "2019-05-31", "a bad time leaves the date")
    }
}

@Suite("HTMLDetection")
struct HTMLDetectionTests {
    private func isPage(_ text: String) -> Bool { HTMLDetection.isPage(Array(text.utf8)) }

    @Test func wholePagesAreFound() {
        #expect(isPage("<!DOCTYPE html><html><body>x</body></html>"))
        #expect(isPage("\u{FEFF}  \n<html lang=\"en\">"))
        #expect(isPage("<!-- generated --><!doctype HTML>"))
        #expect(isPage("<meta charset=utf-8><title>x</title><body><p>x"))
    }

    @Test func textWithSomeMarkupIsNotAPage() {
        #expect(!isPage("Putin says he wants Trump as his guest. <b>Moscow</b>"))
        #expect(!isPage("<p>A fragment</p><p>of paragraphs</p>"))
        #expect(!isPage("<htmlx>"))
        #expect(!isPage(""))
    }
}

@Suite("CaptionRule")
struct CaptionRuleTests {
    private func isCaption(_ line: String) -> Bool {
        let bytes = Array(line.utf8)
        return CaptionRule.isCaption(bytes, 0..<bytes.count)
    }

    @Test func captionsAreKnownByTheirCredit() {
        #expect(isCaption("President Trump speaks in the Rose Garden on Friday. (AP Photo/Evan Vucci)"))
        #expect(isCaption("FILE - Activists rally outside the Supreme Court. (AP Photo/J. Scott Applewhite, File)"))
        #expect(isCaption("A woman votes in Atlanta. (Photo by Jane Doe via AP)"))
        #expect(isCaption("Russian President Vladimir Putin attends a meeting in Moscow. REUTERS/Maxim Shemetov"))
        #expect(isCaption("Demonstrators gather in Paris on Saturday. AFP PHOTO / Thomas Samson"))
        #expect(isCaption("Lawmakers arrive for the vote. Chip Somodevilla/Getty Images"))
        #expect(isCaption("Credit: Mandel Ngan"))
        #expect(isCaption("Photograph: Alamy"))
    }

    @Test func storySentencesAreNot() {
        #expect(!isCaption("The agency sold the pictures to Getty Images."))
        #expect(!isCaption("Russian President Vladimir Putin said on Friday he wanted Trump to visit (Reuters)."))
        #expect(!isCaption("The photo, taken by an AP photographer, won the prize on Monday."))
        #expect(!isCaption("Shares rose 3 percent to $12.50 (about 11 euros)."))
    }

    @Test func theNormaliserDropsCaptionsInPlainText() {
        let text = """
            Putin invites Trump to Moscow

            Russian President Vladimir Putin said on Friday he wanted U.S. President Donald Trump to visit Moscow.

            Putin speaks during a news conference in Johannesburg. REUTERS/Mike Hutchings

            The White House said Trump was open to the visit.
            """
        let normalized = TextNormalizer().normalize(text)
        #expect(!normalized.contains("hutchings"))
        #expect(!normalized.contains("news conference"))
        #expect(normalized.contains("open to the visit"))
    }
}
