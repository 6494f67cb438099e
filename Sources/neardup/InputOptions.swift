import ArgumentParser
import NearDup

/// Where documents come from and which fields hold what.
struct InputOptions: ParsableArguments {
    @Argument(help: "Inputs: directories, .jsonl/.ndjson, .csv files, or - for JSONL on standard input.")
    var paths: [String]

    @Option(help: "JSONL/CSV field holding the document id.")
    var idField = "id"

    @Option(help: "JSONL/CSV field holding the text.")
    var textField = "text"

    @Option(help: "Field naming the publisher or source (default: 'source' or 'publisher' when present).")
    var sourceField: String?

    @Option(help: "Field holding the publication date; the earliest copy then represents its cluster.")
    var dateField: String?

    func validate() throws {
        guard !paths.isEmpty else { throw ValidationError("give at least one input path") }
    }

    var fields: FieldSelection {
        FieldSelection(id: idField, text: textField, source: sourceField, date: dateField)
    }

    func readDocuments() throws -> [Document] {
        try CorpusReader(fields: fields).readDocuments(from: paths)
    }
}
