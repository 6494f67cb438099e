import Foundation
import Testing
@testable import NearDup
@testable import NearDupIO

@Suite("DocumentPreview")
struct DocumentPreviewTests {
    /// The preview read character by character, as a reader sees the text: the plain twin
    /// that the scalar-by-scalar preview must match on real text.
    static func characterPreview(of text: String, count: Int = 12) -> String {
        let source = MarkupStripper.mayContainMarkup(text) ? MarkupStripper.strip(String(text.prefix(4_000))) : text
        let words = source.prefix(2_000).split(whereSeparator: { $0.isWhitespace || $0 == "#" }).prefix(count + 1)
        let shown = words.prefix(count).joined(separator: " ")
        return words.count > count ? shown + " …" : shown
    }

    static func fixtureDocuments(_ relativePath: String) throws -> [Document] {
        let path = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent(relativePath).path
        return try CorpusReader(fields: FieldSelection()).readDocuments(from: [path])
    }

    @Test(arguments: ["archive", "news-dev/census_articles.csv", "news-dev/spotify_articles.csv"])
    func matchesACharacterByCharacterReadingOfRealPages(_ fixture: String) throws {
        let documents = try Self.fixtureDocuments(fixture)
        #expect(!documents.isEmpty)
        for document in documents {
            #expect(DocumentPreview.firstWords(of: document.text) == Self.characterPreview(of: document.text), "\(document.id)")
            // Read from the document's bytes, as scan does.
            #expect(DocumentPreview.firstWords(of: document) == Self.characterPreview(of: document.text), "\(document.id)")
        }
    }

    @Test func collapsesWhitespaceAndStripsMarkup() {
        #expect(DocumentPreview.firstWords(of: "  Putin\u{00A0}says\t\the\n\nwants #Trump\u{3000}here ") == "Putin says he wants Trump here")
        #expect(DocumentPreview.firstWords(of: "<p>Kremlin <b>says</b></p> &amp; more") == "Kremlin says & more")
    }

    /// The byte-level reading against its scalar-by-scalar twin, on texts that mix ASCII,
    /// Unicode spaces, "#", letters of two to four bytes and control bytes, past 2,000 scalars.
    @Test func bytesAndScalarsGiveTheSamePreview() {
        var generator = SketchSamples.SplitMix64(seed: 12)
        let pieces = ["a", "Kremlin", " ", "  ", "\t", "\n", "#", "\u{00A0}", "\u{0085}", "\u{2003}", "\u{3000}", "\u{200B}",
                      "é", "Москва", "東京", "😀", "\u{1C}", "\u{0B}", "x#y", "\u{2028}"]
        for length in [0, 1, 5, 40, 900, 3_000] {
            for _ in 0..<20 {
                let text = (0..<length).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
                for count in [0, 1, 3, 12] {
                    #expect(DocumentPreview.firstWords(of: text, count: count)
                        == DocumentPreview.firstWordsByScalar(of: text, count: count), "\(text.prefix(80))")
                }
            }
        }
    }

    @Test func endsWithAnEllipsisWhenWordsAreLeft() {
        let text = (1...20).map { "w\($0)" }.joined(separator: " ")
        #expect(DocumentPreview.firstWords(of: text, count: 3) == "w1 w2 w3 …")
        #expect(DocumentPreview.firstWords(of: "w1 w2 w3", count: 3) == "w1 w2 w3")
        #expect(DocumentPreview.firstWords(of: "", count: 3) == "")
    }
}
