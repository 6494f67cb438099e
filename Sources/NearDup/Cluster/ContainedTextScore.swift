/// For a few contenders in a group, how much of the other members' text each one contains:
/// the sum over members m ≠ c of |m ∩ c| / |m|, the score that names a likely original.
///
/// Instead of one merge per (contender, member) pair, the contenders' shingles go into an
/// open-addressing table; each member's shingles are looked up once and add 1/|m| to what
/// they hit; a contender's score is then the sum over its own shingles, minus its own share.
/// Weights are fixed-point integers, so the sums do not depend on the order of members.
///
/// The table lives in a `ContainedTextScoreSpace` that a thread reuses group after group:
/// sized for every contender's shingles, zero-filling a new one took longer than the
/// scoring. Only the slots a score filled are cleared when it ends.
struct ContainedTextScore: ~Copyable {
    /// 1/|m| in units of 2^-32.
    private static let one: UInt64 = 1 << 32
    /// A key and its weight side by side: a lookup touches one cache line, not two.
    struct Slot {
        var key: UInt64 = 0
        var weight: UInt64 = 0
    }

    private let space: ContainedTextScoreSpace
    private let mask: Int

    /// `contenders` are sorted shingle sets.
    init<Sets: Collection<ArraySlice<UInt32>>>(contenders: Sets, space: ContainedTextScoreSpace = .init()) {
        precondition(space.filled.isEmpty, "a space serves one score at a time")
        let entries = contenders.reduce(0) { $0 + $1.count }
        var capacity = 16
        while capacity < 2 * entries { capacity <<= 1 }
        if space.slots.count < capacity { space.slots = [Slot](repeating: Slot(), count: capacity) }
        self.space = space
        mask = capacity - 1
        let mask = self.mask
        // The space's list, empty, taken out so that it grows in place.
        var filled: [Int] = []
        swap(&filled, &space.filled)
        space.slots.withUnsafeMutableBufferPointer { slots in
            for set in contenders {
                for entry in set {
                    let key = Self.key(entry)
                    var index = Int(truncatingIfNeeded: key) & mask
                    while slots[index].key != 0 && slots[index].key != key { index = (index + 1) & mask }
                    if slots[index].key == 0 {
                        slots[index].key = key
                        filled.append(index)
                    }
                }
            }
        }
        space.filled = filled
    }

    deinit {
        var filled: [Int] = []
        swap(&filled, &space.filled)
        space.slots.withUnsafeMutableBufferPointer { slots in
            for index in filled { slots[index] = Slot() }
        }
        filled.removeAll(keepingCapacity: true)
        space.filled = filled
    }

    /// Key 0 marks an empty slot; stored keys are identity + 1, which is never 0.
    private static func key(_ entry: UInt32) -> UInt64 { UInt64(ShingleEntry.identity(entry)) &+ 1 }

    /// The slot holding `key`, if a contender has it. Keys are hashes already: their low bits
    /// index the table as they are.
    private static func slot(of key: UInt64, in slots: UnsafeMutableBufferPointer<Slot>, mask: Int) -> Int? {
        var index = Int(truncatingIfNeeded: key) & mask
        while true {
            let stored = slots[index].key
            if stored == key { return index }
            if stored == 0 { return nil }
            index = (index + 1) & mask
        }
    }

    /// Adds a member's share, 1/|m|, to each contender shingle the member holds.
    mutating func add(member: ArraySlice<UInt32>) {
        guard !member.isEmpty else { return }
        let share = Self.one / UInt64(member.count)
        let mask = self.mask
        space.slots.withUnsafeMutableBufferPointer { slots in
            for entry in member {
                if let index = Self.slot(of: Self.key(entry), in: slots, mask: mask) { slots[index].weight &+= share }
            }
        }
    }

    /// The contender's score in units of 2^-32, once every member (contender included) was added.
    func score(of contender: ArraySlice<UInt32>) -> UInt64 {
        guard !contender.isEmpty else { return 0 }
        let mask = self.mask
        let total = space.slots.withUnsafeMutableBufferPointer { slots in
            var total: UInt64 = 0
            for entry in contender {
                if let index = Self.slot(of: Self.key(entry), in: slots, mask: mask) { total &+= slots[index].weight }
            }
            return total
        }
        return total - UInt64(contender.count) * (Self.one / UInt64(contender.count))
    }
}

extension ContainedTextScore {
    /// Every member's score in a group small enough that all members contend, by one merge
    /// per pair: a merge reads two sets once, where the table costs an insertion and two
    /// look-ups per shingle, so for a few members the merges are less work (at 100,000
    /// generated news articles, up to about seven). Each pair's shared count is weighed as
    /// the table weighs it, so the scores are the same integers.
    static func scoresByMerging(_ sets: [ArraySlice<UInt32>]) -> [UInt64] {
        let shares = sets.map { $0.isEmpty ? 0 : one / UInt64($0.count) }
        var scores = [UInt64](repeating: 0, count: sets.count)
        for first in sets.indices {
            for second in sets.indices where second > first {
                let shared = UInt64(PairSimilarity(sets[first], sets[second]).shared)
                scores[first] &+= shared &* shares[second]
                scores[second] &+= shared &* shares[first]
            }
        }
        return scores
    }
}

/// The table `ContainedTextScore` works in, kept between scores. It is used by one thread
/// at a time (each thread that clusters groups makes its own), hence unchecked.
final class ContainedTextScoreSpace: @unchecked Sendable {
    fileprivate var slots: [ContainedTextScore.Slot] = []
    /// The slots the current score filled.
    fileprivate var filled: [Int] = []

    init() {}
}
