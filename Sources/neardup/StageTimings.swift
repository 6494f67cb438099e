import Foundation
import NearDup
#if canImport(Glibc)
import Glibc
#endif

/// With `--timings`: how long each stage of a run took, and the peak memory, printed on
/// standard error at the end, for users who size a machine or compare settings.
final class StageTimings: @unchecked Sendable {
    private var marks: [(stage: String, start: Date)]
    private let lock = NSLock()

    init(firstStage: String) {
        marks = [(firstStage, Date())]
    }

    /// `stage` begins now; the one before it ends.
    func begin(_ stage: String) {
        lock.withLock { marks.append((stage, Date())) }
    }

    /// One line: each stage's seconds, the total, the peak resident memory, where the
    /// shingle sets waited (in memory or in the scratch file), and how much text was left out
    /// as learned furniture.
    func summary(setsInMemoryBytes: Int, scratchFileBytes: Int, furniture: FurnitureStatistics) -> String {
        let end = Date()
        let marks = lock.withLock { self.marks }
        var parts: [String] = []
        for (index, mark) in marks.enumerated() {
            let stop = index + 1 < marks.count ? marks[index + 1].start : end
            parts.append("\(mark.stage) \(Self.seconds(stop.timeIntervalSince(mark.start)))")
        }
        let total = Self.seconds(end.timeIntervalSince(marks[0].start))
        let inMemory = String(format: "%.1f MB", Double(setsInMemoryBytes) / 1_000_000)
        let scratch = String(format: "%.1f MB", Double(scratchFileBytes) / 1_000_000)
        let share = 100 * Double(furniture.droppedWords) / Double(max(furniture.totalWords, 1))
        return "timings: " + parts.joined(separator: ", ")
            + "; total \(total), peak memory \(Self.peakMemory()), sets in memory \(inMemory), scratch file \(scratch)"
            + "; learned furniture: \(counted(furniture.paragraphs, "paragraph")) left out of \(counted(furniture.documents, "page")), "
            + String(format: "%.1f%% of words", share)
    }

    private static func seconds(_ interval: TimeInterval) -> String {
        String(format: "%.2f s", interval)
    }

    private static func peakMemory() -> String {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        // Linux reports kilobytes.
        return String(format: "%.1f MB", Double(usage.ru_maxrss) * 1024 / 1_000_000)
    }
}
