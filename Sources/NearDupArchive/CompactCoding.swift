import Foundation

/// How an index (format 3 on) keeps its largest parts: a band key's documents as a list of
/// position gaps, and a sketch's two largest parts in about three quarters of their raw size:
///
/// - the sorted set of shingle entries in Elias–Fano form: with `n` values below 2³², each
///   value's low `L = ⌊log₂(2³²/n)⌋` bits as they are, and its high bits as a run of zeros
///   and a one, the gaps between successive high parts in unary. That is about
///   `2 + log₂(2³²/n)` bits a value (25 instead of 32 for a 700-entry article), whatever
///   the values, and decoding reads each word once;
/// - the paragraph of each entry, packed at the width of the largest.
///
/// A set or a packed blob starts with its count as a variable-length integer; bits are
/// packed into little-endian 64-bit words, least significant first, and the blob ends at the
/// last byte that holds a bit.
package enum CompactCoding {
    /// A blob that does not decode: cut short, or not in this coding.
    package struct Malformed: Error {}

    // MARK: Sorted sets

    /// `values` must be strictly increasing.
    package static func data(sortedSet values: [UInt32]) -> Data {
        let count = values.count
        guard count > 0 else { return blob(count: 0, words: [], bits: 0) }
        let low = lowBits(count: count)
        let lowMask: UInt64 = low == 0 ? 0 : (UInt64.max >> UInt64(64 - low))
        let upperStart = count * low
        var words = [UInt64](repeating: 0, count: (upperStart + count + Int((UInt64(1) << 32) >> UInt64(low)) + 63) / 64 + 1)
        var lastOne = 0
        for index in 0..<count {
            let value = UInt64(values[index])
            if low > 0 {
                let (bit, part) = (index * low, value & lowMask)
                let (word, shift) = (bit >> 6, bit & 63)
                words[word] |= part << UInt64(shift)
                if shift + low > 64 { words[word + 1] |= part >> UInt64(64 - shift) }
            }
            // The high part of value `i` is a one at bit `high + i` of the upper half.
            lastOne = upperStart + Int(value >> UInt64(low)) + index
            words[lastOne >> 6] |= 1 << UInt64(lastOne & 63)
        }
        return blob(count: count, words: words, bits: lastOne + 1)
    }

    package static func sortedSet(_ data: Data) throws(Malformed) -> [UInt32] {
        do { return try data.withUnsafeBytes { try sortedSet($0) } } catch { throw Malformed() }
    }

    package static func sortedSet(_ bytes: UnsafeRawBufferPointer) throws(Malformed) -> [UInt32] {
        let reader = try BitReader(bytes)
        let count = reader.count
        guard count > 0 else { return [] }
        let low = lowBits(count: count)
        let upperStart = count * low
        let upperBits = count + Int((UInt64(1) << 32) >> UInt64(low))
        guard reader.bitCapacity >= upperStart + count else { throw Malformed() }
        do {
            // Each value is written once: the set is not filled with zeros first.
            return try [UInt32](unsafeUninitializedCapacity: count) { values, initialized in
                var position = upperStart
                for index in 0..<count {
                    guard let one = reader.nextSetBit(from: position), one < upperStart + upperBits else { throw Malformed() }
                    let high = UInt64(one - upperStart - index)
                    let value = high << UInt64(low) | reader.bits(at: index * low, width: low)
                    guard value <= UInt64(UInt32.max), index == 0 || UInt32(value) > values[index - 1] else { throw Malformed() }
                    values[index] = UInt32(value)
                    initialized = index + 1
                    position = one + 1
                }
            }
        } catch {
            throw Malformed()
        }
    }

    /// The width of each value's low part: ⌊log₂(2³²/count)⌋, at most 32.
    private static func lowBits(count: Int) -> Int {
        let spread = (UInt64(1) << 32) / UInt64(count)
        return spread == 0 ? 0 : 63 - spread.leadingZeroBitCount
    }

    // MARK: Position lists

    /// Positions in order (one that repeats is written once): the first, then each one's
    /// distance from the one before, as variable-length integers (a band key's documents are mostly a story's copies, near
    /// one another).
    package static func data(positions: [Int]) -> Data {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(positions.count * 3)
        append(positions: positions, to: &bytes)
        return Data(bytes)
    }

    package static func append(positions: some Sequence<Int>, to bytes: inout [UInt8]) {
        var previous = -1
        for position in positions where position != previous {
            var rest = UInt64(previous < 0 ? position : position - previous)
            while rest >= 0x80 {
                bytes.append(UInt8(rest & 0x7F) | 0x80)
                rest >>= 7
            }
            bytes.append(UInt8(rest))
            previous = position
        }
    }

    package static func positions(_ data: some Sequence<UInt8>) throws(Malformed) -> [Int] {
        var positions: [Int] = []
        var value: UInt64 = 0
        var shift: UInt64 = 0
        var previous = 0
        for byte in data {
            guard shift < 63 else { throw Malformed() }
            value |= UInt64(byte & 0x7F) << shift
            if byte >= 0x80 {
                shift += 7
                continue
            }
            guard value <= UInt64(Int32.max), positions.isEmpty || value > 0 else { throw Malformed() }
            previous += Int(value)
            positions.append(previous)
            (value, shift) = (0, 0)
        }
        guard shift == 0, !positions.isEmpty else { throw Malformed() }
        return positions
    }

    /// The first position of a list, read without the rest.
    package static func firstPosition(_ data: some Sequence<UInt8>) throws(Malformed) -> Int {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        for byte in data {
            guard shift < 63 else { break }
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return Int(value) }
            shift += 7
        }
        throw Malformed()
    }

    /// The positions of both increasing lists, once each, in order.
    package static func union(_ first: [Int], _ second: [Int]) -> [Int] {
        guard let last = first.last, let next = second.first else { return first.isEmpty ? second : first }
        if last < next { return first + second }
        var merged: [Int] = []
        merged.reserveCapacity(first.count + second.count)
        var (i, j) = (0, 0)
        while i < first.count || j < second.count {
            if j == second.count || (i < first.count && first[i] < second[j]) {
                merged.append(first[i])
                i += 1
            } else {
                if i < first.count && first[i] == second[j] { i += 1 }
                merged.append(second[j])
                j += 1
            }
        }
        return merged
    }

    // MARK: Small numbers

    /// Bytes, each packed at the width of the largest (a byte of width after the count).
    package static func data(packing values: [UInt8]) -> Data {
        let width = 8 - (values.max() ?? 0).leadingZeroBitCount
        var words = [UInt64](repeating: 0, count: (values.count * width + 63) / 64 + 1)
        if width > 0 {
            for index in values.indices {
                let (bit, value) = (index * width, UInt64(values[index]))
                let (word, shift) = (bit >> 6, bit & 63)
                words[word] |= value << UInt64(shift)
                if shift + width > 64 { words[word + 1] |= value >> UInt64(64 - shift) }
            }
        }
        return blob(count: values.count, extra: UInt8(width), words: words, bits: values.count * width)
    }

    package static func packed(_ data: Data) throws(Malformed) -> [UInt8] {
        do { return try data.withUnsafeBytes { try packed($0) } } catch { throw Malformed() }
    }

    package static func packed(_ bytes: UnsafeRawBufferPointer) throws(Malformed) -> [UInt8] {
        let reader = try BitReader(bytes, headerBytes: 1)
        let width = Int(reader.header[0])
        guard width <= 8, reader.bitCapacity >= reader.count * width else { throw Malformed() }
        return (0..<reader.count).map { UInt8(truncatingIfNeeded: reader.bits(at: $0 * width, width: width)) }
    }
}

extension CompactCoding {
    /// The count as a variable-length integer, `extra` if any, then the bytes of `words`
    /// that hold the first `bits` bits.
    fileprivate static func blob(count: Int, extra: UInt8? = nil, words: [UInt64], bits: Int) -> Data {
        var header: [UInt8] = []
        var rest = UInt64(count)
        while rest >= 0x80 {
            header.append(UInt8(rest & 0x7F) | 0x80)
            rest >>= 7
        }
        header.append(UInt8(rest))
        if let extra { header.append(extra) }
        let bytes = (bits + 7) / 8
        var data = Data(count: header.count + bytes)
        data.withUnsafeMutableBytes { target in
            target.copyBytes(from: header)
            #if _endian(big)
            let words = words.map(\.littleEndian)
            #endif
            words.withUnsafeBytes { source in
                UnsafeMutableRawBufferPointer(rebasing: target[header.count...]).copyMemory(from: UnsafeRawBufferPointer(rebasing: source[..<bytes]))
            }
        }
        return data
    }
}

/// Reads a count and `headerBytes` bytes, then bits (past the end of the blob they read
/// as zero), from the blob's bytes where they lie: valid while they are.
private struct BitReader {
    let count: Int
    let header: UnsafeRawBufferPointer
    /// The bytes after the header.
    private let body: UnsafeRawBufferPointer
    /// Bits the blob holds after its header.
    let bitCapacity: Int
    /// Words in `body`, the last one padded with zeros, and one of zeros after it.
    private let wordCount: Int

    init(_ data: UnsafeRawBufferPointer, headerBytes: Int = 0) throws(CompactCoding.Malformed) {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        var offset = 0
        while true {
            guard offset < data.count, shift < 63 else { throw CompactCoding.Malformed() }
            let byte = data[offset]
            offset += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { break }
            shift += 7
        }
        guard value <= UInt64(Int32.max), data.count - offset >= headerBytes else { throw CompactCoding.Malformed() }
        count = Int(value)
        header = UnsafeRawBufferPointer(rebasing: data[offset..<(offset + headerBytes)])
        body = UnsafeRawBufferPointer(rebasing: data[(offset + headerBytes)...])
        bitCapacity = body.count * 8
        wordCount = body.count / 8 + 2
    }

    /// The `index`th little-endian word of the body.
    private func words(_ index: Int) -> UInt64 {
        let start = index * 8
        if start + 8 <= body.count { return UInt64(littleEndian: body.loadUnaligned(fromByteOffset: start, as: UInt64.self)) }
        var word: UInt64 = 0
        var byte = start
        while byte < body.count {
            word |= UInt64(body[byte]) << UInt64((byte - start) * 8)
            byte += 1
        }
        return word
    }

    /// `width` (0...64) bits from bit `index`.
    func bits(at index: Int, width: Int) -> UInt64 {
        guard width > 0 else { return 0 }
        let (word, shift) = (index >> 6, index & 63)
        var value = words(word) >> UInt64(shift)
        if shift + width > 64 { value |= words(word + 1) << UInt64(64 - shift) }
        return width == 64 ? value : value & (UInt64.max >> UInt64(64 - width))
    }

    /// The first one bit at or after `index`, nil when there is none.
    func nextSetBit(from index: Int) -> Int? {
        var word = index >> 6
        guard word < wordCount else { return nil }
        var bits = words(word) >> UInt64(index & 63)
        if bits != 0 { return index + bits.trailingZeroBitCount }
        word += 1
        while word < wordCount {
            bits = words(word)
            if bits != 0 { return word << 6 + bits.trailingZeroBitCount }
            word += 1
        }
        return nil
    }
}
