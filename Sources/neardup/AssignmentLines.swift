import NearDup

/// The `cluster` command's lines, one per document in input order. A million lines took 1.7
/// seconds on one thread, at the end of a run when nothing else is left to do, so chunks of
/// them are formatted on several threads and joined in order: the bytes do not depend on the
/// thread count.
struct AssignmentLines: Sendable {
    let documents: [Document]
    let assignments: [ClusteringResult.Assignment]
    let format: AssignmentFormat

    /// The lines, chunk by chunk in input order.
    func chunks(threads: Int) -> [[UInt8]] {
        ParallelChunks(count: documents.count, chunkSize: 16_384, threads: threads).map(lines)
    }

    private func lines(_ positions: Range<Int>) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(positions.count * 96)
        for position in positions {
            let assignment = assignments[position]
            // The ids alone: copying whole documents retained and released each of their fields.
            let (id, representative) = (documents[position].id, documents[assignment.representative].id)
            switch format {
            case .jsonl:
                // Piece by piece: a line string per document was most of the time this took.
                bytes.append(contentsOf: "{\"id\": ".utf8)
                JSONText.appendQuoted(id, to: &bytes)
                bytes.append(contentsOf: ", \"cluster\": ".utf8)
                appendDecimal(assignment.cluster, to: &bytes)
                bytes.append(contentsOf: ", \"representative\": ".utf8)
                JSONText.appendQuoted(representative, to: &bytes)
                bytes.append(contentsOf: ", \"similarity\": ".utf8)
                JSONText.appendNumber(assignment.similarity, to: &bytes)
                bytes.append(contentsOf: "}\n".utf8)
            case .csv:
                let similarity = JSONText.number(assignment.similarity)
                let line = "\(CSVText.field(id)),\(assignment.cluster),\(CSVText.field(representative)),\(similarity)\n"
                bytes.append(contentsOf: line.utf8)
            }
        }
        return bytes
    }
}
