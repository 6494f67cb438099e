@testable import NearDupArchive
import NearDupSynth
import Testing

/// Band-key entries come out in the store's key order (signed), with one key's entries in
/// the order they came, as a stable comparison sort leaves them.
@Suite struct KeyOrderTests {
    @Test(arguments: [0, 1, 2, 17, 1_000, 50_000])
    func entriesComeOutAsAStableSortLeavesThem(count: Int) {
        var random = SynthRandom(seed: UInt64(count) + 5)
        // Few distinct keys, so that many entries share one, and keys of both signs.
        let keys = (0..<max(1, count / 3)).map { _ in random.next() }
        var entries = (0..<count).map { (key: keys[Int(random.next() % UInt64(keys.count))], position: $0) }
        let expected = entries.sorted { Int64(bitPattern: $0.key) < Int64(bitPattern: $1.key) }
        KeyOrder.sort(&entries)
        #expect(entries.map(\.key) == expected.map(\.key))
        #expect(entries.map(\.position) == expected.map(\.position))
    }
}
