/// Word splitting and comparison keys for diffs, with a fast path for ASCII text: checking
/// each `Character`'s Unicode properties was most of the time a report took. For ASCII text
/// the results are those of the `Character` rules, byte by byte.
extension StringProtocol where SubSequence == Substring {
    /// The words between runs of whitespace, as `split(whereSeparator: \.isWhitespace)`.
    package func wordsSeparatedByWhitespace() -> [Substring] {
        let bytes = utf8
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return split(whereSeparator: \.isWhitespace) }
        var words: [Substring] = []
        var start: Index?
        var index = bytes.startIndex
        while index != bytes.endIndex {
            if Self.isASCIIWhitespace(bytes[index]) {
                if let first = start { words.append(self[first..<index]) }
                start = nil
            } else if start == nil {
                start = index
            }
            bytes.formIndex(after: &index)
        }
        if let first = start { words.append(self[first..<bytes.endIndex]) }
        return words
    }

    /// Whether the text is only whitespace, as `allSatisfy(\.isWhitespace)`.
    package var isAllWhitespace: Bool {
        let bytes = utf8
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return allSatisfy(\.isWhitespace) }
        return bytes.allSatisfy(Self.isASCIIWhitespace)
    }

    /// Tab, line feed, vertical tab, form feed, carriage return and space: the ASCII
    /// characters of Unicode's White_Space property.
    private static func isASCIIWhitespace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
}

extension String {
    /// What a diff compares a word by: lowercased, without the punctuation around it (the
    /// characters before its first letter or digit and after its last).
    package var diffKey: String {
        let bytes = utf8
        guard bytes.allSatisfy({ $0 < 0x80 }) else {
            let isWordCharacter = { (character: Character) in character.isLetter || character.isNumber }
            guard let first = firstIndex(where: isWordCharacter), let last = lastIndex(where: isWordCharacter) else {
                return lowercased()
            }
            return self[first...last].lowercased()
        }
        let isWordByte = { (byte: UInt8) in (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }
        let lowered = { (byte: UInt8) in (0x41...0x5A).contains(byte) ? byte + 0x20 : byte }
        guard let first = bytes.firstIndex(where: isWordByte), let last = bytes.lastIndex(where: isWordByte) else {
            return String(decoding: bytes.map(lowered), as: UTF8.self)
        }
        return String(decoding: bytes[first...last].map(lowered), as: UTF8.self)
    }
}
