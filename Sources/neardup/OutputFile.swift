import Foundation

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

    mutating func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
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
            if FileManager.default.fileExists(atPath: path) {
                _ = try FileManager.default.replaceItemAt(url, withItemAt: temporary)
            } else {
                try FileManager.default.moveItem(at: temporary, to: url)
            }
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
