import Foundation
import Testing
@testable import NearDup

@Suite("PublicationDate")
struct PublicationDateTests {
    /// The instant of a date spelled the way every reader agrees on, for comparisons.
    private func utc(_ iso: String) throws -> PublicationDate {
        try #require(PublicationDate(iso))
    }

    // MARK: Built-in spellings

    @Test(arguments: [
        ("2018-07-15", "2018-07-15T00:00:00Z"),
        ("2018-07-15T07:54:28Z", "2018-07-15T07:54:28Z"),
        ("2018-07-15t07:54:28z", "2018-07-15T07:54:28Z"),
        ("2018-07-15T07:54:28-04:00", "2018-07-15T11:54:28Z"),
        ("2018-07-15T07:54:28+0530", "2018-07-15T02:24:28Z"),
        ("2018-07-15T07:54:28+02", "2018-07-15T05:54:28Z"),
        ("2018-07-15 07:54:28", "2018-07-15T07:54:28Z"),
        ("2018-07-15T07:54", "2018-07-15T07:54:00Z"),
        ("2018-07-15T07:54:28.123Z", "2018-07-15T07:54:28.123Z"),
        ("2018-07-15T07:54:28,5+01:00", "2018-07-15T06:54:28.5Z"),
        ("2018-07-15 07:54:28 +0000", "2018-07-15T07:54:28Z"),
        ("2018-07-15 07:54:28 UTC", "2018-07-15T07:54:28Z"),
        ("2018-07-15T00:30:00+01:00", "2018-07-14T23:30:00Z"),
        ("  2019-05-31T20:00:35-04:00\n", "2019-06-01T00:00:35Z"),
    ])
    func iso8601(text: String, utc: String) {
        #expect(PublicationDate(text)?.iso8601 == utc, "\(text)")
    }

    @Test(arguments: [
        ("Sun, 15 Jul 2018 07:54:28 -0400", "2018-07-15T11:54:28Z"),
        ("15 Jul 2018 07:54:28 GMT", "2018-07-15T07:54:28Z"),
        ("Sunday, 15 July 2018 07:54:28 UT", "2018-07-15T07:54:28Z"),
        ("Sun, 15 Jul 2018 07:54 EDT", "2018-07-15T11:54:00Z"),
        ("Sun, 15 Jul 2018 07:54:28 PST", "2018-07-15T15:54:28Z"),
        ("Wed, 5 Sep 2018 07:54:28 -0700 (PDT)", "2018-09-05T14:54:28Z"),
        ("Thu, 26 Feb 87 15:01:01 CST", "1987-02-26T21:01:01Z"),
        ("Fri, 1 Mar 19 12:00:00 Z", "2019-03-01T12:00:00Z"),
        ("15 Jul 2018", "2018-07-15T00:00:00Z"),
    ])
    func rfc2822(text: String, utc: String) {
        #expect(PublicationDate(text)?.iso8601 == utc, "\(text)")
    }

    @Test(arguments: [
        ("26-FEB-1987 15:01:01.79", "1987-02-26T15:01:01.79Z"),
        ("3-MAR-1987  09:15:05.40", "1987-03-03T09:15:05.4Z"),
        ("03-MAR-1987 09:15:05.40", "1987-03-03T09:15:05.4Z"),
        ("1-mar-1987", "1987-03-01T00:00:00Z"),
    ])
    func reuters21578(text: String, utc: String) {
        #expect(PublicationDate(text)?.iso8601 == utc, "\(text)")
    }

    @Test(arguments: [
        ("1531641268", "2018-07-15T07:54:28Z"),
        ("0", "1970-01-01T00:00:00Z"),
        ("-86400", "1969-12-31T00:00:00Z"),
        ("1531641268.25", "2018-07-15T07:54:28.25Z"),
        ("-1.5", "1969-12-31T23:59:58.5Z"),
    ])
    func unixSeconds(text: String, utc: String) {
        #expect(PublicationDate(text)?.iso8601 == utc, "\(text)")
    }

    /// Text that is no date, and dates that do not exist, are refused rather than guessed.
    @Test(arguments: [
        "", "   ", "not a date", "2018-07-15T", "2018-07-15 garbage", "2018-02-30", "2019-02-29",
        "2018-13-01", "2018-07-15T24:00:00Z", "2018-07-15T07:61:00Z", "2018-07-15T07:54:28+25:00",
        "2018-07-15T07:54:28 EET", "31-FEB-1987", "26-FOO-1987", "26 Feb-1987", "Sun, 15 Jul 2018 07:54:28 (PDT",
        "1531641268000", "12.", "July 15", "2018/07/15", "15/07/2018",
    ])
    func refuses(text: String) {
        #expect(PublicationDate(text) == nil, "\(text)")
    }

    @Test func leapDaysExistInLeapYearsOnly() {
        #expect(PublicationDate("2020-02-29")?.iso8601 == "2020-02-29T00:00:00Z")
        #expect(PublicationDate("2000-02-29")?.iso8601 == "2000-02-29T00:00:00Z")
        #expect(PublicationDate("1900-02-29") == nil)
    }

    // MARK: Order and the calendar

    /// The order that string comparison got wrong on Reuters-21578's spelling.
    @Test func comparesAsInstantsNotAsText() throws {
        let february = try #require(PublicationDate("26-FEB-1987 15:01:01.79"))
        let march = try #require(PublicationDate("1-MAR-1987 09:00:00.00"))
        #expect(february < march)
        #expect(try utc("2018-07-15T07:54:28-04:00") == utc("2018-07-15T11:54:28Z"))
        #expect(try utc("2018-07-15T07:54:28.1Z") < utc("2018-07-15T07:54:28.2Z"))
    }

    @Test func agreesWithFoundationOnTheCalendar() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        var day = try #require(calendar.date(from: DateComponents(year: 1600, month: 1, day: 1)))
        let end = try #require(calendar.date(from: DateComponents(year: 2400, month: 12, day: 31)))
        while day <= end {
            let parts = calendar.dateComponents([.year, .month, .day], from: day)
            let days = PublicationDate.daysSince1970(year: parts.year!, month: parts.month!, day: parts.day!)
            #expect(Double(days) * 86_400 == day.timeIntervalSince1970)
            let civil = PublicationDate.civilDate(daysSince1970: days)
            #expect(civil.year == parts.year && civil.month == parts.month && civil.day == parts.day)
            day = calendar.date(byAdding: .day, value: 17, to: day)!
        }
    }

    @Test func iso8601OfInstantsBefore1970() {
        #expect(PublicationDate(secondsSince1970: -1).iso8601 == "1969-12-31T23:59:59Z")
        #expect(PublicationDate(secondsSince1970: -62_135_596_800).iso8601 == "0001-01-01T00:00:00Z")
    }

    // MARK: --date-format

    @Test(arguments: [
        ("%d/%m/%Y %H:%M", "15/07/2018 07:54", "2018-07-15T07:54:00Z"),
        ("%d/%m/%Y", " 5/7/2018 ", "2018-07-05T00:00:00Z"),
        ("%B %d, %Y %I:%M %p", "July 15, 2018 7:54 PM", "2018-07-15T19:54:00Z"),
        ("%B %d, %Y %I:%M %p", "july 15, 2018 12:05 a.m.", "2018-07-15T00:05:00Z"),
        ("%b %e %Y", "Jul  5 2018", "2018-07-05T00:00:00Z"),
        ("%a %b %d %T %Y", "Sun Jul 15 07:54:28 2018", "2018-07-15T07:54:28Z"),
        ("%Y%m%d", "20180715", "2018-07-15T00:00:00Z"),
        ("%Y%m%dT%H%M%S%z", "20180715T075428-0400", "2018-07-15T11:54:28Z"),
        ("%F %T.%f %Z", "2018-07-15 07:54:28.5 GMT", "2018-07-15T07:54:28.5Z"),
        ("%s", "1531641268", "2018-07-15T07:54:28Z"),
        ("%y-%m", "87-02", "1987-02-01T00:00:00Z"),
        ("%d.%m.%y", "15.07.18", "2018-07-15T00:00:00Z"),
        ("%Y年%m月%d日", "2018年07月15日", "2018-07-15T00:00:00Z"),
        ("100%% %Y-%m", "100% 2018-07", "2018-07-01T00:00:00Z"),
    ])
    func pattern(format: String, text: String, utc: String) throws {
        let format = try DateFormat(format)
        #expect(PublicationDate(text, format: format)?.iso8601 == utc, "\(format): \(text)")
    }

    @Test func patternRefusesWhatDoesNotMatch() throws {
        let format = try DateFormat("%d/%m/%Y")
        #expect(PublicationDate("15/07/2018 junk", format: format) == nil)
        #expect(PublicationDate("31/02/2018", format: format) == nil)
        #expect(PublicationDate("15-07-2018", format: format) == nil)
        #expect(try PublicationDate("13:00 PM 2018-07", format: DateFormat("%I:%M %p %Y-%m")) == nil)
    }

    /// The pattern is tried first; what it does not match still goes to the built-in spellings.
    @Test func patternComesBeforeTheBuiltInSpellings() throws {
        let format = try DateFormat("%Y%m%d")
        #expect(PublicationDate("20180715")?.iso8601 == "1970-08-22T13:45:15Z")  // Unix seconds
        #expect(PublicationDate("20180715", format: format)?.iso8601 == "2018-07-15T00:00:00Z")
        #expect(PublicationDate("2018-07-15T07:54:28Z", format: format)?.iso8601 == "2018-07-15T07:54:28Z")
    }

    @Test func badPatternsAreRefusedWithTheReason() {
        #expect(throws: DateFormat.PatternError.self) { try DateFormat("%d/%m") }
        #expect(throws: DateFormat.PatternError.self) { try DateFormat("%Y-%m-%Q") }
        #expect(throws: DateFormat.PatternError.self) { try DateFormat("%Y-%m %") }
        do {
            _ = try DateFormat("%Y-%m-%Q")
        } catch {
            #expect(error.description == "\"%Y-%m-%Q\": unknown directive %Q")
        }
    }

    // MARK: Counting what was read

    @Test func summaryCountsDatedUndatedAndUnreadable() {
        var summary = DateSummary(exampleLimit: 1)
        func document(_ date: String?, line: Int) -> Document {
            Document(id: "d\(line)", text: "t", date: date, origin: SourceLocation(file: "in.jsonl", line: line))
        }
        #expect(summary.read(document("2018-07-15", line: 1)) != nil)
        #expect(summary.read(document(nil, line: 2)) == nil)
        #expect(summary.read(document(" ", line: 3)) == nil)
        #expect(summary.read(document("not a date", line: 4)) == nil)
        #expect(summary.read(document("say \"when\"\n", line: 5)) == nil)
        #expect(summary.dated == 1 && summary.undated == 2 && summary.unreadable.count == 2)
        #expect(summary.unreadable.examples.map(\.description) == ["in.jsonl:4: cannot read date \"not a date\""])
        #expect(DateSummary.quoted("say \"when\"\n") == #""say \"when\"\n""#)
    }
}
