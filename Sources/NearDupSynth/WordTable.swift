import NearDup

/// A set of words keyed by a stable 64-bit hash, mapping each to an index: open
/// addressing over plain arrays, so lookups allocate nothing and the layout does not
/// depend on the process's hash seed.
struct WordTable: Sendable {
    private var keys: [UInt64]
    private var values: [Int32]
    private var mask: Int
    private(set) var count = 0

    init(capacity: Int = 16) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = [UInt64](repeating: 0, count: size)
        values = [Int32](repeating: -1, count: size)
        mask = size - 1
    }

    /// The value stored for `key`, if any (keys are hashes; 0 is mapped to 1).
    func value(for key: UInt64) -> Int? {
        let key = key == 0 ? 1 : key
        var slot = Int(truncatingIfNeeded: key) & mask
        while true {
            let stored = keys[slot]
            if stored == 0 { return nil }
            if stored == key { return Int(values[slot]) }
            slot = (slot + 1) & mask
        }
    }

    func contains(_ key: UInt64) -> Bool { value(for: key) != nil }

    /// Stores `value` for `key` unless the key is present; returns whether it was added.
    @discardableResult
    mutating func insert(_ key: UInt64, value: Int) -> Bool {
        if (count + 1) * 2 > keys.count { grow() }
        let key = key == 0 ? 1 : key
        var slot = Int(truncatingIfNeeded: key) & mask
        while true {
            let stored = keys[slot]
            if stored == key { return false }
            if stored == 0 {
                keys[slot] = key
                values[slot] = Int32(value)
                count += 1
                return true
            }
            slot = (slot + 1) & mask
        }
    }

    private mutating func grow() {
        let oldKeys = keys
        let oldValues = values
        keys = [UInt64](repeating: 0, count: oldKeys.count * 2)
        values = [Int32](repeating: -1, count: oldKeys.count * 2)
        mask = keys.count - 1
        count = 0
        for (key, value) in zip(oldKeys, oldValues) where key != 0 {
            insert(key, value: Int(value))
        }
    }
}
