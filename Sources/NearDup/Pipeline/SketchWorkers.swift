import Dispatch
import Foundation

/// Sketches chunks of texts on worker threads while the caller goes on reading, and hands
/// the sketched chunks back in the order they were given.
///
/// Each chunk starts as soon as a worker is free, so no worker waits for the slowest chunk
/// of a batch, and at most one chunk per worker, plus one, is in hand at a time: memory holds
/// a few chunks of text, whatever the input's size. Chunks are the caller's, so the outcome
/// does not depend on how many threads sketch them.
final class SketchWorkers: @unchecked Sendable {
    typealias Sketch = @Sendable ([DocumentText]) throws(ScratchFileError) -> SketchBatch

    private let sketch: Sketch
    private let slots: DispatchSemaphore
    private let running = DispatchGroup()
    private let lock = NSLock()
    /// Sketched chunks not yet handed back, by submission number, with their texts.
    private var finished: [Int: (result: Result<SketchBatch, ScratchFileError>, texts: [DocumentText])] = [:]
    private var submitted = 0
    private var handedBack = 0

    init(threads: Int, sketch: @escaping Sketch) {
        precondition(threads > 0)
        self.sketch = sketch
        slots = DispatchSemaphore(value: threads + 1)
    }

    /// Starts sketching `texts`, first waiting for a free slot, and returns the chunks
    /// finished since the last call, in order (rethrowing a chunk's failure in its place).
    func submit(_ texts: [DocumentText]) throws(ScratchFileError) -> [SketchBatch] {
        slots.wait()
        let number = submitted
        submitted += 1
        let handed = TextsInHand(texts)
        DispatchQueue.global().async(group: running) { [self] in
            let texts = handed.take()
            let result = Result { () throws(ScratchFileError) -> SketchBatch in try sketch(texts) }
            lock.withLock { finished[number] = (result, texts) }
            slots.signal()
        }
        return try takeFinished()
    }

    /// Waits for every chunk and returns those not yet handed back, in order.
    func finish() throws(ScratchFileError) -> [SketchBatch] {
        running.wait()
        return try takeFinished()
    }

    private func takeFinished() throws(ScratchFileError) -> [SketchBatch] {
        var ready: [SketchBatch] = []
        while let chunk = lock.withLock({ finished.removeValue(forKey: handedBack) }) {
            handedBack += 1
            ready.append(try chunk.result.get())
        }
        return ready
    }
}

/// Texts handed to a worker: it takes them out, so the closure that carried them does not
/// hold the last reference when the worker lets go of it.
private final class TextsInHand: @unchecked Sendable {
    private var texts: [DocumentText]

    init(_ texts: [DocumentText]) { self.texts = texts }

    func take() -> [DocumentText] {
        defer { texts = [] }
        return texts
    }
}
