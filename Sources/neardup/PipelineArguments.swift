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

    @Option(help: """
        Copy threshold: share of the shorter text's shingles found in the longer (and Jaccard for short texts). \
        Default 0.5 for word shingles; for character shingles, which recur by chance, 0.5 of the text \
        scaled up (0.8 for chars:5).
        """)
    var threshold: Double?

    @Option(help: """
        Text a copy must share with its original on overlap alone, in words: that many shared word shingles \
        (a 54-word passage holds 50 word 5-grams), or six shared character shingles a word.
        """)
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

    @Option(help: ArgumentHelp("""
        Learn page furniture (paragraphs that recur on pages of one source beside unrelated text) from the corpus \
        and leave it out: pages (documents read as HTML pages), all (also plain text with a source), or off.
        """, valueName: "which"))
    var learnFurniture: FurnitureLearning = .pages

    @Flag(name: .customLong("no-html-extraction"),
          help: "Read HTML pages as text with the tags stripped, menus, lists and captions included, instead of taking their story.")
    var noHTMLExtraction = false

    func validate() throws {
        if let threshold, !(threshold > 0 && threshold < 1) { throw ValidationError("--threshold must be between 0 and 1") }
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
        var options = PipelineOptions(shingle: shingle)
        options.numPermutations = numPermutations
        options.minHashScheme = minhash
        if let threshold { options.threshold = threshold }
        options.minimumSharedWords = minSharedWords
        options.lengthRatio = lengthRatio
        options.judgesParagraphs = paragraphTest
        options.furnitureLearning = learnFurniture
        options.seed = seed
        options.threads = threads ?? ProcessInfo.processInfo.activeProcessorCount
        if let bands, let rows { options.bandLayout = BandLayout(bands: bands, rows: rows) }
        options.normalization = .init(foldsText: !noNormalize, stripsMarkup: !keepMarkup, removesBoilerplate: !keepBoilerplate)
        options.extractsHTMLStories = !noHTMLExtraction
        return options
    }

    /// For a shingle kind other than word 5-grams, for which the defaults are calibrated:
    /// the threshold and shared amount that apply, and where they come from.
    var shingleDefaultsNote: String? {
        guard shingle != .default else { return nil }
        let options = self.options
        let thresholdSource = threshold != nil
            ? "as given"
            : shingle.chanceShare > 0
            ? "half the text, with the \(Int((shingle.chanceShare * 100).rounded()))% of \(shingle) shingles that recur by chance counted in"
            : "as for words:5"
        let words = counted(minSharedWords, "word")
        let shingles = counted(options.minimumSharedShingles, "shared shingle")
        return "\(shingle) shingles: threshold \(options.threshold) (\(thresholdSource)), at least \(shingles) (--min-shared-words \(minSharedWords): \(words) of text)"
    }
}

extension FurnitureLearning: ExpressibleByArgument {}
