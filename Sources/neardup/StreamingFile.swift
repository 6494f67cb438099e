import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A large output written as it is produced: into a temporary file beside the target,
/// renamed over the target when complete, so an interrupted run leaves no partial file
/// under the target's name.
struct StreamingFile {
    let path: String
    let temporary: String
    private var handle: UnsafeMutablePointer<FILE>?
    private var buffer: [UInt8] = []
    private(set) var bytesWritten = 0

    init(path: String) throws {
        self.path = path
        let url = URL(fileURLWithPath: path)
        temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp").path
        guard let handle = fopen(temporary, "wb") else {
            throw OutputError(path: path, reason: String(cString: strerror(errno)))
        }
        self.handle = handle
        buffer.reserveCapacity(1 << 20)
    }

    mutating func write(_ bytes: some Collection<UInt8>) throws {
        buffer.append(contentsOf: bytes)
        bytesWritten += bytes.count
        if buffer.count >= 1 << 20 { try flush() }
    }

    private mutating func flush() throws {
        guard !buffer.isEmpty, let handle else { return }
        let written = buffer.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, handle) }
        guard written == buffer.count else {
            let reason = String(cString: strerror(errno))
            discard()
            throw OutputError(path: path, reason: reason)
        }
        buffer.removeAll(keepingCapacity: true)
    }

    mutating func finish() throws {
        try flush()
        guard let handle else { return }
        self.handle = nil
        guard fclose(handle) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw OutputError(path: path, reason: reason)
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw OutputError(path: path, reason: reason)
        }
    }

    /// Closes and removes the temporary file (after a failure).
    mutating func discard() {
        if let handle { fclose(handle) }
        handle = nil
        unlink(temporary)
    }
}
