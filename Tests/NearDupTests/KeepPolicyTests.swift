@testable import NearDup
import Testing

/// The copy each policy keeps, and how ties and undecided clusters fall.
@Suite struct KeepPolicyTests {
    /// Positions 4 (the representative), 1, 7 and 9.
    static let cluster = ClusteringResult.Cluster(members: [4, 1, 7, 9], similarities: [1, 0.9, 0.9, 0.9])

    static func candidates(_ facts: [Int: (day: Int?, bytes: Int, source: String?)]) -> (Int) -> KeepPolicy.Candidate {
        { member in
            let fact = facts[member]!
            return KeepPolicy.Candidate(
                date: fact.day.map { PublicationDate(secondsSince1970: Int64($0) * 86_400, nanoseconds: 0) },
                textBytes: fact.bytes, source: fact.source)
        }
    }

    @Test func eachPolicyKeepsItsCopy() {
        let facts = Self.candidates([4: (2, 900, "Wire"), 1: (1, 800, "Gazette"), 7: (5, 1_200, "Planet"), 9: (nil, 700, nil)])
        #expect(KeepPolicy.original.kept(in: Self.cluster, candidate: facts) == 4)
        #expect(KeepPolicy.earliest.kept(in: Self.cluster, candidate: facts) == 1)
        #expect(KeepPolicy.latest.kept(in: Self.cluster, candidate: facts) == 7)
        #expect(KeepPolicy.longest.kept(in: Self.cluster, candidate: facts) == 7)
        #expect(KeepPolicy.sources(["planet", "Gazette"]).kept(in: Self.cluster, candidate: facts) == 7)
        #expect(KeepPolicy.sources(["Nobody", "gazette"]).kept(in: Self.cluster, candidate: facts) == 1)
    }

    @Test func tiesGoToTheRepresentativeThenToInputOrder() {
        let facts = Self.candidates([4: (3, 900, "Wire"), 1: (3, 900, "Wire"), 7: (1, 500, "Wire"), 9: (1, 500, "Wire")])
        #expect(KeepPolicy.latest.kept(in: Self.cluster, candidate: facts) == 4)
        #expect(KeepPolicy.longest.kept(in: Self.cluster, candidate: facts) == 4)
        #expect(KeepPolicy.sources(["wire"]).kept(in: Self.cluster, candidate: facts) == 4)
        #expect(KeepPolicy.earliest.kept(in: Self.cluster, candidate: facts) == 7)
    }

    @Test func aClusterThePolicyCannotDecideKeepsItsRepresentative() {
        let facts = Self.candidates([4: (nil, 900, nil), 1: (nil, 800, nil), 7: (nil, 700, nil), 9: (nil, 600, nil)])
        #expect(KeepPolicy.earliest.kept(in: Self.cluster, candidate: facts) == 4)
        #expect(KeepPolicy.latest.kept(in: Self.cluster, candidate: facts) == 4)
        #expect(KeepPolicy.sources(["Wire"]).kept(in: Self.cluster, candidate: facts) == 4)
    }

    @Test func policiesAreReadAsTheyAreWritten() {
        for text in ["original", "earliest", "latest", "longest", "source:Wire,Daily Planet"] {
            #expect(KeepPolicy(argument: text)?.description == text)
        }
        #expect(KeepPolicy(argument: "source: Wire , Gazette") == .sources(["Wire", "Gazette"]))
        for text in ["", "newest", "source:", "source: , "] { #expect(KeepPolicy(argument: text) == nil) }
    }
}
