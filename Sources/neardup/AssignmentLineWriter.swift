/// Formats `cluster` records (id, cluster, representative, similarity) into a byte buffer,
/// piece by piece: a line string per document was most of the time writing them took.
struct AssignmentLineWriter {
    let format: AssignmentFormat
    private(set) var bytes: [UInt8] = []

    init(format: AssignmentFormat, reservingLines lines: Int = 0) {
        self.format = format
        bytes.reserveCapacity(lines * 96)
    }

    mutating func append(id: String, cluster: Int, representative: String, similarity: Double) {
        switch format {
        case .jsonl:
            bytes.append(contentsOf: "{\"id\": ".utf8)
            JSONText.appendQuoted(id, to: &bytes)
            bytes.append(contentsOf: ", \"cluster\": ".utf8)
            appendDecimal(cluster, to: &bytes)
            bytes.append(contentsOf: ", \"representative\": ".utf8)
            JSONText.appendQuoted(representative, to: &bytes)
            bytes.append(contentsOf: ", \"similarity\": ".utf8)
            JSONText.appendNumber(similarity, to: &bytes)
            bytes.append(contentsOf: "}\n".utf8)
        case .csv:
            let line = "\(CSVText.field(id)),\(cluster),\(CSVText.field(representative)),\(JSONText.number(similarity))\n"
            bytes.append(contentsOf: line.utf8)
        }
    }

    /// The lines so far; the buffer is empty afterwards.
    mutating func take() -> [UInt8] {
        defer { bytes.removeAll(keepingCapacity: true) }
        return bytes
    }
}
