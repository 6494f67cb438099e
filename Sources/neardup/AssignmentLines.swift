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
        var writer = AssignmentLineWriter(format: format, reservingLines: positions.count)
        for position in positions {
            let assignment = assignments[position]
            // The ids alone: copying whole documents retained and released each of their fields.
            writer.append(
                id: documents[position].id, cluster: assignment.cluster,
                representative: documents[assignment.representative].id, similarity: assignment.similarity)
        }
        return writer.take()
    }
}
