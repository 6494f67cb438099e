/// How a copy stands to its original, in plain words, read from their paragraph diff: what
/// an editor wants first of each reprint (the same story, a cut, an edit, more text, a
/// rewrite) before reading the diff itself.
///
/// Reprints replace the original's opening lines (masthead, headline, byline) with their own
/// so often that paragraphs dropped before the first one kept do not make a rewrite, nor
/// paragraphs added before it an expansion: they are counted apart (`replacedOpening`).
public enum CopyRelation: Sendable, Equatable {
    /// Every paragraph kept with every word.
    case identical
    /// The copy stops after the original's paragraph `cutAfter` (counting from 1) of
    /// `paragraphs`, with at most one paragraph, or a tenth of what it keeps, dropped inside.
    case excerpt(cutAfter: Int, paragraphs: Int, changes: Changes)
    /// Every paragraph from the first kept to the last (or all but one, or a tenth), words
    /// changed inside them.
    case copyEdited(changes: Changes)
    /// Every paragraph from the first kept to the last kept, and paragraphs of its own added
    /// among them or after them.
    case expanded(changes: Changes)
    /// More paragraphs dropped inside the story: a rewrite or a write-thru that keeps `kept`
    /// of the original's `paragraphs`.
    case rewrite(kept: Int, paragraphs: Int, changes: Changes)
    /// A bundle (live blog, digest) that holds `containment` of the story's text among items
    /// of its own: no copy of the story, but it carries it.
    case bundle(containment: Double)

    /// What else the copy did.
    public struct Changes: Sendable, Equatable {
        /// Paragraphs of the original dropped before the first one kept.
        public var replacedOpening: Int
        /// Paragraphs of the original dropped between the first and the last kept.
        public var droppedInside: Int
        public var added: Int
        public var changedWords: Int

        public init(replacedOpening: Int = 0, droppedInside: Int = 0, added: Int = 0, changedWords: Int = 0) {
            self.replacedOpening = replacedOpening
            self.droppedInside = droppedInside
            self.added = added
            self.changedWords = changedWords
        }
    }

    public init(_ diff: ParagraphDiff) {
        let paragraphs = diff.original.count
        var kept: [Int] = []
        // Paragraphs added after the first one kept: the copy's own text inside the story,
        // not a new opening.
        var addedInside = 0
        for entry in diff.entries {
            switch entry {
            case .same(let original, _), .changed(let original, _, _): kept.append(original)
            case .added: if !kept.isEmpty { addedInside += 1 }
            case .dropped: break
            }
        }
        guard let first = kept.min(), let last = kept.max() else {
            self = .rewrite(kept: 0, paragraphs: paragraphs, changes: Changes(added: diff.addedParagraphs))
            return
        }
        let inside = (last - first + 1) - kept.count
        let cut = paragraphs - 1 - last
        let changes = Changes(replacedOpening: first, droppedInside: inside, added: diff.addedParagraphs, changedWords: diff.changedWords)
        // A paragraph or a tenth of the story dropped inside it is a trim, not a rewrite.
        let trimmed = inside <= max(1, kept.count / 10)
        if trimmed && cut == 0 {
            if addedInside > 0 {
                self = .expanded(changes: changes)
            } else if changes == Changes() {
                self = .identical
            } else {
                self = .copyEdited(changes: changes)
            }
        } else if trimmed {
            self = .excerpt(cutAfter: last + 1, paragraphs: paragraphs, changes: changes)
        } else {
            self = .rewrite(kept: kept.count, paragraphs: paragraphs, changes: changes)
        }
    }

    /// One word: "identical", "excerpt", "copy-edited", "expanded", "rewrite", "bundle".
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
        case .excerpt(let cutAfter, let paragraphs, let changes):
            return "excerpt: cut after paragraph \(cutAfter) of \(paragraphs)" + Self.details(changes)
        case .copyEdited(let changes) where changes.changedWords == 0:
            return "copy-edited: " + Self.parts(changes).joined(separator: ", ") + ", the rest word for word"
        case .copyEdited(let changes):
            return "copy-edited: \(Self.counted(changes.changedWords, "word")) changed"
                + Self.details(Changes(replacedOpening: changes.replacedOpening, droppedInside: changes.droppedInside, added: changes.added))
        case .expanded(let changes):
            return "expanded: \(Self.counted(changes.added, "paragraph")) added"
                + Self.details(Changes(replacedOpening: changes.replacedOpening, droppedInside: changes.droppedInside, changedWords: changes.changedWords))
        case .rewrite(let kept, let paragraphs, let changes):
            // What was kept says what was dropped.
            return "rewrite or write-thru: kept \(kept) of \(paragraphs) paragraphs"
                + Self.details(Changes(replacedOpening: changes.replacedOpening, added: changes.added, changedWords: changes.changedWords))
        case .bundle(let containment):
            return "bundle containing the story (\(Int((containment * 100).rounded()))% of its text) among items of its own"
        }
    }

    private static func details(_ changes: Changes) -> String {
        let parts = parts(changes)
        return parts.isEmpty ? "" : ", " + parts.joined(separator: ", ")
    }

    private static func parts(_ changes: Changes) -> [String] {
        var parts: [String] = []
        switch changes.replacedOpening {
        case 0: break
        case 1: parts.append("first paragraph left out")
        case let count: parts.append("first \(count) paragraphs left out")
        }
        if changes.droppedInside > 0 { parts.append("\(counted(changes.droppedInside, "paragraph")) dropped") }
        if changes.added > 0 { parts.append("\(counted(changes.added, "paragraph")) added") }
        if changes.changedWords > 0 { parts.append("\(counted(changes.changedWords, "word")) changed") }
        return parts
    }

    private static func counted(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}
