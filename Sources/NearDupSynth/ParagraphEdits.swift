import NearDup

/// How an outlet cuts and rearranges a story's paragraphs, keeping it a copy by the
/// labelling rule: an excerpt always keeps the lead and at least 80 words of the
/// original; otherwise at least half of the original's paragraphs stay, and when any are
/// dropped at least twice as many original paragraphs as added ones; the lead stays first.
struct ParagraphEdits {
    let configuration: SynthConfiguration

    struct Outcome {
        var paragraphs: [BodyParagraph]
        var edits: [String] = []
    }

    /// Applies the structural edits of one reprint; `additions` are the outlet's own
    /// paragraphs (used unless the copy is an excerpt).
    func apply(to story: StoryText, additions: [BodyParagraph], random: inout SynthRandom) -> Outcome {
        var paragraphs = story.paragraphs
        var outcome = Outcome(paragraphs: [])
        let originalWords = paragraphs.reduce(0) { $0 + ($1.origin >= 0 ? $1.words : 0) }
        if originalWords >= 130, random.chance(configuration.excerptProbability) {
            let target = random.int(in: 80...max(80, originalWords * 7 / 10))
            var reproduced = 0
            var count = 0
            for paragraph in paragraphs {
                count += 1
                if paragraph.origin >= 0 { reproduced += paragraph.words }
                if reproduced >= target { break }
            }
            paragraphs.removeSubrange(count...)
            outcome.edits.append("excerpt:\(paragraphs.reduce(0) { $0 + $1.words })/\(story.words)w")
            outcome.paragraphs = paragraphs
            return outcome
        }
        let originals = paragraphs.filter { $0.origin >= 0 }.count
        let added = paragraphs.count - originals + additions.count
        if random.chance(configuration.dropProbability) {
            let keep = max((originals + 1) / 2, 2 * added + 1)
            let most = min(max(1, originals / 4), originals - keep)
            if most >= 1 {
                var droppable = paragraphs.indices.filter { $0 > 0 && paragraphs[$0].origin > 0 }
                random.shuffle(&droppable)
                let drop = Set(droppable.prefix(random.int(in: 1...most)))
                paragraphs = paragraphs.indices.filter { !drop.contains($0) }.map { paragraphs[$0] }
                outcome.edits.append("drop:\(drop.count)")
            }
        }
        for addition in additions {
            paragraphs.insert(addition, at: random.int(in: 1...paragraphs.count))
        }
        if !additions.isEmpty { outcome.edits.append("add:\(additions.count)") }
        if paragraphs.count >= 4, random.chance(configuration.reorderProbability) {
            let moves = random.int(in: 1...2)
            for _ in 0..<moves {
                let from = random.int(in: 1...(paragraphs.count - 1))
                let moved = paragraphs.remove(at: from)
                var to = random.int(in: 1...paragraphs.count)
                if to == from { to = to == paragraphs.count ? 1 : to + 1 }
                paragraphs.insert(moved, at: min(to, paragraphs.count))
            }
            outcome.edits.append("reorder:\(moves)")
        }
        outcome.paragraphs = paragraphs
        return outcome
    }
}
