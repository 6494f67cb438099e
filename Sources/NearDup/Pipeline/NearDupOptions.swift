import Foundation

/// Every knob of a run, with the defaults of the `neardup` commands, which need no tuning
/// per data set (see the README).
public struct NearDupOptions: Sendable, Equatable {
    public var shingle: ShingleKind = .default
    public var normalization = TextNormalizer.Options()
    /// HTML pages (`.html` files, and texts that `HTMLDetection` finds to be whole pages) are
    /// read for their story text (`StoryExtractor`) before normalisation. Off, or with markup
    /// kept (`normalization.stripsMarkup` false), a page is text like any other.
    public var extractsHTMLStories = true
    /// Signature length K.
    public var numPermutations = 128
    public var minHashScheme = MinHashScheme.onePermutation
    /// Vector kernels or their scalar twins; the results are identical.
    public var kernel = KernelVariant.simd
    public var seed: UInt64 = 1
    /// Minimum share of the shorter text's shingles found in the longer (and minimum
    /// Jaccard) for a copy: 0.5 for word shingles, more for character shingles
    /// (`defaultThreshold(for:)`; `init(shingle:)` sets it).
    public var threshold = 0.5
    /// The text a copy must share with its original on overlap alone, in words: as many
    /// shared word shingles (one starts at each word of a shared passage, so a 54-word
    /// passage holds 50 word 5-grams), or six shared character shingles a word
    /// (`minimumSharedShingles`). 50 is about one 80-word excerpt after edits.
    public var minimumSharedWords = 50
    /// Shortest copy, as a fraction of its original's length, that candidate search aims to find.
    public var lengthRatio = 0.25
    /// Near the threshold, the shorter text's paragraphs decide (see `CopyRule`).
    public var judgesParagraphs = true
    /// Shingles at the start of a document sketched again on their own, so that an excerpt
    /// that keeps the lead is found however short it is against its story; 0 turns this off.
    public var leadShingles = 50
    /// Signature length and band layout of lead sketches: leads of a story and its excerpts
    /// are near-identical, so a short signature and bands of two rows find them.
    public static let leadPermutations = 16
    public static let leadBandLayout = BandLayout(bands: 8, rows: 2)
    /// Which documents' paragraphs that recur on pages beside unrelated text are left out of
    /// verification (`LearnedFurniture`; word shingles only).
    public var furnitureLearning = FurnitureLearning.pages
    /// Band layout override; chosen from the thresholds when nil.
    public var bandLayout: BandLayout?
    /// Worker threads for the per-document stages: all cores by default. The outcome is the
    /// same for any number.
    public var threads = ProcessInfo.processInfo.activeProcessorCount
    /// How to read the dates the built-in spellings do not cover (`--date-format`); tried
    /// before them.
    public var dateFormat: DateFormat?

    public init() {}

    /// The defaults for `shingle`: the threshold scaled for it (`defaultThreshold(for:)`).
    public init(shingle: ShingleKind) {
        self.shingle = shingle
        threshold = Self.defaultThreshold(for: shingle)
    }

    /// The share of text that makes a copy, 0.5, as a share of `kind`'s shingles: shingles
    /// that recur by chance (`ShingleKind.chanceShare`, b) are found in the other text
    /// whether it is a copy or not, so a text share x shows as x + (1 − x) × b. 0.5 for word
    /// shingles, 0.8 for 5-character shingles, 0.7 for 7-character ones.
    public static func defaultThreshold(for kind: ShingleKind, textShare: Double = 0.5) -> Double {
        let shown = textShare + (1 - textShare) * kind.chanceShare
        return (shown * 100).rounded() / 100
    }

    /// Whether pages are read for their story text under these options.
    var readsPages: Bool { extractsHTMLStories && normalization.stripsMarkup }

    /// The Jaccard similarity of a copy that is `lengthRatio` of its original and overlaps
    /// it at exactly `threshold`: the lowest similarity candidate search must reach.
    public var candidateJaccard: Double {
        let ratio = min(max(lengthRatio, 0.01), 1)
        return threshold / (1 + 1 / ratio - threshold)
    }

    public var resolvedBandLayout: BandLayout {
        bandLayout ?? BandLayout.optimal(threshold: min(max(candidateJaccard, 0.01), 0.99), numPermutations: numPermutations)
    }

    /// `minimumSharedWords` in shingles of the chosen kind: one word shingle starts at each
    /// word of a shared passage, one character shingle at each character (six a word).
    public var minimumSharedShingles: Int {
        switch shingle {
        case .words: return minimumSharedWords
        case .characters: return minimumSharedWords * ShingleKind.charactersPerWord
        }
    }

    public var copyRule: CopyRule {
        CopyRule(threshold: threshold, minimumShared: minimumSharedShingles, judgesParagraphs: judgesParagraphs)
    }
}
