import Foundation
import NearDup

/// The options that decide an index's clusters, as the index stores them: fixed when it is
/// created, since its sketches, band keys and copy edges were made with them.
struct IndexedOptions: Codable, Equatable {
    var shingle: String
    var numPermutations: Int
    var minHash: String
    var seed: UInt64
    var threshold: Double
    var minimumSharedWords: Int
    var lengthRatio: Double
    var paragraphTest: Bool
    var leadShingles: Int
    var learnFurniture: String
    var bands: Int
    var rows: Int
    var foldsText: Bool
    var stripsMarkup: Bool
    var removesBoilerplate: Bool
    var extractsHTMLStories: Bool
    var dateFormat: String?

    init(_ options: NearDupOptions) {
        shingle = options.shingle.description
        numPermutations = options.numPermutations
        minHash = options.minHashScheme.rawValue
        seed = options.seed
        threshold = options.threshold
        minimumSharedWords = options.minimumSharedWords
        lengthRatio = options.lengthRatio
        paragraphTest = options.judgesParagraphs
        leadShingles = options.leadShingles
        learnFurniture = options.furnitureLearning.rawValue
        bands = options.resolvedBandLayout.bands
        rows = options.resolvedBandLayout.rows
        foldsText = options.normalization.foldsText
        stripsMarkup = options.normalization.stripsMarkup
        removesBoilerplate = options.normalization.removesBoilerplate
        extractsHTMLStories = options.extractsHTMLStories
        dateFormat = options.dateFormat?.pattern
    }

    /// The pipeline options these stand for, run on `threads` threads; nil when a stored value
    /// is not one this NearDup knows.
    func options(threads: Int) -> NearDupOptions? {
        guard let kind = ShingleKind(shingle), let scheme = MinHashScheme(rawValue: minHash),
              let learning = FurnitureLearning(rawValue: learnFurniture), bands >= 1, rows >= 1
        else { return nil }
        var options = NearDupOptions(shingle: kind)
        options.numPermutations = numPermutations
        options.minHashScheme = scheme
        options.seed = seed
        options.threshold = threshold
        options.minimumSharedWords = minimumSharedWords
        options.lengthRatio = lengthRatio
        options.judgesParagraphs = paragraphTest
        options.leadShingles = leadShingles
        options.furnitureLearning = learning
        options.bandLayout = BandLayout(bands: bands, rows: rows)
        options.normalization = .init(foldsText: foldsText, stripsMarkup: stripsMarkup, removesBoilerplate: removesBoilerplate)
        options.extractsHTMLStories = extractsHTMLStories
        if let dateFormat { options.dateFormat = try? DateFormat(dateFormat) }
        options.threads = threads
        return options
    }

    /// Each option whose value differs from `asked`'s, as "name stored, not asked"; the band
    /// layout only when `asked` names one (else it follows from the other options).
    func differences(from asked: NearDupOptions) -> [String] {
        var other = IndexedOptions(asked)
        if asked.bandLayout == nil { (other.bands, other.rows) = (bands, rows) }
        let mine = Mirror(reflecting: self).children
        let theirs = Mirror(reflecting: other).children
        return zip(mine, theirs).compactMap { mine, theirs in
            let (stored, asked) = (Self.text(mine.value), Self.text(theirs.value))
            return stored == asked ? nil : "\(mine.label ?? "?") \(stored), not \(asked)"
        }
    }

    private static func text(_ value: Any) -> String {
        if let optional = value as? String? { return optional ?? "none" }
        return String(describing: value)
    }

    var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self)
    }

    init?(json: String) {
        guard let decoded = try? JSONDecoder().decode(IndexedOptions.self, from: Data(json.utf8)) else { return nil }
        self = decoded
    }
}
