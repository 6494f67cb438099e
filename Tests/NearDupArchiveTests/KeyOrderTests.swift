@testable import NearDupArchive
import NearDupSynth
import Testing

/// Band-key entries come out in the store's key order (signed), with one key's entries in
/// the order they came, as a stable comparison sort leaves them.
@Suite struct KeyOrderTests {
    @Test(arguments: [(0, false), (1, false), (2, false), (17, false), (1_000, false), (50_000, false), (50_000, true)])
    func entriesComeOutAsAStableSortLeavesThem(count: Int, narrow: Bool) {
        var random = SynthRandom(seed: UInt64(count) + 5)
        // Few distinct keys, so that many entries share one, and keys of both signs; or keys
        // of one slice of the range, as a load sorts them a slice at a time.
        let keys = (0..<max(1, count / 3)).map { _ in narrow ? 0x8F00_0000_0000_0000 | random.next() >> 12 : random.next() }
        var entries = (0..<count).map { (key: keys[Int(random.next() % UInt64(keys.count))], position: $0) }
        let expected = entries.sorted { Int64(bitPattern: $0.key) < Int64(bitPattern: $1.key) }
        KeyOrder.sort(&entries)
        #expect(entries.map(\.key) == expected.map(\.key))
        #expect(entries.map(\.position) == expected.map(\.position))
    }
}
