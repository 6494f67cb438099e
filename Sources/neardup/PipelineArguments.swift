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
    @Option(help: "Shingles: words:K or chars:K. (default: words:5)")
    var shingle: ShingleKind?

    @Option(name: .customLong("num-perm"), help: "MinHash signature length. (default: 128)")
    var numPermutations: Int?

    @Option(help: "MinHash scheme: oph (one permutation, densified) or classic (K hash functions). (default: oph)")
    var minhash: MinHashScheme?

    @Option(help: """
        Copy threshold: share of the shorter text's shingles found in the longer (and Jaccard for short texts). \
        Default 0.5 for word shingles; for character shingles, which recur by chance, 0.5 of the text \
        scaled up (0.8 for chars:5).
        """)
    var threshold: Double?

    @Option(help: """
        Text a copy must share with its original on overlap alone, in words: that many shared word shingles \
        (a 54-word passage holds 50 word 5-grams), or six shared character shingles a word. (default: 50)
        """)
    var minSharedWords: Int?

    @Option(help: "Shortest copy, as a fraction of its original, that candidate search aims to find. (default: 0.25)")
    var lengthRatio: Double?

    @Flag(inversion: .prefixedNo, help: "Near the threshold, let the shorter text's paragraphs decide: a copy reproduces most of them. (default: --paragraph-test)")
    var paragraphTest: Bool?

    @Option(help: "LSH bands (with --rows; chosen from the thresholds when omitted).")
    var bands: Int?

    @Option(help: "LSH rows per band (with --bands).")
    var rows: Int?

    @Option(help: "Seed for hashing and MinHash. (default: 1)")
    var seed: UInt64?

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
        and leave it out: pages (documents read as HTML pages), all (also plain text with a source), or off. \
        (default: pages)
        """, valueName: "which"))
    var learnFurniture: FurnitureLearning?

    @Flag(name: .customLong("no-html-extraction"),
          help: "Read HTML pages as text with the tags stripped, menus, lists and captions included, instead of taking their story.")
    var noHTMLExtraction = false

    func validate() throws {
        if let threshold, !(threshold > 0 && threshold < 1) { throw ValidationError("--threshold must be between 0 and 1") }
        if let numPermutations, !(1...4096).contains(numPermutations) { throw ValidationError("--num-perm must be in 1...4096") }
        if let lengthRatio, !(lengthRatio > 0 && lengthRatio <= 1) { throw ValidationError("--length-ratio must be in (0, 1]") }
        if let minSharedWords, minSharedWords < 1 { throw ValidationError("--min-shared-words must be at least 1") }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
        if (bands == nil) != (rows == nil) { throw ValidationError("give --bands and --rows together") }
        if let bands, let rows {
            let numPermutations = numPermutations ?? NearDupOptions().numPermutations
            guard bands >= 1, rows >= 1, bands * rows <= numPermutations else {
                throw ValidationError("--bands x --rows must be at most --num-perm (\(numPermutations))")
            }
        }
    }

    var options: NearDupOptions { options(over: NearDupOptions()) }

    /// `base` with the options given on the command line in place of its own; a shingle kind
    /// other than `base`'s brings its own threshold unless one is given.
    func options(over base: NearDupOptions) -> NearDupOptions {
        var options = base
        if let shingle, shingle != base.shingle {
            options.shingle = shingle
            options.threshold = NearDupOptions.defaultThreshold(for: shingle)
        }
        if let numPermutations { options.numPermutations = numPermutations }
        if let minhash { options.minHashScheme = minhash }
        if let threshold { options.threshold = threshold }
        if let minSharedWords { options.minimumSharedWords = minSharedWords }
        if let lengthRatio { options.lengthRatio = lengthRatio }
        if let paragraphTest { options.judgesParagraphs = paragraphTest }
        if let learnFurniture { options.furnitureLearning = learnFurniture }
        if let seed { options.seed = seed }
        options.threads = threads ?? ProcessInfo.processInfo.activeProcessorCount
        if let bands, let rows { options.bandLayout = BandLayout(bands: bands, rows: rows) }
        if noNormalize { options.normalization.foldsText = false }
        if keepMarkup { options.normalization.stripsMarkup = false }
        if keepBoilerplate { options.normalization.removesBoilerplate = false }
        if noHTMLExtraction { options.extractsHTMLStories = false }
        return options
    }

    /// For a shingle kind other than word 5-grams, for which the defaults are calibrated:
    /// the threshold and shared amount that apply, and where they come from.
    var shingleDefaultsNote: String? {
        guard let shingle, shingle != .default else { return nil }
        let options = self.options
        let minSharedWords = options.minimumSharedWords
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
