import Foundation
import Testing
@testable import NearDup
@testable import NearDupIO

/// NearDup's location type (Testing has one of the same name).
fileprivate typealias Location = NearDup.SourceLocation

@Suite("CSVReader")
struct CSVReaderTests {
    private func read(_ path: String, fields: FieldSelection = .init(), chunkSize: Int = 1 << 20) throws -> [Document] {
        var documents: [Document] = []
        try CSVReader(fields: fields, chunkSize: chunkSize).forEachDocument(in: path) { documents.append($0) }
        return documents
    }

    // MARK: Real data

    struct NewsSet: Sendable, CustomTestStringConvertible {
        let file: String
        let count: Int
        let knownID: String
        let publisher: String
        let textStart: String
        let textScalars: Int
        let quotes: Int
        var testDescription: String { file }
    }

    static let newsSets = [
        NewsSet(file: "census_articles.csv", count: 32, knownID: "1766", publisher: "politico.com",
                textStart: "Share on Facebook Share on Twitter ### Trump administration officials \"concealed\" a Republ",
                textScalars: 230_154, quotes: 179),
        NewsSet(file: "spotify_articles.csv", count: 36, knownID: "12458", publisher: "cnet.com",
                textStart: "Spotify cancels its 'R. Kelly' hateful-conduct policy ### From bans to backlash",
                textScalars: 87_892, quotes: 213),
    ]

    @Test(arguments: newsSets)
    func readsTheNewsSetsFully(_ set: NewsSet) throws {
        let path = CorpusFixture.path("news-dev/\(set.file)")
        let documents = try read(path)
        #expect(documents.count == set.count)
        #expect(Set(documents.map(\.id)).count == set.count)
        let known = try #require(documents.first { $0.id == set.knownID })
        #expect(known.source == set.publisher)
        #expect(known.text.hasPrefix(set.textStart))
        #expect(documents.reduce(0) { $0 + $1.text.unicodeScalars.count } == set.textScalars)
        #expect(documents.reduce(0) { $0 + $1.text.filter { $0 == "\"" }.count } == set.quotes)
        // One record a line: record k starts on line k + 1 after the header.
        #expect(documents.enumerated().allSatisfy { $1.origin == Location(file: path, line: $0 + 2) })
        #expect(documents.allSatisfy { $0.date == nil })
    }

    @Test func theFirstCensusRecord() throws {
        let first = try #require(try read(CorpusFixture.path("news-dev/census_articles.csv")).first)
        #expect(first.id == "604")
        #expect(first.source == "slate.com")
        #expect(first.text.hasPrefix("Why Do Children Keep Dying in U.S. Custody?"))
    }

    @Test(arguments: [16, 100, 4096])
    func smallChunksGiveTheSameDocuments(chunkSize: Int) throws {
        let path = CorpusFixture.path("news-dev/spotify_articles.csv")
        #expect(try read(path, chunkSize: chunkSize) == read(path))
    }

    // MARK: Quoting and line ends

    @Test func quotedFieldsWithCommasQuotesAndNewlines() throws {
        let path = CorpusFixture.path("corpus/quoting.csv")
        for chunkSize in [16, 1 << 20] {
            let documents = try read(path, chunkSize: chunkSize)
            #expect(documents == [
                Document(id: "1", text: "He said \"hello\", then left.", source: "Smith, Jones & Co", origin: Location(file: path, line: 2)),
                Document(id: "2", text: "Line one\nLine two, with comma\nLine three", source: "plain.com", origin: Location(file: path, line: 3)),
                Document(id: "3", text: "unquoted text", source: nil, origin: Location(file: path, line: 6)),
                Document(id: "4", text: "", source: "quoted.id", origin: Location(file: path, line: 7)),
            ])
        }
    }

    @Test func byteOrderMarkCRLFAndBlankLines() throws {
        let path = CorpusFixture.path("corpus/bom-crlf.csv")
        let documents = try read(path)
        #expect(documents == [
            Document(id: "x1", text: "first\r\nsecond line", source: "pub-a", origin: Location(file: path, line: 2)),
            Document(id: "x2", text: "plain", source: "pub-b", origin: Location(file: path, line: 5)),
            Document(id: "x3", text: "last, no line end", source: nil, origin: Location(file: path, line: 6)),
        ])
    }

    @Test func chosenSourceAndDateColumns() throws {
        let fields = FieldSelection(id: "publisher", text: "text", source: "id", date: "scrape_time")
        let documents = try read(CorpusFixture.path("corpus/quoting.csv"), fields: fields)
        #expect(documents.map(\.id) == ["Smith, Jones & Co", "plain.com", "", "quoted.id"])
        #expect(documents.map(\.source) == ["1", "2", "3", "4"])
        #expect(documents.map(\.date) == ["2019-01-01", "2019-01-02", "2019-01-03", "2019-01-04"])
    }

    @Test func headerOnlyFileHasNoDocuments() throws {
        let path = try TemporaryFiles.write("id,text\n", named: "header-only.csv")
        #expect(try read(path).isEmpty)
    }

    // MARK: Errors

    struct Failure: Sendable, CustomTestStringConvertible {
        let file: String
        let line: Int
        let message: String
        var testDescription: String { file }
    }

    static let failures = [
        Failure(file: "missing-column.csv", line: 1, message: "missing column \"text\"; the header has columns: id, publisher, body"),
        Failure(file: "wrong-field-count.csv", line: 3, message: "record has 3 fields, the header has 4"),
        Failure(file: "unclosed-quote.csv", line: 3, message: "unclosed quote: the quoted field starting on this line never ends"),
        Failure(file: "bad-utf8.csv", line: 3, message: "invalid UTF-8 (byte 0xE9)"),
        Failure(file: "stray-quote.csv", line: 5, message: "unexpected '\"' in an unquoted field (a field holding quotes must be quoted, with each quote doubled)"),
    ]

    @Test(arguments: failures, [16, 1 << 20])
    func malformedFilesNameTheFileAndLine(_ failure: Failure, chunkSize: Int) throws {
        let path = CorpusFixture.path("corpus/\(failure.file)")
        let error = #expect(throws: InputError.self) { try read(path, chunkSize: chunkSize) }
        #expect(error?.description == "\(path):\(failure.line): \(failure.message)")
    }

    @Test func headerMissingBothColumns() throws {
        let path = try TemporaryFiles.write("name,body\nx,y\n", named: "no-id-no-text.csv")
        let error = #expect(throws: InputError.self) { try read(path) }
        #expect(error?.description == "\(path):1: missing columns \"id\" and \"text\"; the header has columns: name, body")
    }

    @Test func emptyFile() throws {
        let path = try TemporaryFiles.write("", named: "empty.csv")
        let error = #expect(throws: InputError.self) { try read(path) }
        #expect(error?.description == "\(path):1: empty file, expected a header row naming the columns")
    }

    @Test func garbageAfterAClosingQuote() throws {
        let path = try TemporaryFiles.write("id,text\n1,\"quoted\"tail\n", named: "after-quote.csv")
        let error = #expect(throws: InputError.self) { try read(path) }
        #expect(error?.description == "\(path):2: expected ',' or the end of the line after a closing quote")
    }

    @Test func invalidUTF8InsideAMultilineFieldNamesItsOwnLine() throws {
        let bytes = Array("id,text\n1,\"line two\nline three ".utf8) + [0xFF] + Array("\"\n".utf8)
        let path = try TemporaryFiles.write(bytes, named: "bad-utf8-multiline.csv")
        let error = #expect(throws: InputError.self) { try read(path) }
        #expect(error?.description == "\(path):3: invalid UTF-8 (byte 0xFF)")
    }
}
