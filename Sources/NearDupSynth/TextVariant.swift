import NearDup

/// Rewrites base text for one pass over the base, so that a corpus larger than its base
/// does not repeat the base's text verbatim.
///
/// The first pass (key 0) uses the text as written. Each later pass swaps names for other
/// names of the base (capitalised words never seen in lower case, except at a sentence
/// start), acronyms for other acronyms, and the digits of every number (years of the
/// form 19xx/20xx are kept), each consistently within the pass. Grammar and wording stay
/// real; figures and actors change, as they do between two earnings reports of one
/// template. About one word in nine changes, so two passes over one paragraph still share
/// about half of their word 5-grams: it is the way later passes regroup the paragraphs
/// (see `StoryPlanner`), never putting two paragraphs in one story twice, that keeps
/// different stories apart; this rewrite only keeps single paragraphs from recurring
/// verbatim.
struct TextVariant: Sendable {
    let names: [[UInt8]]
    let acronyms: [[UInt8]]
    /// Word hash -> 1 + index into `names`, or -(1 + index into `acronyms`).
    private let words: WordTable

    init(corpus: BaseCorpus) {
        names = corpus.names
        acronyms = corpus.acronyms
        var words = WordTable(capacity: names.count + acronyms.count)
        for (index, name) in names.enumerated() { words.insert(ByteText.hash(name), value: index + 1) }
        for (index, acronym) in acronyms.enumerated() { words.insert(ByteText.hash(acronym), value: -(index + 1)) }
        self.words = words
    }

    private func isName(_ hash: UInt64) -> Bool { (words.value(for: hash) ?? 0) > 0 }

    /// `bytes` as the pass with `key` writes it (unchanged when `key` is 0).
    func apply(_ bytes: [UInt8], key: UInt64) -> [UInt8] {
        guard key != 0 else { return bytes }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 16)
        bytes.withUnsafeBufferPointer { text in
            let count = text.count
            var index = 0
            var sentenceStart = true
            while index < count {
                if text[index] == ByteText.space {
                    output.append(ByteText.space)
                    index += 1
                    continue
                }
                var end = index
                while end < count && text[end] != ByteText.space { end += 1 }
                defer {
                    sentenceStart = ByteText.endsSentence(index..<end, in: text)
                    index = end
                }
                var lower = index
                var upper = end
                while lower < upper && !ByteText.isWordByte(text[lower]) { lower += 1 }
                while upper > lower && !ByteText.isWordByte(text[upper - 1]) { upper -= 1 }
                guard lower < upper else {
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: text[index..<end]))
                    continue
                }
                var hasDigit = false
                for position in lower..<upper where ByteText.isDigit(text[position]) {
                    hasDigit = true
                    break
                }
                if hasDigit {
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: text[index..<lower]))
                    appendNumber(UnsafeBufferPointer(rebasing: text[lower..<upper]), key: key, to: &output)
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: text[upper..<end]))
                    continue
                }
                if !sentenceStart, ByteText.isUpper(text[lower]) {
                    var nameEnd = upper
                    if upper - lower > 2, text[nameEnd - 2] == 0x27, text[nameEnd - 1] == 0x73 { nameEnd -= 2 }
                    let hash = ByteText.hash(UnsafeBufferPointer(rebasing: text[lower..<nameEnd]))
                    if let replacement = replacement(for: hash, key: key) {
                        output.append(contentsOf: UnsafeBufferPointer(rebasing: text[index..<lower]))
                        output.append(contentsOf: replacement)
                        output.append(contentsOf: UnsafeBufferPointer(rebasing: text[nameEnd..<end]))
                        continue
                    }
                }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: text[index..<end]))
            }
        }
        return output
    }

    /// A headline: numbers and acronyms change, and names in mixed case.
    func applyToTitle(_ bytes: [UInt8], key: UInt64) -> [UInt8] {
        guard key != 0 else { return bytes }
        var output: [UInt8] = []
        for token in ByteText.tokens(bytes) {
            if !output.isEmpty { output.append(ByteText.space) }
            let core = ByteText.core(of: token, in: bytes)
            if !core.isEmpty, bytes[core].contains(where: ByteText.isDigit) {
                output.append(contentsOf: bytes[token.lowerBound..<core.lowerBound])
                bytes.withUnsafeBufferPointer { text in
                    appendNumber(UnsafeBufferPointer(rebasing: text[core]), key: key, to: &output)
                }
                output.append(contentsOf: bytes[core.upperBound..<token.upperBound])
            } else if !core.isEmpty, let replacement = replacement(for: ByteText.hash(bytes[core]), key: key) {
                output.append(contentsOf: bytes[token.lowerBound..<core.lowerBound])
                output.append(contentsOf: replacement)
                output.append(contentsOf: bytes[core.upperBound..<token.upperBound])
            } else {
                output.append(contentsOf: bytes[token])
            }
        }
        return output
    }

    /// The names of the base's name list in `bytes` (not counting sentence-initial words).
    func names(in bytes: [UInt8]) -> [[UInt8]] {
        var found: [[UInt8]] = []
        bytes.withUnsafeBufferPointer { text in
            let count = text.count
            var index = 0
            var sentenceStart = true
            while index < count {
                if text[index] == ByteText.space {
                    index += 1
                    continue
                }
                var end = index
                while end < count && text[end] != ByteText.space { end += 1 }
                if !sentenceStart {
                    var lower = index
                    while lower < end && !ByteText.isWordByte(text[lower]) { lower += 1 }
                    if lower < end, ByteText.isUpper(text[lower]) {
                        var upper = end
                        while upper > lower && !ByteText.isWordByte(text[upper - 1]) { upper -= 1 }
                        if upper - lower > 2, text[upper - 2] == 0x27, text[upper - 1] == 0x73 { upper -= 2 }
                        let word = UnsafeBufferPointer(rebasing: text[lower..<upper])
                        if isName(ByteText.hash(word)) { found.append(Array(word)) }
                    }
                }
                sentenceStart = ByteText.endsSentence(index..<end, in: text)
                index = end
            }
        }
        return found
    }

    /// `bytes` with each name (as `names(in:)` finds them) replaced by one of `names`,
    /// consistently within the paragraph.
    func replacingNames(in bytes: [UInt8], with replacements: [[UInt8]], key: UInt64) -> [UInt8] {
        guard !replacements.isEmpty else { return bytes }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 16)
        var sentenceStart = true
        for token in ByteText.tokens(bytes) {
            if !output.isEmpty { output.append(ByteText.space) }
            defer { sentenceStart = ByteText.endsSentence(token, in: bytes) }
            if !sentenceStart, let range = nameRange(token, in: bytes) {
                let pick = Int(SplitMix64.mix(ByteText.hash(bytes[range]) ^ key) % UInt64(replacements.count))
                output.append(contentsOf: bytes[token.lowerBound..<range.lowerBound])
                output.append(contentsOf: replacements[pick])
                output.append(contentsOf: bytes[range.upperBound..<token.upperBound])
            } else {
                output.append(contentsOf: bytes[token])
            }
        }
        return output
    }

    /// The name inside a token (without a possessive "'s"), if it is one of the base's names.
    private func nameRange(_ token: Range<Int>, in bytes: [UInt8]) -> Range<Int>? {
        let core = ByteText.core(of: token, in: bytes)
        guard let first = core.first, ByteText.isUpper(bytes[first]) else { return nil }
        var end = core.upperBound
        if core.count > 2, bytes[end - 2] == 0x27, bytes[end - 1] == 0x73 { end -= 2 }
        return isName(ByteText.hash(bytes[core.lowerBound..<end])) ? core.lowerBound..<end : nil
    }

    private func replacement(for hash: UInt64, key: UInt64) -> [UInt8]? {
        guard let entry = words.value(for: hash) else { return nil }
        let pick = SplitMix64.mix(hash ^ key)
        return entry > 0 ? names[Int(pick % UInt64(names.count))] : acronyms[Int(pick % UInt64(acronyms.count))]
    }

    /// Each digit shifted by an amount drawn from (key, number); a run's leading digit
    /// stays non-zero, and years 1900-2099 are kept.
    private func appendNumber(_ number: UnsafeBufferPointer<UInt8>, key: UInt64, to output: inout [UInt8]) {
        var digits = 0
        while digits < number.count && ByteText.isDigit(number[digits]) { digits += 1 }
        if digits == 4, (number[0] == 0x31 && number[1] == 0x39) || (number[0] == 0x32 && number[1] == 0x30) {
            output.append(contentsOf: number)
            return
        }
        var bits = SplitMix64.mix(ByteText.hash(number) ^ key)
        var previousWasDigit = false
        for byte in number {
            guard ByteText.isDigit(byte) else {
                output.append(byte)
                previousWasDigit = false
                continue
            }
            let shift = UInt8(bits % 10)
            bits = bits / 10 == 0 ? SplitMix64.mix(bits ^ key) : bits / 10
            var digit = (byte - 0x30 + shift) % 10
            if !previousWasDigit, digit == 0, byte != 0x30 { digit = 1 + shift % 9 }
            output.append(0x30 + digit)
            previousWasDigit = true
        }
    }
}
