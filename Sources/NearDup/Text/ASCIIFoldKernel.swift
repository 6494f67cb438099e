/// The ASCII part of the fold: letters lower-cased, digits kept, apostrophes dropped inside
/// words, `"` toggling the quote, anything else a separator that ends the open word.
///
/// Each input byte gives at most one output byte (itself folded, or the space that ends a
/// word) and opens at most one word, so a chunk of input fits buffers of its own length.
/// Ordinary prose goes eight bytes at a time; a block holding an apostrophe or a straight
/// quote goes byte by byte; thirty-two bytes are classified at once where the vector unit
/// allows. `ScalarFolder.appendFoldedReference` is the plain twin this must match.
enum ASCIIFoldKernel {
    /// Where the fold stands between chunks: inside a word, inside quotation marks (0 or 1).
    struct State {
        var inWord: UInt64
        var inQuote: UInt64
    }

    /// Input bytes a chunk holds at most; its output buffers need `chunkCapacity` bytes and
    /// flags, which leaves room for the blocks' eight-byte stores.
    static let chunkLength = 1_016
    static let chunkCapacity = 1_024

    /// For each byte, what the byte loop needs: the low byte is what it writes (the byte
    /// lower-cased, a space for a separator), bit 8 marks a word byte, bit 9 an apostrophe,
    /// bit 10 the straight double quote and bit 11 a separator.
    private static let classes: [UInt16] = (0..<256).map { value -> UInt16 in
        let byte = UInt8(value)
        let folded: UInt16
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): folded = UInt16(byte)
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): folded = UInt16(byte + 32)
        default: folded = 0
        }
        let isWord: UInt16 = folded != 0 ? 1 << 8 : 0
        let isApostrophe = value == 0x27 || value == 0x60
        let isQuote: UInt16 = value == 0x22 ? 1 << 10 : 0
        let isSeparator: UInt16 = folded == 0 && !isApostrophe ? 1 << 11 : 0
        return (folded == 0 ? 0x20 : folded) | isWord | (isApostrophe ? 1 << 9 : 0) | isQuote | isSeparator
    }

    /// Folds the ASCII bytes that open `input` (at most `chunkLength` bytes), up to its first
    /// other byte, into `folded`, and the quoted flag of each word it opens into `flags`; both
    /// hold `chunkCapacity` elements. Returns how many bytes and flags it wrote and how many
    /// input bytes it read: finding where the ASCII ends as it goes saves a pass of its own.
    static func foldChunk(_ input: UnsafeBufferPointer<UInt8>, into folded: UnsafeMutableBufferPointer<UInt8>,
                          flags: UnsafeMutableBufferPointer<Bool>, state: inout State) -> (bytes: Int, words: Int, read: Int) {
        precondition(input.count <= chunkLength && folded.count >= chunkCapacity && flags.count >= chunkCapacity)
        guard let source = UnsafeRawPointer(input.baseAddress), let target = folded.baseAddress,
              let flagTarget = UnsafeMutableRawPointer(flags.baseAddress)
        else { return (0, 0, 0) }
        return classes.withUnsafeBufferPointer { classes in
            var count = 0
            var wordCount = 0
            var index = 0
            #if _endian(little)
            // Thirty-two bytes classified at once; each eight of them then written as below.
            while input.count - index >= 32 {
                let raw = ByteVector.load(source, index)
                guard ByteVector.isASCII(raw) else { break }
                let block = classify(raw)
                let special = block.special
                if special[0] | special[1] | special[2] | special[3] == 0 {
                    // Lanes named one by one stay in registers.
                    emitBlock(word: block.word[0], output: block.output[0], into: target, at: &count,
                              flags: flagTarget, at: &wordCount, state: &state)
                    emitBlock(word: block.word[1], output: block.output[1], into: target, at: &count,
                              flags: flagTarget, at: &wordCount, state: &state)
                    emitBlock(word: block.word[2], output: block.output[2], into: target, at: &count,
                              flags: flagTarget, at: &wordCount, state: &state)
                    emitBlock(word: block.word[3], output: block.output[3], into: target, at: &count,
                              flags: flagTarget, at: &wordCount, state: &state)
                    index += 32
                    continue
                }
                for lane in 0..<4 {
                    if special[lane] == 0 {
                        emitBlock(word: block.word[lane], output: block.output[lane], into: target, at: &count,
                                  flags: flagTarget, at: &wordCount, state: &state)
                    } else {
                        for offset in (index + 8 * lane)..<(index + 8 * lane + 8) {
                            foldByte(input[offset], classes, into: target, at: &count, flags: flags, at: &wordCount, state: &state)
                        }
                    }
                }
                index += 32
            }
            #endif
            while input.count - index >= 8 {
                let block = UInt64(littleEndian: source.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                guard block & 0x8080_8080_8080_8080 == 0 else { break }
                if !foldBlock(block, into: target, at: &count, flags: flagTarget, at: &wordCount, state: &state) {
                    for offset in index..<(index + 8) {
                        foldByte(input[offset], classes, into: target, at: &count, flags: flags, at: &wordCount, state: &state)
                    }
                }
                index += 8
            }
            while index < input.count && input[index] < 0x80 {
                foldByte(input[index], classes, into: target, at: &count, flags: flags, at: &wordCount, state: &state)
                index += 1
            }
            return (count, wordCount, index)
        }
    }

    /// Thirty-two ASCII bytes classified as `foldBlock` does eight, each eight bytes in one
    /// word of the lanes: the high bit of each byte that is a letter or digit, the byte as it
    /// is written, and which bytes are apostrophes or quotes.
    @inline(__always)
    private static func classify(_ block: SIMD32<UInt8>) -> (word: SIMD4<UInt64>, output: SIMD4<UInt64>, special: SIMD4<UInt64>) {
        // Bitwise operations go through 64-bit lanes: on byte lanes they are not vectorised.
        let bit5 = SIMD4<UInt64>(repeating: 0x2020_2020_2020_2020)
        let loweredWords = unsafeBitCast(block, to: SIMD4<UInt64>.self) | bit5
        let lowered = unsafeBitCast(loweredWords, to: SIMD32<UInt8>.self)
        let isLetter = (lowered &- SIMD32<UInt8>(repeating: 0x61)) .< SIMD32<UInt8>(repeating: 26)
        let isDigit = (block &- SIMD32<UInt8>(repeating: 0x30)) .< SIMD32<UInt8>(repeating: 10)
        let word = ByteVector.lanes(isLetter .| isDigit)
        let special = (block .== SIMD32<UInt8>(repeating: 0x27)) .| (block .== SIMD32<UInt8>(repeating: 0x60))
            .| (block .== SIMD32<UInt8>(repeating: 0x22))
        // Word bytes keep their lower-cased form, separators become spaces (bit 5 is always set).
        let output = loweredWords & (word | bit5)
        return (word & SIMD4(repeating: 0x8080_8080_8080_8080), output, ByteVector.lanes(special))
    }

    /// One byte, branch-free: the flag slot is written every time and kept only when the
    /// byte opens a word.
    @inline(__always)
    private static func foldByte(_ byte: UInt8, _ classes: UnsafeBufferPointer<UInt16>, into folded: UnsafeMutablePointer<UInt8>,
                                 at count: inout Int, flags: UnsafeMutableBufferPointer<Bool>, at wordCount: inout Int,
                                 state: inout State) {
        let byteClass = UInt64(classes[Int(byte)])
        let isWordByte = byteClass >> 8 & 1
        let endsWord = state.inWord & byteClass >> 11
        flags[wordCount] = state.inQuote != 0
        wordCount &+= Int(isWordByte & (state.inWord ^ 1))
        folded[count] = UInt8(truncatingIfNeeded: byteClass)
        count &+= Int(isWordByte | endsWord)
        state.inWord = isWordByte | (state.inWord & byteClass >> 9 & 1)
        state.inQuote ^= byteClass >> 10 & 1
    }

    /// Eight bytes with neither apostrophe nor quote: every byte is a word byte or a
    /// separator, a separator is written only right after a word byte, and every word opened
    /// here takes the current quote flag. Returns false, writing nothing, for other blocks.
    @inline(__always)
    private static func foldBlock(_ block: UInt64, into folded: UnsafeMutablePointer<UInt8>, at count: inout Int,
                                  flags: UnsafeMutableRawPointer, at wordCount: inout Int, state: inout State) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        // Every byte is below 0x80, so adding up to 0x80 to it never carries into the next.
        let special = equalBytes(block, 0x27) | equalBytes(block, 0x60) | equalBytes(block, 0x22)
        guard special == 0 else { return false }
        let lowered = block | ones &* 0x20  // a letter lower-cased; digits already have bit 5
        let isDigit = (block &+ ones &* (0x80 - 0x30)) & ~(block &+ ones &* (0x7F - 0x39))
        let isLetter = (lowered &+ ones &* (0x80 - 0x61)) & ~(lowered &+ ones &* (0x7F - 0x7A))
        let word = (isDigit | isLetter) & high
        // Word bytes keep their lower-cased form, separators become spaces.
        let output = lowered & ((word >> 7) &* 0xFF | ones &* 0x20)
        emitBlock(word: word, output: output, into: folded, at: &count, flags: flags, at: &wordCount, state: &state)
        return true
    }

    /// Writes eight classified bytes holding neither apostrophe nor quote: `word` has the high
    /// bit of each word byte, `output` the bytes as written.
    @inline(__always)
    private static func emitBlock(word: UInt64, output: UInt64, into folded: UnsafeMutablePointer<UInt8>, at count: inout Int,
                                  flags: UnsafeMutableRawPointer, at wordCount: inout Int, state: inout State) {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        let previousIsWord = word << 8 | state.inWord << 7
        let written = word | (~word & high & previousIsWord)
        let starts = word & ~previousIsWord
        flags.storeBytes(of: state.inQuote &* ones, toByteOffset: wordCount, as: UInt64.self)
        wordCount &+= starts.nonzeroBitCount
        if written == high {
            UnsafeMutableRawPointer(folded).storeBytes(of: output.littleEndian, toByteOffset: count, as: UInt64.self)
            count &+= 8
        } else {
            // A separator after a separator (", ", ". ") is dropped: the bytes after each
            // dropped one are stored again one place further back. Stores may run up to eight
            // bytes past what is kept, which the buffers leave room for.
            let target = UnsafeMutableRawPointer(folded)
            var position = count
            var next = 0  // the block byte that lands at `position`
            var drops = ~written & high
            target.storeBytes(of: output.littleEndian, toByteOffset: position, as: UInt64.self)
            while drops != 0 {
                let dropped = drops.trailingZeroBitCount &>> 3
                position &+= dropped &- next
                next = dropped &+ 1
                target.storeBytes(of: (output &>> UInt64(truncatingIfNeeded: 8 &* next)).littleEndian,
                                  toByteOffset: position, as: UInt64.self)
                drops &= drops &- 1
            }
            count = position &+ 8 &- next
        }
        state.inWord = word >> 63
    }

    /// The high bit of each byte of `block` (all below 0x80) that equals `byte`, exactly.
    @inline(__always)
    private static func equalBytes(_ block: UInt64, _ byte: UInt8) -> UInt64 {
        let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        let difference = block ^ (0x0101_0101_0101_0101 &* UInt64(byte))
        return ~(((difference & low) &+ low) | difference) & 0x8080_8080_8080_8080
    }
}
