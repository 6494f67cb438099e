import Foundation
import Testing
@testable import NearDup
@testable import NearDupIO

/// NearDup's location type (Testing has one of the same name).
fileprivate typealias Location = NearDup.SourceLocation

@Suite("Hostile input")
struct HostileInputTests {
    private let skipping = CorpusReader(invalidRecords: .skip)

    private func fixture(_ name: String) -> String {
        CorpusFixture.path("hostile/\(name)")
    }

    private func expectStop(_ reader: CorpusReader = CorpusReader(), at expected: String, reading paths: [String],
                            sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let error = #expect(throws: InputError.self, sourceLocation: sourceLocation) { try reader.read(from: paths) }
        #expect(error?.description == expected, sourceLocation: sourceLocation)
    }

    // MARK: Broken JSON

    @Test func brokenJSONStopsAtTheFirstBadLine() {
        let path = fixture("broken-json.jsonl")
        expectStop(at: "\(path):2: invalid JSON: unexpected end of line, expected ',' or '}' at column 40", reading: [path])
    }

    @Test func brokenJSONIsSkippedAndCounted() throws {
        let path = fixture("broken-json.jsonl")
        let corpus = try skipping.read(from: [path])
        #expect(corpus.documents.map(\.id) == ["ok-1", "ok-2", "ok-3"])
        #expect(corpus.documents.map(\.origin.line) == [1, 17, 20])
        let skipped = corpus.summary.invalidRecords
        #expect(skipped.count == 20)
        #expect(skipped.examples.map(\.location.line) == [2, 3, 4, 5, 6])
        #expect(skipped.examples.allSatisfy { $0.message.hasPrefix("invalid JSON: ") && $0.location.file == path })
        #expect(corpus.summary.records == 23)
        #expect(corpus.summary.documents == 3)
        #expect(corpus.summary.skipped == 20)
    }

    /// Each broken line, alone in a file, is an error on line 1 with a message of its own.
    @Test(arguments: [
        (#"{"id": "a", "text": "x","#, "unexpected end of line, expected a member name at column 25"),
        (#"{"id": "a", "text": "x",}"#, "trailing comma before '}' at column 25"),
        (#"{'id': 'a'}"#, "single quotes are not allowed, expected '\"' to begin a member name at column 2"),
        (#"["a", "b"]"#, "expected '{' (a record must be a JSON object) at column 1"),
        (#"{"id": "a", "text": "x"} tail"#, "unexpected 't' after the JSON object at column 26"),
        (#"{"id": "a", "text": "x\q"}"#, "invalid escape '\\q' at column 23"),
        (#"{"id": "a", "text": "\udc00"}"#, "lone surrogate \\uDC00 (a low surrogate without a high one) at column 22"),
        (#"{"id": "a", "text": 01}"#, "invalid number, leading zeros are not allowed at column 22"),
        (#"{"id": "a", "text": Infinity}"#, "expected a value, found 'I' at column 21"),
        ("{\"id\": \"a\", \"text\": \"x\u{1}y\"}", "control character U+0001 in a string must be escaped at column 23"),
    ])
    func oneBrokenLine(line: String, message: String) throws {
        let path = try TemporaryFiles.write(line + "\n", named: "one.jsonl")
        let error = #expect(throws: InputError.self) { try CorpusReader().read(from: [path]) }
        #expect(error?.location == Location(file: path, line: 1))
        #expect(error?.message.hasPrefix("invalid JSON: ") == true, "\(String(describing: error))")
        #expect(error?.message == "invalid JSON: \(message)", "\(String(describing: error))")
    }

    @Test func deepNestingIsAnErrorNotACrash() throws {
        let deep = #"{"id": "a", "text": "x", "deep": "# + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "}"
        let path = try TemporaryFiles.write(deep + "\n" + #"{"id": "b", "text": "after"}"# + "\n", named: "deep.jsonl")
        let error = #expect(throws: InputError.self) { try CorpusReader().read(from: [path]) }
        #expect(error?.location.line == 1)
        #expect(error?.message.hasPrefix("invalid JSON: nesting deeper than \(JSONRecordParser.maximumDepth) levels") == true, "\(String(describing: error))")
        #expect(try skipping.read(from: [path]).documents.map(\.id) == ["b"])
    }

    // MARK: Field types

    @Test func idAndTextTypes() throws {
        let path = fixture("field-types.jsonl")
        expectStop(at: "\(path):1: field \"id\" is null, expected a string or a number", reading: [path])
        let corpus = try skipping.read(from: [path])
        #expect(corpus.documents.map(\.id) == ["42", "-1.5e3", "number-text", "empty-text", "blank-text", ""])
        #expect(corpus.documents.map(\.text) == ["number id", "number id kept as written", "12.5", "", "  \t\n ", "an empty id is still an id"])
        #expect(corpus.summary.invalidRecords.count == 9)
        let messages = corpus.summary.invalidRecords.examples.map(\.description)
        #expect(messages == [
            "\(path):1: field \"id\" is null, expected a string or a number",
            "\(path):4: field \"id\" is true, expected a string or a number",
            "\(path):5: field \"id\" is false, expected a string or a number",
            "\(path):6: field \"id\" is an object, expected a string or a number",
            "\(path):7: field \"id\" is an array, expected a string or a number",
        ])
    }

    @Test func theFirstFiveExamplesAreKeptAndTheRestCounted() throws {
        var summary = ReadSummary(exampleLimit: 2)
        try CorpusReader(invalidRecords: .skip).forEachDocument(in: [fixture("field-types.jsonl")], summary: &summary) { _ in }
        #expect(summary.invalidRecords.count == 9)
        #expect(summary.invalidRecords.examples.map(\.location.line) == [1, 4])
        var collector = SkippedRecords()
        for line in 1...12 { collector.add(InputError("bad", at: Location(file: "f", line: line))) }
        #expect(collector.count == 12)
        #expect(collector.examples.map(\.location.line) == [1, 2, 3, 4, 5])
        #expect(SkippedRecords.defaultExampleLimit == 5)
    }

    @Test func missingIDAndTextColumnsAreNamed() throws {
        let path = fixture("field-types.jsonl")
        let corpus = try skipping.read(from: [path])
        let all = try collectInvalid(path)
        #expect(all.contains("\(path):8: missing field \"id\""))
        #expect(all.contains("\(path):9: missing field \"text\""))
        #expect(all.contains("\(path):10: field \"text\" is null, expected a string or a number"))
        #expect(all.contains("\(path):15: field \"text\" is an object, expected a string or a number"))
        #expect(corpus.summary.inputs.first?.invalidRecords == 9)
    }

    private func collectInvalid(_ path: String) throws -> [String] {
        var errors: [String] = []
        try CorpusReader().forEachDocument(in: path, onInvalid: { errors.append($0.description) }, { _ in })
        return errors
    }

    // MARK: Invalid UTF-8

    @Test func invalidUTF8InJSONL() throws {
        let path = fixture("bad-utf8.jsonl")
        expectStop(at: "\(path):2: invalid JSON: invalid UTF-8 byte 0xE9 in a string at column 34", reading: [path])
        let corpus = try skipping.read(from: [path])
        #expect(corpus.documents.map(\.id) == ["u1", "u7"])
        #expect(corpus.documents.map(\.text) == ["valid UTF-8: café", "valid again: 😀"])
        #expect(corpus.summary.invalidRecords.count == 5)
        #expect(corpus.summary.invalidRecords.examples.map(\.location.line) == [2, 3, 4, 5, 6])
    }

    // MARK: CSV

    @Test func hostileCSVStopsAtTheFirstBadRecord() {
        let path = fixture("mixed.csv")
        expectStop(at: "\(path):3: record has 2 fields, the header has 3", reading: [path])
    }

    @Test func hostileCSVRecordsAreSkippedAndReadingGoesOn() throws {
        let path = fixture("mixed.csv")
        let corpus = try skipping.read(from: [path])
        #expect(corpus.documents.map(\.id) == ["c1", "c4", "c8", "c9"])
        #expect(corpus.documents.map(\.origin.line) == [2, 5, 11, 12])
        #expect(corpus.documents[1].text == "quoted\r\nline break, \"quotes\" inside")
        #expect(corpus.documents[2].text == "")
        #expect(corpus.summary.invalidRecords.examples.map(\.description) == [
            "\(path):3: record has 2 fields, the header has 3",
            "\(path):4: record has 4 fields, the header has 3",
            "\(path):8: unexpected '\"' in an unquoted field (a field holding quotes must be quoted, with each quote doubled)",
            "\(path):9: expected ',' or the end of the line after a closing quote",
            "\(path):10: invalid UTF-8 (byte 0xE9)",
        ])
        #expect(corpus.summary.records == 9)
    }

    @Test func anUnclosedQuoteAtTheEndStopsEvenWhenSkipping() {
        let path = fixture("unclosed-at-end.csv")
        let message = "\(path):3: unclosed quote: the quoted field starting on this line never ends"
        expectStop(at: message, reading: [path])
        expectStop(skipping, at: message, reading: [path])
    }

    @Test func aBadHeaderStopsEvenWhenSkipping() throws {
        let missing = try TemporaryFiles.write("id,body\n1,x\n", named: "header.csv")
        expectStop(skipping, at: "\(missing):1: missing column \"text\"; the header has columns: id, body", reading: [missing])
        let badBytes = try TemporaryFiles.write(Array("id,te".utf8) + [0xFF] + Array("xt\n1,x\n".utf8), named: "header-utf8.csv")
        expectStop(skipping, at: "\(badBytes):1: invalid UTF-8 (byte 0xFF)", reading: [badBytes])
        let empty = try TemporaryFiles.write("", named: "empty.csv")
        expectStop(skipping, at: "\(empty):1: empty file, expected a header row naming the columns", reading: [empty])
    }

    @Test func aStrayQuoteOnTheLastLineWithoutALineEnd() throws {
        let path = try TemporaryFiles.write("id,text\n1,fine\n2,bro\"ken", named: "stray-end.csv")
        let corpus = try skipping.read(from: [path])
        #expect(corpus.documents.map(\.id) == ["1"])
        #expect(corpus.summary.invalidRecords.examples.map(\.location.line) == [3])
    }

    // MARK: Directories

    /// A tree with nested folders, hidden files and folders, a file of another type, an
    /// empty file, and three files that are not UTF-8 text.
    private func hostileTree() throws -> String {
        let root = try TemporaryFiles.directory()
        _ = try TemporaryFiles.write(Array("A story.\n".utf8), named: "a.txt", in: root)
        _ = try TemporaryFiles.write([], named: "empty.md", in: root)
        _ = try TemporaryFiles.write(Array("Deep story.".utf8), named: "x/y/z/deep.html", in: root)
        _ = try TemporaryFiles.write(Array("hidden".utf8), named: ".hidden.txt", in: root)
        _ = try TemporaryFiles.write(Array("in a hidden folder".utf8), named: ".cache/inside.txt", in: root)
        _ = try TemporaryFiles.write(Array("in a hidden subfolder".utf8), named: "x/.git/notes.md", in: root)
        _ = try TemporaryFiles.write([0x89, 0x50, 0x4E, 0x47], named: "x/picture.png", in: root)
        _ = try TemporaryFiles.write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D], named: "b-binary.txt", in: root)
        _ = try TemporaryFiles.write(Array("line one\nline ".utf8) + [0xE9] + Array("\n".utf8), named: "c-latin1.md", in: root)
        _ = try TemporaryFiles.write([0xFF, 0xFE, 0x41, 0x00, 0x42, 0x00], named: "x/d-utf16.txt", in: root)
        return root
    }

    @Test func aHostileTreeStopsAtTheFirstFileThatIsNotText() throws {
        let root = try hostileTree()
        expectStop(at: "\(root)/b-binary.txt:3: binary data (a NUL byte), not text; only text files are read", reading: [root])
    }

    @Test func aHostileTreeIsReadWhenSkipping() throws {
        let root = try hostileTree()
        let corpus = try skipping.read(from: [root])
        // UTF-16 with a byte-order mark is read as such.
        #expect(corpus.documents.map(\.id) == ["a.txt", "empty.md", "x/d-utf16.txt", "x/y/z/deep.html"])
        #expect(corpus.documents.map(\.text) == ["A story.\n", "", "AB", "Deep story."])
        #expect(corpus.summary.invalidRecords.examples.map(\.description) == [
            "\(root)/b-binary.txt:3: binary data (a NUL byte), not text; only text files are read",
            "\(root)/c-latin1.md:2: not valid UTF-8 (byte 0xE9); save the file as UTF-8 or name its encoding with --encoding",
        ])
        #expect(corpus.summary.records == 6)
        #expect(corpus.summary.skippedFiles == [".png": 1], "hidden files are not looked at, other files are counted")
    }

    @Test func aSingleBadTextFileIsSkippedToo() throws {
        let path = try TemporaryFiles.write([0x00, 0x01, 0x02], named: "blob.txt")
        let corpus = try skipping.read(from: [path, CorpusFixture.path("corpus/tree/b.txt")])
        #expect(corpus.documents.map(\.id) == ["b.txt"])
        #expect(corpus.summary.invalidRecords.count == 1)
        #expect(corpus.summary.inputs.map(\.invalidRecords) == [1, 0])
    }

    // MARK: Empty inputs and empty documents

    @Test func emptyAndBlankFilesHaveNoDocuments() throws {
        let empty = try TemporaryFiles.write("", named: "empty.jsonl")
        let blank = try TemporaryFiles.write("\n\r\n  \t \n\n", named: "blank.ndjson")
        let headerOnly = try TemporaryFiles.write("id,text\r\n\r\n", named: "header.csv")
        let emptyDirectory = try TemporaryFiles.directory()
        let corpus = try CorpusReader().read(from: [empty, blank, headerOnly, emptyDirectory])
        #expect(corpus.documents.isEmpty)
        #expect(corpus.summary.records == 0)
        #expect(corpus.summary.inputs.map(\.format) == [.jsonLines, .jsonLines, .csv, .directory])
    }

    @Test func emptyDocumentsAreReadAndClustered() throws {
        let path = try TemporaryFiles.write("""
            {"id": "e1", "text": ""}
            {"id": "e2", "text": "   \\n\\t  "}
            {"id": "e3", "text": ""}
            {"id": "t", "text": "a short text"}

            """, named: "empty-docs.jsonl")
        let documents = try CorpusReader().readDocuments(from: [path])
        #expect(documents.map(\.text) == ["", "   \n\t  ", "", "a short text"])
        let result = ClusteringPipeline().run(documents)
        #expect(result.assignments.map(\.representative) == [0, 1, 2, 3], "empty texts are no copies of each other")
        #expect(result.statistics.emptyDocuments == 3)
    }

    // MARK: Duplicate ids

    @Test func duplicateIDsInOneFileNameBothPlaces() throws {
        let path = try TemporaryFiles.write("""
            {"id": "x", "text": "first"}
            {"id": "y", "text": "other"}
            {"id": "x", "text": "second"}

            """, named: "dups.jsonl")
        let rejecting = CorpusReader(duplicateIDs: .reject)
        expectStop(rejecting, at: "\(path):3: duplicate id \"x\" (first at \(path):1)", reading: [path])
        #expect(try CorpusReader().readDocuments(from: [path]).count == 3, "allowed unless asked")
        let corpus = try CorpusReader(duplicateIDs: .skip).read(from: [path])
        #expect(corpus.documents.map(\.text) == ["first", "other"])
        #expect(corpus.summary.duplicateIDs.examples.map(\.description) == ["\(path):3: duplicate id \"x\" (first at \(path):1)"])
        #expect(corpus.summary.records == 3)
    }

    @Test func duplicateIDsAreCheckedAcrossInputsAndFormats() throws {
        let directory = try TemporaryFiles.directory()
        let jsonl = try TemporaryFiles.write(Array(#"{"id": "b.txt", "text": "from JSONL"}"#.utf8) + [0x0A], named: "one.jsonl", in: directory)
        let csv = try TemporaryFiles.write(Array("id,text\r\nz,\"unique\"\r\n\"b.txt\",from CSV\r\n".utf8), named: "two.csv", in: directory)
        let tree = CorpusFixture.path("corpus/tree")
        let rejecting = CorpusReader(duplicateIDs: .reject)
        expectStop(rejecting, at: "\(csv):3: duplicate id \"b.txt\" (first at \(jsonl):1)", reading: [jsonl, csv, tree])
        expectStop(rejecting, at: "\(tree)/b.txt: duplicate id \"b.txt\" (first at \(jsonl):1)", reading: [jsonl, tree])

        let corpus = try CorpusReader(duplicateIDs: .skip).read(from: [jsonl, csv, tree])
        #expect(corpus.documents.map(\.id) == ["b.txt", "z", "a-c.md", "a/b.txt", "a/deeper/page.html", "notes.HTM"])
        #expect(corpus.summary.duplicateIDs.count == 2)
        #expect(corpus.summary.inputs.map(\.duplicateIDs) == [0, 1, 1])
        #expect(corpus.summary.inputs.map(\.documents) == [1, 1, 4])
        #expect(corpus.summary.records == 8)
    }

    @Test func duplicateIDMessagesEscapeOddIDs() throws {
        let path = try TemporaryFiles.write("id,text\n\"line\nbreak \"\"q\"\"\",a\n\"line\nbreak \"\"q\"\"\",b\n", named: "odd.csv")
        expectStop(CorpusReader(duplicateIDs: .reject), at: "\(path):4: duplicate id \"line\\nbreak \\\"q\\\"\" (first at \(path):2)", reading: [path])
    }

    @Test func invalidAndDuplicateRecordsAreCountedApart() throws {
        let path = try TemporaryFiles.write("""
            {"id": "a", "text": "one"}
            {"id": "a", "text": "two"}
            not json
            {"id": "b", "text": "three"}

            """, named: "both.jsonl")
        let corpus = try CorpusReader(invalidRecords: .skip, duplicateIDs: .skip).read(from: [path])
        #expect(corpus.documents.map(\.text) == ["one", "three"])
        #expect(corpus.summary.invalidRecords.count == 1)
        #expect(corpus.summary.duplicateIDs.count == 1)
        #expect(corpus.summary.records == 4)
        #expect(corpus.summary.skipped == 2)
    }

    // MARK: Line ends and byte offsets

    @Test func recordRangesCoverEachRecordsBytesIncludingItsLineEnd() throws {
        for (name, expected) in [
            ("corpus/bom-crlf-blank.jsonl", [
                Array("{\"id\": \"first\", \"text\": \"one\"}\r\n".utf8),
                Array("{\"id\": \"second\", \"text\": \"two\\r\\nlines\"}\r\n".utf8),
                Array("{\"id\": \"third\", \"text\": \"no newline at end\"}".utf8),
            ]),
            ("corpus/bom-crlf.csv", [
                Array("x1,\"first\r\nsecond line\",pub-a\r\n".utf8),
                Array("x2,plain,pub-b\r\n".utf8),
                Array("x3,\"last, no line end\",".utf8),
            ]),
        ] {
            let path = CorpusFixture.path(name)
            let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: path)))
            let documents = try CorpusReader().readDocuments(from: [path])
            let ranges = try documents.map { try #require($0.recordRange) }
            #expect(ranges.map { Array(bytes[$0]) } == expected, "\(name)")
            let reader = try RecordBytesReader(path: path)
            #expect(try ranges.map { try reader.bytes(in: $0) } == expected)
        }
        let header = try CSVReader().header(of: CorpusFixture.path("corpus/bom-crlf.csv"))
        #expect(header.columns == ["id", "text", "publisher"])
        #expect(header.range == 3..<22, "after the byte-order mark, line end included")
    }

    @Test func directoryDocumentsHaveNoRecordRange() throws {
        #expect(try CorpusReader().readDocuments(from: [CorpusFixture.path("corpus/tree")]).allSatisfy { $0.recordRange == nil })
    }

    @Test func recordBytesReaderNoticesAShortenedFile() throws {
        let path = try TemporaryFiles.write(#"{"id": "a", "text": "x"}"# + "\n", named: "short.jsonl")
        let reader = try RecordBytesReader(path: path)
        let error = #expect(throws: InputError.self) { try reader.bytes(in: 10..<100) }
        #expect(error?.message == "the file ends before byte 100 of its records: it changed after it was read")
    }

    // MARK: Very long lines

    @Test func aHundredMegabyteDocumentOnOneLine() throws {
        let directory = try TemporaryFiles.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/huge.jsonl"
        let size = 100_000_000
        let words = Array("wire story reprinted by outlets everywhere ".utf8)
        let prefix = Array(#"{"id": "huge", "text": ""#.utf8), suffix = Array("\"}\r\n".utf8)
        var line = prefix
        line.reserveCapacity(size + 100)
        while line.count < size { line += words }
        line += Array("end".utf8) + suffix
        let textCount = line.count - prefix.count - suffix.count
        line += Array(#"{"id": "after", "text": "a short one"}"#.utf8)
        try Data(line).write(to: URL(fileURLWithPath: path))

        var documents: [Document] = []
        try JSONLReader().forEachDocument(in: path) { documents.append($0) }
        #expect(documents.map(\.id) == ["huge", "after"])
        #expect(documents.map(\.origin.line) == [1, 2])
        #expect(documents[0].text.utf8.count == textCount)
        #expect(documents[0].text.hasSuffix("everywhere end"))
        let range = try #require(documents[0].recordRange)
        #expect(range == 0..<(prefix.count + textCount + suffix.count))
        let reader = try RecordBytesReader(path: path)
        let bytes = try reader.bytes(in: range)
        #expect(bytes.count == range.count && bytes.suffix(4) == Array("\"}\r\n".utf8)[...])
        #expect(try reader.bytes(in: try #require(documents[1].recordRange)) == Array(#"{"id": "after", "text": "a short one"}"#.utf8))
    }

    @Test func aLongCSVFieldOverManyLines() throws {
        let field = String(repeating: "a line of a long quoted field, with \"\"quotes\"\"\n", count: 200_000)
        let path = try TemporaryFiles.write("id,text\nlong,\"\(field)\"\nnext,short\n", named: "long.csv")
        let documents = try CorpusReader().readDocuments(from: [path])
        #expect(documents.map(\.id) == ["long", "next"])
        #expect(documents.map(\.origin.line) == [2, 200_003])
        #expect(documents[0].text.utf8.count == field.utf8.count - 2 * 200_000)
    }

    // MARK: Editing records

    @Test func addingAMemberKeepsEveryOtherByte() {
        func edited(_ line: String) -> String? {
            RecordEditing.jsonLine(Array(line.utf8), addingMember: "duplicate_of", value: "x\"y").map { String(decoding: $0, as: UTF8.self) }
        }
        #expect(edited(#"{"id": "a", "text": "t"}"#) == #"{"id": "a", "text": "t", "duplicate_of": "x\"y"}"#)
        #expect(edited("{\"id\": 1, \"text\": \"t\" }\t \r\n") == "{\"id\": 1, \"text\": \"t\" , \"duplicate_of\": \"x\\\"y\"}\t \r\n")
        #expect(edited("{ }\n") == "{ \"duplicate_of\": \"x\\\"y\"}\n")
        #expect(edited("[1, 2]\n") == nil)
        #expect(RecordEditing.jsonString("tab\there\u{1}é") == Array(#""tab\there\u0001é""#.utf8))
    }

    @Test func appendingACSVField() {
        func edited(_ record: String, _ value: String) -> String {
            String(decoding: RecordEditing.csvRecord(Array(record.utf8), appendingField: value), as: UTF8.self)
        }
        #expect(edited("1,\"two\r\nlines\"\r\n", "a,b") == "1,\"two\r\nlines\",\"a,b\"\r\n")
        #expect(edited("1,plain\n", "say \"hi\"") == "1,plain,\"say \"\"hi\"\"\"\n")
        #expect(edited("1,no line end", "x") == "1,no line end,x")
        #expect(RecordEditing.terminated(Array("a".utf8)) == Array("a\n".utf8))
        #expect(RecordEditing.terminated(Array("a\r\n".utf8), with: [0x0A]) == Array("a\r\n".utf8))
        #expect(RecordEditing.lineTerminator(of: Array("a\r".utf8)) == [0x0D])
    }
}
