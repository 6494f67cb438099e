import Foundation
import NearDup
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An output file written as a stream and put in place atomically: the bytes go to a
/// temporary file beside the target, which `commit()` renames over it (rename(2)), so an
/// interrupted or failed run never leaves a partial file that looks complete. Unlike
/// `OutputFile` it does not hold the output in memory, so it suits outputs as large as
/// the input. Dropped without `commit()`, it removes its temporary file.
final class DedupFileOutput {
    let path: String
    private let temporaryPath: String
    private var descriptor: Int32
    private var buffer: [UInt8] = []
    private var committed = false
    /// Bytes gathered before a write(2).
    private static let bufferSize = 1 << 20

    init(path: String) throws(OutputError) {
        self.path = path
        temporaryPath = DedupFileOutput.temporaryPath(for: path)
        unlink(temporaryPath)
        descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else {
            throw OutputError(path: path, reason: String(cString: strerror(errno)))
        }
        buffer.reserveCapacity(Self.bufferSize)
    }

    deinit {
        if !committed {
            if descriptor >= 0 { close(descriptor) }
            unlink(temporaryPath)
        }
    }

    /// A hidden name in the target's directory, so the final rename stays on one file system.
    static func temporaryPath(for path: String) -> String {
        let url = URL(fileURLWithPath: path)
        return url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp").path
    }

    func write(_ bytes: [UInt8]) throws(OutputError) {
        buffer += bytes
        if buffer.count >= Self.bufferSize { try flush() }
    }

    func write(_ text: String) throws(OutputError) {
        try write(Array(text.utf8))
    }

    /// Writes what is buffered, syncs it to disk and renames the file into place.
    func commit() throws(OutputError) {
        precondition(!committed)
        try flush()
        guard fsync(descriptor) == 0 else { throw failure() }
        let closed = close(descriptor)
        descriptor = -1
        guard closed == 0 else { throw failure() }
        guard rename(temporaryPath, path) == 0 else { throw failure() }
        committed = true
    }

    private func flush() throws(OutputError) {
        var written = 0
        while written < buffer.count {
            let n = buffer.withUnsafeBytes { bytes in
                writeDescriptor(descriptor, bytes.baseAddress! + written, bytes.count - written)
            }
            if n < 0 {
                if errno == EINTR { continue }
                throw failure()
            }
            written += n
        }
        buffer.removeAll(keepingCapacity: true)
    }

    private func failure() -> OutputError {
        OutputError(path: path, reason: String(cString: strerror(errno)))
    }
}

/// write(2), under a name that the `write` methods do not shadow.
private func writeDescriptor(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}

/// An output directory built under a temporary name beside the target and renamed into
/// place by `commit()`. The target must not exist or be an empty directory: a directory
/// that holds files is never replaced. Dropped without `commit()`, it removes what it built.
final class DedupDirectoryOutput {
    let path: String
    private let temporaryPath: String
    private var committed = false

    init(path: String) throws(OutputError) {
        self.path = path
        temporaryPath = DedupFileOutput.temporaryPath(for: path)
        try? FileManager.default.removeItem(atPath: temporaryPath)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw OutputError(path: path, reason: "exists and is not a directory (directory inputs give a directory of files)")
            }
            let contents = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            guard contents.isEmpty else {
                throw OutputError(path: path, reason: "directory exists and is not empty; remove it or name a new one")
            }
        }
        do {
            try FileManager.default.createDirectory(atPath: temporaryPath, withIntermediateDirectories: false)
        } catch {
            throw OutputError(path: path, reason: Self.reason(error))
        }
    }

    deinit {
        if !committed { try? FileManager.default.removeItem(atPath: temporaryPath) }
    }

    /// Copies the file at `source` to `relativePath` inside the directory, byte for byte.
    /// A source that cannot be read is an `InputError`, a copy that cannot be written an `OutputError`.
    func copyFile(from source: String, to relativePath: String) throws {
        let destination = temporaryPath + "/" + relativePath
        let reader: FileHandle
        do {
            reader = try FileHandle(forReadingFrom: URL(fileURLWithPath: source))
        } catch {
            throw InputError("cannot read: \(Self.reason(error))", at: SourceLocation(file: source, line: 0))
        }
        defer { try? reader.close() }
        do {
            try FileManager.default.createDirectory(
                atPath: (destination as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            guard FileManager.default.createFile(atPath: destination, contents: nil) else {
                throw OutputError(path: path + "/" + relativePath, reason: "cannot create the file")
            }
        } catch let error as OutputError {
            throw error
        } catch {
            throw OutputError(path: path + "/" + relativePath, reason: Self.reason(error))
        }
        let writer: FileHandle
        do {
            writer = try FileHandle(forWritingTo: URL(fileURLWithPath: destination))
        } catch {
            throw OutputError(path: path + "/" + relativePath, reason: Self.reason(error))
        }
        defer { try? writer.close() }
        while true {
            let chunk: Data
            do {
                chunk = try reader.read(upToCount: 1 << 20) ?? Data()
            } catch {
                throw InputError("cannot read: \(Self.reason(error))", at: SourceLocation(file: source, line: 0))
            }
            if chunk.isEmpty { break }
            do {
                try writer.write(contentsOf: chunk)
            } catch {
                throw OutputError(path: path + "/" + relativePath, reason: Self.reason(error))
            }
        }
    }

    /// Writes a file of `bytes` at `relativePath` inside the directory, making its folders.
    func writeFile(_ bytes: [UInt8], to relativePath: String) throws(OutputError) {
        do {
            if relativePath.contains("/") {
                try FileManager.default.createDirectory(
                    atPath: ((temporaryPath + "/" + relativePath) as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            }
            try Data(bytes).write(to: URL(fileURLWithPath: temporaryPath + "/" + relativePath))
        } catch {
            throw OutputError(path: path + "/" + relativePath, reason: Self.reason(error))
        }
    }

    /// Renames the finished directory into place.
    func commit() throws(OutputError) {
        precondition(!committed)
        guard rename(temporaryPath, path) == 0 else {
            let code = errno
            let reason = code == ENOTEMPTY || code == EEXIST
                ? "directory exists and is not empty; remove it or name a new one" : String(cString: strerror(code))
            throw OutputError(path: path, reason: reason)
        }
        committed = true
    }

    private static func reason(_ error: any Error) -> String {
        let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
        if let underlying, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return (error as NSError).localizedDescription
    }
}
