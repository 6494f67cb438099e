/// Why a cluster's representative is taken for its likely original, in the words an editor
/// reads: the same rule `ClusteringPipeline.likelyOriginal` applies, worked out again from
/// the members' dates and the cluster's size, so that a report can say it without the
/// pipeline's internals.
///
/// The rule: the earliest date wins when any member is dated (undated members never win
/// over dated ones); a tie on the earliest date, or a cluster with no date at all, goes to
/// the most complete member: of two, the longer; of three or more, the one that holds most
/// of the others' text.
public enum OriginalReason: Sendable, Equatable {
    /// How the most complete member was told apart from the others.
    public enum Completeness: Sendable, Equatable {
        /// Of three or more contenders: the one holding most of the others' text.
        case holdsMostText
        /// Of two contenders: the longer.
        case longest
    }

    /// Dated before every other member; `undated` members have no date to compare.
    case earliestDate(undated: Int)
    /// Dated earliest together with `tiedWith` other members, then the most complete of them.
    case earliestDateTied(tiedWith: Int, then: Completeness)
    /// No member is dated.
    case mostComplete(Completeness)
    /// Some member is dated before the representative, or the representative is undated
    /// while others are not: the dates as given contradict the rule (a date changed, or the
    /// clustering chose otherwise), which the report must not hide.
    case datesDisagree(datedEarlier: Int)

    /// `original`: the representative's date; `others`: the other members' dates.
    public init(original: PublicationDate?, others: [PublicationDate?]) {
        let datedOthers = others.compactMap { $0 }
        guard let original else {
            self = datedOthers.isEmpty ? .mostComplete(Self.completeness(contenders: others.count + 1)) : .datesDisagree(datedEarlier: datedOthers.count)
            return
        }
        let earlier = datedOthers.count { $0 < original }
        if earlier > 0 {
            self = .datesDisagree(datedEarlier: earlier)
            return
        }
        let tied = datedOthers.count { $0 == original }
        self = tied == 0
            ? .earliestDate(undated: others.count - datedOthers.count)
            : .earliestDateTied(tiedWith: tied, then: Self.completeness(contenders: tied + 1))
    }

    private static func completeness(contenders: Int) -> Completeness {
        contenders <= 2 ? .longest : .holdsMostText
    }

    /// A short label: "earliest date", "holds most of the others' text", "longest".
    public var label: String {
        switch self {
        case .earliestDate, .earliestDateTied: "earliest date"
        case .mostComplete(.holdsMostText): "holds most of the others' text"
        case .mostComplete(.longest): "longest"
        case .datesDisagree: "dates disagree"
        }
    }

    /// The reason as a sentence.
    public var explanation: String {
        switch self {
        case .earliestDate(let undated):
            let note = undated == 0 ? "" : " (\(undated) \(undated == 1 ? "copy has" : "copies have") no date)"
            return "It has the earliest publication date of the cluster\(note)."
        case .earliestDateTied(let tied, let then):
            let others = tied == 1 ? "one other copy" : "\(tied) other copies"
            return "It shares the earliest publication date with \(others); of those, \(Self.words(then))."
        case .mostComplete(let then):
            return "No copy is dated, so the most complete was chosen: \(Self.words(then))."
        case .datesDisagree(let earlier):
            let copies = earlier == 1 ? "1 copy is" : "\(earlier) copies are"
            return "Chosen by its text, although \(copies) dated before it: check the dates."
        }
    }

    private static func words(_ completeness: Completeness) -> String {
        switch completeness {
        case .holdsMostText: "it holds most of the others' text"
        case .longest: "it is the longer text"
        }
    }
}
