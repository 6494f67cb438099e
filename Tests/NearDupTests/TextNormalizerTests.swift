import Testing
@_spi(Kernels) @testable import NearDup

@Suite("TextNormalizer")
struct TextNormalizerTests {
    private let normalizer = TextNormalizer()
    private let keepingBoilerplate = TextNormalizer(options: .init(removesBoilerplate: false))

    /// The words and their quoted flags, as the pipeline sees them.
    private func quotedWords(_ text: String, normalizer: TextNormalizer) -> [(String, Bool)] {
        var output: [UInt8] = []
        var quoted: [Bool] = []
        normalizer.normalize(text, into: &output, quotedWords: &quoted)
        let words = String(decoding: output, as: UTF8.self).split(separator: " ").map(String.init)
        #expect(words.count == quoted.count, "one flag per output word")
        return Array(zip(words, quoted))
    }

    // MARK: Folding

    @Test func foldsCaseCompatibilityFormsAndDiacritics() {
        #expect(normalizer.normalize("Ｆｕｌｌ ﬁ Café") == "full fi cafe")
        #expect(normalizer.normalize("ÉCOLE Über naïve Ångström") == "ecole uber naive angstrom")
    }

    @Test func composedAndDecomposedInputFoldAlike() {
        let composed = "Caf\u{E9} cr\u{E8}me br\u{FB}l\u{E9}e"
        let decomposed = "Cafe\u{301} cre\u{300}me bru\u{302}le\u{301}e"
        #expect(composed.unicodeScalars.count != decomposed.unicodeScalars.count)
        #expect(normalizer.normalize(composed) == "cafe creme brulee")
        #expect(normalizer.normalize(decomposed) == "cafe creme brulee")
    }

    @Test func nonLatinLettersAreKeptLowerCased() {
        #expect(normalizer.normalize("Привет, МИР!") == "привет мир")
    }

    @Test func apostrophesJoinWords() {
        #expect(normalizer.normalize("Moscow's guest") == "moscows guest")
        #expect(normalizer.normalize("Moscow\u{2019}s guest") == "moscows guest")
        #expect(normalizer.normalize("don't DON\u{2019}T") == "dont dont")
    }

    @Test func punctuationAndWhitespaceFoldToSingleSpaces() {
        #expect(normalizer.normalize("  Hello,   world!!\t--  ok?\u{A0}Yes…  ") == "hello world ok yes")
        #expect(normalizer.normalize("U.S.-Russia\u{2014}talks (2018)") == "u s russia talks 2018")
        #expect(normalizer.normalize("") == "")
        #expect(normalizer.normalize(" ... !!! ") == "")
    }

    @Test func withoutFoldingWordsKeepCaseAndPunctuation() {
        let plain = TextNormalizer(options: .init(foldsText: false))
        #expect(plain.normalize("Hello,   World!\tCafé") == "Hello, World! Café")
    }

    @Test func outputBytesMatchTheStringForm() {
        var bytes: [UInt8] = [1, 2, 3]
        normalizer.normalize("Ｆｕｌｌ ﬁ Café", into: &bytes)
        #expect(bytes == Array("full fi cafe".utf8), "the buffer is replaced, not appended to")
    }

    // MARK: Markup

    @Test func markupTagsAndEntitiesAreRemoved() {
        let html = "<p>Fish &amp; <b>chips</b>&nbsp;caf&eacute; &#233;t&#xE9; &#65;</p>"
        #expect(keepingBoilerplate.normalize(html) == "fish chips cafe ete a")
    }

    @Test func scriptAndStyleContentIsDropped() {
        let html = """
            <html><head><title>Ignored</title></head><body>
            <script type="text/javascript">var secret = "tracking code";</script>
            <style>p { color: red; }</style>
            <p>Visible words only.</p>
            </body></html>
            """
        let text = keepingBoilerplate.normalize(html)
        #expect(text == "visible words only")
    }

    @Test func markupIsKeptWhenStrippingIsOff() {
        let raw = TextNormalizer(options: .init(stripsMarkup: false, removesBoilerplate: false))
        #expect(raw.normalize("<b>bold</b> &amp; more") == "b bold b amp more")
    }

    // MARK: Boilerplate

    private let body = "Russian President Vladimir Putin said on Friday he wanted a summit."
    private let bodyWords = "russian president vladimir putin said on friday he wanted a summit"
    private let closing = "The White House said Trump was enthusiastic about another summit."
    private let closingWords = "the white house said trump was enthusiastic about another summit"

    @Test func bylinesAreRemoved() {
        for byline in ["By <u>Reuters</u>", "By The Associated Press", "By JOHN SMITH, Associated Press"] {
            let text = "\(body)\n\(byline)\n\(closing)"
            #expect(normalizer.normalize(text) == "\(bodyWords) \(closingWords)", "\(byline)")
        }
        #expect(keepingBoilerplate.normalize("\(body)\nBy <u>Reuters</u>\n\(closing)")
            == "\(bodyWords) by reuters \(closingWords)")
        #expect(keepingBoilerplate.normalize("\(body)\nBy The Associated Press\n\(closing)")
            == "\(bodyWords) by the associated press \(closingWords)")
    }

    @Test func datelinesAreStrippedFromTheStartOfAParagraph() {
        let cases: [(String, String)] = [
            ("MOSCOW (Reuters) - Russia said on Friday it would answer the sanctions in kind.",
             "russia said on friday it would answer the sanctions in kind"),
            ("WASHINGTON (AP) \u{2014} The Senate voted on Tuesday to keep the sanctions in place.",
             "the senate voted on tuesday to keep the sanctions in place"),
            ("NEW YORK, June 1 (Reuters) - Stocks rose on Friday after the jobs report beat forecasts.",
             "stocks rose on friday after the jobs report beat forecasts"),
            ("(Reuters) - Oil prices fell on Monday as supplies grew faster than expected.",
             "oil prices fell on monday as supplies grew faster than expected"),
        ]
        for (input, expected) in cases {
            #expect(normalizer.normalize(input) == expected, "\(input)")
            #expect(normalizer.normalize("\(body)\n\(input)") == "\(bodyWords) \(expected)", "later paragraph: \(input)")
        }
        #expect(keepingBoilerplate.normalize(cases[0].0)
            == "moscow reuters russia said on friday it would answer the sanctions in kind")
        #expect(keepingBoilerplate.normalize(cases[1].0)
            == "washington ap the senate voted on tuesday to keep the sanctions in place")
    }

    @Test func aSentenceWithADashIsKept() {
        let sentence = "The vote - which was close - passed on Friday after a long debate."
        #expect(normalizer.normalize(sentence) == "the vote which was close passed on friday after a long debate")
        let emDash = "Officials said the plan \u{2014} first floated in May \u{2014} would go ahead."
        #expect(normalizer.normalize(emDash) == "officials said the plan first floated in may would go ahead")
    }

    @Test func relatedArticleLinesAreRemoved() {
        let text = "\(body)\nRelated article: Putin heads to South Africa for BRICS\n\(closing)"
        #expect(normalizer.normalize(text) == "\(bodyWords) \(closingWords)")
        #expect(keepingBoilerplate.normalize(text)
            == "\(bodyWords) related article putin heads to south africa for brics \(closingWords)")
    }

    @Test func relatedArticlesBlockWithHeadlinesIsRemoved() {
        let text = """
            \(body)

            RELATED ARTICLES

            Helsinki summit fallout continues in Washington

            Trump says he is open to a second meeting

            \(closing)
            """
        #expect(normalizer.normalize(text) == "\(bodyWords) \(closingWords)")
        #expect(keepingBoilerplate.normalize(text) == bodyWords
            + " related articles helsinki summit fallout continues in washington trump says he is open to a second meeting "
            + closingWords)
    }

    @Test func readMoreAndOriginalURLLinesAreRemoved() {
        let text = "\(body)\nRead more: https://example.com/world/putin-trump\n\(closing)\nOriginal url: https://example.com/a/b"
        #expect(normalizer.normalize(text) == "\(bodyWords) \(closingWords)")
        let kept = keepingBoilerplate.normalize(text)
        #expect(kept.contains("read more https example com world putin trump"))
        #expect(kept.hasSuffix("original url https example com a b"))
    }

    @Test func copyrightFooterIsRemoved() {
        let text = "\(body)\n\(closing)\n© 2018 The Marlow Ridge Observer. All rights reserved."
        #expect(normalizer.normalize(text) == "\(bodyWords) \(closingWords)")
        #expect(keepingBoilerplate.normalize(text)
            == "\(bodyWords) \(closingWords) 2018 the marlow ridge observer all rights reserved")
        let withoutSymbol = "\(body)\n\(closing)\n2018 Example Media Group. All rights reserved."
        #expect(normalizer.normalize(withoutSymbol) == "\(bodyWords) \(closingWords)")
    }

    @Test func inlineParagraphSeparatorSplitsParagraphs() {
        let text = "\(body) ### Read more: Putin in Johannesburg ### \(closing)"
        #expect(normalizer.normalize(text) == "\(bodyWords) \(closingWords)")
        #expect(keepingBoilerplate.normalize(text) == "\(bodyWords) read more putin in johannesburg \(closingWords)")
        // The separator itself never reaches the output, even without folding.
        let plain = TextNormalizer(options: .init(foldsText: false, removesBoilerplate: false))
        #expect(plain.normalize("one two ### three") == "one two three")
    }

    @Test func headlineLineIsDroppedOnlyWithBoilerplateRemoval() {
        let text = "Putin says he wants Trump as his guest in Moscow\n\n\(body)"
        #expect(normalizer.normalize(text) == bodyWords)
        #expect(keepingBoilerplate.normalize(text) == "putin says he wants trump as his guest in moscow \(bodyWords)")
        // A single paragraph is the story itself, never a headline.
        #expect(normalizer.normalize("Putin invites Trump to Moscow") == "putin invites trump to moscow")
    }

    @Test func bundledStyleStoryLosesItsFurniture() {
        let story = """
            THE EXAMPLE OBSERVER | World | Saturday, July 28, 2018

            By Reuters Staff

            JOHANNESBURG (Reuters) - \(body)

            \(closing)

            © 2018 The Example Observer. All rights reserved.

            Follow us on Twitter

            Original url: https://www.example.com/world/2018/07/28/putin
            """
        #expect(normalizer.normalize(story) == "\(bodyWords) \(closingWords)")
    }

    @Test func ordinaryStoryParagraphsAreKept() {
        let kept = [
            "By the end of the year, prices had risen by 5 percent across the region.",
            "Reports of the meeting, first published by the Kremlin, said little about trade.",
            "The White House said on July 27 that no date had been set for the visit.",
        ]
        for paragraph in kept {
            let expected = "\(bodyWords) " + normalizer.normalize(paragraph)
            #expect(normalizer.normalize("\(body)\n\(paragraph)") == expected, "\(paragraph)")
            #expect(normalizer.normalize(paragraph) == keepingBoilerplate.normalize(paragraph))
        }
    }

    /// Story text that looks like furniture: a furniture word opening a long sentence, a month
    /// name inside another word, an acronym and a dash after the first paragraph, "By" + lower case.
    @Test func storyTextLikeFurnitureIsKept() {
        let paragraphs = [
            "Copyright infringement claims against the platform rose sharply in 2018, according to a report published on Tuesday.",
            "Advertisement spending rose 5 percent last year as brands moved their budgets online, the company said.",
            "The mayor fired 3 aides.",
            "NATO - the alliance of 29 countries - said on Friday it would expand its presence in the region.",
            "By the way it was fine",
        ]
        for paragraph in paragraphs {
            #expect(normalizer.normalize("\(body)\n\(paragraph)") == "\(bodyWords) " + keepingBoilerplate.normalize(paragraph))
        }
    }

    // MARK: Quoted words

    @Test func curlyQuotedWordsAreFlagged() {
        let words = quotedWords("He said \u{201C}we will go\u{201D} today", normalizer: normalizer)
        #expect(words.map(\.0) == ["he", "said", "we", "will", "go", "today"])
        #expect(words.map(\.1) == [false, false, true, true, true, false])
    }

    @Test func straightQuotedWordsAreFlagged() {
        let words = quotedWords("She called it \"a very good meeting\" and left.", normalizer: normalizer)
        #expect(words.map(\.0) == ["she", "called", "it", "a", "very", "good", "meeting", "and", "left"])
        #expect(words.map(\.1) == [false, false, false, true, true, true, true, false, false])
    }

    @Test func quotesResetAtParagraphBreaks() {
        let text = "She said \u{201C}we will\nthey left early.\nHe said \"never\nagain now."
        let words = quotedWords(text, normalizer: keepingBoilerplate)
        #expect(words.map(\.0) == ["she", "said", "we", "will", "they", "left", "early", "he", "said", "never", "again", "now"])
        #expect(words.map(\.1) == [false, false, true, true, false, false, false, false, false, true, false, false])
    }

    @Test func quotedFlagsWithoutFoldingAreAllFalse() {
        let plain = TextNormalizer(options: .init(foldsText: false))
        let words = quotedWords("He said \u{201C}we will go\u{201D} today", normalizer: plain)
        #expect(words.count == 6)
        #expect(words.allSatisfy { !$0.1 })
    }

    @Test func flagBufferIsReplacedPerCall() {
        var output: [UInt8] = []
        var quoted: [Bool] = [true, true, true, true, true, true, true, true, true]
        normalizer.normalize("plain words", into: &output, quotedWords: &quoted)
        #expect(quoted == [false, false])
    }
}
