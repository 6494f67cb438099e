import Testing
@testable import NearDup

/// The score that names a likely original: for each contender, the sum over the other members
/// of the share of their text it contains, as one merge per pair would count it.
@Suite("Contained text score")
struct ContainedTextScoreTests {
    private static let one: UInt64 = 1 << 32

    private func expectedScore(of contender: [UInt64], members: [[UInt64]], skipping own: Int) -> UInt64 {
        var total: UInt64 = 0
        for (index, member) in members.enumerated() where index != own && !member.isEmpty {
            let shared = PairSimilarity(contender[...], member[...]).shared
            total += UInt64(shared) * (Self.one / UInt64(member.count))
        }
        return total
    }

    /// Members that share a story's text (as copies do) and members that share nothing, so
    /// the contenders' distinct shingles outgrow the table's first size.
    @Test(arguments: [(0.9, 4), (0.5, 9), (0.0, 16)])
    func scoresMatchOneMergePerPair(keptShare: Double, memberCount: Int) {
        var generator = SketchSamples.SplitMix64(seed: UInt64(memberCount))
        let story = (0..<400).map { _ in ShingleHash.make(generator.next(), isQuoted: generator.next() % 3 == 0) }
        let members: [[UInt64]] = (0..<memberCount).map { _ in
            let kept = story.filter { _ in Double(generator.next() % 1_000) < keptShare * 1_000 }
            let own = (0..<(50 + generator.next() % 300)).map { _ in ShingleHash.make(generator.next(), isQuoted: false) }
            return (kept + own).sorted()
        }
        var scores = ContainedTextScore(contenders: members.map { $0[...] })
        for member in members { scores.add(member: member[...]) }
        for (index, contender) in members.enumerated() {
            #expect(scores.score(of: contender[...]) == expectedScore(of: contender, members: members, skipping: index))
        }
    }
}
