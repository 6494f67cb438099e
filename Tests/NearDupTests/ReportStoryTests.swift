import NearDup
import Testing

/// The paragraphs a report aligns: blocks between blank lines, a line each when unwrapped.
@Suite struct ReportStoryTests {
    static let long = String(repeating: "Russian President Vladimir Putin said on Friday he wanted Trump in Moscow. ", count: 2)

    @Test func blankLinesSeparateParagraphsAndWrappedLinesJoin() {
        let text = "Putin says he wants Trump\nas his guest in Moscow\n\nJOHANNESBURG (Reuters) - Russian\nPresident Vladimir Putin said\n"
        #expect(ParagraphDiff.paragraphs(of: text) == [
            "Putin says he wants Trump as his guest in Moscow", "JOHANNESBURG (Reuters) - Russian President Vladimir Putin said",
        ])
    }

    @Test func unwrappedLinesAreAParagraphEachEvenBesideABlankLine() {
        let text = "The Millbrook Register | World\n\nBy Harborline News Agency\n\(Self.long)\n\(Self.long)second\n"
        #expect(ParagraphDiff.paragraphs(of: text).count == 4)
        #expect(ParagraphDiff.paragraphs(of: text)[1] == "By Harborline News Agency")
    }

    @Test func textWithoutBlankLinesIsALineAParagraphAndSpacesAreSingle() {
        #expect(ParagraphDiff.paragraphs(of: "one  line\ttwo\nthree\n") == ["one line two", "three"])
        #expect(ParagraphDiff.paragraphs(of: "\none\ntwo\n\n") == ["one", "two"])
    }
}
