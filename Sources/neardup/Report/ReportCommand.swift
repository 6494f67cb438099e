import ArgumentParser
import Foundation
import NearDup
import NearDupIO

/// `neardup report`: what `scan` finds, as one HTML page an editor can open from disk.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write an HTML report of every group of copies, for people: originals, timelines, diffs.",
        discussion: """
            Reads and groups documents as scan does (same inputs and options), then writes one \
            self-contained HTML file: no network, no external scripts, fonts or styles, so it opens \
            from disk, offline. It lists the clusters by number of copies (or of distinct outlets), \
            with a search over ids, outlets and headline words and filters by outlet and date. \
            Opening a cluster shows its likely original and why it was chosen, a timeline of the \
            copies when they are dated, how each copy stands to the original (identical, excerpt, \
            copy-edited, expanded, rewrite, bundle) and its diff: paragraphs aligned, dropped and \
            added ones marked, changed words highlighted, a web page's left-out furniture dimmed.

            --output is required; - writes the page to standard output. The summary line goes to \
            standard error, as for scan.
            """)

    @OptionGroup var input: InputOptions
    @OptionGroup var pipeline: PipelineArguments

    @Option(help: "The HTML file to write (- for standard output).")
    var output: String

    @Option(help: "JSONL/CSV field holding each document's web address, linked from the report when it is an http or https address.")
    var urlField = "url"

    func validate() throws {
        try input.requirePaths()
        try OutputSafety.check(outputs: [.init(option: "--output", path: output)], inputs: input.paths)
    }

    func run() throws {
        try ExitStatus.reporting {
            if input.paths.contains("-") {
                // The texts are read a second time: a pipe is kept in a scratch file.
                try StandardInputSpool.spoolIfNeeded(in: FileManager.default.temporaryDirectory.path)
            }
            let run = try ClusteringRun(input: input, pipeline: pipeline, keepsPreviews: true)
            let groups = ReportGroup.groups(of: run.result)
            let texts = try ReportTexts(input: input, documents: run.documents, shown: Set(groups.flatMap(\.shown)), urlField: urlField)
            let data = ReportData(
                documents: run.documents, result: run.result, previews: run.previews, texts: texts, groups: groups,
                dateFormat: input.dateFormat, options: pipeline.options)
            let summary = ScanReport(documents: run.documents, result: run.result).summary(marksOriginals: false)
            let details = try data.details(threads: pipeline.options.threads)
            let page = ReportPage(
                inputs: input.paths, summary: summary, overview: try CompressedBlock.encode(data.overview(paragraphBlockStarts: details.paragraphBlockStarts)),
                details: details)
            var sink = OutputFile(path: output)
            for piece in page.pieces() { sink.write(bytes: piece) }
            try sink.finish()
            for line in InputOptions.skippedReport(run.corpus.summary) { printError(line) }
            for line in run.dateReport { printError(line) }
            printError(summary)
        }
    }
}
