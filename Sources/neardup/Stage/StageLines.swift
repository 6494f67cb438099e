#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Standard input's lines, as bytes: the stages move gigabytes of base64, which `readLine`
/// and `String` splitting made most of their time.
enum StageInput {
    /// Calls `body` with each line of standard input (without its line feed, valid during the
    /// call only) and its number, counting from 1.
    static func forEachLine(_ body: (UnsafeRawBufferPointer, Int) throws -> Void) throws {
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        var start = 0  // first byte not yet given as a line
        var end = 0  // end of the bytes read
        var number = 0
        var atEnd = false
        while true {
            // Give every whole line in the buffer.
            try buffer.withUnsafeBytes { bytes in
                while start < end, let found = memchr(bytes.baseAddress! + start, 0x0A, end - start) {
                    let stop = UnsafeRawPointer(found) - bytes.baseAddress!
                    number += 1
                    try body(UnsafeRawBufferPointer(rebasing: bytes[start..<stop]), number)
                    start = stop + 1
                }
            }
            if atEnd {
                if start < end {
                    number += 1
                    try buffer.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[start..<end]), number) }
                }
                return
            }
            // Keep the partial line, at the front, and read more after it.
            if start > 0 {
                buffer.withUnsafeMutableBytes { bytes in
                    _ = memmove(bytes.baseAddress!, bytes.baseAddress! + start, end - start)
                }
                end -= start
                start = 0
            }
            if end == buffer.count { buffer += [UInt8](repeating: 0, count: buffer.count) }
            let count = buffer.withUnsafeMutableBytes { bytes in
                read(0, bytes.baseAddress! + end, bytes.count - end)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw StageInputError(line: number + 1, message: "cannot read standard input: \(String(cString: strerror(errno)))")
            }
            if count == 0 { atEnd = true } else { end += count }
        }
    }

}

/// Standard output, in large writes.
struct StageStreams {
    private var output = OutputFile(path: nil)
    private var pending: [UInt8] = []

    mutating func write(_ line: String) {
        pending.append(contentsOf: line.utf8)
        endLine()
    }

    /// Appends to the current line; `endLine` ends it.
    mutating func append(_ bytes: some Sequence<UInt8>) {
        pending.append(contentsOf: bytes)
    }

    mutating func endLine() {
        pending.append(0x0A)
        if pending.count >= 1 << 20 { flush() }
    }

    private mutating func flush() {
        output.write(bytes: pending)
        pending.removeAll(keepingCapacity: true)
    }

    mutating func finish() throws {
        flush()
        try output.finish()
    }
}

/// The tab-separated fields of a line, as byte ranges.
struct TabFields {
    let line: UnsafeRawBufferPointer
    private(set) var ranges: [Range<Int>] = []

    /// Splits at tabs; the last of `limit` fields keeps any tabs after it.
    init(_ line: UnsafeRawBufferPointer, limit: Int = .max) {
        self.line = line
        var start = 0
        while ranges.count < limit - 1, start <= line.count,
              let tab = line[start...].firstIndex(of: 0x09) {
            ranges.append(start..<tab)
            start = tab + 1
        }
        ranges.append(start..<line.count)
    }

    var count: Int { ranges.count }

    func bytes(_ field: Int) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: line[ranges[field]])
    }

    func text(_ field: Int) -> String {
        String(decoding: bytes(field), as: UTF8.self)
    }

    /// The field as a decimal integer; nil when it is not one.
    func integer(_ field: Int) -> Int? {
        let digits = bytes(field)
        var negative = false
        var value = 0
        for (place, byte) in digits.enumerated() {
            if place == 0 && byte == UInt8(ascii: "-") && digits.count > 1 {
                negative = true
                continue
            }
            guard (0x30...0x39).contains(byte) else { return nil }
            let (times, overflowTimes) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflowSum) = times.addingReportingOverflow(Int(byte - 0x30))
            guard !overflowTimes && !overflowSum else { return nil }
            value = sum
        }
        return digits.isEmpty ? nil : (negative ? -value : value)
    }

    func equals(_ field: Int, _ literal: StaticString) -> Bool {
        let bytes = bytes(field)
        return bytes.count == literal.utf8CodeUnitCount
            && zip(bytes, UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount)).allSatisfy { $0 == $1 }
    }
}
