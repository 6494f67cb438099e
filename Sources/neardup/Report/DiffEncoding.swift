import NearDup

/// A copy's diff against its original in few bytes: the page holds the original's paragraphs
/// once per cluster, and each copy only what it changed against them.
///
/// Each entry, in reading order: a number `n` ≥ 0, the original's paragraph `n` kept as it
/// is; `-n - 1`, paragraph `n` dropped; `["+", i, m]`, a paragraph the copy added, its first
/// `addedWords` words being `added[i]` and `m` more words left out; `[n, …]`, paragraph `n`
/// kept with words changed, followed by runs over its words: a number `k` > 0, the next `k`
/// words kept; `-k`, the next `k` words removed; a string, words the copy inserted there.
/// Words are the paragraph's words split at single spaces (`ReportStory`).
enum DiffEncoding {
    /// Words of an added paragraph that a report shows: what the copy added is its own text,
    /// not the story's, and at this length a report of 100,000 documents stays small.
    static let addedWords = 24

    /// `added`: the group's list of added paragraphs (first words), which this extends.
    static func entries(_ diff: ParagraphDiff, added: inout [String]) -> ReportJSON {
        .array(diff.entries.map { entry in
            switch entry {
            case .same(let original, _): return .int(original)
            case .dropped(let original): return .int(-original - 1)
            case .added(let copy):
                let words = diff.copy[copy].split(separator: " ")
                added.append(words.prefix(addedWords).joined(separator: " "))
                return .array([.string("+"), .int(added.count - 1), .int(max(0, words.count - addedWords))])
            case .changed(let original, _, let words): return .array([.int(original)] + runs(words))
            }
        })
    }

    private static func runs(_ words: [ParagraphDiff.Word]) -> [ReportJSON] {
        var runs: [ReportJSON] = []
        var kept = 0
        var removed = 0
        var inserted: [String] = []
        func close() {
            if kept > 0 { runs.append(.int(kept)) }
            if removed > 0 { runs.append(.int(-removed)) }
            if !inserted.isEmpty { runs.append(.string(inserted.joined(separator: " "))) }
            (kept, removed, inserted) = (0, 0, [])
        }
        for word in words {
            switch word {
            case .kept:
                if removed > 0 || !inserted.isEmpty { close() }
                kept += 1
            case .removed:
                if kept > 0 || !inserted.isEmpty { close() }
                removed += 1
            case .inserted(let text):
                if kept > 0 { close() }
                inserted.append(text)
            }
        }
        close()
        return runs
    }
}
