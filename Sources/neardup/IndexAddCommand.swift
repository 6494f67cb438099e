import ArgumentParser
import NearDup
import NearDupIO
import NearDupArchive

struct IndexAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add documents to an index, creating it when missing, and report the clusters they joined.")

    @OptionGroup var location: IndexLocation
    @OptionGroup var input: InputOptions
    @OptionGroup var pipeline: PipelineArguments

    @Flag(help: "Replace a document whose id the index holds with a different text (else that is an error).")
    var replace = false

    @Option(help: "Also write one JSONL line per added document that joined a cluster of two or more.")
    var output: String?

    func validate() throws {
        try input.requirePaths()
        // The index is read and written too: an output inside it is refused like one inside an input.
        try OutputSafety.check(outputs: output.map { [.init(option: "--output", path: $0)] } ?? [], inputs: input.paths + [location.index])
    }

    func run() throws {
        try ExitStatus.reporting {
            let index = try location.open(pipeline: pipeline, dateFormat: input.dateFormat, creating: true)
            let progress = input.progressMeter()
            var corpus: Corpus?
            let report = try index.add(replacing: replace) { push in
                corpus = try input.readCorpus(progress: progress) { document in
                    try push(document)
                    var kept = document
                    kept.text = ""
                    return kept
                }
            }
            progress.finish()
            if let corpus { for line in InputOptions.skippedReport(corpus.summary) { printError(line) } }
            let numbers = try index.clusterNumbers(of: Set(report.joined.map(\.representative)))
            if let output {
                var sink = OutputFile(path: output)
                for member in report.joined {
                    var line: [UInt8] = []
                    line.append(contentsOf: "{\"id\": ".utf8)
                    JSONText.appendQuoted(member.id, to: &line)
                    line.append(contentsOf: ", \"cluster\": \(numbers[member.representative] ?? -1), \"representative\": ".utf8)
                    JSONText.appendQuoted(member.representative, to: &line)
                    line.append(contentsOf: ", \"similarity\": ".utf8)
                    JSONText.appendNumber(member.similarity, to: &line)
                    line.append(contentsOf: ", \"cluster_size\": \(member.clusterSize)}\n".utf8)
                    sink.write(bytes: line)
                }
                try sink.finish()
            }
            for line in Self.summary(report, numbers: numbers) { printError(line) }
        }
    }

    /// "N new documents" with what was skipped, then a line for each of the first
    /// `shownClusters` clusters the new documents joined or made, and the count of all.
    static func summary(_ report: NearDupIndex.AddReport, numbers: [String: Int], shownClusters: Int = 10) -> [String] {
        var first = "\(counted(report.added, "new document"))"
        if report.repeated > 0 { first += ", \(report.repeated) already indexed with the same text (skipped)" }
        if report.replaced > 0 { first += ", \(report.replaced) replaced" }
        var lines = [first]
        var joinedOf: [String: [NearDupIndex.Membership]] = [:]
        for member in report.joined { joinedOf[member.representative, default: []].append(member) }
        // The clusters that took most new documents first; a large add names the first few.
        let clusters = joinedOf.keys.sorted {
            (-joinedOf[$0]!.count, numbers[$0] ?? 0, $0) < (-joinedOf[$1]!.count, numbers[$1] ?? 0, $1)
        }
        var newClusters = 0
        for (place, representative) in clusters.enumerated() {
            let members = joinedOf[representative]!
            let isNew = members.count == members[0].clusterSize
            if isNew { newClusters += 1 }
            guard place < shownClusters else { continue }
            let number = numbers[representative].map { "cluster \($0)" } ?? "a cluster"
            if isNew {
                lines.append("new \(number) of \(members.count) (\(representative))")
            } else {
                let copies = members.count == 1 ? "1 new copy" : "\(members.count) new copies"
                lines.append("\(copies) of \(number) (\(representative)), now \(counted(members[0].clusterSize, "document"))")
            }
        }
        if clusters.count > shownClusters {
            lines.append("... and \(counted(clusters.count - shownClusters, "more cluster")) (--output lists every document that joined one)")
        }
        if !clusters.isEmpty {
            lines.append("\(counted(report.joined.count, "new document")) in \(counted(clusters.count, "cluster")), \(newClusters) of them new")
        }
        return lines
    }
}
