import Foundation
import Testing
import TestScratch
@testable import NearDup
@testable import NearDupIO

/// NearDup's location type (Testing has one of the same name).
fileprivate typealias Location = NearDup.SourceLocation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Paths of files in the test bundle's `Fixtures` folder.
enum CorpusFixture {
    static func path(_ relativePath: String) -> String {
        Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent(relativePath).path
    }
}

/// Files written for one test, in a fresh temporary directory.
enum TemporaryFiles {
    static func directory() throws -> String {
        try TestScratch.directory("corpus")
    }

    static func write(_ text: String, named name: String) throws -> String {
        try write(Array(text.utf8), named: name)
    }

    static func write(_ bytes: [UInt8], named name: String, in directory: String? = nil) throws -> String {
        let folder = try directory ?? Self.directory()
        let path = folder + "/" + name
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }
}

@Suite("CorpusReader")
struct CorpusReaderTests {
    private func read(_ path: String, fields: FieldSelection = .init()) throws -> [Document] {
        try CorpusReader(fields: fields).readDocuments(from: [path])
    }

    private func expectError(_ expected: String, reading path: String, fields: FieldSelection = .init(),
                             sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let error = #expect(throws: InputError.self, sourceLocation: sourceLocation) { try read(path, fields: fields) }
        #expect(error?.description == expected, sourceLocation: sourceLocation)
    }

    // MARK: JSONL

    @Test func jsonLinesWithNumericIDsEscapesAndSurrogatePairs() throws {
        let path = CorpusFixture.path("corpus/sample.jsonl")
        let documents = try read(path)
        #expect(documents == [
            Document(id: "101", text: "Plain ASCII text.", source: "Reuters", origin: Location(file: path, line: 1)),
            Document(id: "a-2", text: "Café — naïve 😀 done", source: "example.com", origin: Location(file: path, line: 2)),
            Document(id: "3.5e2", text: "Raw UTF-8: Zürich — 東京 😀", source: "wire", origin: Location(file: path, line: 3)),
            Document(id: "-7", text: "Escapes: \"quoted\" back\\slash tab\there\nnewline / slash \u{0} nul", origin: Location(file: path, line: 4)),
        ])
    }

    @Test func dateOnlyWhenSelectedAndNamedSourceField() throws {
        let path = CorpusFixture.path("corpus/sample.jsonl")
        let dated = try read(path, fields: FieldSelection(date: "date"))
        #expect(dated.map(\.date) == ["2019-05-31", nil, nil, nil])
        let byPublisher = try read(path, fields: FieldSelection(source: "publisher"))
        #expect(byPublisher.map(\.source) == [nil, "example.com", "ignored.com", nil])
    }

    @Test func byteOrderMarkCRLFAndBlankLines() throws {
        let path = CorpusFixture.path("corpus/bom-crlf-blank.jsonl")
        let documents = try read(path)
        #expect(documents.map(\.id) == ["first", "second", "third"])
        #expect(documents.map(\.text) == ["one", "two\r\nlines", "no newline at end"])
        #expect(documents.map(\.origin.line) == [1, 4, 6])
    }

    @Test func jsonErrorsNameFileLineAndColumn() {
        let broken = CorpusFixture.path("corpus/broken-json.jsonl")
        expectError("\(broken):3: invalid JSON: expected ',' or '}' at column 27", reading: broken)
        let missing = CorpusFixture.path("corpus/missing-text.jsonl")
        expectError("\(missing):2: missing field \"text\"", reading: missing)
        expectError("\(missing):1: missing field \"body\"", reading: missing, fields: FieldSelection(text: "body"))
        let nullID = CorpusFixture.path("corpus/null-id.jsonl")
        expectError("\(nullID):3: field \"id\" is null, expected a string or a number", reading: nullID)
    }

    @Test func wrongTypesForOptionalFields() throws {
        let path = try TemporaryFiles.write(#"{"id": "a", "text": "t", "source": null, "publisher": "p", "date": null}"# + "\n" +
                                            #"{"id": "b", "text": "t", "date": ["2019"]}"# + "\n", named: "types.jsonl")
        let error = #expect(throws: InputError.self) { try read(path, fields: FieldSelection(date: "date")) }
        #expect(error?.description == "\(path):2: field \"date\" is an array, expected a string or a number")
        // A null source falls back to the publisher field.
        var first: Document?
        try? JSONLReader().forEachDocument(in: path) { if first == nil { first = $0 } }
        #expect(first?.source == "p")
    }

    /// The text comes from the parser as bytes unless another field has its name; either way
    /// the document holds the record's text, and a field named twice fills both.
    @Test func aTextFieldThatIsAlsoAnotherFieldFillsBoth() throws {
        let path = try TemporaryFiles.write(#"{"body": "caf\u00e9 \"x\""}"# + "\n" + #"{"body": 7}"# + "\n", named: "shared.jsonl")
        var documents: [Document] = []
        try JSONLReader(fields: FieldSelection(id: "body", text: "body")).forEachDocument(in: path) { documents.append($0) }
        #expect(documents.map(\.id) == ["café \"x\"", "7"])
        #expect(documents.map(\.text) == ["café \"x\"", "7"])
        #expect(documents.map(\.utf8Text) == [Array("café \"x\"".utf8), Array("7".utf8)])
        // The text slot comes before the source's, which then takes its value from it.
        let withIDs = try TemporaryFiles.write(
            #"{"id": "a", "body": "caf\u00e9"}"# + "\n" + #"{"id": "b", "body": 7}"# + "\n", named: "sourced.jsonl")
        var sourced: [Document] = []
        try JSONLReader(fields: FieldSelection(text: "body", source: "body")).forEachDocument(in: withIDs) {
            sourced.append($0)
        }
        #expect(sourced.map(\.text) == ["café", "7"])
        #expect(sourced.map(\.source) == ["café", "7"])
    }

    @Test(arguments: [16, 64, 1 << 20], [true, false])
    func linesLongerThanTheBufferAndSmallChunks(chunkSize: Int, endsWithNewline: Bool) throws {
        let long = String(repeating: "long text with an escape\\n and é ", count: 3000)
        let lines = [#"{"id": "s1", "text": "short"}"#, #"{"id": "l", "text": "\#(long)"}"#, #"{"id": "s2", "text": "after"}"#]
        let path = try TemporaryFiles.write(lines.joined(separator: "\n") + (endsWithNewline ? "\n" : ""), named: "long.jsonl")
        var documents: [Document] = []
        try JSONLReader(chunkSize: chunkSize).forEachDocument(in: path) { documents.append($0) }
        #expect(documents.map(\.id) == ["s1", "l", "s2"])
        #expect(documents[1].text == long.replacingOccurrences(of: "\\n", with: "\n"))
        #expect(documents.map(\.origin.line) == [1, 2, 3])
    }

    @Test func bufferGrowsForALongRecordOnlyAndShrinksBack() throws {
        let path = try TemporaryFiles.write(String(repeating: "x", count: 10_000) + "\nshort\nlines\n", named: "grow.txt")
        let input = try ChunkedFileReader(path: path, chunkSize: 64)
        while !input.unread.contains(0x0A) {
            #expect(try input.readMore())
        }
        #expect(input.capacity >= 10_001)
        input.consume(input.unread.firstIndex(of: 0x0A)! + 1)
        while try input.readMore() {}
        #expect(input.capacity == 64)
        #expect(Array(input.unread) == Array("short\nlines\n".utf8))
    }

    @Test func standardInputIsJSONLNamedStdin() throws {
        let path = try TemporaryFiles.write(#"{"id": 1, "text": "from stdin"}"# + "\n" + #"{"id": 2}"# + "\n", named: "stdin.jsonl")
        let saved = dup(0)
        let file = open(path, O_RDONLY)
        #expect(saved >= 0 && file >= 0)
        dup2(file, 0)
        close(file)
        defer {
            dup2(saved, 0)
            close(saved)
        }
        var documents: [Document] = []
        let error = #expect(throws: InputError.self) {
            try CorpusReader().forEachDocument(in: "-") { documents.append($0) }
        }
        #expect(documents == [Document(id: "1", text: "from stdin", origin: Location(file: "<stdin>", line: 1))])
        #expect(error?.description == "<stdin>:2: missing field \"text\"")
        // Standard input that is a regular file can be read again, from where it started.
        let range = try #require(documents.first?.recordRange)
        #expect(try RecordBytesReader(path: "-").bytes(in: range) == Array((#"{"id": 1, "text": "from stdin"}"# + "\n").utf8))
    }

    // MARK: Choosing the reader

    @Test(arguments: ["ndjson", "json", "JSONL"])
    func otherJSONLinesExtensions(_ ext: String) throws {
        let text = try String(contentsOfFile: CorpusFixture.path("corpus/sample.jsonl"), encoding: .utf8)
        let path = try TemporaryFiles.write(text, named: "copy.\(ext)")
        #expect(try read(path).map(\.id) == ["101", "a-2", "3.5e2", "-7"])
    }

    @Test func unsupportedAndMissingInputs() {
        let xml = CorpusFixture.path("corpus/unsupported.xml")
        expectError("\(xml): unsupported input (a .xml file): expected a directory, .jsonl/.ndjson/.json, .csv, .txt/.md/.html/.htm, or - for standard input", reading: xml)
        let missing = CorpusFixture.path("corpus/no-such-file.jsonl")
        expectError("\(missing): no such file or directory", reading: missing)
    }

    @Test func readsSeveralInputsInOrder() throws {
        let paths = [
            CorpusFixture.path("news-dev/census_articles.csv"),
            CorpusFixture.path("corpus/sample.jsonl"),
            CorpusFixture.path("corpus/tree"),
            CorpusFixture.path("corpus/tree/b.txt"),
        ]
        let documents = try CorpusReader().readDocuments(from: paths)
        #expect(documents.count == 32 + 4 + 5 + 1)
        #expect(documents.first?.id == "604")
        #expect(documents[32].id == "101")
        #expect(documents.last?.id == "b.txt")
    }

    // MARK: Directories and text files

    @Test func directoryTreeInSortedRelativePathOrder() throws {
        let root = CorpusFixture.path("corpus/tree")
        let documents = try read(root)
        #expect(documents.map(\.id) == ["a-c.md", "a/b.txt", "a/deeper/page.html", "b.txt", "notes.HTM"])
        #expect(documents.map(\.text) == [
            "# Heading\n\nMarkdown body.\n", "Text of a/b.\n", "<html><body><p>Deep page.</p></body></html>\n",
            "Text of b.\n", "BOM-prefixed notes.\n",
        ])
        #expect(documents[1].origin == Location(file: root + "/a/b.txt", line: 0))
        #expect(documents.allSatisfy { $0.source == nil && $0.date == nil })
    }

    @Test func hiddenFilesAndLinkedFoldersAreSkipped() throws {
        let root = try TemporaryFiles.directory()
        _ = try TemporaryFiles.write(Array("visible".utf8), named: "doc.txt", in: root)
        _ = try TemporaryFiles.write(Array("hidden".utf8), named: ".hidden.txt", in: root)
        _ = try TemporaryFiles.write(Array("in a hidden folder".utf8), named: ".git/notes.md", in: root)
        _ = try TemporaryFiles.write(Array("nested".utf8), named: "sub/page.htm", in: root)
        _ = try TemporaryFiles.write(Array("hidden nested".utf8), named: "sub/.draft.md", in: root)
        try FileManager.default.createSymbolicLink(atPath: root + "/sub/loop", withDestinationPath: root)
        try FileManager.default.createSymbolicLink(atPath: root + "/linked.txt", withDestinationPath: root + "/doc.txt")
        let documents = try read(root)
        #expect(documents.map(\.id) == ["doc.txt", "linked.txt", "sub/page.htm"])
        #expect(documents.map(\.text) == ["visible", "visible", "nested"])
    }

    @Test func aSingleTextFileIsOneDocumentNamedByItsFileName() throws {
        let path = CorpusFixture.path("corpus/tree/a/deeper/page.html")
        #expect(try read(path) == [Document(id: "page.html", text: "<html><body><p>Deep page.</p></body></html>\n", origin: Location(file: path, line: 0))])
    }

    @Test func nonUTF8FilesAreErrorsNamingTheFileAndLine() throws {
        let single = CorpusFixture.path("corpus/latin1.txt")
        expectError("\(single):2: not valid UTF-8 (byte 0xE9); save the file as UTF-8 or name its encoding with --encoding", reading: single)

        let root = try TemporaryFiles.directory()
        _ = try TemporaryFiles.write(Array("fine".utf8), named: "a.txt", in: root)
        _ = try TemporaryFiles.write([0x66, 0x6F, 0x6F, 0x80], named: "b/bad.md", in: root)
        expectError("\(root)/b/bad.md:1: not valid UTF-8 (byte 0x80); save the file as UTF-8 or name its encoding with --encoding", reading: root)
    }

    @Test func anEmptyDirectoryHasNoDocuments() throws {
        #expect(try read(try TemporaryFiles.directory()).isEmpty)
    }
}
