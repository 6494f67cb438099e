import NearDup
import Testing

/// Why a cluster's representative is its likely original, as the pipeline's rule decides.
@Suite struct OriginalReasonTests {
    static let early = PublicationDate("2018-07-28T09:00:00Z")
    static let late = PublicationDate("2018-07-28T11:30:00Z")

    @Test func theEarliestDateWins() {
        let reason = OriginalReason(original: Self.early, others: [Self.late, nil])
        #expect(reason == .earliestDate(undated: 1))
        #expect(reason.label == "earliest date")
        #expect(reason.explanation == "It has the earliest publication date of the cluster (1 copy has no date).")
    }

    @Test func aTieOnTheDateGoesToTheMostComplete() {
        #expect(OriginalReason(original: Self.early, others: [Self.early, Self.late]) == .earliestDateTied(tiedWith: 1, then: .longest))
        let three = OriginalReason(original: Self.early, others: [Self.early, Self.early])
        #expect(three == .earliestDateTied(tiedWith: 2, then: .holdsMostText))
        #expect(three.explanation == "It shares the earliest publication date with 2 other copies; of those, it holds most of the others' text.")
    }

    @Test func withoutDatesTheLongerOfTwoOrTheFullestOfMore() {
        #expect(OriginalReason(original: nil, others: [nil]) == .mostComplete(.longest))
        #expect(OriginalReason(original: nil, others: [nil]).label == "longest")
        let many = OriginalReason(original: nil, others: [nil, nil, nil])
        #expect(many == .mostComplete(.holdsMostText))
        #expect(many.label == "holds most of the others' text")
    }

    @Test func datesThatContradictTheChoiceAreSaid() {
        #expect(OriginalReason(original: Self.late, others: [Self.early, nil]) == .datesDisagree(datedEarlier: 1))
        #expect(OriginalReason(original: nil, others: [Self.early]) == .datesDisagree(datedEarlier: 1))
        #expect(OriginalReason(original: Self.late, others: [Self.early]).explanation.contains("1 copy is dated before it"))
    }
}
