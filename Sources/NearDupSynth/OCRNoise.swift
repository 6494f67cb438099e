import NearDup

/// What scanning a printed page does to text: character confusions inside words
/// (m -> rn, rn -> m, l -> 1, 1 -> l, O -> 0, 0 -> O, e -> c, c -> e) and column lines, with
/// long words broken across line ends by a hyphen ("intel-" / "ligence").
enum OCRNoise {
    /// Confuses characters in about `rate` of the words; returns the number of words changed.
    static func confuse(_ paragraphs: inout [BodyParagraph], rate: Double, random: inout SynthRandom) -> Int {
        var changed = 0
        for index in paragraphs.indices {
            var bytes = paragraphs[index].bytes
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count + 8)
            var touched = false
            for token in ByteText.tokens(bytes) {
                if !output.isEmpty { output.append(ByteText.space) }
                if random.chance(rate), confuse(bytes[token], into: &output, random: &random) {
                    changed += 1
                    touched = true
                } else {
                    output.append(contentsOf: bytes[token])
                }
            }
            if touched {
                bytes = output
                paragraphs[index].bytes = bytes
            }
        }
        return changed
    }

    /// Appends `word` with one confusion; false (and nothing appended) when none applies.
    private static func confuse(_ word: ArraySlice<UInt8>, into output: inout [UInt8], random: inout SynthRandom) -> Bool {
        var candidates: [Int] = []
        let start = word.startIndex
        for index in word.indices {
            switch word[index] {
            case 0x6D, 0x6C, 0x31, 0x4F, 0x30, 0x65, 0x63: candidates.append(index)  // m l 1 O 0 e c
            case 0x72 where index + 1 < word.endIndex && word[index + 1] == 0x6E: candidates.append(index)  // rn
            default: break
            }
        }
        guard !candidates.isEmpty else { return false }
        let at = candidates[random.below(candidates.count)]
        output.append(contentsOf: word[start..<at])
        var next = at + 1
        switch word[at] {
        case 0x6D: output.append(contentsOf: [0x72, 0x6E])
        case 0x72:
            output.append(0x6D)
            next = at + 2
        case 0x6C: output.append(0x31)
        case 0x31: output.append(0x6C)
        case 0x4F: output.append(0x30)
        case 0x30: output.append(0x4F)
        case 0x65: output.append(0x63)
        default: output.append(0x65)
        }
        output.append(contentsOf: word[next...])
        return true
    }

    /// The lines joined into one block, wrapped at `width` characters; a word of 7+
    /// letters that would cross the line end is split with a hyphen with
    /// `hyphenation` probability. Adds the hyphenated breaks made to `breaks`.
    static func wrap(_ bytes: [UInt8], width: Int, hyphenation: Double, breaks: inout Int,
                     random: inout SynthRandom, into output: inout [UInt8], indent: Int = 0) {
        var column = indent
        var lineHasWord = false
        for token in ByteText.tokens(bytes) {
            let length = token.count
            if lineHasWord && column + 1 + length > width {
                let room = width - column - 2  // space and hyphen
                if length >= 7, room >= 3, length - room >= 3, bytes[token].allSatisfy(ByteText.isLetter),
                   random.chance(hyphenation) {
                    output.append(ByteText.space)
                    output.append(contentsOf: bytes[token.lowerBound..<(token.lowerBound + room)])
                    output.append(contentsOf: [0x2D, ByteText.newline])
                    output.append(contentsOf: bytes[(token.lowerBound + room)..<token.upperBound])
                    column = length - room
                    breaks += 1
                    continue
                }
                output.append(ByteText.newline)
                column = 0
            } else if lineHasWord {
                output.append(ByteText.space)
                column += 1
            }
            output.append(contentsOf: bytes[token])
            column += length
            lineHasWord = true
        }
    }
}
