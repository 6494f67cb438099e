import Foundation

/// Which copy of each cluster `dedup` keeps. The likely original suits an archive; an editor
/// may rather keep the latest correction, the longest version, or the copy of their own outlet.
package enum KeepPolicy: Sendable, Equatable {
    /// The cluster's representative: the likely original.
    case original
    /// The copy with the earliest date.
    case earliest
    /// The copy with the latest date (a correction or a write-through).
    case latest
    /// The copy with the most text.
    case longest
    /// The copy of the first of these sources (in the order given) that has one.
    case sources([String])

    /// Reads `original`, `earliest`, `latest`, `longest` or `source:NAME[,NAME...]`.
    package init?(argument: String) {
        switch argument {
        case "original": self = .original
        case "earliest": self = .earliest
        case "latest": self = .latest
        case "longest": self = .longest
        default:
            guard argument.hasPrefix("source:") else { return nil }
            let names = argument.dropFirst("source:".count).split(separator: ",").map {
                String($0).trimmingCharacters(in: .whitespaces)
            }.filter { !$0.isEmpty }
            guard !names.isEmpty else { return nil }
            self = .sources(names)
        }
    }

    /// What choosing a copy reads of a document.
    package struct Candidate: Sendable {
        package var date: PublicationDate?
        package var textBytes: Int
        /// The source field, or for a file read from a folder tree, its first folder.
        package var source: String?

        package init(date: PublicationDate?, textBytes: Int, source: String?) {
            self.date = date
            self.textBytes = textBytes
            self.source = source
        }
    }

    /// The member of `cluster` to keep. Where the policy cannot tell (no member dated, no
    /// member of the sources named), or several members tie, the representative is kept if
    /// it is among them, else the first in input order.
    package func kept(in cluster: ClusteringResult.Cluster, candidate: (Int) -> Candidate) -> Int {
        let members = cluster.members
        let best: [Int]
        switch self {
        case .original:
            return cluster.representative
        case .earliest, .latest:
            let dated = members.compactMap { member in candidate(member).date.map { (member, $0) } }
            guard let chosen = self == .earliest ? dated.map(\.1).min() : dated.map(\.1).max() else {
                return cluster.representative
            }
            best = dated.filter { $0.1 == chosen }.map(\.0)
        case .longest:
            let longest = members.map { candidate($0).textBytes }.max() ?? 0
            best = members.filter { candidate($0).textBytes == longest }
        case .sources(let names):
            let sources = members.map { candidate($0).source?.lowercased() }
            guard let name = names.first(where: { name in sources.contains(name.lowercased()) }) else {
                return cluster.representative
            }
            best = zip(members, sources).filter { $0.1 == name.lowercased() }.map(\.0)
        }
        return best.contains(cluster.representative) ? cluster.representative : best.min() ?? cluster.representative
    }
}

extension KeepPolicy: CustomStringConvertible {
    package var description: String {
        switch self {
        case .original: "original"
        case .earliest: "earliest"
        case .latest: "latest"
        case .longest: "longest"
        case .sources(let names): "source:" + names.joined(separator: ",")
        }
    }
}
