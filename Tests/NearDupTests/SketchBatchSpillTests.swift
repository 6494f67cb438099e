import Foundation
import Testing
@testable import NearDup

/// Sets and their paragraphs read back from the scratch file are the ones appended, across
/// parts, whatever the order they are asked in.
@Suite("Sketch batch in a scratch file")
struct SketchBatchSpillTests {
    @Test func setsAndParagraphsComeBackFromTheScratchFile() throws {
        var generator = SketchSamples.SplitMix64(seed: 9)
        let spill = try ShingleSpill(directory: FileManager.default.temporaryDirectory.path, memoryBudget: 0)
        var expected: [(entries: [UInt32], paragraphs: [UInt8])] = []
        var joined = SketchBatch()
        for _ in 0..<3 {
            var part = SketchBatch()
            for _ in 0..<(1 + generator.next() % 5) {
                let hashes = (0..<(generator.next() % 300)).map { _ in
                    ShingleHash.make(generator.next(), isQuoted: generator.next() % 4 == 0, paragraph: Int(generator.next() % 40))
                }
                var paragraphs: [UInt8] = []
                let entries = ShingleEntry.set(of: hashes, paragraphs: &paragraphs)
                part.append(shingles: entries, paragraphs: paragraphs, signature: [1, 2], filledBins: 2, leadSignature: [])
                expected.append((entries, paragraphs))
            }
            try part.spill(to: spill)
            joined.append(part)
        }
        #expect(spill.end > 0)
        var entryBuffer: [UInt32] = []
        var paragraphBuffer: [UInt8] = []
        for document in expected.indices.reversed() {
            let entries = Array(try joined.shingleSet(of: document, readingInto: &entryBuffer))
            let paragraphs = Array(try joined.paragraphs(of: document, readingInto: &paragraphBuffer))
            #expect(entries == expected[document].entries, "document \(document)")
            #expect(paragraphs == expected[document].paragraphs, "document \(document)")
        }
    }
}
