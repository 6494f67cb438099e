/// An index built in one go, into an empty one: documents are sketched a chunk at a time, as
/// a batch run sketches them, and furniture, candidates, verification and clustering then run
/// once over all of them, as `ClusteringPipeline` runs them. Adding documents one chunk at a
/// time gives the same index, at the cost of looking every band key up in the store.
///
/// Unlike a batch run, verification keeps every copy edge (`CopyVerification.skipsJoinedPairs`):
/// an index needs them when a later removal splits a group.
package struct IndexBuild {
    private let pipeline: ClusteringPipeline
    private let engine: SketchEngine
    private let spill: ShingleSpill?
    private var batch = SketchBatch()
    private var facts: [DocumentFacts] = []

    /// `scratchDirectory`: a folder for the shingle sets' scratch file, as a batch run keeps
    /// one; nil keeps them in memory.
    package init(options: NearDupOptions, scratchDirectory: String?) throws(ScratchFileError) {
        pipeline = ClusteringPipeline(options: options)
        engine = SketchEngine(options: options)
        spill = try scratchDirectory.map { directory throws(ScratchFileError) in
            try ShingleSpill(directory: directory, memoryBudget: ClusteringSession.defaultSetsInMemory)
        }
    }

    /// Documents sketched so far.
    package var count: Int { facts.count }

    /// Sketches `documents`, which come after those sketched so far; gives what the index keeps
    /// of each, whole (before any furniture is left out).
    package mutating func sketch(_ documents: [Document], dates: inout DateSummary) throws(ScratchFileError) -> [SketchEngine.Sketched] {
        var (chunk, sketched) = engine.sketchedBatch(documents, dates: &dates)
        facts += sketched.map(\.facts)
        if let spill { try chunk.spill(to: spill) }
        batch.append(chunk)
        if let spill, batch.keptParts > 0, spill.hasOverflowed { try batch.spill(to: spill) }
        return sketched
    }

    /// What the stages found over every document sketched: positions count from 0 in the
    /// order documents were given.
    package struct Outcome: Sendable {
        /// The paragraphs found to be furniture, by document.
        package var furniture: [Int: [UInt8]]
        /// Entries left in each document's set once its furniture is out.
        package var keptCounts: [Int]
        /// Every verified pair (smaller first), in pair order.
        package var edges: [(pair: (Int, Int), outcome: SketchEngine.PairOutcome)]
        package var clusters: [ClusteringResult.Cluster]
    }

    /// Runs furniture search, candidate search, verification and clustering. The sketches
    /// are kept, for `bandKeys(of:)`.
    package mutating func finish() throws(ScratchFileError) -> Outcome {
        let options = pipeline.options
        let count = facts.count
        var furniture: [Int: [UInt8]] = [:]
        if options.furnitureLearning != .off && batch.hasFingerprints {
            furniture = LearnedFurniture().find(in: batch, sources: facts.map(\.source), threads: options.threads).paragraphsByDocument
            try batch.leaveOut(furniture)
        }
        let candidates = pipeline.candidates(in: batch)
        let verdicts = pipeline.verdicts(for: batch, count: count)
        var verification = CopyVerification(rule: options.copyRule, verdicts: verdicts, threads: options.threads)
        verification.skipsJoinedPairs = false
        let verified = try verification.verify(candidates.pairs, documentCount: count, batch: batch)
        let clusters = try pipeline.clusters(
            of: verified.copies, unchecked: [], documents: facts, batch: batch, verdicts: verdicts)

        // An index keeps each copy's exact overlap; signatures alone decided some.
        let batch = self.batch
        let parts = ParallelChunks(count: verified.copies.count, chunkSize: 4_096, threads: options.threads).map { range in
            Result { () throws(ScratchFileError) -> [Double] in
                var (first, second) = ([UInt32](), [UInt32]())
                return try verified.copies[range].map { copy throws(ScratchFileError) in
                    if let overlap = copy.overlap { return overlap }
                    return PairSimilarity(
                        try batch.shingleSet(of: copy.pair.first, readingInto: &first),
                        try batch.shingleSet(of: copy.pair.second, readingInto: &second)).overlap
                }
            }
        }
        var overlaps: [Double] = []
        overlaps.reserveCapacity(verified.copies.count)
        for part in parts { overlaps += try part.get() }
        var edges: [(pair: (Int, Int), outcome: SketchEngine.PairOutcome)] = zip(verified.copies, overlaps).map { copy, overlap in
            ((copy.pair.first, copy.pair.second), .copy(overlap: overlap))
        }
        for bundled in verified.bundledCopies {
            let pair = DocumentPair(bundled.bundle, bundled.document)
            edges.append(((pair.first, pair.second), .bundleHolds(bundle: bundled.bundle, containment: bundled.containment)))
        }
        edges.sort { ($0.pair.0, $0.pair.1) < ($1.pair.0, $1.pair.1) }
        return Outcome(
            furniture: furniture, keptCounts: (0..<count).map(batch.shingleCount), edges: edges, clusters: clusters)
    }

    /// Band keys of a document with entries left.
    package var keysPerDocument: Int {
        let options = pipeline.options
        return options.resolvedBandLayout.bands + (options.leadShingles > 0 ? NearDupOptions.leadBandLayout.bands : 0)
    }

    /// The document's band keys, as `SketchEngine.bandKeys(of:)` gives them from its sketch.
    package func bandKeys(of document: Int) -> [UInt64] {
        let leads = batch.leadSignatures
        return engine.bandKeys(signature: batch.signatures[document], leadSignature: document < leads.count ? leads[document] : [])
    }
}
