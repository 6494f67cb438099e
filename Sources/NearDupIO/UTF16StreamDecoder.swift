import NearDup
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Decodes a UTF-16 stream to UTF-8 through iconv(3), a piece at a time, for JSONL and
/// CSV files saved as UTF-16 (found by their byte-order mark).
///
/// Readers then see UTF-8 and count offsets in it; a character cut by a read boundary is
/// completed by the next read. Text that is not valid UTF-16 (an unpaired surrogate, an
/// odd byte at the end) stops the reading: there is no record boundary to skip to.
final class UTF16StreamDecoder {
    private let descriptor: iconv_t
    private let input: UnsafeMutableRawBufferPointer
    private let output: UnsafeMutableRawBufferPointer
    private var inputStart = 0, inputEnd = 0, inputEnded = false
    private var outputStart = 0, outputEnd = 0
    /// The input ends inside a character: more bytes are needed before converting again.
    private var needsMoreInput = false
    private var finished = false
    /// UTF-16 bytes converted so far (after the byte-order mark), for messages.
    private var convertedBytes = 0

    static let bufferSize = 1 << 16

    /// `initialBytes` are the stream's first bytes after its byte-order mark, already read.
    init?(order: UTF16ByteOrder, initialBytes: UnsafeRawBufferPointer) {
        let descriptor = iconv_open("UTF-8", order.iconvName)
        guard descriptor != iconv_t(bitPattern: -1), let descriptor else { return nil }
        self.descriptor = descriptor
        input = .allocate(byteCount: max(Self.bufferSize, initialBytes.count), alignment: 16)
        output = .allocate(byteCount: Self.bufferSize, alignment: 16)
        if let base = initialBytes.baseAddress, !initialBytes.isEmpty {
            input.baseAddress!.copyMemory(from: base, byteCount: initialBytes.count)
            inputEnd = initialBytes.count
        }
    }

    deinit {
        iconv_close(descriptor)
        input.deallocate()
        output.deallocate()
    }

    /// Up to `count` bytes of UTF-8 into `destination`, 0 at the end. `refill` reads more
    /// UTF-16 bytes (0 at the end); a decoding failure is reported at `location`.
    func read(into destination: UnsafeMutableRawPointer, count: Int, location: SourceLocation,
              refill: (UnsafeMutableRawPointer, Int) throws(InputError) -> Int) throws(InputError) -> Int {
        while outputStart == outputEnd {
            if finished { return 0 }
            try convertMore(location: location, refill: refill)
        }
        let n = min(count, outputEnd - outputStart)
        destination.copyMemory(from: output.baseAddress! + outputStart, byteCount: n)
        outputStart += n
        return n
    }

    private func convertMore(location: SourceLocation,
                             refill: (UnsafeMutableRawPointer, Int) throws(InputError) -> Int) throws(InputError) {
        outputStart = 0
        outputEnd = 0
        while true {
            if (inputStart == inputEnd || needsMoreInput) && !inputEnded {
                let pending = inputEnd - inputStart
                if inputStart > 0 {
                    input.baseAddress!.copyMemory(from: input.baseAddress! + inputStart, byteCount: pending)
                    inputStart = 0
                    inputEnd = pending
                }
                let n = try refill(input.baseAddress! + inputEnd, input.count - inputEnd)
                if n == 0 { inputEnded = true } else { inputEnd += n }
                needsMoreInput = false
            }
            if inputStart == inputEnd && inputEnded {
                finished = true
                return
            }
            var source: UnsafeMutablePointer<CChar>? = (input.baseAddress! + inputStart).assumingMemoryBound(to: CChar.self)
            var sourceLeft = inputEnd - inputStart
            var target: UnsafeMutablePointer<CChar>? = output.baseAddress!.assumingMemoryBound(to: CChar.self)
            var targetLeft = output.count
            let status = iconv(descriptor, &source, &sourceLeft, &target, &targetLeft)
            let code = errno
            convertedBytes += (inputEnd - inputStart) - sourceLeft
            inputStart = inputEnd - sourceLeft
            outputEnd = output.count - targetLeft
            if status != -1 || code == E2BIG {
                if outputEnd > 0 { return }
                continue
            }
            if code == EINVAL && !inputEnded {
                needsMoreInput = true
                if outputEnd > 0 { return }
                continue
            }
            if outputEnd > 0 { return } // the text before the fault is handed out first
            let what = code == EINVAL ? "the file ends inside a character" : "an unpaired surrogate or a code unit that is not UTF-16"
            throw InputError("not valid UTF-16 (\(what), at byte \(convertedBytes + 2))", at: location)
        }
    }
}
