import Foundation

/// Work started on another thread while the caller goes on with the store, which only the
/// calling thread may use: a load sketches its next chunk and sorts its next slice of band
/// keys while this thread writes the last one, and rows read are decoded while this thread
/// reads the next statement's.
final class BackgroundWork<Value>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: Result<Value, any Error>?

    init(_ work: @escaping @Sendable () throws -> Value) {
        DispatchQueue.global().async { [self] in
            result = Result { try work() }
            done.signal()
        }
    }

    /// Waits for the work to end; gives what it gave or throws what it threw.
    func value() throws -> Value {
        done.wait()
        // Another wait, after a failure on this side, returns at once.
        done.signal()
        return try result!.get()
    }
}
