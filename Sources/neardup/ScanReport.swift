import NearDup

/// Renders `scan` results for people (text) and programs (JSON).
struct ScanReport: Sendable {
    let documents: [Document]
    let result: ClusteringResult
    /// First words of each document, by input position (needed by `text()` and `json()` only).
    var previews: [String] = []
    /// `--date-format`, to give each date as read beside its text (needed by `json()` only).
    var dateFormat: DateFormat? = nil

    /// The report for people, in pieces to write one after another: clusters in fixed chunks
    /// on up to `threads` threads, in order, so the bytes do not depend on the thread count.
    /// The summary goes to standard error (`summary(marksOriginals:)`), as for every command.
    func text(threads: Int = 1) -> [[UInt8]] {
        ParallelChunks(count: result.clusters.count, chunkSize: 2_048, threads: threads).map(clustersText) + [bundlesText()]
    }

    /// Each bundle's copies of stories: its own relation, apart from the clusters.
    private func bundlesText() -> [UInt8] {
        guard !result.bundledCopies.isEmpty else { return [] }
        var lines = ["Bundles (live blogs, running stories) that hold copies of stories, and are no copy of them:"]
        var index = 0
        while index < result.bundledCopies.count {
            let bundle = result.bundledCopies[index].bundle
            lines.append("  \(label(of: bundle))  \(previews[bundle])")
            var named = Set<Int>()
            while index < result.bundledCopies.count && result.bundledCopies[index].bundle == bundle {
                let copy = result.bundledCopies[index]
                let assignment = result.assignments[copy.document]
                if named.insert(assignment.cluster).inserted {
                    lines.append("      holds a copy of \(label(of: assignment.representative)) (cluster \(assignment.cluster))  "
                        + "\(fixed(copy.containment, digits: 2))")
                }
                index += 1
            }
        }
        return Array((lines.joined(separator: "\n") + "\n\n").utf8)
    }

    /// The clusters at `positions`, each followed by a blank line.
    private func clustersText(_ positions: Range<Int>) -> [UInt8] {
        var bytes: [UInt8] = []
        func appendLine(_ line: String) {
            bytes.append(contentsOf: line.utf8)
            bytes.append(0x0A)
        }
        for cluster in result.clusters[positions] {
            let number = result.assignments[cluster.representative].cluster
            appendLine("Cluster \(number): \(cluster.members.count) documents")
            let idWidth = min(48, cluster.members.map { label(of: $0).count }.max() ?? 0)
            for (position, (member, similarity)) in zip(cluster.members, cluster.similarities).enumerated() {
                let marker = position == 0 ? "*" : " "
                let name = label(of: member).padding(toLength: idWidth)
                appendLine("  \(marker) \(name)  \(fixed(similarity, digits: 2))  \(previews[member])")
            }
            appendLine("")
        }
        return bytes
    }

    /// The one summary line every clustering command prints on standard error; the key to
    /// the `*` only when what was printed marks likely originals with it (the text report).
    func summary(marksOriginals: Bool) -> String {
        Self.summary(
            documents: result.statistics.documents, clusters: result.clusters.count, copies: result.copyCount,
            marksOriginals: marksOriginals, noStoryPages: result.statistics.noStoryPages)
    }

    /// The summary line from its counts alone, so its wording can be checked without a run.
    static func summary(documents: Int, clusters: Int, copies: Int, marksOriginals: Bool, noStoryPages: Int = 0) -> String {
        let key = marksOriginals ? " (* = likely original)" : ""
        let noStory = noStoryPages > 0
            ? "; \(counted(noStoryPages, "page")) \(noStoryPages == 1 ? "has" : "have") no story text" : ""
        return "\(counted(documents, "document")) read, \(counted(clusters, "cluster")), "
            + "\(counted(copies, "document")) \(copies == 1 ? "is a copy" : "are copies")\(key)\(noStory)"
    }

    private func label(of member: Int) -> String {
        let document = documents[member]
        if let source = document.source, !source.isEmpty { return "\(document.id) [\(source)]" }
        return document.id
    }

    /// The report as JSON, in pieces to write one after another. Members are written piece
    /// by piece (a string per member was most of the time a million-document report took) and
    /// clusters in fixed chunks on up to `threads` threads, in order: the bytes do not depend
    /// on the thread count, and the pieces are never joined into one copy.
    func json(threads: Int = 1) -> [[UInt8]] {
        let statistics = result.statistics
        let summary = """

              ],
              "summary": {"documents": \(statistics.documents), "clusters": \(result.clusters.count), \
            "copies": \(result.copyCount), "empty_documents": \(statistics.emptyDocuments), \
            "no_story_pages": \(statistics.noStoryPages), "bundles": \(statistics.bundles), \
            "bundled_copies": \(result.bundledCopies.count), \
            "candidate_pairs": \(statistics.candidatePairs), "copy_edges": \(statistics.copyEdges), \
            "longest_band_run": \(statistics.longestBandRun), \
            "furniture_paragraphs": \(statistics.furniture.paragraphs), "furniture_documents": \(statistics.furniture.documents), \
            "bands": \(statistics.bandLayout.bands), "rows": \(statistics.bandLayout.rows)}
            }

            """
        return [Array("{\n  \"clusters\": [\n".utf8)]
            + ParallelChunks(count: result.clusters.count, chunkSize: 2_048, threads: threads).map(clustersJSON)
            + [bundlesJSON(), Array(summary.utf8)]
    }

    /// `"bundled_copies"`: each bundle that holds a copy of a document, with the document's
    /// cluster (by its representative) and the share of the document found in the bundle.
    private func bundlesJSON() -> [UInt8] {
        var bytes = Array("\n  ],\n  \"bundled_copies\": [".utf8)
        for (index, copy) in result.bundledCopies.enumerated() {
            let assignment = result.assignments[copy.document]
            bytes.append(contentsOf: Array((index == 0 ? "\n    " : ",\n    ").utf8) + Array("{\"bundle\": ".utf8))
            JSONText.appendQuoted(documents[copy.bundle].id, to: &bytes)
            bytes.append(contentsOf: Array(", \"document\": ".utf8))
            JSONText.appendQuoted(documents[copy.document].id, to: &bytes)
            bytes.append(contentsOf: Array(", \"cluster\": \(assignment.cluster), \"representative\": ".utf8))
            JSONText.appendQuoted(documents[assignment.representative].id, to: &bytes)
            bytes.append(contentsOf: Array(", \"containment\": ".utf8))
            JSONText.appendNumber(copy.containment, to: &bytes)
            bytes.append(0x7D)
        }
        return bytes
    }

    /// The clusters at `positions`, each but the first of the report after a comma.
    private func clustersJSON(_ positions: Range<Int>) -> [UInt8] {
        var bytes: [UInt8] = []
        func append(_ text: String) { bytes.append(contentsOf: text.utf8) }
        func appendQuoted(_ text: String?) {
            guard let text else { return append("null") }
            JSONText.appendQuoted(text, to: &bytes)
        }
        for index in positions {
            let cluster = result.clusters[index]
            if index > 0 { append(",\n") }
            append("    {\"cluster\": \(result.assignments[cluster.representative].cluster), \"size\": \(cluster.members.count), ")
            append("\"representative\": ")
            appendQuoted(documents[cluster.representative].id)
            append(",\n     \"members\": [\n      ")
            for (position, (member, similarity)) in zip(cluster.members, cluster.similarities).enumerated() {
                let document = documents[member]
                if position > 0 { append(",\n      ") }
                append("{\"id\": ")
                appendQuoted(document.id)
                append(", \"source\": ")
                appendQuoted(document.source)
                append(", \"date\": ")
                appendQuoted(document.date)
                append(", \"date_utc\": ")
                appendQuoted(document.date.flatMap { PublicationDate($0, format: dateFormat) }?.iso8601)
                append(", \"similarity\": ")
                JSONText.appendNumber(similarity, to: &bytes)
                append(", \"first_words\": ")
                appendQuoted(previews[member])
                append("}")
            }
            append("]}")
        }
        return bytes
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
