/// For a few contenders in a group, how much of the other members' text each one contains:
/// the sum over members m ≠ c of |m ∩ c| / |m|, the score that names a likely original.
///
/// Instead of one merge per (contender, member) pair, the contenders' shingles go into an
/// open-addressing table; each member's shingles are looked up once and add 1/|m| to what
/// they hit; a contender's score is then the sum over its own shingles, minus its own share.
/// Weights are fixed-point integers, so the sums do not depend on the order of members.
struct ContainedTextScore {
    /// 1/|m| in units of 2^-32.
    private static let one: UInt64 = 1 << 32
    /// A key and its weight side by side: a lookup touches one cache line, not two.
    private struct Slot {
        var key: UInt64 = 0
        var weight: UInt64 = 0
    }

    private var slots: [Slot]
    private let mask: Int

    /// `contenders` are sorted shingle sets.
    init<Sets: Collection<ArraySlice<UInt64>>>(contenders: Sets) {
        let entries = contenders.reduce(0) { $0 + $1.count }
        var capacity = 16
        while capacity < 2 * entries { capacity <<= 1 }
        slots = [Slot](repeating: Slot(), count: capacity)
        mask = capacity - 1
        for set in contenders {
            for hash in set { _ = slot(of: hash, inserting: true) }
        }
    }

    /// Key 0 marks an empty slot; stored keys are identity + 1, which is never 0.
    private mutating func slot(of hash: UInt64, inserting: Bool) -> Int? {
        let key = ShingleHash.identity(hash) &+ 1
        // Keys are hashes already: their low bits index the table as they are.
        var index = Int(truncatingIfNeeded: key) & mask
        while true {
            let stored = slots[index].key
            if stored == key { return index }
            if stored == 0 {
                guard inserting else { return nil }
                slots[index].key = key
                return index
            }
            index = (index + 1) & mask
        }
    }

    /// Adds a member's share, 1/|m|, to each contender shingle the member holds.
    mutating func add(member: ArraySlice<UInt64>) {
        guard !member.isEmpty else { return }
        let share = Self.one / UInt64(member.count)
        for hash in member {
            if let index = slot(of: hash, inserting: false) { slots[index].weight &+= share }
        }
    }

    /// The contender's score in units of 2^-32, once every member (contender included) was added.
    mutating func score(of contender: ArraySlice<UInt64>) -> UInt64 {
        guard !contender.isEmpty else { return 0 }
        var total: UInt64 = 0
        for hash in contender {
            if let index = slot(of: hash, inserting: false) { total &+= slots[index].weight }
        }
        return total - UInt64(contender.count) * (Self.one / UInt64(contender.count))
    }
}
