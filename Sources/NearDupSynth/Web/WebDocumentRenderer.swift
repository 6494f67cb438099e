import NearDup

/// Writes one planned document as a whole web page of its site (`synth --html`): story
/// pages (the agency's original and write-thrus, outlets' reprints, hard negatives),
/// galleries, live-blog snapshots, section fronts and digests.
///
/// A document's address (site, section, path, URL, and for a story page the version it
/// carries) is drawn from a stream of its own, so any document's id can be known without
/// rendering it; everything else comes from the document's page stream, as in text mode.
/// Times are minutes: a story's original is published between 6:00 and 20:00 of its day,
/// each write-thru 25-175 minutes after the previous version, a reprint 5 minutes to 3
/// days after the version it carries, so the original is always the earliest copy; a
/// live blog's snapshots are later crawls of one page.
struct WebDocumentRenderer {
    let plan: CorpusPlan
    let builder: StoryBuilder
    let roster: OutletRoster
    let sites: SiteRoster
    let configuration: SynthConfiguration
    /// Ids are the pages' relative paths (`--pages-dir`), else "d0000042" as in text mode.
    let usesPagePaths: Bool
    let photoDesk: WirePhotoDesk
    let composer = PageComposer()
    let webComposer = WebPageComposer()
    let idWidth: Int

    init(plan: CorpusPlan, builder: StoryBuilder, roster: OutletRoster, configuration: SynthConfiguration, usesPagePaths: Bool) {
        self.plan = plan
        self.builder = builder
        self.roster = roster
        self.configuration = configuration
        self.usesPagePaths = usesPagePaths
        sites = SiteRoster(outlets: roster.outlets, configuration: configuration)
        photoDesk = WirePhotoDesk(seed: configuration.seed)
        idWidth = max(7, String(plan.documents.count).count)
    }

    // MARK: Ids and addresses

    struct Address {
        var site: SiteTemplate
        /// The outlet, for an outlet's page; nil on an agency's site.
        var outlet: Outlet?
        /// Key of the site for per-site, per-day furniture.
        var siteKey: Int
        /// Story version (story pages).
        var version = 1
        var section: String
        var path: String
        var url: String
        /// A digest's title.
        var label = ""
    }

    func id(atPosition position: Int) -> String {
        usesPagePaths ? address(ofDocument: Int(plan.order[position])).path : serial(position)
    }

    func id(ofDocument index: Int) -> String {
        usesPagePaths ? address(ofDocument: index).path : serial(Int(plan.position[index]))
    }

    private func serial(_ position: Int) -> String {
        let digits = String(position)
        return "d" + String(repeating: "0", count: max(0, idWidth - digits.count)) + digits
    }

    func address(ofDocument index: Int) -> Address {
        let planned = plan.documents[index]
        var random = SynthRandom(seed: configuration.seed, stream: 0xADD2_0000, UInt64(index))
        let position = Int(plan.position[index])
        func outletAddress(_ rank: Int, section: String, slug: String, code: String, version: Int = 1) -> Address {
            let site = sites.outlets[rank]
            let folder = HTMLBytes.slug(Array(section.utf8))
            return Address(site: site, outlet: roster.outlets[rank], siteKey: rank, version: version, section: section,
                           path: "\(site.folder)/\(folder)/\(slug)-\(position).html", url: "https://\(site.host)/\(folder)/\(slug)\(code)")
        }
        switch planned.page {
        case .story:
            let storyIndex = Int(planned.story)
            let story = plan.stories[storyIndex]
            let version = planned.ordinal > 0 && story.versions > 1 ? random.int(in: 1...Int(story.versions)) : 1
            let slug = HTMLBytes.slug(builder.title(of: storyIndex))
            if planned.ordinal == 0 || (version > 1 && random.chance(configuration.agencyWriteThruShare)) {
                // The agency's article, updated in place by its write-thrus: one URL.
                let site = sites.agencies[Int(story.agency)]
                return Address(site: site, outlet: nil, siteKey: 1 << 20 | Int(story.agency), version: version, section: "World",
                               path: "\(site.folder)/article/\(slug)-\(position).html",
                               url: "https://\(site.host)/article/\(slug)-id\(code(storyIndex, 0x57))")
            }
            let rank = roster.pickIndex(&random)
            return outletAddress(rank, section: random.pick(sites.outlets[rank].sections), slug: slug,
                                 code: "-\(code(index, 0xD0))", version: version)
        case .gallery:
            let gallery = plan.galleries[Int(planned.story)]
            let slug = "photos-" + HTMLBytes.slug(builder.title(of: Int(gallery.story)), words: 6)
            return outletAddress(roster.pickIndex(&random), section: "Photos", slug: slug, code: "-\(code(index, 0x6A))")
        case .liveBlog:
            // Every snapshot is the same page of the same site.
            let blogIndex = Int(planned.story)
            var blogRandom = SynthRandom(seed: configuration.seed, stream: 0xB106_0000, UInt64(blogIndex))
            let slug = "live-" + HTMLBytes.slug(builder.title(of: Int(plan.liveBlogs[blogIndex].story)), words: 6)
            return outletAddress(roster.pickIndex(&blogRandom), section: "Live", slug: slug, code: "-\(code(blogIndex, 0xB1))")
        case .listing:
            let rank = roster.pickIndex(&random)
            let section = random.pick(sites.outlets[rank].sections)
            var address = outletAddress(rank, section: section, slug: "front", code: "")
            address.url = "https://\(address.site.host)/\(HTMLBytes.slug(Array(section.utf8)))/"
            return address
        case .digest:
            let title = random.pick(SynthVocabulary.digestTitles)
            var address = outletAddress(roster.pickIndex(&random), section: "Briefs", slug: HTMLBytes.slug(Array(title.utf8)), code: "-\(code(index, 0xD1))")
            address.label = title
            return address
        }
    }

    /// A short, stable article code for URLs ("a1b2c3d4").
    private func code(_ value: Int, _ salt: UInt64) -> String {
        String(SplitMix64.mix(configuration.seed ^ salt << 40 ^ UInt64(value)) & 0xFFFF_FFFF, radix: 16)
    }

    // MARK: Times

    func originalTime(_ storyIndex: Int) -> PageTime {
        let minute = 360 + Int(SplitMix64.mix(configuration.seed ^ 0x7133_0000_0000 ^ UInt64(storyIndex)) % 840)
        return .day(Int(plan.stories[storyIndex].day), minute: minute)
    }

    func versionTime(_ storyIndex: Int, version: Int) -> PageTime {
        var time = originalTime(storyIndex)
        if version >= 2 {
            for step in 2...version {
                time.minutes += 25 + Int(SplitMix64.mix(configuration.seed ^ 0x7134_0000_0000 ^ UInt64(storyIndex) << 4 ^ UInt64(step)) % 150)
            }
        }
        return time
    }

    // MARK: Pages

    func render(position: Int) -> SyntheticDocument {
        let index = Int(plan.order[position])
        let planned = plan.documents[index]
        let address = address(ofDocument: index)
        var random = SynthRandom(seed: configuration.seed, stream: 0x3EB0_D0C0, UInt64(index))
        let id = usesPagePaths ? address.path : serial(position)
        switch planned.page {
        case .story: return storyPage(planned, id: id, address: address, random: &random)
        case .gallery: return galleryPage(plan.galleries[Int(planned.story)], id: id, address: address, random: &random)
        case .liveBlog: return liveBlogPage(Int(planned.story), snapshot: Int(planned.ordinal), id: id, address: address, random: &random)
        case .listing: return listingPage(plan.listings[Int(planned.story)], id: id, address: address, random: &random)
        case .digest: return digestPage(plan.digests[Int(planned.ordinal)], id: id, address: address, random: &random)
        }
    }

    private func storyPage(_ planned: CorpusPlan.Document, id: String, address: Address, random: inout SynthRandom) -> SyntheticDocument {
        let storyIndex = Int(planned.story)
        let story = plan.stories[storyIndex]
        let version = address.version
        let site = address.site
        let text = builder.build(storyIndex, version: version, withNames: planned.localAdds > 0)
        let agency = SynthVocabulary.agencies[Int(story.agency)]
        let place = SynthVocabulary.datelinePlaces[Int(story.place)]
        let reporter = SynthVocabulary.person(Int(story.reporter))
        let storyDay = SynthDay(daysSinceEpoch: Int(story.day))
        let context = PageComposer.StoryContext(story: text, agency: agency, place: place, reporter: reporter, storyDay: storyDay)
        var document = SyntheticDocument(
            id: id, source: site.name, date: "", url: address.url, textBytes: [], kind: .original,
            story: DocumentRenderer.storyKey(storyIndex), original: self.id(ofDocument: Int(story.firstDocument)),
            shadows: story.kind == .negative ? DocumentRenderer.storyKey(Int(story.parent)) : nil,
            version: version, edits: version > 1 ? ["version:\(version)"] : [], base: [], items: [], bodyBytes: [])

        var paragraphs: [BodyParagraph]
        var headline: [UInt8]
        var byline: String?
        var dateline: String
        var published: PageTime
        var modified: PageTime?
        var closing: String?
        if let outlet = address.outlet {
            var additions: [BodyParagraph] = []
            for slot in Int(planned.localFiller)..<(Int(planned.localFiller) + Int(planned.localAdds)) {
                additions.append(BodyParagraph(origin: BodyParagraph.local, bytes: builder.filler(plan.filler[slot], names: text.names, random: &random)))
            }
            let outcome = ParagraphEdits(configuration: configuration).apply(to: text, additions: additions, random: &random)
            paragraphs = outcome.paragraphs
            document.edits += outcome.edits
            if let edit = CopyEditor.deskEdits(&paragraphs, configuration: configuration, random: &random) { document.edits.append(edit) }
            headline = composer.headline(text, outlet: outlet, random: &random)
            let lag = random.unit()
            let minutes = lag < 0.5 ? random.int(in: 5...360) : lag < 0.8 ? random.int(in: 600...2000) : random.int(in: 2880...4600)
            published = PageTime(minutes: versionTime(storyIndex, version: version).minutes + minutes)
            byline = composer.byline(context, outlet: outlet, day: published.day)
            dateline = composer.dateline(context, style: outlet.dateline)
            document.kind = .reprint
            document.edits += ["headline:\(outlet.headline.rawValue)", "byline:\(outlet.byline.rawValue)", "dateline:\(outlet.dateline.rawValue)"]
        } else {
            paragraphs = text.paragraphs
            headline = text.title
            byline = "By \(reporter)"
            dateline = composer.dateline(context, style: .wire)
            published = originalTime(storyIndex)
            closing = "(Reporting by \(reporter); Editing by \(SynthVocabulary.person(random.below(900))))"
            if version > 1 {
                modified = versionTime(storyIndex, version: version)
                document.kind = .writeThru
                document.edits.append("write-thru")
            } else if story.kind == .negative {
                document.kind = .negative
                document.edits += ["negative", "quoted:\(text.borrowedSentences)/\(text.borrowedWords)w"]
            } else {
                document.edits.append("original")
            }
            if planned.ordinal == 0 { document.base = text.baseStories.map { builder.corpus.stories[Int($0)].id } }
        }
        document.date = (modified ?? published).iso

        // Furniture in the article: photos of the event, related links, newsletter box, ads.
        let settings = configuration.web
        let event = story.kind == .negative ? Int(story.parent) : storyIndex
        let leadPhoto = random.chance(settings.leadPhotoProbability) ? random.below(story.kind == .negative ? 4 : 2) : nil
        let inlinePhoto = paragraphs.count >= 3 && random.chance(settings.inlinePhotoProbability) ? 2 + random.below(3) : nil
        var photos: [Int: WirePhoto] = [:]
        if leadPhoto != nil || inlinePhoto != nil {
            let eventText = builder.build(event, withNames: true)
            let eventStory = plan.stories[event]
            for index in [leadPhoto, inlinePhoto].compactMap({ $0 }) {
                photos[index] = photoDesk.photo(event: event, index: index, story: eventText,
                                                place: SynthVocabulary.datelinePlaces[Int(eventStory.place)], day: Int(eventStory.day))
            }
        }
        var related: [(headline: [UInt8], url: String)] = []
        if address.outlet != nil, random.chance(configuration.relatedProbability), plan.stories.count > 1 {
            for _ in 0..<random.int(in: 1...3) {
                var other = random.below(plan.stories.count - 1)
                if other >= storyIndex { other += 1 }
                let title = builder.title(of: other)
                related.append((title, "https://\(site.host)/\(HTMLBytes.slug(Array(address.section.utf8)))/\(HTMLBytes.slug(title))"))
            }
        }
        let gaps = max(1, paragraphs.count - 1)
        let relatedAt = related.isEmpty ? -1 : random.below(gaps)
        let photoAt = inlinePhoto == nil ? -1 : 1 + random.below(gaps)
        let newsletterAt = !site.inlineNewsletter.isEmpty && random.chance(settings.inlineNewsletterProbability) ? 1 + random.below(gaps) : -1
        if leadPhoto != nil { document.edits.append("lead-photo") }
        if inlinePhoto != nil { document.edits.append("inline-photo") }
        if !related.isEmpty { document.edits.append("related:\(related.count)") }
        if newsletterAt >= 0 { document.edits.append("inline-newsletter") }
        document.edits.append("template:\(site.layout.rawValue)/\(site.classes.scheme.rawValue)")

        let description = Self.firstSentence(paragraphs.first?.bytes ?? headline, words: 30)
        let metadata = WebPageComposer.Metadata(headline: headline, description: description, url: address.url, published: published,
                                                modified: modified, author: byline.map { $0.hasPrefix("By ") ? String($0.dropFirst(3)) : $0 },
                                                section: address.section)
        let rail = rail(address, day: published.minutes / 1440, random: &random)
        var ads = 0
        document.textBytes = webComposer.page(site: site, metadata: metadata, rail: rail) { output in
            site.writeHeadline(headline, into: &output)
            if let byline { site.writeByline(byline, into: &output) }
            site.writeTime(modified ?? published, prefix: modified == nil ? "" : "Updated ", into: &output)
            if site.shareOnTop { output.append(contentsOf: site.shareBar) }
            if let leadPhoto, let photo = photos[leadPhoto] { site.writeFigure(photo, into: &output) }
            output.append(contentsOf: site.bodyOpen)
            for (index, paragraph) in paragraphs.enumerated() {
                site.writeParagraph(index == 0 ? Array(dateline.utf8) + paragraph.bytes : paragraph.bytes, into: &output)
                if index == relatedAt { site.writeRelated(related, into: &output) }
                if index + 1 == photoAt, let inlinePhoto, let photo = photos[inlinePhoto] { site.writeFigure(photo, into: &output) }
                if index + 1 == newsletterAt { output.append(contentsOf: site.inlineNewsletter) }
                if site.adEvery > 0, (index + 1) % site.adEvery == 0, index + 1 < paragraphs.count {
                    ads += 1
                    site.writeAd(ads, into: &output)
                }
            }
            if let closing { site.writeParagraph(Array(closing.utf8), into: &output) }
            output.append(contentsOf: site.bodyClose)
            if !site.shareOnTop { output.append(contentsOf: site.shareBar) }
            output.append(contentsOf: site.commentBox)
        }
        if ads > 0 { document.edits.append("ads:\(ads)") }
        document.bodyBytes = Self.joined(paragraphs.map(\.bytes))
        return document
    }

    private func galleryPage(_ gallery: CorpusPlan.Gallery, id: String, address: Address, random: inout SynthRandom) -> SyntheticDocument {
        let site = address.site
        let event = Int(gallery.story)
        let eventStory = plan.stories[event]
        let eventText = builder.build(event, withNames: true)
        let headline = Array(random.pick(WebVocabulary.galleryPrefixes).utf8) + eventText.title
        let published = PageTime(minutes: originalTime(event).minutes + random.int(in: 60...600))
        let photos = (0..<Int(gallery.photos)).map {
            photoDesk.photo(event: event, index: $0, story: eventText, place: SynthVocabulary.datelinePlaces[Int(eventStory.place)], day: Int(eventStory.day))
        }
        let metadata = WebPageComposer.Metadata(headline: headline, description: photos[0].caption, url: address.url, published: published,
                                                modified: nil, author: nil, section: address.section)
        let controls = random.pick(WebVocabulary.galleryControls)
        let rail = rail(address, day: published.minutes / 1440, random: &random)
        let page = webComposer.page(site: site, metadata: metadata, rail: rail) { output in
            site.writeHeadline(headline, into: &output)
            site.writeTime(published, into: &output)
            if site.shareOnTop { output.append(contentsOf: site.shareBar) }
            for (index, photo) in photos.enumerated() {
                site.writeFigure(photo, counter: "\(index + 1) of \(photos.count)", into: &output)
            }
            output.append("<div class=\"\(site.classes[.wrapper])\">\(controls.map { "<button type=\"button\">\(HTMLBytes.escaped($0))</button>" }.joined())</div>\n")
            if !site.shareOnTop { output.append(contentsOf: site.shareBar) }
        }
        return SyntheticDocument(
            id: id, source: site.name, date: published.iso, url: address.url, textBytes: page, kind: .gallery, story: nil,
            original: nil, shadows: nil, version: 1, edits: ["gallery:\(photos.count)", "template:\(site.layout.rawValue)/\(site.classes.scheme.rawValue)"],
            base: [], items: [DocumentRenderer.storyKey(event)], bodyBytes: Self.joined(photos.map { $0.caption + [ByteText.space] + $0.credit }))
    }

    private func liveBlogPage(_ blogIndex: Int, snapshot: Int, id: String, address: Address, random: inout SynthRandom) -> SyntheticDocument {
        let site = address.site
        let blog = plan.liveBlogs[blogIndex]
        let storyIndex = Int(blog.story)
        let story = plan.stories[storyIndex]
        let text = builder.build(storyIndex, withNames: true)
        var blogRandom = SynthRandom(seed: configuration.seed, stream: 0xB108_0000, UInt64(blogIndex))
        let headline = Array(blogRandom.pick(WebVocabulary.liveBlogPrefixes).utf8) + text.title
        let summary = blogRandom.pick(WebVocabulary.liveBlogSummaries)
        let itemHeadlines = blogRandom.chance(0.6)
        let items = plan.liveItems[Int(blog.items.lowerBound)..<Int(blog.items.upperBound)]
        let featured = Int(blog.featuredItem)
        let opened = PageTime(minutes: originalTime(storyIndex).minutes + 10 - Int(items[items.startIndex + featured].minute))
        let window = blog.snapshots[snapshot]
        let newest = items[items.startIndex + Int(window.upperBound) - 1]
        let crawled = PageTime(minutes: opened.minutes + Int(newest.minute) + 3 + Int(SplitMix64.mix(UInt64(blogIndex) << 8 ^ UInt64(snapshot)) % 5))
        let agency = SynthVocabulary.agencies[Int(story.agency)]
        let place = SynthVocabulary.datelinePlaces[Int(story.place)]

        var posts: [(time: PageTime, headline: [UInt8]?, paragraphs: [[UInt8]])] = []
        for item in window.reversed() {
            let planned = items[items.startIndex + Int(item)]
            let time = PageTime(minutes: opened.minutes + Int(planned.minute))
            if Int(item) == featured {
                var paragraphs = text.paragraphs.map(\.bytes)
                paragraphs[0] = Array("\(place) (\(agency)) - ".utf8) + paragraphs[0]
                posts.append((time, text.title, paragraphs))
                continue
            }
            // Each item is drawn from its own stream: the same text in every snapshot.
            var itemRandom = SynthRandom(seed: configuration.seed, stream: 0xB107_0000, UInt64(Int(blog.items.lowerBound) + Int(item)))
            let paragraphs = planned.paragraphs.map { builder.filler(plan.filler[Int($0)], names: text.names, random: &itemRandom) }
            posts.append((time, itemHeadlines ? Self.headline(from: paragraphs[0]) : nil, paragraphs))
        }
        let includesStory = window.contains(blog.featuredItem)
        let metadata = WebPageComposer.Metadata(headline: headline, description: Array(summary.utf8), url: address.url, published: opened,
                                                modified: crawled, author: nil, section: address.section)
        let rail = rail(address, day: crawled.minutes / 1440, random: &random)
        let page = webComposer.page(site: site, metadata: metadata, rail: rail) { output in
            site.writeHeadline(headline, into: &output)
            site.writeTime(crawled, prefix: WebVocabulary.liveLastUpdated[blogIndex % WebVocabulary.liveLastUpdated.count] + " ", into: &output)
            site.writeParagraph(Array(summary.utf8), into: &output)
            if site.shareOnTop { output.append(contentsOf: site.shareBar) }
            output.append(contentsOf: site.bodyOpen)
            for (number, post) in posts.enumerated() {
                site.writeLiveItem(time: post.time, headline: post.headline, paragraphs: post.paragraphs, number: posts.count - number, into: &output)
            }
            output.append(contentsOf: site.bodyClose)
            if !site.shareOnTop { output.append(contentsOf: site.shareBar) }
            output.append(contentsOf: site.commentBox)
        }
        return SyntheticDocument(
            id: id, source: site.name, date: crawled.iso, url: address.url, textBytes: page, kind: .liveBlog,
            story: Self.blogKey(blogIndex), original: self.id(ofDocument: Int(blog.firstDocument)), shadows: nil, version: 1,
            edits: ["snapshot:\(snapshot + 1)/\(blog.snapshots.count)", "items:\(window.count)", includesStory ? "story-item" : "no-story-item",
                    "template:\(site.layout.rawValue)/\(site.classes.scheme.rawValue)"],
            base: [], items: [DocumentRenderer.storyKey(storyIndex)], bodyBytes: Self.joined(posts.flatMap { $0.paragraphs }))
    }

    private func listingPage(_ listing: CorpusPlan.Listing, id: String, address: Address, random: inout SynthRandom) -> SyntheticDocument {
        let site = address.site
        let time = PageTime.day(Int(listing.day), minute: random.int(in: 360...1320))
        var teasers: [(headline: [UInt8], url: String, snippet: [UInt8], time: String)] = []
        var keys: [String] = []
        let folder = HTMLBytes.slug(Array(address.section.utf8))
        for slot in listing.stories {
            let storyIndex = Int(plan.listingStories[Int(slot)])
            let title = builder.title(of: storyIndex)
            let snippet = Self.firstSentence(builder.opening(of: storyIndex, words: 30).first ?? title, words: 30)
            let age = random.int(in: 1...23)
            teasers.append((title, "https://\(site.host)/\(folder)/\(HTMLBytes.slug(title))", snippet,
                            random.chance(0.5) ? "\(age) \(age == 1 ? "hour" : "hours") ago" : time.day.long))
            keys.append(DocumentRenderer.storyKey(storyIndex))
        }
        let headline = Array(address.section.utf8)
        let metadata = WebPageComposer.Metadata(headline: headline, description: Array("The latest \(address.section.lowercased()) news from \(site.name).".utf8),
                                                url: address.url, published: time, modified: nil, author: nil, section: address.section,
                                                isArticle: false)
        let more = random.pick(WebVocabulary.listingMore)
        let rail = rail(address, day: Int(listing.day), random: &random)
        let page = webComposer.page(site: site, metadata: metadata, rail: rail) { output in
            site.writeHeadline(headline, into: &output)
            for teaser in teasers {
                site.writeTeaser(headline: teaser.headline, url: teaser.url, snippet: teaser.snippet, time: teaser.time, into: &output)
            }
            output.append("<a href=\"/\(folder)/?page=2\" class=\"\(site.classes[.wrapper])\">\(more)</a>\n")
        }
        return SyntheticDocument(
            id: id, source: site.name, date: time.iso, url: address.url, textBytes: page, kind: .listing, story: nil, original: nil,
            shadows: nil, version: 1, edits: ["listing:\(teasers.count)", "template:\(site.layout.rawValue)/\(site.classes.scheme.rawValue)"],
            base: [], items: keys, bodyBytes: Self.joined(teasers.map { $0.snippet }))
    }

    private func digestPage(_ digest: CorpusPlan.Digest, id: String, address: Address, random: inout SynthRandom) -> SyntheticDocument {
        let site = address.site
        let (items, body, stories) = DigestBuilder(builder: builder, composer: composer).items(of: digest)
        let time = PageTime.day(Int(digest.day), minute: random.int(in: 900...1260))
        let headline = Array(address.label.utf8)
        let metadata = WebPageComposer.Metadata(headline: headline, description: items.first?.headline ?? headline, url: address.url,
                                                published: time, modified: nil, author: nil, section: address.section)
        let rail = rail(address, day: Int(digest.day), random: &random)
        let page = webComposer.page(site: site, metadata: metadata, rail: rail) { output in
            site.writeHeadline(headline, into: &output)
            site.writeTime(time, into: &output)
            output.append(contentsOf: site.bodyOpen)
            for item in items {
                output.append(site.layout == .tables ? "<b>" : "<h2>")
                HTMLBytes.appendStyledText(item.headline, typography: site.typography, to: &output)
                output.append(site.layout == .tables ? "</b><br>\n" : "</h2>\n")
                site.writeParagraph(item.text, into: &output)
            }
            output.append(contentsOf: site.bodyClose)
            output.append(contentsOf: site.shareBar)
        }
        return SyntheticDocument(
            id: id, source: site.name, date: time.iso, url: address.url, textBytes: page, kind: .digest, story: nil, original: nil,
            shadows: nil, version: 1, edits: ["digest:\(items.count)", "template:\(site.layout.rawValue)/\(site.classes.scheme.rawValue)"],
            base: [], items: stories.map(DocumentRenderer.storyKey), bodyBytes: body)
    }

    // MARK: Furniture that changes from page to page

    /// The rail: the site's "Most read" list and weather of the day (the same on every
    /// page of the site that day), and sponsored links drawn for this page.
    private func rail(_ address: Address, day: Int, random: inout SynthRandom) -> WebPageComposer.Rail {
        let site = address.site
        var rail = WebPageComposer.Rail()
        var daily = SynthRandom(seed: configuration.seed, stream: 0x4057_0000, UInt64(address.siteKey) << 24 | UInt64(max(0, day)))
        if site.mostReadCount > 0 {
            let recent = storiesPublished(through: day)
            var picked = Set<Int>()
            for _ in 0..<(site.mostReadCount * 2) where picked.count < min(site.mostReadCount, recent.count) {
                let storyIndex = recent.lowerBound + daily.below(recent.count)
                guard picked.insert(storyIndex).inserted else { continue }
                let title = builder.title(of: storyIndex)
                rail.mostRead.append((title, "https://\(site.host)/news/\(HTMLBytes.slug(title))"))
            }
        }
        if site.hasWeather {
            let temperature = daily.int(in: 18...92)
            rail.weather = .init(temperature: temperature, high: temperature + daily.int(in: 0...9), low: temperature - daily.int(in: 4...18),
                                 condition: daily.pick(WebVocabulary.weatherConditions))
        }
        for _ in 0..<site.sponsoredCount {
            rail.sponsored.append((random.pick(WebVocabulary.sponsoredHeadlines), random.pick(WebVocabulary.sponsoredSources)))
        }
        return rail
    }

    /// Stories of the three days up to `day` (stories are planned in day order).
    private func storiesPublished(through day: Int) -> Range<Int> {
        func firstStory(after limit: Int) -> Int {
            var low = 0
            var high = plan.stories.count
            while low < high {
                let middle = (low + high) / 2
                if Int(plan.stories[middle].day) <= limit { low = middle + 1 } else { high = middle }
            }
            return low
        }
        let end = firstStory(after: day)
        let start = firstStory(after: day - 3)
        return start < end ? start..<end : max(0, end - 10)..<max(end, min(10, plan.stories.count))
    }

    // MARK: Text helpers

    static func blogKey(_ index: Int) -> String {
        let digits = String(index)
        return "b" + String(repeating: "0", count: max(0, 7 - digits.count)) + digits
    }

    /// The first sentence of a paragraph, cut to `words` words with "..." when longer.
    static func firstSentence(_ bytes: [UInt8], words: Int) -> [UInt8] {
        guard let sentence = ByteText.sentences(bytes).first else { return bytes }
        let tokens = ByteText.tokens(sentence)
        guard tokens.count > words else { return sentence }
        return Array(sentence[..<tokens[words - 1].upperBound]) + Array("...".utf8)
    }

    /// A live-blog item's headline: its opening words, up to a sentence end, sentence-cased.
    static func headline(from paragraph: [UInt8]) -> [UInt8] {
        var tokens = Array(ByteText.tokens(paragraph).prefix(8))
        if let end = tokens.firstIndex(where: { ByteText.endsSentence($0, in: paragraph) }) { tokens = Array(tokens[...end]) }
        guard let first = tokens.first, let last = tokens.last else { return paragraph }
        return Array(paragraph[first.lowerBound..<last.upperBound]).filter { $0 != 0x2C && $0 != 0x2E && $0 != 0x22 }
    }

    static func joined(_ paragraphs: [[UInt8]]) -> [UInt8] {
        var body: [UInt8] = []
        for paragraph in paragraphs {
            if !body.isEmpty { body.append(ByteText.newline) }
            body.append(contentsOf: paragraph)
        }
        return body
    }
}
