/// Wire datelines at the start of a story: "MOSCOW (Reuters) - ", "WASHINGTON (AP) — ",
/// "NEW YORK, June 1 (Reuters) -". Outlets keep, drop or rewrite them, so they are cut.
enum Dateline {
    private static let dashes: Set<Character> = ["-", "\u{2014}", "\u{2013}", "\u{2012}", "\u{2015}"]

    static func strip(from paragraph: Substring, allowsBarePlace: Bool = true) -> Substring {
        guard mayHaveDateline(paragraph) else { return paragraph }
        // A dateline ends with a dash between spaces within the first 80 characters.
        var index = paragraph.startIndex
        var scanned = 0
        while index < paragraph.endIndex, scanned < 80 {
            let character = paragraph[index]
            if dashes.contains(character), index > paragraph.startIndex,
               paragraph[paragraph.index(before: index)] == " " {
                var end = index
                while end < paragraph.endIndex, dashes.contains(paragraph[end]) { end = paragraph.index(after: end) }
                guard end < paragraph.endIndex, paragraph[end] == " " else { return paragraph }
                let prefix = paragraph[paragraph.startIndex..<index]
                guard isDateline(prefix, allowsBarePlace: allowsBarePlace) else { return paragraph }
                return paragraph[end...].drop(while: { $0 == " " })
            }
            index = paragraph.index(after: index)
            scanned += 1
        }
        return paragraph
    }

    /// Cheap byte test: an upper-case start and a dash after a space in the first 80 bytes.
    private static func mayHaveDateline(_ paragraph: Substring) -> Bool {
        guard let first = paragraph.utf8.first, (0x41...0x5A).contains(first) || first == 0x28 else { return false }
        var previous: UInt8 = 0
        for byte in paragraph.utf8.prefix(80) {
            if previous == 0x20 && (byte == 0x2D || byte == 0xE2) { return true }
            previous = byte
        }
        return false
    }

    /// A place in capitals, optionally a date, optionally "(Agency)"; or just "(Agency)".
    private static func isDateline(_ prefix: Substring, allowsBarePlace: Bool) -> Bool {
        let text = prefix.trimmingCharacters(in: " ")
        guard !text.isEmpty else { return false }
        if text.hasSuffix(")"), let open = text.lastIndex(of: "(") {
            let agency = text[text.index(after: open)..<text.index(before: text.endIndex)]
            guard agency.count <= 30, agency.first?.isUppercase == true else { return false }
            let place = text[..<open]
            return place.allSatisfy { !$0.isLetter || $0.isUppercase } || place.contains(",")
                && placeIsCapitals(place)
        }
        return allowsBarePlace && placeIsCapitals(Substring(text))
    }

    /// The part before any comma is a place name in capitals ("NEW YORK", "ST. LOUIS").
    private static func placeIsCapitals(_ text: Substring) -> Bool {
        let place = text.split(separator: ",", maxSplits: 1).first ?? text
        let letters = place.filter(\.isLetter)
        return letters.count >= 2 && letters.allSatisfy(\.isUppercase)
            && place.allSatisfy { $0.isLetter || $0 == " " || $0 == "." || $0 == "'" || $0 == "-" }
    }
}

private extension Substring {
    func trimmingCharacters(in set: Character) -> Substring {
        var result = self
        while result.first == set { result = result.dropFirst() }
        while result.last == set { result = result.dropLast() }
        return result
    }
}
