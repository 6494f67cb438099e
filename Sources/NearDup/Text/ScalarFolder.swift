import Foundation

/// Folds text to lower-case alphanumeric words separated by single spaces.
///
/// ASCII goes through a 256-entry table; other scalars are decomposed (NFKD), lower-cased
/// and stripped of combining marks once, then served from a cache, since news text repeats
/// the same few non-ASCII characters (curly quotes, dashes, accented names).
final class ScalarFolder: @unchecked Sendable {
    private let lock = NSLock()
    private var cache: [UInt32: [UInt8]] = [:]

    /// For each ASCII byte: its lower-case form when it belongs to a word, 0 for a separator.
    private static let asciiTable: [UInt8] = (0..<256).map { value -> UInt8 in
        let byte = UInt8(value)
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): return byte
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): return byte + 32
        default: return 0
        }
    }

    /// Apostrophes join a word ("Moscow's" -> "moscows") instead of splitting it, so straight
    /// and curly forms agree.
    private static func isApostrophe(_ value: UInt32) -> Bool {
        value == 0x27 || value == 0x2019 || value == 0x2018 || value == 0x02BC || value == 0x0060 || value == 0x00B4
    }

    /// Where a paragraph's fold stands: inside a word, inside quotation marks. A word is
    /// followed by a space as soon as it ends, so one is open exactly when the output ends
    /// with a word byte.
    private struct WordState {
        var inWord = false
        var inQuote = false

        /// Appends one word byte, opening a word (separator and quoted flag) if none is open.
        @inline(__always)
        mutating func append(_ byte: UInt8, to output: inout [UInt8], quotedWords: inout [Bool]) {
            if !inWord {
                if !output.isEmpty && output.last != 0x20 { output.append(0x20) }
                quotedWords.append(inQuote)
                inWord = true
            }
            output.append(byte)
        }

        /// Closes the open word, if any, with its separating space.
        @inline(__always)
        mutating func endWord(in output: inout [UInt8]) {
            if inWord {
                output.append(0x20)
                inWord = false
            }
        }
    }

    /// Appends the folded words of one paragraph, and for each word whether it stands inside
    /// quotation marks (quotes do not run across paragraphs).
    ///
    /// Runs of ASCII go through `appendFoldedASCII`; each other character is decoded and
    /// folded on its own.
    func appendFolded(_ bytes: [UInt8], _ range: Range<Int>, to output: inout [UInt8], quotedWords: inout [Bool]) {
        // Words are closed by the space that follows them; text already in `output` gets its
        // one separating space now.
        if !output.isEmpty && output.last != 0x20 { output.append(0x20) }
        var state = WordState()
        var index = range.lowerBound
        while index < range.upperBound {
            if bytes[index] < 0x80 {
                index = Self.appendFoldedASCII(bytes, index..<range.upperBound, to: &output, quotedWords: &quotedWords,
                                               state: &state)
            } else {
                index = appendFoldedCharacter(bytes, at: index, before: range.upperBound,
                                              to: &output, quotedWords: &quotedWords, state: &state)
            }
        }
        if !output.isEmpty && output.last != 0x20 { output.append(0x20) }
    }

    /// Folds the ASCII bytes that open `bytes[run]` through `ASCIIFoldKernel` a chunk at a
    /// time, into stack buffers small enough never to be taken from the heap; returns where
    /// they end (the first other byte, or the end of `run`).
    private static func appendFoldedASCII(_ bytes: [UInt8], _ run: Range<Int>, to output: inout [UInt8],
                                          quotedWords: inout [Bool], state: inout WordState) -> Int {
        var kernelState = ASCIIFoldKernel.State(inWord: state.inWord ? 1 : 0, inQuote: state.inQuote ? 1 : 0)
        let capacity = ASCIIFoldKernel.chunkCapacity
        let asciiEnd = bytes.withUnsafeBufferPointer { input in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { folded in
                withUnsafeTemporaryAllocation(of: Bool.self, capacity: capacity) { flags in
                    var start = run.lowerBound
                    while start < run.upperBound {
                        let end = min(start + ASCIIFoldKernel.chunkLength, run.upperBound)
                        let written = ASCIIFoldKernel.foldChunk(
                            UnsafeBufferPointer(rebasing: input[start..<end]), into: folded, flags: flags, state: &kernelState)
                        output.append(contentsOf: UnsafeBufferPointer(rebasing: folded[..<written.bytes]))
                        quotedWords.append(contentsOf: UnsafeBufferPointer(rebasing: flags[..<written.words]))
                        start += written.read
                        if start < end { break }  // a byte that is not ASCII
                    }
                    return start
                }
            }
        }
        state.inWord = kernelState.inWord != 0
        state.inQuote = kernelState.inQuote != 0
        return asciiEnd
    }

    /// Decodes the UTF-8 sequence led by the non-ASCII byte at `start` and appends its fold;
    /// returns the index after the sequence (`end` when the range ends inside it).
    private func appendFoldedCharacter(_ bytes: [UInt8], at start: Int, before end: Int, to output: inout [UInt8],
                                       quotedWords: inout [Bool], state: inout WordState) -> Int {
        let lead = bytes[start]
        var remaining = lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : 1
        var value = UInt32(lead) & (lead >= 0xF0 ? 0x07 : lead >= 0xE0 ? 0x0F : 0x1F)
        var index = start + 1
        while remaining > 0 {
            guard index < end else { return end }
            value = value << 6 | UInt32(bytes[index] & 0x3F)
            remaining -= 1
            index += 1
        }
        if Self.isApostrophe(value) { return index }
        switch value {
        case 0x201C, 0x201E, 0x00AB: state.inQuote = true
        case 0x201D, 0x00BB: state.inQuote = false
        default: break
        }
        guard let scalar = Unicode.Scalar(value) else { return index }
        let folded = fold(scalar)
        if folded.isEmpty {
            if !Self.isCombiningMark(scalar) { state.endWord(in: &output) }
        } else {
            for byte in folded {
                if byte == 0x20 { state.endWord(in: &output) } else { state.append(byte, to: &output, quotedWords: &quotedWords) }
            }
        }
        return index
    }

    /// The plain byte-at-a-time fold that `appendFolded` must match exactly: its scalar twin,
    /// kept for the equivalence tests.
    func appendFoldedReference(_ bytes: [UInt8], _ range: Range<Int>, to output: inout [UInt8], quotedWords: inout [Bool]) {
        let table = Self.asciiTable
        var inWord = false
        var inQuote = false
        func append(_ byte: UInt8) {
            if !inWord {
                if !output.isEmpty && output.last != 0x20 { output.append(0x20) }
                quotedWords.append(inQuote)
                inWord = true
            }
            output.append(byte)
        }
        // Walk UTF-8 bytes: ASCII straight through the table, other characters decoded.
        var pending: UInt32 = 0
        var remaining = 0
        for index in range {
            let byte = bytes[index]
            if remaining > 0 {
                pending = pending << 6 | UInt32(byte & 0x3F)
                remaining -= 1
                if remaining > 0 { continue }
            } else if byte < 0x80 {
                let folded = table[Int(byte)]
                if folded != 0 {
                    append(folded)
                } else if byte != 0x27 && byte != 0x60 {
                    inWord = false
                    if byte == 0x22 { inQuote.toggle() }
                }
                continue
            } else {
                remaining = byte >= 0xF0 ? 3 : byte >= 0xE0 ? 2 : 1
                pending = UInt32(byte) & (byte >= 0xF0 ? 0x07 : byte >= 0xE0 ? 0x0F : 0x1F)
                continue
            }
            let value = pending
            if Self.isApostrophe(value) { continue }
            switch value {
            case 0x201C, 0x201E, 0x00AB: inQuote = true
            case 0x201D, 0x00BB: inQuote = false
            default: break
            }
            guard let scalar = Unicode.Scalar(value) else { continue }
            let folded = fold(scalar)
            if folded.isEmpty {
                if !Self.isCombiningMark(scalar) { inWord = false }
            } else {
                for byte in folded {
                    if byte == 0x20 { inWord = false } else { append(byte) }
                }
            }
        }
        if !output.isEmpty && output.last != 0x20 { output.append(0x20) }
    }

    private static func isCombiningMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark, .format: return true
        default: return false
        }
    }

    /// The folded bytes of one non-ASCII scalar: its word characters, with a space where
    /// the decomposition has a separator (e.g. "½" -> "1 2"); empty for pure punctuation.
    private func fold(_ scalar: Unicode.Scalar) -> [UInt8] {
        lock.lock()
        if let cached = cache[scalar.value] {
            lock.unlock()
            return cached
        }
        lock.unlock()
        let decomposed = String(Character(scalar)).decomposedStringWithCompatibilityMapping.lowercased()
        var bytes: [UInt8] = []
        for part in decomposed.unicodeScalars {
            let properties = part.properties
            if Self.isCombiningMark(part) { continue }
            if properties.isAlphabetic || properties.numericType != nil {
                if part.value < 0x80 {
                    let folded = Self.asciiTable[Int(part.value)]
                    if folded != 0 { bytes.append(folded) } else { bytes.append(0x20) }
                } else {
                    bytes.append(contentsOf: String(part).utf8)
                }
            } else {
                bytes.append(0x20)
            }
        }
        while bytes.first == 0x20 { bytes.removeFirst() }
        while bytes.last == 0x20 { bytes.removeLast() }
        if bytes.allSatisfy({ $0 == 0x20 }) { bytes = [] }
        lock.lock()
        cache[scalar.value] = bytes
        lock.unlock()
        return bytes
    }
}
