/// Runs the pipeline over documents as they are read: texts are sketched a batch at a time
/// (in parallel) and then let go, so memory holds sketches, not the archive's text.
///
/// Batches are cut at fixed sizes and sketching joins its parts in input order, so the
/// result is the same as `ClusteringPipeline.run` over all documents at once.
public struct ClusteringSession {
    public let pipeline: ClusteringPipeline
    private let batchSize: Int
    private var pendingTexts: [String] = []
    private var facts: [DocumentFacts] = []
    private var batch = SketchBatch()

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
        sketchPending()
        var sketched = batch
        let documents = facts
        batch = SketchBatch()
        facts = []
        return pipeline.resolve(documents, batch: &sketched)
    }

    private mutating func sketchPending() {
        guard !pendingTexts.isEmpty else { return }
        batch.append(pipeline.sketch(pendingTexts))
        pendingTexts.removeAll(keepingCapacity: true)
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
