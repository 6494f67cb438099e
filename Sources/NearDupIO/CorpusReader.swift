import Foundation
import NearDup

/// The one entry point for reading inputs: picks the reader from each path and yields
/// `Document`s in a deterministic order.
///
/// Reading is streamed through `forEachDocument` so that a pipeline can sketch each
/// document and let its text go; `read(from:)` collects a run's documents with a summary
/// of what was skipped, and `readDocuments` is for small corpora and tests.
///
/// A run over several inputs applies `invalidRecords` and `duplicateIDs`; the
/// single-input calls read one input as it is and leave bad records to the caller.
package struct CorpusReader: Sendable {
    /// Which JSONL members or CSV columns hold the id, text, source and date.
    package var fields: FieldSelection
    /// Whether a record that cannot be read stops a run or is skipped and counted.
    package var invalidRecords: InvalidRecordPolicy
    /// What a run does with a document whose id an earlier document already has.
    package var duplicateIDs: DuplicateIDPolicy
    /// How many skipped records of each kind a `ReadSummary` keeps as examples.
    package var exampleLimit: Int
    /// The encoding of inputs without a byte-order mark, and what becomes of invalid bytes.
    package var decoding: TextDecoding
    /// How standard input ("-") is read: `.jsonLines` or `.csv`.
    package var standardInputFormat: InputFormat

    package init(fields: FieldSelection = .init(), invalidRecords: InvalidRecordPolicy = .stop,
                duplicateIDs: DuplicateIDPolicy = .allow, exampleLimit: Int = SkippedRecords.defaultExampleLimit,
                decoding: TextDecoding = .init(), standardInputFormat: InputFormat = .jsonLines) {
        precondition(standardInputFormat == .jsonLines || standardInputFormat == .csv, "standard input is JSONL or CSV")
        self.fields = fields
        self.invalidRecords = invalidRecords
        self.duplicateIDs = duplicateIDs
        self.exampleLimit = exampleLimit
        self.decoding = decoding
        self.standardInputFormat = standardInputFormat
    }

    // MARK: One input

    /// Calls `body` with each document of `path` in input order: "-" is standard input (in
    /// `standardInputFormat`), a directory is read as a tree of text files, else the
    /// extension decides (see `InputFormat`; gzip data is decompressed). The first bad
    /// record stops the reading with an `InputError`.
    package func forEachDocument(in path: String, _ body: (Document) throws -> Void) throws {
        try forEachDocument(in: path, onInvalid: { throw $0 }, body)
    }

    /// Calls `body` with each document of `path` in input order, and `onInvalid` with the
    /// error of each record that cannot be read, which is then skipped (`onInvalid` may
    /// throw to stop). Failures that are not one record's fault are thrown.
    package func forEachDocument(in path: String, onInvalid: (InputError) throws -> Void,
                                _ body: (Document) throws -> Void) throws {
        try forEachDocument(in: path, format: try format(of: path), idPrefix: "", onInvalid: onInvalid, onNotice: { _ in }, body)
    }

    /// How `path` is read.
    package func format(of path: String) throws(InputError) -> InputFormat {
        try InputFormat(path: path, standardInput: standardInputFormat)
    }

    private func forEachDocument(in path: String, format: InputFormat, idPrefix: String, onInvalid: (InputError) throws -> Void,
                                 onNotice: (ReadNotice) throws -> Void, _ body: (Document) throws -> Void) throws {
        switch format {
        case .jsonLines:
            try JSONLReader(fields: fields, decoding: decoding).forEachDocument(in: path, onInvalid: onInvalid, onNotice: onNotice, body)
        case .csv:
            try CSVReader(fields: fields, decoding: decoding).forEachDocument(in: path, onInvalid: onInvalid, onNotice: onNotice, body)
        case .directory:
            try DirectoryReader(fields: fields, decoding: decoding)
                .forEachDocument(in: path, idPrefix: idPrefix, onInvalid: onInvalid, onNotice: onNotice, body)
        case .textFile:
            switch try DirectoryReader(decoding: decoding).load(at: path, id: (path as NSString).lastPathComponent) {
            case .success(let (document, replacedBytes)):
                if replacedBytes > 0 { try onNotice(.replacedBytes(count: replacedBytes, at: document.origin)) }
                try body(document)
            case .failure(let error):
                try onInvalid(error)
            }
        }
    }

    // MARK: A run over several inputs

    /// Calls `body` with each document of `paths`, in the order given and, within each, in
    /// input order, applying `invalidRecords` and `duplicateIDs` across all of them.
    /// `summary` gains one entry per input and counts what was skipped or changed; it is
    /// complete when this returns, and holds what was read so far when it throws.
    ///
    /// When a run has several directory inputs, the ids of their files start with the
    /// folder's name (`siteA/story.txt`), or as much of its path as tells it from the others
    /// (`2019/news/story.txt`, `2020/news/story.txt`), so that the same file name in two
    /// folders makes two documents. With one directory, ids are the relative paths.
    package func forEachDocument(in paths: [String], summary: inout ReadSummary,
                                _ body: (Document) throws -> Void) throws {
        var firstPlace: [String: SourceLocation] = [:]
        let formats = try paths.map { path throws(InputError) in try format(of: path) }
        let directories = zip(paths, formats).filter { $0.1 == .directory }.map(\.0)
        var idPrefixes: [String: String] = [:]
        if directories.count > 1 {
            for (path, name) in zip(directories, DirectoryNames.distinguishing(directories)) {
                idPrefixes[path] = name + "/"
            }
        }
        for (path, format) in zip(paths, formats) {
            summary.inputs.append(.init(path: path, format: format, compression: InputCompression(path: path)))
            let index = summary.inputs.count - 1
            try forEachDocument(in: path, format: format, idPrefix: idPrefixes[path] ?? "", onInvalid: { error in
                guard invalidRecords == .skip else { throw error }
                summary.invalidRecords.add(error)
                summary.inputs[index].invalidRecords += 1
            }, onNotice: { notice in
                summary.record(notice, input: index)
            }, { document in
                if duplicateIDs != .allow {
                    if let first = firstPlace[document.id] {
                        let error = InputError("duplicate id \(document.id.debugDescription) (first at \(first))", at: document.origin)
                        guard duplicateIDs == .skip else { throw error }
                        summary.duplicateIDs.add(error)
                        summary.inputs[index].duplicateIDs += 1
                        return
                    }
                    firstPlace[document.id] = document.origin
                }
                summary.inputs[index].documents += 1
                try body(document)
            })
        }
    }

    /// All documents of `paths`, in the order given and, within each, in input order,
    /// with the summary of the run.
    package func read(from paths: [String]) throws -> Corpus {
        var summary = ReadSummary(exampleLimit: exampleLimit)
        var documents: [Document] = []
        try forEachDocument(in: paths, summary: &summary) { documents.append($0) }
        return Corpus(documents: documents, summary: summary)
    }

    /// All documents of `paths`, in the order given and, within each, in input order.
    /// Use `read(from:)` to learn what `.skip` policies skipped.
    package func readDocuments(from paths: [String]) throws -> [Document] {
        try read(from: paths).documents
    }
}
