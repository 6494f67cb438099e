import NearDup

/// Renders `scan` results for people (text) and programs (JSON).
struct ScanReport {
    let documents: [Document]
    let result: ClusteringResult
    /// First words of each document, by input position (needed by `text()` and `json()` only).
    var previews: [String] = []

    func text() -> String {
        var lines: [String] = []
        for cluster in result.clusters {
            let number = result.assignments[cluster.representative].cluster
            lines.append("Cluster \(number): \(cluster.members.count) documents")
            let idWidth = min(48, cluster.members.map { label(of: $0).count }.max() ?? 0)
            for (position, (member, similarity)) in zip(cluster.members, cluster.similarities).enumerated() {
                let marker = position == 0 ? "*" : " "
                let name = label(of: member).padding(toLength: idWidth)
                lines.append("  \(marker) \(name)  \(fixed(similarity, digits: 2))  \(previews[member])")
            }
            lines.append("")
        }
        lines.append(summary)
        return lines.joined(separator: "\n") + "\n"
    }

    var summary: String {
        let skipped = result.statistics.skippedBandRuns > 0
            ? ", \(result.statistics.skippedBandRuns) boilerplate band runs skipped" : ""
        return "\(counted(result.statistics.documents, "document")) read, \(counted(result.clusters.count, "cluster")), "
            + "\(counted(result.copyCount, "document")) \(result.copyCount == 1 ? "is a copy" : "are copies") (* = likely original)\(skipped)"
    }

    private func label(of member: Int) -> String {
        let document = documents[member]
        if let source = document.source, !source.isEmpty { return "\(document.id) [\(source)]" }
        return document.id
    }

    func json() -> String {
        var clusterTexts: [String] = []
        for cluster in result.clusters {
            let number = result.assignments[cluster.representative].cluster
            let members = zip(cluster.members, cluster.similarities).map { member, similarity in
                let document = documents[member]
                return "{\"id\": \(JSONText.quoted(document.id)), \"source\": \(JSONText.quoted(document.source)), "
                    + "\"date\": \(JSONText.quoted(document.date)), \"similarity\": \(JSONText.number(similarity)), "
                    + "\"first_words\": \(JSONText.quoted(previews[member]))}"
            }
            clusterTexts.append(
                "    {\"cluster\": \(number), \"size\": \(cluster.members.count), "
                    + "\"representative\": \(JSONText.quoted(documents[cluster.representative].id)),\n"
                    + "     \"members\": [\n      " + members.joined(separator: ",\n      ") + "]}")
        }
        let statistics = result.statistics
        return """
            {
              "clusters": [
            \(clusterTexts.joined(separator: ",\n"))
              ],
              "summary": {"documents": \(statistics.documents), "clusters": \(result.clusters.count), \
            "copies": \(result.copyCount), "empty_documents": \(statistics.emptyDocuments), \
            "candidate_pairs": \(statistics.candidatePairs), "copy_edges": \(statistics.copyEdges), \
            "skipped_band_runs": \(statistics.skippedBandRuns), \
            "bands": \(statistics.bandLayout.bands), "rows": \(statistics.bandLayout.rows)}
            }

            """
    }
}

func counted(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
}

extension String {
    func padding(toLength length: Int) -> String {
        count >= length ? self : self + String(repeating: " ", count: length - count)
    }
}
