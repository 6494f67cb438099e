import Foundation
@testable import NearDupArchive
import NearDupSynth
import Testing

/// The compact coding gives back exactly what it was given, for any sorted set and any
/// bytes, is smaller than the raw arrays for an article's entries, and refuses a blob that
/// is cut short instead of reading past it.
@Suite struct CompactCodingTests {
    static func randomSet(count: Int, seed: UInt64, below limit: UInt64 = 1 << 32) -> [UInt32] {
        var generator = SynthRandom(seed: seed)
        var values = Set<UInt32>()
        while values.count < count { values.insert(UInt32(UInt64.random(in: 0..<limit, using: &generator))) }
        return values.sorted()
    }

    @Test(arguments: [0, 1, 2, 3, 7, 64, 700, 5_000, 70_000])
    func sortedSetsComeBackWhole(count: Int) throws {
        for seed in UInt64(1)...4 {
            let values = Self.randomSet(count: count, seed: seed)
            #expect(try CompactCoding.sortedSet(CompactCoding.data(sortedSet: values)) == values)
            // Dense sets, where most high parts repeat.
            let dense = Self.randomSet(count: count, seed: seed, below: UInt64(count) * 2 + 1)
            #expect(try CompactCoding.sortedSet(CompactCoding.data(sortedSet: dense)) == dense)
        }
    }

    @Test func theExtremeValuesComeBack() throws {
        for values: [UInt32] in [[0], [UInt32.max], [0, UInt32.max], [0, 1, 2, UInt32.max - 1, UInt32.max], Array(0..<300)] {
            #expect(try CompactCoding.sortedSet(CompactCoding.data(sortedSet: values)) == values)
        }
    }

    @Test func anArticlesEntriesTakeAboutThreeQuartersOfTheirRawSize() {
        let values = Self.randomSet(count: 700, seed: 9)
        let bytes = CompactCoding.data(sortedSet: values).count
        #expect(bytes < 700 * 4 * 80 / 100)
        #expect(bytes > 700 * 3)
    }

    @Test(arguments: [0, 1, 5, 300, 4_000])
    func packedBytesComeBackWhole(count: Int) throws {
        var generator = SynthRandom(seed: UInt64(count))
        for largest: UInt8 in [0, 1, 2, 7, 119, 255] {
            let values = (0..<count).map { _ in UInt8.random(in: 0...largest, using: &generator) }
            let data = CompactCoding.data(packing: values)
            #expect(try CompactCoding.packed(data) == values)
            if count >= 300 { #expect(data.count <= 2 + count * (8 - largest.leadingZeroBitCount) / 8 + 3) }
        }
    }

    @Test func aBlobCutShortIsRefused() {
        let data = CompactCoding.data(sortedSet: Self.randomSet(count: 700, seed: 3))
        #expect(throws: CompactCoding.Malformed.self) { try CompactCoding.sortedSet(data.prefix(data.count / 2)) }
        #expect(throws: CompactCoding.Malformed.self) { try CompactCoding.sortedSet(Data()) }
        #expect(throws: CompactCoding.Malformed.self) { try CompactCoding.sortedSet(Data([0xFF, 0xFF])) }
        let packed = CompactCoding.data(packing: Array(repeating: 200, count: 50))
        #expect(throws: CompactCoding.Malformed.self) { try CompactCoding.packed(packed.prefix(packed.count - 3)) }
        #expect(throws: CompactCoding.Malformed.self) { try CompactCoding.packed(Data([5])) }
    }

    @Test func aDataSliceDecodesAsItsBytes() throws {
        let values = Self.randomSet(count: 90, seed: 5)
        let framed = Data([1, 2, 3]) + CompactCoding.data(sortedSet: values)
        #expect(try CompactCoding.sortedSet(framed.dropFirst(3)) == values)
    }
}
