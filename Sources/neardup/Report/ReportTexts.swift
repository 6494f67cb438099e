import Foundation
import NearDup

/// The texts a report shows, read a second time: clustering keeps no text (a run of a million
/// documents would hold them all), so the report reads its inputs again once the clusters are
/// known and keeps the texts of the documents it shows, by input position, and nothing else.
struct ReportTexts {
    /// By input position; empty for a document the report does not show.
    private(set) var texts: [[UInt8]]
    /// The web address of each document shown, by input position, when the input gives one
    /// that a link may open (http or https); nil otherwise.
    private(set) var addresses: [String?]

    /// `shown`: input positions of the documents whose texts are wanted. The inputs must
    /// give the documents of `documents`, in that order: a file changed in between is an error.
    /// `urlField`: the field of web addresses.
    init(input: InputOptions, documents: [Document], shown: Set<Int>, urlField: String) throws {
        var texts = [[UInt8]](repeating: [], count: documents.count)
        var addresses = [String?](repeating: nil, count: documents.count)
        var position = 0
        _ = try input.readCorpus(urlField: urlField) { document in
            guard position < documents.count, documents[position].id == document.id else {
                throw InputError("the input changed while the report was made: read it again",
                                 at: position < documents.count ? documents[position].origin : document.origin)
            }
            if shown.contains(position) {
                texts[position] = document.utf8Text
                addresses[position] = document.url.flatMap(Self.linkable)
            }
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
        self.addresses = addresses
    }

    /// The address when a link may open it: http or https only, so that no `javascript:` or
    /// `data:` address in an archive becomes a link that runs something.
    static func linkable(_ address: String) -> String? {
        let trimmed = address.trimmingCharacters(in: .whitespacesAndNewlines)
        let lowered = trimmed.lowercased()
        guard lowered.hasPrefix("https://") || lowered.hasPrefix("http://"), trimmed.count > 8,
              !trimmed.contains(where: { $0.isWhitespace || $0.asciiValue.map { $0 < 0x20 } == true })
        else { return nil }
        return trimmed
    }

    subscript(position: Int) -> [UInt8] { texts[position] }
}
