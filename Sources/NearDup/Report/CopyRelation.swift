/// How a copy stands to its original, in plain words, read from their paragraph diff: what
/// an editor wants first of each reprint (the same story, a cut, an edit, more text, a
/// rewrite) before reading the diff itself.
public enum CopyRelation: Sendable, Equatable {
    /// Every paragraph kept with every word.
    case identical
    /// The copy stops after the original's paragraph `cutAfter` (counting from 1) of
    /// `paragraphs`; at most one paragraph before the cut is missing (a replaced headline).
    case excerpt(cutAfter: Int, paragraphs: Int, added: Int, changedWords: Int)
    /// Every paragraph kept, words changed inside them.
    case copyEdited(changedWords: Int)
    /// Every paragraph kept, and paragraphs of its own added.
    case expanded(added: Int, changedWords: Int)
    /// Paragraphs dropped inside the story, not only cut from its end: a rewrite or a
    /// write-thru that keeps `kept` of the original's `paragraphs`.
    case rewrite(kept: Int, paragraphs: Int, added: Int, changedWords: Int)
    /// A bundle (live blog, digest) that holds `containment` of the story's text among items
    /// of its own: no copy of the story, but it carries it.
    case bundle(containment: Double)

    public init(_ diff: ParagraphDiff) {
        let paragraphs = diff.original.count
        let (dropped, added, changedWords) = (diff.droppedParagraphs, diff.addedParagraphs, diff.changedWords)
        if dropped == 0 {
            self = added > 0 ? .expanded(added: added, changedWords: changedWords)
                : changedWords > 0 ? .copyEdited(changedWords: changedWords) : .identical
            return
        }
        var lastKept = -1
        for entry in diff.entries {
            switch entry {
            case .same(let original, _), .changed(let original, _, _): lastKept = max(lastKept, original)
            case .dropped, .added: break
            }
        }
        let cutFromEnd = paragraphs - 1 - lastKept
        if lastKept >= 0, cutFromEnd > 0, dropped - cutFromEnd <= 1 {
            self = .excerpt(cutAfter: lastKept + 1, paragraphs: paragraphs, added: added, changedWords: changedWords)
        } else {
            self = .rewrite(kept: diff.keptParagraphs, paragraphs: paragraphs, added: added, changedWords: changedWords)
        }
    }

    /// One word or two: "identical", "excerpt", "copy-edited", "expanded", "rewrite", "bundle".
    public var kind: String {
        switch self {
        case .identical: "identical"
        case .excerpt: "excerpt"
        case .copyEdited: "copy-edited"
        case .expanded: "expanded"
        case .rewrite: "rewrite"
        case .bundle: "bundle"
        }
    }

    /// The relation in a phrase: "excerpt: cut after paragraph 7 of 21, 3 paragraphs added".
    public var description: String {
        switch self {
        case .identical:
            return "identical: every paragraph, every word"
        case .excerpt(let cutAfter, let paragraphs, let added, let changedWords):
            return "excerpt: cut after paragraph \(cutAfter) of \(paragraphs)" + Self.details(added: added, changedWords: changedWords)
        case .copyEdited(let changedWords):
            return "copy-edited: \(Self.counted(changedWords, "word")) changed"
        case .expanded(let added, let changedWords):
            return "expanded: \(Self.counted(added, "paragraph")) added" + Self.details(added: 0, changedWords: changedWords)
        case .rewrite(let kept, let paragraphs, let added, let changedWords):
            return "rewrite or write-thru: kept \(kept) of \(paragraphs) paragraphs" + Self.details(added: added, changedWords: changedWords)
        case .bundle(let containment):
            return "bundle containing the story (\(Int((containment * 100).rounded()))% of its text) among items of its own"
        }
    }

    private static func details(added: Int, changedWords: Int) -> String {
        var parts: [String] = []
        if added > 0 { parts.append("\(counted(added, "paragraph")) added") }
        if changedWords > 0 { parts.append("\(counted(changedWords, "word")) changed") }
        return parts.isEmpty ? "" : ", " + parts.joined(separator: ", ")
    }

    private static func counted(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}
