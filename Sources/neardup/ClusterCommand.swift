import ArgumentParser
import Foundation
import NearDup

struct ClusterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cluster",
        abstract: "Assign every document a cluster number, its representative and its similarity to it.")

    @OptionGroup var input: InputOptions
    @OptionGroup var pipeline: PipelineArguments

    @Option(help: "Output format: jsonl or csv.")
    var format: AssignmentFormat = .jsonl

    @Option(help: "Write assignments to this file instead of standard output.")
    var output: String?

    func run() throws {
        try ExitStatus.reporting {
            let run = try ClusteringRun(input: input, pipeline: pipeline)
            let (documents, result) = (run.documents, run.result)
            var sink = OutputFile(path: output)
            if format == .csv { sink.write("id,cluster,representative,similarity\n") }
            for (document, assignment) in zip(documents, result.assignments) {
                let representative = documents[assignment.representative].id
                let similarity = JSONText.number(assignment.similarity)
                switch format {
                case .jsonl:
                    // Piece by piece into the output buffer: a line string per document was most
                    // of the time this loop took.
                    sink.write("{\"id\": ")
                    sink.writeJSONQuoted(document.id)
                    sink.write(", \"cluster\": ")
                    sink.write(String(assignment.cluster))
                    sink.write(", \"representative\": ")
                    sink.writeJSONQuoted(representative)
                    sink.write(", \"similarity\": ")
                    sink.write(similarity)
                    sink.write("}\n")
                case .csv:
                    sink.write("\(CSVText.field(document.id)),\(assignment.cluster),\(CSVText.field(representative)),\(similarity)\n")
                }
            }
            try sink.finish()
            // What was skipped comes last, where it is seen.
            for line in InputOptions.skippedReport(run.corpus.summary) { printError(line) }
            if output != nil { printError(ScanReport(documents: documents, result: result).summary) }
        }
    }
}

enum CSVText {
    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
