import Foundation
#if canImport(Glibc)
import Glibc
#endif

struct OutputError: Error, CustomStringConvertible {
    var path: String
    var reason: String
    var description: String { "\(path): cannot write output: \(reason)" }
}

/// Collects output and writes it to standard output, or to a file atomically: a temporary
/// file beside the target, renamed over it at the end, so an interrupted run never leaves a
/// partial file that looks complete.
struct OutputFile {
    let path: String?
    private(set) var buffer: [UInt8] = []

    init(path: String?) {
        self.path = path == "-" ? nil : path
        buffer.reserveCapacity(1 << 16)
    }

    mutating func write(_ text: String) { append(text.utf8) }

    mutating func write(bytes: [UInt8]) { append(bytes) }

    private mutating func append(_ bytes: some Sequence<UInt8>) {
        buffer.append(contentsOf: bytes)
        if path == nil && buffer.count >= 1 << 16 { flushStandardOutput() }
    }

    mutating func finish() throws {
        guard let path else {
            flushStandardOutput()
            return
        }
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try Data(buffer).write(to: temporary)
            // rename(2) replaces the target in one step.
            guard rename(temporary.path, path) == 0 else {
                throw OutputError(path: path, reason: String(cString: strerror(errno)))
            }
        } catch let error as OutputError {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw OutputError(path: path, reason: (error as NSError).localizedDescription)
        }
    }

    private mutating func flushStandardOutput() {
        FileHandle.standardOutput.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }
}
