/// The pipeline's stages as an index runs them: documents sketched once and kept
/// (`StoredSketch`), and candidates, furniture, verification and clustering run again over
/// the few kept documents a change touches. Each stage is the one `ClusteringPipeline` runs,
/// so an index built in batches gives a batch run's clusters.
///
/// Documents are named by their positions in the index's input order; the stages see them
/// in that order, which decides ties as input order does in a batch run.
package struct SketchEngine: Sendable {
    package let options: NearDupOptions
    private let pipeline: ClusteringPipeline
    private let finder: CandidateFinder
    private let leadFinder: CandidateFinder?

    package init(options: NearDupOptions) {
        self.options = options
        pipeline = ClusteringPipeline(options: options)
        finder = CandidateFinder(layout: options.resolvedBandLayout)
        leadFinder = options.leadShingles > 0 ? CandidateFinder(layout: NearDupOptions.leadBandLayout) : nil
    }

    /// A document sketched: what an index keeps of it.
    package struct Sketched: Sendable {
        package var sketch: StoredSketch
        package var facts: DocumentFacts
        /// What reading it as a page found; nil for a plain text.
        package var page: PageReading?
    }

    /// Sketches `documents` (on `options.threads` threads), reading their dates into `dates`.
    package func sketch(_ documents: [Document], dates: inout DateSummary) -> [Sketched] {
        sketchedBatch(documents, dates: &dates).sketched
    }

    /// The documents sketched, as a batch (sets in memory) and as an index keeps each.
    func sketchedBatch(_ documents: [Document], dates: inout DateSummary) -> (batch: SketchBatch, sketched: [Sketched]) {
        let batch = pipeline.sketch(documents.map(DocumentText.init))
        var facts = documents.map { DocumentFacts($0, date: dates.read($0, format: options.dateFormat)) }
        batch.applyPublicationTimes(to: &facts)
        var pages = [PageReading?](repeating: nil, count: documents.count)
        for page in batch.pages { pages[page.document] = page }
        return (batch, documents.indices.map { document in
            Sketched(sketch: batch.storedSketch(of: document), facts: facts[document], page: pages[document])
        })
    }

    /// The document's band keys: its signature's, then its lead's (made apart from them), as
    /// candidate search compares them. Two documents whose keys agree somewhere are candidates.
    package func bandKeys(of sketch: StoredSketch) -> [UInt64] {
        bandKeys(signature: sketch.signature[...], leadSignature: sketch.leadSignature[...])
    }

    func bandKeys(signature: ArraySlice<UInt32>, leadSignature: ArraySlice<UInt32>) -> [UInt64] {
        var keys = finder.bandKeys(of: signature)
        if let leadFinder, !leadSignature.isEmpty {
            keys += leadFinder.bandKeys(of: leadSignature).map { mix64($0 ^ Self.leadKeySeed) }
        }
        return keys
    }

    private static let leadKeySeed: UInt64 = 0x1EAD_1EAD_1EAD_1EAD

    /// The furniture paragraphs of each of `pages` (all the documents of some sources that
    /// have fingerprints, in position order), as `LearnedFurniture` finds them: by source,
    /// so the pages of other sources need not be read.
    package func furniture(of pages: [IndexedDocument]) -> [[UInt8]] {
        guard options.furnitureLearning != .off, !pages.isEmpty else { return pages.map { _ in [] } }
        let batch = SketchBatch(pages, withSets: false)
        let found = LearnedFurniture().find(in: batch, sources: pages.map(\.facts.source), threads: options.threads)
        return pages.indices.map { found.paragraphsByDocument[$0] ?? [] }
    }

    /// What verification found of a candidate pair.
    package enum PairOutcome: Sendable, Equatable {
        /// A copy, with the exact overlap of the pair's sets.
        case copy(overlap: Double)
        /// The bundle (live blog, digest) holds a copy of the other's text: `containment` of it.
        case bundleHolds(bundle: Int, containment: Double)
    }

    /// Verifies candidate pairs (positions, smaller first) among `documents`, which hold every
    /// document the pairs name; pairs that are neither copies nor bundle relations are left out.
    package func verify(_ pairs: [(Int, Int)], among documents: [IndexedDocument]) -> [(pair: (Int, Int), outcome: PairOutcome)] {
        guard !pairs.isEmpty else { return [] }
        let work = WorkingSet(documents)
        let localPairs = pairs.map { DocumentPair(work.local[$0.0]!, work.local[$0.1]!) }.sorted()
        var verification = CopyVerification(rule: options.copyRule, verdicts: work.verdicts(options), threads: options.threads)
        verification.skipsJoinedPairs = false
        do {
            let outcome = try verification.verify(localPairs, documentCount: work.positions.count, batch: work.batch)
            var results: [(pair: (Int, Int), outcome: PairOutcome)] = []
            for copy in outcome.copies {
                let (first, second) = (copy.pair.first, copy.pair.second)
                let overlap = copy.overlap ?? work.similarity(first, second).overlap
                results.append(((work.positions[first], work.positions[second]), .copy(overlap: overlap)))
            }
            for bundled in outcome.bundledCopies {
                let pair = DocumentPair(bundled.bundle, bundled.document)
                results.append((
                    (work.positions[pair.first], work.positions[pair.second]),
                    .bundleHolds(bundle: work.positions[bundled.bundle], containment: bundled.containment)))
            }
            return results.sorted { ($0.pair.0, $0.pair.1) < ($1.pair.0, $1.pair.1) }
        } catch {
            preconditionFailure("sets held in memory cannot fail to be read: \(error)")
        }
    }

    /// Whether `member` stays in the cluster of `representative` when the clusterer checks it
    /// (`ClusteringPipeline.clusters(of:…)`), and then its overlap with it; nil when it would be
    /// split off. `linkedOverlap`: the overlap of their copy edge, when one joins them.
    package func overlapKept(
        of member: IndexedDocument, with representative: IndexedDocument, linkedOverlap: Double?
    ) -> Double? {
        if let linkedOverlap { return linkedOverlap }
        let work = WorkingSet([member, representative])
        let (first, second) = (work.local[member.position]!, work.local[representative.position]!)
        let similarity = work.similarity(first, second)
        if work.verdicts(options).verdict(first, second, in: work.batch) == .copy { return similarity.overlap }
        return options.copyRule.supports(similarity) ? similarity.overlap : nil
    }

    /// The position of the likely original among `documents`, as a batch run chooses it.
    package func likelyOriginal(of documents: [IndexedDocument]) -> Int {
        let work = WorkingSet(documents)
        do {
            let compared = try ComparedDocuments(Array(work.positions.indices), batch: work.batch)
            let local = ClusteringPipeline.likelyOriginal(of: Array(work.positions.indices), documents: work.facts, compared: compared)
            return work.positions[local]
        } catch {
            preconditionFailure("sets held in memory cannot fail to be read: \(error)")
        }
    }

    /// The clusters of one component of copy edges (`members`, every document the edges name),
    /// without chaining, as a batch run makes them: representative first, then the others in
    /// position order, each with its overlap with the representative.
    package func clusters(of members: [IndexedDocument], edges: [(pair: (Int, Int), overlap: Double?)]) -> [ClusteringResult.Cluster] {
        let work = WorkingSet(members)
        let local = edges.map { edge in
            (pair: DocumentPair(work.local[edge.pair.0]!, work.local[edge.pair.1]!), overlap: edge.overlap)
        }.sorted { $0.pair < $1.pair }
        do {
            let compared = try ComparedDocuments(Array(work.positions.indices), batch: work.batch)
            let clusters = try pipeline.clusters(
                of: compared, edges: local[...], unchecked: [], documents: work.facts, batch: work.batch,
                verdicts: work.verdicts(options), space: ContainedTextScoreSpace())
            return clusters.map { cluster in
                ClusteringResult.Cluster(members: cluster.members.map { work.positions[$0] }, similarities: cluster.similarities)
            }
        } catch {
            preconditionFailure("sets held in memory cannot fail to be read: \(error)")
        }
    }
}

/// Some indexed documents as a batch, in position order, with their furniture left out.
private struct WorkingSet {
    /// Position of each document in the batch.
    let positions: [Int]
    /// Place in the batch of each position.
    let local: [Int: Int]
    let batch: SketchBatch
    let facts: [DocumentFacts]

    init(_ documents: [IndexedDocument]) {
        let sorted = documents.sorted { $0.position < $1.position }
        positions = sorted.map(\.position)
        var local: [Int: Int] = [:]
        for (place, position) in positions.enumerated() { local[position] = place }
        self.local = local
        batch = SketchBatch(sorted, withSets: true)
        facts = sorted.map(\.facts)
    }

    func verdicts(_ options: NearDupOptions) -> SignatureVerdict {
        SignatureVerdict(
            rule: options.copyRule, numPermutations: options.numPermutations,
            filledCounts: Set(positions.indices.map(batch.filledBins)))
    }

    func similarity(_ first: Int, _ second: Int) -> PairSimilarity {
        var (a, b) = ([UInt32](), [UInt32]())
        do {
            return PairSimilarity(try batch.shingleSet(of: first, readingInto: &a), try batch.shingleSet(of: second, readingInto: &b))
        } catch {
            preconditionFailure("sets held in memory cannot fail to be read: \(error)")
        }
    }
}

extension SketchBatch {
    /// A batch of indexed documents, in the order given, their furniture left out; without
    /// `withSets`, it holds signatures and fingerprints alone (for the furniture search).
    init(_ documents: [IndexedDocument], withSets: Bool) {
        if let first = documents.first?.sketch {
            self.init(
                reservingFor: documents.count, shingles: 0,
                signatureLength: first.signature.count, leadSignatureLength: first.leadSignature.count)
        } else {
            self.init()
        }
        // Each set stays where the document holds it: copied into one part, the sets of tens
        // of thousands of documents cost more in new memory than verifying them.
        for document in documents {
            let sketch = document.sketch
            appendSharing(
                shingles: withSets ? sketch.entries : [], paragraphs: withSets ? sketch.paragraphs : [],
                signature: sketch.signature, filledBins: sketch.filledBins, leadSignature: sketch.leadSignature,
                fingerprints: sketch.fingerprints, isBundle: sketch.isBundle, isAwayFromHeadline: sketch.isAwayFromHeadline)
        }
        guard withSets else { return }
        var furniture: [Int: [UInt8]] = [:]
        for (place, document) in documents.enumerated() where !document.furniture.isEmpty { furniture[place] = document.furniture }
        do {
            try leaveOut(furniture)
        } catch {
            preconditionFailure("sets held in memory cannot fail to be read: \(error)")
        }
    }

    /// The document's sketch as an index keeps it: taken before any furniture is left out.
    func storedSketch(of document: Int) -> StoredSketch {
        precondition(!hasFurniture(document), "a sketch is kept whole")
        var entryBuffer: [UInt32] = []
        var paragraphBuffer: [UInt8] = []
        do {
            return StoredSketch(
                signature: Array(signatures[document]), leadSignature: Array(leadSignatures[document]),
                entries: Array(try shingleSet(of: document, readingInto: &entryBuffer)),
                paragraphs: Array(try paragraphs(of: document, readingInto: &paragraphBuffer)),
                fingerprints: Array(fingerprints(of: document)), filledBins: filledBins(of: document),
                isBundle: isBundle(document), isAwayFromHeadline: isAwayFromHeadline(document))
        } catch {
            preconditionFailure("sets held in memory cannot fail to be read: \(error)")
        }
    }
}
