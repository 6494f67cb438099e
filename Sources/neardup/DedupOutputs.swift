import Foundation
import NearDup
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An output directory built under a temporary name beside the target and renamed into
/// place by `putInPlace()`. The target must not exist or be an empty directory: a directory
/// that holds files is never replaced. Dropped before it is in place, it removes what it built.
final class DedupDirectoryOutput: StagedOutput {
    let path: String
    private let temporaryPath: String
    private var isInPlace = false
    /// The target was an empty directory, to be made again if the output is taken back.
    private var replacedEmptyDirectory = false

    init(path: String) throws(OutputError) {
        self.path = path
        let url = URL(fileURLWithPath: path)
        temporaryPath = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp").path
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
            replacedEmptyDirectory = true
        }
        do {
            try FileManager.default.createDirectory(atPath: temporaryPath, withIntermediateDirectories: false)
        } catch {
            throw OutputError(path: path, reason: Self.reason(error))
        }
    }

    deinit {
        if !isInPlace { try? FileManager.default.removeItem(atPath: temporaryPath) }
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

    /// The files are written as they are copied: nothing is left to complete.
    func stage() throws(OutputError) {}

    /// Renames the finished directory into place.
    func putInPlace() throws(OutputError) {
        precondition(!isInPlace)
        guard rename(temporaryPath, path) == 0 else {
            let code = errno
            let reason = code == ENOTEMPTY || code == EEXIST
                ? "directory exists and is not empty; remove it or name a new one" : String(cString: strerror(code))
            throw OutputError(path: path, reason: reason)
        }
        isInPlace = true
    }

    /// Moves the directory back under its temporary name (removed when this is dropped),
    /// and makes the empty directory it replaced again.
    func takeBack() {
        guard isInPlace, rename(path, temporaryPath) == 0 else { return }
        isInPlace = false
        if replacedEmptyDirectory { mkdir(path, 0o777) }
    }

    func settle() {}

    private static func reason(_ error: any Error) -> String {
        let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
        if let underlying, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return (error as NSError).localizedDescription
    }
}
