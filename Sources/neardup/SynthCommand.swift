import ArgumentParser
import Foundation
import NearDup
import NearDupIO
import NearDupSynth
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

            --html writes whole web pages instead: many sites, each with its own template (menus, \
            "Most read" lists, newsletter, cookie, weather and alert boxes, share bars, comment \
            policies, footers; some shared by networks of sites), photos with wire captions, \
            galleries, live blogs crawled several times, section fronts; the corpus lines get a \
            "url" and a time-stamped date. --pages-dir DIR also writes each page as a file, \
            DIR/SITE/SECTION/NAME.html; the ids are then those paths, as `neardup scan DIR` names \
            the files.
            """)

    @Option(help: "Number of documents to write.")
    var documents: Int

    @Option(help: "Random seed.")
    var seed: UInt64 = 1

    @Option(help: "Corpus to write (JSONL; .gz: gzip-compressed; - for standard output). Optional with --pages-dir.")
    var output: String?

    @Flag(help: "Write whole HTML pages of many sites, with galleries, live blogs and section fronts.")
    var html = false

    @Option(help: "With --html: also write the pages as files in per-site folders of this new directory; ids are their paths.")
    var pagesDir: String?

    @Option(help: "Ground-truth labels to write (JSON).")
    var labels: String

    @Option(help: "Edit log to write (JSONL, one line per document).")
    var log: String?

    @Option(help: ArgumentHelp(
        "Base stories: JSONL (or CSV) with id, title, date and text fields, such as Reuters-21578, or a directory of text files. Repeat to use several; the stories of one are used up before the next's. (default: the bundled \(BundledStories.relativePath))",
        valueName: "base"))
    var base: [String] = []

    @Option(help: "Most reprints of one story.")
    var maxCopies = 50

    @Option(help: "Number of invented outlets.")
    var outlets = 400

    @Option(help: "Number of invented wire agencies (1-5).")
    var agencies = 5

    func validate() throws {
        guard documents >= 1 else { throw ValidationError("--documents must be at least 1") }
        if let problem = simulatorConfiguration.validationError() { throw ValidationError(problem) }
        if pagesDir != nil, !html { throw ValidationError("--pages-dir writes web pages: add --html") }
        if output == nil, pagesDir == nil { throw ValidationError("give --output (and with --html, or instead, --pages-dir)") }
        if ([labels] + (log.map { [$0] } ?? []) + (pagesDir.map { [$0] } ?? [])).contains("-") {
            throw ValidationError("--labels, --log and --pages-dir are files: give paths, not - (only --output may be standard output)")
        }
        try OutputSafety.check(
            outputs: [.init(option: "--labels", path: labels)]
                + (output.map { [.init(option: "--output", path: $0)] } ?? [])
                + (log.map { [.init(option: "--log", path: $0)] } ?? [])
                + (pagesDir.map { [.init(option: "--pages-dir", path: $0)] } ?? []),
            inputs: base)
    }

    var simulatorConfiguration: SynthConfiguration {
        var configuration = SynthConfiguration(seed: seed)
        configuration.maximumCopies = maxCopies
        configuration.outletCount = outlets
        configuration.agencyCount = agencies
        configuration.baseName = (base.isEmpty ? [BundledStories.relativePath] : base)
            .map { ($0 as NSString).lastPathComponent }.joined(separator: ", ")
        if html {
            configuration.format = .html
            configuration.pagePathIds = pagesDir != nil
        }
        return configuration
    }

    func run() throws {
        var bases = base
        if bases.isEmpty {
            guard let bundled = BundledStories.locate() else {
                printError("neardup: synth: \(BundledStories.missingAdvice)")
                throw ExitStatus.cannotOpenInput
            }
            bases = [bundled]
        }
        for base in bases {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: base, isDirectory: &isDirectory) else {
                printError("neardup: \(base): base stories not found; give --base FILE (JSONL with id, title, date and text fields)")
                throw ExitStatus.cannotOpenInput
            }
        }
        try ExitStatus.reporting {
            var stories: [BaseStory] = []
            for (group, base) in bases.enumerated() { stories += try BaseStory.read(from: base, group: group) }
            let start = ContinuousClock.now
            let corpus = try output.map { path throws(OutputError) in try StreamingOutput(path: path) }
            let edits = try log.map { path throws(OutputError) in try StreamingOutput(path: path) }
            let pages = try pagesDir.map { path throws(OutputError) in try DedupDirectoryOutput(path: path) }
            var bytesWritten = 0
            let result: SynthesisResult
            do {
                var line: [UInt8] = []
                line.reserveCapacity(1 << 16)
                result = try ReprintSimulator(configuration: simulatorConfiguration).generate(count: documents, from: stories) { document in
                    bytesWritten += document.textBytes.count
                    if let corpus {
                        line.removeAll(keepingCapacity: true)
                        document.appendCorpusLine(to: &line)
                        try corpus.write(line)
                    }
                    try pages?.writeFile(document.textBytes, to: document.id)
                    if let edits {
                        line.removeAll(keepingCapacity: true)
                        document.appendLogLine(to: &line)
                        try edits.write(line)
                    }
                }
            } catch let error as ReprintSimulator.SimulationError {
                corpus?.discard()
                edits?.discard()
                printError("neardup: \(bases.joined(separator: ", ")): \(error)")
                throw ExitStatus.badInput
            } catch {
                corpus?.discard()
                edits?.discard()
                throw error
            }
            let truth = try StreamingOutput(path: labels)
            try truth.write(result.labelsJSON())
            // The corpus, its pages, labels and log belong together: all are put in place or none.
            let outputs: [any StagedOutput] = [truth] + (corpus.map { [$0] } ?? []) + (edits.map { [$0] } ?? [])
                + (pages.map { [$0] } ?? [])
            try OutputTransaction.commit(outputs)
            let seconds = Self.seconds(ContinuousClock.now - start)
            let megabytes = Double(corpus?.bytesWritten ?? bytesWritten) / 1_000_000
            let noun = html ? "page" : "document"
            var kinds = "\(result.stories) stories, \(counted(result.clusters.count, "cluster")) of 2+, "
            if html {
                let snapshots = result.documentsByKind.first { $0.0 == SyntheticDocument.Kind.liveBlog.rawValue }?.1 ?? 0
                kinds += "\(result.galleries) galler\(result.galleries == 1 ? "y" : "ies"), \(result.liveBlogs) live blog\(result.liveBlogs == 1 ? "" : "s") "
                    + "in \(snapshots) snapshot\(snapshots == 1 ? "" : "s"), \(result.listings) section front\(result.listings == 1 ? "" : "s"), "
            }
            kinds += "\(result.digests) digests, \(result.negatives) hard negatives"
            printError("\(result.documents) \(noun)\(result.documents == 1 ? "" : "s") written (\(kinds)), \(fixed(megabytes, digits: 1)) MB in "
                + "\(fixed(seconds, digits: 2)) s: \(Int(Double(result.documents) / max(seconds, 1e-9))) \(noun)s/s, "
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
