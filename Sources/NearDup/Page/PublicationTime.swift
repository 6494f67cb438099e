/// A page's stated publication time as an ISO 8601 string that sorts in time order:
/// `2019-05-31T14:03:00Z` when the page gives a time and its offset from UTC (converted to
/// UTC, so copies stamped in different zones compare correctly), `2019-05-31T10:03:00` when
/// it gives a time without an offset, `2019-05-31` for a date alone.
///
/// Pages state times in `article:published_time`, `itemprop="datePublished"`, JSON-LD and
/// `<time datetime>`, nearly always in this form; anything else is not taken for a date.
enum PublicationTime {
    /// Whether NUL-terminated `value` opens with `YYYY-MM-DD` (after spaces).
    static func looksLikeDate(_ value: UnsafePointer<UInt8>) -> Bool {
        var start = 0
        while value[start] == 0x20 { start += 1 }
        for offset in 0..<10 {
            let byte = value[start + offset]
            if offset == 4 || offset == 7 {
                guard byte == 0x2D else { return false }
            } else {
                guard byte &- 0x30 < 10 else { return false }
            }
        }
        return true
    }

    /// The normalised form of `text`, or nil when it is not an ISO 8601 date or date-time.
    static func iso8601(_ text: [UInt8]) -> String? {
        var reader = Reader(bytes: text)
        reader.skipSpaces()
        guard let year = reader.number(digits: 4), reader.take(0x2D), let month = reader.number(digits: 2),
              reader.take(0x2D), let day = reader.number(digits: 2),
              (1...12).contains(month), (1...PublicationDate.daysInMonth(month, of: year)).contains(day)
        else { return nil }
        guard reader.take(0x54) || reader.take(0x74) || reader.take(0x20),
              let hour = reader.number(digits: 2), reader.take(0x3A), let minute = reader.number(digits: 2),
              hour < 24, minute < 60
        else { return format(year, month, day) }
        var second = 0
        if reader.take(0x3A) {
            guard let value = reader.number(digits: 2), value <= 60 else { return format(year, month, day) }
            second = min(value, 59)
            if reader.take(0x2E) || reader.take(0x2C) { while reader.peekDigit { reader.index += 1 } }
        }
        // An offset: Z, +hh:mm, +hhmm or +hh.
        var offsetMinutes: Int?
        if reader.take(0x5A) || reader.take(0x7A) {
            offsetMinutes = 0
        } else if let sign = reader.peek, sign == 0x2B || sign == 0x2D {
            reader.index += 1
            if let hours = reader.number(digits: 2), hours <= 14 {
                _ = reader.take(0x3A)
                let minutes = reader.number(digits: 2) ?? 0
                if minutes < 60 { offsetMinutes = (hours * 60 + minutes) * (sign == 0x2D ? -1 : 1) }
            }
        }
        guard let offsetMinutes else {
            return format(year, month, day) + "T" + twoDigits(hour) + ":" + twoDigits(minute) + ":" + twoDigits(second)
        }
        // To UTC: minutes since the epoch day, less the offset, back to a civil date.
        let total = (PublicationDate.daysSince1970(year: year, month: month, day: day) * 1_440 + hour * 60 + minute) - offsetMinutes
        let days = total >= 0 ? total / 1_440 : (total - 1_439) / 1_440
        let minutesOfDay = total - days * 1_440
        let (utcYear, utcMonth, utcDay) = PublicationDate.civilDate(daysSince1970: days)
        return format(utcYear, utcMonth, utcDay) + "T" + twoDigits(minutesOfDay / 60) + ":"
            + twoDigits(minutesOfDay % 60) + ":" + twoDigits(second) + "Z"
    }

    private struct Reader {
        let bytes: [UInt8]
        var index = 0

        var peek: UInt8? { index < bytes.count ? bytes[index] : nil }
        var peekDigit: Bool { peek.map { $0 &- 0x30 < 10 } ?? false }

        mutating func skipSpaces() { while peek == 0x20 { index += 1 } }

        mutating func take(_ byte: UInt8) -> Bool {
            guard peek == byte else { return false }
            index += 1
            return true
        }

        mutating func number(digits: Int) -> Int? {
            guard index + digits <= bytes.count else { return nil }
            var value = 0
            for offset in 0..<digits {
                let digit = bytes[index + offset] &- 0x30
                guard digit < 10 else { return nil }
                value = value * 10 + Int(digit)
            }
            index += digits
            return value
        }
    }

    private static func format(_ year: Int, _ month: Int, _ day: Int) -> String {
        let yearText = String(year)
        return String(repeating: "0", count: max(0, 4 - yearText.count)) + yearText + "-" + twoDigits(month) + "-" + twoDigits(day)
    }

    private static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
