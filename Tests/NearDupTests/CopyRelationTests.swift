import NearDup
import Testing

/// A copy's relation to its original, read from the paragraph diff.
@Suite struct CopyRelationTests {
    static let story = [
        "Russian President Vladimir Putin said on Friday he wanted Donald Trump to be his guest in Moscow.",
        "The Russian leader said on a visit to South Africa that appropriate conditions had to be created first.",
        "The White House said Trump was enthusiastic about another summit with the Russian president.",
        "Trump has defended his conduct at the Helsinki summit, which drew criticism at home.",
        "Moscow's support for Syria and the annexation of Crimea have soured relations between the two powers.",
        "Russia is under punitive sanctions imposed by the United States and the European Union.",
    ]

    static func relation(_ copy: [String]) -> CopyRelation {
        CopyRelation(ParagraphDiff(originalParagraphs: story, copyParagraphs: copy))
    }

    @Test func theSameTextIsIdentical() {
        #expect(Self.relation(Self.story) == .identical)
        #expect(CopyRelation.identical.description == "identical: every paragraph, every word")
    }

    @Test func aCutEndingIsAnExcerptEvenUnderANewHeadline() {
        let copy = ["Putin to Trump: be my guest"] + Self.story[1...2]
        // The first paragraph is replaced (dropped, one added), the last three are cut.
        let relation = Self.relation(copy)
        #expect(relation == .excerpt(cutAfter: 3, paragraphs: 6, changes: .init(replacedOpening: 1, added: 1)))
        #expect(relation.description == "excerpt: cut after paragraph 3 of 6, first paragraph left out, 1 paragraph added")
    }

    @Test func wordsChangedInEveryParagraphKeptIsACopyEdit() {
        var copy = Self.story
        copy[1] = "The Russian leader said during a visit to South Africa that the appropriate conditions had to be created first."
        let relation = Self.relation(copy)
        #expect(relation == .copyEdited(changes: .init(changedWords: 3)))
        #expect(relation.description == "copy-edited: 3 words changed")
    }

    @Test func everyParagraphKeptAndMoreIsExpanded() {
        let copy = ["By Staff and wire reports"] + Self.story + ["Related: Helsinki summit, a week on", "Follow us for more world news."]
        let relation = Self.relation(copy)
        #expect(relation == .expanded(changes: .init(added: 3)))
        #expect(relation.kind == "expanded")
        #expect(relation.description == "expanded: 3 paragraphs added")
    }

    @Test func paragraphsDroppedInsideTheStoryMakeARewrite() {
        let copy = [Self.story[0], "Officials later said a date had been discussed.", Self.story[3], Self.story[5]]
        let relation = Self.relation(copy)
        #expect(relation == .rewrite(kept: 3, paragraphs: 6, changes: .init(droppedInside: 3, added: 1)))
        #expect(relation.description == "rewrite or write-thru: kept 3 of 6 paragraphs, 1 paragraph added")
    }

    @Test func aNewOpeningOverTheSameStoryIsNoRewrite() {
        let copy = ["THE IVYBRIDGE INDEPENDENT | A3 | Monday", "Putin to Trump: be my guest"] + Self.story.dropFirst()
        let relation = Self.relation(copy)
        #expect(relation == .copyEdited(changes: .init(replacedOpening: 1, added: 2)))
        #expect(relation.description == "copy-edited: first paragraph left out, 2 paragraphs added, the rest word for word")
        // More added than left out is an expansion.
        let longer = Self.relation(copy + ["Related: Helsinki summit, a week on"])
        #expect(longer == .expanded(changes: .init(replacedOpening: 1, added: 3)))
        #expect(longer.description == "expanded: 3 paragraphs added, first paragraph left out")
    }

    @Test func oneParagraphDroppedInsideIsATrimNotARewrite() {
        var copy = Self.story
        copy.remove(at: 2)
        let relation = Self.relation(copy)
        #expect(relation == .copyEdited(changes: .init(droppedInside: 1)))
        #expect(relation.description == "copy-edited: 1 paragraph dropped, the rest word for word")
        copy.remove(at: 3)
        #expect(Self.relation(copy) == .rewrite(kept: 4, paragraphs: 6, changes: .init(droppedInside: 2)))
    }

    @Test func aBundleSaysHowMuchOfTheStoryItHolds() {
        #expect(CopyRelation.bundle(containment: 0.874).description == "bundle containing the story (87% of its text) among items of its own")
        #expect(CopyRelation.bundle(containment: 0.874).kind == "bundle")
    }
}
