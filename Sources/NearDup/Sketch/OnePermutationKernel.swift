/// One-permutation hashing with optimal densification: each shingle is mixed once; the high
/// bits pick one of K bins and the low 31 bits are kept if below the bin's minimum. An empty
/// bin then takes the value of the first filled bin on its own probe sequence.
///
/// Values are 31 bits, so `MinHasher.emptyValue` (all ones) marks an empty bin without a
/// second array. The first probes of every bin are computed once per hasher, since short
/// texts leave many bins empty (a 10-shingle text probes about 13 times per empty bin) and
/// each probe would otherwise cost a 64-bit mix.
struct OnePermutationKernel: Sendable {
    let bins: Int
    let valueKey: UInt64
    let probeKey: UInt64
    /// `probes[bin * cachedProbes + attempt]`: the bin that `attempt` reaches from `bin`.
    private let probes: [UInt16]
    private let cachedProbes: Int
    /// Each bin's first four probes, 16 bits each: one load serves most walks, and for
    /// K = 128 the whole table takes 1 KiB, which stays in the first-level cache where the
    /// full table (32 KiB) does not.
    private let leadingProbes: [UInt64]

    init(bins: Int, seed: UInt64) {
        precondition(bins > 0 && bins <= 1 << 16)
        self.bins = bins
        valueKey = mix64(seed &+ 0x9E37_79B9_7F4A_7C15)
        probeKey = mix64(seed ^ 0xD6E8_FEB8_6659_FD93)
        // A whole probe sequence per bin up to K = 256 (128 KiB); shorter ones beyond.
        cachedProbes = min(bins, max(8, (1 << 16) / bins))
        var probes: [UInt16] = []
        probes.reserveCapacity(bins * cachedProbes)
        for bin in 0..<bins {
            for attempt in 0..<cachedProbes {
                probes.append(UInt16(truncatingIfNeeded: Self.probe(bin: bin, attempt: UInt64(attempt), key: probeKey, bins: bins)))
            }
        }
        self.probes = probes
        var leadingProbes: [UInt64] = []
        leadingProbes.reserveCapacity(bins)
        for bin in 0..<bins {
            var packed: UInt64 = 0
            for attempt in 0..<4 {
                packed |= UInt64(Self.probe(bin: bin, attempt: UInt64(attempt), key: probeKey, bins: bins)) << UInt64(16 * attempt)
            }
            leadingProbes.append(packed)
        }
        self.leadingProbes = leadingProbes
    }

    @inline(__always)
    static func probe(bin: Int, attempt: UInt64, key: UInt64, bins: Int) -> Int {
        let mixed = mix64(key ^ (UInt64(bin) << 32 | attempt))
        return Int(((mixed >> 32) &* UInt64(bins)) >> 32)
    }

    @inline(__always)
    private func binAndValue(_ hash: UInt64) -> (bin: Int, value: UInt32) {
        let mixed = mix64(ShingleHash.identity(hash) ^ valueKey)
        return (Int(((mixed >> 32) &* UInt64(bins)) >> 32), UInt32(truncatingIfNeeded: mixed) & 0x7FFF_FFFF)
    }

    /// The kernel: unsafe buffers, cached probes, a stack bitmap of the bins the set filled.
    /// Returns how many bins the set filled itself (the others borrowed).
    @discardableResult
    func sketch(_ hashes: UnsafeBufferPointer<UInt64>, into signature: UnsafeMutableBufferPointer<UInt32>) -> Int {
        precondition(signature.count == bins)
        signature.update(repeating: MinHasher.emptyValue)
        guard !hashes.isEmpty else { return 0 }
        // Whether a value beats its bin's minimum is a coin toss: select, do not branch.
        for hash in hashes {
            let (bin, value) = binAndValue(hash)
            let current = signature[bin]
            signature[bin] = value < current ? value : current
        }
        let words = (bins + 63) / 64
        return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: words) { filled in
            filled.update(repeating: 0)
            for bin in 0..<bins {
                let isFilled: UInt64 = signature[bin] != MinHasher.emptyValue ? 1 : 0
                filled[bin >> 6] |= isFilled << UInt64(bin & 63)
            }
            let emptyBins = bins - filled.reduce(0) { $0 + $1.nonzeroBitCount }
            if emptyBins > 0 { densify(signature, filled: filled, emptyBins: emptyBins) }
            return bins - emptyBins
        }
    }

    /// Fills each empty bin from the first filled bin on its own probe sequence. The first
    /// four probes come from the small packed table; beyond them, a bin's cached probes lie
    /// side by side, so the walk reads one cache line after another and its loop branch is
    /// predictable for the texts that need long walks (few filled bins).
    private func densify(_ signature: UnsafeMutableBufferPointer<UInt32>, filled: UnsafeMutableBufferPointer<UInt64>, emptyBins: Int) {
        @inline(__always)
        func isFilled(_ bin: Int) -> Bool { filled[bin >> 6] >> UInt64(bin & 63) & 1 == 1 }
        @inline(__always)
        func filledBit(_ bin: UInt16) -> UInt64 { filled[Int(bin >> 6)] >> UInt64(bin & 63) & 1 }
        if emptyBins == bins - 1 {
            // One filled bin ends every sequence.
            let value = signature.first { $0 != MinHasher.emptyValue }!
            signature.update(repeating: value)
            return
        }
        probes.withUnsafeBufferPointer { probes in
            leadingProbes.withUnsafeBufferPointer { leadingProbes in
                for word in 0..<filled.count {
                    var empty = ~filled[word]
                    while empty != 0 {
                        let bin = word << 6 | empty.trailingZeroBitCount
                        empty &= empty &- 1
                        guard bin < bins else { break }
                        // Most walks end in the first four probes: tested together, one branch.
                        let leading = leadingProbes[bin]
                        let leadingHits = filledBit(UInt16(truncatingIfNeeded: leading))
                            | filledBit(UInt16(truncatingIfNeeded: leading >> 16)) << 1
                            | filledBit(UInt16(truncatingIfNeeded: leading >> 32)) << 2
                            | filledBit(UInt16(truncatingIfNeeded: leading >> 48)) << 3
                        if leadingHits != 0 {
                            let hit = UInt64(16 * leadingHits.trailingZeroBitCount)
                            let source = Int(truncatingIfNeeded: leading >> hit) & 0xFFFF
                            signature[bin] = signature[source]
                            continue
                        }
                        let sequence = probes.baseAddress! + bin * cachedProbes
                        var attempt = 4
                        var source = -1
                        // Four probes per step, one branch.
                        while attempt + 4 <= cachedProbes {
                            let hits = filledBit(sequence[attempt]) | filledBit(sequence[attempt + 1]) << 1
                                | filledBit(sequence[attempt + 2]) << 2 | filledBit(sequence[attempt + 3]) << 3
                            if hits != 0 {
                                source = Int(sequence[attempt + hits.trailingZeroBitCount])
                                break
                            }
                            attempt += 4
                        }
                        if source < 0 {
                            while attempt < cachedProbes && !isFilled(Int(sequence[attempt])) { attempt += 1 }
                            if attempt < cachedProbes {
                                source = Int(sequence[attempt])
                            } else {
                                repeat {
                                    source = Self.probe(bin: bin, attempt: UInt64(attempt), key: probeKey, bins: bins)
                                    attempt += 1
                                } while !isFilled(source)
                            }
                        }
                        // Filled bins keep their own values, so `source` is never a borrowed one.
                        signature[bin] = signature[source]
                    }
                }
            }
        }
    }

    /// The plain twin: safe arrays, a Boolean per bin, every probe computed.
    @discardableResult
    func sketchScalar(_ hashes: [UInt64], into signature: inout [UInt32]) -> Int {
        for index in signature.indices { signature[index] = MinHasher.emptyValue }
        var filled = [Bool](repeating: false, count: bins)
        for hash in hashes {
            let (bin, value) = binAndValue(hash)
            filled[bin] = true
            if value < signature[bin] { signature[bin] = value }
        }
        let filledBins = filled.count { $0 }
        guard filledBins > 0, filledBins < bins else { return filledBins }
        let source = signature
        for bin in 0..<bins where !filled[bin] {
            var attempt: UInt64 = 0
            while true {
                let candidate = Self.probe(bin: bin, attempt: attempt, key: probeKey, bins: bins)
                if filled[candidate] {
                    signature[bin] = source[candidate]
                    break
                }
                attempt += 1
            }
        }
        return filledBins
    }
}
