import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A scratch file that holds sketched documents' shingles until verification reads back
/// those it compares, so memory keeps signatures, not every document's shingles.
///
/// Sets may stay in memory instead while they all fit in `memoryBudget`: a small corpus then
/// never writes its sets and reads them back. The first set that does not fit ends that for
/// the run: the sets kept so far move to the file too (`hasOverflowed`), so a large corpus
/// holds none of them when memory matters most.
///
/// The file is unlinked as soon as it is made: it takes no name in the folder, and the
/// system frees its space when the run ends, however it ends. Appends and reads may come
/// from any thread: each append reserves its own range, so writers never overlap.
final class ShingleSpill: @unchecked Sendable {
    /// The folder the file was made in, for messages.
    let directory: String
    private let descriptor: Int32
    /// Bytes of sets that may stay in memory, in all.
    private let memoryBudget: Int
    /// Bytes reserved so far: where the next append lands.
    private var reserved = 0
    /// Bytes of sets held in memory under the budget.
    private var keptInMemory = 0
    /// Whether a set did not fit: no more are kept, and those kept are to move to the file.
    private var overflowed = false
    private let lock = NSLock()

    /// Bytes written (or being written) so far.
    var end: Int { lock.withLock { reserved } }

    /// Bytes of sets held in memory under the budget.
    var keptInMemoryBytes: Int { lock.withLock { keptInMemory } }

    /// Whether the sets outgrew the memory budget, so that all of them belong in the file.
    var hasOverflowed: Bool { lock.withLock { overflowed } }

    init(directory: String, memoryBudget: Int = 0) throws(ScratchFileError) {
        self.directory = directory
        self.memoryBudget = memoryBudget
        var template = Array((directory.hasSuffix("/") ? directory : directory + "/").utf8CString.dropLast())
        template += Array("neardup-shingles.XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard made >= 0 else { throw ScratchFileError(directory: directory, reason: Self.lastError()) }
        // The name is used once, to unlink it: the descriptor keeps the file until it closes.
        _ = template.withUnsafeBufferPointer { unlink($0.baseAddress!) }
        #if os(Linux) && (arch(x86_64) || arch(arm64))
        // Reads then skip the access-time check, about 6% of the time each read takes in the
        // kernel. (Glibc's module leaves out O_NOATIME; this is its value on both architectures.)
        let noAccessTime: Int32 = 0o1000000
        _ = fcntl(made, F_SETFL, fcntl(made, F_GETFL) | noAccessTime)
        #endif
        descriptor = made
    }

    deinit {
        // Closing frees the file's space, which takes seconds for gigabytes: let it overlap
        // with what the process does next (writing its report).
        let descriptor = self.descriptor
        DispatchQueue.global(qos: .utility).async { close(descriptor) }
    }

    /// Whether `bytes` more of sets fit in the memory budget; if so, they are counted in it.
    func keepsInMemory(_ bytes: Int) -> Bool {
        lock.withLock {
            guard !overflowed else { return false }
            guard keptInMemory + bytes <= memoryBudget else {
                overflowed = true
                return false
            }
            keptInMemory += bytes
            return true
        }
    }

    /// Kept sets of `bytes` have moved to the file.
    func releaseFromMemory(_ bytes: Int) {
        lock.withLock { keptInMemory -= bytes }
    }

    /// Writes `values` at the end of the file and returns the byte offset they start at.
    func append<Value: FixedWidthInteger>(_ values: [Value]) throws(ScratchFileError) -> Int {
        let offset = lock.withLock {
            defer { reserved += values.count * MemoryLayout<Value>.stride }
            return reserved
        }
        var failure: String?
        values.withUnsafeBytes { bytes in
            var written = 0
            while written < bytes.count {
                let result = pwrite(descriptor, bytes.baseAddress! + written, bytes.count - written, off_t(offset + written))
                if result < 0 {
                    if errno == EINTR { continue }
                    failure = Self.lastError()
                    return
                }
                written += result
            }
        }
        if let failure { throw ScratchFileError(directory: directory, reason: failure) }
        return offset
    }

    /// Reads `count` values from byte `offset` into `buffer` (replacing its contents).
    func read<Value: FixedWidthInteger>(count: Int, at offset: Int, into buffer: inout [Value]) throws(ScratchFileError) {
        // pread overwrites every value.
        buffer.resize(toCount: count)
        var failure: String?
        buffer.withUnsafeMutableBytes { bytes in
            var done = 0
            while done < bytes.count {
                let result = pread(descriptor, bytes.baseAddress! + done, bytes.count - done, off_t(offset + done))
                if result < 0 && errno == EINTR { continue }
                guard result > 0 else {
                    failure = result < 0 ? Self.lastError() : "the file ended early"
                    return
                }
                done += result
            }
        }
        if let failure { throw ScratchFileError(directory: directory, reason: failure) }
    }

    private static func lastError() -> String { String(cString: strerror(errno)) }
}

/// The scratch file for shingles could not be made, written or read back (a full disk, a
/// folder that does not exist or is not writable).
public struct ScratchFileError: Error, Sendable, CustomStringConvertible {
    public var directory: String
    public var reason: String

    package init(directory: String, reason: String) {
        self.directory = directory
        self.reason = reason
    }

    public var description: String {
        "cannot use a scratch file in \(directory): \(reason) (set TMPDIR to a folder with room)"
    }
}
