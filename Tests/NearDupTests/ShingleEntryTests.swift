import Testing
@testable import NearDup

/// Set entries keep a shingle's identity (the top bits of its hash) and its quote mark in 32
/// bits, its paragraph in a byte beside the set; a set keeps one entry per identity.
@Suite("Shingle entries")
struct ShingleEntryTests {
    @Test func anEntryKeepsTheHashsTopBitsAndQuoteMark() {
        let hash: UInt64 = 0xABCD_EF12_3456_7890
        let entry = ShingleEntry.make(ShingleHash.make(hash, isQuoted: true, paragraph: 9))
        #expect(ShingleEntry.identity(entry) == 0xABCD_EF12 >> 1)
        #expect(ShingleEntry.isQuoted(entry))
        let plain = ShingleEntry.make(ShingleHash.make(hash, isQuoted: false, paragraph: 300))
        #expect(ShingleEntry.identity(plain) == ShingleEntry.identity(entry))
        #expect(!ShingleEntry.isQuoted(plain))
        var paragraphs: [UInt8] = []
        _ = ShingleEntry.set(of: [ShingleHash.make(hash, isQuoted: false, paragraph: 300)], paragraphs: &paragraphs)
        #expect(paragraphs == [UInt8(ShingleEntry.lastParagraph)], "later paragraphs share the last")
    }

    /// Against a plain reference: group by identity, keep the first paragraph, quoted only if
    /// every occurrence was. Hashes that differ only below the kept bits are one shingle.
    @Test func aSetKeepsOneEntryPerIdentity() {
        var generator = SketchSamples.SplitMix64(seed: 31)
        for count in [0, 1, 7, 500, 20_000] {
            let distinct = (0..<max(1, count / 3)).map { _ in generator.next() }
            let hashes = (0..<count).map { _ -> UInt64 in
                // Low bits of the hash vary among repeats: they lie below the entry's identity.
                let base = distinct[Int(generator.next() % UInt64(distinct.count))] ^ (generator.next() & 0x1_FFFF_FFFF)
                return ShingleHash.make(base, isQuoted: generator.next() % 3 == 0, paragraph: Int(generator.next() % 200))
            }
            var reference: [UInt32: (paragraph: Int, quoted: Bool)] = [:]
            for hash in hashes {
                let entry = ShingleEntry.make(hash)
                let seen = reference[ShingleEntry.identity(entry)]
                reference[ShingleEntry.identity(entry)] = (
                    min(seen?.paragraph ?? .max, ShingleHash.paragraph(hash)),
                    (seen?.quoted ?? true) && ShingleEntry.isQuoted(entry))
            }
            var paragraphs: [UInt8] = []
            let set = ShingleEntry.set(of: hashes, paragraphs: &paragraphs)
            #expect(set.count == reference.count, "\(count) hashes")
            #expect(paragraphs.count == set.count)
            #expect(set == set.sorted())
            for (entry, paragraph) in zip(set, paragraphs) {
                let expected = reference[ShingleEntry.identity(entry)]
                #expect(expected?.paragraph == Int(paragraph) && expected?.quoted == ShingleEntry.isQuoted(entry))
            }
        }
    }

    @Test func aSetDoesNotDependOnOrder() {
        var generator = SketchSamples.SplitMix64(seed: 4)
        let hashes = (0..<3_000).map { _ in ShingleHash.make(generator.next() % 1_000 << 40, isQuoted: generator.next() % 2 == 0) }
        #expect(ShingleEntry.set(of: hashes) == ShingleEntry.set(of: hashes.shuffled(using: &generator)))
    }
}
