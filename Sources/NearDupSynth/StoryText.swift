import NearDup

/// A paragraph of a story version or page body, with where it came from.
struct BodyParagraph: Sendable {
    /// The original's paragraph index (>= 0), `writeThru` for a paragraph a later version
    /// added, `local` for one an outlet added.
    var origin: Int32
    var bytes: [UInt8]
    var words: Int

    static let writeThru: Int32 = -1
    static let local: Int32 = -2

    init(origin: Int32, bytes: [UInt8]) {
        self.origin = origin
        self.bytes = bytes
        words = ByteText.wordCount(bytes)
    }

    /// With a known word count (`TextVariant` keeps the words of a paragraph).
    init(origin: Int32, bytes: [UInt8], words: Int) {
        self.origin = origin
        self.bytes = bytes
        self.words = words
    }
}

/// One version of a story: its title and body paragraphs, and the names it mentions.
struct StoryText: Sendable {
    var title: [UInt8]
    var paragraphs: [BodyParagraph]
    /// The names it mentions (filled when asked for, see `StoryBuilder.build`).
    var names: [[UInt8]]
    var namesKnown = false
    var version: Int
    /// Base stories (indices into `BaseCorpus.stories`) the text comes from, in order of first use.
    var baseStories: [Int32]
    /// For a hard negative: sentences and words quoted from its parent.
    var borrowedSentences = 0
    var borrowedWords = 0

    var words: Int { paragraphs.reduce(0) { $0 + $1.words } }
}

/// Builds story versions from their recipes.
///
/// Version 1 is the recipe's base paragraphs, rewritten for their pass. A hard negative
/// is built by `NegativeBuilder` from its own paragraphs and its parent's version 1.
/// Version 2 inserts 1-2 filler paragraphs (given the story's names) in the second half
/// of version 1 and copy-edits up to 2% of its words; version 3 does the same to version 2.
struct StoryBuilder: Sendable {
    let corpus: BaseCorpus
    let variant: TextVariant
    let plan: CorpusPlan
    let configuration: SynthConfiguration

    func mainKey(pass: UInt32) -> UInt64 {
        pass == 0 ? 0 : SplitMix64.mix(configuration.seed ^ (UInt64(pass) << 20) ^ 0x3A17) | 1
    }

    func fillerKey(pass: UInt32) -> UInt64 {
        pass == 0 ? 0 : SplitMix64.mix(configuration.seed ^ (UInt64(pass) << 20) ^ 0xF111) | 1
    }

    /// The story's title as its original runs it (before any outlet restyles it).
    func title(of storyIndex: Int) -> [UInt8] {
        let story = plan.stories[storyIndex]
        if story.kind == .negative {
            let parentTitle = title(of: Int(story.parent))
            var random = SynthRandom(seed: configuration.seed, stream: 0x7171_E000, UInt64(storyIndex))
            return parentTitle + Array(random.pick(SynthVocabulary.negativeTitleSuffixes).utf8)
        }
        let base = corpus.stories[Int(story.titleStory)].title
        return ByteText.titleCased(variant.applyToTitle(base, key: mainKey(pass: story.pass)))
    }

    /// Version `version` of the story; its names are found when `withNames` (always for a
    /// negative or a later version, which need them).
    func build(_ storyIndex: Int, version: Int = 1, withNames: Bool = false) -> StoryText {
        let story = plan.stories[storyIndex]
        let key = mainKey(pass: story.pass)
        var paragraphs: [BodyParagraph] = []
        paragraphs.reserveCapacity(story.paragraphs.count + 4)
        var baseStories: [Int32] = []
        var lastStory = -1
        for slot in story.paragraphs {
            let index = Int(plan.mainParagraphs[Int(slot)])
            paragraphs.append(BodyParagraph(
                origin: Int32(paragraphs.count), bytes: variant.apply(corpus.paragraphs[index].bytes, key: key),
                words: corpus.paragraphs[index].words))
            let baseStory = corpus.paragraphs[index].story
            if baseStory != lastStory {
                lastStory = baseStory
                baseStories.append(Int32(baseStory))
            }
        }
        var text = StoryText(title: title(of: storyIndex), paragraphs: paragraphs, names: [], version: 1, baseStories: baseStories)
        if withNames || version > 1 {
            text.names = names(in: text.paragraphs)
            text.namesKnown = true
        }
        if story.kind == .negative {
            let parent = build(Int(story.parent), withNames: true)
            var random = SynthRandom(seed: configuration.seed, stream: 0x4E60_0000, UInt64(storyIndex))
            text = NegativeBuilder(variant: variant).build(own: text, parent: parent, random: &random)
        }
        guard version > 1 else { return text }
        for step in 2...min(version, Int(story.versions)) {
            var random = SynthRandom(seed: configuration.seed, stream: 0x5E50_0000, UInt64(storyIndex) << 2 | UInt64(step))
            let fillers = step == 2
                ? story.versionFiller.prefix(Int(story.secondVersionAdds))
                : story.versionFiller.dropFirst(Int(story.secondVersionAdds))
            for slot in fillers {
                let bytes = filler(plan.filler[Int(slot)], names: text.names, random: &random)
                let lower = max(1, text.paragraphs.count / 2)
                let at = random.int(in: lower...text.paragraphs.count)
                text.paragraphs.insert(BodyParagraph(origin: BodyParagraph.writeThru, bytes: bytes), at: at)
            }
            var editor = CopyEditor(classes: .all, occurrenceProbability: 0.5, budget: 0.02)
            editor.edit(&text.paragraphs, random: &random)
            text.version = step
        }
        return text
    }

    /// The first paragraphs of version 1, up to at least `words` words (for digest items).
    func opening(of storyIndex: Int, words: Int) -> [[UInt8]] {
        let story = plan.stories[storyIndex]
        if story.kind == .negative { return build(storyIndex).paragraphs.prefix(2).map(\.bytes) }
        let key = mainKey(pass: story.pass)
        var result: [[UInt8]] = []
        var total = 0
        for slot in story.paragraphs where total < words {
            let paragraph = corpus.paragraphs[Int(plan.mainParagraphs[Int(slot)])]
            result.append(variant.apply(paragraph.bytes, key: key))
            total += paragraph.words
        }
        return result
    }

    /// A filler paragraph for its pass, its names replaced by the story's.
    func filler(_ reference: CorpusPlan.FillerReference, names: [[UInt8]], random: inout SynthRandom) -> [UInt8] {
        let bytes = variant.apply(corpus.paragraphs[Int(reference.paragraph)].bytes, key: fillerKey(pass: reference.pass))
        return variant.replacingNames(in: bytes, with: names, key: random.next() | 1)
    }

    /// Up to eight distinct names of the base vocabulary, in order of appearance.
    func names(in paragraphs: [BodyParagraph]) -> [[UInt8]] {
        var found: [[UInt8]] = []
        var seen = WordTable()
        for paragraph in paragraphs {
            for name in variant.names(in: paragraph.bytes) where seen.insert(ByteText.hash(name), value: 0) {
                found.append(name)
                if found.count == 8 { return found }
            }
        }
        return found
    }
}
