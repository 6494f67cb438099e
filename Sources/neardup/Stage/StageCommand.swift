import ArgumentParser
import NearDup
import NearDupIO

struct StageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stage",
        abstract: "The stages of a distributed run (Spark), each reading lines on standard input and writing lines.",
        discussion: """
            sketch → furniture (per source) → verify (per candidate star) → resolve (per component). Each stage \
            runs what `cluster` runs over the documents it is given, so a driver that joins their lines as \
            Integrations/spark does gets the clusters `cluster` gives. Every stage takes the same options; \
            the detection options must be the same for all of them.
            """,
        subcommands: [SketchStageCommand.self, FurnitureStageCommand.self, VerifyStageCommand.self, ResolveStageCommand.self])
}

/// What every stage takes: the record fields (read by `sketch` only) and the detection options.
struct StageArguments: ParsableArguments {
    @Option(help: "JSON member holding the document id.")
    var idField = "id"

    @Option(help: "JSON member holding the text.")
    var textField = "text"

    @Option(help: "Field naming the publisher or source (default: 'source' or 'publisher' when present).")
    var sourceField: String?

    @Option(help: "Field holding the publication date (as `cluster --date-field`).")
    var dateField: String?

    @Option(help: "strptime pattern for dates of another spelling (as `cluster --date-format`).",
            transform: { pattern in try DateFormat(pattern) })
    var dateFormat: DateFormat?

    @Flag(help: "Write an X line for each record that cannot be read, instead of stopping at the first.")
    var skipInvalid = false

    @Option(name: .customLong("invalid-utf8"), help: ArgumentHelp("Bytes not valid UTF-8: error or replace.", valueName: "error|replace"))
    var invalidBytes: InvalidTextPolicy = .error

    @OptionGroup var pipeline: PipelineArguments

    var fields: FieldSelection {
        FieldSelection(id: idField, text: textField, source: sourceField, date: dateField)
    }

    /// A stage is one task of many on a worker: one thread unless `--threads` says otherwise.
    var options: NearDupOptions {
        var options = pipeline.options
        options.dateFormat = dateFormat
        if pipeline.threads == nil { options.threads = 1 }
        return options
    }
}

/// Standard input's lines, numbered from 1, and standard output in large writes.
struct StageStreams {
    private var output = OutputFile(path: nil)
    private var pending: [UInt8] = []

    /// Calls `body` with each line of standard input, without its line feed.
    func forEachInputLine(_ body: (Substring, Int) throws -> Void) throws {
        var number = 0
        while let line = readLine(strippingNewline: true) {
            number += 1
            try body(line[...], number)
        }
    }

    mutating func write(_ line: String) {
        pending.append(contentsOf: line.utf8)
        pending.append(0x0A)
        if pending.count >= 1 << 20 { flush() }
    }

    private mutating func flush() {
        output.write(bytes: pending)
        pending.removeAll(keepingCapacity: true)
    }

    mutating func finish() throws {
        flush()
        try output.finish()
    }
}

/// Lines read up to a `B` line: one unit of work for `verify` and `resolve`.
struct StageBlock {
    var documents: [Int: IndexedDocument] = [:]
    /// The other lines, split into fields.
    var lines: [[Substring]] = []

    /// Takes one input line; true when it ends the block.
    mutating func take(_ line: Substring, number: Int) throws -> Bool {
        if line == "B" { return true }
        if line.hasPrefix("D\t") {
            let document = try StageDocument(line: line, lineNumber: number).document
            documents[document.position] = document
        } else if !line.isEmpty {
            lines.append(line.split(separator: "\t", omittingEmptySubsequences: false))
        }
        return false
    }

    /// The documents of the block, in position order.
    var sortedDocuments: [IndexedDocument] {
        documents.values.sorted { $0.position < $1.position }
    }
}
