import ArgumentParser
import NearDup
import NearDupIO

/// Where documents come from, which fields hold what, and what to do with bad records.
struct InputOptions: ParsableArguments {
    @Argument(help: """
        Inputs: directories (each .txt, .md, .html, .htm file a document, each .json file records, \
        other files counted as skipped; with several directories, ids start with the folder's name), .jsonl/.ndjson files, .json files \
        (JSON Lines, one object, or an array of objects), .csv files, single .txt/.md/.html/.htm files, \
        or - for standard input (see --input-format). Gzip data is decompressed, whatever the name.
        """)
    var paths: [String] = []

    @Option(help: "JSON member or CSV column holding the document id.")
    var idField = "id"

    @Option(help: "JSON member or CSV column holding the text.")
    var textField = "text"

    @Option(help: "Field naming the publisher or source (default: 'source' or 'publisher' when present).")
    var sourceField: String?

    @Option(help: """
        Field holding the publication date; the earliest copy then represents its cluster. Read: ISO 8601 \
        (2018-07-15, 2018-07-15T07:54:28-04:00), RFC 2822 (Sun, 15 Jul 2018 07:54:28 -0400), \
        26-FEB-1987 15:01:01.79, Unix seconds; a time without a zone is UTC.
        """)
    var dateField: String?

    @Option(help: """
        strptime pattern for dates of another spelling, tried first (e.g. '%d/%m/%Y %H:%M'): \
        %Y %y %m %b %B %d %e %H %I %p %M %S %f %a %z %Z %s %T %F %R %%.
        """, transform: { pattern in try DateFormat(pattern) })
    var dateFormat: DateFormat?

    @Flag(help: """
        Skip records that cannot be read (bad JSON, missing or mistyped id or text, wrong field count, \
        bytes not valid in the encoding, a file that is not text), count them and show the first \(SkippedRecords.defaultExampleLimit), \
        instead of stopping at the first.
        """)
    var skipInvalid = false

    @Flag(help: "Skip documents whose id an earlier document already has, and count them, instead of stopping with an error.")
    var dedupeIds = false

    @Option(help: ArgumentHelp("""
        The encoding of text without a byte-order mark: \(TextEncoding.acceptedNames). \
        A byte-order mark always wins, so UTF-16 files with one are read without this.
        """, valueName: "name"))
    var encoding: TextEncoding = .utf8

    @Option(name: .customLong("invalid-utf8"), help: ArgumentHelp("""
        Bytes not valid in the encoding: error (the record is invalid) or replace (each becomes U+FFFD, \
        and standard error says how many in how many documents). Lossy: use replace knowingly.
        """, valueName: "error|replace"))
    var invalidBytes: InvalidTextPolicy = .error

    @Option(help: ArgumentHelp("How standard input (-) is read: jsonl or csv. Gzip data is recognised by itself.", valueName: "jsonl|csv"))
    var inputFormat: StandardInputFormat?

    @Flag(help: "No progress on standard error (shown only when it is a terminal).")
    var quiet = false

    @Flag(help: "At the end, print how long each stage took and the peak memory on standard error.")
    var timings = false

    func validate() throws {
        if inputFormat != nil && !paths.contains("-") {
            throw ValidationError("--input-format says how standard input is read: give - as an input, or leave the option out (files are known by their names)")
        }
    }

    /// For the commands that read nothing else: an input must be given.
    func requirePaths() throws {
        guard !paths.isEmpty else { throw ValidationError("give at least one input path") }
    }

    var fields: FieldSelection {
        FieldSelection(id: idField, text: textField, source: sourceField, date: dateField)
    }

    var reader: CorpusReader {
        CorpusReader(fields: fields, invalidRecords: skipInvalid ? .skip : .stop, duplicateIDs: dedupeIds ? .skip : .reject,
                     decoding: TextDecoding(encoding: encoding, invalidBytes: invalidBytes),
                     standardInputFormat: (inputFormat ?? .jsonl).format)
    }

    /// The documents of every input, with the summary of what was skipped. Each document
    /// passes through `keeping` on its way in, which may let its text go.
    /// `urlField`: a field of web addresses to read as well (`Document.url`).
    func readCorpus(
        progress: ProgressMeter? = nil, urlField: String? = nil, keeping: (Document) throws -> Document = { $0 }
    ) throws -> Corpus {
        var reader = self.reader
        reader.fields.url = urlField
        var summary = ReadSummary(exampleLimit: reader.exampleLimit)
        var documents: [Document] = []
        var bytes = 0
        do {
            try reader.forEachDocument(in: paths, summary: &summary) { document in
                documents.append(try keeping(document))
                bytes += document.recordRange?.count ?? document.utf8Text.count
                progress?.reading(documents: documents.count, bytes: bytes)
            }
        } catch {
            progress?.finish()  // the error message gets a line of its own
            throw error
        }
        return Corpus(documents: documents, summary: summary)
    }

    func progressMeter() -> ProgressMeter {
        ProgressMeter(quiet: quiet, paths: paths)
    }

    /// The documents of every input; what was skipped is reported on standard error.
    func readDocuments() throws -> [Document] {
        let corpus = try readCorpus()
        for line in Self.skippedReport(corpus.summary) { printError(line) }
        return corpus.documents
    }

    /// `skipped N invalid records` and the first few `FILE:LINE: reason` lines, then the
    /// same for duplicate ids; then the files of directory inputs that were not read, by
    /// kind, and the bytes replaced with U+FFFD; nothing when nothing was skipped or changed.
    static func skippedReport(_ summary: ReadSummary) -> [String] {
        var lines: [String] = []
        for (skipped, what) in [(summary.invalidRecords, "invalid"), (summary.duplicateIDs, "duplicate-id")] where !skipped.isEmpty {
            let shown = skipped.examples.count < skipped.count ? " (the first \(skipped.examples.count) follow)" : ""
            lines.append("skipped \(skipped.count) \(what) \(skipped.count == 1 ? "record" : "records")\(shown)")
            lines += skipped.examples.map(\.description)
        }
        if !summary.skippedFiles.isEmpty {
            let total = summary.skippedFiles.values.reduce(0, +)
            // Most common first; files without an extension last.
            let kinds = summary.skippedFiles.sorted { ($1.value, $0.key.isEmpty ? 1 : 0, $0.key) < ($0.value, $1.key.isEmpty ? 1 : 0, $1.key) }
                .map { "\($0.value) \($0.key.isEmpty ? "without an extension" : $0.key)" }
            lines.append("skipped \(total) \(total == 1 ? "file that is not a document" : "files that are not documents"): \(kinds.joined(separator: ", "))")
        }
        let replaced = summary.replacedText
        if replaced.documents > 0, let first = replaced.first {
            lines.append("""
                replaced \(replaced.bytes) invalid \(replaced.bytes == 1 ? "byte" : "bytes") with U+FFFD in \
                \(replaced.documents) \(replaced.documents == 1 ? "document" : "documents") (the first at \(first))
                """)
        }
        return lines
    }
}

/// The formats standard input can be read in (`--input-format`).
enum StandardInputFormat: String, ExpressibleByArgument, CaseIterable {
    case jsonl, csv

    var format: InputFormat { self == .jsonl ? .jsonLines : .csv }
}

extension TextEncoding: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(name: argument)
    }

    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

extension InvalidTextPolicy: ExpressibleByArgument {}
