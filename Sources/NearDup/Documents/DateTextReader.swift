/// The date spellings NearDup reads without being told, which between them cover news
/// feeds, scraped pages, mail archives and Reuters-21578:
///
/// - ISO 8601 / RFC 3339: `2018-07-15`, `2018-07-15T07:54:28Z`, `2018-07-15T07:54:28-04:00`,
///   `2018-07-15 07:54:28`, fractional seconds (`07:54:28.123`), a zone after a space
///   (`2018-07-15 07:54:28 +0000`, `... UTC`).
/// - RFC 2822 (mail, RSS): `Sun, 15 Jul 2018 07:54:28 -0400`, zones `GMT`, `UT`, `UTC`, `Z`
///   and the US zones (`EST` ... `PDT`), two-digit years (below 50 is 20xx), a trailing
///   comment such as `(PDT)`.
/// - Reuters-21578: `26-FEB-1987 15:01:01.79` (day-month-year with dashes, English month).
/// - Unix time: an integer number of seconds since 1970 (`1531641268`, also as a JSON
///   number), optionally with a fraction.
///
/// A time without a zone is UTC. Anything else is no date here; `DateFormat` reads the rest.
enum DateTextReader {
    /// The instant `bytes` spell, whitespace around them ignored; nil when they are no
    /// date of these spellings, or name a day or time that does not exist (30 February, 25:00).
    static func date(from bytes: UnsafeBufferPointer<UInt8>) -> PublicationDate? {
        var end = bytes.count
        while end > 0 && DateTextScanner.isSpace(bytes[end - 1]) { end -= 1 }
        var scanner = DateTextScanner(UnsafeBufferPointer(rebasing: bytes[..<end]))
        scanner.skipSpaces()
        guard !scanner.isAtEnd else { return nil }
        let start = scanner.position
        var leadingDigits = 0
        while start + leadingDigits < end && DateTextScanner.isDigit(scanner.bytes[start + leadingDigits]) {
            leadingDigits += 1
        }
        let afterDigits = start + leadingDigits < end ? scanner.bytes[start + leadingDigits] : 0
        let date: PublicationDate?
        if leadingDigits > 0 && (afterDigits == 0 || afterDigits == 0x2E) {
            date = unixSeconds(&scanner)
        } else if leadingDigits == 4 && afterDigits == 0x2D {
            date = iso8601(&scanner)
        } else if (1...2).contains(leadingDigits) || (leadingDigits == 0 && DateTextScanner.isLetter(scanner.next)) {
            date = dayMonthYear(&scanner)
        } else {
            date = unixSeconds(&scanner)
        }
        return scanner.isAtEnd ? date : nil
    }

    /// `YYYY-MM-DD`, then optionally `T` (or spaces) and a time, then optionally a zone.
    private static func iso8601(_ scanner: inout DateTextScanner) -> PublicationDate? {
        guard let year = scanner.number(digits: 4...4), scanner.take(0x2D),
              let month = scanner.number(digits: 2...2), scanner.take(0x2D),
              let day = scanner.number(digits: 2...2)
        else { return nil }
        guard !scanner.isAtEnd else { return PublicationDate.checked(year: year, month: month, day: day) }
        guard scanner.take(0x54) || scanner.skipSpaces() else { return nil }  // 'T' (or 't')
        return timeAndZone(&scanner, year: year, month: month, day: day, zoneNeedsSpace: false)
    }

    /// RFC 2822 (`[Sun, ]15 Jul 2018 07:54:28 -0400`) and Reuters-21578
    /// (`26-FEB-1987 15:01:01.79`): day, month name and year, separated by spaces or by
    /// dashes, then optionally a time and a zone.
    private static func dayMonthYear(_ scanner: inout DateTextScanner) -> PublicationDate? {
        if scanner.weekdayName() {
            _ = scanner.take(0x2C)  // ','
            scanner.skipSpaces()
        }
        guard let day = scanner.number(digits: 1...2) else { return nil }
        let dashed = scanner.take(0x2D)
        guard dashed || scanner.skipSpaces(), let month = scanner.monthName() else { return nil }
        guard dashed ? scanner.take(0x2D) : scanner.skipSpaces() else { return nil }
        let yearStart = scanner.position
        guard var year = scanner.number(digits: 2...4), scanner.position - yearStart != 3 else { return nil }
        if scanner.position - yearStart == 2 { year += year < 50 ? 2000 : 1900 }
        guard !scanner.isAtEnd else { return PublicationDate.checked(year: year, month: month, day: day) }
        guard scanner.skipSpaces() else { return nil }
        let date = timeAndZone(&scanner, year: year, month: month, day: day, zoneNeedsSpace: true)
        // A comment after the zone, as mail writes it: "-0700 (PDT)".
        if date != nil, scanner.skipSpaces(), scanner.take(0x28) {
            while !scanner.isAtEnd && scanner.next != 0x29 { scanner.position += 1 }
            guard scanner.take(0x29) else { return nil }
        }
        return date
    }

    /// `HH:MM`, optionally `:SS` and a fraction after `.` or `,`, then optionally a zone
    /// (after spaces, or with `zoneNeedsSpace` false also right after the time).
    private static func timeAndZone(
        _ scanner: inout DateTextScanner, year: Int, month: Int, day: Int, zoneNeedsSpace: Bool
    ) -> PublicationDate? {
        guard let hour = scanner.number(digits: 2...2), scanner.take(0x3A),
              let minute = scanner.number(digits: 2...2)
        else { return nil }
        var second = 0
        var nanoseconds: Int32 = 0
        if scanner.take(0x3A) {
            guard let value = scanner.number(digits: 2...2) else { return nil }
            second = value
            if scanner.take(0x2E) || scanner.take(0x2C) {
                guard let fraction = scanner.fractionDigits() else { return nil }
                nanoseconds = fraction
            }
        }
        var offset = 0
        let beforeZone = scanner.position
        let spaced = scanner.skipSpaces()
        if spaced || !zoneNeedsSpace, let zone = scanner.zone() {
            offset = zone
        } else {
            scanner.position = beforeZone
        }
        return PublicationDate.checked(
            year: year, month: month, day: day, hour: hour, minute: minute, second: second,
            nanoseconds: nanoseconds, offsetSeconds: offset)
    }

    /// Seconds since 1970 as an integer, optionally signed and with a fraction; within the
    /// years 1 to 9999.
    private static func unixSeconds(_ scanner: inout DateTextScanner) -> PublicationDate? {
        let negative = scanner.take(0x2D)
        guard let seconds = scanner.number(digits: 1...12) else { return nil }
        guard !DateTextScanner.isDigit(scanner.next) else { return nil }
        var nanoseconds: Int32 = 0
        if scanner.take(0x2E) {
            guard let fraction = scanner.fractionDigits() else { return nil }
            nanoseconds = fraction
        }
        return PublicationDate.fromUnixTime(seconds: negative ? -seconds : seconds, nanoseconds: negative ? -nanoseconds : nanoseconds)
    }
}

extension PublicationDate {
    /// The instant of a civil date and time when every field is in range (a day that
    /// exists in its month, hours 0–23, seconds up to a leap second's 60); else nil.
    static func checked(
        year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0,
        nanoseconds: Int32 = 0, offsetSeconds: Int = 0
    ) -> PublicationDate? {
        guard (1...9999).contains(year), (1...12).contains(month), (1...daysInMonth(month, of: year)).contains(day),
              (0..<24).contains(hour), (0..<60).contains(minute), (0...60).contains(second),
              abs(offsetSeconds) < 86_400
        else { return nil }
        return PublicationDate(
            year: year, month: month, day: day, hour: hour, minute: minute, second: second,
            nanoseconds: nanoseconds, offsetSeconds: offsetSeconds)
    }

    /// Seconds since 1970 (and a fraction of the same sign) as an instant within the years
    /// 1 to 9999; nil outside them.
    static func fromUnixTime(seconds: Int, nanoseconds: Int32 = 0) -> PublicationDate? {
        let earliest = Int64(daysSince1970(year: 1, month: 1, day: 1)) * 86_400
        let latest = Int64(daysSince1970(year: 10_000, month: 1, day: 1)) * 86_400
        var whole = Int64(seconds)
        var fraction = nanoseconds
        if fraction < 0 {
            whole -= 1
            fraction += 1_000_000_000
        }
        guard whole >= earliest && whole < latest else { return nil }
        return PublicationDate(secondsSince1970: whole, nanoseconds: fraction)
    }
}
