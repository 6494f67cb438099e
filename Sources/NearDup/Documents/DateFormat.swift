/// A date spelling the built-in ones do not cover, as a strptime pattern (`--date-format`):
/// `%d/%m/%Y %H:%M` reads `15/07/2018 07:54`.
///
/// Directives: `%Y` year (up to four digits), `%y` two-digit year (69–99 is 19xx, 00–68
/// 20xx, as POSIX has it), `%m` month, `%b` `%h` `%B` month name (abbreviated or whole,
/// either way), `%d` `%e` day, `%H` hour (0–23), `%I` hour (1–12) with `%p` AM/PM, `%M`
/// minute, `%S` second, `%f` digits of a fraction of a second, `%a` `%A` weekday name (not
/// checked against the date), `%z` `%Z` zone (`+hh:mm`, `+hhmm`, `Z`, `UTC`, `GMT`, US
/// zones), `%s` seconds since 1970, `%T` for `%H:%M:%S`, `%F` for `%Y-%m-%d`, `%R` for
/// `%H:%M`, `%%` a percent sign. Whitespace matches any run of whitespace, including none;
/// other characters match themselves, letters in either case. A pattern needs a year and a
/// month (a missing day is the 1st, a missing time midnight, a missing zone UTC), or `%s`.
public struct DateFormat: Sendable, Hashable, CustomStringConvertible {
    /// The pattern as given.
    public let pattern: String
    private let steps: [Step]

    private enum Step: Hashable {
        case literal(UInt8)
        case whitespace
        case year, twoDigitYear, month, monthName, day, hour, twelveHour, minute, second, fraction
        case meridiem, weekdayName, zone, unixSeconds
    }

    /// A pattern that cannot be read: an unknown directive, or no year and month.
    public struct PatternError: Error, Sendable, Equatable, CustomStringConvertible {
        public var description: String
    }

    public init(_ pattern: String) throws(PatternError) {
        var steps: [Step] = []
        let bytes = Array(pattern.utf8)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if DateTextScanner.isSpace(byte) {
                if steps.last != .whitespace { steps.append(.whitespace) }
                continue
            }
            guard byte == 0x25 else {  // '%'
                steps.append(.literal(byte))
                continue
            }
            guard index < bytes.count else { throw PatternError(description: "\"\(pattern)\" ends with a lone %") }
            let directive = bytes[index]
            index += 1
            switch directive {
            case UInt8(ascii: "Y"): steps.append(.year)
            case UInt8(ascii: "y"): steps.append(.twoDigitYear)
            case UInt8(ascii: "m"): steps.append(.month)
            case UInt8(ascii: "b"), UInt8(ascii: "h"), UInt8(ascii: "B"): steps.append(.monthName)
            case UInt8(ascii: "d"), UInt8(ascii: "e"): steps.append(.day)
            case UInt8(ascii: "H"): steps.append(.hour)
            case UInt8(ascii: "I"): steps.append(.twelveHour)
            case UInt8(ascii: "M"): steps.append(.minute)
            case UInt8(ascii: "S"): steps.append(.second)
            case UInt8(ascii: "f"): steps.append(.fraction)
            case UInt8(ascii: "p"): steps.append(.meridiem)
            case UInt8(ascii: "a"), UInt8(ascii: "A"): steps.append(.weekdayName)
            case UInt8(ascii: "z"), UInt8(ascii: "Z"): steps.append(.zone)
            case UInt8(ascii: "s"): steps.append(.unixSeconds)
            case UInt8(ascii: "T"): steps += [.hour, .literal(0x3A), .minute, .literal(0x3A), .second]
            case UInt8(ascii: "F"): steps += [.year, .literal(0x2D), .month, .literal(0x2D), .day]
            case UInt8(ascii: "R"): steps += [.hour, .literal(0x3A), .minute]
            case UInt8(ascii: "%"): steps.append(.literal(0x25))
            default:
                let name = String(decoding: bytes[(index - 2)..<index], as: UTF8.self)
                throw PatternError(description: "\"\(pattern)\": unknown directive \(name)")
            }
        }
        let hasYear = steps.contains(.year) || steps.contains(.twoDigitYear)
        let hasMonth = steps.contains(.month) || steps.contains(.monthName)
        guard steps.contains(.unixSeconds) || (hasYear && hasMonth) else {
            throw PatternError(description: "\"\(pattern)\" needs a year (%Y or %y) and a month (%m or %b), or %s")
        }
        self.pattern = pattern
        self.steps = steps
    }

    public var description: String { pattern }

    public static func == (lhs: DateFormat, rhs: DateFormat) -> Bool { lhs.pattern == rhs.pattern }
    public func hash(into hasher: inout Hasher) { hasher.combine(pattern) }

    /// The instant `bytes` spell in this pattern, whitespace around them ignored; nil when
    /// they do not match it or name a day or time that does not exist.
    func date(from bytes: UnsafeBufferPointer<UInt8>) -> PublicationDate? {
        var scanner = DateTextScanner(bytes)
        scanner.skipSpaces()
        var (year, month, day, hour, minute, second) = (0, 0, 1, 0, 0, 0)
        var nanoseconds: Int32 = 0
        var offset = 0
        var afternoon: Bool?
        var unixSeconds: Int?
        for step in steps {
            switch step {
            case .literal(let byte): guard scanner.take(byte) else { return nil }
            case .whitespace: scanner.skipSpaces()
            case .year: guard let value = scanner.number(digits: 1...4) else { return nil }; year = value
            case .twoDigitYear:
                guard let value = scanner.number(digits: 2...2) else { return nil }
                year = value + (value < 69 ? 2000 : 1900)
            case .month: guard let value = scanner.number(digits: 1...2) else { return nil }; month = value
            case .monthName: guard let value = scanner.monthName() else { return nil }; month = value
            case .day: scanner.skipSpaces(); guard let value = scanner.number(digits: 1...2) else { return nil }; day = value
            case .hour, .twelveHour: guard let value = scanner.number(digits: 1...2) else { return nil }; hour = value
            case .minute: guard let value = scanner.number(digits: 1...2) else { return nil }; minute = value
            case .second: guard let value = scanner.number(digits: 1...2) else { return nil }; second = value
            case .fraction: guard let value = scanner.fractionDigits() else { return nil }; nanoseconds = value
            case .meridiem:
                if scanner.take(0x61) { afternoon = false } else if scanner.take(0x70) { afternoon = true } else { return nil }
                _ = scanner.take(0x2E)
                guard scanner.take(0x6D) else { return nil }
                _ = scanner.take(0x2E)
            case .weekdayName: guard scanner.weekdayName() else { return nil }
            case .zone: guard let value = scanner.zone() else { return nil }; offset = value
            case .unixSeconds:
                let negative = scanner.take(0x2D)
                guard let value = scanner.number(digits: 1...12) else { return nil }
                unixSeconds = negative ? -value : value
            }
        }
        scanner.skipSpaces()
        guard scanner.isAtEnd else { return nil }
        if let unixSeconds { return PublicationDate.fromUnixTime(seconds: unixSeconds) }
        if steps.contains(.twelveHour) {
            guard (1...12).contains(hour) else { return nil }
            hour = hour % 12 + (afternoon == true ? 12 : 0)
        }
        return PublicationDate.checked(
            year: year, month: month, day: day, hour: hour, minute: minute, second: second,
            nanoseconds: nanoseconds, offsetSeconds: offset)
    }
}
