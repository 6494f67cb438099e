/// Runs the pipeline over documents as they are read: texts are sketched a chunk at a time
/// and then let go, so memory holds sketches, not the archive's text. `neardup cluster`,
/// `scan`, `dedup` and `report` run on it.
///
/// With more than one thread, chunks are sketched on worker threads while reading goes on
/// (`SketchWorkers`). Chunks are cut at a fixed size and joined in input order, so the result
/// is the same as `ClusteringPipeline.run` over all documents at once.
///
/// Given a scratch folder, the session also moves each chunk's shingles to a scratch file
/// there, and verification reads back only those it compares: memory then holds about a
/// signature and the report's fields per document, whatever the documents' length.
public struct ClusteringSession {
    public let pipeline: ClusteringPipeline
    private let chunkSize: Int
    private let spill: ShingleSpill?
    private let workers: SketchWorkers?
    private var pendingTexts: [DocumentText] = []
    private var pendingBytes = 0
    private var facts: [DocumentFacts] = []
    private var dates = DateSummary()
    private var batch = SketchBatch()

    /// `chunkSize`: documents sketched together (their sets go to the scratch file in one
    /// write). `scratchDirectory`: a folder for the shingles' scratch file (the system's
    /// temporary folder suits); nil keeps shingles in memory. With a scratch file, sets stay
    /// in memory all the same while all of them fit in `setsInMemory` bytes.
    public init(
        pipeline: ClusteringPipeline, chunkSize: Int = 256, scratchDirectory: String? = nil,
        setsInMemory: Int = ClusteringSession.defaultSetsInMemory
    ) throws(ScratchFileError) {
        precondition(chunkSize > 0 && setsInMemory >= 0)
        self.pipeline = pipeline
        self.chunkSize = chunkSize
        let spill = try scratchDirectory.map { directory throws(ScratchFileError) in
            try ShingleSpill(directory: directory, memoryBudget: setsInMemory)
        }
        self.spill = spill
        let threads = pipeline.options.threads
        workers = threads > 1
            ? SketchWorkers(threads: threads) { texts throws(ScratchFileError) in try pipeline.sketch(texts, spill: spill) }
            : nil
    }

    /// Text bytes after which a chunk is sketched, whatever its count of documents.
    static let chunkBytes = 8 << 20

    /// 64 MiB: the sets of about 10,000 news articles, which then never touch the disk. A
    /// larger corpus keeps none in memory, so its peak memory does not grow by the budget.
    public static let defaultSetsInMemory = 64 << 20

    /// Documents added so far.
    public var count: Int { facts.count }

    /// Bytes of shingle sets written to the scratch file so far (0 without one).
    public var scratchFileBytes: Int { spill?.end ?? 0 }

    /// Bytes of shingle sets held in memory under the scratch file's budget (0 without one,
    /// and 0 once the sets have outgrown it).
    public var setsInMemoryBytes: Int { spill?.keptInMemoryBytes ?? 0 }

    public mutating func add(_ document: Document) throws(ScratchFileError) {
        facts.append(DocumentFacts(document, date: dates.read(document, format: pipeline.options.dateFormat)))
        pendingTexts.append(DocumentText(document))
        pendingBytes += document.utf8Text.count
        // A chunk of long pages is cut sooner: memory holds a few chunks' texts at a time.
        if pendingTexts.count >= chunkSize || pendingBytes >= Self.chunkBytes { try sketchPending() }
    }

    /// Sketches what is left, then finds, verifies and clusters the copies among all documents.
    /// The session is empty afterwards. (Mutating rather than consuming: a session captured by
    /// a reading closure would otherwise be copied, and its sketches with it.)
    public mutating func finish() throws(ScratchFileError) -> ClusteringResult {
        try sketchPending()
        if let workers {
            for sketched in try workers.finish() { batch.append(sketched) }
        }
        try moveKeptSetsIfOverflowed()
        let sketched = batch
        var documents = facts
        sketched.applyPublicationTimes(to: &documents)
        batch = SketchBatch()
        facts = []
        var result = try pipeline.resolve(documents, batch: consume sketched)
        result.dates = dates
        dates = DateSummary()
        return result
    }

    /// Sketches the pending texts: on a worker when there are workers, taking back the
    /// chunks they have finished, or here.
    private mutating func sketchPending() throws(ScratchFileError) {
        guard !pendingTexts.isEmpty else { return }
        let texts = pendingTexts
        pendingTexts = []
        pendingBytes = 0
        pendingTexts.reserveCapacity(chunkSize)
        if let workers {
            for sketched in try workers.submit(texts) { batch.append(sketched) }
        } else {
            batch.append(try pipeline.sketch(texts, spill: spill))
        }
        try moveKeptSetsIfOverflowed()
    }

    /// Once the sets outgrow the memory budget, those kept so far go to the scratch file.
    private mutating func moveKeptSetsIfOverflowed() throws(ScratchFileError) {
        guard let spill, batch.keptParts > 0, spill.hasOverflowed else { return }
        try batch.spill(to: spill)
    }
}

/// What choosing a cluster's representative, and learning page furniture, need of a
/// document once its text is gone.
package struct DocumentFacts: Sendable, Equatable {
    /// The date as read (`DateSummary.read`), whoever set the document's date text.
    package var date: PublicationDate?
    package var textBytes: Int
    /// A hash of the publisher: the source field, or for a file read from a folder tree the
    /// first folder of its id (a site's folder); nil when neither says.
    package var source: UInt32?

    package init(date: PublicationDate?, textBytes: Int, source: UInt32?) {
        self.date = date
        self.textBytes = textBytes
        self.source = source
    }

    package init(_ document: Document, date: PublicationDate?) {
        self.date = date
        textBytes = document.utf8Text.count
        source = document.publisher.map(Self.key)
    }

    private static func key(_ name: String) -> UInt32 {
        UInt32(truncatingIfNeeded: XXH3.hash(name, seed: 0x5EED_50C3) >> 32)
    }
}
