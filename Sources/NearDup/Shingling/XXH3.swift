import CXXHash

/// XXH3-64 from libxxhash: the one hash function every stage uses.
@_spi(Kernels) public enum XXH3 {
    @inlinable
    public static func hash(_ bytes: UnsafeRawBufferPointer, seed: UInt64) -> UInt64 {
        neardup_xxh3_64(bytes.baseAddress, bytes.count, seed)
    }

    /// The hash of 16 bytes given as two little-endian halves (a short word, zero-padded):
    /// the same as `hash` of those bytes, without branches on length.
    @inlinable
    public static func hashPadded16(low: UInt64, high: UInt64, seed: UInt64) -> UInt64 {
        neardup_xxh3_64_padded16(low.littleEndian, high.littleEndian, seed)
    }

    public static func hash<Bytes: Collection<UInt8>>(_ bytes: Bytes, seed: UInt64 = 0) -> UInt64 {
        if let value = bytes.withContiguousStorageIfAvailable({ hash(UnsafeRawBufferPointer($0), seed: seed) }) {
            return value
        }
        return Array(bytes).withUnsafeBytes { hash($0, seed: seed) }
    }

    /// The hash of the bytes of a run of integers (band values, word hashes), as laid out in memory.
    public static func hash<Word: FixedWidthInteger>(words: ArraySlice<Word>, seed: UInt64 = 0) -> UInt64 {
        words.withUnsafeBytes { hash($0, seed: seed) }
    }

    public static func hash(_ string: String, seed: UInt64 = 0) -> UInt64 {
        var copy = string
        return copy.withUTF8 { hash(UnsafeRawBufferPointer($0), seed: seed) }
    }
}

/// MurmurHash3's 64-bit finaliser: a bijection with full avalanche, used to derive
/// independent values from one hash and a seed.
@inlinable
func mix64(_ value: UInt64) -> UInt64 {
    var x = value
    x ^= x >> 33
    x &*= 0xff51_afd7_ed55_8ccd
    x ^= x >> 33
    x &*= 0xc4ce_b9fe_1a85_ec53
    x ^= x >> 33
    return x
}
