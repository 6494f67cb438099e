import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Progress on standard error while a run reads and works: documents and megabytes read,
/// the rate, and the time left when the input's size is known; then each pipeline stage.
/// Only when standard error is a terminal and `--quiet` is not given, so logs and pipes stay
/// clean. The line is redrawn in place at most five times a second and cleared at the end.
final class ProgressMeter: @unchecked Sendable {
    private let isEnabled: Bool
    private let totalBytes: Int?
    private let start = Date()
    private var lastDraw = Date.distantPast
    private var isShowing = false
    private let lock = NSLock()
    /// Seconds of reading before the time left is estimated.
    static let estimateDelay = 3.0

    init(quiet: Bool, paths: [String]) {
        isEnabled = !quiet && isatty(STDERR_FILENO) == 1
        totalBytes = Self.plainFileBytes(of: paths)
    }

    /// Reading: `documents` read so far, `bytes` of their records.
    func reading(documents: Int, bytes: Int) {
        guard isEnabled else { return }
        let now = Date()
        guard now.timeIntervalSince(lastDraw) >= 0.2 else { return }
        lastDraw = now
        draw(Self.readingLine(documents: documents, bytes: bytes, seconds: now.timeIntervalSince(start), totalBytes: totalBytes))
    }

    /// The reading frame after `seconds`: the time left only once the rate has settled
    /// (the first moments are start-up and cold caches, and would promise minutes for seconds).
    static func readingLine(documents: Int, bytes: Int, seconds: Double, totalBytes: Int?) -> String {
        let rate = Double(bytes) / 1_000_000 / max(seconds, 1e-3)
        var line = "read \(counted(documents, "document")), \(fixed(Double(bytes) / 1_000_000, digits: 1)) MB, "
            + "\(fixed(rate, digits: 1)) MB/s"
        if let totalBytes, totalBytes > bytes, rate > 0, seconds >= estimateDelay {
            line += ", about \(duration(Double(totalBytes - bytes) / 1_000_000 / rate)) left to read"
        }
        return line
    }

    /// A pipeline stage has begun.
    func stage(_ description: String) {
        guard isEnabled else { return }
        draw(description + "…")
    }

    func finish() {
        guard isEnabled else { return }
        lock.withLock {
            if isShowing { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
            isShowing = false
        }
    }

    private func draw(_ line: String) {
        lock.withLock {
            FileHandle.standardError.write(Data(("\r\u{1B}[K" + line).utf8))
            isShowing = true
        }
    }

    /// The total size of the inputs when every one is a plain (not compressed) file.
    private static func plainFileBytes(of paths: [String]) -> Int? {
        var total = 0
        for path in paths {
            guard path != "-", !path.hasSuffix(".gz"),
                  let attributes = try? FileManager.default.attributesOfItem(atPath: path),
                  attributes[.type] as? FileAttributeType == .typeRegular,
                  let size = attributes[.size] as? Int
            else { return nil }
            total += size
        }
        return total
    }

    static func duration(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded(.up))
        return whole < 60 ? "\(whole) s" : "\(whole / 60) min \(whole % 60) s"
    }
}
