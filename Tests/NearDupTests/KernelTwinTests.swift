import Foundation
import Testing
@testable import NearDup

/// Every vector kernel against its plain scalar twin: bit-identical results.
@Suite("Kernel twins")
struct KernelTwinTests {
    private func signatures(of hashes: [UInt64], numPermutations: Int = 128, seed: UInt64 = 1) -> (scalar: [UInt32], simd: [UInt32]) {
        let scalar = MinHasher(numPermutations: numPermutations, seed: seed, scheme: .classic, variant: .scalar)
        let simd = MinHasher(numPermutations: numPermutations, seed: seed, scheme: .classic, variant: .simd)
        return (scalar.signature(of: hashes), simd.signature(of: hashes))
    }

    @Test(arguments: [0, 1, 2, 7, 100, 5_000])
    func classicKernelsAgreeOnRandomSets(size: Int) {
        var generator = SketchSamples.SplitMix64(seed: UInt64(size) + 11)
        let hashes = (0..<size).map { _ in generator.next() }
        for numPermutations in [1, 8, 64, 100, 128, 256] {
            let (scalar, simd) = signatures(of: hashes, numPermutations: numPermutations)
            #expect(scalar == simd, "size \(size), K \(numPermutations)")
        }
    }

    @Test func emptySetGivesEmptyValuesInBothKernels() {
        let (scalar, simd) = signatures(of: [])
        #expect(scalar == simd)
        #expect(simd.allSatisfy { $0 == MinHasher.emptyValue })
    }

    @Test func classicKernelsAgreeOnRealDocuments() throws {
        let archive = try #require(Bundle.module.url(forResource: "Fixtures/archive", withExtension: nil))
        let documents = try CorpusReader().readDocuments(from: [archive.path])
        #expect(documents.count == 24)
        let normalizer = TextNormalizer()
        var shingler = Shingler()
        var normalized: [UInt8] = []
        var hashes: [UInt64] = []
        for document in documents {
            normalizer.normalize(document.text, into: &normalized)
            shingler.shingleSet(of: normalized, into: &hashes)
            let (scalar, simd) = signatures(of: hashes, seed: 7)
            #expect(scalar == simd, "\(document.id)")
        }
    }

    /// A one-megabyte document: the archive's real words drawn at random, so nearly every
    /// 5-gram is new.
    @Test func classicKernelsAgreeOnAOneMegabyteDocument() throws {
        let archive = try #require(Bundle.module.url(forResource: "Fixtures/archive", withExtension: nil))
        let documents = try CorpusReader().readDocuments(from: [archive.path])
        let vocabulary = Array(Set(documents.flatMap { $0.text.split(whereSeparator: \.isWhitespace) })).sorted()
        var generator = SketchSamples.SplitMix64(seed: 3)
        var words: [Substring] = []
        var size = 0
        while size < 1_000_000 {
            let word = vocabulary[Int(generator.next() % UInt64(vocabulary.count))]
            words.append(word)
            size += word.utf8.count + 1
        }
        let text = words.joined(separator: " ")
        var normalized: [UInt8] = []
        var hashes: [UInt64] = []
        TextNormalizer().normalize(text, into: &normalized)
        var shingler = Shingler()
        shingler.shingleSet(of: normalized, into: &hashes)
        #expect(hashes.count > 100_000)
        let (scalar, simd) = signatures(of: hashes)
        #expect(scalar == simd)
    }

    @Test func bandEntrySortMatchesAComparisonSort() {
        var generator = SketchSamples.SplitMix64(seed: 5)
        for count in [0, 1, 100, 4_095, 4_096, 50_000] {
            // Few distinct keys, so runs of equal keys test that document order is kept.
            var entries = (0..<count).map { index in
                BandEntry(key: generator.next() % UInt64(max(1, count / 10)) &* 0x9E37_79B9_7F4A_7C15, document: UInt32(index))
            }
            let expected = entries.sorted()
            BandEntrySort.sort(&entries)
            #expect(entries == expected, "count \(count)")
        }
    }
}
