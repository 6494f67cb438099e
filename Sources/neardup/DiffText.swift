import NearDup

/// `compare`'s diff as text: one line per paragraph, marked = (the same), ~ (words changed),
/// - (dropped) or + (added), with changed words as [-removed-]{+inserted+}, or in colour on
/// a terminal (removed struck through in red, inserted in green, unchanged paragraphs dim).
struct DiffText {
    let diff: ParagraphDiff
    let colour: Bool
    /// Words shown of a paragraph that is the same in both.
    var sameParagraphWords = 12

    var summary: String {
        let changed = diff.entries.count { if case .changed = $0 { true } else { false } }
        var parts = ["\(diff.keptParagraphs) of \(diff.original.count) paragraphs of A kept"]
        if changed > 0 { parts[0] += " (\(changed) with \(counted(diff.changedWords, "word")) changed)" }
        parts.append("\(diff.droppedParagraphs) dropped")
        parts.append("\(diff.addedParagraphs) added")
        return "B against A: " + parts.joined(separator: ", ")
    }

    var lines: [String] {
        let width = String(max(diff.original.count, diff.copy.count)).count
        func number(_ paragraph: Int?) -> String {
            let text = paragraph.map { String($0 + 1) } ?? ""
            return String(repeating: " ", count: width - text.count) + text
        }
        return diff.entries.map { entry in
            switch entry {
            case .same(let a, let b):
                let words = diff.copy[b].split(separator: " ")
                let shown = words.count > sameParagraphWords
                    ? words.prefix(sameParagraphWords).joined(separator: " ") + " … (\(words.count) words)" : diff.copy[b]
                return "  = \(number(a)) \(number(b))  " + paint(shown, "2")
            case .changed(let a, let b, let words):
                return "  ~ \(number(a)) \(number(b))  " + runs(of: words).joined(separator: " ")
            case .dropped(let a):
                return "  - \(number(a)) \(number(nil))  " + (colour ? paint(diff.original[a], "31") : diff.original[a])
            case .added(let b):
                return "  + \(number(nil)) \(number(b))  " + (colour ? paint(diff.copy[b], "32") : diff.copy[b])
            }
        }
    }

    /// The words, with each run of removed or inserted words marked once.
    private func runs(of words: [ParagraphDiff.Word]) -> [String] {
        var shown: [String] = []
        var index = 0
        while index < words.count {
            switch words[index] {
            case .kept(let text):
                shown.append(text)
                index += 1
            case .removed:
                var run: [String] = []
                while index < words.count, case .removed(let text) = words[index] { run.append(text); index += 1 }
                shown.append(colour ? paint(run.joined(separator: " "), "9;31") : "[-\(run.joined(separator: " "))-]")
            case .inserted:
                var run: [String] = []
                while index < words.count, case .inserted(let text) = words[index] { run.append(text); index += 1 }
                shown.append(colour ? paint(run.joined(separator: " "), "32") : "{+\(run.joined(separator: " "))+}")
            }
        }
        return shown
    }

    private func paint(_ text: String, _ style: String) -> String {
        colour ? "\u{1B}[\(style)m\(text)\u{1B}[0m" : text
    }
}
