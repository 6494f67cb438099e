import Foundation

/// The first error met inside a closure that cannot throw (the clusterer's questions), kept
/// to be thrown once the clusterer returns. Used by one component at a time.
final class FirstFailure<Failure: Error>: @unchecked Sendable {
    private var failure: Failure?
    private let lock = NSLock()

    func record(_ error: Failure) {
        lock.withLock { if failure == nil { failure = error } }
    }

    func check() throws(Failure) {
        if let failure = lock.withLock({ failure }) { throw failure }
    }
}
