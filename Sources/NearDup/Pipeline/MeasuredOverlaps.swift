import Foundation

/// Overlaps a group's clustering has measured on the sets, so that the report's similarity
/// of a member to its representative is not merged a second time. At a million documents,
/// clustering asked 343,000 members for support on their sets and then reported 540,000
/// similarities, most of them for the same pairs.
final class MeasuredOverlaps: @unchecked Sendable {
    private var overlaps: [DocumentPair: Double] = [:]
    private let lock = NSLock()

    subscript(pair: DocumentPair) -> Double? {
        get { lock.withLock { overlaps[pair] } }
        set { lock.withLock { overlaps[pair] = newValue } }
    }
}
