import NearDup

/// The texts a report shows, read a second time: clustering keeps no text (a run of a million
/// documents would hold them all), so the report reads its inputs again once the clusters are
/// known and keeps the texts of the documents it shows, by input position, and nothing else.
struct ReportTexts {
    /// By input position; empty for a document the report does not show.
    private(set) var texts: [[UInt8]]

    /// `shown`: input positions of the documents whose texts are wanted. The inputs must
    /// give the documents of `documents`, in that order: a file changed in between is an error.
    init(input: InputOptions, documents: [Document], shown: Set<Int>) throws {
        var texts = [[UInt8]](repeating: [], count: documents.count)
        var position = 0
        _ = try input.readCorpus { document in
            guard position < documents.count, documents[position].id == document.id else {
                throw InputError("the input changed while the report was made: read it again",
                                 at: position < documents.count ? documents[position].origin : document.origin)
            }
            if shown.contains(position) { texts[position] = document.utf8Text }
            position += 1
            var kept = document
            kept.text = ""
            return kept
        }
        guard position == documents.count else {
            throw InputError("the input changed while the report was made: read it again",
                             at: documents.last?.origin ?? SourceLocation(file: input.paths.first ?? "-", line: 0))
        }
        self.texts = texts
    }

    subscript(position: Int) -> [UInt8] { texts[position] }
}
