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

    @Option(help: "Write assignments to this file (.gz: gzip-compressed) instead of standard output (-).")
    var output: String?

    func validate() throws {
        try input.requirePaths()
        try OutputSafety.check(outputs: output.map { [.init(option: "--output", path: $0)] } ?? [], inputs: input.paths)
    }

    func run() throws {
        try ExitStatus.reporting {
            let run = try ClusteringRun(input: input, pipeline: pipeline)
            let (documents, result) = (run.documents, run.result)
            var sink = OutputFile(path: output)
            if format == .csv { sink.write("id,cluster,representative,similarity\n") }
            let lines = AssignmentLines(documents: documents, assignments: result.assignments, format: format)
            for chunk in lines.chunks(threads: pipeline.options.threads) { sink.write(bytes: chunk) }
            try sink.finish()
            // What was skipped comes last, where it is seen.
            for line in InputOptions.skippedReport(run.corpus.summary) { printError(line) }
            for line in run.dateReport { printError(line) }
            printError(ScanReport(documents: documents, result: result).summary(marksOriginals: false))
        }
    }
}

enum CSVText {
    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
