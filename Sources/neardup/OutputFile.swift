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
/// file beside the target (`StreamingFile`), renamed over it at the end, so an interrupted run
/// never leaves a partial file that looks complete. Output goes out as it is written (standard
/// output in pieces of 64 KiB, the file through its own buffer), so a report of hundreds of
/// megabytes is never held whole; a file that cannot be written is reported by `finish`.
struct OutputFile {
    let path: String?
    /// What waits for standard output.
    private var buffer: [UInt8] = []
    private var file: StreamingFile?
    private var failure: Error?

    init(path: String?) {
        self.path = path == "-" ? nil : path
    }

    mutating func write(_ text: String) { append(text.utf8) }

    mutating func write(bytes: [UInt8]) { append(bytes) }

    private mutating func append(_ bytes: some Collection<UInt8>) {
        guard let path else {
            buffer.append(contentsOf: bytes)
            if buffer.count >= 1 << 16 { flushStandardOutput() }
            return
        }
        guard failure == nil else { return }
        do {
            // The file opens on the first write.
            if file == nil { file = try StreamingFile(path: path) }
            try file!.write(bytes)
        } catch {
            file?.discard()
            file = nil
            failure = error
        }
    }

    mutating func finish() throws {
        guard let path else {
            flushStandardOutput()
            return
        }
        if let failure { throw failure }
        do {
            var file = try self.file ?? StreamingFile(path: path)
            self.file = nil
            try file.finish()
        } catch let error as OutputError {
            throw error
        } catch {
            throw OutputError(path: path, reason: (error as NSError).localizedDescription)
        }
    }

    private mutating func flushStandardOutput() {
        FileHandle.standardOutput.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }
}
