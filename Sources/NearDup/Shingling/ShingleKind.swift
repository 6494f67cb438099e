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

    public var description: String {
        switch self {
        case .words(let size): return "words:\(size)"
        case .characters(let size): return "chars:\(size)"
        }
    }
}
