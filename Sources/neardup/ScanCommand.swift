import ArgumentParser
import NearDup

struct ScanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Report every group of copies: representative first, then each copy with its similarity.")

    @OptionGroup var input: InputOptions
    @OptionGroup var pipeline: PipelineArguments

    @Option(help: "Report format: text or json.")
    var format: ReportFormat = .text

    @Option(help: "Write the report to this file (.gz: gzip-compressed) instead of standard output (-).")
    var output: String?

    func validate() throws {
        try input.requirePaths()
        try OutputSafety.check(outputs: output.map { [.init(option: "--output", path: $0)] } ?? [], inputs: input.paths)
    }

    func run() throws {
        try ExitStatus.reporting {
            let run = try ClusteringRun(input: input, pipeline: pipeline, keepsPreviews: true)
            let report = ScanReport(
                documents: run.documents, result: run.result, previews: run.previews, dateFormat: input.dateFormat)
            var sink = OutputFile(path: output)
            switch format {
            case .json: for piece in report.json(threads: pipeline.options.threads) { sink.write(bytes: piece) }
            case .text: for piece in report.text(threads: pipeline.options.threads) { sink.write(bytes: piece) }
            }
            try sink.finish()
            // What was skipped comes last, where it is seen.
            for line in InputOptions.skippedReport(run.corpus.summary) { printError(line) }
            for line in run.dateReport { printError(line) }
            printError(report.summary(marksOriginals: format == .text))
        }
    }
}
