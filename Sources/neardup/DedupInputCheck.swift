import NearDup
import NearDupIO

/// Inputs whose records `dedup` cannot copy into its output as they are, found after
/// reading and before anything is written.
///
/// A `.json` file that holds one JSON document (an object, or an array of objects over
/// several lines) has records that are no JSON Lines, and a `.json` file inside a
/// directory input holds records where the output copies whole files.
enum DedupInputCheck {
    static func recordsCanBeCopied(_ documents: [Document], _ summary: ReadSummary) throws {
        for input in summary.inputs where input.format == .jsonLines && input.jsonDocuments > 0 {
            throw InputError("""
                dedup copies JSON Lines records line by line, and this file holds one JSON document \
                (an object or an array); convert it to JSON Lines first (for an array: jq -c '.[]')
                """, at: SourceLocation(file: input.path, line: 0))
        }
        var position = 0
        for input in summary.inputs {
            defer { position += input.documents }
            guard input.format == .directory else { continue }
            if let record = documents[position..<(position + input.documents)].first(where: { $0.recordRange != nil }) {
                throw InputError("""
                    dedup copies the files of a directory input, and this file holds JSON records; \
                    give it as an input of its own, or move it out of the folder
                    """, at: SourceLocation(file: record.origin.file, line: 0))
            }
        }
    }
}
