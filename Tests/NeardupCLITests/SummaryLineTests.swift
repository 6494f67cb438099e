import Testing
@testable import neardup

/// The line `scan` and `cluster` end with: counts with their nouns in the right number, and
/// the key to `*` only where the output marks originals with it.
@Suite("Summary line")
struct SummaryLineTests {
    @Test func oneOfEachIsSingular() {
        #expect(ScanReport.summary(documents: 1, clusters: 1, copies: 1, marksOriginals: true)
            == "1 document read, 1 cluster, 1 document is a copy (* = likely original)")
    }

    @Test func severalArePlural() {
        #expect(ScanReport.summary(documents: 100_000, clusters: 13_581, copies: 62_992, marksOriginals: true)
            == "100000 documents read, 13581 clusters, 62992 documents are copies (* = likely original)")
    }

    @Test func outputsWithoutMarksGetNoKey() {
        #expect(ScanReport.summary(documents: 36, clusters: 4, copies: 13, marksOriginals: false)
            == "36 documents read, 4 clusters, 13 documents are copies")
    }
}
