import NearDup

/// The corpus in outline, before any text is written: every story's recipe (which base
/// paragraphs it is made of, its copies, versions and day), every document's place in it,
/// and the shuffled output order. It takes a few dozen bytes a document; the texts are
/// built one document at a time from it, so the corpus never has to fit in memory.
struct CorpusPlan: Sendable {
    struct Story: Sendable {
        enum Kind: UInt8, Sendable { case wire, negative }
        var kind: Kind
        /// For a hard negative, the story it shadows; else -1.
        var parent: Int32
        /// Base paragraphs (indices into `BaseCorpus.paragraphs`) in `mainParagraphs`.
        var paragraphs: Range<Int32>
        /// Pass over the main pool the paragraphs come from (0 = text as written).
        var pass: UInt32
        /// Base story whose title is the story's title.
        var titleStory: Int32
        /// Filler paragraphs for write-thrus, in `filler`; the first `secondVersionAdds`
        /// belong to version 2, the rest to version 3.
        var versionFiller: Range<Int32>
        var secondVersionAdds: UInt8
        var versions: UInt8
        var day: Int32
        var agency: UInt8
        var place: UInt8
        var reporter: UInt16
        /// Its documents are `documents[firstDocument ..< firstDocument + documentCount]`:
        /// the original, then the reprints.
        var firstDocument: Int32
        var documentCount: Int32
    }

    struct FillerReference: Sendable {
        var paragraph: Int32
        var pass: UInt32
    }

    /// What a document is; all but stories and digests are web pages only.
    enum Page: UInt8, Sendable {
        case story, digest, gallery, liveBlog, listing
    }

    struct Document: Sendable {
        /// Story index, or -1 for a digest; for a gallery, live-blog snapshot or listing,
        /// its index in `galleries`, `liveBlogs` or `listings`.
        var story: Int32
        /// 0 = the original, n = the n-th reprint; for a digest, the digest's index; for a
        /// live-blog snapshot, its number (0 = the first).
        var ordinal: Int32
        /// Outlet-added paragraphs, in `filler`.
        var localFiller: Int32
        var localAdds: UInt8
        var page = Page.story
    }

    struct Digest: Sendable {
        var items: Range<Int32>
        var day: Int32
    }

    /// Web pages: the wire photos of one event (a story, or the story a negative shadows).
    struct Gallery: Sendable {
        var story: Int32
        var photos: UInt8
        var day: Int32
    }

    /// Web pages: a live blog, crawled `snapshots.count` times. Its items are
    /// `liveItems[items]` in the order they were posted; snapshot k shows the items in
    /// `snapshots[k]` (indices into `items`), newest first.
    struct LiveBlog: Sendable {
        /// The short story one item carries, and that item's index.
        var story: Int32
        var featuredItem: Int32
        var items: Range<Int32>
        var snapshots: [Range<Int32>]
        var firstDocument: Int32
        var day: Int32
    }

    /// One item of a live blog: filler paragraphs (`filler[paragraphs]`; empty for the
    /// story item), posted `minute` minutes after the blog opened.
    struct LiveItem: Sendable {
        var paragraphs: Range<Int32>
        var minute: Int32
    }

    /// Web pages: a section front listing the stories `listingStories[stories]`.
    struct Listing: Sendable {
        var stories: Range<Int32>
        var day: Int32
    }

    var stories: [Story] = []
    var mainParagraphs: [Int32] = []
    var filler: [FillerReference] = []
    var documents: [Document] = []
    var digests: [Digest] = []
    /// Story indices of digest items.
    var digestItems: [Int32] = []
    var galleries: [Gallery] = []
    var liveBlogs: [LiveBlog] = []
    var liveItems: [LiveItem] = []
    var listings: [Listing] = []
    var listingStories: [Int32] = []
    /// Output position -> document index.
    var order: [Int32] = []
    /// Document index -> output position.
    var position: [Int32] = []
    var mainPasses = 1
    var mainPassesKeepingParagraphsApart = 1
    var fillerPasses = 1

    /// A live blog's page shows at most this many items.
    static let liveBlogWindow = 12
}

/// Lays out a corpus of `count` documents over a base (see `CorpusPlan`).
///
/// Originals are built from the base's long stories (`minimumBaseStoryWords`+ words) as
/// the base is read in passes (`MainStream`). The first pass takes whole base stories in
/// a shuffled order: an original opens with a real story and continues with the next
/// whole stories until it reaches its drawn length (base stories are short, an original
/// about 600 words). Once the base is used up, each later pass regroups the base's
/// paragraphs so that no two paragraphs that shared an original share another, and
/// rewrites them (`TextVariant`: other names and figures); an original opens with a
/// paragraph that can lead (15+ words, a full sentence) and takes the next paragraphs
/// until it is long enough. Within a pass no paragraph is used twice. So stories share
/// no text except where the simulator puts it (copies, negatives, digests) and single
/// paragraphs recurring, rewritten, in later passes. The larger the base, the fewer
/// passes: a million documents from the 2,000-story sample take about 1,100 passes, of
/// which the first 98 (about 90,000 documents) keep paragraph pairs apart; from all
/// 19,043 Reuters-21578 stories about 120 passes, all of them keeping pairs apart. For
/// large corpora, use the large base.
struct StoryPlanner {
    let corpus: BaseCorpus
    let configuration: SynthConfiguration

    struct PlanError: Error, CustomStringConvertible {
        var description: String
    }

    func plan(count: Int) throws -> CorpusPlan {
        guard !corpus.longStories.isEmpty else {
            throw PlanError(description: "the base has no story of \(configuration.minimumBaseStoryWords) words or more to build originals from")
        }
        guard corpus.mainPool.contains(where: { corpus.paragraphs[$0].canLead }) else {
            throw PlanError(description: "no paragraph of the base can open a story (15+ words, a capital letter, a full stop)")
        }
        var plan = CorpusPlan()
        plan.documents.reserveCapacity(count)
        var random = SynthRandom(seed: configuration.seed, stream: 0x0050_1A17)
        var main = MainStream(corpus: corpus, seed: configuration.seed)
        var filler = FillerStream(corpus: corpus, seed: configuration.seed)
        let copies = ZipfSampler(maximum: configuration.maximumCopies, exponent: configuration.copiesExponent)
        var digestQueue: [Int32] = []
        var digestQueueStart = 0

        func day() -> Int32 {
            Int32(configuration.firstDay + plan.documents.count / configuration.documentsPerDay)
        }

        let web = configuration.format == .html
        let settings = configuration.web
        var webRandom = SynthRandom(seed: configuration.seed, stream: 0x3EB0_0000)
        var galleryQueue: [Int32] = []
        var galleryQueueStart = 0

        /// `reserving` documents are kept free for pages that must follow (a live blog's snapshots).
        func addStory(kind: CorpusPlan.Story.Kind, parent: Int32, words: Int? = nil, reserving: Int = 0) {
            let remaining = count - plan.documents.count - reserving
            let target = words ?? storyLength(&random)
            var (paragraphs, pass, titleStory) = main.next(words: target)
            if words != nil {
                // A short story: the opening paragraphs of a long base story are enough.
                var kept = 0
                var total = 0
                while kept < paragraphs.count, total < target {
                    total += corpus.paragraphs[paragraphs[kept]].words
                    kept += 1
                }
                paragraphs.removeSubrange(kept...)
            }
            let start = Int32(plan.mainParagraphs.count)
            plan.mainParagraphs.append(contentsOf: paragraphs.map(Int32.init))
            var versions: UInt8 = 1
            if kind == .wire, random.chance(configuration.secondVersionProbability) {
                versions = random.chance(configuration.thirdVersionProbability) ? 3 : 2
            }
            let fillerStart = Int32(plan.filler.count)
            var secondAdds: UInt8 = 0
            if versions >= 2 {
                secondAdds = UInt8(random.int(in: 1...2))
                let total = Int(secondAdds) + (versions == 3 ? random.int(in: 1...2) : 0)
                for _ in 0..<total { plan.filler.append(filler.next()) }
            }
            let copyCount = min(copies.sample(&random), remaining - 1)
            var agency = UInt8(random.below(configuration.agencyCount))
            if kind == .negative, agency == plan.stories[Int(parent)].agency {
                agency = (agency + 1) % UInt8(configuration.agencyCount)
            }
            let storyIndex = Int32(plan.stories.count)
            let firstDocument = Int32(plan.documents.count)
            for ordinal in 0...copyCount {
                var adds: UInt8 = 0
                let localStart = Int32(plan.filler.count)
                if ordinal > 0, random.chance(configuration.addProbability) {
                    adds = UInt8(random.int(in: 1...2))
                    for _ in 0..<adds { plan.filler.append(filler.next()) }
                }
                plan.documents.append(.init(story: storyIndex, ordinal: Int32(ordinal), localFiller: localStart, localAdds: adds))
            }
            plan.stories.append(CorpusPlan.Story(
                kind: kind, parent: parent, paragraphs: start..<Int32(plan.mainParagraphs.count), pass: UInt32(pass),
                titleStory: Int32(titleStory), versionFiller: fillerStart..<Int32(plan.filler.count),
                secondVersionAdds: secondAdds, versions: versions, day: day(), agency: agency,
                place: UInt8(random.below(SynthVocabulary.datelinePlaces.count)),
                reporter: UInt16(random.below(SynthVocabulary.firstNames.count * SynthVocabulary.lastNames.count)),
                firstDocument: firstDocument, documentCount: Int32(copyCount + 1)))
            if kind == .wire { digestQueue.append(storyIndex) }
            if web, kind == .wire, words == nil { galleryQueue.append(storyIndex) }
        }

        /// A live blog: its story item's short story (with its own copies), then its snapshots.
        func addLiveBlog() {
            let storyIndex = Int32(plan.stories.count)
            addStory(kind: .wire, parent: -1, words: webRandom.int(in: 90...160), reserving: min(2, count - plan.documents.count - 1))
            let left = count - plan.documents.count
            guard left >= 1 else { return }
            let snapshotCount = min(webRandom.int(in: settings.liveBlogSnapshots), left)
            var ends: [Int] = []
            var end = webRandom.int(in: 3...6)
            for snapshot in 0..<snapshotCount {
                if snapshot > 0 { end += webRandom.int(in: 1...3) }
                ends.append(end)
            }
            let featured = webRandom.int(in: max(0, end - CorpusPlan.liveBlogWindow)...(end - 1))
            let firstItem = Int32(plan.liveItems.count)
            var minute: Int32 = 0
            for item in 0..<end {
                if item > 0 { minute += Int32(webRandom.int(in: 6...48)) }
                let start = Int32(plan.filler.count)
                if item != featured {
                    for _ in 0..<webRandom.int(in: 1...3) {
                        // A post is a few sentences, not a line of figures.
                        var reference = filler.next()
                        for _ in 0..<8 where corpus.paragraphs[Int(reference.paragraph)].words < 12 { reference = filler.next() }
                        plan.filler.append(reference)
                    }
                }
                plan.liveItems.append(.init(paragraphs: start..<Int32(plan.filler.count), minute: minute))
            }
            let blogIndex = Int32(plan.liveBlogs.count)
            let firstDocument = Int32(plan.documents.count)
            for snapshot in 0..<snapshotCount {
                plan.documents.append(.init(story: blogIndex, ordinal: Int32(snapshot), localFiller: 0, localAdds: 0, page: .liveBlog))
            }
            plan.liveBlogs.append(.init(
                story: storyIndex, featuredItem: Int32(featured), items: firstItem..<Int32(plan.liveItems.count),
                snapshots: ends.map { Int32(max(0, $0 - CorpusPlan.liveBlogWindow))..<Int32($0) },
                firstDocument: firstDocument, day: plan.stories[Int(storyIndex)].day))
        }

        /// A gallery, a live blog or a section front when one is due; whether one was added.
        func addWebPage() -> Bool {
            let documents = plan.documents.count
            if plan.liveBlogs.count < Self.wanted(settings.liveBlogShare, documents), count - documents >= 3 {
                addLiveBlog()
                return true
            }
            if plan.galleries.count < Self.wanted(settings.galleryShare, documents), galleryQueueStart < galleryQueue.count {
                let pick = galleryQueueStart + webRandom.below(min(8, galleryQueue.count - galleryQueueStart))
                galleryQueue.swapAt(galleryQueueStart, pick)
                let story = galleryQueue[galleryQueueStart]
                galleryQueueStart += 1
                plan.documents.append(.init(story: Int32(plan.galleries.count), ordinal: 0, localFiller: 0, localAdds: 0, page: .gallery))
                plan.galleries.append(.init(story: story, photos: UInt8(webRandom.int(in: 5...12)), day: day()))
                return true
            }
            if plan.listings.count < Self.wanted(settings.listingShare, documents), plan.stories.count >= 4 {
                var recent = Array(Int32(max(0, plan.stories.count - 80))..<Int32(plan.stories.count))
                webRandom.shuffle(&recent)
                let start = Int32(plan.listingStories.count)
                plan.listingStories.append(contentsOf: recent.prefix(webRandom.int(in: 10...24)))
                plan.documents.append(.init(story: Int32(plan.listings.count), ordinal: 0, localFiller: 0, localAdds: 0, page: .listing))
                plan.listings.append(.init(stories: start..<Int32(plan.listingStories.count), day: day()))
                return true
            }
            return false
        }

        while plan.documents.count < count {
            if web, addWebPage() { continue }
            let wantedDigests = web ? Self.wanted(configuration.digestShare, plan.documents.count)
                : Int(Double(plan.documents.count + 1) * configuration.digestShare)
            if plan.digests.count < wantedDigests, digestQueue.count - digestQueueStart >= 5 {
                let items = random.int(in: 3...5)
                let start = Int32(plan.digestItems.count)
                for _ in 0..<items {
                    // Any of the next few queued stories, each used once.
                    let pick = digestQueueStart + random.below(min(8, digestQueue.count - digestQueueStart))
                    digestQueue.swapAt(digestQueueStart, pick)
                    plan.digestItems.append(digestQueue[digestQueueStart])
                    digestQueueStart += 1
                }
                plan.documents.append(.init(story: -1, ordinal: Int32(plan.digests.count), localFiller: 0, localAdds: 0, page: .digest))
                plan.digests.append(.init(items: start..<Int32(plan.digestItems.count), day: day()))
                continue
            }
            addStory(kind: .wire, parent: -1)
            if plan.documents.count < count, random.chance(configuration.negativeProbability) {
                addStory(kind: .negative, parent: Int32(plan.stories.count - 1))
            }
        }

        var order = (0..<Int32(count)).map { $0 }
        var shuffler = SynthRandom(seed: configuration.seed, stream: 0x0050_1A18)
        shuffler.shuffle(&order)
        var position = [Int32](repeating: 0, count: count)
        for (index, document) in order.enumerated() { position[Int(document)] = Int32(index) }
        plan.order = order
        plan.position = position
        plan.mainPasses = main.pass + 1
        plan.mainPassesKeepingParagraphsApart = MainStream.passesKeepingParagraphsApart(in: corpus)
        plan.fillerPasses = filler.pass + 1
        return plan
    }

    /// Web pages: how many pages of a kind are due after `documents` documents. Rounded up,
    /// so that even a small corpus has one of each kind.
    static func wanted(_ share: Double, _ documents: Int) -> Int {
        Int((Double(documents + 1) * share).rounded(.up))
    }

    /// Log-normal length around the configured median, clamped.
    private func storyLength(_ random: inout SynthRandom) -> Int {
        let words = Double(configuration.originalMedianWords) * DeterministicMath.exp(configuration.originalLengthSpread * random.normal())
        return min(max(Int(words), configuration.minimumStoryWords), configuration.maximumStoryWords)
    }
}

/// Hands out the main pool's text in passes (see `StoryPlanner`).
///
/// Pass 0 takes whole base stories in a shuffled order. Its paragraph order, laid row by
/// row into a q x q grid (q the smallest prime with q² at least the pool's size), is the
/// affine plane of order q: its lines fall into q + 1 parallel classes (rows, columns,
/// and the slopes 1...q-1), and two points lie on exactly one common line. Pass 0's
/// stories run along the rows; each later pass takes one other class and cuts its
/// lines, in a shuffled order, into stories that never cross a line's end. So two
/// paragraphs that met in one story never meet in another during the first q + 1
/// passes (about 90,000 documents from the 2,000-story sample, about 2.4 million from
/// the full Reuters-21578), except across the seam where a first-pass story runs from one
/// row into the next. After that, passes are plain shuffles.
struct MainStream {
    let corpus: BaseCorpus
    let seed: UInt64
    private(set) var pass = 0
    /// Pass 0: long story indices; later passes: paragraph indices.
    private var order: [Int] = []
    /// Later passes: where each line of `order` ends, ascending.
    private var lineEnds: [Int] = []
    private var line = 0
    private var cursor = 0
    /// Pass 0's paragraph order: grid point -> paragraph.
    private var grid: [Int] = []
    private var side = 0
    /// Parallel classes for passes 1...: -1 = columns, m = lines of slope m.
    private var classes: [Int] = []
    /// Shortest story accepted (shorter when the whole pool is shorter).
    private let shortest: Int

    init(corpus: BaseCorpus, seed: UInt64) {
        self.corpus = corpus
        self.seed = seed
        order = corpus.longStories
        var random = SynthRandom(seed: seed, stream: 0x3A17_0000)
        // One base's stories before the next base's, each base in a shuffled order.
        var start = 0
        while start < order.count {
            let group = corpus.stories[order[start]].group
            var end = start
            while end < order.count, corpus.stories[order[end]].group == group { end += 1 }
            var slice = Array(order[start..<end])
            random.shuffle(&slice)
            order.replaceSubrange(start..<end, with: slice)
            start = end
        }
        shortest = min(150, corpus.longStories.reduce(0) { $0 + corpus.stories[$1].words })
    }

    /// Paragraphs of the next original of about `words` words, its pass and title story.
    mutating func next(words: Int) -> (paragraphs: [Int], pass: Int, titleStory: Int) {
        while true {
            if let found = pass == 0 ? takeStories(words: words) : takeParagraphs(words: words) { return found }
            startNextPass()
        }
    }

    private mutating func takeStories(words target: Int) -> (paragraphs: [Int], pass: Int, titleStory: Int)? {
        let corpus = self.corpus
        let canLead = { (story: Int) in corpus.paragraphs[corpus.stories[story].paragraphs.lowerBound].canLead }
        guard cursor < order.count else { return nil }
        // A story of the current base opens the original when one can.
        let group = corpus.stories[order[cursor]].group
        let sameBase = order[cursor...].prefix { corpus.stories[$0].group == group }
        guard let leadAt = sameBase.firstIndex(where: canLead) ?? order[cursor...].firstIndex(where: canLead) else {
            return nil
        }
        order.swapAt(cursor, leadAt)
        var paragraphs: [Int] = []
        var words = 0
        let titleStory = order[cursor]
        while words < target, cursor < order.count {
            let story = corpus.stories[order[cursor]]
            paragraphs.append(contentsOf: story.paragraphs)
            words += story.words
            cursor += 1
        }
        return words >= min(target, shortest) ? (paragraphs, 0, titleStory) : nil
    }

    private mutating func takeParagraphs(words target: Int) -> (paragraphs: [Int], pass: Int, titleStory: Int)? {
        while line < lineEnds.count {
            let end = lineEnds[line]
            guard cursor < end, let leadAt = order[cursor..<end].firstIndex(where: { corpus.paragraphs[$0].canLead }) else {
                cursor = end
                line += 1
                continue
            }
            order.swapAt(cursor, leadAt)
            let start = cursor
            var words = 0
            while words < target, cursor < end {
                words += corpus.paragraphs[order[cursor]].words
                cursor += 1
            }
            if words >= min(target, shortest) {
                return (Array(order[start..<cursor]), pass, corpus.paragraphs[order[start]].story)
            }
        }
        return nil
    }

    /// Passes in which no two paragraphs meet twice: pass 0 and one per other parallel class.
    static func passesKeepingParagraphsApart(in corpus: BaseCorpus) -> Int {
        let points = corpus.longStories.reduce(0) { $0 + corpus.stories[$1].paragraphs.count }
        return prime(atLeast: squareRootRoundedUp(points)) + 1
    }

    private mutating func startNextPass() {
        if pass == 0 {
            grid = order.flatMap { corpus.stories[$0].paragraphs }
            side = Self.prime(atLeast: Self.squareRootRoundedUp(grid.count))
            classes = [-1] + Array(1..<side)
            var random = SynthRandom(seed: seed, stream: 0x3A17_0001)
            random.shuffle(&classes)
        }
        pass += 1
        var random = SynthRandom(seed: seed, stream: 0x3A17_0000, UInt64(pass))
        if pass - 1 < classes.count {
            let slope = classes[pass - 1]
            var lines: [[Int]] = []
            for intercept in 0..<side {
                var points: [Int] = []
                for t in 0..<side {
                    let (x, y) = slope < 0 ? (intercept, t) : (t, (slope * t + intercept) % side)
                    let point = y * side + x
                    if point < grid.count { points.append(grid[point]) }
                }
                guard !points.isEmpty else { continue }
                let rotation = random.below(points.count)
                lines.append(Array(points[rotation...] + points[..<rotation]))
            }
            random.shuffle(&lines)
            order = lines.flatMap { $0 }
            lineEnds = []
            var total = 0
            for points in lines {
                total += points.count
                lineEnds.append(total)
            }
        } else {
            order = corpus.mainPool
            random.shuffle(&order)
            lineEnds = [order.count]
        }
        line = 0
        cursor = 0
    }

    static func squareRootRoundedUp(_ value: Int) -> Int {
        var root = 1
        while root * root < value { root += 1 }
        return root
    }

    static func prime(atLeast value: Int) -> Int {
        var candidate = max(2, value)
        while true {
            var isPrime = true
            var divisor = 2
            while divisor * divisor <= candidate {
                if candidate % divisor == 0 {
                    isPrime = false
                    break
                }
                divisor += 1
            }
            if isPrime { return candidate }
            candidate += 1
        }
    }
}

/// Hands out filler paragraphs (short base stories) in shuffled passes.
struct FillerStream {
    let corpus: BaseCorpus
    let seed: UInt64
    private(set) var pass = 0
    private var order: [Int]
    private var cursor = 0

    init(corpus: BaseCorpus, seed: UInt64) {
        self.corpus = corpus
        self.seed = seed
        order = corpus.fillerPool
        var random = SynthRandom(seed: seed, stream: 0xF111_0000)
        random.shuffle(&order)
    }

    mutating func next() -> CorpusPlan.FillerReference {
        if cursor == order.count {
            pass += 1
            order = corpus.fillerPool
            var random = SynthRandom(seed: seed, stream: 0xF111_0000, UInt64(pass))
            random.shuffle(&order)
            cursor = 0
        }
        defer { cursor += 1 }
        return .init(paragraph: Int32(order[cursor]), pass: UInt32(pass))
    }
}
