import NearDup

/// A moment on a web page, in minutes since 1970-01-01 00:00 UTC, written the ways sites
/// write it, without Foundation's locale-dependent formatters.
struct PageTime: Sendable, Comparable {
    var minutes: Int

    static func < (lhs: PageTime, rhs: PageTime) -> Bool { lhs.minutes < rhs.minutes }

    static func day(_ day: Int, minute: Int) -> PageTime { PageTime(minutes: day * 1440 + minute) }

    var day: SynthDay { SynthDay(daysSinceEpoch: minutes / 1440) }
    var hour: Int { minutes % 1440 / 60 }
    var minute: Int { minutes % 60 }

    /// 1987-03-02T14:05:00Z
    var iso: String { "\(day.iso)T\(Self.two(hour)):\(Self.two(minute)):00Z" }

    /// 2:05 p.m.
    var clock12: String { "\(hour % 12 == 0 ? 12 : hour % 12):\(Self.two(minute)) \(hour < 12 ? "a.m." : "p.m.")" }
    /// 14:05
    var clock24: String { "\(Self.two(hour)):\(Self.two(minute))" }

    /// The page's date line in one of five site styles.
    func display(style: Int) -> String {
        let day = self.day
        switch style % 5 {
        case 0: return "\(day.long) \(hour % 12 == 0 ? 12 : hour % 12):\(Self.two(minute)) \(hour < 12 ? "AM" : "PM")"
        case 1: return "\(day.short), \(day.year), \(clock24) GMT"
        case 2: return "Published \(clock12) GMT \(day.long)"
        case 3: return "\(Self.two(day.day))/\(Self.two(day.month))/\(day.year) \(clock24)"
        default: return "\(day.weekdayName) \(day.day) \(SynthVocabulary.months[day.month - 1]) \(day.year) \(Self.two(hour)).\(Self.two(minute)) GMT"
        }
    }

    /// A live-blog item's time stamp in the site's style.
    func itemStamp(style: Int) -> String { style % 2 == 0 ? clock12 : clock24 }

    private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
