/// A fixed set of words, each with a small value, looked up by a 64-bit hash of the word
/// (`FurnitureMarkers.WordHash`): open addressing in one power-of-two array, so a look-up
/// is a multiply, a shift and a compare or two, where a `Dictionary` would hash the hash again.
struct HashedWords<Value: Sendable>: Sendable {
    private var keys: [UInt64]
    private var values: [Value?]
    private let shift: UInt64

    /// `entries`: (hash, value) pairs with distinct hashes.
    init(_ entries: [(UInt64, Value)]) {
        var bits: UInt64 = 4
        while (1 << bits) < entries.count * 4 { bits += 1 }
        shift = 64 - bits
        keys = Array(repeating: 0, count: 1 << bits)
        values = Array(repeating: nil, count: 1 << bits)
        for (key, value) in entries {
            var slot = slot(of: key)
            while values[slot] != nil {
                precondition(keys[slot] != key, "two words with one hash")
                slot = (slot + 1) & (keys.count - 1)
            }
            keys[slot] = key
            values[slot] = value
        }
    }

    @inline(__always)
    private func slot(of key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    @inline(__always)
    subscript(key: UInt64) -> Value? {
        var slot = slot(of: key)
        while let value = values[slot] {
            if keys[slot] == key { return value }
            slot = (slot + 1) & (keys.count - 1)
        }
        return nil
    }

    func contains(_ key: UInt64) -> Bool { self[key] != nil }
}
