import Foundation

/// What a shingle is: k consecutive words, or k consecutive characters.
public enum ShingleKind: Sendable, Equatable, CustomStringConvertible {
    case words(Int)
    case characters(Int)

    public static let `default` = ShingleKind.words(5)

    /// Parses `words:5`, `chars:7` (also `characters:7`, `w5`, `c7`).
    public init?(_ text: String) {
        let lower = text.lowercased()
        let parts = lower.split(separator: ":", maxSplits: 1)
        let name: Substring
        let sizeText: Substring
        if parts.count == 2 {
            name = parts[0]
            sizeText = parts[1]
        } else if let first = lower.first, first == "w" || first == "c" {
            name = lower.prefix(1)
            sizeText = lower.dropFirst()
        } else {
            return nil
        }
        guard let size = Int(sizeText), (1...64).contains(size) else { return nil }
        switch name {
        case "words", "word", "w": self = .words(size)
        case "chars", "characters", "char", "c": self = .characters(size)
        default: return nil
        }
    }

    public var size: Int {
        switch self {
        case .words(let size), .characters(let size): return size
        }
    }

    /// The share of a text's shingles that an unrelated text on the same subject holds by
    /// chance. Word 5-grams almost never recur by chance (the defaults are calibrated for
    /// them: 0). Short character shingles do: a 5-character window of one news story is
    /// found in about half of another story on the same event, in the middle of other words.
    /// For character shingles this is 0.6 × 0.82^(k − 5), within 0...0.9: the most seen by
    /// chance (highest 1% of unrelated pairs) on the bundled English news sets was 0.61 at
    /// k = 5, 0.40 at 7 and 0.26 at 9.
    public var chanceShare: Double {
        switch self {
        case .words: return 0
        case .characters(let size): return min(0.9, 0.6 * pow(0.82, Double(size - 5)))
        }
    }

    /// Characters a word takes in news text, its space included: how an amount of text
    /// counted in words becomes one in characters.
    public static let charactersPerWord = 6

    public var description: String {
        switch self {
        case .words(let size): return "words:\(size)"
        case .characters(let size): return "chars:\(size)"
        }
    }
}
