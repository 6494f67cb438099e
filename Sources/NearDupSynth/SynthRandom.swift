import NearDup

/// The simulator's random numbers: xoshiro256** seeded through SplitMix64.
///
/// Everything the simulator draws comes from here, never from the standard library's
/// generators or `Hasher`, and every helper (bounded integers, doubles, shuffles) is
/// written out with integer arithmetic, so the same seed gives the same corpus on any
/// machine and with any Swift version.
package struct SynthRandom: RandomNumberGenerator, Sendable {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64

    /// A generator whose state is four SplitMix64 outputs from `seed`.
    package init(seed: UInt64) {
        var mixer = SplitMix64(state: seed)
        s0 = mixer.next()
        s1 = mixer.next()
        s2 = mixer.next()
        s3 = mixer.next()
        if s0 | s1 | s2 | s3 == 0 { s0 = 0x9E37_79B9_7F4A_7C15 }
    }

    /// An independent stream for one purpose: `seed` mixed with the stream's keys, so that
    /// (seed, "story", 17) and (seed, "story", 18) draw unrelated numbers and each document
    /// can be rebuilt alone.
    package init(seed: UInt64, stream: UInt64, _ index: UInt64 = 0) {
        self.init(seed: SplitMix64.mix(SplitMix64.mix(seed ^ SplitMix64.mix(stream)) &+ index))
    }

    package mutating func next() -> UInt64 {
        let result = rotl(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotl(s3, 45)
        return result
    }

    private func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 {
        (x << k) | (x >> (64 - k))
    }

    /// Uniform in 0..<bound (Lemire's multiply-and-reject), 0 when bound is 0.
    package mutating func below(_ bound: Int) -> Int {
        guard bound > 1 else { return 0 }
        let range = UInt64(bound)
        var product = next().multipliedFullWidth(by: range)
        if product.low < range {
            let threshold = (0 &- range) % range
            while product.low < threshold {
                product = next().multipliedFullWidth(by: range)
            }
        }
        return Int(product.high)
    }

    /// Uniform in the closed range.
    package mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.upperBound - range.lowerBound + 1)
    }

    /// Uniform in [0, 1) with 53 random bits.
    package mutating func unit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// True with probability `probability`.
    package mutating func chance(_ probability: Double) -> Bool {
        probability > 0 && unit() < probability
    }

    /// One element, uniformly.
    package mutating func pick<T>(_ items: [T]) -> T {
        items[below(items.count)]
    }

    /// Fisher-Yates shuffle in place.
    package mutating func shuffle<T>(_ items: inout [T]) {
        guard items.count > 1 else { return }
        for index in stride(from: items.count - 1, to: 0, by: -1) {
            let other = below(index + 1)
            if other != index { items.swapAt(index, other) }
        }
    }

    /// An approximately standard normal number: the sum of twelve uniforms less six
    /// (Irwin-Hall), which needs no library functions whose last bits vary by platform.
    package mutating func normal() -> Double {
        var sum = 0.0
        for _ in 0..<12 { sum += unit() }
        return sum - 6
    }
}

/// SplitMix64: seeds xoshiro and mixes keys into 64-bit hashes.
package struct SplitMix64: Sendable {
    package var state: UInt64

    package init(state: UInt64) {
        self.state = state
    }

    package mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return Self.mix(state)
    }

    /// The SplitMix64 finaliser: a bijective 64-bit mix.
    package static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
