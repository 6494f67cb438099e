import Dispatch

/// Runs the pipeline over documents as they are read: texts are sketched a batch at a time
/// (in parallel) and then let go, so memory holds sketches, not the archive's text.
///
/// With more than one thread, a full batch is sketched in the background while reading
/// goes on to fill the next one. Batches are cut at fixed sizes and joined in input order,
/// so the result is the same as `ClusteringPipeline.run` over all documents at once.
public struct ClusteringSession {
    public let pipeline: ClusteringPipeline
    private let batchSize: Int
    private var pendingTexts: [String] = []
    private var facts: [DocumentFacts] = []
    private var batch = SketchBatch()
    /// The batch being sketched in the background, joined before the next one starts.
    private var inFlight: (group: DispatchGroup, result: ChunkResults<SketchBatch>)?

    public init(pipeline: ClusteringPipeline, batchSize: Int = 4_096) {
        precondition(batchSize > 0)
        self.pipeline = pipeline
        self.batchSize = batchSize
    }

    /// Documents added so far.
    public var count: Int { facts.count }

    public mutating func add(_ document: Document) {
        facts.append(DocumentFacts(document))
        pendingTexts.append(document.text)
        if pendingTexts.count >= batchSize { sketchPending() }
    }

    /// Sketches what is left, then finds, verifies and clusters the copies among all documents.
    /// The session is empty afterwards. (Mutating rather than consuming: a session captured by
    /// a reading closure would otherwise be copied, and its sketches with it.)
    public mutating func finish() -> ClusteringResult {
        sketchPending(waits: true)
        var sketched = batch
        let documents = facts
        batch = SketchBatch()
        facts = []
        return pipeline.resolve(documents, batch: &sketched)
    }

    /// Starts sketching the pending texts (in the background when threads allow); with
    /// `waits`, also joins it, so that every batch is in `batch`.
    private mutating func sketchPending(waits: Bool = false) {
        joinInFlight()
        if !pendingTexts.isEmpty {
            let texts = pendingTexts
            pendingTexts = []
            pendingTexts.reserveCapacity(batchSize)
            if pipeline.options.threads > 1 && !waits {
                let group = DispatchGroup()
                let result = ChunkResults<SketchBatch>(count: 1)
                let pipeline = self.pipeline
                DispatchQueue.global().async(group: group) { result[0] = pipeline.sketch(texts) }
                inFlight = (group, result)
            } else {
                batch.append(pipeline.sketch(texts))
            }
        }
    }

    private mutating func joinInFlight() {
        guard let (group, result) = inFlight else { return }
        group.wait()
        batch.append(result[0]!)
        inFlight = nil
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
