import Dispatch
import Foundation

/// Splits `0..<count` into fixed chunks, runs them on up to `threads` threads, and returns
/// the chunks' results in chunk order: the outcome never depends on the thread count.
package struct ParallelChunks: Sendable {
    package let count: Int
    package let chunkSize: Int
    package let threads: Int

    package init(count: Int, chunkSize: Int, threads: Int) {
        precondition(chunkSize > 0)
        self.count = count
        self.chunkSize = chunkSize
        self.threads = threads
    }

    package func map<Value>(_ body: @escaping @Sendable (Range<Int>) -> Value) -> [Value] {
        let chunkCount = (count + chunkSize - 1) / chunkSize
        let results = ChunkResults<Value>(count: chunkCount)
        let work: @Sendable (Int) -> Void = { chunk in
            results[chunk] = body((chunk * chunkSize)..<min(count, (chunk + 1) * chunkSize))
        }
        if threads > 1 && chunkCount > 1 {
            let queue = DispatchQueue(label: "neardup.chunks", attributes: .concurrent)
            let group = DispatchGroup()
            let next = AtomicCounter()
            for _ in 0..<min(threads, chunkCount) {
                queue.async(group: group) {
                    while true {
                        let chunk = next.increment()
                        if chunk >= chunkCount { break }
                        work(chunk)
                    }
                }
            }
            group.wait()
        } else {
            for chunk in 0..<chunkCount { work(chunk) }
        }
        return (0..<chunkCount).map { results[$0]! }
    }
}

/// Results of parallel chunks, written once each from any thread.
final class ChunkResults<Value>: @unchecked Sendable {
    private var values: [Value?]
    private let lock = NSLock()

    init(count: Int) { values = Array(repeating: nil, count: count) }

    subscript(index: Int) -> Value? {
        get { lock.withLock { values[index] } }
        set { lock.withLock { values[index] = newValue } }
    }
}

final class AtomicCounter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()

    /// Returns the current value and adds one.
    func increment() -> Int {
        lock.withLock {
            defer { value += 1 }
            return value
        }
    }
}
