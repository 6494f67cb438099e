/// K independent hash functions over 32-bit shingle keys: h_i(x) = fmix32(x ⊕ s_i), where
/// fmix32 is MurmurHash3's finaliser (a bijection with full avalanche) and s_i a seed word per
/// function. Each h_i is thus a different pseudo-random permutation of the keys, and the
/// family costs a handful of 32-bit operations, which vector units do eight at a time.
struct ClassicMinHashKernel: Sendable {
    /// One seed word per hash function.
    let seeds: [UInt32]
    static let valueMask: UInt32 = 0x7FFF_FFFF

    init(numPermutations: Int, seed: UInt64) {
        var state = seed ^ 0xA076_1D64_78BD_642F
        seeds = (0..<numPermutations).map { _ in
            state &+= 0x9E37_79B9_7F4A_7C15
            return UInt32(truncatingIfNeeded: mix64(state) >> 16)
        }
    }

    @inline(__always)
    static func fmix32(_ value: UInt32) -> UInt32 {
        var x = value
        x ^= x >> 16
        x &*= 0x85EB_CA6B
        x ^= x >> 13
        x &*= 0xC2B2_AE35
        x ^= x >> 16
        return x
    }

    /// The plain twin: one hash function and one key at a time, safe arrays.
    func sketchScalar(keys: [UInt32], into signature: inout [UInt32]) {
        for index in signature.indices { signature[index] = MinHasher.emptyValue }
        for key in keys {
            for function in 0..<seeds.count {
                let value = Self.fmix32(key ^ seeds[function]) & Self.valueMask
                if value < signature[function] { signature[function] = value }
            }
        }
    }

    /// Eight hash functions per vector; four vectors of minima kept in registers while every
    /// key streams past, so each key is loaded once per 32 functions.
    func sketchSIMD(keys: [UInt32], into signature: inout [UInt32]) {
        let count = seeds.count
        let vectorCount = count / 8
        keys.withUnsafeBufferPointer { keys in
            seeds.withUnsafeBufferPointer { seeds in
                signature.withUnsafeMutableBufferPointer { signature in
                    let mask = SIMD8<UInt32>(repeating: Self.valueMask)
                    var group = 0
                    while group < vectorCount {
                        let width = min(4, vectorCount - group)
                        var seed = (SIMD8<UInt32>.zero, SIMD8<UInt32>.zero, SIMD8<UInt32>.zero, SIMD8<UInt32>.zero)
                        let empty = SIMD8<UInt32>(repeating: MinHasher.emptyValue)
                        var minimum = (empty, empty, empty, empty)
                        seed.0 = Self.load(seeds, at: (group + 0) * 8)
                        if width > 1 { seed.1 = Self.load(seeds, at: (group + 1) * 8) }
                        if width > 2 { seed.2 = Self.load(seeds, at: (group + 2) * 8) }
                        if width > 3 { seed.3 = Self.load(seeds, at: (group + 3) * 8) }
                        for key in keys {
                            let broadcast = SIMD8<UInt32>(repeating: key)
                            Self.keepMinimum(&minimum.0, Self.fmix32(broadcast ^ seed.0) & mask)
                            Self.keepMinimum(&minimum.1, Self.fmix32(broadcast ^ seed.1) & mask)
                            Self.keepMinimum(&minimum.2, Self.fmix32(broadcast ^ seed.2) & mask)
                            Self.keepMinimum(&minimum.3, Self.fmix32(broadcast ^ seed.3) & mask)
                        }
                        Self.store(minimum.0, to: signature, at: (group + 0) * 8)
                        if width > 1 { Self.store(minimum.1, to: signature, at: (group + 1) * 8) }
                        if width > 2 { Self.store(minimum.2, to: signature, at: (group + 2) * 8) }
                        if width > 3 { Self.store(minimum.3, to: signature, at: (group + 3) * 8) }
                        group += width
                    }
                    // Functions past the last full vector.
                    for function in (vectorCount * 8)..<count {
                        var minimum = MinHasher.emptyValue
                        for key in keys {
                            minimum = min(minimum, Self.fmix32(key ^ seeds[function]) & Self.valueMask)
                        }
                        signature[function] = minimum
                    }
                }
            }
        }
    }

    @inline(__always)
    private static func fmix32(_ value: SIMD8<UInt32>) -> SIMD8<UInt32> {
        var x = value
        x ^= x &>> 16
        x &*= 0x85EB_CA6B
        x ^= x &>> 13
        x &*= 0xC2B2_AE35
        x ^= x &>> 16
        return x
    }

    /// A compare and select, which compiles to one vector minimum (`pointwiseMin` is lowered
    /// lane by lane and re-vectorised at half width).
    @inline(__always)
    private static func keepMinimum(_ minimum: inout SIMD8<UInt32>, _ value: SIMD8<UInt32>) {
        minimum.replace(with: value, where: value .< minimum)
    }

    @inline(__always)
    private static func load(_ buffer: UnsafeBufferPointer<UInt32>, at offset: Int) -> SIMD8<UInt32> {
        UnsafeRawPointer(buffer.baseAddress! + offset).loadUnaligned(as: SIMD8<UInt32>.self)
    }

    @inline(__always)
    private static func store(_ vector: SIMD8<UInt32>, to buffer: UnsafeMutableBufferPointer<UInt32>, at offset: Int) {
        UnsafeMutableRawPointer(buffer.baseAddress! + offset).storeBytes(of: vector, as: SIMD8<UInt32>.self)
    }
}
