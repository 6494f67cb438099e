import ArgumentParser
import NearDup
import NearDupEval

struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Score a clustering (output of `neardup cluster`) against labelled truth.")

    @Option(help: "Labels file: {\"clusters\": [[id, ...], ...]}; unlisted ids are singletons.")
    var labels: String

    @Argument(help: "Assignments written by `neardup cluster` (JSONL or CSV).")
    var assignments: String

    @Option(help: "Report format: text or json.")
    var format: ReportFormat = .text

    @Option(help: ArgumentHelp(
        "Largest share of the labelled ids that may be absent from the assignments (scored without them).",
        valueName: "share"))
    var maxMissing = 0.05

    @Flag(help: "Score whatever share of the labelled ids is absent (a labels file for a larger corpus).")
    var allowMissing = false

    func validate() throws {
        guard (0...1).contains(maxMissing) else { throw ValidationError("--max-missing must be a share from 0 to 1") }
    }

    func run() throws {
        try ExitStatus.reporting {
            let truth = try LabelSet(contentsOf: labels)
            let table = try AssignmentTable(contentsOf: assignments)
            let assigned = Set(table.ids)
            let unknown = truth.clusters.joined().filter { !assigned.contains($0) }
            let labelled = truth.clusters.reduce(0) { $0 + $1.count }
            let missingShare = labelled == 0 ? 0 : Double(unknown.count) / Double(labelled)
            if !allowMissing && missingShare > maxMissing {
                let examples = unknown.prefix(3).map { $0.debugDescription }.joined(separator: ", ")
                printError("""
                    neardup: \(labels): \(unknown.count) of the \(labelled) labelled ids (\(fixed(missingShare * 100, digits: 1))%) \
                    are not in \(assignments) (for example \(examples)): are these the labels of this corpus? \
                    --allow-missing scores it anyway, --max-missing sets the share allowed (now \(maxMissing))
                    """)
                throw ExitStatus.badInput
            }
            let metrics = ClusteringMetrics(predicted: table.clusters, truth: truth.labels(for: table.ids))
            var sink = OutputFile(path: nil)
            switch format {
            case .json:
                sink.write("""
                    {"documents": \(metrics.documents), "adjusted_rand_index": \(JSONText.number(metrics.adjustedRandIndex)), \
                    "pair_precision": \(JSONText.number(metrics.pairPrecision)), "pair_recall": \(JSONText.number(metrics.pairRecall)), \
                    "pair_f1": \(JSONText.number(metrics.pairF1)), "bcubed_precision": \(JSONText.number(metrics.bCubedPrecision)), \
                    "bcubed_recall": \(JSONText.number(metrics.bCubedRecall)), "bcubed_f1": \(JSONText.number(metrics.bCubedF1)), \
                    "labelled_ids_missing": \(unknown.count)}

                    """)
            case .text:
                let rows: [(String, String)] = [
                    ("documents", "\(metrics.documents)"),
                    ("adjusted Rand index", fixed(metrics.adjustedRandIndex, digits: 4)),
                    ("pair precision", fixed(metrics.pairPrecision, digits: 4)),
                    ("pair recall", fixed(metrics.pairRecall, digits: 4)),
                    ("pair F1", fixed(metrics.pairF1, digits: 4)),
                    ("B-cubed precision", fixed(metrics.bCubedPrecision, digits: 4)),
                    ("B-cubed recall", fixed(metrics.bCubedRecall, digits: 4)),
                    ("B-cubed F1", fixed(metrics.bCubedF1, digits: 4)),
                ]
                for (name, value) in rows { sink.write(name.padding(toLength: 20) + value + "\n") }
                if !unknown.isEmpty {
                    sink.write("note: \(unknown.count) labelled ids are not in the assignments and were not scored\n")
                }
            }
            try sink.finish()
        }
    }
}
