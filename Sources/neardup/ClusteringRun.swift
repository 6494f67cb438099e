import Foundation
import NearDup
import NearDupIO

/// What `scan`, `cluster` and `dedup` share: read the inputs and run the pipeline, with
/// progress on a terminal.
///
/// Documents are sketched as they are read and their texts let go: `documents` keep their
/// ids, fields and places in the input, with empty texts. A report that shows text asks
/// for `previews` (each document's first words), taken while the text is at hand. A page's
/// preview and, when the input gives none, its date are those of its story, which the
/// sketching stage reads.
/// Shingles wait for verification in memory while all of them fit a fixed budget, otherwise
/// in a scratch file in the temporary folder (`TMPDIR`).
struct ClusteringRun {
    private(set) var corpus: Corpus
    let result: ClusteringResult
    /// First words of each document, by input position; empty unless asked for.
    let previews: [String]
    /// Bytes of each document's text, by input position (the documents keep none).
    let textBytes: [Int]
    /// `--date-field`, for the date report.
    let dateField: String?

    init(input: InputOptions, pipeline: PipelineArguments, keepsPreviews: Bool = false) throws {
        if let note = pipeline.shingleDefaultsNote { printError(note) }
        let progress = input.progressMeter()
        let timings = input.timings ? StageTimings(firstStage: "reading and sketching") : nil
        var options = pipeline.options
        options.dateFormat = input.dateFormat
        var session = try ClusteringSession(
            pipeline: ClusteringPipeline(options: options, onStage: { stage in
                progress.stage(stage)
                timings?.begin(stage)
            }),
            scratchDirectory: FileManager.default.temporaryDirectory.path)
        var previews: [String] = []
        var textBytes: [Int] = []
        corpus = try input.readCorpus(progress: progress) { document in
            try session.add(document)
            if keepsPreviews { previews.append(DocumentPreview.firstWords(of: document)) }
            textBytes.append(document.utf8Text.count)
            var kept = document
            kept.text = ""
            return kept
        }
        result = try session.finish()
        for page in result.pages {
            if keepsPreviews { previews[page.document] = page.firstWords }
            if corpus.documents[page.document].date == nil { corpus.documents[page.document].date = page.published }
        }
        self.previews = previews
        self.textBytes = textBytes
        dateField = input.dateField
        progress.finish()
        if let timings {
            printError(timings.summary(
                setsInMemoryBytes: session.setsInMemoryBytes, scratchFileBytes: session.scratchFileBytes,
                furniture: result.statistics.furniture))
        }
    }

    var documents: [Document] { corpus.documents }

    /// What standard error says of the dates: how many documents had none (when dates were
    /// asked for or found), and the dates that could not be read with the first few of them;
    /// nothing when every document has a readable date, or none was asked for.
    static func dateReport(_ dates: DateSummary, dateField: String?) -> [String] {
        var lines: [String] = []
        let unreadable = dates.unreadable
        if dates.undated > 0 && (dateField != nil || dates.dated + unreadable.count > 0) {
            let field = dateField.map { " in field \"\($0)\"" } ?? ""
            lines.append("\(counted(dates.undated, "document")) \(dates.undated == 1 ? "has" : "have") no date\(field)")
        }
        if !unreadable.isEmpty {
            let shown = unreadable.examples.count < unreadable.count ? " (the first \(unreadable.examples.count) follow)" : ""
            let counts = unreadable.count == 1 ? "counts" : "count"
            lines.append("\(counted(unreadable.count, "date")) cannot be read and \(counts) as undated\(shown)")
            lines += unreadable.examples.map(\.description)
        }
        return lines
    }

    var dateReport: [String] { Self.dateReport(result.dates, dateField: dateField) }
}
