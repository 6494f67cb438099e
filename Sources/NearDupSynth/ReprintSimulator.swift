import NearDup

/// The reprint simulator: writes a labelled corpus of any size from real stories, to
/// measure reprint detection against known truth.
///
/// ```swift
/// let stories = try BaseStory.read(from: "reuters-sample.jsonl")
/// var configuration = SynthConfiguration(seed: 7)
/// let result = try ReprintSimulator(configuration: configuration)
///     .generate(count: 10_000, from: stories) { document in /* write it */ }
/// let labels = result.labelsJSON()
/// ```
///
/// What it simulates (probabilities in `SynthConfiguration`): wire stories, each
/// reprinted 0-50 times (Zipf), by invented outlets with fixed headers, footers, byline
/// and dateline styles; per reprint a new headline, "Related article:" lines, photo
/// captions, excerpts that keep the lead, dropped, added and reordered paragraphs, copy
/// edits, write-thru versions, and OCR noise on scanned print pages; digest pages of
/// several stories' openings (singletons); and hard negatives, different stories on the
/// same event that share names and quoted sentences (never copies of the story they
/// shadow). Originals are built by concatenating paragraphs of several base stories
/// (see `StoryPlanner`), because real wire stories are much shorter than the ~600-word
/// median the corpus aims at.
///
/// With `format` `.html` every document is a whole web page of a site with its own
/// template, and galleries, live-blog snapshots and section fronts join the corpus (see
/// `WebPageSettings` and `WebDocumentRenderer`); a live blog's snapshots are one cluster.
///
/// Every labelled cluster follows the labelling rule for copies: a reprint keeps at
/// least half of the original's paragraphs (and more original than added ones), or is an
/// excerpt with the lead of at least 80 words. Documents come out in a shuffled order,
/// one at a time, never held together; ids ("d0000042") carry no hint of their cluster.
/// The same configuration and base give the same documents, byte for byte, on any
/// machine.
package struct ReprintSimulator: Sendable {
    package var configuration: SynthConfiguration

    package init(configuration: SynthConfiguration = .init()) {
        self.configuration = configuration
    }

    package struct SimulationError: Error, CustomStringConvertible, Sendable {
        package var description: String
    }

    /// Generates `count` documents from `stories`, calling `writeDocument` with each in
    /// output order, and returns the ground truth.
    package func generate(count: Int, from stories: [BaseStory],
                         writeDocument: (SyntheticDocument) throws -> Void) throws -> SynthesisResult {
        guard count >= 1 else { throw SimulationError(description: "the document count must be at least 1") }
        if let problem = configuration.validationError() { throw SimulationError(description: problem) }
        let corpus = BaseCorpus(stories: stories, minimumOriginalWords: configuration.minimumBaseStoryWords)
        let plan: CorpusPlan
        do {
            plan = try StoryPlanner(corpus: corpus, configuration: configuration).plan(count: count)
        } catch let error as StoryPlanner.PlanError {
            throw SimulationError(description: error.description)
        }
        let builder = StoryBuilder(corpus: corpus, variant: TextVariant(corpus: corpus), plan: plan, configuration: configuration)
        let roster = OutletRoster(count: configuration.outletCount, seed: configuration.seed, printShare: configuration.printOutletShare)
        let render: (Int) -> SyntheticDocument
        let id: (Int) -> String
        if configuration.format == .html {
            let renderer = WebDocumentRenderer(plan: plan, builder: builder, roster: roster, configuration: configuration,
                                               usesPagePaths: configuration.pagePathIds)
            render = renderer.render(position:)
            id = renderer.id(atPosition:)
        } else {
            let renderer = DocumentRenderer(plan: plan, builder: builder, roster: roster, configuration: configuration)
            render = renderer.render(position:)
            id = renderer.id(atPosition:)
        }
        var kinds: [SyntheticDocument.Kind: Int] = [:]
        for position in 0..<count {
            let document = render(position)
            kinds[document.kind, default: 0] += 1
            try writeDocument(document)
        }

        // A cluster is a story's documents, or a live blog's snapshots.
        var members: [Range<Int32>] = plan.stories.filter { $0.documentCount >= 2 }
            .map { $0.firstDocument..<($0.firstDocument + $0.documentCount) }
        members += plan.liveBlogs.filter { $0.snapshots.count >= 2 }
            .map { $0.firstDocument..<($0.firstDocument + Int32($0.snapshots.count)) }
        var clusters: [[String]] = []
        var firstPositions: [Int32] = []
        for documents in members {
            let positions = documents.map { plan.position[Int($0)] }.sorted()
            firstPositions.append(positions[0])
            clusters.append(positions.map { id(Int($0)) })
        }
        let sorted = clusters.indices.sorted { firstPositions[$0] < firstPositions[$1] }
        let negatives = plan.stories.reduce(0) { $0 + ($1.kind == .negative ? 1 : 0) }
        return SynthesisResult(
            documents: count,
            clusters: sorted.map { clusters[$0] },
            stories: plan.stories.count - negatives,
            negatives: negatives,
            digests: plan.digests.count,
            galleries: plan.galleries.count,
            liveBlogs: plan.liveBlogs.count,
            listings: plan.listings.count,
            documentsByKind: (configuration.format == .html
                ? [SyntheticDocument.Kind.original, .writeThru, .reprint, .digest, .negative, .gallery, .liveBlog, .listing]
                : [.original, .writeThru, .reprint, .digest, .negative]).map { ($0.rawValue, kinds[$0] ?? 0) },
            baseStoriesRead: corpus.storiesRead,
            baseStoriesSkipped: corpus.storiesSkipped,
            baseOriginalStories: corpus.longStories.count,
            baseParagraphs: corpus.mainPool.count,
            baseFillerParagraphs: corpus.fillerPool.count,
            passes: plan.mainPasses,
            passesKeepingParagraphsApart: plan.mainPassesKeepingParagraphsApart,
            fillerPasses: plan.fillerPasses,
            configuration: configuration)
    }
}

/// The ground truth of one run, and figures about it.
package struct SynthesisResult: Sendable {
    package var documents: Int
    /// Clusters of two or more ids (a story's original and its reprints), ordered by
    /// their first member's position; every other id is a singleton.
    package var clusters: [[String]]
    package var stories: Int
    package var negatives: Int
    package var digests: Int
    /// Web pages: galleries, live blogs (each of one or more snapshots) and section fronts.
    package var galleries: Int
    package var liveBlogs: Int
    package var listings: Int
    package var documentsByKind: [(String, Int)]
    package var baseStoriesRead: Int
    package var baseStoriesSkipped: Int
    package var baseOriginalStories: Int
    package var baseParagraphs: Int
    package var baseFillerParagraphs: Int
    /// Passes over the base's paragraphs (1 = the base text as written, never reused).
    package var passes: Int
    /// Passes after which paragraphs that shared a story meet again in another, so that
    /// unrelated stories share text: more passes than this ask for a larger base.
    package var passesKeepingParagraphsApart: Int
    package var fillerPasses: Int
    package var configuration: SynthConfiguration

    /// The labels file: {"clusters": [[id, ...], ...], "generator": {...}}.
    package func labelsJSON() -> String {
        var output: [UInt8] = []
        output.reserveCapacity(documents * 12 + 4096)
        output.append("{\"clusters\": [")
        for (index, cluster) in clusters.enumerated() {
            output.append(index == 0 ? "\n  [" : ",\n  [")
            for (slot, id) in cluster.enumerated() {
                if slot > 0 { output.append(", ") }
                SynthJSON.appendString(id, to: &output)
            }
            output.append("]")
        }
        output.append(clusters.isEmpty ? "],\n" : "\n],\n")
        output.append("\"generator\": {\n")
        var members: [(String, String)] = [
            ("name", SynthJSON.string("neardup synth")),
            ("documents", "\(documents)"),
        ]
        if let base = configuration.baseName { members.append(("base", SynthJSON.string(base))) }
        members += configuration.jsonMembers
        members += [
            ("stories", "\(stories)"),
            ("hard_negatives", "\(negatives)"),
            ("digests", "\(digests)"),
            ("clusters", "\(clusters.count)"),
            ("documents_in_clusters", "\(clusters.reduce(0) { $0 + $1.count })"),
            ("documents_by_kind", "{" + documentsByKind.map { "\(SynthJSON.string($0.0)): \($0.1)" }.joined(separator: ", ") + "}"),
            ("base_stories", "{\"read\": \(baseStoriesRead), \"skipped_repeats\": \(baseStoriesSkipped), \"originals_from\": \(baseOriginalStories), \"paragraphs\": \(baseParagraphs), \"filler_paragraphs\": \(baseFillerParagraphs)}"),
            ("base_passes", "{\"paragraphs\": \(passes), \"filler\": \(fillerPasses)}"),
            ("labelling", SynthJSON.string(configuration.format == .html
                ? "a cluster is one story's original and its reprints, or the snapshots of one live blog; digests, galleries, section fronts and live blogs are never copies of the stories they carry, and hard negatives never of the stories they shadow; ids not listed are singletons"
                : "a cluster is one story's original and its reprints; digests and hard negatives are never copies of the stories they carry or shadow; ids not listed are singletons")),
        ]
        if configuration.format == .html {
            members.insert(contentsOf: [("galleries", "\(galleries)"), ("live_blogs", "\(liveBlogs)"), ("listings", "\(listings)")],
                           at: members.firstIndex { $0.0 == "clusters" } ?? members.count)
        }
        for (index, member) in members.enumerated() {
            output.append("  \(SynthJSON.string(member.0)): \(member.1)")
            output.append(index == members.count - 1 ? "\n" : ",\n")
        }
        output.append("}}\n")
        return String(decoding: output, as: UTF8.self)
    }
}
