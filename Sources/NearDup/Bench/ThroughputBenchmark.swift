import Dispatch
import Foundation

/// Times every stage of the pipeline on one corpus: warm-up, then several repetitions,
/// median reported. Kernels are timed in each variant, on the same input.
package struct ThroughputBenchmark {
    package struct Measurement: Sendable, Equatable {
        package var stage: String
        package var variant: String
        /// Median wall seconds of one pass over the corpus.
        package var seconds: Double
        package var documents: Int
        package var bytes: Int
        /// Words, shingles, band entries or pairs, as the stage counts its work.
        package var items: Int

        package var documentsPerSecond: Double { Double(documents) / seconds }
        package var megabytesPerSecond: Double { Double(bytes) / 1_000_000 / seconds }
        package var itemsPerSecond: Double { Double(items) / seconds }
    }

    package var options: NearDupOptions
    package var repetitions: Int

    package init(options: NearDupOptions = .init(), repetitions: Int = 5) {
        self.options = options
        self.repetitions = max(1, repetitions)
    }

    /// `read` gives `documents` again, read from their file (the `read` and `end-to-end`
    /// stages time it): the readers are a module of their own, which the engine does not see.
    /// The `html` stage times `pages` (HTML documents; the MB/s are of their HTML): parsing
    /// alone (`parse`, the parser's own ceiling) and parsing with the story's extraction
    /// (`extract`). Without pages it is left out.
    package func run(
        documents: [Document], pages: [Document] = [], read: (_ body: (Document) throws -> Void) throws -> Void
    ) throws -> [Measurement] {
        let bytes = documents.reduce(0) { $0 + $1.utf8Text.count }
        let count = documents.count
        var results: [Measurement] = []
        func measure(_ stage: String, _ variant: String, items: Int, _ body: () throws -> Void) rethrows {
            try body()  // warm-up
            var times: [Double] = []
            for _ in 0..<repetitions {
                let start = DispatchTime.now().uptimeNanoseconds
                try body()
                times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            }
            times.sort()
            results.append(Measurement(
                stage: stage, variant: variant, seconds: max(times[times.count / 2], 1e-9),
                documents: count, bytes: bytes, items: items))
        }

        try measure("read", "-", items: count) {
            var readCount = 0
            try read { _ in readCount += 1 }
            precondition(readCount == count, "the benchmark file changed while it ran")
        }

        if !pages.isEmpty {
            let htmlBytes = pages.reduce(0) { $0 + $1.utf8Text.count }
            let html = pages.map(\.utf8Text)
            func measurePages(_ variant: String, _ body: () -> Void) {
                measure("html", variant, items: 0, body)
                results[results.count - 1].documents = pages.count
                results[results.count - 1].bytes = htmlBytes
            }
            measurePages("parse") {
                for page in html { page.withUnsafeBufferPointer { HTMLOutliner.parseOnly($0) } }
            }
            let extractor = StoryExtractor()
            var story: [UInt8] = []
            var storyWords = 0
            measurePages("extract") {
                storyWords = 0
                for page in html { storyWords += extractor.extract(page, into: &story).storyWords }
            }
            results[results.count - 1].items = storyWords
        }

        let normalizer = TextNormalizer(options: options.normalization)
        var normalized: [[UInt8]] = Array(repeating: [], count: count)
        var quoted: [[Bool]] = Array(repeating: [], count: count)
        var paragraphStarts: [[Int32]] = Array(repeating: [], count: count)
        var words = 0
        measure("normalize", "-", items: 0) {
            for index in 0..<count {
                normalizer.normalize(
                    utf8: documents[index].utf8Text, into: &normalized[index], quotedWords: &quoted[index],
                    paragraphStarts: &paragraphStarts[index])
            }
        }
        words = quoted.reduce(0) { $0 + $1.count }
        results[results.count - 1].items = words

        var shingler = Shingler(kind: options.shingle, seed: options.seed)
        var shingleSets: [[UInt64]] = Array(repeating: [], count: count)
        measure("shingle", "-", items: 0) {
            for index in 0..<count {
                shingler.shingles(
                    of: normalized[index], quotedWords: quoted[index], paragraphStarts: paragraphStarts[index],
                    into: &shingleSets[index])
            }
        }
        let shingles = shingleSets.reduce(0) { $0 + $1.count }
        results[results.count - 1].items = shingles

        // Each document's sorted, duplicate-free set of entries, which the pipeline keeps for
        // the exact comparisons.
        let windows = shingleSets
        var entrySets: [[UInt32]] = Array(repeating: [], count: count)
        var paragraphs: [[UInt8]] = Array(repeating: [], count: count)
        measure("shingle-set", "-", items: shingles) {
            for index in 0..<count { shingler.entrySet(of: windows[index], into: &entrySets[index], paragraphs: &paragraphs[index]) }
        }

        var signatures: [UInt32] = []
        for scheme in MinHashScheme.allCases {
            for variant in KernelVariant.allCases {
                let hasher = MinHasher(numPermutations: options.numPermutations, seed: options.seed, scheme: scheme, variant: variant)
                var signature = [UInt32](repeating: 0, count: options.numPermutations)
                var all: [UInt32] = []
                all.reserveCapacity(count * options.numPermutations)
                measure("minhash", Self.variantName(scheme, variant), items: shingles) {
                    all.removeAll(keepingCapacity: true)
                    for shingles in windows {
                        hasher.sketch(shingles, into: &signature)
                        all.append(contentsOf: signature)
                    }
                }
                if scheme == options.minHashScheme && variant == options.kernel { signatures = all }
            }
        }

        // Both per-document kernels back to back on one document at a time, as the pipeline runs
        // them: the shingles are still in cache when they are sketched.
        let fusedHasher = MinHasher(
            numPermutations: options.numPermutations, seed: options.seed, scheme: options.minHashScheme, variant: options.kernel)
        var fusedShingles: [UInt64] = []
        var fusedSignature = [UInt32](repeating: 0, count: options.numPermutations)
        var fusedSignatures: [UInt32] = []
        fusedSignatures.reserveCapacity(count * options.numPermutations)
        measure("shingle+minhash", Self.variantName(options.minHashScheme, options.kernel), items: shingles) {
            fusedSignatures.removeAll(keepingCapacity: true)
            for index in 0..<count {
                shingler.shingles(
                    of: normalized[index], quotedWords: quoted[index], paragraphStarts: paragraphStarts[index],
                    into: &fusedShingles)
                fusedHasher.sketch(fusedShingles, into: &fusedSignature)
                fusedSignatures.append(contentsOf: fusedSignature)
            }
        }

        let layout = options.resolvedBandLayout
        let finder = CandidateFinder(layout: layout)
        let sizes = windows.map(\.count)
        var pairs = 0
        measure("lsh", "-", items: count * layout.bands) {
            pairs = finder.candidates(
                signatures: signatures, stride: options.numPermutations, count: count,
                isIndexed: { sizes[$0] > 0 }).pairs.count
        }

        let pipeline = ClusteringPipeline(options: options)
        let batch = pipeline.sketch(documents.map(DocumentText.init))
        var dates = DateSummary()
        var facts = documents.map { DocumentFacts($0, date: dates.read($0, format: options.dateFormat)) }
        batch.applyPublicationTimes(to: &facts)
        try measure("cluster", "-", items: pairs) {
            _ = try pipeline.resolve(facts, batch: batch)
        }

        try measure("end-to-end", "threads=\(options.threads)", items: count) {
            var again: [Document] = []
            again.reserveCapacity(count)
            try read { again.append($0) }
            _ = pipeline.run(again)
        }
        return results
    }

    /// One-permutation hashing does one scatter per shingle: its fast kernel has unsafe
    /// buffers and cached probes, but no vector lanes, so it is named `unsafe`, not `simd`.
    static func variantName(_ scheme: MinHashScheme, _ variant: KernelVariant) -> String {
        let name = scheme == .onePermutation && variant == .simd ? "unsafe" : variant.rawValue
        return "\(scheme.rawValue)/\(name)"
    }
}
