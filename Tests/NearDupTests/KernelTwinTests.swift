import Foundation
import Testing
@_spi(Kernels) @testable import NearDup
@testable import NearDupIO

/// Every vector kernel against its plain scalar twin: bit-identical results.
@Suite("Kernel twins")
struct KernelTwinTests {
    /// Both twins' signatures; they must also agree on how many bins the set filled itself.
    private func signatures(
        of hashes: [UInt64], scheme: MinHashScheme, numPermutations: Int = 128, seed: UInt64 = 1
    ) -> (scalar: [UInt32], simd: [UInt32]) {
        let scalar = MinHasher(numPermutations: numPermutations, seed: seed, scheme: scheme, variant: .scalar)
        let simd = MinHasher(numPermutations: numPermutations, seed: seed, scheme: scheme, variant: .simd)
        var scalarSignature = [UInt32](repeating: 0, count: numPermutations)
        var simdSignature = scalarSignature
        let scalarFilled = scalar.sketch(hashes, into: &scalarSignature)
        let simdFilled = simd.sketch(hashes, into: &simdSignature)
        #expect(scalarFilled == simdFilled)
        #expect(scalarFilled <= numPermutations && (scalarFilled == 0) == hashes.isEmpty)
        return (scalarSignature, simdSignature)
    }

    @Test(arguments: MinHashScheme.allCases, [0, 1, 2, 7, 100, 5_000])
    func minHashKernelsAgreeOnRandomSets(scheme: MinHashScheme, size: Int) {
        var generator = SketchSamples.SplitMix64(seed: UInt64(size) + 11)
        let hashes = (0..<size).map { _ in generator.next() }
        // K beyond 256 caches fewer probes per bin than a walk may take, and K = 1000 is not
        // a multiple of the four probes tested per step.
        for numPermutations in [1, 8, 64, 100, 128, 256, 1_000, 4_096] {
            let (scalar, simd) = signatures(of: hashes, scheme: scheme, numPermutations: numPermutations)
            #expect(scalar == simd, "size \(size), K \(numPermutations)")
        }
    }

    /// Signature comparison, with equal and empty values at random places, over slices that
    /// start inside a larger array as the batch's signatures do.
    @Test func estimatedJaccardKernelsAgree() {
        var generator = SketchSamples.SplitMix64(seed: 5)
        for length in [0, 1, 7, 8, 64, 128, 129, 256] {
            for _ in 0..<20 {
                let first = (0..<(length + 3)).map { _ in UInt32(truncatingIfNeeded: generator.next() % 4) }
                let second = first.map { value -> UInt32 in
                    switch generator.next() % 4 {
                    case 0: return MinHasher.emptyValue
                    case 1: return value &+ 1
                    default: return value
                    }
                }
                let a = first.map { $0 == 3 ? MinHasher.emptyValue : $0 }[3...]
                let b = second[3...]
                #expect(MinHasher.estimatedJaccard(a, b) == MinHasher.estimatedJaccardScalar(a, b))
            }
        }
    }

    @Test(arguments: MinHashScheme.allCases)
    func emptySetGivesEmptyValuesInBothKernels(scheme: MinHashScheme) {
        let (scalar, simd) = signatures(of: [], scheme: scheme)
        #expect(scalar == simd)
        #expect(simd.allSatisfy { $0 == MinHasher.emptyValue })
    }

    @Test(arguments: MinHashScheme.allCases)
    func minHashKernelsAgreeOnRealDocuments(scheme: MinHashScheme) throws {
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
            let (scalar, simd) = signatures(of: hashes, scheme: scheme, seed: 7)
            #expect(scalar == simd, "\(document.id)")
        }
    }

    /// A one-megabyte document: the archive's real words drawn at random, so nearly every
    /// 5-gram is new.
    @Test(arguments: MinHashScheme.allCases)
    func minHashKernelsAgreeOnAOneMegabyteDocument(scheme: MinHashScheme) throws {
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
        let (scalar, simd) = signatures(of: hashes, scheme: scheme)
        #expect(scalar == simd)
    }

    @Test func uniformHashSortMatchesTheStandardSort() {
        var generator = SketchSamples.SplitMix64(seed: 5)
        var scratch: [UInt64] = []
        var counts: [UInt32] = []
        // 300,000 values are more than the bucket table holds, so buckets are sorted one by one.
        for count in [0, 1, 2, 63, 64, 65, 100, 4_096, 50_000, 300_000] {
            for distinct in [1, 3, max(1, count / 10), max(1, count)] {
                // Few distinct values make crowded buckets of equal values.
                var values = (0..<count).map { _ in (generator.next() % UInt64(distinct)) &* 0x9E37_79B9_7F4A_7C15 }
                var expected = values
                UniformHashSort.sortScalar(&expected)
                UniformHashSort.sort(&values, scratch: &scratch, counts: &counts)
                #expect(values == expected, "count \(count), distinct \(distinct)")
            }
        }
        // Set entries: 32-bit values, spread in their top bits only.
        var entryScratch: [UInt32] = []
        for count in [0, 2, 65, 4_096, 300_000] {
            for distinct in [3, max(1, count)] {
                var entries = (0..<count).map { _ in ShingleEntry.make(generator.next() % UInt64(distinct) &* 0x9E37_79B9_7F4A_7C15) }
                var expected = entries
                UniformHashSort.sortScalar(&expected)
                UniformHashSort.sort(&entries, scratch: &entryScratch, counts: &counts)
                #expect(entries == expected, "count \(count), distinct \(distinct), entries")
            }
        }
        // Values that are not spread at all: small numbers, all in the first bucket.
        for count in [100, 5_000] {
            for _ in 0..<3 {
                var values = (0..<count).map { _ in generator.next() % 100_000 }
                var expected = values
                UniformHashSort.sortScalar(&expected)
                UniformHashSort.sort(&values, scratch: &scratch, counts: &counts)
                #expect(values == expected, "count \(count), small values")
            }
        }
    }

    @Test func packedPairSortMatchesTheStandardSort() {
        var generator = SketchSamples.SplitMix64(seed: 11)
        var scratch: [UInt64] = []
        // Pairs of up to 2^20 documents as the band search packs them, repeats included;
        // full 64-bit values use every digit; a single value repeated needs no pass at all.
        for count in [0, 1, 511, 512, 513, 10_000, 200_000] {
            for documents: UInt64 in [2, 1_000, 1 << 20] {
                var values = (0..<count).map { _ in
                    let (a, b) = (generator.next() % documents, generator.next() % documents)
                    return min(a, b) << 32 | max(a, b)
                }
                var expected = values
                PackedPairSort.sortScalar(&expected)
                PackedPairSort.sort(&values, scratch: &scratch)
                #expect(values == expected, "count \(count), documents \(documents)")
            }
            var wide = (0..<count).map { _ in generator.next() }
            var expectedWide = wide
            PackedPairSort.sortScalar(&expectedWide)
            PackedPairSort.sort(&wide, scratch: &scratch)
            #expect(wide == expectedWide, "count \(count), 64-bit values")
            var same = [UInt64](repeating: 42 << 32 | 7, count: count)
            PackedPairSort.sort(&same, scratch: &scratch)
            #expect(same == [UInt64](repeating: 42 << 32 | 7, count: count))
        }
    }

    /// Word shingles from the unsafe kernel and its plain twin, on random word streams with and
    /// without quote marks and paragraph starts, every window size from 1 to 8, and the real archive.
    @Test func wordShingleKernelsAgree() throws {
        var generator = SketchSamples.SplitMix64(seed: 9)
        let letters = Array("abcdefghijklmnopqrstuvwxyz0123456789é".utf8)
        // Words of 15, 16 and 17 bytes sit on both sides of the short-word path, in the middle
        // of a text and at its end, where fewer than 16 bytes can be read.
        let edges = "abcdefghijklmno abcdefghijklmnop abcdefghijklmnopq"
        var texts: [[UInt8]] = [
            [], [0x61], Array("one".utf8), Array("two words".utf8), Array("\(edges) tail words of this text here".utf8),
            Array("head \(edges)".utf8), Array("abcdefghijklmnop".utf8), Array("  two  spaces ".utf8),
        ]
        for length in [1, 2, 5, 40, 3_000] {
            let words = (0..<length).map { _ in
                (0..<(1 + Int(generator.next() % 12))).map { _ in letters[Int(generator.next() % UInt64(letters.count))] }
            }
            texts.append(Array(words.joined(separator: [0x20])))
        }
        let archive = try #require(Bundle.module.url(forResource: "Fixtures/archive", withExtension: nil))
        for document in try CorpusReader().readDocuments(from: [archive.path]) {
            texts.append(Array(TextNormalizer().normalize(document.text).utf8))
        }
        var scratch: [UInt64] = []
        for text in texts {
            let wordCount = text.split(separator: 0x20).count
            let quoteMarks = (0..<wordCount).map { _ in generator.next() % 3 != 0 }
            let paragraphStarts = (1..<max(1, wordCount)).filter { _ in generator.next() % 7 == 0 }.map(Int32.init)
            for size in 1...8 {
                let kernel = WordShingleKernel(size: size, seed: 77)
                for (quoted, starts) in [([], []), (quoteMarks, paragraphStarts)] {
                    var fast: [UInt64] = [42]
                    var plain: [UInt64] = [42]
                    kernel.appendShingles(of: text, quotedWords: quoted, paragraphStarts: starts, wordHashes: &scratch, to: &fast)
                    kernel.appendShinglesScalar(of: text, quotedWords: quoted, paragraphStarts: starts, to: &plain)
                    #expect(fast == plain, "\(text.count) bytes, size \(size)")
                }
            }
        }
    }

    @Test func setIntersectionKernelsAgree() {
        var generator = SketchSamples.SplitMix64(seed: 21)
        for (sizeA, sizeB) in [(0, 0), (0, 5), (1, 1), (7, 300), (600, 650), (5_000, 40)] {
            for sharedFraction in [0.0, 0.3, 1.0] {
                var common = (0..<Int(Double(min(sizeA, sizeB)) * sharedFraction)).map { _ in generator.next() }
                let a = ShingleEntry.set(of: common + (0..<(sizeA - common.count)).map { _ in generator.next() })
                // The same shingle quoted in one set and not in the other still matches.
                common = common.map { generator.next() % 2 == 0 ? $0 ^ 1 : $0 }
                let b = ShingleEntry.set(of: common + (0..<(sizeB - common.count)).map { _ in generator.next() })
                let fast = PairSimilarity(a[...], b[...])
                let plain = PairSimilarity.intersectionScalar(a[...], b[...])
                #expect(fast.shared == plain.shared && fast.sharedQuoted == plain.sharedQuoted, "\(sizeA) x \(sizeB)")
            }
        }
    }
}
