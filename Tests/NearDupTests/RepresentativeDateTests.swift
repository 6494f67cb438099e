import Foundation
import Testing
@testable import NearDup
@testable import NearDupIO

/// The earliest copy by its date as read represents its cluster, whoever set the date text.
@Suite("Representative by date")
struct RepresentativeDateTests {
    private static let wire = "reuters-wire-putin-invites-trump.txt"
    private static let moscowTimes = "moscowtimes-2018-07-28-putin-invites-trump.txt"
    private static let fernbrook = "fernbrook-ledger-truncated-putin-invites-trump.txt"

    private func archive() throws -> [Document] {
        let path = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent("archive").path
        return try CorpusReader(fields: FieldSelection()).readDocuments(from: [path])
    }

    /// The archive with these dates set (every other document undated).
    private func dated(_ dates: [String: String]) throws -> [Document] {
        try archive().map { document in
            var document = document
            document.date = dates[document.id]
            return document
        }
    }

    private func representative(of id: String, in documents: [Document], options: NearDupOptions = .init()) throws -> String {
        let result = ClusteringPipeline(options: options).run(documents)
        let position = try #require(documents.firstIndex { $0.id == id })
        let cluster = try #require(result.clusters.first { $0.members.contains(position) })
        return documents[cluster.representative].id
    }

    /// As text, "1-MAR-1987" sorts before "26-FEB-1987"; as dates it comes after.
    @Test func reuters21578DatesCompareAsDates() throws {
        let documents = try dated([Self.wire: "1-MAR-1987 09:00:00.00", Self.moscowTimes: "26-FEB-1987 15:01:01.79"])
        #expect(try representative(of: Self.wire, in: documents) == Self.moscowTimes)
    }

    /// Zones count: 20:00 at -04:00 is after 23:30 at +01:00 the same day.
    @Test func zonesAreApplied() throws {
        let documents = try dated([Self.wire: "2018-07-27T20:00:00-04:00", Self.moscowTimes: "2018-07-27T23:30:00+01:00"])
        #expect(try representative(of: Self.wire, in: documents) == Self.moscowTimes)
    }

    /// An empty date and one that cannot be read sort before every real date as text; read,
    /// they are no dates, and the dated copy wins.
    @Test func emptyAndUnreadableDatesNeverWin() throws {
        let documents = try dated([Self.wire: "", Self.moscowTimes: "not a date", Self.fernbrook: "2018-07-28T10:00:00Z"])
        #expect(try representative(of: Self.wire, in: documents) == Self.fernbrook)
        let dates = ClusteringPipeline().run(documents).dates
        #expect(dates.dated == 1 && dates.undated == documents.count - 2 && dates.unreadable.count == 1)
        #expect(dates.unreadable.examples.first?.message == "cannot read date \"not a date\"")
    }

    /// Without any readable date the most complete copy represents the cluster, as undated.
    @Test func unreadableDatesAloneLeaveTheUndatedRule() throws {
        let undated = try representative(of: Self.wire, in: archive())
        let documents = try dated([Self.wire: "someday", Self.moscowTimes: "yesterday"])
        #expect(try representative(of: Self.wire, in: documents) == undated)
    }

    @Test func datesOfAnotherSpellingNeedTheirPattern() throws {
        let documents = try dated([Self.wire: "28/07/2018", Self.moscowTimes: "27/07/2018"])
        var options = NearDupOptions()
        options.dateFormat = try DateFormat("%d/%m/%Y")
        #expect(try representative(of: Self.wire, in: documents, options: options) == Self.moscowTimes)
        #expect(ClusteringPipeline(options: options).run(documents).dates.dated == 2)
        #expect(ClusteringPipeline().run(documents).dates.unreadable.count == 2)
    }

    /// Documents added one by one to a session are read and counted as `run` reads them.
    @Test func sessionReadsDatesAsRunDoes() throws {
        let documents = try dated([Self.wire: "1-MAR-1987", Self.moscowTimes: "26-FEB-1987", Self.fernbrook: "soon"])
        var session = try ClusteringSession(pipeline: ClusteringPipeline(), chunkSize: 5)
        for document in documents { try session.add(document) }
        let streamed = try session.finish()
        let whole = ClusteringPipeline().run(documents)
        #expect(streamed.clusters == whole.clusters)
        #expect(streamed.dates == whole.dates)
        #expect(streamed.dates.unreadable.count == 1)
        let position = try #require(documents.firstIndex { $0.id == Self.moscowTimes })
        #expect(streamed.clusters.contains { $0.representative == position })
    }
}
