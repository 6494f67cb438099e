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
        let seconds = max(now.timeIntervalSince(start), 1e-3)
        let rate = Double(bytes) / 1_000_000 / seconds
        var line = "read \(documents) documents, \(fixed(Double(bytes) / 1_000_000, digits: 1)) MB, "
            + "\(fixed(rate, digits: 1)) MB/s"
        if let totalBytes, totalBytes > bytes, rate > 0 {
            line += ", about \(Self.duration(Double(totalBytes - bytes) / 1_000_000 / rate)) left to read"
        }
        draw(line)
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

    private static func duration(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded(.up))
        return whole < 60 ? "\(whole) s" : "\(whole / 60) min \(whole % 60) s"
    }
}
