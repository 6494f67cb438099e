import NearDup

/// One story as the report lists it: a cluster (its representative first), or a document that
/// is in no cluster but that bundles hold a copy of; with the bundles that hold it.
struct ReportGroup: Sendable {
    /// The cluster number `scan` and `cluster` give it.
    var number: Int
    /// Input positions, the likely original first.
    var members: [Int]
    /// Each member's overlap with the original (1 for the original).
    var similarities: [Double]
    /// Bundles holding a copy of one of the members, with the share of its text they hold.
    var bundles: [(bundle: Int, containment: Double)] = []

    /// The clusters in their order, then the documents only bundles copy, in input order.
    static func groups(of result: ClusteringResult) -> [ReportGroup] {
        var groups = result.clusters.map { cluster in
            ReportGroup(number: result.assignments[cluster.representative].cluster, members: cluster.members,
                        similarities: cluster.similarities)
        }
        var groupOfCluster: [Int: Int] = [:]
        for (index, group) in groups.enumerated() { groupOfCluster[group.number] = index }
        for copy in result.bundledCopies {
            let assignment = result.assignments[copy.document]
            let index: Int
            if let known = groupOfCluster[assignment.cluster] {
                index = known
            } else {
                index = groups.count
                groupOfCluster[assignment.cluster] = index
                groups.append(ReportGroup(number: assignment.cluster, members: [assignment.representative], similarities: [1]))
            }
            // A story's copies in one bundle may be named more than once: the bundle is listed once.
            if let listed = groups[index].bundles.firstIndex(where: { $0.bundle == copy.bundle }) {
                groups[index].bundles[listed].containment = max(groups[index].bundles[listed].containment, copy.containment)
            } else {
                groups[index].bundles.append((copy.bundle, copy.containment))
            }
        }
        return groups
    }

    /// Input positions of every document the group shows.
    var shown: [Int] { members + bundles.map(\.bundle) }
}
