import Foundation
import Testing

/// `--date-field` reads dates as dates: the earliest copy by time represents its cluster,
/// empty and unreadable dates never do, and unreadable ones are reported with their place.
@Suite("neardup dates", .serialized)
struct DateCLITests {
    private static let wire = "reuters-wire-putin-invites-trump.txt"
    private static let moscowTimes = "moscowtimes-2018-07-28-putin-invites-trump.txt"
    private static let fernbrook = "fernbrook-ledger-truncated-putin-invites-trump.txt"

    /// A JSONL file of three copies of one story (the archive's Putin reprints), each with
    /// the date given (a JSON string, number or nothing), in this order.
    private static func corpus(_ dates: [(id: String, date: Any?)]) throws -> String {
        var lines = ""
        for (id, date) in dates {
            let text = try String(contentsOfFile: NeardupTool.fixture("archive/" + id), encoding: .utf8)
            var record: [String: Any] = ["id": id, "text": text]
            if let date { record["date"] = date }
            let data = try JSONSerialization.data(withJSONObject: record, options: [.sortedKeys])
            lines += String(decoding: data, as: UTF8.self) + "\n"
        }
        let path = try NeardupTool.temporaryDirectory() + "/dated.jsonl"
        try NeardupTool.write(lines, to: path)
        return path
    }

    /// Each document's representative, from `cluster`'s JSONL.
    private static func representatives(_ run: NeardupTool.Run) throws -> [String: String] {
        var representatives: [String: String] = [:]
        for line in run.stdout.split(separator: "\n") {
            let object = try NeardupTool.jsonObject(String(line))
            representatives[try #require(object["id"] as? String)] = try #require(object["representative"] as? String)
        }
        return representatives
    }

    /// Reuters-21578's spelling: as text "1-MAR-1987" sorts before "26-FEB-1987".
    @Test func reutersDatesPickTheEarliestCopy() throws {
        let path = try Self.corpus([
            (Self.wire, "1-MAR-1987 09:00:00.00"), (Self.moscowTimes, "26-FEB-1987 15:01:01.79"), (Self.fernbrook, "2-MAR-1987 10:00:00.00"),
        ])
        let run = try NeardupTool.run(["cluster", "--date-field", "date", path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try Self.representatives(run)[Self.wire] == Self.moscowTimes, "\(run.stdout)")
        #expect(!run.stderr.contains("date"), "every date was read: \(run.stderr)")
    }

    /// An empty date and text that is no date do not win; the unreadable one is counted and
    /// shown with its place, the empty one counted as undated.
    @Test func emptyAndUnreadableDatesNeverWinAndAreReported() throws {
        let path = try Self.corpus([
            (Self.wire, ""), (Self.moscowTimes, "not a date"), (Self.fernbrook, "Sat, 28 Jul 2018 09:00:00 +0300"),
        ])
        let run = try NeardupTool.run(["cluster", "--date-field", "date", path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try Self.representatives(run)[Self.wire] == Self.fernbrook, "\(run.stdout)")
        let lines = run.stderr.split(separator: "\n").map(String.init)
        #expect(lines.contains("1 document has no date in field \"date\""), "\(run.stderr)")
        #expect(lines.contains("1 date cannot be read and counts as undated"), "\(run.stderr)")
        #expect(lines.contains("\(path):2: cannot read date \"not a date\""), "\(run.stderr)")
    }

    /// Only the first five unreadable dates are shown, after the count.
    @Test func manyUnreadableDatesShowTheFirstFive() throws {
        var lines = ""
        for index in 1...7 { lines += #"{"id": "d\#(index)", "text": "word \#(index)", "date": "day \#(index)"}"# + "\n" }
        let path = try NeardupTool.temporaryDirectory() + "/undated.jsonl"
        try NeardupTool.write(lines, to: path)
        let run = try NeardupTool.run(["scan", "--date-field", "date", path])
        #expect(run.status == 0, "\(run.stderr)")
        let stderr = run.stderr.split(separator: "\n").map(String.init)
        let count = try #require(stderr.firstIndex(of: "7 dates cannot be read and count as undated (the first 5 follow)"), "\(run.stderr)")
        #expect(Array(stderr[(count + 1)...(count + 5)]) == (1...5).map { "\(path):\($0): cannot read date \"day \($0)\"" })
    }

    /// JSON numbers are Unix seconds; `scan --format json` gives each date as read, in UTC.
    @Test func unixSecondsAndTheDateAsReadInTheReport() throws {
        let path = try Self.corpus([
            (Self.wire, 1_532_750_000), (Self.moscowTimes, "2018-07-28T10:00:00-04:00"), (Self.fernbrook, nil),
        ])
        let run = try NeardupTool.run(["scan", "--format", "json", "--date-field", "date", path])
        #expect(run.status == 0, "\(run.stderr)")
        let report = try NeardupTool.jsonObject(run.stdout)
        let clusters = try #require(report["clusters"] as? [[String: Any]])
        let cluster = try #require(clusters.first)
        #expect(cluster["representative"] as? String == Self.wire)
        let members = try #require(cluster["members"] as? [[String: Any]])
        let byID = Dictionary(uniqueKeysWithValues: members.map { ($0["id"] as? String ?? "", $0) })
        #expect(byID[Self.wire]?["date"] as? String == "1532750000")
        #expect(byID[Self.wire]?["date_utc"] as? String == "2018-07-28T03:53:20Z")
        #expect(byID[Self.moscowTimes]?["date_utc"] as? String == "2018-07-28T14:00:00Z")
        #expect(byID[Self.fernbrook]?["date_utc"] is NSNull)
        #expect(run.stderr.contains("1 document has no date in field \"date\""), "\(run.stderr)")
    }

    @Test func dateFormatReadsOtherSpellings() throws {
        let path = try Self.corpus([
            (Self.wire, "28/07/2018 09:00"), (Self.moscowTimes, "27/07/2018 23:00"), (Self.fernbrook, "28/07/2018 08:00"),
        ])
        let run = try NeardupTool.run(["cluster", "--date-field", "date", "--date-format", "%d/%m/%Y %H:%M", path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try Self.representatives(run)[Self.wire] == Self.moscowTimes, "\(run.stdout)")
        #expect(!run.stderr.contains("cannot read date"), "\(run.stderr)")

        let unread = try NeardupTool.run(["cluster", "--date-field", "date", path])
        #expect(unread.stderr.contains("3 dates cannot be read and count as undated"), "\(unread.stderr)")
    }

    @Test func badDateFormatIsABadCommandLine() throws {
        let run = try NeardupTool.run(["cluster", "--date-field", "date", "--date-format", "%Y-%m-%Q", NeardupTool.archive])
        #expect(run.status == 64)
        #expect(run.stderr.contains("unknown directive %Q"), "\(run.stderr)")
    }
}
