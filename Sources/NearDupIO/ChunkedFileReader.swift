import NearDup
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Reads a file, or standard input, through one reusable buffer.
///
/// Readers see the bytes not yet consumed as one contiguous region, consume what they
/// have handled and ask for more. The buffer only grows when a single record is longer
/// than it, and shrinks back afterwards, so memory stays bounded by the longest record
/// rather than the file size. Gzip data (a path ending in `.gz`, or any input that starts
/// with the gzip signature 1F 8B, standard input included) is decompressed on the way in,
/// and UTF-16 text (found by its byte-order mark) is decoded to UTF-8; readers see, and
/// `position` counts, the bytes that come out.
final class ChunkedFileReader {
    /// The name used in messages: the path as given, or `<stdin>`.
    let displayName: String

    private let source: DescriptorStream
    private let ownsDescriptor: Bool
    private let inflater: GzipInflater?
    private var utf16: UTF16StreamDecoder?
    private let chunkSize: Int
    private var storage: UnsafeMutableRawBufferPointer
    private var start = 0
    private var end = 0
    private(set) var reachedEnd = false
    /// Bytes consumed before `unread`: the offset of `unread`'s first byte in the
    /// (uncompressed, decoded) input.
    private(set) var position = 0

    /// The display name used for standard input.
    static let standardInputName = "<stdin>"

    /// Where standard input stood when it was first read, when it is a regular file
    /// (redirected from one, or a copy spooled from a pipe): each reading of "-" starts
    /// there, so that standard input can be read more than once. Nil for a pipe or terminal.
    static func standardInputStart() -> Int? {
        var info = stat()
        guard fstat(STDIN_FILENO, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        let file = StandardInputFile(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
        return standardInputStarts.withLock { starts in
            if let start = starts[file] { return start }
            let offset = lseek(STDIN_FILENO, 0, SEEK_CUR)
            guard offset >= 0 else { return nil }
            starts[file] = Int(offset)
            return Int(offset)
        }
    }

    /// The file standard input is, and where it stood when it was first read.
    private struct StandardInputFile: Hashable {
        var device: UInt64
        var inode: UInt64
    }
    private static let standardInputStarts = Mutex<[StandardInputFile: Int]>([:])

    /// Opens `path` for reading; "-" means standard input. Gzip data is decompressed.
    init(path: String, chunkSize: Int = 1 << 20) throws(InputError) {
        precondition(chunkSize >= 16)
        self.chunkSize = chunkSize
        let descriptor: Int32
        if path == "-" {
            displayName = Self.standardInputName
            descriptor = STDIN_FILENO
            ownsDescriptor = false
            if let start = Self.standardInputStart() {
                lseek(STDIN_FILENO, off_t(start), SEEK_SET)
            }
        } else {
            displayName = path
            descriptor = open(path, O_RDONLY | O_CLOEXEC)
            if descriptor < 0 {
                throw InputError("cannot open: \(Self.describeErrno(errno))", at: SourceLocation(file: path, line: 0))
            }
            ownsDescriptor = true
        }
        source = DescriptorStream(descriptor: descriptor)
        if InputCompression(path: path) == .gzip || source.peek(2) == [0x1F, 0x8B] {
            do {
                inflater = try GzipInflater(source: source)
            } catch {
                if ownsDescriptor { close(descriptor) }
                throw InputError(error.message, at: SourceLocation(file: displayName, line: 0))
            }
        } else {
            inflater = nil
        }
        storage = .allocate(byteCount: chunkSize, alignment: 16)
        // Two bytes tell UTF-16; reading no more leaves the first read to fill the buffer.
        while end < 2 {
            let n = try readSome(into: storage.baseAddress! + end, count: 2 - end, line: 1)
            if n == 0 {
                reachedEnd = true
                break
            }
            end += n
        }
        if let order = UTF16ByteOrder(byteOrderMarkOf: unread) {
            guard let decoder = UTF16StreamDecoder(order: order, initialBytes: UnsafeRawBufferPointer(rebasing: unread.dropFirst(2))) else {
                throw InputError("this system's iconv cannot convert from \(order.iconvName)", at: SourceLocation(file: displayName, line: 0))
            }
            utf16 = decoder
            start = 0
            end = 0
        }
    }

    /// Whether the input is UTF-16, decoded to UTF-8 as it is read.
    var isDecodedFromUTF16: Bool { utf16 != nil }

    deinit {
        storage.deallocate()
        if ownsDescriptor {
            close(source.descriptor)
        }
    }

    /// The bytes read but not yet consumed. Valid until the next `readMore()`.
    var unread: UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: storage[start..<end])
    }

    /// Marks the first `count` unread bytes as handled.
    func consume(_ count: Int) {
        precondition(count >= 0 && start + count <= end)
        start += count
        position += count
    }

    /// Appends more bytes to `unread`, moving and growing the buffer as needed.
    /// Returns false once the input is exhausted and nothing was added.
    ///
    /// With `filling`, keeps reading until the buffer is full or the input ends, for
    /// readers that rescan a record from its start each time it turns out incomplete
    /// (pipes deliver small pieces, and each rescan should cover much new data).
    /// A read or decompression failure is reported at `line`, the line the caller reached.
    func readMore(filling: Bool = false, line: Int = 0) throws(InputError) -> Bool {
        if reachedEnd { return false }
        makeRoom()
        var added = false
        while end < storage.count {
            let n = try readSome(into: storage.baseAddress! + end, count: storage.count - end, line: line)
            if n > 0 {
                end += n
                added = true
                if !filling { break }
            } else {
                reachedEnd = true
                break
            }
        }
        return added
    }

    /// One read(2), or one piece of decompressed or decoded data; 0 at the end of the input.
    private func readSome(into destination: UnsafeMutableRawPointer, count: Int, line: Int) throws(InputError) -> Int {
        if let utf16 {
            return try utf16.read(into: destination, count: count, location: SourceLocation(file: displayName, line: line)) {
                (buffer, size) throws(InputError) in try readRaw(into: buffer, count: size, line: line)
            }
        }
        return try readRaw(into: destination, count: count, line: line)
    }

    /// One read(2), or one piece of decompressed data.
    private func readRaw(into destination: UnsafeMutableRawPointer, count: Int, line: Int) throws(InputError) -> Int {
        if let inflater {
            do {
                return try inflater.read(into: destination, count: count)
            } catch {
                throw InputError(error.message, at: SourceLocation(file: displayName, line: line))
            }
        }
        while true {
            let n = source.read(into: destination, count: count)
            if n >= 0 { return n }
            if errno != EINTR {
                throw InputError("read failed: \(Self.describeErrno(errno))", at: SourceLocation(file: displayName, line: line))
            }
        }
    }

    /// Reads until at least `count` bytes are unread or the input ends.
    func ensureUnread(_ count: Int, line: Int = 0) throws(InputError) {
        while end - start < count {
            if try !readMore(line: line) { return }
        }
    }

    /// Moves the unread bytes to the front; doubles the buffer when they fill it,
    /// and returns to the chunk size once a long record has been consumed.
    private func makeRoom() {
        let pending = end - start
        if pending == storage.count {
            let larger = UnsafeMutableRawBufferPointer.allocate(byteCount: storage.count * 2, alignment: 16)
            larger.baseAddress!.copyMemory(from: storage.baseAddress! + start, byteCount: pending)
            storage.deallocate()
            storage = larger
        } else if storage.count > chunkSize && pending <= chunkSize / 2 {
            let regular = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
            regular.baseAddress!.copyMemory(from: storage.baseAddress! + start, byteCount: pending)
            storage.deallocate()
            storage = regular
        } else if start > 0 && (end == storage.count || start >= storage.count / 2) {
            storage.baseAddress!.copyMemory(from: storage.baseAddress! + start, byteCount: pending)
        } else {
            return
        }
        start = 0
        end = pending
    }

    /// The buffer's current size, for tests of the bounded-memory promise.
    var capacity: Int { storage.count }

    private static func describeErrno(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}

