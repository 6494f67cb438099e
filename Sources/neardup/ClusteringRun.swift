import NearDup

/// What `scan`, `cluster` and `dedup` share: read the inputs and run the pipeline, with
/// progress on a terminal.
struct ClusteringRun {
    let corpus: Corpus
    let result: ClusteringResult

    init(input: InputOptions, pipeline: PipelineArguments) throws {
        let progress = input.progressMeter()
        corpus = try input.readCorpus(progress: progress)
        result = ClusteringPipeline(options: pipeline.options, onStage: progress.stage).run(corpus.documents)
        progress.finish()
    }

    var documents: [Document] { corpus.documents }
}
