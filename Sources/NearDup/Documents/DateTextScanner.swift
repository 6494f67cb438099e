/// A cursor over a date's UTF-8 bytes with the pieces every date spelling is made of:
/// numbers of a few digits, fractions of a second, English month and weekday names, zones.
/// Shared by the built-in spellings (`DateTextReader`) and `--date-format` patterns
/// (`DateFormat`). Letters compare ignoring ASCII case.
struct DateTextScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var position: Int

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        position = 0
    }

    var isAtEnd: Bool { position >= bytes.count }

    /// The next byte, or 0 at the end (no date spelling has a NUL in it).
    var next: UInt8 { position < bytes.count ? bytes[position] : 0 }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte &- 0x09 < 5
    }

    static func isDigit(_ byte: UInt8) -> Bool {
        byte &- 0x30 < 10
    }

    static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) &- 0x61 < 26
    }

    /// Skips whitespace; whether there was any.
    @discardableResult
    mutating func skipSpaces() -> Bool {
        let start = position
        while position < bytes.count && Self.isSpace(bytes[position]) { position += 1 }
        return position > start
    }

    /// Takes `byte` (ASCII case ignored for letters) if it comes next.
    mutating func take(_ byte: UInt8) -> Bool {
        guard position < bytes.count else { return false }
        let found = bytes[position]
        guard found == byte || (Self.isLetter(byte) && found | 0x20 == byte | 0x20) else { return false }
        position += 1
        return true
    }

    /// A run of `digits.lowerBound` to `digits.upperBound` decimal digits as a number; nil
    /// (taking nothing) when fewer come next.
    mutating func number(digits: ClosedRange<Int>) -> Int? {
        var value = 0
        var count = 0
        while count < digits.upperBound && position + count < bytes.count && Self.isDigit(bytes[position + count]) {
            value = value * 10 + Int(bytes[position + count] &- 0x30)
            count += 1
        }
        guard count >= digits.lowerBound else { return nil }
        position += count
        return value
    }

    /// Digits after a decimal point as nanoseconds: the first nine count, more are read and
    /// dropped. Nil when no digit comes next.
    mutating func fractionDigits() -> Int32? {
        var nanoseconds: Int32 = 0
        var count = 0
        while position < bytes.count && Self.isDigit(bytes[position]) {
            if count < 9 { nanoseconds = nanoseconds * 10 + Int32(bytes[position] &- 0x30) }
            count += 1
            position += 1
        }
        guard count > 0 else { return nil }
        for _ in count..<max(count, 9) { nanoseconds *= 10 }
        return nanoseconds
    }

    /// The run of ASCII letters that comes next as a key: five bits a letter, case folded,
    /// so names of up to twelve letters compare as one word. Nil, taking nothing, when no
    /// letter comes next or the run is longer.
    mutating func letters() -> UInt64? {
        var key: UInt64 = 0
        var count = 0
        while position + count < bytes.count && Self.isLetter(bytes[position + count]) {
            guard count < 12 else { return nil }
            key = key << 5 | UInt64((bytes[position + count] | 0x20) &- 0x60)
            count += 1
        }
        guard count > 0 else { return nil }
        position += count
        return key
    }

    /// An English month name, abbreviated (`Feb`, `FEB`, `Sept`) or whole (`February`): 1...12.
    mutating func monthName() -> Int? {
        let start = position
        guard let word = letters() else { return nil }
        if let month = Self.months[word] { return month }
        position = start
        return nil
    }

    /// An English weekday name, abbreviated or whole (`Sun`, `Sunday`). Which day it names is
    /// not checked against the date: feeds get it wrong more often than the date.
    mutating func weekdayName() -> Bool {
        let start = position
        guard let word = letters() else { return false }
        if Self.weekdays.contains(word) { return true }
        position = start
        return false
    }

    /// A zone as seconds east of UTC: `Z`, `UT`, `UTC`, `GMT`, the US zones of RFC 2822
    /// (`EST`, `EDT`, `CST`, `CDT`, `MST`, `MDT`, `PST`, `PDT`), or a signed offset `+hh:mm`,
    /// `+hhmm` or `+hh`. Nothing taken when none comes next.
    mutating func zone() -> Int? {
        let start = position
        if next == 0x2B || next == 0x2D {
            let sign = next == 0x2D ? -1 : 1
            position += 1
            if let hours = number(digits: 2...2), hours < 24 {
                let hasColon = take(0x3A)
                let minutes = number(digits: 2...2) ?? (hasColon ? 60 : 0)
                if minutes < 60 { return sign * (hours * 3_600 + minutes * 60) }
            }
            position = start
            return nil
        }
        guard let word = letters() else { return nil }
        if let offset = Self.zones[word] { return offset }
        position = start
        return nil
    }

    private static func key(_ name: StaticString) -> UInt64 {
        name.withUTF8Buffer { $0.reduce(0) { $0 << 5 | UInt64($1 &- 0x60) } }
    }

    private static let months: [UInt64: Int] = {
        let names: [(StaticString, StaticString)] = [
            ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may", "may"),
            ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "september"), ("oct", "october"),
            ("nov", "november"), ("dec", "december"),
        ]
        var months: [UInt64: Int] = [key("sept"): 9]
        for (index, (short, long)) in names.enumerated() {
            months[key(short)] = index + 1
            months[key(long)] = index + 1
        }
        return months
    }()

    private static let weekdays: Set<UInt64> = Set(
        (["mon", "tue", "wed", "thu", "fri", "sat", "sun", "monday", "tuesday", "wednesday", "thursday", "friday",
          "saturday", "sunday"] as [StaticString]).map(key))

    private static let zones: [UInt64: Int] = {
        let hours: [(StaticString, Int)] = [
            ("z", 0), ("ut", 0), ("utc", 0), ("gmt", 0), ("est", -5), ("edt", -4), ("cst", -6), ("cdt", -5),
            ("mst", -7), ("mdt", -6), ("pst", -8), ("pdt", -7),
        ]
        return Dictionary(uniqueKeysWithValues: hours.map { (key($0.0), $0.1 * 3_600) })
    }()
}
