/// Wire datelines at the start of a story: "MOSCOW (Reuters) - ", "WASHINGTON (AP) — ",
/// "NEW YORK, June 1 (Reuters) -". Outlets keep, drop or rewrite them, so they are cut.
enum Dateline {
    /// `paragraph` without its dateline. A bare place ("WASHINGTON -") is taken for a dateline
    /// only when `allowsBarePlace`; one naming an agency in parentheses always is.
    static func strip(_ bytes: [UInt8], _ paragraph: Range<Int>, allowsBarePlace: Bool) -> Range<Int> {
        guard let first = paragraph.first, bytes[first] &- 0x41 < 26 || bytes[first] == 0x28 else { return paragraph }
        // A dateline ends with a dash between spaces within the first 80 bytes.
        let limit = min(paragraph.upperBound, paragraph.lowerBound + 80)
        var index = paragraph.lowerBound + 1
        // Only a dash (`-`, or the lead byte of the Unicode ones) can start a dash run.
        while let dash = TextBytes.firstIndex(of: 0x2D, 0xE2, 0xE2, in: bytes, from: index, before: limit) {
            index = dash
            if bytes[index - 1] == 0x20, let dashEnd = dashRun(bytes, from: index, in: paragraph) {
                guard dashEnd < paragraph.upperBound, bytes[dashEnd] == 0x20,
                      isDateline(bytes, paragraph.lowerBound..<(index - 1), allowsBarePlace: allowsBarePlace)
                else { return paragraph }
                var start = dashEnd
                while start < paragraph.upperBound && bytes[start] == 0x20 { start += 1 }
                return start..<paragraph.upperBound
            }
            index += 1
        }
        return paragraph
    }

    /// The end of a run of dashes (-, –, —, ‒, ―) starting at `index`, or nil.
    private static func dashRun(_ bytes: [UInt8], from index: Int, in range: Range<Int>) -> Int? {
        var cursor = index
        while cursor < range.upperBound {
            if bytes[cursor] == 0x2D {
                cursor += 1
            } else if bytes[cursor] == 0xE2 && cursor + 2 < range.upperBound && bytes[cursor + 1] == 0x80
                        && (0x92...0x95).contains(bytes[cursor + 2]) {
                cursor += 3
            } else {
                break
            }
        }
        return cursor > index ? cursor : nil
    }

    /// A place in capitals, optionally a date, optionally "(Agency)"; or just "(Agency)".
    private static func isDateline(_ bytes: [UInt8], _ range: Range<Int>, allowsBarePlace: Bool) -> Bool {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper && bytes[lower] == 0x20 { lower += 1 }
        while upper > lower && bytes[upper - 1] == 0x20 { upper -= 1 }
        guard lower < upper else { return false }
        if bytes[upper - 1] == 0x29, let open = (lower..<upper).last(where: { bytes[$0] == 0x28 }) {
            let agency = (open + 1)..<(upper - 1)
            guard agency.count <= 30, let initial = agency.first, bytes[initial] &- 0x41 < 26 else { return false }
            let place = lower..<open
            return !place.contains { bytes[$0] &- 0x61 < 26 }
                || (place.contains { bytes[$0] == 0x2C } && placeIsCapitals(bytes, place))
        }
        return allowsBarePlace && placeIsCapitals(bytes, lower..<upper)
    }

    /// The part before any comma is a place name in capitals ("NEW YORK", "ST. LOUIS").
    private static func placeIsCapitals(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        let end = range.first { bytes[$0] == 0x2C } ?? range.upperBound
        var letters = 0
        for index in range.lowerBound..<end {
            let byte = bytes[index]
            if byte &- 0x41 < 26 || byte >= 0x80 {
                letters += 1
            } else if byte != 0x20 && byte != 0x2E && byte != 0x27 && byte != 0x2D {
                return false  // lower case, digits or other punctuation: not a place in capitals
            }
        }
        return letters >= 2
    }
}
