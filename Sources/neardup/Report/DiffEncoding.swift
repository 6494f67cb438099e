import NearDup

/// A copy's diff against its original in few bytes: the page holds the original's paragraphs
/// once per cluster, and each copy only what it changed against them.
///
/// Each entry, in reading order: a number `n` ≥ 0, the original's paragraph `n` kept as it
/// is; `-n - 1`, paragraph `n` dropped; a string, a paragraph the copy added; `[n, …]`,
/// paragraph `n` kept with words changed, followed by runs over its words: a number `k` > 0,
/// the next `k` words kept; `-k`, the next `k` words removed; a string, words the copy
/// inserted there. Words are the paragraph's words split at single spaces (`ReportStory`).
enum DiffEncoding {
    static func entries(_ diff: ParagraphDiff) -> ReportJSON {
        .array(diff.entries.map { entry in
            switch entry {
            case .same(let original, _): .int(original)
            case .dropped(let original): .int(-original - 1)
            case .added(let copy): .string(diff.copy[copy])
            case .changed(let original, _, let words): .array([.int(original)] + runs(words))
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
