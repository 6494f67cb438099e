import ArgumentParser
import Foundation
import NearDup
import NearDupArchive

struct IndexQueryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Look documents up in an index without adding them: one JSONL line each, with the documents it is a copy of.",
        discussion: """
            Each line: {"id", "joins", "matches": [{"id", "cluster", "similarity", "relation"}, ...]}, best match \
            first. "cluster" names a match's cluster by its representative (the likely original); "joins" is the \
            cluster the document would join if it were added (null when none); "relation" is copy, \
            bundle-holds-query (the match is a live blog or digest holding the text) or query-holds-document.
            """)

    @OptionGroup var location: IndexLocation
    @OptionGroup var input: InputOptions

    @Option(help: "Look this text up (its id in the output is \"query\").")
    var text: String?

    @Option(help: "Write the lines to this file instead of standard output (-).")
    var output: String?

    func validate() throws {
        guard text != nil || !input.paths.isEmpty else { throw ValidationError("give documents to look up (paths, or - for standard input) or --text") }
        // The index is read and written too: an output inside it is refused like one inside an input.
        try OutputSafety.check(outputs: output.map { [.init(option: "--output", path: $0)] } ?? [], inputs: input.paths + [location.index])
    }

    func run() throws {
        try ExitStatus.reporting {
            let index = try location.open()
            var documents: [Document] = []
            if let text { documents.append(Document(id: "query", text: text, origin: .init(file: "--text", line: 0), recordRange: 0..<0)) }
            if !input.paths.isEmpty {
                let corpus = try input.readCorpus()
                for line in InputOptions.skippedReport(corpus.summary) { printError(line) }
                documents += corpus.documents
            }
            var sink = OutputFile(path: output)
            // In slices, so memory holds a slice's sketches whatever the number of documents;
            // timed, one document at a time, as a single lookup would be.
            // `--timings`: documents are looked up one at a time, and the median and 99th
            // percentile time per document go to standard error.
            let timings = input.timings
            let sliceSize = timings ? 1 : 1_024
            var durations: [Duration] = []
            let clock = ContinuousClock()
            for start in stride(from: 0, to: documents.count, by: sliceSize) {
                let slice = Array(documents[start..<min(documents.count, start + sliceSize)])
                let began = clock.now
                let answers = try index.query(slice)
                durations.append(clock.now - began)
                for (document, matches) in zip(slice, answers) {
                    sink.write(bytes: Self.line(id: document.id, matches: matches))
                }
            }
            try sink.finish()
            if timings && !durations.isEmpty {
                let sorted = durations.sorted()
                let milliseconds = { (duration: Duration) in String(format: "%.2f", Double(duration.components.attoseconds) / 1e15 + Double(duration.components.seconds) * 1e3) }
                printError("""
                    \(counted(sorted.count, "document")) looked up: median \(milliseconds(sorted[sorted.count / 2])) ms, \
                    99th percentile \(milliseconds(sorted[min(sorted.count - 1, sorted.count * 99 / 100)])) ms, \
                    slowest \(milliseconds(sorted[sorted.count - 1])) ms
                    """)
            }
        }
    }

    static func line(id: String, matches: [NearDupIndex.Match]) -> [UInt8] {
        var line: [UInt8] = []
        line.append(contentsOf: "{\"id\": ".utf8)
        JSONText.appendQuoted(id, to: &line)
        line.append(contentsOf: ", \"joins\": ".utf8)
        if let joined = matches.first(where: { $0.relation == .copy }) {
            JSONText.appendQuoted(joined.representative, to: &line)
        } else {
            line.append(contentsOf: "null".utf8)
        }
        line.append(contentsOf: ", \"matches\": [".utf8)
        for (place, match) in matches.enumerated() {
            if place > 0 { line.append(contentsOf: ", ".utf8) }
            line.append(contentsOf: "{\"id\": ".utf8)
            JSONText.appendQuoted(match.id, to: &line)
            line.append(contentsOf: ", \"cluster\": ".utf8)
            JSONText.appendQuoted(match.representative, to: &line)
            line.append(contentsOf: ", \"similarity\": ".utf8)
            JSONText.appendNumber(match.similarity, to: &line)
            line.append(contentsOf: ", \"relation\": \"\(match.relation.rawValue)\"}".utf8)
        }
        line.append(contentsOf: "]}\n".utf8)
        return line
    }
}
