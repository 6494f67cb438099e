import CZlib
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a gzip stream cannot be read. The reader that owns the stream adds the file and
/// the line it had reached.
struct GzipError: Error, Sendable, Equatable {
    var message: String
}

/// Decompresses gzip data from a file descriptor through zlib, a fixed-size piece at a time.
///
/// It reads compressed bytes into one buffer of its own and inflates straight into the
/// caller's memory, so memory does not depend on the file's size. Several gzip members
/// one after another (what `cat a.gz b.gz` makes) read as one stream, as gzip(1) does.
final class GzipInflater {
    private let source: DescriptorStream
    private let stream: UnsafeMutablePointer<z_stream>
    private let input: UnsafeMutableRawBufferPointer
    private var inputEnded = false
    /// Inside a member: its end has not been seen yet.
    private var inMember = true
    private var compressedBytesRead = 0
    private var membersEnded = 0
    private var finished = false

    /// Compressed bytes read from the descriptor at a time.
    static let inputSize = 1 << 18

    init(source: DescriptorStream) throws(GzipError) {
        self.source = source
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        input = .allocate(byteCount: Self.inputSize, alignment: 16)
        let status = neardup_inflate_init_gzip(stream)
        guard status == Z_OK else {
            stream.deinitialize(count: 1)
            stream.deallocate()
            input.deallocate()
            throw GzipError(message: "cannot start gzip decompression (zlib error \(status))")
        }
    }

    deinit {
        inflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
        input.deallocate()
    }

    /// Writes up to `count` decompressed bytes to `destination` and returns how many;
    /// 0 means the stream has ended. Like read(2), it may return fewer bytes than asked.
    func read(into destination: UnsafeMutableRawPointer, count: Int) throws(GzipError) -> Int {
        precondition(count > 0)
        if finished { return 0 }
        let limit = min(count, Int(UInt32.max))
        while true {
            if stream.pointee.avail_in == 0 && !inputEnded {
                try refill()
            }
            if stream.pointee.avail_in == 0 && inputEnded {
                if inMember {
                    throw GzipError(message: compressedBytesRead == 0
                        ? "empty file, not gzip data"
                        : "truncated gzip data: the file ends inside the compressed stream")
                }
                finished = true
                return 0
            }
            if !inMember {
                // More bytes after a member's end: another member must follow.
                guard inflateReset(stream) == Z_OK else {
                    throw GzipError(message: "cannot restart gzip decompression")
                }
                inMember = true
            }
            if stream.pointee.total_in == 0 {
                // A member must start with the gzip signature; check it here to say so plainly.
                let next = stream.pointee.next_in!, available = Int(stream.pointee.avail_in)
                if next[0] != 0x1F || (available >= 2 && next[1] != 0x8B) {
                    throw GzipError(message: membersEnded == 0
                        ? "not gzip data (the file does not start with the gzip signature 1F 8B)"
                        : "unexpected data after the end of the gzip stream")
                }
            }
            stream.pointee.next_out = destination.assumingMemoryBound(to: Bytef.self)
            stream.pointee.avail_out = uInt(limit)
            let status = inflate(stream, Z_NO_FLUSH)
            let produced = limit - Int(stream.pointee.avail_out)
            switch status {
            case Z_OK:
                break
            case Z_STREAM_END:
                inMember = false
                membersEnded += 1
            case Z_BUF_ERROR:
                // No progress was possible: more input is needed (handled above).
                if stream.pointee.avail_in > 0 && produced == 0 {
                    throw GzipError(message: "corrupt gzip data (decompression made no progress)")
                }
            case Z_NEED_DICT:
                throw GzipError(message: "corrupt gzip data (a preset dictionary is required)")
            case Z_MEM_ERROR:
                throw GzipError(message: "out of memory while decompressing")
            default:
                let reason = stream.pointee.msg.map { String(cString: $0) } ?? "zlib error \(status)"
                throw GzipError(message: "corrupt gzip data (\(reason))")
            }
            if produced > 0 { return produced }
        }
    }

    private func refill() throws(GzipError) {
        while true {
            let n = source.read(into: input.baseAddress!, count: input.count)
            if n > 0 {
                compressedBytesRead += n
                stream.pointee.next_in = input.baseAddress!.assumingMemoryBound(to: Bytef.self)
                stream.pointee.avail_in = uInt(n)
                return
            } else if n == 0 {
                inputEnded = true
                return
            } else if errno != EINTR {
                throw GzipError(message: "read failed: \(String(cString: strerror(errno)))")
            }
        }
    }
}
