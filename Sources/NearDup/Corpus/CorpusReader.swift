import Foundation

/// The one entry point for reading inputs: picks the reader from each path and yields
/// `Document`s in a deterministic order.
///
/// Reading is streamed through `forEachDocument` so that a pipeline can sketch each
/// document and let its text go; `readDocuments` is for small corpora and tests.
public struct CorpusReader: Sendable {
    /// Which JSONL members or CSV columns hold the id, text, source and date.
    public var fields: FieldSelection

    public init(fields: FieldSelection = .init()) {
        self.fields = fields
    }

    /// Calls `body` with each document of `path` in input order: "-" is JSONL on standard
    /// input, a directory is read as a tree of text files, else the extension decides
    /// (see `InputFormat`).
    public func forEachDocument(in path: String, _ body: (Document) throws -> Void) throws {
        switch try InputFormat(path: path) {
        case .jsonLines:
            try JSONLReader(fields: fields).forEachDocument(in: path, body)
        case .csv:
            try CSVReader(fields: fields).forEachDocument(in: path, body)
        case .directory:
            try DirectoryReader().forEachDocument(in: path, body)
        case .textFile:
            try body(try DirectoryReader().readFile(at: path, id: (path as NSString).lastPathComponent))
        }
    }

    /// All documents of `paths`, in the order given and, within each, in input order.
    public func readDocuments(from paths: [String]) throws -> [Document] {
        var documents: [Document] = []
        for path in paths {
            try forEachDocument(in: path) { documents.append($0) }
        }
        return documents
    }
}
