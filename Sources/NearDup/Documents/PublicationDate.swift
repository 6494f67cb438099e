/// When a document was published: an instant in UTC, read from its date text.
///
/// Dates arrive as text in many spellings (`2018-07-15T07:54:28-04:00`,
/// `Sun, 15 Jul 2018 07:54:28 -0400`, Reuters-21578's `26-FEB-1987 15:01:01.79`, Unix
/// seconds), and compared as text they sort wrong: `1-MAR-1987` before `26-FEB-1987`, an
/// empty string before every date. Read into one instant they compare as time does.
/// A time without a zone is taken as UTC; a date without a time as its midnight in UTC.
public struct PublicationDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Whole seconds since 1970-01-01T00:00:00Z (negative before).
    public let secondsSince1970: Int64
    /// Nanoseconds past that second, 0..<1_000_000_000.
    public let nanoseconds: Int32

    public init(secondsSince1970: Int64, nanoseconds: Int32 = 0) {
        precondition((0..<1_000_000_000).contains(nanoseconds), "nanoseconds past the second")
        self.secondsSince1970 = secondsSince1970
        self.nanoseconds = nanoseconds
    }

    /// Reads `text` with `format` when one is given and it matches, else with the built-in
    /// spellings (`DateTextReader`); nil when it is no date these describe. Whitespace around
    /// the text is ignored.
    public init?(_ text: String, format: DateFormat? = nil) {
        var text = text
        let date = text.withUTF8 { bytes -> PublicationDate? in
            if let format, let date = format.date(from: bytes) { return date }
            return DateTextReader.date(from: bytes)
        }
        guard let date else { return nil }
        self = date
    }

    /// The instant of a civil date and time in UTC, shifted by `offsetSeconds` (the zone's
    /// distance east of UTC: -04:00 is -14,400). Fields must be in range; `second` may be 60
    /// (a leap second, counted as the next minute's first).
    init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0,
         nanoseconds: Int32 = 0, offsetSeconds: Int = 0) {
        let days = Self.daysSince1970(year: year, month: month, day: day)
        let seconds = Int64(days) * 86_400 + Int64(hour * 3_600 + minute * 60 + second - offsetSeconds)
        self.init(secondsSince1970: seconds, nanoseconds: nanoseconds)
    }

    public static func < (lhs: PublicationDate, rhs: PublicationDate) -> Bool {
        (lhs.secondsSince1970, lhs.nanoseconds) < (rhs.secondsSince1970, rhs.nanoseconds)
    }

    /// ISO 8601 in UTC, `2018-07-15T11:54:28Z`, with the fraction of a second when it has
    /// one (`1987-02-26T15:01:01.79Z`).
    public var iso8601: String {
        let days = Int(secondsSince1970.floorDividing(by: 86_400))
        let secondOfDay = Int(secondsSince1970 - Int64(days) * 86_400)
        let (year, month, day) = Self.civilDate(daysSince1970: days)
        func padded(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        var text = (year < 0 ? "-" : "") + padded(abs(year), 4) + "-" + padded(month, 2) + "-" + padded(day, 2)
        text += "T" + padded(secondOfDay / 3_600, 2) + ":" + padded(secondOfDay / 60 % 60, 2) + ":" + padded(secondOfDay % 60, 2)
        if nanoseconds > 0 {
            var fraction = padded(Int(nanoseconds), 9)
            while fraction.last == "0" { fraction.removeLast() }
            text += "." + fraction
        }
        return text + "Z"
    }

    public var description: String { iso8601 }

    /// Whether `year` has a 29 February in the proleptic Gregorian calendar.
    static func isLeapYear(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    /// Days in `month` (1...12) of `year`.
    static func daysInMonth(_ month: Int, of year: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's
    /// `days_from_civil`): exact for any year, with no table and no loop.
    static func daysSince1970(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year  // years counted from March
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The civil date of a day counted from 1970-01-01 (`civil_from_days`).
    static func civilDate(daysSince1970 days: Int) -> (year: Int, month: Int, day: Int) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthFromMarch = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1
        let month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

extension Int64 {
    /// The quotient rounded down (towards minus infinity), as calendars count.
    func floorDividing(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
