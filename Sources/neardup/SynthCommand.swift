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

    @Option(help: "Corpus to write (JSONL). Optional with --pages-dir.")
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
        "Base stories: JSONL (or CSV) with id, title, date and text fields, such as Reuters-21578, or a directory of text files. Repeat to use several; the stories of one are used up before the next's. (default: Data/reuters/reuters-sample.jsonl)",
        valueName: "base"))
    var base: [String] = []

    private var bases: [String] { base.isEmpty ? ["Data/reuters/reuters-sample.jsonl"] : base }

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
        let targets = [output, labels, log, pagesDir].compactMap { $0 }
        if Set(targets).count != targets.count { throw ValidationError("--output, --labels, --log and --pages-dir must be different paths") }
        if targets.contains("-") { throw ValidationError("synth writes files: give paths, not -") }
    }

    var simulatorConfiguration: SynthConfiguration {
        var configuration = SynthConfiguration(seed: seed)
        configuration.maximumCopies = maxCopies
        configuration.outletCount = outlets
        configuration.agencyCount = agencies
        configuration.baseName = bases.map { ($0 as NSString).lastPathComponent }.joined(separator: ", ")
        if html {
            configuration.format = .html
            configuration.pagePathIds = pagesDir != nil
        }
        return configuration
    }

    func run() throws {
        for base in bases {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: base, isDirectory: &isDirectory) else {
                printError("neardup: \(base): base stories not found; run from the repository root or give --base FILE (JSONL with id, title, date and text fields)")
                throw ExitStatus.cannotOpenInput
            }
        }
        try ExitStatus.reporting {
            var stories: [BaseStory] = []
            for (group, base) in bases.enumerated() { stories += try BaseStory.read(from: base, group: group) }
            let start = ContinuousClock.now
            var corpus = try output.map { try StreamingFile(path: $0) }
            var edits = try log.map { try StreamingFile(path: $0) }
            let pages = try pagesDir.map { try DedupDirectoryOutput(path: $0) }
            var bytesWritten = 0
            let result: SynthesisResult
            do {
                var line: [UInt8] = []
                line.reserveCapacity(1 << 16)
                result = try ReprintSimulator(configuration: simulatorConfiguration).generate(count: documents, from: stories) { document in
                    bytesWritten += document.textBytes.count
                    if corpus != nil {
                        line.removeAll(keepingCapacity: true)
                        document.appendCorpusLine(to: &line)
                        try corpus!.write(line)
                    }
                    try pages?.writeFile(document.textBytes, to: document.id)
                    if edits != nil {
                        line.removeAll(keepingCapacity: true)
                        document.appendLogLine(to: &line)
                        try edits!.write(line)
                    }
                }
                try corpus?.finish()
                try edits?.finish()
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
            try pages?.commit()
            var truth = OutputFile(path: labels)
            truth.write(result.labelsJSON())
            try truth.finish()
            let seconds = Self.seconds(ContinuousClock.now - start)
            let megabytes = Double(corpus?.bytesWritten ?? bytesWritten) / 1_000_000
            let noun = html ? "page" : "document"
            var kinds = "\(result.stories) stories, \(result.clusters.count) clusters of 2+, "
            if html {
                let snapshots = result.documentsByKind.first { $0.0 == SyntheticDocument.Kind.liveBlog.rawValue }?.1 ?? 0
                kinds += "\(result.galleries) galler\(result.galleries == 1 ? "y" : "ies"), \(result.liveBlogs) live blog\(result.liveBlogs == 1 ? "" : "s") "
                    + "in \(snapshots) snapshot\(snapshots == 1 ? "" : "s"), \(result.listings) section front\(result.listings == 1 ? "" : "s"), "
            }
            kinds += "\(result.digests) digests, \(result.negatives) hard negatives"
            printError("\(result.documents) \(noun)\(result.documents == 1 ? "" : "s") written (\(kinds)), \(fixed(megabytes, digits: 1)) MB in "
                + "\(fixed(seconds, digits: 2)) s: \(Int(Double(result.documents) / max(seconds, 1e-9))) \(noun)s/s, "
                + "\(fixed(megabytes / max(seconds, 1e-9), digits: 1)) MB/s")
        }
    }

    private static func seconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
