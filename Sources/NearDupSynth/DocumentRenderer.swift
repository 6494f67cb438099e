import NearDup

/// Writes one planned document: picks its version, outlet and edits with a generator of
/// its own (seeded by the run's seed and the document's index), so any document can be
/// built alone and in any order.
struct DocumentRenderer {
    let plan: CorpusPlan
    let builder: StoryBuilder
    let roster: OutletRoster
    let configuration: SynthConfiguration
    let composer = PageComposer()
    let idWidth: Int

    init(plan: CorpusPlan, builder: StoryBuilder, roster: OutletRoster, configuration: SynthConfiguration) {
        self.plan = plan
        self.builder = builder
        self.roster = roster
        self.configuration = configuration
        idWidth = max(7, String(plan.documents.count).count)
    }

    func id(atPosition position: Int) -> String {
        let digits = String(position)
        return "d" + String(repeating: "0", count: max(0, idWidth - digits.count)) + digits
    }

    func id(ofDocument index: Int) -> String { id(atPosition: Int(plan.position[index])) }

    static func storyKey(_ index: Int) -> String {
        let digits = String(index)
        return "s" + String(repeating: "0", count: max(0, 7 - digits.count)) + digits
    }

    func render(position: Int) -> SyntheticDocument {
        let documentIndex = Int(plan.order[position])
        let planned = plan.documents[documentIndex]
        var random = SynthRandom(seed: configuration.seed, stream: 0xD0C0_0000, UInt64(documentIndex))
        let id = id(atPosition: position)
        guard planned.story >= 0 else { return digest(planned, id: id, random: &random) }

        let storyIndex = Int(planned.story)
        let story = plan.stories[storyIndex]
        let storyDay = SynthDay(daysSinceEpoch: Int(story.day))
        let agency = SynthVocabulary.agencies[Int(story.agency)]
        let version = planned.ordinal > 0 && story.versions > 1 ? random.int(in: 1...Int(story.versions)) : 1
        var text = builder.build(storyIndex, version: version, withNames: planned.localAdds > 0)
        var context = PageComposer.StoryContext(
            story: text, agency: agency, place: SynthVocabulary.datelinePlaces[Int(story.place)],
            reporter: SynthVocabulary.person(Int(story.reporter)), storyDay: storyDay)
        var document = SyntheticDocument(
            id: id, source: agency, date: storyDay.iso, textBytes: [], kind: .original, story: Self.storyKey(storyIndex),
            original: self.id(ofDocument: Int(story.firstDocument)),
            shadows: story.kind == .negative ? Self.storyKey(Int(story.parent)) : nil,
            version: version, edits: [], base: [], items: [], bodyBytes: [])

        if planned.ordinal == 0 {
            let page = composer.wirePage(context, paragraphs: text.paragraphs, updateNote: nil, random: &random)
            document.kind = story.kind == .negative ? .negative : .original
            document.edits = story.kind == .negative
                ? ["negative", "quoted:\(text.borrowedSentences)/\(text.borrowedWords)w"] : ["original"]
            document.base = text.baseStories.map { builder.corpus.stories[Int($0)].id }
            return finish(document, page: page.text, paragraphs: text.paragraphs)
        }

        let lag = random.unit()
        let day = SynthDay(daysSinceEpoch: Int(story.day) + (lag < 0.5 ? 0 : lag < 0.8 ? 1 : random.int(in: 2...3)))
        document.date = day.iso
        var edits: [String] = version > 1 ? ["version:\(version)"] : []
        if version > 1, random.chance(configuration.agencyWriteThruShare) {
            let note = random.pick(SynthVocabulary.updateNotes)
            let page = composer.wirePage(context, paragraphs: text.paragraphs, updateNote: note, random: &random)
            document.kind = .writeThru
            document.edits = edits + ["write-thru"]
            return finish(document, page: page.text, paragraphs: text.paragraphs)
        }

        let outlet = roster.pick(&random)
        var additions: [BodyParagraph] = []
        for slot in Int(planned.localFiller)..<(Int(planned.localFiller) + Int(planned.localAdds)) {
            let bytes = builder.filler(plan.filler[slot], names: text.names, random: &random)
            additions.append(BodyParagraph(origin: BodyParagraph.local, bytes: bytes))
        }
        let outcome = ParagraphEdits(configuration: configuration).apply(to: text, additions: additions, random: &random)
        var paragraphs = outcome.paragraphs
        edits += outcome.edits
        if let edit = CopyEditor.deskEdits(&paragraphs, configuration: configuration, random: &random) { edits.append(edit) }
        let scanned = random.chance(outlet.isPrint ? configuration.ocrProbabilityPrint : configuration.ocrProbabilityWeb)
        if scanned {
            let changed = OCRNoise.confuse(&paragraphs, rate: configuration.ocrWordRate, random: &random)
            edits.append("ocr:\(changed)")
        }
        var furniture = PageComposer.Furniture()
        if random.chance(configuration.relatedProbability), plan.stories.count > 1 {
            for _ in 0..<random.int(in: 1...3) {
                var other = random.below(plan.stories.count - 1)
                if other >= storyIndex { other += 1 }
                furniture.related.append(builder.title(of: other))
            }
        }
        if random.chance(configuration.captionProbability) {
            furniture.captions = random.int(in: 1...2)
            if !text.namesKnown {
                text.names = builder.names(in: text.paragraphs)
                text.namesKnown = true
                context.story = text
            }
        }
        let page = composer.outletPage(context, outlet: outlet, paragraphs: paragraphs, day: day, furniture: furniture,
                                       scanned: scanned, configuration: configuration, random: &random)
        document.kind = .reprint
        document.source = outlet.name
        document.edits = edits + page.edits
        return finish(document, page: page.text, paragraphs: paragraphs)
    }

    private func digest(_ planned: CorpusPlan.Document, id: String, random: inout SynthRandom) -> SyntheticDocument {
        let digest = plan.digests[Int(planned.ordinal)]
        let outlet = roster.pick(&random)
        let (page, body, items) = DigestBuilder(builder: builder, composer: composer).page(digest, outlet: outlet, random: &random)
        return SyntheticDocument(
            id: id, source: outlet.name, date: SynthDay(daysSinceEpoch: Int(digest.day)).iso,
            textBytes: page.text, kind: .digest, story: nil, original: nil, shadows: nil,
            version: 1, edits: page.edits, base: [], items: items.map(Self.storyKey),
            bodyBytes: body)
    }

    private func finish(_ document: SyntheticDocument, page: [UInt8], paragraphs: [BodyParagraph]) -> SyntheticDocument {
        var document = document
        document.textBytes = page
        var body: [UInt8] = []
        body.reserveCapacity(page.count)
        for paragraph in paragraphs {
            if !body.isEmpty { body.append(ByteText.newline) }
            body.append(contentsOf: paragraph.bytes)
        }
        document.bodyBytes = body
        return document
    }
}
