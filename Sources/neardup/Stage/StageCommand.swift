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

            A document travels as one line of tab-separated fields: D, POSITION (input order), GROUP (the \
            source whose pages learn furniture together, or -), KEPT (shingles left once furniture is out; \
            0: no part in candidate search), KEYS (band keys, 16 hex digits each, comma-separated; documents \
            sharing one are candidates), ID (as a JSON string) and PAYLOAD (sketch, facts and furniture, \
            base64, passed on untouched). A malformed input line stops a stage with exit 65, naming the line.
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

/// Lines read up to a `B` line: one unit of work for `verify` and `resolve`.
struct StageBlock {
    var documents: [Int: IndexedDocument] = [:]
    /// The other lines' integer fields after the first (`P`: the pair; `E`: the edge and,
    /// last, its overlap's text), with their line numbers.
    var pairs: [(first: Int, second: Int, line: Int)] = []
    var overlaps: [Double] = []

    /// Takes one input line; true when it ends the block. `kind`: the letter of the lines
    /// other than `D` and `B` that the stage reads (`P` or `E`).
    mutating func take(_ line: UnsafeRawBufferPointer, number: Int, kind: UInt8) throws(StageInputError) -> Bool {
        guard let first = line.first else { return false }
        if first == UInt8(ascii: "B") && line.count == 1 { return true }
        if first == UInt8(ascii: "D") {
            let document = try StageDocument(line: line, lineNumber: number).document
            documents[document.position] = document
            return false
        }
        let fields = TabFields(line)
        let expected = kind == UInt8(ascii: "P") ? 3 : 4
        guard first == kind, fields.count == expected, let a = fields.integer(1), let b = fields.integer(2), a < b else {
            throw StageInputError(line: number, message: kind == UInt8(ascii: "P")
                ? "not a pair line (P FIRST SECOND, smaller first)" : "not an edge line (E FIRST SECOND OVERLAP, smaller first)")
        }
        if expected == 4 {
            guard let overlap = Double(fields.text(3)) else { throw StageInputError(line: number, message: "not an overlap: \(fields.text(3))") }
            overlaps.append(overlap)
        }
        pairs.append((a, b, number))
        return false
    }

    /// Throws when a pair names a document the block does not hold.
    func checkPairs() throws(StageInputError) {
        for pair in pairs where documents[pair.first] == nil || documents[pair.second] == nil {
            throw StageInputError(line: pair.line, message: "names a document that is not in its block")
        }
    }

    /// The documents of the block, in position order.
    var sortedDocuments: [IndexedDocument] {
        documents.values.sorted { $0.position < $1.position }
    }
}

extension StageInput {
    /// Calls `body` with each block of standard input (lines up to a `B` line, or to the
    /// end), its pairs checked against its documents. `kind`: the letter of its pair lines.
    static func forEachBlock(kind: UInt8, _ body: (StageBlock) throws -> Void) throws {
        var block = StageBlock()
        try forEachLine { line, number in
            guard try block.take(line, number: number, kind: kind) else { return }
            try block.checkPairs()
            try body(block)
            block = StageBlock()
        }
        try block.checkPairs()
        if !block.documents.isEmpty { try body(block) }
    }
}

