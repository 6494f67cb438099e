import Dispatch

/// Runs the pipeline over documents as they are read: texts are sketched a batch at a time
/// (in parallel) and then let go, so memory holds sketches, not the archive's text.
///
/// With more than one thread, a full batch is sketched in the background while reading
/// goes on to fill the next one. Batches are cut at fixed sizes and joined in input order,
/// so the result is the same as `ClusteringPipeline.run` over all documents at once.
///
/// Given a scratch folder, the session also moves each batch's shingles to a scratch file
/// there, and verification reads back only those it compares: memory then holds about a
/// signature and the report's fields per document, whatever the documents' length.
public struct ClusteringSession {
    public let pipeline: ClusteringPipeline
    private let batchSize: Int
    private let spill: ShingleSpill?
    private var pendingTexts: [String] = []
    private var facts: [DocumentFacts] = []
    private var batch = SketchBatch()
    /// The batch being sketched in the background, joined before the next one starts.
    private var inFlight: (group: DispatchGroup, result: ChunkResults<Result<SketchBatch, ScratchFileError>>)?

    /// `scratchDirectory`: a folder for the shingles' scratch file (the system's temporary
    /// folder suits); nil keeps shingles in memory.
    public init(pipeline: ClusteringPipeline, batchSize: Int = 4_096, scratchDirectory: String? = nil) throws(ScratchFileError) {
        precondition(batchSize > 0)
        self.pipeline = pipeline
        self.batchSize = batchSize
        spill = try scratchDirectory.map { directory throws(ScratchFileError) in try ShingleSpill(directory: directory) }
    }

    /// Documents added so far.
    public var count: Int { facts.count }

    /// Bytes of shingle sets written to the scratch file so far (0 without one).
    public var scratchFileBytes: Int { spill?.end ?? 0 }

    public mutating func add(_ document: Document) throws(ScratchFileError) {
        facts.append(DocumentFacts(document))
        pendingTexts.append(document.text)
        if pendingTexts.count >= batchSize { try sketchPending() }
    }

    /// Sketches what is left, then finds, verifies and clusters the copies among all documents.
    /// The session is empty afterwards. (Mutating rather than consuming: a session captured by
    /// a reading closure would otherwise be copied, and its sketches with it.)
    public mutating func finish() throws(ScratchFileError) -> ClusteringResult {
        try sketchPending(waits: true)
        let sketched = batch
        let documents = facts
        batch = SketchBatch()
        facts = []
        return try pipeline.resolve(documents, batch: sketched)
    }

    /// Starts sketching the pending texts (in the background when threads allow); with
    /// `waits`, also joins it, so that every batch is in `batch`.
    private mutating func sketchPending(waits: Bool = false) throws(ScratchFileError) {
        try joinInFlight()
        guard !pendingTexts.isEmpty else { return }
        let texts = pendingTexts
        pendingTexts = []
        pendingTexts.reserveCapacity(batchSize)
        let pipeline = self.pipeline
        let spill = self.spill
        let work = { @Sendable () throws(ScratchFileError) -> SketchBatch in
            try pipeline.sketch(texts, spill: spill)
        }
        if pipeline.options.threads > 1 && !waits {
            let group = DispatchGroup()
            let result = ChunkResults<Result<SketchBatch, ScratchFileError>>(count: 1)
            DispatchQueue.global().async(group: group) { result[0] = Result(catching: work) }
            inFlight = (group, result)
        } else {
            batch.append(try work())
        }
    }

    private mutating func joinInFlight() throws(ScratchFileError) {
        guard let (group, result) = inFlight else { return }
        group.wait()
        inFlight = nil
        batch.append(try result[0]!.get())
    }
}

/// What choosing a cluster's representative needs of a document once its text is gone.
struct DocumentFacts: Sendable {
    var date: String?
    var textBytes: Int

    init(_ document: Document) {
        date = document.date
        textBytes = document.text.utf8.count
    }
}
