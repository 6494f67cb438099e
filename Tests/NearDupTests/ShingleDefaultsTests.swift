import Foundation
import Testing
@testable import NearDup
@testable import NearDupIO
import NearDupEval

@Suite("Defaults per shingle kind")
struct ShingleDefaultsTests {
    @Test func wordShinglesKeepTheCalibratedThreshold() {
        #expect(NearDupOptions.defaultThreshold(for: .words(5)) == 0.5)
        #expect(NearDupOptions.defaultThreshold(for: .words(3)) == 0.5)
        #expect(NearDupOptions(shingle: .words(5)) == NearDupOptions())
    }

    /// Shorter character windows recur by chance more, so they need a higher share of
    /// shingles for the same share of text; the map never reaches 1.
    @Test func characterThresholdsFallWithTheWindowLength() {
        #expect(NearDupOptions.defaultThreshold(for: .characters(5)) == 0.8)
        #expect(NearDupOptions.defaultThreshold(for: .characters(7)) == 0.7)
        let thresholds = (1...64).map { NearDupOptions.defaultThreshold(for: .characters($0)) }
        #expect(zip(thresholds, thresholds.dropFirst()).allSatisfy { $0 >= $1 })
        #expect(thresholds.allSatisfy { $0 >= 0.5 && $0 < 1 })
        #expect(NearDupOptions.defaultThreshold(for: .characters(5), textShare: 0.6) == 0.84)
    }

    @Test func sharedWordsBecomeShinglesOfTheKind() {
        var options = NearDupOptions(shingle: .characters(5))
        #expect(options.minimumSharedShingles == 300)
        #expect(options.copyRule.threshold == 0.8 && options.copyRule.minimumShared == 300)
        options.shingle = .words(4)
        #expect(options.minimumSharedShingles == 50)
    }

    /// The bundled archive's two labelled clusters, with 5-character shingles and their
    /// scaled defaults (the word threshold added two clusters of same-subject stories).
    @Test func archiveClustersWithCharacterShingles() throws {
        let path = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent("archive").path
        let documents = try CorpusReader(fields: FieldSelection()).readDocuments(from: [path])
        let labels = try LabelSet(contentsOf: path + ".labels.json").labels(for: documents.map(\.id))
        func adjustedRandIndex(_ options: NearDupOptions) -> Double {
            let result = ClusteringPipeline(options: options).run(documents)
            return ClusteringMetrics(predicted: result.assignments.map(\.cluster), truth: labels).adjustedRandIndex
        }
        #expect(adjustedRandIndex(NearDupOptions(shingle: .characters(5))) == 1)
        var unscaled = NearDupOptions()
        unscaled.shingle = .characters(5)
        #expect(adjustedRandIndex(unscaled) < 0.9)
    }
}
