import NearDup
import Testing

/// Paragraphs aligned in order, words diffed inside kept paragraphs.
@Suite struct ParagraphDiffTests {
    static let story = [
        "Russian President Vladimir Putin said on Friday he wanted Donald Trump to be his guest in Moscow.",
        "The Russian leader said on a visit to South Africa that appropriate conditions had to be created first.",
        "The White House said Trump was enthusiastic about another summit with the Russian president.",
        "Trump has defended his conduct at the Helsinki summit, which drew criticism at home.",
    ]

    @Test func anIdenticalCopyKeepsEveryParagraph() {
        let text = Self.story.joined(separator: "\n\n")
        let diff = ParagraphDiff(original: text, copy: text)
        #expect(diff.entries == (0..<4).map { .same(original: $0, copy: $0) })
        #expect(diff.keptParagraphs == 4 && diff.droppedParagraphs == 0 && diff.addedParagraphs == 0 && diff.changedWords == 0)
    }

    @Test func aCopyWithANewHeadlineAnInsertedLineAndACutEnding() {
        let copy = ["Putin to Trump: be my guest", Self.story[0], Self.story[1], "Related article: Helsinki summit", Self.story[2]]
        let diff = ParagraphDiff(originalParagraphs: Self.story, copyParagraphs: copy)
        #expect(diff.entries == [
            .added(copy: 0), .same(original: 0, copy: 1), .same(original: 1, copy: 2), .added(copy: 3),
            .same(original: 2, copy: 4), .dropped(original: 3),
        ])
    }

    @Test func copyEditsAreWordsRemovedAndInserted() {
        var copy = Self.story
        copy[1] = "The Russian leader said during a visit to South Africa that the appropriate conditions had to be created first."
        let diff = ParagraphDiff(originalParagraphs: Self.story, copyParagraphs: copy)
        guard case .changed(1, 1, let words) = diff.entries[1] else {
            Issue.record("paragraph 2 is not changed: \(diff.entries[1])")
            return
        }
        #expect(words.filter { if case .kept = $0 { false } else { true } } == [.removed("on"), .inserted("during"), .inserted("the")])
        #expect(diff.changedWords == 3)
    }

    @Test func caseAndPunctuationAroundAWordAreNoChange() {
        let copy = Self.story.map { $0.uppercased().replacingOccurrences(of: ".", with: "") }
        #expect(ParagraphDiff(originalParagraphs: Self.story, copyParagraphs: copy).entries == (0..<4).map { .same(original: $0, copy: $0) })
    }

    @Test func unrelatedParagraphsAreNotAligned() {
        let other = ["Shares fell sharply in Tokyo on Monday as exporters slid on a stronger yen and weak earnings."]
        let diff = ParagraphDiff(originalParagraphs: [Self.story[0]], copyParagraphs: other)
        #expect(diff.entries == [.dropped(original: 0), .added(copy: 0)])
    }

    @Test func paragraphsAreBlocksBetweenBlankLinesOrElseLines() {
        #expect(ParagraphDiff.paragraphs(of: "One line\nstill one.\n\n  Two.  \n\n\n") == ["One line still one.", "Two."])
        #expect(ParagraphDiff.paragraphs(of: "First.\nSecond.\r\nThird.") == ["First.", "Second.", "Third."])
    }
}
