import NearDup

/// Builds a hard negative: a different story on the same event as its parent. Its text is
/// its own (other base paragraphs), with the parent's names put in place of its own, and
/// a few of the parent's sentences quoted verbatim — quotations first, then sentences
/// with "said" — from beyond the parent's first third (so excerpts of the parent, which
/// keep its lead, rarely hold them). The quoted sentences are at most a quarter of the
/// shorter of the two, and six sentences at most, so the negative shares less than 30%
/// of either: by the labelling rule (shared quotations are not a copy) it is never a
/// copy of its parent.
struct NegativeBuilder {
    let variant: TextVariant

    func build(own: StoryText, parent: StoryText, random: inout SynthRandom) -> StoryText {
        var text = own
        let key = random.next() | 1
        for index in text.paragraphs.indices {
            let renamed = variant.replacingNames(in: text.paragraphs[index].bytes, with: parent.names, key: key)
            text.paragraphs[index] = BodyParagraph(origin: 0, bytes: renamed)
        }
        var quoted: [[UInt8]] = []
        var said: [[UInt8]] = []
        var other: [[UInt8]] = []
        let start = max(2, parent.paragraphs.count / 3)
        for paragraph in parent.paragraphs.dropFirst(start) where paragraph.origin >= 0 {
            for sentence in ByteText.sentences(paragraph.bytes) {
                let words = ByteText.wordCount(sentence)
                guard (8...45).contains(words) else { continue }
                if sentence.contains(0x22) {
                    quoted.append(sentence)
                } else if Self.contains(sentence, word: Array(" said".utf8)) {
                    said.append(sentence)
                } else {
                    other.append(sentence)
                }
            }
        }
        random.shuffle(&quoted)
        random.shuffle(&said)
        random.shuffle(&other)
        var budget = min(parent.words, own.words) / 4
        var borrowed: [[UInt8]] = []
        for sentence in quoted + said + other where borrowed.count < 6 {
            let words = ByteText.wordCount(sentence)
            if words <= budget {
                borrowed.append(sentence)
                budget -= words
            }
        }
        for sentence in borrowed {
            let at = random.int(in: min(2, text.paragraphs.count)...text.paragraphs.count)
            text.paragraphs.insert(BodyParagraph(origin: 0, bytes: sentence), at: at)
        }
        for index in text.paragraphs.indices { text.paragraphs[index].origin = Int32(index) }
        text.borrowedSentences = borrowed.count
        text.borrowedWords = borrowed.reduce(0) { $0 + ByteText.wordCount($1) }
        text.names = parent.names
        text.namesKnown = true
        return text
    }

    private static func contains(_ bytes: [UInt8], word: [UInt8]) -> Bool {
        guard bytes.count >= word.count else { return false }
        for start in 0...(bytes.count - word.count) where bytes[start] == word[0] {
            if bytes[start..<(start + word.count)].elementsEqual(word) { return true }
        }
        return false
    }
}
