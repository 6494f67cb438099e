import ArgumentParser
import Foundation
import NearDup

extension MinHashScheme: ExpressibleByArgument {}
extension KernelVariant: ExpressibleByArgument {}

extension ShingleKind: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}

/// The options that shape detection. Defaults are explained in the README.
struct PipelineArguments: ParsableArguments {
    @Option(help: "Shingles: words:K or chars:K.")
    var shingle: ShingleKind = .default

    @Option(name: .customLong("num-perm"), help: "MinHash signature length.")
    var numPermutations = 128

    @Option(help: "MinHash scheme: oph (one permutation, densified) or classic (K hash functions).")
    var minhash: MinHashScheme = .onePermutation

    @Option(help: "Copy threshold: share of the shorter text found in the longer (and Jaccard for short texts).")
    var threshold = 0.5

    @Option(help: "Minimum shared words for two texts to be copies on overlap alone.")
    var minSharedWords = 50

    @Option(help: "Shortest copy, as a fraction of its original, that candidate search aims to find.")
    var lengthRatio = 0.25

    @Flag(inversion: .prefixedNo, help: "Near the threshold, let the shorter text's paragraphs decide: a copy reproduces most of them.")
    var paragraphTest = true

    @Option(help: "LSH bands (with --rows; chosen from the thresholds when omitted).")
    var bands: Int?

    @Option(help: "LSH rows per band (with --bands).")
    var rows: Int?

    @Option(help: "Seed for hashing and MinHash.")
    var seed: UInt64 = 1

    @Option(help: "Worker threads for the per-document stages (default: all cores).")
    var threads: Int?

    @Flag(help: "Do not fold case, Unicode forms, punctuation and whitespace.")
    var noNormalize = false

    @Flag(help: "Keep bylines, datelines, headlines, 'Related article:' lines and footers.")
    var keepBoilerplate = false

    @Flag(help: "Keep HTML tags and entities as text (pages are not read for their story either).")
    var keepMarkup = false

    @Flag(name: .customLong("no-html-extraction"),
          help: "Read HTML pages as text with the tags stripped, menus, lists and captions included, instead of taking their story.")
    var noHTMLExtraction = false

    func validate() throws {
        guard threshold > 0 && threshold < 1 else { throw ValidationError("--threshold must be between 0 and 1") }
        guard numPermutations >= 1 && numPermutations <= 4096 else { throw ValidationError("--num-perm must be in 1...4096") }
        guard lengthRatio > 0 && lengthRatio <= 1 else { throw ValidationError("--length-ratio must be in (0, 1]") }
        guard minSharedWords >= 1 else { throw ValidationError("--min-shared-words must be at least 1") }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
        if (bands == nil) != (rows == nil) { throw ValidationError("give --bands and --rows together") }
        if let bands, let rows {
            guard bands >= 1, rows >= 1, bands * rows <= numPermutations else {
                throw ValidationError("--bands x --rows must be at most --num-perm (\(numPermutations))")
            }
        }
    }

    var options: PipelineOptions {
        var options = PipelineOptions()
        options.shingle = shingle
        options.numPermutations = numPermutations
        options.minHashScheme = minhash
        options.threshold = threshold
        options.minimumSharedWords = minSharedWords
        options.lengthRatio = lengthRatio
        options.judgesParagraphs = paragraphTest
        options.seed = seed
        options.threads = threads ?? ProcessInfo.processInfo.activeProcessorCount
        if let bands, let rows { options.bandLayout = BandLayout(bands: bands, rows: rows) }
        options.normalization = .init(foldsText: !noNormalize, stripsMarkup: !keepMarkup, removesBoilerplate: !keepBoilerplate)
        options.extractsHTMLStories = !noHTMLExtraction
        return options
    }
}
