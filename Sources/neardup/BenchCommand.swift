import ArgumentParser
import Foundation
import NearDup
import NearDupIO

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure the throughput of every stage on a corpus.",
        discussion: """
            Without --input, a news-like corpus of --megabytes is built from the real Reuters \
            stories in Data/reuters/reuters-sample.jsonl. Each stage runs once to warm up, then \
            --repetitions times; the median is reported. Per-stage rows run on one thread; \
            end-to-end (read + whole pipeline) uses --threads. The html stage times HTML pages \
            to story text (MB/s of HTML): the input's pages, or as many MB of pages built from \
            the corpus in three site templates.
            """)

    @Option(help: "Corpus to measure on (any input NearDup reads).")
    var input: String?

    @Option(help: "Size of the generated corpus when --input is not given.")
    var megabytes = 20.0

    @Option(help: "Real stories the generated corpus is built from (default: the bundled \(BundledStories.relativePath)).")
    var base: String?

    @Option(help: "Timed repetitions per stage (after one warm-up).")
    var repetitions = 5

    @Option(help: "Report format: text or json.")
    var format: ReportFormat = .text

    @OptionGroup var pipeline: PipelineArguments

    func validate() throws {
        guard repetitions >= 1 else { throw ValidationError("--repetitions must be at least 1") }
        guard megabytes > 0 else { throw ValidationError("--megabytes must be positive") }
    }

    func run() throws {
        try ExitStatus.reporting {
            let reader = CorpusReader()
            let path: String
            let documents: [Document]
            var temporary: String?
            let origin: String
            if let input {
                origin = input
                path = input
                documents = try reader.readDocuments(from: [input])
            } else {
                guard let base = base ?? BundledStories.locate() else {
                    printError("neardup: bench: \(BundledStories.missingAdvice), or --input CORPUS")
                    throw ExitStatus.cannotOpenInput
                }
                origin = "generated from \(base)"
                let stories = try reader.readDocuments(from: [base])
                documents = BenchCorpus.make(from: stories, megabytes: megabytes)
                path = NSTemporaryDirectory() + "neardup-bench-\(ProcessInfo.processInfo.processIdentifier).jsonl"
                var file = OutputFile(path: path)
                for document in documents {
                    file.write("{\"id\": \(JSONText.quoted(document.id)), \"text\": \(JSONText.quoted(document.text))}\n")
                }
                try file.finish()
                temporary = path
            }
            defer { if let temporary { try? FileManager.default.removeItem(atPath: temporary) } }
            let benchmark = ThroughputBenchmark(options: pipeline.options, repetitions: repetitions)
            let inputPages = documents.filter { HTMLDetection.isPage($0.utf8Text) }
            let pages = inputPages.isEmpty
                ? BenchPages.make(from: documents, bytes: documents.reduce(0) { $0 + $1.utf8Text.count })
                : inputPages
            let results = try benchmark.run(documents: documents, pages: pages) { body in
                try reader.forEachDocument(in: path, body)
            }
            let megabytesRead = Double(documents.reduce(0) { $0 + $1.utf8Text.count }) / 1_000_000
            var sink = OutputFile(path: nil)
            switch format {
            case .json:
                let rows = results.map { row in
                    "    {\"stage\": \(JSONText.quoted(row.stage)), \"variant\": \(JSONText.quoted(row.variant)), "
                        + "\"seconds\": \(fixed(row.seconds, digits: 6)), \"docs_per_s\": \(fixed(row.documentsPerSecond, digits: 1)), "
                        + "\"mb_per_s\": \(fixed(row.megabytesPerSecond, digits: 2)), \"items_per_s\": \(fixed(row.itemsPerSecond, digits: 1))}"
                }
                sink.write("""
                    {
                      "corpus": {"documents": \(documents.count), "megabytes": \(fixed(megabytesRead, digits: 2)), \
                    "source": \(JSONText.quoted(origin))},
                      "threads": \(pipeline.options.threads), "repetitions": \(repetitions),
                      "results": [
                    \(rows.joined(separator: ",\n"))
                      ]
                    }

                    """)
            case .text:
                sink.write("corpus: \(documents.count) documents, \(fixed(megabytesRead, digits: 1)) MB (\(origin)); median of \(repetitions)\n")
                sink.write("stage".padding(toLength: 17) + "variant".padding(toLength: 18) + "seconds".leftPadded(10)
                    + "docs/s".leftPadded(12) + "MB/s".leftPadded(10) + "items/s".leftPadded(14) + "\n")
                for row in results {
                    sink.write(row.stage.padding(toLength: 17) + row.variant.padding(toLength: 18)
                        + fixed(row.seconds, digits: 4).leftPadded(10) + fixed(row.documentsPerSecond, digits: 0).leftPadded(12)
                        + fixed(row.megabytesPerSecond, digits: 1).leftPadded(10) + fixed(row.itemsPerSecond, digits: 0).leftPadded(14) + "\n")
                }
            }
            try sink.finish()
        }
    }
}

extension String {
    func leftPadded(_ length: Int) -> String {
        count >= length ? self : String(repeating: " ", count: length - count) + self
    }
}
