import NearDup

/// Digest pages: 3-5 items, each a different story's headline and its opening sentences
/// (at most 60 words, less than an excerpt's 80), under one outlet's header. By the
/// labelling rule a bundle of items is compared as a whole and is never a copy of one
/// story in it, so a digest is a singleton.
struct DigestBuilder {
    let builder: StoryBuilder
    let composer: PageComposer

    static let maximumItemWords = 60

    func page(_ digest: CorpusPlan.Digest, outlet: Outlet, random: inout SynthRandom) -> (PageComposer.Page, body: [UInt8], items: [Int]) {
        let (items, body, stories) = items(of: digest)
        let title = random.pick(SynthVocabulary.digestTitles)
        let page = composer.digestPage(outlet: outlet, title: title, day: SynthDay(daysSinceEpoch: Int(digest.day)), items: items)
        return (page, body, stories)
    }

    /// The digest's items (headline, then dateline and opening), its body (the openings, a
    /// line each) and the stories of its items.
    func items(of digest: CorpusPlan.Digest) -> (items: [PageComposer.DigestItem], body: [UInt8], stories: [Int]) {
        var items: [PageComposer.DigestItem] = []
        var body: [UInt8] = []
        var stories: [Int] = []
        for slot in digest.items {
            let storyIndex = Int(builder.plan.digestItems[Int(slot)])
            stories.append(storyIndex)
            let story = builder.plan.stories[storyIndex]
            let opening = builder.opening(of: storyIndex, words: Self.maximumItemWords)
            var text: [UInt8] = []
            var words = 0
            for sentence in opening.flatMap(ByteText.sentences) {
                let count = ByteText.wordCount(sentence)
                if words > 0 && words + count > Self.maximumItemWords { break }
                if !text.isEmpty { text.append(ByteText.space) }
                if words + count > Self.maximumItemWords {
                    let tokens = ByteText.tokens(sentence).prefix(Self.maximumItemWords)
                    text.append(contentsOf: sentence[..<tokens.last!.upperBound])
                    text.append("...")
                    words = Self.maximumItemWords
                    break
                }
                text.append(contentsOf: sentence)
                words += count
            }
            if !body.isEmpty { body.append(ByteText.newline) }
            body.append(contentsOf: text)
            let place = SynthVocabulary.datelinePlaces[Int(story.place)]
            let agency = SynthVocabulary.agencies[Int(story.agency)]
            items.append(.init(headline: builder.title(of: storyIndex), text: Array("\(place) (\(agency)) - ".utf8) + text))
        }
        return (items, body, stories)
    }
}
