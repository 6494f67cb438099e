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

    @Option(help: "Corpus to write (JSONL; .gz: gzip-compressed; - for standard output).")
    var output: String

    @Option(help: "Ground-truth labels to write (JSON).")
    var labels: String

    @Option(help: "Edit log to write (JSONL, one line per document).")
    var log: String?

    @Option(help: "Base stories: JSONL (or CSV) with id, title, date and text fields, such as Reuters-21578 (default: the bundled \(BundledStories.relativePath)).")
    var base: String?

    @Option(help: "Most reprints of one story.")
    var maxCopies = 50

    @Option(help: "Number of invented outlets.")
    var outlets = 400

    func validate() throws {
        guard documents >= 1 else { throw ValidationError("--documents must be at least 1") }
        if let problem = simulatorConfiguration.validationError() { throw ValidationError(problem) }
        if ([labels] + (log.map { [$0] } ?? [])).contains("-") {
            throw ValidationError("--labels and --log are files: give paths, not - (only --output may be standard output)")
        }
        try OutputSafety.check(
            outputs: [.init(option: "--output", path: output), .init(option: "--labels", path: labels)]
                + (log.map { [.init(option: "--log", path: $0)] } ?? []),
            inputs: base.map { [$0] } ?? [])
    }

    var simulatorConfiguration: SynthConfiguration {
        var configuration = SynthConfiguration(seed: seed)
        configuration.maximumCopies = maxCopies
        configuration.outletCount = outlets
        configuration.baseName = ((base ?? BundledStories.relativePath) as NSString).lastPathComponent
        return configuration
    }

    func run() throws {
        guard let base = base ?? BundledStories.locate() else {
            printError("neardup: synth: \(BundledStories.missingAdvice)")
            throw ExitStatus.cannotOpenInput
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: base, isDirectory: &isDirectory) else {
            printError("neardup: \(base): base stories not found; give --base FILE (JSONL with id, title, date and text fields)")
            throw ExitStatus.cannotOpenInput
        }
        try ExitStatus.reporting {
            let stories = try BaseStory.read(from: base)
            let start = ContinuousClock.now
            let corpus = try StreamingOutput(path: output)
            let edits = try log.map { path throws(OutputError) in try StreamingOutput(path: path) }
            let result: SynthesisResult
            do {
                var line: [UInt8] = []
                line.reserveCapacity(1 << 16)
                result = try ReprintSimulator(configuration: simulatorConfiguration).generate(count: documents, from: stories) { document in
                    line.removeAll(keepingCapacity: true)
                    document.appendCorpusLine(to: &line)
                    try corpus.write(line)
                    if let edits {
                        line.removeAll(keepingCapacity: true)
                        document.appendLogLine(to: &line)
                        try edits.write(line)
                    }
                }
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
            let truth = try StreamingOutput(path: labels)
            try truth.write(result.labelsJSON())
            // The corpus, its labels and its log belong together: all are put in place or none.
            try OutputTransaction.commit([corpus, truth] + (edits.map { [$0] } ?? []))
            let seconds = Self.seconds(ContinuousClock.now - start)
            let megabytes = Double(corpus.bytesWritten) / 1_000_000
            printError("\(result.documents) document\(result.documents == 1 ? "" : "s") written (\(result.stories) stories, \(counted(result.clusters.count, "cluster")) of 2+, "
                + "\(result.digests) digests, \(result.negatives) hard negatives), \(fixed(megabytes, digits: 1)) MB in "
                + "\(fixed(seconds, digits: 2)) s: \(Int(Double(result.documents) / max(seconds, 1e-9))) documents/s, "
                + "\(fixed(megabytes / max(seconds, 1e-9), digits: 1)) MB/s")
            if result.passes > result.passesKeepingParagraphsApart {
                printError("""
                    warning: \(result.documents) documents needed \(result.passes) passes over the base's \(result.baseOriginalStories) stories; \
                    after \(result.passesKeepingParagraphsApart), paragraphs that shared a story meet again in others, so unrelated \
                    stories share text and the labels are less reliable: give a larger --base for this many documents
                    """)
            }
        }
    }

    private static func seconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
