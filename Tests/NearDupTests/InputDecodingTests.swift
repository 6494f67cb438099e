import Foundation
import Testing
@testable import NearDup
@testable import NearDupIO

private func bytes(_ string: String) -> [UInt8] { Array(string.utf8) }

private func utf16(_ string: String, littleEndian: Bool, mark: Bool = true) -> [UInt8] {
    let units = string.utf16.flatMap { unit in
        littleEndian ? [UInt8(unit & 0xFF), UInt8(unit >> 8)] : [UInt8(unit >> 8), UInt8(unit & 0xFF)]
    }
    return (mark ? (littleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]) : []) + units
}

private func decodeFile(_ input: [UInt8], _ decoding: TextDecoding = .init()) -> Result<DecodedText, DecodingFailure> {
    input.withUnsafeBytes { TextDecoder(decoding).decodeFile($0) }
}

@Suite("Text decoding")
struct TextDecodingTests {
    @Test func encodingNamesAndAliases() {
        #expect(TextEncoding(name: "UTF8") == .utf8)
        #expect(TextEncoding(name: "iso-8859-1") == .latin1)
        #expect(TextEncoding(name: "ISO_8859-1") == .latin1)
        #expect(TextEncoding(name: "cp1252") == .windows1252)
        #expect(TextEncoding(name: "utf16") == .utf16)
        #expect(TextEncoding(name: "ebcdic") == nil)
    }

    @Test func singleByteEncodingsGoThroughIconv() throws {
        let input: [UInt8] = bytes("Caf") + [0xE9, 0x20, 0x93, 0x71, 0x94, 0x20, 0x80]
        #expect(try decodeFile(input, .init(encoding: .windows1252)).get().utf8 == bytes("Café “q” €"))
        #expect(try decodeFile(input, .init(encoding: .latin1)).get().utf8 == bytes("Café \u{93}q\u{94} \u{80}"))
    }

    @Test func bytesAnEncodingDoesNotDefineAreAnErrorOrReplaced() throws {
        let input: [UInt8] = bytes("one\ntwo ") + [0x81] + bytes(" three ") + [0x9D]
        #expect(throws: DecodingFailure(message: "not valid windows-1252 (byte 0x81)", line: 2)) {
            try decodeFile(input, .init(encoding: .windows1252)).get()
        }
        let replaced = try decodeFile(input, .init(encoding: .windows1252, invalidBytes: .replace)).get()
        #expect(replaced == DecodedText(utf8: bytes("one\ntwo \u{FFFD} three \u{FFFD}"), replacedBytes: 2))
    }

    @Test func aByteOrderMarkPicksTheEncoding() throws {
        let text = "Ünïcödé 😀 text\nline two"
        for littleEndian in [true, false] {
            for named in TextEncoding.allCases {
                #expect(try decodeFile(utf16(text, littleEndian: littleEndian), .init(encoding: named)).get().utf8 == bytes(text))
            }
        }
        #expect(try decodeFile([0xEF, 0xBB, 0xBF] + bytes(text), .init(encoding: .latin1)).get().utf8 == bytes(text))
        #expect(throws: DecodingFailure(message: TextDecoder.missingByteOrderMark, line: 1)) {
            try decodeFile(utf16(text, littleEndian: true, mark: false), .init(encoding: .utf16)).get()
        }
    }

    @Test func brokenUTF16IsAnErrorOrReplaced() throws {
        // A lone high surrogate (D83D) followed by "A", then an odd byte at the end.
        let input: [UInt8] = [0xFF, 0xFE, 0x41, 0x00, 0x0A, 0x00, 0x3D, 0xD8, 0x41, 0x00, 0x42]
        let failure = decodeFile(input)
        guard case .failure(let error) = failure else {
            Issue.record("expected a failure, got \(failure)")
            return
        }
        #expect(error.message.hasPrefix("not valid UTF-16 (little-endian)"))
        #expect(error.line == 2)
        let replaced = try decodeFile(input, .init(invalidBytes: .replace)).get()
        #expect(replaced == DecodedText(utf8: bytes("A\n\u{FFFD}A\u{FFFD}"), replacedBytes: 3))
    }

    @Test func invalidUTF8IsAnErrorOrEachBadByteReplaced() throws {
        let input: [UInt8] = bytes("ok\ncaf") + [0xE9] + bytes(" ") + [0xF0, 0x9F, 0x98] + bytes("!")
        #expect(throws: DecodingFailure(message: "not valid UTF-8 (byte 0xE9); save the file as UTF-8 or name its encoding with --encoding", line: 2)) {
            try decodeFile(input).get()
        }
        let replaced = try decodeFile(input, .init(invalidBytes: .replace)).get()
        #expect(replaced == DecodedText(utf8: bytes("ok\ncaf\u{FFFD} \u{FFFD}\u{FFFD}\u{FFFD}!"), replacedBytes: 4))
        #expect(String(validating: replaced.utf8, as: UTF8.self) != nil)
    }

    @Test func replacingLeavesValidUTF8AsItIs() {
        for text in ["", "plain ASCII", "Ünïcödé 😀 “quotes” \u{10FFFF}"] {
            let result = bytes(text).withUnsafeBytes { UTF8Validation.replacingInvalidBytes(in: $0) }
            #expect(result == DecodedText(utf8: bytes(text), replacedBytes: 0))
        }
    }

    @Test func aNULByteMeansBinaryExceptInUTF16() throws {
        #expect(throws: DecodingFailure(message: "binary data (a NUL byte), not text; only text files are read", line: 1)) {
            try decodeFile([0x89, 0x50, 0x4E, 0x47, 0x00], .init(encoding: .windows1252)).get()
        }
        #expect(try decodeFile(utf16("A", littleEndian: true)).get().utf8 == bytes("A"))
    }
}

@Suite("Reading decoded inputs")
struct DecodedInputTests {
    /// A JSONL corpus whose lines put four-byte characters across every alignment, large
    /// enough that the UTF-16 stream is read in many pieces.
    private func stories() -> [String] {
        (0..<3000).map { index in
            let pad = String(repeating: "é", count: index % 7)
            return #"{"id": "d\#(index)", "text": "\#(pad)😀 story \#(index) über the ‘harbour’ 𝄞"}"#
        }
    }

    @Test(arguments: [true, false])
    func utf16JSONLReadsAsItsUTF8Twin(littleEndian: Bool) throws {
        let lines = stories()
        let plain = try TemporaryFiles.write(lines.joined(separator: "\n") + "\n", named: "twin.jsonl")
        let wide = try TemporaryFiles.write(utf16(lines.joined(separator: "\r\n") + "\r\n", littleEndian: littleEndian), named: "twin16.jsonl")
        let expected = try CorpusReader().readDocuments(from: [plain])
        for chunkSize in [16, 1000, 1 << 20] {
            var documents: [Document] = []
            try JSONLReader(chunkSize: chunkSize).forEachDocument(in: wide) { documents.append($0) }
            #expect(documents.map(\.id) == expected.map(\.id))
            #expect(documents.map(\.utf8Text) == expected.map(\.utf8Text))
        }
        // Read back for copying, a record's range gives its UTF-8 line.
        let documents = try CorpusReader().readDocuments(from: [wide])
        let records = try RecordBytesReader(path: wide)
        let last = try #require(documents.last?.recordRange)
        #expect(try records.bytes(in: last) == bytes(lines.last! + "\r\n"))
    }

    @Test func utf16CSVReadsAsItsUTF8Twin() throws {
        let csv = "id,text\r\n1,\"Zürich, 😀\r\ntwo lines\"\r\n2,plain\r\n"
        let plain = try TemporaryFiles.write(csv, named: "twin.csv")
        let wide = try TemporaryFiles.write(utf16(csv, littleEndian: false), named: "twin16.csv")
        #expect(try CorpusReader().readDocuments(from: [wide]).map(\.text) == CorpusReader().readDocuments(from: [plain]).map(\.text))
    }

    @Test func brokenUTF16InAStreamStopsTheReading() throws {
        let wide = try TemporaryFiles.write(utf16(#"{"id": "a", "text": "x"}"# + "\n", littleEndian: true) + [0x3D, 0xD8, 0x7B, 0x00], named: "broken16.jsonl")
        let error = #expect(throws: InputError.self) { try CorpusReader().readDocuments(from: [wide]) }
        #expect(error?.message.hasPrefix("not valid UTF-16") == true, "\(String(describing: error))")
    }

    @Test func singleByteJSONLKeepsTheRecordRangesOfItsBytes() throws {
        let raw: [UInt8] = bytes(#"{"id": "a", "text": "caf"#) + [0xE9] + bytes("\"}\n") + bytes(#"{"id": "b", "text": "plain"}"# + "\n")
        let path = try TemporaryFiles.write(raw, named: "latin.jsonl")
        let documents = try CorpusReader(decoding: .init(encoding: .latin1)).readDocuments(from: [path])
        #expect(documents.map(\.text) == ["café", "plain"])
        let records = try RecordBytesReader(path: path)
        #expect(try records.bytes(in: try #require(documents[0].recordRange)) == Array(raw[...raw.firstIndex(of: 0x0A)!]))
    }

    @Test func replacedBytesAreCountedPerDocument() throws {
        let jsonl = try TemporaryFiles.write(bytes(#"{"id": "a", "text": "x"#) + [0xFF, 0xFE] + bytes("\"}\n" + #"{"id": "b", "text": "fine"}"# + "\n"), named: "r.jsonl")
        let csv = try TemporaryFiles.write(bytes("id,text\nc,\"") + [0xC3] + bytes("\"\n"), named: "r.csv")
        let corpus = try CorpusReader(decoding: .init(invalidBytes: .replace)).read(from: [jsonl, csv])
        #expect(corpus.documents.map(\.text) == ["x\u{FFFD}\u{FFFD}", "fine", "\u{FFFD}"])
        #expect(corpus.summary.replacedText.documents == 2)
        #expect(corpus.summary.replacedText.bytes == 3)
        #expect(corpus.summary.replacedText.first == SourceLocation(file: jsonl, line: 1))
    }

    @Test func gzipIsKnownByItsSignatureWhateverTheName() throws {
        let compressed = try GzipTool.compress(bytes(#"{"id": "z", "text": "zipped"}"# + "\n"))
        let path = try TemporaryFiles.write(compressed, named: "not-named-gz.jsonl")
        let documents = try CorpusReader().readDocuments(from: [path])
        #expect(documents.map(\.text) == ["zipped"])
        #expect(try RecordBytesReader(path: path).bytes(in: try #require(documents[0].recordRange)) == bytes(#"{"id": "z", "text": "zipped"}"# + "\n"))
        // A text file too, in a folder or alone, UTF-16 inside included.
        let root = try TemporaryFiles.directory()
        let text = try TemporaryFiles.write(try GzipTool.compress(bytes("gzipped text")), named: "a.txt", in: root)
        _ = try TemporaryFiles.write(try GzipTool.compress(utf16("wide text", littleEndian: true)), named: "b.md", in: root)
        #expect(try CorpusReader().readDocuments(from: [root]).map(\.text) == ["gzipped text", "wide text"])
        #expect(try CorpusReader().readDocuments(from: [text]).map(\.text) == ["gzipped text"])
        let cut = try TemporaryFiles.write(Array(try GzipTool.compress(bytes(String(repeating: "long text ", count: 500))).prefix(30)), named: "cut.txt", in: root)
        let error = #expect(throws: InputError.self) { try CorpusReader().readDocuments(from: [cut]) }
        #expect(error?.message == "truncated gzip data: the file ends inside the compressed stream")
    }
}

@Suite("Folders and JSON documents")
struct FolderAndJSONDocumentTests {
    @Test func foldersAreNamedByAsMuchOfTheirPathAsTellsThemApart() {
        #expect(DirectoryNames.distinguishing(["/data/siteA", "/data/siteB/"]) == ["siteA", "siteB"])
        #expect(DirectoryNames.distinguishing(["/a/2019/news", "/a/2020/news", "/a/sport"]) == ["2019/news", "2020/news", "sport"])
        #expect(DirectoryNames.distinguishing(["/x/news", "/y/x/news"]) == ["x/news", "y/x/news"])
        #expect(DirectoryNames.distinguishing(["/same/d", "/same/d"]) == ["d", "d"])
        let cwd = FileManager.default.currentDirectoryPath
        #expect(DirectoryNames.distinguishing([".", "other"]) == [(cwd as NSString).lastPathComponent, "other"])
    }

    @Test func severalFoldersPrefixTheirIdsOneDoesNot() throws {
        let root = try TemporaryFiles.directory()
        _ = try TemporaryFiles.write(bytes("one"), named: "a/news/x.txt", in: root)
        _ = try TemporaryFiles.write(bytes("two"), named: "b/news/x.txt", in: root)
        _ = try TemporaryFiles.write(bytes("three"), named: "c/x.txt", in: root)
        let reader = CorpusReader(duplicateIDs: .reject)
        #expect(try reader.readDocuments(from: [root + "/a/news", root + "/b/news", root + "/c"]).map(\.id) == ["a/news/x.txt", "b/news/x.txt", "c/x.txt"])
        #expect(try reader.readDocuments(from: [root + "/c"]).map(\.id) == ["x.txt"])
    }

    @Test func skippedFilesAreCountedByExtension() throws {
        let root = try TemporaryFiles.directory()
        for name in ["a.pdf", "b.PDF", "c/d.png", "README", "e.txt", ".hidden", ".git/config"] {
            _ = try TemporaryFiles.write(bytes("x"), named: name, in: root)
        }
        let corpus = try CorpusReader().read(from: [root])
        #expect(corpus.documents.map(\.id) == ["e.txt"])
        #expect(corpus.summary.skippedFiles == [".pdf": 2, ".png": 1, "": 1])
    }

    @Test func aJSONArrayGivesOneDocumentPerObjectAtItsLine() throws {
        let text = "[\n  {\"id\": \"a\",\n   \"text\": \"first\"},\n  {\"id\": \"b\", \"text\": \"second\"}\n]\n"
        let path = try TemporaryFiles.write(text, named: "array.json")
        var summary = ReadSummary()
        var documents: [Document] = []
        try CorpusReader().forEachDocument(in: [path], summary: &summary) { documents.append($0) }
        #expect(documents.map(\.id) == ["a", "b"])
        #expect(documents.map(\.origin.line) == [2, 4])
        #expect(summary.inputs.map(\.jsonDocuments) == [1])
        let range = try #require(documents[0].recordRange)
        #expect(Array(text.utf8)[range] == Array("{\"id\": \"a\",\n   \"text\": \"first\"}".utf8)[...])
    }

    @Test func aPrettyPrintedObjectIsOneDocumentAndJSONLinesStayLines() throws {
        let object = try TemporaryFiles.write("\n{\n  \"id\": \"o\",\n  \"text\": \"only\"\n}", named: "object.json")
        #expect(try CorpusReader().readDocuments(from: [object]).map(\.id) == ["o"])
        let lines = try TemporaryFiles.write(#"{"id": "1", "text": "x"}"# + "\n" + #"{"id": "2", "text": "y"}"#, named: "lines.json")
        var summary = ReadSummary()
        try CorpusReader().forEachDocument(in: [lines], summary: &summary) { _ in }
        #expect(summary.documents == 2)
        #expect(summary.inputs.map(\.jsonDocuments) == [0])
        let empty = try TemporaryFiles.write("[ ]", named: "empty.json")
        #expect(try CorpusReader().readDocuments(from: [empty]).isEmpty)
    }

    @Test func badJSONDocumentsSayWhereAndWhat() throws {
        let trailing = try TemporaryFiles.write("[\n {\"id\": \"a\", \"text\": \"x\"},\n]", named: "trailing.json")
        let error = #expect(throws: InputError.self) { try CorpusReader().readDocuments(from: [trailing]) }
        #expect(error?.description == "\(trailing):3: invalid JSON: trailing comma before ']'")
        let after = try TemporaryFiles.write("{\n\"id\": \"a\", \"text\": \"x\"\n} {}", named: "after.json")
        let second = #expect(throws: InputError.self) { try CorpusReader().readDocuments(from: [after]) }
        #expect(second?.description == "\(after):3: invalid JSON: more after the end of the JSON document")
        let missing = try TemporaryFiles.write("[{\"id\": \"a\"},\n {\"id\": \"b\", \"text\": \"y\"}]", named: "missing.json")
        let corpus = try CorpusReader(invalidRecords: .skip).read(from: [missing])
        #expect(corpus.documents.map(\.id) == ["b"])
        #expect(corpus.summary.invalidRecords.examples.map(\.description) == ["\(missing):1: missing field \"text\""])
    }
}
