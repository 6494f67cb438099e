import ArgumentParser
import Foundation
import NearDup
#if canImport(Glibc)
import Glibc
#endif

struct SynthCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "synth",
        abstract: "Write a labelled corpus of simulated reprints built from real stories.",
        discussion: """
            Builds stories from the base's real text, has invented outlets reprint them 0-50 times \
            (new headlines, bylines, datelines, site headers and footers, related-article lines, \
            captions, excerpts, dropped, added and reordered paragraphs, copy edits, write-thrus, \
            OCR noise), and adds digest pages and hard negatives (different stories on the same \
            event sharing names and quotations). --output gets one JSON object a line (id, source, \
            date, text) in a shuffled order; --labels the ground truth \
            {"clusters": [[id, ...], ...], "generator": {...}} (ids not listed are singletons); \
            --log a line per document naming its story, its original and the edits applied. \
            The same arguments give byte-identical files. Each file is written under a temporary \
            name and renamed into place when complete.
            """)

    @Option(help: "Number of documents to write.")
    var documents: Int

    @Option(help: "Random seed.")
    var seed: UInt64 = 1

    @Option(help: "Corpus to write (JSONL).")
    var output: String

    @Option(help: "Ground-truth labels to write (JSON).")
    var labels: String

    @Option(help: "Edit log to write (JSONL, one line per document).")
    var log: String?

    @Option(help: "Base stories: JSONL (or CSV) with id, title, date and text fields, such as Reuters-21578.")
    var base = "Data/reuters/reuters-sample.jsonl"

    @Option(help: "Most reprints of one story.")
    var maxCopies = 50

    @Option(help: "Number of invented outlets.")
    var outlets = 400

    func validate() throws {
        guard documents >= 1 else { throw ValidationError("--documents must be at least 1") }
        if let problem = simulatorConfiguration.validationError() { throw ValidationError(problem) }
        let targets = [output, labels] + (log.map { [$0] } ?? [])
        if Set(targets).count != targets.count { throw ValidationError("--output, --labels and --log must be different files") }
        if targets.contains("-") { throw ValidationError("synth writes files: give paths, not -") }
    }

    var simulatorConfiguration: SynthConfiguration {
        var configuration = SynthConfiguration(seed: seed)
        configuration.maximumCopies = maxCopies
        configuration.outletCount = outlets
        configuration.baseName = (base as NSString).lastPathComponent
        return configuration
    }

    func run() throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: base, isDirectory: &isDirectory) else {
            printError("neardup: \(base): base stories not found; run from the repository root or give --base FILE (JSONL with id, title, date and text fields)")
            throw ExitStatus.cannotOpenInput
        }
        try ExitStatus.reporting {
            let stories = try BaseStory.read(from: base)
            let start = ContinuousClock.now
            var corpus = try StreamingFile(path: output)
            var edits = try log.map { try StreamingFile(path: $0) }
            let result: SynthesisResult
            do {
                var line: [UInt8] = []
                line.reserveCapacity(1 << 16)
                result = try ReprintSimulator(configuration: simulatorConfiguration).generate(count: documents, from: stories) { document in
                    line.removeAll(keepingCapacity: true)
                    document.appendCorpusLine(to: &line)
                    try corpus.write(line)
                    if edits != nil {
                        line.removeAll(keepingCapacity: true)
                        document.appendLogLine(to: &line)
                        try edits!.write(line)
                    }
                }
                try corpus.finish()
                try edits?.finish()
            } catch let error as ReprintSimulator.SimulationError {
                corpus.discard()
                edits?.discard()
                printError("neardup: \(base): \(error)")
                throw ExitStatus.badInput
            } catch {
                corpus.discard()
                edits?.discard()
                throw error
            }
            var truth = OutputFile(path: labels)
            truth.write(result.labelsJSON())
            try truth.finish()
            let seconds = Self.seconds(ContinuousClock.now - start)
            let megabytes = Double(corpus.bytesWritten) / 1_000_000
            printError("\(result.documents) document\(result.documents == 1 ? "" : "s") written (\(result.stories) stories, \(result.clusters.count) clusters of 2+, "
                + "\(result.digests) digests, \(result.negatives) hard negatives), \(fixed(megabytes, digits: 1)) MB in "
                + "\(fixed(seconds, digits: 2)) s: \(Int(Double(result.documents) / max(seconds, 1e-9))) documents/s, "
                + "\(fixed(megabytes / max(seconds, 1e-9), digits: 1)) MB/s")
        }
    }

    private static func seconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
