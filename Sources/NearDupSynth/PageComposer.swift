import NearDup

/// Lays out pages: the wire agency's own copy, an outlet's page, a digest page.
///
/// A wire page is hard-wrapped like wire copy (first line of each paragraph indented,
/// "CITY, Mon D (Agency) - " before the lead, a contributor line at the end). An outlet
/// page has a line per paragraph between the outlet's fixed header and footer, with its
/// own headline, byline, date and dateline styles and any "Related article:" lines and
/// captions; a scanned print page is wrapped into narrow columns with hyphenated breaks.
struct PageComposer {
    struct Page {
        var text: [UInt8] = []
        var edits: [String] = []
    }

    struct StoryContext {
        var story: StoryText
        var agency: String
        var place: String
        var reporter: String
        var storyDay: SynthDay
    }

    // MARK: Wire copy

    func wirePage(_ context: StoryContext, paragraphs: [BodyParagraph], updateNote: String?, random: inout SynthRandom) -> Page {
        var page = Page()
        page.text.append(contentsOf: context.story.title)
        page.text.append(contentsOf: [ByteText.newline, ByteText.newline])
        if let updateNote {
            page.text.append(updateNote)
            page.text.append(contentsOf: [ByteText.newline, ByteText.newline])
        }
        var breaks = 0
        for (index, paragraph) in paragraphs.enumerated() {
            var line: [UInt8] = []
            if index == 0 {
                line.append("\(context.place), \(context.storyDay.short) (\(context.agency)) - ")
            } else {
                page.text.append("    ")
            }
            line.append(contentsOf: paragraph.bytes)
            OCRNoise.wrap(line, width: 66, hyphenation: 0, breaks: &breaks, random: &random, into: &page.text, indent: index == 0 ? 0 : 4)
            page.text.append(ByteText.newline)
        }
        let editor = SynthVocabulary.person(random.below(900))
        page.text.append("    (Reporting by \(context.reporter); Editing by \(editor))\n")
        return page
    }

    // MARK: Outlet pages

    struct Furniture {
        var related: [[UInt8]] = []
        var captions: Int = 0
    }

    func outletPage(_ context: StoryContext, outlet: Outlet, paragraphs: [BodyParagraph], day: SynthDay,
                    furniture: Furniture, scanned: Bool, configuration: SynthConfiguration,
                    random: inout SynthRandom) -> Page {
        var page = Page()
        var lines: [[UInt8]] = []
        lines.append(Array(outlet.header.utf8))
        if outlet.isPrint { lines.append(Array("A\(random.int(in: 2...24)) | \(day.printed)".utf8)) }
        lines.append(headline(context.story, outlet: outlet, random: &random))
        page.edits.append("headline:\(outlet.headline.rawValue)")
        if let byline = byline(context, outlet: outlet, day: day) {
            lines.append(Array(byline.utf8))
            page.edits.append("byline:\(outlet.byline.rawValue)")
        }
        if outlet.showsDate {
            lines.append(Array(random.pick([day.long, "Published \(day.short), \(day.year)", "Updated \(day.long)"]).utf8))
        }
        page.edits.append("dateline:\(outlet.dateline.rawValue)")
        var body: [[UInt8]] = paragraphs.map(\.bytes)
        if !body.isEmpty { body[0] = Array(dateline(context, style: outlet.dateline).utf8) + body[0] }
        // Furniture goes between body paragraphs, never before the lead.
        var inserts: [(Int, [UInt8])] = []
        for headline in furniture.related {
            inserts.append((random.int(in: 1...max(1, body.count)), Array(outlet.relatedPrefix.utf8) + headline))
        }
        for _ in 0..<furniture.captions {
            inserts.append((random.int(in: 1...max(1, body.count)), caption(context, day: day, random: &random)))
        }
        // Last position first; at one position, later lines first, so they end up in drawing order.
        let ordered = inserts.indices.sorted { inserts[$0].0 != inserts[$1].0 ? inserts[$0].0 > inserts[$1].0 : $0 > $1 }
        for index in ordered { body.insert(inserts[index].1, at: min(inserts[index].0, body.count)) }
        if !furniture.related.isEmpty { page.edits.append("related:\(furniture.related.count)") }
        if furniture.captions > 0 { page.edits.append("captions:\(furniture.captions)") }
        lines.append(contentsOf: body)
        lines.append(contentsOf: outlet.footer.map { Array($0.utf8) })
        page.edits.append("header")
        page.edits.append("footer")
        if scanned {
            var breaks = 0
            for (index, line) in lines.enumerated() {
                if index > 0 { page.text.append(contentsOf: [ByteText.newline, ByteText.newline]) }
                OCRNoise.wrap(line, width: outlet.columnWidth, hyphenation: configuration.hyphenationProbability,
                              breaks: &breaks, random: &random, into: &page.text)
            }
            page.text.append(ByteText.newline)
            if breaks > 0 { page.edits.append("hyphenation:\(breaks)") }
        } else {
            for line in lines {
                page.text.append(contentsOf: line)
                page.text.append(ByteText.newline)
            }
        }
        return page
    }

    /// A new headline: the story's title or the opening words of its lead, in the
    /// outlet's style.
    func headline(_ story: StoryText, outlet: Outlet, random: inout SynthRandom) -> [UInt8] {
        var words = story.title
        if random.chance(0.4), let lead = story.paragraphs.first {
            // The lead's opening words, up to the first sentence end, without trailing small words.
            var tokens = Array(ByteText.tokens(lead.bytes).prefix(random.int(in: 6...9)))
            if let end = tokens.firstIndex(where: { ByteText.endsSentence($0, in: lead.bytes) }) { tokens = Array(tokens[...end]) }
            while tokens.count > 3, let last = tokens.last,
                  Self.trailingSmallWords.contains(lead.bytes[last].map(ByteText.lower).filter(ByteText.isLetter)) {
                tokens.removeLast()
            }
            if let first = tokens.first, let last = tokens.last {
                words = Array(lead.bytes[first.lowerBound..<last.upperBound]).filter { $0 != 0x2C && $0 != 0x2E && $0 != 0x22 }
            }
        }
        switch outlet.headline {
        case .title: return ByteText.titleCased(words)
        case .sentence: return ByteText.sentenceCased(words)
        case .upper: return ByteText.uppercased(words)
        case .kicker: return Array("\(outlet.section): ".utf8) + ByteText.titleCased(words)
        }
    }

    private static let trailingSmallWords: Set<[UInt8]> = Set(
        ["a", "an", "and", "at", "by", "for", "from", "in", "of", "on", "or", "that", "the", "to", "with", "its", "it", "is", "was", "said"]
            .map { Array($0.utf8) })

    func byline(_ context: StoryContext, outlet: Outlet, day: SynthDay) -> String? {
        switch outlet.byline {
        case .none: nil
        case .agency: "By \(context.agency)"
        case .agencyStaff: "By \(context.agency) Staff"
        case .reporter: "By \(context.reporter), \(context.agency)"
        case .pipe: "\(context.agency) | \(outlet.name) | \(day.long)"
        case .staffAndWire: "\(outlet.name) staff and wire reports"
        }
    }

    func dateline(_ context: StoryContext, style: Outlet.DatelineStyle) -> String {
        switch style {
        case .wire: "\(context.place), \(context.storyDay.short) (\(context.agency)) - "
        case .agencyOnly: "\(context.place) (\(context.agency)) \u{2014} "
        case .placeOnly: "\(context.place) - "
        case .none: ""
        }
    }

    private func caption(_ context: StoryContext, day: SynthDay, random: inout SynthRandom) -> [UInt8] {
        let name = context.story.names.isEmpty ? "A trader" : String(decoding: random.pick(context.story.names), as: UTF8.self)
        let action = random.pick(SynthVocabulary.captionActions)
        let city = String(decoding: ByteText.titleCased(Array(context.place.utf8)), as: UTF8.self)
        let photographer = SynthVocabulary.person(random.below(900))
        let agency = context.agency.uppercased()
        switch random.below(3) {
        case 0: return Array("Photo: \(name) \(action) \(city) on \(day.weekdayName). \(agency)/\(photographer)".utf8)
        case 1: return Array("\(name) \(action) \(city), \(day.long). \(agency)/\(photographer)".utf8)
        default: return Array("FILE PHOTO: \(name) \(action) \(city). \(agency)/\(photographer)".utf8)
        }
    }

    // MARK: Digests

    struct DigestItem {
        var headline: [UInt8]
        var text: [UInt8]
    }

    func digestPage(outlet: Outlet, title: String, day: SynthDay, items: [DigestItem]) -> Page {
        var page = Page()
        var lines: [String] = [outlet.header, title, day.long]
        for item in items {
            lines.append(String(decoding: item.headline, as: UTF8.self))
            lines.append(String(decoding: item.text, as: UTF8.self))
        }
        lines.append(contentsOf: outlet.footer)
        for line in lines {
            page.text.append(line)
            page.text.append(ByteText.newline)
        }
        page.edits = ["digest:\(items.count)", "header", "footer"]
        return page
    }
}
