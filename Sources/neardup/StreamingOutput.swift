import Foundation
import NearDup
import NearDupIO
#if canImport(Glibc)
import Glibc
#endif

/// An output written as it is produced, so one as large as the input is never held whole.
///
/// Where the bytes go follows `OutputTarget`: a regular file is written under a temporary
/// name beside it and renamed over it only when complete (an interrupted or failed run never
/// leaves a partial file that looks complete, and a failed run leaves the old file as it
/// was); a device, FIFO or socket is written in place; `-` is standard output. A name ending
/// in `.gz` gets gzip. Dropped before it is put in place, it removes its temporary file.
final class StreamingOutput: StagedOutput {
    /// The path as the user gave it, for messages.
    let path: String
    let target: OutputTarget
    /// Bytes handed to `write`, before any compression.
    private(set) var bytesWritten = 0
    private let temporaryPath: String?
    private let deflater: GzipDeflater?
    private var descriptor: Int32 = -1
    private var buffer: [UInt8] = []
    private let bufferLimit: Int
    private var phase = Phase.writing
    /// The file the output replaced, kept under another name until the whole run succeeds.
    private var previousCopy: String?

    private enum Phase { case writing, staged, inPlace, settled, discarded }

    init(path: String) throws(OutputError) {
        self.path = path
        target = try OutputTarget(path: path)
        if case .replacing(let resolved) = target {
            let url = URL(fileURLWithPath: resolved)
            temporaryPath = url.deletingLastPathComponent()
                .appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp").path
        } else {
            temporaryPath = nil
        }
        let compressed = target != .standardOutput
            && (path.lowercased().hasSuffix(".gz") || (target.path ?? "").lowercased().hasSuffix(".gz"))
        do {
            deflater = compressed ? try GzipDeflater() : nil
        } catch {
            throw OutputError(path: path, reason: error.message)
        }
        bufferLimit = target == .standardOutput ? 1 << 16 : 1 << 20
        buffer.reserveCapacity(bufferLimit)
    }

    deinit {
        if phase == .writing || phase == .staged { discard() }
    }

    /// Whether the output is gzip-compressed (its name ends in `.gz`).
    var isCompressed: Bool { deflater != nil }

    func write(_ bytes: some Collection<UInt8>) throws(OutputError) {
        precondition(phase == .writing, "write after the output was finished")
        buffer.append(contentsOf: bytes)
        bytesWritten += bytes.count
        if buffer.count >= bufferLimit { try flush() }
    }

    func write(_ text: String) throws(OutputError) { try write(text.utf8) }

    /// Writes and syncs everything; a replacing output is then complete under its temporary name.
    func stage() throws(OutputError) {
        guard phase == .writing else { return }
        do throws(OutputError) {
            try flush()
            if let deflater {
                let tail: [UInt8]
                do { tail = try deflater.finish() } catch { throw OutputError(path: path, reason: error.message) }
                try openIfNeeded()
                try writeAll(tail)
            }
            try openIfNeeded()
            if temporaryPath != nil {
                guard fsync(descriptor) == 0 else { throw failure() }
            }
            if target != .standardOutput {
                let closed = close(descriptor)
                descriptor = -1
                guard closed == 0 else { throw failure() }
            }
        } catch {
            discard()
            throw error
        }
        phase = .staged
    }

    /// Renames a staged file over its target; the replaced file is kept aside until
    /// `settle()` (or restored by `takeBack()`).
    func putInPlace() throws(OutputError) {
        precondition(phase == .staged, "putInPlace before stage")
        guard let temporaryPath, case .replacing(let resolved) = target else {
            phase = .inPlace
            return
        }
        let aside = temporaryPath + ".previous"
        unlink(aside)
        if link(resolved, aside) == 0 { previousCopy = aside }
        guard rename(temporaryPath, resolved) == 0 else {
            let error = failure()
            if let previousCopy { unlink(previousCopy) }
            previousCopy = nil
            discard()
            throw error
        }
        phase = .inPlace
    }

    /// Undoes `putInPlace()`: the replaced file comes back, a new one is removed.
    func takeBack() {
        guard phase == .inPlace, case .replacing(let resolved) = target else { return }
        if let previousCopy {
            rename(previousCopy, resolved)
        } else {
            unlink(resolved)
        }
        previousCopy = nil
        phase = .discarded
    }

    /// The run succeeded: the replaced file's copy is let go.
    func settle() {
        if let previousCopy { unlink(previousCopy) }
        previousCopy = nil
        phase = .settled
    }

    /// Stages, puts in place and settles: for an output that stands alone.
    func finish() throws(OutputError) {
        try stage()
        try putInPlace()
        settle()
    }

    /// Closes and removes the temporary file (after a failure).
    func discard() {
        if descriptor >= 0, target != .standardOutput { close(descriptor) }
        descriptor = -1
        if let temporaryPath, phase == .writing || phase == .staged { unlink(temporaryPath) }
        phase = .discarded
    }

    private func flush() throws(OutputError) {
        guard !buffer.isEmpty else { return }
        try openIfNeeded()
        if let deflater {
            let compressed: [UInt8]
            do { compressed = try deflater.compress(buffer) } catch { throw OutputError(path: path, reason: error.message) }
            try writeAll(compressed)
        } else {
            try writeAll(buffer)
        }
        buffer.removeAll(keepingCapacity: true)
    }

    private func openIfNeeded() throws(OutputError) {
        guard descriptor < 0 else { return }
        switch target {
        case .standardOutput:
            descriptor = STDOUT_FILENO
        case .inPlace(let resolved):
            descriptor = open(resolved, O_WRONLY | O_CLOEXEC)
        case .replacing:
            unlink(temporaryPath!)
            descriptor = open(temporaryPath!, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        }
        guard descriptor >= 0 else { throw failure() }
    }

    private func writeAll(_ bytes: [UInt8]) throws(OutputError) {
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { raw in
                writeDescriptor(descriptor, raw.baseAddress! + written, raw.count - written)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw failure()
            }
            written += count
        }
    }

    private func failure() -> OutputError {
        OutputError(path: path, reason: String(cString: strerror(errno)))
    }
}

/// write(2), under a name that the `write` methods do not shadow.
private func writeDescriptor(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}
