#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// read(2) on a file descriptor that can look at the first bytes before deciding how to
/// read them: bytes peeked are handed out again by the next reads.
///
/// A pipe cannot be rewound, so this is how gzip data on standard input is recognised
/// by its signature.
final class DescriptorStream {
    let descriptor: Int32
    private var peeked: [UInt8] = []

    init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// The first `count` bytes not yet read (fewer at the end of the input, or when
    /// reading fails: the failure then shows on the next `read`).
    func peek(_ count: Int) -> [UInt8] {
        while peeked.count < count {
            var byte: UInt8 = 0
            let n = systemRead(descriptor, &byte, 1)
            if n == 1 {
                peeked.append(byte)
            } else if n < 0 && errno == EINTR {
                continue
            } else {
                break
            }
        }
        return Array(peeked.prefix(count))
    }

    /// Like read(2): up to `count` bytes into `destination`, 0 at the end, -1 with `errno`
    /// set on failure.
    func read(into destination: UnsafeMutableRawPointer, count: Int) -> Int {
        if !peeked.isEmpty {
            let n = min(count, peeked.count)
            peeked.withUnsafeBytes { destination.copyMemory(from: $0.baseAddress!, byteCount: n) }
            peeked.removeFirst(n)
            return n
        }
        return systemRead(descriptor, destination, count)
    }
}

/// read(2), under a name that the `read(into:count:)` method does not shadow.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
