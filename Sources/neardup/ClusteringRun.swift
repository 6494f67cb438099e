import Foundation
import NearDup

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

    init(input: InputOptions, pipeline: PipelineArguments, keepsPreviews: Bool = false) throws {
        let progress = input.progressMeter()
        let timings = input.timings ? StageTimings(firstStage: "reading and sketching") : nil
        var session = try ClusteringSession(
            pipeline: ClusteringPipeline(options: pipeline.options, onStage: { stage in
                progress.stage(stage)
                timings?.begin(stage)
            }),
            scratchDirectory: FileManager.default.temporaryDirectory.path)
        var previews: [String] = []
        corpus = try input.readCorpus(progress: progress) { document in
            try session.add(document)
            if keepsPreviews { previews.append(DocumentPreview.firstWords(of: document)) }
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
        progress.finish()
        if let timings {
            printError(timings.summary(setsInMemoryBytes: session.setsInMemoryBytes, scratchFileBytes: session.scratchFileBytes))
        }
    }

    var documents: [Document] { corpus.documents }
}
